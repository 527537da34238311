from enum import StrEnum


class TrendStatus(StrEnum):
    INSUFFICIENT_DATA = "insufficient_data"
    OK = "ok"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "TrendStatus | None":
        """Accept values the API added after this client was generated (forward compatible)."""
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member
