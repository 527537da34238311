"""Exercise name matching: one resolver for imports, sets and clients (issue 23).

Pure: it is built from the catalog's names and aliases and holds no database or web state.
A name resolves in stages, the first hit wins:

1. the exact name an app exports (`source` strong | hevy | fitnotes), case and spacing folded;
2. the folded key of any name or alias: case, accents, punctuation, hyphens, spaces and plurals
   folded ("Push-ups" = "push up" = "Pushup");
3. the same words in any order, equipment spellings unified ("Dumbbell Bench Press" =
   "Bench Press (Dumbbell)", "DB Bench Press");
4. nothing: fuzzy suggestions (rapidfuzz) over every name, best per exercise first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from db.catalog import catalog

SOURCES: tuple[str, ...] = ("strong", "hevy", "fitnotes")

_NON_WORD = re.compile(r"[^a-z0-9]+")
# Words spelled several ways in exports; the right side is the one keys use.
_SYNONYMS = {
    "ups": "up",
    "db": "dumbbell",
    "dumbbells": "dumbbell",
    "bb": "barbell",
    "kb": "kettlebell",
    "kettlebells": "kettlebell",
    "ez": "ezbar",
    "flye": "fly",
    "flyes": "fly",
    "flys": "fly",
    "flies": "fly",
    "bodyweight": "bodyweight",
    "bw": "bodyweight",
    "machines": "machine",
    "cables": "cable",
    "pulldown": "pulldown",
    "pullover": "pullover",
    "tricep": "triceps",
    "bicep": "biceps",
    "hyperextension": "hyperextension",
}
# Words whose trailing "s" is not a plural.
_KEEP_S = {
    "press",
    "biceps",
    "triceps",
    "abs",
    "cross",
    "lats",
    "delts",
    "glutes",
    "quads",
    "calves",
    "hamstrings",
    "obliques",
    "pecs",
    "traps",
    "plus",
    "ss",
}
_NOISE = {"the", "a", "an", "with", "on", "of", "and"}


def fold(text: str) -> str:
    """Lower-case ASCII words: accents dropped (ß as ss), punctuation and hyphens as spaces."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss").replace("ẞ", "ss"))
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", ascii_text.lower()).split())


def _singular(word: str) -> str:
    if word in _KEEP_S or len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ss") or not word.endswith("s"):
        return word
    return word[:-1]


def _words(text: str) -> list[str]:
    words = []
    for raw in fold(text).split():
        word = _SYNONYMS.get(raw, raw)
        words.append(_SYNONYMS.get(_singular(word), _singular(word)))
    if "smith" in words and "machine" in words:
        words.remove("machine")  # "Smith Machine" and "Smith" name the same rack
    return words


def name_key(text: str) -> str:
    """Stage 2 key: folded words, singular, joined without spaces ("Push-ups" -> "pushup")."""
    return "".join(_words(text))


def word_key(text: str) -> str:
    """Stage 3 key: the same words in sorted order, noise words left out."""
    return " ".join(sorted(w for w in _words(text) if w not in _NOISE))


def _similarity(a: str, b: str, **_: object) -> float:
    """WRatio (forgiving of partial and reordered words) tempered by token_sort_ratio (whole
    names): "Squat (Smith Machien)" ranks the smith-machine squat above the back squat."""
    return (fuzz.WRatio(a, b) + fuzz.token_sort_ratio(a, b)) / 2


