"""FitNotes' layout: one row per set and one workout per calendar date, which has no time, so
the workout starts at noon local time."""

from __future__ import annotations

from datetime import datetime, time
from typing import Final

from api.csv_io.importers.fields import check_not_future, make_source_key, read_moment, read_set
from api.csv_io.importers.rows import Context, Row, RowRead
from api.csv_io.values import local_to_utc, parse_clock_seconds, parse_iso_date

FITNOTES_START_TIME: Final = time(12, 0)


def read_fitnotes(row: Row, context: Context) -> RowRead | None:
    started_at, day = _fitnotes_start(row, context)
    parsed_set = read_set(
        row,
        context,
        exercise_key="exercise",
        set_type="normal",
        duration_key="time",
        duration_parser=parse_clock_seconds,
        notes_key=context.first_present(("comment", "notes", "note")),
        is_app_layout=True,
    )
    if started_at is None or parsed_set is None:
        return None
    return RowRead(
        key=make_source_key("fitnotes", day),
        started_at=started_at,
        ended_at=None,
        title=None,
        notes=None,
        parsed_set=parsed_set,
    )


def _fitnotes_start(row: Row, context: Context) -> tuple[datetime | None, str]:
    text = row.text("date")
    try:
        day = parse_iso_date(text)
    except ValueError as exc:
        row.fail("date", str(exc))
        return None, ""
    if day is None:
        moment = read_moment(row, "date", context)
        if moment is None:
            return None, ""
        started_at = moment[0]
        return started_at, started_at.astimezone(context.tz).date().isoformat()
    started_at = local_to_utc(datetime.combine(day, FITNOTES_START_TIME), context.tz)
    if not check_not_future(row, "date", started_at, context):
        return None, ""
    return started_at, day.isoformat()
