"""CSV imports: parse (pure `api.csv_io`), map exercise names, skip what was imported
before, and store everything in one transaction (all or nothing)."""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from itertools import islice
from zoneinfo import ZoneInfo

from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from api.csv_io import (
    MAX_ROWS,
    CsvFormatError,
    CsvTooLarge,
    ParsedWorkout,
    ParseResult,
    alias_key,
    check_row_count,
    parse,
)
from api.errors import (
    BackchainError,
    FieldError,
    InvalidInput,
    NotFound,
    PayloadTooLarge,
    error_body,
)
from api.exercise_names import SOURCES
from api.policy import Access
from api.schemas.imports import ImportJobRead, ImportResult, UnknownExercise
from api.services import exercises as exercises_service
from db.base import table_of, utcnow
from db.engine import Database
from db.models import Exercise, ImportJob, WorkoutSet
from db.queries import changes as changes_queries
from db.queries import exercises as exercises_queries
from db.queries import imports as imports_queries

HASH_CHUNK = 500
# Sets per executemany: all rows of a 100,000-set file at once (dicts and the driver's
# parameters) raised the peak memory of an import by ≈ 115 MiB.
SET_CHUNK = 10_000
SET_COLUMNS = (
    "id",
    "workout_id",
    "exercise_id",
    "position",
    "set_type",
    "reps",
    "load_kg",
    "rpe",
    "rir",
    "duration_s",
    "distance_m",
    "notes",
)
# uuid4's version and variant bits (RFC 4122 §4.4).
_UUID4_CLEAR = ~(0xF000 << 64 | 0xC000 << 48)
_UUID4_SET = 0x4000 << 64 | 0x8000 << 48


@dataclass(frozen=True, slots=True)
class ImportOptions:
    format: str
    unit: str
    tz: tzinfo
    dry_run: bool
    max_rows: int = MAX_ROWS  # more data rows than this: 413


@dataclass(frozen=True, slots=True)
class Job:
    """A background import, started: `run_job` runs it once the 202 is answered."""

    read: ImportJobRead
    access: Access
    options: ImportOptions
    lease_s: int


def create_import(
    access: Access,
    data: bytes,
    *,
    format: str,
    unit: str | None,
    tz: str | None,
    dry_run: bool,
    max_rows: int,
    sync_max_rows: int,
    lease_s: int,
) -> ImportResult | Job:
    """Import a file now, or start a `Job` for one of more than `sync_max_rows` rows (a dry
    run is always answered now); the unit and zone default to the owner's profile."""
    owner = access.owner
    options = ImportOptions(
        format, unit or owner.unit_preference, ZoneInfo(tz or owner.timezone), dry_run, max_rows
    )
    rows = max(0, data.count(b"\n") - 1)  # a cheap upper bound of the data rows
    if rows <= sync_max_rows or dry_run:
        return run_import(access, data, options)
    try:  # a file over the row limit is refused now, not by a job that fails later
        check_row_count(data, options.max_rows)
    except CsvTooLarge as exc:
        raise PayloadTooLarge(str(exc)) from exc
    except CsvFormatError as exc:
        raise InvalidInput([FieldError("file", str(exc))], code="invalid_csv") from exc
    return start_job(access, rows, options, lease_s=lease_s)


def _parse(data: bytes, options: ImportOptions) -> ParseResult:
    try:
        result = parse(
            data,
            format=options.format,  # type: ignore[arg-type]
            unit=options.unit,  # type: ignore[arg-type]
            tz=options.tz,
            max_rows=options.max_rows,
        )
    except CsvTooLarge as exc:
        raise PayloadTooLarge(str(exc)) from exc
    except CsvFormatError as exc:
        raise InvalidInput([FieldError("file", str(exc))], code="invalid_csv") from exc
    if result.errors:
        raise InvalidInput(
            [FieldError(e.field, e.message, line=e.line) for e in result.errors],
            detail=f"{len(result.errors)} rows are invalid; nothing was imported",
            code="invalid_rows",
        )
    return result


def _resolve(
    access: Access, result: ParseResult, *, create: bool
) -> tuple[dict[str, uuid.UUID], list[UnknownExercise]]:
    """Map every exercise name of the file to an exercise id through the one name matcher
    (with the app's own names for Strong, Hevy and FitNotes files); a name that means nothing
    becomes an unclassified custom exercise (neutral/none, BALANCE_METHOD §9)."""
    session, owner_id = access.session, access.owner_id
    # Backchain's own export names the slug: it decides before the name.
    slugs = {s.exercise_name: s.exercise_slug for w in result.workouts for s in w.sets}
    by_slug = exercises_queries.visible_by_slugs(
        session, owner_id, [slug for slug in set(slugs.values()) if slug]
    )
    resolved: dict[str, uuid.UUID] = {}
    for name in result.exercise_names:
        row = by_slug.get(slugs.get(name) or "")
        if row is not None:
            resolved[name] = row.id
    names = [name for name in result.exercise_names if name not in resolved]
    source = result.layout if result.layout in SOURCES else None
    resolutions, rows = exercises_service.resolve_exercises(session, owner_id, names, source)
    unknown: list[UnknownExercise] = []
    for resolution in resolutions:
        row = rows.get(resolution.slug) if resolution.slug is not None else None
        if row is not None:
            resolved[resolution.name] = row.id
            continue
        name, exercise_id = resolution.name, uuid.uuid4()
        if create:
            slug = "_".join(alias_key(name).split())[:60] or "exercise"
            session.add(
                Exercise(
                    id=exercise_id,
                    slug=f"{slug}_{exercise_id.hex[:8]}",
                    name=name[:120],
                    chain="neutral",
                    region="none",
                    load_type="external",
                    is_system=False,
                    owner_id=owner_id,
                    classified=False,
                )
            )
        resolved[name] = exercise_id
        unknown.append(
            UnknownExercise(
                name=name,
                exercise_id=exercise_id if create else None,
                suggestions=exercises_service.suggestions_of(resolution),
            )
        )
    return resolved, unknown


