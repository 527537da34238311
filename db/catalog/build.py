"""Build db/catalog/exercises.json, the derived system-exercise catalog (run by hand).

    .venv/bin/python -m db.catalog.build [--shared ../shared]

Reads the reference data in ../shared/data (Free Exercise DB, Hevy names) and the name lists in
db/catalog/names.py, merges every name that means the same exercise, classifies each exercise
by its prime mover (BALANCE_METHOD §9) and writes the committed data file. Nothing reads
../shared at run time; db/catalog/NOTICE names the sources.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from api.exercise_names import fold, word_key
from db.catalog.names import FITNOTES, GERMAN, SAME_AS, STRONG
from db.catalog_seed import SYSTEM_EXERCISES

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "db" / "catalog" / "exercises.json"

# (pattern over folded names, chain, region, movement pattern); the first match wins, so the
# exclusions (§9 not counted) and the specific rules come before the general ones.
NEUTRAL, ANT, POST = "neutral", "anterior", "posterior"
RULES: list[tuple[str, str, str, str]] = [
    (
        r"stretch|smr|foam roll|mobility|yoga|pilates|circles?|downward dog|warm up|toe touch|"
        r"spiderman|torso rotation|world s greatest",
        NEUTRAL,
        "none",
        "mobility",
    ),
    (r"farmer|farmers|carry|yoke|waiter walk|suitcase", NEUTRAL, "none", "carry"),
    (
        r"neck curls?|neck extensions?|neck resistance|isometric neck|head harness|neck flexion",
        NEUTRAL,
        "none",
        "isolation",
    ),
    (
        r"reverse fl(y|ye|yes|ys)|rear lateral|rear delts?|rear deltoid|straight arm|"
        r"low pulley side lateral",
        POST,
        "upper",
        "isolation",
    ),
    (
        r"external rotation|internal rotation|side laterals?|deltoid raise",
        NEUTRAL,
        "none",
        "isolation",
    ),
    (r"side bridge|leg pull ins?|pull ins?", NEUTRAL, "core", "core"),
    (
        r"crunch|sit ?ups?|situp|plank|ab wheel|ab roller|rollout|roll out|leg raises?|"
        r"knee raises?|"
        r"knee tuck|russian twist|oblique|v ups?|hollow|dead bug|bird dog|pallof|wood ?chop|"
        r"side bend|dragon flag|l sit|flutter kicks?|mountain climbers?|toes? to bar|windshield|"
        r"jack ?knife|ab scissors|heel t(ouch|ap)|bicycle|abs?|abdominal|core|twists?|hanging pike|"
        r"turkish get up|knees to elbows|elbow to knee|front lever|shoulder taps|landmine 180|"
        r"halo|reverse plank|press under",
        NEUTRAL,
        "core",
        "core",
    ),
    (r"leg curls?|hamstrings? curls?|nordic|glute ham", POST, "lower", "knee_flexion"),
    (
        r"glute kickbacks?|donkey kick|hip kickback|rear kick|fire hydrants?|clam ?shell|"
        r"band walks?|monster walk|frog pumps?",
        POST,
        "lower",
        "hip_extension",
    ),
    (r"adductor|adduction|copenhagen|groin", NEUTRAL, "none", "isolation"),
    (r"hip abduct(or|ion)|abductor", POST, "lower", "isolation"),
    (r"squat row|shrugs?|back fly(e|es|s)?|bench pull", POST, "upper", "horizontal_pull"),
    (r"calf|calves", POST, "lower", "isolation"),
    (
        r"leg press|hack squat|squats?|lunges?|step ?ups?|leg extensions?|sissy|pistol|"
        r"hip flexor|box jump|jump(ing)? lunge|sled push|wall sit|thruster|knee extension|"
        r"frog jumps?|wall ball",
        ANT,
        "lower",
        "squat",
    ),
    (
        r"running|run|jog|jogging|treadmill|elliptical|cycling|bike|biking|spinning|swim|swimming|"
        r"rowing|rower|ski ?erg|skiing|skating|snowboarding|stair|climbing|jump rope|skipping|"
        r"aerobics|boxing|battle ropes?|battling ropes?|burpees?|jumping jacks?|hiking|walking|"
        r"sprints?|cardio|hiit|high knees?|knee skips|ball slams?",
        NEUTRAL,
        "none",
        "cardio",
    ),
    (r"dips?|dip machine", ANT, "upper", "vertical_push"),
    (r"push ?ups?|pushups?|press ups?", ANT, "upper", "horizontal_push"),
    (
        r"curls?|triceps?|pushdowns?|push downs?|pressdown|skull ?crushers?|kickbacks?|"
        r"french press|jm press|wrists?|forearms?|gripper|plate pinch|dead hang|preacher|zottman|"
        r"shoulder extension|hex press|tate press|triceps press",
        NEUTRAL,
        "none",
        "isolation",
    ),
    (
        r"lateral raises?|side raises?|lateral delt|upright rows?|lu raise|side lateral|"
        r"overhead plate raise|plate raise",
        NEUTRAL,
        "none",
        "isolation",
    ),
    (
        r"deadlifts?|rdl|romanian|stiff leg|good mornings?|hip thrusts?|bridges?|back extensions?|"
        r"hyperextensions?|hyper extension|reverse hyper|swings?|pull ?through|hip extension|"
        r"glutes?|"
        r"calf|calves|cleans?|snatch|high pull|rack pull|superman|hip hinge|atlas stones?|"
        r"clean pull|jump shrug|kettlebell around",
        POST,
        "lower",
        "hinge",
    ),
    (
        r"pull ?ups?|chin ?ups?|pull ?downs?|rows?|shrugs?|reverse fl(y|ye|yes|ys)|rear delts?|"
        r"rear deltoid|face pulls?|pull ?overs?|straight arm|pull ?aparts?|muscle ups?|y raise|"
        r"lat pull|t bar|renegade|scapular|high row|low row|reverse pec deck|vertical traction|"
        r"sternum pull|front lever raise",
        POST,
        "upper",
        "vertical_pull",
    ),
    (
        r"bench press|bench|press|push ?ups?|pushups?|press ups?|fly|flyes?|flys|crossovers?|"
        r"pec deck|butterfly|dragonfly|front raises?|jerk|handstand|pike|chest|svend|arnold|"
        r"military|"
        r"around the world",
        ANT,
        "upper",
        "horizontal_push",
    ),
]
COMPILED = [(re.compile(rf"\b(?:{p})\b"), c, r, pat) for p, c, r, pat in RULES]

# Free Exercise DB primary muscle -> (chain, region) when no name rule matches.
MUSCLES = {
    "quadriceps": (ANT, "lower"),
    "hamstrings": (POST, "lower"),
    "glutes": (POST, "lower"),
    "calves": (POST, "lower"),
    "lower back": (POST, "lower"),
    "abductors": (POST, "lower"),
    "chest": (ANT, "upper"),
    "lats": (POST, "upper"),
    "middle back": (POST, "upper"),
    "traps": (POST, "upper"),
    "abdominals": (NEUTRAL, "core"),
}

EQUIPMENT = [
    (r"smith", "smith_machine"),
    (r"trap bar|hex bar", "trap_bar"),
    (r"ez ?bar|e z curl bar|ez curl", "ez_bar"),
    (r"barbell|landmine", "barbell"),
    (r"dumbbells?", "dumbbell"),
    (r"kettlebells?", "kettlebell"),
    (r"cable|rope", "cable"),
    (r"bands?", "band"),
    (
        r"plate loaded|machine|machine plates|pec deck|leg press|hack squat|leg extension|"
        r"leg curl|lat pulldown|hammer strength|iso lateral|treadmill|elliptical|rowing|stair|bike",
        "machine",
    ),
    (r"suspension|trx|rings?", "suspension"),
    (r"plate", "plate"),
    (r"medicine ball|wall ball|slams?", "medicine_ball"),
    (r"stability ball|exercise ball", "exercise_ball"),
    (r"sled", "sled"),
]
FEDB_EQUIPMENT = {
    "barbell": "barbell",
    "dumbbell": "dumbbell",
    "body only": "bodyweight",
    "cable": "cable",
    "machine": "machine",
    "kettlebells": "kettlebell",
    "bands": "band",
    "medicine ball": "medicine_ball",
    "exercise ball": "exercise_ball",
    "foam roll": "foam_roll",
    "e-z curl bar": "ez_bar",
    "other": "other",
}
BODYWEIGHT_PLUS = re.compile(
    r"\b(?:pull ?ups?|chin ?ups?|dips?|push ?ups?|pushups?|muscle ups?|inverted rows?|nordic|"
    r"back extensions?|hyperextensions?|pistol|assisted|weighted|glute ham)\b"
)
VERTICAL_PULL = re.compile(
    r"\b(?:pull ?ups?|chin ?ups?|pull ?downs?|lat pull|muscle ups?|traction)\b"
)
HORIZONTAL_PULL = re.compile(r"\brows?\b|face pull|renegade")
VERTICAL_PUSH = re.compile(
    r"\b(?:overhead|shoulder press|military|arnold|push press|jerk|handstand|pike)\b"
)
LUNGE = re.compile(r"\b(?:lunges?|split squat|step ?ups?|bulgarian)\b")
KNEE_EXTENSION = re.compile(r"\b(?:leg extensions?|knee extension|sissy)\b")
HIP_EXTENSION = re.compile(
    r"\b(?:hip thrusts?|bridges?|back extensions?|hyperextensions?|glutes?)\b"
)


# Seed exercises whose first alias names no equipment, though they use one.
SEED_EQUIPMENT = {"farmers_carry": "dumbbell"}


@dataclass
class Entry:
    slug: str
    name: str
    chain: str
    region: str
    pattern: str
    load_type: str
    equipment: str
    aliases: list[dict[str, str]] = field(default_factory=list)
    origin: list[str] = field(default_factory=list)

    def add(self, alias: str, source: str, lang: str = "en") -> None:
        # Unique as the alias table keys them (lower-cased text, source), as in the seed.
        key = (alias.lower(), source, lang)
        if all((a["name"].lower(), a["source"], a.get("lang", "en")) != key for a in self.aliases):
            self.aliases.append(
                {"name": alias, "source": source} | ({"lang": lang} if lang != "en" else {})
            )


def classify(name: str, fedb: dict[str, Any] | None = None) -> tuple[str, str, str]:
    """(chain, region, pattern) of an exercise by its name, else its Free Exercise DB muscles."""
    folded = fold(name)
    if fedb is not None and fedb.get("category") == "stretching":
        return NEUTRAL, "none", "mobility"
    if fedb is not None and fedb.get("category") == "cardio":
        return NEUTRAL, "none", "cardio"
    for regex, chain, region, pattern in COMPILED:
        if regex.search(folded):
            return chain, region, _pattern(folded, chain, region, pattern)
    if fedb is not None and fedb.get("category") == "plyometrics":
        return NEUTRAL, "none", "plyometric"  # drills and throws: no prime mover to count
    if fedb is not None and fedb.get("primaryMuscles"):
        muscle = fedb["primaryMuscles"][0]
        if muscle == "shoulders":
            pair = (ANT, "upper") if fedb.get("force") == "push" else (POST, "upper")
        else:
            pair = MUSCLES.get(muscle, (NEUTRAL, "none"))
        pattern = "core" if pair[1] == "core" else "isolation"
        return pair[0], pair[1], _pattern(folded, pair[0], pair[1], pattern)
    return NEUTRAL, "none", "isolation"


def _pattern(folded: str, chain: str, region: str, default: str) -> str:
    if chain == NEUTRAL:
        return default
    if region == "upper" and chain == POST:
        if VERTICAL_PULL.search(folded):
            return "vertical_pull"
        return "horizontal_pull" if HORIZONTAL_PULL.search(folded) else "isolation"
    if region == "upper":
        if re.search(r"\b(?:fly|flye|flyes|crossovers?|pec deck|butterfly|raises?)\b", folded):
            return "isolation"
        return (
            "vertical_push"
            if VERTICAL_PUSH.search(folded) or "dip" in folded
            else "horizontal_push"
        )
    if chain == ANT:
        if LUNGE.search(folded):
            return "lunge"
        return "knee_extension" if KNEE_EXTENSION.search(folded) else "squat"
    if "curl" in folded or "nordic" in folded or "glute ham" in folded:
        return "knee_flexion"
    if HIP_EXTENSION.search(folded):
        return "hip_extension"
    if re.search(r"\b(?:calf|calves|abduct\w*|clam ?shell|band walks?|fire hydrants?)\b", folded):
        return "isolation"
    return "hinge"


def equipment_of(name: str, fedb_equipment: str | None = None) -> str:
    """The equipment a name says, else the Free Exercise DB's, else bodyweight."""
    folded = fold(name)
    for pattern, equipment in EQUIPMENT:
        if re.search(rf"\b(?:{pattern})\b", folded):
            return equipment
    if fedb_equipment:
        return FEDB_EQUIPMENT.get(fedb_equipment, "other")
    return "bodyweight"


