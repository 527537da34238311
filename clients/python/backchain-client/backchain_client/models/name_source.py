from enum import StrEnum


class NameSource(StrEnum):
    FITNOTES = "fitnotes"
    HEVY = "hevy"
    STRONG = "strong"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "NameSource | None":
        """Accept values the API added after this client was generated (forward compatible)."""
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member
