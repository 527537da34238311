from enum import StrEnum


class GetBalanceTrendMethod(StrEnum):
    PCB_1 = "pcb-1"
    PCB_2 = "pcb-2"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "GetBalanceTrendMethod | None":
        """Accept values the API added after this client was generated (forward compatible)."""
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member