def load_type_of(name: str, pattern: str, equipment: str) -> str:
    """How a logged weight is read (db/catalog_seed.py): external, bodyweight or bodyweight_plus."""
    folded = fold(name)
    if pattern in ("cardio", "mobility"):
        return "bodyweight"
    on_body = equipment in ("bodyweight", "band", "suspension", "machine")
    if (
        BODYWEIGHT_PLUS.search(folded)
        and on_body
        and ("machine" not in folded or "assisted" in folded)
    ):
        return "bodyweight_plus"
    if equipment == "bodyweight":
        return "bodyweight_plus" if pattern not in ("core", "isolation") else "bodyweight"
    return "external"


def slugify(name: str) -> str:
    return "_".join(fold(name).split())[:80]


class Catalog:
    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.by_key: dict[str, Entry] = {}
        self.slugs: set[str] = set()

    def find(self, name: str) -> Entry | None:
        return self.by_key.get(word_key(name))

    def index(self, entry: Entry, name: str) -> None:
        self.by_key.setdefault(word_key(name), entry)

    def add_seed(self) -> None:
        for seed in SYSTEM_EXERCISES:
            entry = Entry(
                seed.slug,
                seed.name,
                seed.chain,
                seed.region,
                seed.pattern,
                seed.load_type,
                SEED_EQUIPMENT.get(seed.slug) or equipment_of(seed.aliases[0].alias),
                origin=["seed"],
            )
            self._register(entry)
            for alias in seed.aliases:
                entry.add(alias.alias, alias.source)
                self.index(entry, alias.alias)

    def _register(self, entry: Entry) -> None:
        base, n = entry.slug, 2
        while entry.slug in self.slugs:
            entry.slug, n = f"{base}_{n}", n + 1
        self.slugs.add(entry.slug)
        self.entries.append(entry)
        self.index(entry, entry.name)

    def add_name(self, name: str, source: str, fedb: dict[str, Any] | None = None) -> Entry:
        entry = self.find(SAME_AS.get(name, name))
        if entry is None and name in SAME_AS:
            raise SystemExit(f"{name!r} is the same as unknown {SAME_AS[name]!r}")
        if entry is None:
            chain, region, pattern = classify(name, fedb)
            equipment = equipment_of(name, fedb.get("equipment") if fedb else None)
            entry = Entry(
                slugify(name),
                name,
                chain,
                region,
                pattern,
                load_type_of(name, pattern, equipment),
                equipment,
            )
            self._register(entry)
        if source not in entry.origin:
            entry.origin.append(source)
        entry.add(name, "common" if source == "free-exercise-db" else source)
        self.index(entry, name)
        return entry


