"""Exercise-name keys for matching a file's names against the catalogue's aliases.

`alias_key` folds the differences that do not change which exercise a name means: letter case,
Unicode compatibility forms (full-width letters, ligatures, composed vs decomposed accents),
punctuation and spacing. So "Deadlift (Barbell)", "deadlift barbell" and "DEADLIFT  (barbell)"
share the key "deadlift barbell". Apostrophes are dropped rather than made spaces, so
"Farmer's Walk" and "Farmers Walk" share "farmers walk". Accents and digits are kept: "21s" is
not "21 s" only by accident of spacing, and "Développé" is a different spelling from
"Developpe" that the catalogue can list as its own alias.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

__all__ = ["alias_key"]

# ASCII and typographic apostrophes, modifier letter apostrophe, grave and acute accents as
# typed in place of an apostrophe.
_APOSTROPHES: Final = str.maketrans("", "", "'\u2018\u2019\u02bc`\u00b4")
_SEPARATORS: Final = re.compile(r"[\W_]+")


def alias_key(name: str) -> str:
    """The matching key of an exercise name: NFKC, case-folded, apostrophes dropped, every run
    of other non-alphanumeric characters one space, trimmed ("" for a name of punctuation)."""
    folded = unicodedata.normalize("NFKC", name).casefold().translate(_APOSTROPHES)
    return _SEPARATORS.sub(" ", folded).strip()
