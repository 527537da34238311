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
# Strong writes a workout's length as "1h 5m", "45m", "1h" (and a few apps add seconds).
_HMS_WORDS: Final = re.compile(
    r"(?:(\d+)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in(?:utes?|s)?)?)?\s*(?:(\d+)\s*s(?:ec(?:onds?|s)?)?)?",
    re.IGNORECASE,
)
_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
# Older Strong exports on 12-hour phones: "2023-05-01 6:30:00 PM" (iOS puts U+202F before PM).
_YMD_12H: Final = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))? ?([AaPp][Mm])"
)
# Hevy: "1 May 2023, 18:30" (also "01 May 2023, 6:30 PM").
_DAY_MONTH_YEAR: Final = re.compile(
    r"(\d{1,2}) ([A-Za-z]+)\.? (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))? ?([AaPp][Mm])?"
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
    """A duration written as "1h 5m", "45m", "30s" or plain seconds; None when blank."""
    value = text.strip()
    if not value:
        return None
    if _NUMBER.fullmatch(value):
        return Decimal(value)
    match = _HMS_WORDS.fullmatch(value)
    if match is None or not any(match.groups()):
        raise ValueError(f"{value!r} is not a duration like 1h 5m")
    hours, minutes, seconds = (int(group or 0) for group in match.groups())
    return Decimal(hours * 3600 + minutes * 60 + seconds)


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
    "2023-05-01 6:30:00 PM" and Hevy's "1 May 2023, 18:30". Times without an offset are wall
    clock times in `tz`.
    """
    value = " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split())
    if not value:
        raise ValueError("a date is required")
    naive = _parse_naive_or_aware(value)
    if naive is None:
        raise ValueError(f"{value!r} is not a date-time like 2023-05-01 18:30:00")
    if naive.tzinfo is not None:
        return naive.astimezone(UTC)
    return local_to_utc(naive, tz)


def _parse_naive_or_aware(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    try:
        match = _YMD_12H.fullmatch(value)
        if match is not None:
            year, month, day, hour, minute, second, half = match.groups()
            return datetime.combine(
                date(int(year), int(month), int(day)),
                time(_hour_24(int(hour), half), int(minute), int(second or 0)),
            )
        match = _DAY_MONTH_YEAR.fullmatch(value)
        if match is not None:
            day, month_name, year, hour, minute, second, half = match.groups()
            month = _MONTHS.get(month_name.lower())
            if month is None:
                return None
            return datetime.combine(
                date(int(year), month, int(day)),
                time(_hour_24(int(hour), half), int(minute), int(second or 0)),
            )
    except ValueError:
        return None
    return None


def _hour_24(hour: int, half: str | None) -> int:
    if half is None:
        return hour
    if not 1 <= hour <= 12:
        raise ValueError("12-hour clock hour out of range")
    return hour % 12 + (12 if half.lower() == "pm" else 0)