def split_names(block: str) -> list[str]:
    return [n.strip() for line in block.strip().splitlines() for n in line.split("|") if n.strip()]


def build(shared: Path) -> list[dict[str, Any]]:
    catalog = Catalog()
    catalog.add_seed()
    for name in split_names(STRONG):
        catalog.add_name(name, "strong")
    hevy = (shared / "data" / "exercise-names" / "hevy.txt").read_text().splitlines()
    for name in (n.strip() for n in hevy):
        if name:
            catalog.add_name(name, "hevy")
    for name in split_names(FITNOTES):
        catalog.add_name(name, "fitnotes")
    fedb = json.loads((shared / "data" / "free-exercise-db" / "exercises.json").read_text())
    for item in fedb:
        catalog.add_name(item["name"], "free-exercise-db", item)
    for english, names in GERMAN.items():
        found = catalog.find(english)
        if found is None:
            raise SystemExit(f"German names for unknown exercise {english!r}")
        for name in names:
            found.add(name, "strong", "de")
    for entry in catalog.entries:
        # Every exercise answers to its own name in free text, as the seed's do.
        entry.add(entry.name, "common")
    return [
        {
            "slug": e.slug,
            "name": e.name,
            "chain": e.chain,
            "region": e.region,
            "pattern": e.pattern,
            "load_type": e.load_type,
            "equipment": e.equipment,
            "aliases": e.aliases,
            "sources": e.origin,
        }
        for e in catalog.entries
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    exercises = build(args.shared)
    OUT.write_text(json.dumps(exercises, ensure_ascii=False, indent=1) + "\n")
    print(f"wrote {len(exercises)} exercises to {OUT.relative_to(ROOT)}")  # noqa: T201


if __name__ == "__main__":
    main()
