from enum import StrEnum


class GetBalanceTrendMeasure(StrEnum):
    STRENGTH = "strength"
    VOLUME = "volume"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "GetBalanceTrendMeasure | None":
        """Accept values the API added after this client was generated (forward compatible)."""
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member
