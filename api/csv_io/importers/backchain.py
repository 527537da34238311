"""Backchain's own `sets.csv` in either unit: signed loads read as is, the formula guard
undone (see `rows.clean_backchain_cell`), the exercise slug carried."""

from __future__ import annotations

from api.csv_io.importers.fields import (
    make_source_key,
    read_listed_set_type,
    read_moment,
    read_set,
    read_title,
)
from api.csv_io.importers.rows import Context, Row, RowRead


def read_backchain(row: Row, context: Context) -> RowRead | None:
    set_type = read_listed_set_type(row, "set_type")
    moment = read_moment(row, "workout_started_at", context)
    parsed_set = read_set(
        row,
        context,
        exercise_key="exercise",
        set_type=set_type,
        duration_key="duration_s",
        duration_parser=None,  # plain seconds
        notes_key="notes",
        is_app_layout=False,
    )
    title = read_title(row, "workout_title")
    if moment is None or parsed_set is None:
        return None
    started_at, wall = moment
    workout_id = row.text("workout_id")
    return RowRead(
        key=(
            make_source_key("backchain", workout_id)
            if workout_id
            else make_source_key("backchain", wall, title or "")
        ),
        started_at=started_at,
        ended_at=None,
        title=title,
        notes=None,
        parsed_set=parsed_set,
    )
