"""CSV exports of every dataset and the zip of all of them: a small export is answered whole,
a larger one is written to a spool file (read row batch by row batch) and streamed from it."""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import islice
from typing import IO, Any
from zoneinfo import ZoneInfo

from sqlmodel import Session

from api.analytics.constants import get_method
from api.analytics.e1rm import (
    BodyweightInput,
    BodyweightTimeline,
    SetInput,
    epley_e1rm,
    estimate_set,
)
from api.analytics.pain import pain_band
from api.csv_io.exporters import CsvStreamWriter, convert_load_for_unit, sets_columns
from api.policy import Access
from api.services import analytics as analytics_service
from db.models import User
from db.queries import analytics as analytics_queries
from db.queries import exports as exports_queries

DATASETS = ("sets", "workouts", "pain-scores", "bodyweights", "benchmarks", "balance")
BODYWEIGHT_LOAD_TYPES = {"bodyweight", "bodyweight_plus", "assisted"}
# A larger export waits in a spool file (on disk past this size) while the client reads it,
# and `_chunks` closes the file once read.
SPOOL_BYTES = 1024 * 1024
CHUNK_BYTES = 64 * 1024
# An export of at most this many rows is read in one statement per table and answered whole
# (~250 KB of workouts, ~400 KB of sets); a larger one is streamed, after that first read was
# spent finding out.
WHOLE_ROWS = 2000


@dataclass(frozen=True, slots=True)
class ExportQuery:
    """What the caller asked for; the owner's profile gives a unit and zone not asked for."""

    date_from: date | None
    date_to: date | None
    unit: str | None  # "kg" | "lb"
    tz: str | None
    delimiter: str  # "comma" | "semicolon"
    bom: bool


@dataclass(frozen=True, slots=True)
class ExportOptions:
    date_from: date | None
    date_to: date | None
    unit: str  # "kg" | "lb"
    tz: ZoneInfo
    delimiter: str  # "comma" | "semicolon"
    bom: bool

    def start(self) -> datetime | None:
        return _local(self.date_from, self.tz) if self.date_from else None

    def end(self) -> datetime | None:
        return _local(self.date_to + timedelta(days=1), self.tz) if self.date_to else None

    def local(self, instant: datetime | None) -> str | None:
        return instant.astimezone(self.tz).isoformat() if instant else None


def _local(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time.min, tzinfo=tz).astimezone(UTC)


def columns(dataset: str, unit: str) -> tuple[str, ...]:
    """The columns of a dataset (`load_lb` / `weight_lb` when unit is lb)."""
    weight = "weight_lb" if unit == "lb" else "weight_kg"
    return {
        "sets": sets_columns(unit),  # type: ignore[arg-type]
        "workouts": (
            "workout_id",
            "started_at",
            "ended_at",
            "title",
            "notes",
            "set_count",
            "created_by",
        ),
        "pain-scores": (
            "id",
            "recorded_at",
            "region",
            "side",
            "score",
            "band",
            "context",
            "workout_id",
            "notes",
            "created_by",
        ),
        "bodyweights": ("id", "measured_at", weight, "created_by"),
        "benchmarks": ("date", "lift", "chain", "region", "e1rm_kg", "extrapolated", "set_id"),
        "balance": (
            "date",
            "index",
            "lower",
            "upper",
            "band",
            "marked",
            "posterior",
            "anterior",
            "smoothed",
            "volume_index",
            "volume_lower",
            "volume_upper",
            "volume_band",
            "volume_marked",
        ),
    }[dataset]


def _set_rows(
    session: Session, owner: User, options: ExportOptions, limit: int | None
) -> Iterator[Mapping[str, Any]]:
    method = get_method()
    timeline = BodyweightTimeline.build(
        [
            BodyweightInput(r.measured_at, r.weight_kg)
            for r in analytics_queries.bodyweights(session, [owner.id])
        ],
        owner.bodyweight_kg,
        method,
    )
    for row in exports_queries.sets(session, owner.id, options.start(), options.end(), limit=limit):
        e1rm = None
        if row.set_type != "warmup" and row.reps >= 1:
            spec = method.lifts.get(row.exercise_slug)
            if spec is not None:
                needs_bw = spec.load_model != "external"
                estimate = estimate_set(
                    SetInput(
                        str(row.set_id),
                        row.exercise_slug,
                        row.started_at,
                        row.started_at.date(),
                        row.set_type,
                        row.reps,
                        row.load_kg,
                    ),
                    timeline.at(row.started_at) if needs_bw else None,
                    method,
                )
                e1rm = estimate.e1rm_kg
            else:  # not a scored lift: the same Epley estimate of its effective load (§1)
                load: float | None = row.load_kg
                if row.load_type in BODYWEIGHT_LOAD_TYPES:
                    bodyweight = timeline.at(row.started_at)
                    load = bodyweight + row.load_kg if bodyweight is not None else None
                if load is not None and load > 0:
                    e1rm = epley_e1rm(load, row.reps, method.epley_rep_cap)
        yield {
            "workout_id": row.workout_id,
            "workout_started_at": options.local(row.started_at),
            "workout_title": row.title,
            "position": row.position,
            "exercise": row.exercise,
            "exercise_slug": row.exercise_slug,
            "chain": row.chain,
            "set_type": row.set_type,
            "reps": row.reps,
            "load_kg" if options.unit == "kg" else "load_lb": convert_load_for_unit(
                row.load_kg,
                options.unit,  # type: ignore[arg-type]
            ),
            "rpe": row.rpe,
            "rir": row.rir,
            "duration_s": row.duration_s,
            "distance_m": row.distance_m,
            "e1rm_kg": e1rm,
            "notes": row.notes,
            "created_by": row.created_by,
        }


