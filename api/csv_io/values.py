"""Parsers for single CSV cells: numbers, durations and local date-times.

Each raises `ValueError` with a message meant for the person who made the file.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, tzinfo
from decimal import Decimal
from typing import Final

_NUMBER: Final = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_CLOCK: Final = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:\.\d+)?)")
# Strong writes a workout's length as "1h 5m", "45m", "31min", "20s" (German: "1 Std. 5 Min.").
_DURATION_PART: Final = re.compile(r"\s*(\d+(?:[.,]\d+)?)\s*([^\W\d_]+\.?)", re.IGNORECASE)
_SECONDS_PER_WORD: Final[dict[str, int]] = {
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours", "std", "stunde", "stunden"), 3600),
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes", "minuten"), 60),
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds", "sek", "sekunde", "sekunden"), 1),
}
_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
# Strong on 12-hour iPhones: "2023-05-01 6:30:00 PM" (iOS puts U+202F before PM).
_YMD_12H: Final = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))? ?([AaPp])\.?[Mm]\.?"
)
# Hevy: "1 May 2023, 18:30" (also "01 May 2023, 6:30 PM").
_DAY_MONTH_YEAR: Final = re.compile(
    r"(\d{1,2}) ([A-Za-z]+)\.? (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))? ?(?:([AaPp])\.?[Mm]\.?)?"
)
# Hevy on US-English phones: "May 22, 2026, 12:57 PM".
_MONTH_DAY_YEAR: Final = re.compile(
    r"([A-Za-z]+)\.? (\d{1,2}),? (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))? ?(?:([AaPp])\.?[Mm]\.?)?"
)
_MONTHS: Final[dict[str, int]] = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}


def parse_decimal(text: str, *, decimal_comma: bool) -> Decimal | None:
    """A plain decimal number ("102.5"; "102,5" when `decimal_comma`), None when blank."""
    value = text.strip()
    if not value:
        return None
    if decimal_comma and value.count(",") == 1 and "." not in value:
        value = value.replace(",", ".")
    if not _NUMBER.fullmatch(value):
        raise ValueError(f"{text.strip()!r} is not a number")
    return Decimal(value)


def parse_clock_seconds(text: str) -> Decimal | None:
    """A duration written as "h:mm:ss", "mm:ss" or plain seconds; None when blank."""
    value = text.strip()
    if not value:
        return None
    if _NUMBER.fullmatch(value):
        return Decimal(value)
    match = _CLOCK.fullmatch(value)
    if match is None:
        raise ValueError(f"{value!r} is not a duration like 0:45:00")
    hours, minutes, seconds = match.groups()
    return Decimal(int(hours or 0) * 3600 + int(minutes) * 60) + Decimal(seconds)


def parse_words_seconds(text: str) -> Decimal | None:
    """A duration written as "1h 5m", "31min", "20s", "1 Std. 5 Min.", "1:05:00" or plain
    seconds; None when blank."""
    value = text.strip()
    if not value:
        return None
    if _NUMBER.fullmatch(value):
        return Decimal(value)
    if _CLOCK.fullmatch(value):
        return parse_clock_seconds(value)
    total = Decimal(0)
    position = 0
    while position < len(value):
        match = _DURATION_PART.match(value, position)
        factor = None if match is None else _SECONDS_PER_WORD.get(match[2].lower().rstrip("."))
        if match is None or factor is None:
            raise ValueError(f"{value!r} is not a duration like 1h 5m")
        total += Decimal(match[1].replace(",", ".")) * factor
        position = match.end()
    return total


def parse_iso_date(text: str) -> date | None:
    """A bare calendar date "2023-05-01", else None (the text may hold a time too)."""
    value = text.strip()
    if not _ISO_DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a valid date") from exc


def local_to_utc(naive: datetime, tz: tzinfo) -> datetime:
    """Read a wall-clock time in `tz` as an aware UTC instant.

    A wall time that occurs twice when clocks go back takes its first occurrence (fold=0); one
    skipped when clocks go forward is read with the offset in force before the change.
    """
    return naive.replace(tzinfo=tz).astimezone(UTC)


def parse_timestamp(text: str, tz: tzinfo) -> datetime:
    """A date-time as the apps write it, as an aware UTC datetime.

    Accepted: ISO 8601 with or without offset ("2023-05-01 18:30:00", "2023-05-01T16:30:00Z"),
    "2023-05-01 6:30:00 PM", Hevy's "1 May 2023, 18:30" and "May 1, 2023, 6:30 PM". Times
    without an offset are wall clock times in `tz`.
    """
    value = parse_wall_clock(text)
    if value.tzinfo is not None:
        return value.astimezone(UTC)
    return local_to_utc(value, tz)


def parse_wall_clock(text: str) -> datetime:
    """A date-time as written: naive for a wall-clock time, aware when the text has an offset."""
    value = " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())
    if not value:
        raise ValueError("a date is required")
    parsed = _parse_naive_or_aware(value)
    if parsed is None:
        raise ValueError(f"{value!r} is not a date-time like 2023-05-01 18:30:00")
    return parsed


def wall_clock_text(value: datetime) -> str:
    """A canonical text of `parse_wall_clock`'s result: "2023-05-01 18:30:00", or in UTC with
    "+00:00" for a time that carried an offset."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return value.isoformat(sep=" ")


def _parse_naive_or_aware(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    try:
        match = _YMD_12H.fullmatch(value)
        if match is not None:
            year, month, day, hour, minute, second, half = match.groups()
            return _combine(int(year), int(month), int(day), hour, minute, second, half)
        match = _DAY_MONTH_YEAR.fullmatch(value)
        if match is not None:
            day, month_name, year, hour, minute, second, half = match.groups()
        else:
            match = _MONTH_DAY_YEAR.fullmatch(value)
            if match is None:
                return None
            month_name, day, year, hour, minute, second, half = match.groups()
        month = _MONTHS.get(month_name.lower())
        if month is None:
            return None
        return _combine(int(year), month, int(day), hour, minute, second, half)
    except ValueError:
        return None


def _combine(
    year: int, month: int, day: int, hour: str, minute: str, second: str | None, half: str | None
) -> datetime:
    return datetime.combine(
        date(year, month, day), time(_hour_24(int(hour), half), int(minute), int(second or 0))
    )


def _hour_24(hour: int, half: str | None) -> int:
    if half is None:
        return hour
    if not 1 <= hour <= 12:
        raise ValueError("12-hour clock hour out of range")
    return hour % 12 + (12 if half.lower() == "p" else 0)
