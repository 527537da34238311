"""The spreadsheet formula-injection guard (OWASP "CSV injection") and its inverse.

A text cell starting with `=`, `+`, `-`, `@`, tab or carriage return is run as a formula by
Excel, LibreOffice and Google Sheets; a leading apostrophe makes them show it as text. Numbers
are never text cells, so a negative load stays a number.

To keep Backchain's own export lossless on re-import, text that already starts with apostrophes
followed by a trigger character gets one more apostrophe, and `unguard_text` removes exactly
one: `"=1"` -> `"'=1"` -> `"=1"`, `"'=1"` -> `"''=1"` -> `"'=1"`.
"""

from __future__ import annotations

from typing import Final

FORMULA_TRIGGERS: Final[tuple[str, ...]] = ("=", "+", "-", "@", "\t", "\r")
GUARD: Final[str] = "'"
# First characters that can start a guarded or guard-worthy text (a fast path for the rest).
_FIRST_CHARS: Final[frozenset[str]] = frozenset((*FORMULA_TRIGGERS, GUARD))


def needs_guard(text: str) -> bool:
    """Whether a spreadsheet could read this text (after any apostrophes) as a formula."""
    return text[:1] in _FIRST_CHARS and text.lstrip(GUARD).startswith(FORMULA_TRIGGERS)


def guard_text(text: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would evaluate; other text is unchanged."""
    return GUARD + text if needs_guard(text) else text


def unguard_text(text: str) -> str:
    """Undo `guard_text`: drop the one apostrophe it added, if it added one."""
    return text[1:] if text.startswith(GUARD) and needs_guard(text) else text