def _workout_rows(
    session: Session, owner: User, options: ExportOptions, limit: int | None
) -> Iterator[Mapping[str, Any]]:
    for row in exports_queries.workouts(
        session, owner.id, options.start(), options.end(), limit=limit
    ):
        yield {
            "workout_id": row.id,
            "started_at": options.local(row.started_at),
            "ended_at": options.local(row.ended_at),
            "title": row.title,
            "notes": row.notes,
            "set_count": row.set_count,
            "created_by": row.created_by,
        }


def _pain_rows(
    session: Session, owner: User, options: ExportOptions, limit: int | None
) -> Iterator[Mapping[str, Any]]:
    for (row,) in exports_queries.pain_scores(
        session, owner.id, options.start(), options.end(), limit=limit
    ):
        yield {
            "id": row.id,
            "recorded_at": options.local(row.recorded_at),
            "region": row.region,
            "side": row.side,
            "score": row.score,
            "band": pain_band(row.score),
            "context": row.context,
            "workout_id": row.workout_id,
            "notes": row.notes,
            "created_by": row.created_by,
        }


def _bodyweight_rows(
    session: Session, owner: User, options: ExportOptions, limit: int | None
) -> Iterator[Mapping[str, Any]]:
    for (row,) in exports_queries.bodyweights(
        session, owner.id, options.start(), options.end(), limit=limit
    ):
        yield {
            "id": row.id,
            "measured_at": options.local(row.measured_at),
            "weight_kg" if options.unit == "kg" else "weight_lb": convert_load_for_unit(
                row.weight_kg,
                options.unit,  # type: ignore[arg-type]
            ),
            "created_by": row.created_by,
        }


# The computed datasets are computed whole whatever the limit (their rows are days, not
# records); `export_csv` takes as many as it needs.
def _benchmark_rows(
    session: Session, owner: User, options: ExportOptions, _limit: int | None
) -> Iterator[Mapping[str, Any]]:
    yield from analytics_service.daily_bests(
        session, owner, date_from=options.date_from, date_to=options.date_to
    )


def _balance_rows(
    session: Session, owner: User, options: ExportOptions, _limit: int | None
) -> Iterator[Mapping[str, Any]]:
    yield from analytics_service.balance_rows(
        session, owner, date_from=options.date_from, date_to=options.date_to
    )


ROWS = {
    "sets": _set_rows,
    "workouts": _workout_rows,
    "pain-scores": _pain_rows,
    "bodyweights": _bodyweight_rows,
    "benchmarks": _benchmark_rows,
    "balance": _balance_rows,
}


def _writer(dataset: str, options: ExportOptions) -> CsvStreamWriter:
    return CsvStreamWriter(columns(dataset, options.unit), options.delimiter, options.bom)


def _options(owner: User, query: ExportQuery) -> ExportOptions:
    return ExportOptions(
        date_from=query.date_from,
        date_to=query.date_to,
        unit=query.unit or owner.unit_preference,
        tz=ZoneInfo(query.tz or owner.timezone),
        delimiter=query.delimiter,
        bom=query.bom,
    )


def export_csv(access: Access, dataset: str, query: ExportQuery) -> bytes | Iterator[bytes]:
    """The dataset as CSV: whole if it has at most `WHOLE_ROWS` rows (each table read with one
    plain statement: on PostgreSQL no server-side cursor, whose DECLARE, FETCHes and CLOSE were
    half a small export's round trips), else the chunks of a spool file holding it."""
    owner, options = access.owner, _options(access.owner, query)
    first = list(
        islice(ROWS[dataset](access.session, owner, options, WHOLE_ROWS + 1), WHOLE_ROWS + 1)
    )
    if len(first) <= WHOLE_ROWS:
        return b"".join(_writer(dataset, options).stream(first))
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (`_chunks`)
    for chunk in stream_csv(access.session, owner, dataset, options):
        spool.write(chunk)  # not `writelines`: it rolls over to disk only once all is written
    return _chunks(spool)


