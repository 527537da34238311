from enum import StrEnum


class FlagCode(StrEnum):
    INACTIVE = "inactive"
    MARKED_IMBALANCE = "marked_imbalance"
    PAIN_HIGH = "pain_high"
    PAIN_RISING = "pain_rising"
    VOLUME_MARKED = "volume_marked"
    WORSENING = "worsening"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "FlagCode | None":
        """Accept values the API added after this client was generated (forward compatible)."""
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member
