"""Named enumerations shared by schemas (each becomes one named OpenAPI schema)."""

from __future__ import annotations

from enum import StrEnum


class Sex(StrEnum):
    male = "male"
    female = "female"
    other = "other"
    unspecified = "unspecified"


class Unit(StrEnum):
    kg = "kg"
    lb = "lb"


class Role(StrEnum):
    user = "user"
    admin = "admin"


class Chain(StrEnum):
    anterior = "anterior"
    posterior = "posterior"
    neutral = "neutral"


class BodyRegion(StrEnum):
    # These member names shadow str.lower/str.upper on members; never call them as methods.
    lower = "lower"  # type: ignore[assignment]
    upper = "upper"  # type: ignore[assignment]
    core = "core"
    none = "none"


class NameSource(StrEnum):
    """The app whose exported names a list of exercise names uses."""

    strong = "strong"
    hevy = "hevy"
    fitnotes = "fitnotes"


class LoadType(StrEnum):
    external = "external"
    bodyweight = "bodyweight"
    bodyweight_plus = "bodyweight_plus"
    assisted = "assisted"


class SetType(StrEnum):
    normal = "normal"
    warmup = "warmup"
    dropset = "dropset"
    failure = "failure"


class PainRegion(StrEnum):
    neck = "neck"
    shoulder = "shoulder"
    upper_back = "upper_back"
    elbow = "elbow"
    wrist_hand = "wrist_hand"
    low_back = "low_back"
    hip_thigh = "hip_thigh"
    knee = "knee"
    ankle_foot = "ankle_foot"


class Side(StrEnum):
    left = "left"
    right = "right"
    both = "both"


class PainContext(StrEnum):
    rest = "rest"
    during_training = "during_training"
    after_training = "after_training"
    next_morning = "next_morning"


class ChangeOp(StrEnum):
    upsert = "upsert"
    delete = "delete"


class ResourceName(StrEnum):
    workouts = "workouts"
    pain_scores = "pain-scores"
    bodyweights = "bodyweights"


class Band(StrEnum):
    anterior_dominant = "anterior_dominant"
    balanced = "balanced"
    posterior_dominant = "posterior_dominant"


class Reference(StrEnum):
    male = "male"
    female = "female"
    default = "default"


class TrendStatus(StrEnum):
    ok = "ok"
    insufficient_data = "insufficient_data"


class TrendDirection(StrEnum):
    """Balance series: stable/toward_posterior/toward_anterior; other series: rising/falling."""

    stable = "stable"
    toward_posterior = "toward_posterior"
    toward_anterior = "toward_anterior"
    rising = "rising"
    falling = "falling"


class PainBand(StrEnum):
    none = "none"
    mild = "mild"
    moderate = "moderate"
    severe = "severe"


class PainDirection(StrEnum):
    improved = "improved"
    worsened = "worsened"
    unchanged = "unchanged"


class FlagCode(StrEnum):
    pain_high = "pain_high"
    pain_rising = "pain_rising"
    marked_imbalance = "marked_imbalance"
    inactive = "inactive"
    worsening = "worsening"
    volume_marked = "volume_marked"


class InvitationStatus(StrEnum):
    pending = "pending"
    accepted = "accepted"
    revoked = "revoked"
    expired = "expired"


class RosterSort(StrEnum):
    flags = "flags"
    name = "name"
    last_workout = "last_workout"
    balance = "balance"


class ExportDataset(StrEnum):
    sets = "sets"
    workouts = "workouts"
    pain_scores = "pain-scores"
    bodyweights = "bodyweights"
    benchmarks = "benchmarks"
    balance = "balance"


class Delimiter(StrEnum):
    comma = "comma"
    semicolon = "semicolon"


class ImportFormat(StrEnum):
    auto = "auto"
    strong = "strong"
    hevy = "hevy"
    fitnotes = "fitnotes"
    backchain = "backchain"


class JobStatus(StrEnum):
    queued = "queued"
    running = "running"
    done = "done"
    failed = "failed"