def _already_imported(session: Session, owner_id: uuid.UUID, hashes: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(hashes), HASH_CHUNK):
        chunk = list(hashes[start : start + HASH_CHUNK])
        found.update(imports_queries.imported_hashes(session, owner_id, chunk))
    return found


def run_import(
    access: Access,
    data: bytes,
    options: ImportOptions,
    *,
    before_commit: Callable[[ImportResult], None] | None = None,
) -> ImportResult:
    """Import a file; any invalid row rejects the whole file (422 listing every row).
    `before_commit` runs in the import's transaction just before it commits."""
    session = access.session
    result = _parse(data, options)
    seen = _already_imported(session, access.owner_id, [w.content_hash for w in result.workouts])
    fresh = []
    duplicates = 0
    for workout in result.workouts:
        if workout.content_hash in seen:
            duplicates += 1
            continue
        seen.add(workout.content_hash)
        fresh.append(workout)
    resolved, unknown = _resolve(access, result, create=not options.dry_run)
    sets_created = sum(len(w.sets) for w in fresh)
    answer = ImportResult(
        dry_run=options.dry_run,
        format=result.layout,
        workouts_created=len(fresh),
        sets_created=sets_created,
        rows_skipped=result.rows_skipped,
        duplicates_skipped=duplicates,
        unknown_exercises=unknown,
        errors=[],
    )
    if options.dry_run:
        session.rollback()
        return answer
    if not fresh:
        if before_commit is not None:
            before_commit(answer)
        session.commit()
        return answer
    now = utcnow()
    owner, actor = access.owner_id, access.actor_id
    session.flush()  # custom exercises first
    workout_ids = _new_ids(len(fresh))
    # One executemany per table (sets in chunks, as tuples to the driver). (An ORM bulk insert
    # groups rows by which keys are None and sent 100,000 rows as 40,001 calls: bench/RESULTS.md.)
    imports_queries.insert_workouts(
        session,
        [
            {
                "id": workout_id,
                "user_id": owner,
                "started_at": workout.started_at,
                "ended_at": workout.ended_at,
                "title": workout.title,
                "notes": workout.notes,
                "created_by": actor,
                "version": 1,
                "created_at": now,
                "updated_at": now,
                "deleted_at": None,
            }
            for workout, workout_id in zip(fresh, workout_ids, strict=True)
        ],
    )
    set_rows = _set_rows(fresh, workout_ids, resolved)
    while chunk := list(islice(set_rows, SET_CHUNK)):
        imports_queries.insert_values(session, table_of(WorkoutSet), SET_COLUMNS, chunk)
    imports_queries.insert_records(
        session,
        [
            {
                "id": record_id,
                "user_id": owner,
                "content_hash": workout.content_hash,
                "source_key": workout.source_key[:300],
                "workout_id": workout_id,
                "created_at": now,
            }
            for workout, workout_id, record_id in zip(
                fresh, workout_ids, _new_ids(len(fresh)), strict=True
            )
        ],
    )
    changes_queries.record_many(
        session, owner, resource="workouts", resource_ids=workout_ids, at=now
    )
    if before_commit is not None:
        before_commit(answer)
    session.commit()
    return answer


def _set_rows(
    workouts: Sequence[ParsedWorkout],
    workout_ids: Sequence[uuid.UUID],
    exercise_ids: dict[str, uuid.UUID],
) -> Iterator[tuple[object, ...]]:
    """The `workout_set` rows of the workouts (values of `SET_COLUMNS`), with new ids."""
    for workout, workout_id in zip(workouts, workout_ids, strict=True):
        set_ids = _new_ids(len(workout.sets))
        for position, (parsed, set_id) in enumerate(zip(workout.sets, set_ids, strict=True)):
            yield (
                set_id,
                workout_id,
                exercise_ids[parsed.exercise_name],
                position,
                parsed.set_type,
                parsed.reps,
                parsed.load_kg,
                parsed.rpe,
                parsed.rir,
                parsed.duration_s,
                parsed.distance_m,
                parsed.notes,
            )


