from enum import StrEnum


class ListBenchmarksLift(StrEnum):
    BACK_SQUAT = "back_squat"
    BARBELL_ROW = "barbell_row"
    BENCH_PRESS = "bench_press"
    CHIN_UP = "chin_up"
    DEADLIFT = "deadlift"
    FRONT_SQUAT = "front_squat"
    HIP_THRUST = "hip_thrust"
    OVERHEAD_PRESS = "overhead_press"
    PULL_UP = "pull_up"
    PUSH_UP = "push_up"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "ListBenchmarksLift | None":
        """Accept values the API added after this client was generated (forward compatible)."""
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member
