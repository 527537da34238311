"""A workout's accepted rows, gathered by source key and built into a `ParsedWorkout`."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime

from api.csv_io.importers.limits import MAX_NOTES_CHARS
from api.csv_io.importers.results import ParsedSet, ParsedWorkout, RowError
from api.csv_io.importers.rows import ExerciseNote, RowRead


@dataclass(slots=True)
class Group:
    """The accepted rows of one workout (one source key), in file order."""

    source_key: str
    started_at: datetime
    ended_at: datetime | None = None
    title: str | None = None
    notes: str | None = None
    sets: list[ParsedSet] = field(default_factory=list)
    exercise_notes: dict[str, str | None] = field(default_factory=dict)
    note_rows: list[ExerciseNote] = field(default_factory=list)

    def add(self, read: RowRead, parsed_set: ParsedSet) -> None:
        if not self.sets:
            self.title, self.ended_at = read.title, read.ended_at
        self.started_at = min(self.started_at, read.started_at)
        self.ended_at = self.ended_at or read.ended_at
        self.notes = self.notes or read.notes
        if read.is_exercise_note:
            name = parsed_set.exercise_name
            if name in self.exercise_notes and self.exercise_notes[name] == parsed_set.notes:
                parsed_set = replace(parsed_set, notes=None)
            else:
                self.exercise_notes[name] = parsed_set.notes
        self.sets.append(parsed_set)

    def add_note(self, read: RowRead) -> None:
        self.started_at = min(self.started_at, read.started_at)
        self.notes = self.notes or read.notes
        if read.exercise_note is not None:
            self.note_rows.append(read.exercise_note)

    def build(self, errors: list[RowError]) -> ParsedWorkout | None:
        """The workout of the accepted sets (None if there are none); errors for note rows that
        would make notes too long are appended to `errors`."""
        if not self.sets:
            return None
        sets, notes = self.sets, self.notes
        if self.note_rows:
            sets, notes = self._with_note_rows(errors)
        ended_at = self.ended_at if self.ended_at and self.ended_at >= self.started_at else None
        return ParsedWorkout.create(
            started_at=self.started_at,
            ended_at=ended_at,
            title=self.title,
            notes=notes,
            sets=sets,
            source_key=self.source_key,
        )

    def _with_note_rows(self, errors: list[RowError]) -> tuple[list[ParsedSet], str | None]:
        sets = list(self.sets)
        notes = self.notes
        first_set: dict[str, int] = {}
        for position, parsed_set in enumerate(sets):
            first_set.setdefault(parsed_set.exercise_name, position)
        for note in self.note_rows:
            index = first_set.get(note.exercise_name)
            if index is None:
                merged = _join_notes(notes, f"{note.exercise_name}: {note.text}")
            else:
                merged = _join_notes(sets[index].notes, note.text)
            if len(merged) > MAX_NOTES_CHARS:
                errors.append(
                    RowError(
                        note.line,
                        note.field,
                        f"this note would make the notes of {note.exercise_name!r} longer"
                        f" than {MAX_NOTES_CHARS} characters",
                    )
                )
            elif index is None:
                notes = merged
            else:
                sets[index] = replace(sets[index], notes=merged)
        return sets, notes


def _join_notes(first: str | None, second: str) -> str:
    return second if not first else f"{first}\n{second}"
