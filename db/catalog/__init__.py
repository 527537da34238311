"""The derived system-exercise catalog (db/catalog/exercises.json; sources in db/catalog/NOTICE).

Pure data, stdlib only, as db/catalog_seed.py: built by hand with `db/catalog/build.py`
and committed; nothing here reads ../shared. The first 38 rows are the seed's exercises with
their slugs kept. `load_type` and `aliases` follow db/catalog_seed.py; an alias in German
carries `lang: "de"`.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Final, NamedTuple

from db.catalog_seed import CHAINS, REGIONS
from db.catalog_seed import PATTERNS as SEED_PATTERNS

__all__ = [
    "CATALOG_PATH",
    "CHAINS",
    "PATTERNS",
    "REGIONS",
    "CatalogAlias",
    "CatalogExercise",
    "catalog",
    "catalog_by_slug",
]

CATALOG_PATH: Final = Path(__file__).with_name("exercises.json")
# The seed's vocabulary (db/catalog_seed.py), plus the patterns of exercises it never had.
PATTERNS: Final[frozenset[str]] = SEED_PATTERNS | {"cardio", "mobility", "plyometric"}


class CatalogAlias(NamedTuple):
    name: str  # as the app writes it
    source: str  # "strong" | "hevy" | "fitnotes" | "common"
    lang: str  # "en" | "de"


class CatalogExercise(NamedTuple):
    slug: str
    name: str
    chain: str  # "anterior" | "posterior" | "neutral"
    region: str  # "lower" | "upper" | "core" | "none"
    pattern: str  # see PATTERNS
    load_type: str  # "external" | "bodyweight" | "bodyweight_plus"
    equipment: str
    aliases: tuple[CatalogAlias, ...]
    sources: tuple[str, ...]  # where the exercise came from: seed, strong, hevy, ...


@cache
def catalog() -> tuple[CatalogExercise, ...]:
    """Every system exercise of the catalog, in file order (read once)."""
    rows = json.loads(CATALOG_PATH.read_text(encoding="utf-8"))
    return tuple(
        CatalogExercise(
            slug=row["slug"],
            name=row["name"],
            chain=row["chain"],
            region=row["region"],
            pattern=row["pattern"],
            load_type=row["load_type"],
            equipment=row["equipment"],
            aliases=tuple(
                CatalogAlias(a["name"], a["source"], a.get("lang", "en")) for a in row["aliases"]
            ),
            sources=tuple(row["sources"]),
        )
        for row in rows
    )


@cache
def catalog_by_slug() -> dict[str, CatalogExercise]:
    """The catalog keyed by slug."""
    return {exercise.slug: exercise for exercise in catalog()}