def stream_csv(
    session: Session, owner: User, dataset: str, options: ExportOptions
) -> Iterator[bytes]:
    """The dataset as CSV chunks; memory stays flat whatever the history size."""
    return _writer(dataset, options).stream(ROWS[dataset](session, owner, options, None))


def _chunks(spool: IO[bytes]) -> Iterator[bytes]:
    """The spool's bytes in pieces of CHUNK_BYTES; the spool is closed at the end."""
    with spool:
        spool.seek(0)
        while chunk := spool.read(CHUNK_BYTES):
            yield chunk


DICTIONARY: dict[str, dict[str, str]] = {
    "sets": {
        "workout_id": "id of the workout",
        "workout_started_at": "when the workout started (RFC 3339, local time zone of the export)",
        "workout_title": "workout title",
        "position": "order of the set within the workout, from 0",
        "exercise": "exercise name",
        "exercise_slug": "exercise id in the catalog, e.g. deadlift",
        "chain": "anterior, posterior or neutral",
        "set_type": "normal, warmup, dropset or failure",
        "reps": "repetitions",
        "load_kg": "kg: bar/machine load; for bodyweight lifts the added load (negative = "
        "assistance). load_lb in pounds with unit=lb (1 lb = 0.45359237 kg)",
        "rpe": "rate of perceived exertion, 1-10",
        "rir": "repetitions in reserve",
        "duration_s": "seconds",
        "distance_m": "metres",
        "e1rm_kg": "kg: estimated one-rep max (Epley, method pcb-1); empty when it has none",
        "notes": "set notes",
        "created_by": "id of the account that logged it (the user, or a trainer); empty once "
        "that trainer's account is erased",
    },
    "workouts": {
        "workout_id": "id",
        "started_at": "start (RFC 3339)",
        "ended_at": "end (RFC 3339)",
        "title": "title",
        "notes": "notes",
        "set_count": "number of sets",
        "created_by": "id of the account that logged it; empty once a trainer's account is erased",
    },
    "pain-scores": {
        "id": "id",
        "recorded_at": "when (RFC 3339)",
        "region": "body region (Nordic Musculoskeletal Questionnaire sites)",
        "side": "left, right or both",
        "score": "NPRS 0-10",
        "band": "none (0), mild (1-3), moderate (4-6), severe (7-10)",
        "context": "rest, during_training, after_training or next_morning",
        "workout_id": "linked workout",
        "notes": "notes",
        "created_by": "id of the account that logged it; empty once a trainer's account is erased",
    },
    "bodyweights": {
        "id": "id",
        "measured_at": "when (RFC 3339)",
        "weight_kg": "kg (weight_lb in pounds with unit=lb)",
        "created_by": "id of the account that logged it; empty once a trainer's account is erased",
    },
    "benchmarks": {
        "date": "local date",
        "lift": "lift slug",
        "chain": "anterior or posterior",
        "region": "lower or upper",
        "e1rm_kg": "kg: best estimated one-rep max that day",
        "extrapolated": "true when estimated from more than 10 reps",
        "set_id": "the set it came from",
    },
    "balance": {
        "date": "local date of the snapshot (a date with a counted set)",
        "index": "balance index B = P / A (1.0 = balanced; method pcb-1)",
        "lower": "B of the lower body",
        "upper": "B of the upper body",
        "band": "anterior_dominant (< 0.90), balanced, posterior_dominant (> 1.10)",
        "marked": "true when B < 0.80 or B > 1.25",
        "posterior": "posterior score P",
        "anterior": "anterior score A",
        "smoothed": "EWMA of B, half-life 28 days",
    },
}


def readme(owner: User, options: ExportOptions) -> str:
    """README.txt of the zip: a data dictionary naming each column, unit and meaning."""
    lines = [
        "Backchain export",
        f"Generated {datetime.now(UTC).isoformat()} for {owner.display_name or owner.email}.",
        "Computed figures (e1rm_kg, benchmarks, balance) use method pcb-1; "
        "GET /v1/methods/pcb-1 lists every constant.",
        f"Local times are in {options.tz.key}; weights in {options.unit}.",
        "Text cells that a spreadsheet would run as a formula start with an apostrophe.",
        "",
    ]
    for dataset in DATASETS:
        lines.append(f"{dataset}.csv")
        for column in columns(dataset, options.unit):
            meaning = DICTIONARY[dataset].get(column) or DICTIONARY[dataset].get(
                column.replace("_lb", "_kg"), ""
            )
            lines.append(f"  {column}: {meaning}")
        lines.append("")
    return "\n".join(lines)


def export_zip(access: Access, query: ExportQuery) -> Iterator[bytes]:
    """Every dataset plus README.txt in one zip: the chunks of a spool file holding it."""
    owner, options = access.owner, _options(access.owner, query)
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (`_chunks`)
    with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", readme(owner, options))
        for dataset in DATASETS:
            with archive.open(f"{dataset}.csv", "w") as member:
                member.writelines(stream_csv(access.session, owner, dataset, options))
    return _chunks(spool)
