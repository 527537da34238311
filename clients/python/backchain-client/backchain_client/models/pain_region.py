from enum import StrEnum


class PainRegion(StrEnum):
    ANKLE_FOOT = "ankle_foot"
    ELBOW = "elbow"
    HIP_THIGH = "hip_thigh"
    KNEE = "knee"
    LOW_BACK = "low_back"
    NECK = "neck"
    SHOULDER = "shoulder"
    UPPER_BACK = "upper_back"
    WRIST_HAND = "wrist_hand"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "PainRegion | None":
        """Accept values the API added after this client was generated (forward compatible)."""
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member