def _new_ids(count: int) -> list[uuid.UUID]:
    """`count` random UUIDs as `uuid.uuid4` makes them, from one read of `os.urandom`."""
    random = os.urandom(16 * count)
    return [
        uuid.UUID(int=int.from_bytes(random[start : start + 16]) & _UUID4_CLEAR | _UUID4_SET)
        for start in range(0, 16 * count, 16)
    ]


# ---------------------------------------------------------------- background jobs
#
# A job holds a lease (`lease_expires_at`) from its creation: its worker renews it every third
# of `import_lease_seconds` while it runs. A queued or running job whose lease has passed lost
# its worker (the process was killed or restarted) and is failed, retryable, the next time it
# is polled or its owner starts another job. Its import's writes were never committed: the
# worker records the job's end in the import's own transaction, only while the job is still
# running, so a job failed as lapsed can never have stored anything.

log = logging.getLogger("backchain.imports")


class ImportInterrupted(BackchainError):
    status, code, title = 503, "import_interrupted", "Import interrupted"


class _LeaseLost(Exception):
    """The job was failed as lapsed while its worker still ran: store nothing."""


def _interrupted() -> str:
    return json.dumps(
        error_body(
            ImportInterrupted(
                "The import stopped before it finished (its worker ended); nothing was stored:"
                " send the file again."
            )
        )
    )


def _lease_until(lease_s: int) -> datetime:
    return utcnow() + timedelta(seconds=lease_s)


def start_job(access: Access, rows_total: int, options: ImportOptions, *, lease_s: int) -> Job:
    """A queued job for a large import; the owner's jobs whose worker died are failed."""
    session = access.session
    imports_queries.fail_lapsed_jobs(session, access.owner_id, now=utcnow(), result=_interrupted())
    job = ImportJob(
        user_id=access.owner_id, rows_total=rows_total, lease_expires_at=_lease_until(lease_s)
    )
    session.add(job)
    session.commit()
    return Job(_read(job), access, options, lease_s)


def run_job(database: Database, job: Job, data: bytes) -> None:
    """Run a started import on this thread (a background task's, not one that serves
    requests), holding the job's lease; the job row reports the result."""

    def run(session: Session) -> None:
        job_id = job.read.id
        if not imports_queries.take_job(session, job_id, lease_until=_lease_until(job.lease_s)):
            return  # gone, or failed as lapsed before a worker took it
        session.commit()
        stop = threading.Event()
        beat = threading.Thread(
            target=_renew_lease, args=(database, job_id, job.lease_s, stop), daemon=True
        )
        beat.start()
        try:
            _run_leased(dataclasses.replace(job.access, session=session), job_id, data, job.options)
        finally:
            # Nothing stays open: on SQLite the heartbeat may be waiting for the write lock.
            session.rollback()
            stop.set()
            beat.join()

    database.run_sync(run)


def _run_leased(access: Access, job_id: uuid.UUID, data: bytes, options: ImportOptions) -> None:
    session = access.session

    def settle(status: str, result: str) -> None:
        now = utcnow()
        if not imports_queries.settle_job(session, job_id, status=status, result=result, now=now):
            raise _LeaseLost()

    try:
        try:
            run_import(
                access,
                data,
                options,
                before_commit=lambda answer: settle("done", answer.model_dump_json()),
            )
        except BackchainError as exc:
            session.rollback()
            settle("failed", json.dumps(error_body(exc)))
            session.commit()
    except _LeaseLost:
        session.rollback()
        log.warning("import job %s was failed as lapsed while running: nothing stored", job_id)


def _renew_lease(
    database: Database, job_id: uuid.UUID, lease_s: int, stop: threading.Event
) -> None:
    """Renew the job's lease every third of it until `stop` is set or the job ends."""

    def renew(session: Session) -> bool:
        running = imports_queries.renew_lease(session, job_id, lease_until=_lease_until(lease_s))
        session.commit()
        return running

    while not stop.wait(lease_s / 3):
        try:
            running = database.run_sync(renew)
        except SQLAlchemyError:
            # A database hiccup (or SQLite's one writer busy too long): the next beat retries.
            log.warning("could not renew the lease of import job %s", job_id, exc_info=True)
            continue
        if not running:
            return


def get_job(access: Access, job_id: uuid.UUID) -> ImportJobRead:
    """A job of the owner, with its result once finished."""
    session = access.session
    job = session.get(ImportJob, job_id)
    if job is None or job.user_id != access.owner_id:
        raise NotFound()
    if job.status in ("queued", "running") and (
        job.lease_expires_at is None or job.lease_expires_at < utcnow()
    ):
        imports_queries.fail_lapsed_jobs(
            session, access.owner_id, now=utcnow(), result=_interrupted(), job_id=job.id
        )
        session.commit()
        session.refresh(job)
    return _read(job)


def _read(job: ImportJob) -> ImportJobRead:
    result = problem = None
    if job.result is not None:
        if job.status == "done":
            result = ImportResult.model_validate_json(job.result)
        else:
            problem = json.loads(job.result)
    return ImportJobRead(
        id=job.id,
        status=job.status,
        rows_done=job.rows_done,
        rows_total=job.rows_total,
        created_at=job.created_at,
        finished_at=job.finished_at,
        result=result,
        problem=problem,
    )