@dataclass(frozen=True, slots=True)
class NameEntry:
    """One name of a catalog exercise: its display name or an alias an app exports."""

    slug: str
    exercise_name: str
    alias: str
    source: str  # strong | hevy | fitnotes | common | name


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A catalog exercise a name may mean, with rapidfuzz's score (0-100)."""

    slug: str
    name: str
    score: float


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a name resolved to (slug None: unknown) and the suggestions for it."""

    name: str
    slug: str | None
    exercise_name: str | None
    stage: str | None  # source | name | words, or None when unresolved
    suggestions: tuple[Suggestion, ...]


class NameResolver:
    """Resolves exercise names against one set of catalog names (build once, reuse)."""

    def __init__(
        self, entries: Iterable[NameEntry], *, min_score: float = 60.0, limit: int = 5
    ) -> None:
        self._min_score = min_score
        self._limit = limit
        self._names: dict[str, str] = {}
        self._by_source: dict[tuple[str, str], str] = {}
        self._by_name: dict[str, str] = {}
        self._by_words: dict[str, str] = {}
        choices: dict[str, str] = {}
        self._choice_slugs: list[str] = []
        # Without a source, a name means what the exercise's own name and the common spellings
        # say before what one app calls it: on a clash the earlier one keeps the key.
        rank = {"name": 0, "common": 1, "strong": 2, "hevy": 2, "fitnotes": 2}
        for entry in sorted(entries, key=lambda e: rank.get(e.source, 3)):
            self._names.setdefault(entry.slug, entry.exercise_name)
            if entry.source in SOURCES:
                self._by_source.setdefault((entry.source, fold(entry.alias)), entry.slug)
            self._by_name.setdefault(name_key(entry.alias), entry.slug)
            self._by_words.setdefault(word_key(entry.alias), entry.slug)
            choices.setdefault(word_key(entry.alias), entry.slug)
        self._choices = list(choices)
        self._choice_slugs = list(choices.values())

    def __len__(self) -> int:
        return len(self._names)

    def name_of(self, slug: str) -> str | None:
        """The display name of a catalog exercise."""
        return self._names.get(slug)

    def resolve(self, name: str, source: str | None = None, *, suggest: bool = True) -> Resolution:
        """The catalog exercise a name means, or None with suggestions (unless `suggest` is
        false)."""
        slug: str | None = None
        stage: str | None = None
        if source is not None:
            slug = self._by_source.get((source, fold(name)))
            stage = "source"
        if slug is None:
            slug, stage = self._by_name.get(name_key(name)), "name"
        if slug is None:
            slug, stage = self._by_words.get(word_key(name)), "words"
        if slug is not None:
            return Resolution(name, slug, self._names[slug], stage, ())
        return Resolution(name, None, None, None, self.suggest(name) if suggest else ())

    def resolve_many(self, names: Sequence[str], source: str | None = None) -> list[Resolution]:
        """`resolve` for each name, in order; a repeated name is matched once."""
        seen: dict[str, Resolution] = {}
        return [
            seen[n] if n in seen else seen.setdefault(n, self.resolve(n, source)) for n in names
        ]

    def suggest(self, name: str) -> tuple[Suggestion, ...]:
        """Up to `limit` exercises a name may mean, best first, at most one per exercise."""
        query = word_key(name)
        if not query:
            return ()
        hits = process.extract(
            query,
            self._choices,
            scorer=_similarity,
            limit=self._limit * 6,
            score_cutoff=self._min_score,
        )
        out: dict[str, Suggestion] = {}
        for _, score, index in hits:
            slug = self._choice_slugs[index]
            if slug not in out:
                out[slug] = Suggestion(slug, self._names[slug], round(float(score), 1))
        ranked = sorted(out.values(), key=lambda s: (-s.score, s.name))
        return tuple(ranked[: self._limit])


class OwnerResolver:
    """An owner's own exercises first, then the system catalog: an own exercise wins over the
    catalog when its name matches (folded as stages 2 and 3 fold), and suggestions come from
    both, best first. This is the one matcher of imports, sets and `POST /exercises/resolve`."""

    def __init__(self, own: Iterable[NameEntry], system: NameResolver | None = None) -> None:
        self._system = system if system is not None else system_resolver()
        self._own = NameResolver(own, min_score=self._system._min_score)
        self._limit = self._system._limit

    def resolve(self, name: str, source: str | None = None) -> Resolution:
        """The exercise a name means (an own slug or a catalog slug), or None with suggestions."""
        if len(self._own):
            own = self._own.resolve(name, suggest=False)
            if own.slug is not None:
                return own
        found = self._system.resolve(name, source)
        if found.slug is not None or not len(self._own):
            return found
        merged = {s.slug: s for s in (*self._own.suggest(name), *found.suggestions)}
        ranked = sorted(merged.values(), key=lambda s: (-s.score, s.name))
        return Resolution(name, None, None, None, tuple(ranked[: self._limit]))

    def resolve_many(self, names: Sequence[str], source: str | None = None) -> list[Resolution]:
        """`resolve` for each name, in order; a repeated name is matched once."""
        seen: dict[str, Resolution] = {}
        return [
            seen[n] if n in seen else seen.setdefault(n, self.resolve(n, source)) for n in names
        ]


def own_entries(exercises: Iterable[tuple[str, str]]) -> list[NameEntry]:
    """The names of an owner's custom exercises, from (slug, name) pairs."""
    return [NameEntry(slug, name, name, "name") for slug, name in exercises]


def catalog_entries() -> list[NameEntry]:
    """Every name of every system exercise: its own name, then each alias."""
    entries = [NameEntry(e.slug, e.name, e.name, "name") for e in catalog()]
    entries += [NameEntry(e.slug, e.name, a.name, a.source) for e in catalog() for a in e.aliases]
    return entries


@cache
def system_resolver() -> NameResolver:
    """The resolver over the system catalog (built once per process)."""
    return NameResolver(catalog_entries())
