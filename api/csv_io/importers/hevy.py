"""Hevy's layout: one row per set; exercise notes repeated on every set are kept once, and
the superset id is carried on the sets."""

from __future__ import annotations

from api.csv_io.importers.fields import (
    collapse_spaces,
    make_source_key,
    read_listed_set_type,
    read_moment,
    read_notes,
    read_set,
    read_title,
)
from api.csv_io.importers.rows import Context, Row, RowRead


def read_hevy(row: Row, context: Context) -> RowRead | None:
    set_type = read_listed_set_type(row, "set_type")
    moment = read_moment(row, "start_time", context)
    end = read_moment(row, "end_time", context) if row.text("end_time") else None
    parsed_set = read_set(
        row,
        context,
        exercise_key="exercise_title",
        set_type=set_type,
        duration_key="duration_seconds",
        duration_parser=None,  # plain seconds
        notes_key="exercise_notes",
        is_app_layout=True,
        superset_key="superset_id",
    )
    title = read_title(row, "title")
    notes = read_notes(row, "description")
    if moment is None or parsed_set is None:
        return None
    started_at, wall = moment
    return RowRead(
        key=make_source_key("hevy", collapse_spaces(row.text("title")), wall),
        started_at=started_at,
        ended_at=None if end is None else end[0],
        title=title,
        notes=notes,
        parsed_set=parsed_set,
        is_exercise_note=True,
    )
