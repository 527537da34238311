"""RESULTS.md: generated sections (one per benchmark), then the hand-written findings.

Each benchmark writes its own section between markers; a run that leaves a benchmark out
(`--only`) keeps that benchmark's section from the last file, so every section says when and
on what it was measured. Everything below `KEEP_MARKER` is hand-written and always kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from bench.inprocess import Work
from bench.load import Stats
from bench.profiling import Summary
from bench.scenarios import Scenario

KEEP_MARKER = "<!-- Everything below this line is hand-written; bench/run.py keeps it. -->"
DEFAULT_NOTES = """
## Findings and recommendations

_Not written yet: read the profiles above and write down where the time goes._
"""

SECTIONS = ("records", "analytics", "csv", "mixed")
_SECTION = re.compile(r"<!-- section:(\w+) -->\n(.*?)<!-- /section:\1 -->\n", re.DOTALL)
# (target, wanted, measured, passed: None when not measured)
Target = tuple[str, str, str, bool | None]

# (scenario key, minimum rate as a fraction of the bare `def` endpoint), on SQLite (issue 22).
RATIO_TARGETS = (("get", 0.3), ("post", 0.15), ("list", 0.1))
# The same, on PostgreSQL.
PG_RATIO_TARGETS = (("get", 0.25),)
MAX_OVER_MEDIAN = 10.0
NOISY_CORES = 0.25  # other processes' load above which the run is flagged
API_KEYS = ("get", "post", "put", "list")


@dataclass
class Measured:
    scenario: Scenario
    best: Stats  # the round with the highest rate
    rates: list[float]  # every round's rate, in order


@dataclass
class Backend:
    name: str
    measured: dict[str, Measured] = field(default_factory=dict)
    work: dict[str, Work] = field(default_factory=dict)
    inline: dict[str, tuple[int, Summary]] = field(default_factory=dict)  # requests, profile
    pyspy: dict[str, Summary] = field(default_factory=dict)
    skipped: str | None = None

    def ratio(self, key: str) -> float | None:
        if key not in self.measured or "bare" not in self.measured:
            return None
        return self.measured[key].best.rps / self.measured["bare"].best.rps

    def hop_cost_us(self) -> float | None:
        """Wall time per thread-pool hop: bare `def` (its hops) against bare `async def` (0)."""
        bare, bare_async = self.measured.get("bare"), self.measured.get("bare_async")
        hops = self.work["bare"].hops if "bare" in self.work else 0
        if not bare or not bare_async or not hops:
            return None
        return (1 / bare.best.rps - 1 / bare_async.best.rps) / hops * 1e6


@dataclass
class Run:
    started: datetime
    settings: list[tuple[str, str]]
    machine: list[tuple[str, str]]
    backends: list[Backend]


def _fmt(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}"


def _other_cores(stats: Stats) -> float | None:
    """Cores busy with something else than server, client and PostgreSQL meanwhile."""
    if "machine" not in stats.cpu_s or "server" not in stats.cpu_s:
        return None
    ours = stats.cpu_s["server"] + stats.cpu_s.get("postgres", 0.0)
    ours += stats.client_cpu_us * stats.requests / 1e6
    return max(0.0, (stats.cpu_s["machine"] - ours) / stats.seconds)


def _ratio_rows(
    backend: Backend | None, name: str, wanted: tuple[tuple[str, float], ...]
) -> list[Target]:
    rows: list[Target] = []
    for key, minimum in wanted:
        ratio = backend.ratio(key) if backend else None
        label = backend.measured[key].scenario.label if backend and key in backend.measured else key
        shown = "–" if ratio is None else f"{ratio:.3f}×"
        if ratio is not None and ratio < minimum:
            shown += f" (needs {minimum / ratio:.1f}× the rate)"
        rows.append(
            (
                f"{name} {label}: rate vs bare",
                f"≥ {minimum}×",
                shown,
                None if ratio is None else ratio >= minimum,
            )
        )
    return rows


def targets(backends: list[Backend]) -> list[tuple[str, str, str, bool | None]]:
    """(target, wanted, measured, passed) for the targets of the issue."""
    sqlite = next((b for b in backends if b.name == "SQLite" and b.measured), None)
    postgresql = next((b for b in backends if b.name == "PostgreSQL" and b.measured), None)
    rows = _ratio_rows(sqlite, "SQLite", RATIO_TARGETS)
    rows += _ratio_rows(postgresql, "PostgreSQL", PG_RATIO_TARGETS)
    for key in API_KEYS:
        if not sqlite or key not in sqlite.measured:
            continue
        stats = sqlite.measured[key].best
        rows.append(
            (
                f"SQLite {sqlite.measured[key].scenario.label}: slowest request",
                f"≤ {MAX_OVER_MEDIAN:g}× median",
                f"{stats.max_over_median:.1f}× ({stats.max_ms:.1f} ms vs {stats.median_ms:.2f} ms)",
                stats.max_over_median <= MAX_OVER_MEDIAN,
            )
        )
    return rows


def _backend_table(backend: Backend) -> list[str]:
    with_pg = any("postgres" in m.best.cpu_s for m in backend.measured.values())
    head = (
        "| endpoint | req/s (best) | × bare | req/s per round | median ms | p99 ms | max ms "
        "| max/median | server CPU µs/req |"
    )
    rule = "|---|--:|--:|--:|--:|--:|--:|--:|--:|"
    if with_pg:
        head += " PostgreSQL CPU µs/req |"
        rule += "--:|"
    head += " hops | SQL stmts | other load (cores) | errors |"
    rule += "--:|--:|--:|--:|"
    lines = [head, rule]
    for key, measured in backend.measured.items():
        stats = measured.best
        ratio = backend.ratio(key)
        work = backend.work.get(key)
        row = [
            measured.scenario.label,
            _fmt(stats.rps),
            "1" if key == "bare" else _fmt(ratio, 3),
            " / ".join(_fmt(rate) for rate in measured.rates),
            _fmt(stats.median_ms, 2),
            _fmt(stats.p99_ms, 2),
            _fmt(stats.max_ms, 1),
            _fmt(stats.max_over_median, 1),
            _fmt(stats.cpu_us("server")),
        ]
        if with_pg:
            row.append(_fmt(stats.cpu_us("postgres")))
        row += [
            _fmt(work.hops, 0) if work else "–",
            _fmt(work.statements, 0) if work and key not in {"bare", "bare_async"} else "–",
            _fmt(_other_cores(stats), 2),
            str(stats.errors) + (f" ({stats.first_error})" if stats.first_error else ""),
        ]
        lines.append("| " + " | ".join(row) + " |")
    return lines


def _work_lines(backend: Backend) -> list[str]:
    lines = [
        "| endpoint | thread-pool hops (what runs in each) | SQL statements |",
        "|---|---|---|",
    ]
    for key, work in backend.work.items():
        label = backend.measured[key].scenario.label if key in backend.measured else key
        lines.append(
            f"| {label} | {work.hops:g}: {', '.join(work.hop_calls) or 'none'} "
            f"| {work.statements:g}: {', '.join(work.statement_kinds) or 'none'} |"
        )
    return lines


def _summary_lines(title: str, summary: Summary, extra: str = "") -> list[str]:
    if not summary.samples:
        return [f"**{title}**: no samples (did the app's entry frame change?)", ""]
    lines = [f"**{title}** ({summary.samples:,} {summary.unit}{extra})", ""]
    lines += ["| where (leaf frame's package) | share |", "|---|--:|"]
    lines += [f"| {name} | {share:.1f} % |" for name, share in summary.by_package if share >= 0.5]
    lines += ["", "| phase (frame anywhere on the stack) | share |", "|---|--:|"]
    lines += [f"| {name} | {share:.1f} % |" for name, share in summary.phases if share >= 0.5]
    lines += ["", "| top frames by own time | share |", "|---|--:|"]
    lines += [f"| `{name}` | {share:.1f} % |" for name, share in summary.top_self]
    lines += ["", "| project functions (inclusive) | share |", "|---|--:|"]
    lines += [f"| `{name}` | {share:.1f} % |" for name, share in summary.top_project]
    return [*lines, ""]


def _noise_warning(run: Run) -> list[str]:
    busy = sorted(
        cores
        for backend in run.backends
        for measured in backend.measured.values()
        if (cores := _other_cores(measured.best)) is not None
    )
    if not busy or busy[len(busy) // 2] <= NOISY_CORES:
        return []
    return [
        f"**Shared machine:** other processes kept ≈ {busy[len(busy) // 2]:.1f} cores busy "
        "in the median measurement (column *other load*): absolute rates are depressed; the "
        "ratios to the bare endpoint, measured in the same rounds, less so.",
        "",
    ]


def render_records(run: Run) -> str:
    """The records section: GET, POST, PUT and list of workouts against the bare endpoint."""
    out = [
        f"## {TITLES['records']}",
        "",
        f"Measured {run.started:%Y-%m-%d %H:%M} UTC.",
        "",
        "How measured: each endpoint under a closed loop of keep-alive requests (bench/load.py) "
        "in interleaved rounds beside a bare FastAPI app served by the same uvicorn command; "
        "best round shown; targets are rates as a fraction of the bare `def` endpoint's.",
        "",
        "| machine | |",
        "|---|---|",
        *[f"| {name} | {value} |" for name, value in run.machine],
        "",
        "| settings | |",
        "|---|---|",
        *[f"| {name} | {value} |" for name, value in run.settings],
        "",
        *_noise_warning(run),
        "### Targets (one worker)",
        "",
        "| target | wanted | measured | |",
        "|---|---|---|---|",
    ]
    out += [f"| {n} | {w} | {m} | {verdict(p)} |" for n, w, m, p in targets(run.backends)]
    out.append("")
    for backend in run.backends:
        out += [f"### {backend.name}", ""]
        if backend.skipped:
            out += [f"Not measured: {backend.skipped}", ""]
            continue
        out += _backend_table(backend)
        hop = backend.hop_cost_us()
        if hop is not None:
            bare_hops = f"bare `def`, {backend.work['bare'].hops:g} hops, against bare `async def`"
            out.append("")
            out.append(
                f"One thread-pool hop costs ≈ {hop:.0f} µs of wall time here ({bare_hops})."
                if hop > 0
                else f"Hop cost not measurable in this run ({bare_hops}: background load)."
            )
        out.append("")
    out += [
        "### Where the time goes (generated)",
        "",
        "Hops and statements are counted in-process over 5 requests after a warm-up "
        "(`bench/inprocess.py`).",
        "",
    ]
    for backend in run.backends:
        if backend.work:
            out += [f"#### {backend.name}: hops and SQL per request", "", *_work_lines(backend), ""]
    for backend in run.backends:
        if not backend.inline and not backend.pyspy:
            continue
        out += [f"#### {backend.name}: profiles", ""]
        for key, (requests, summary) in backend.inline.items():
            label = backend.measured[key].scenario.label
            out += _summary_lines(
                f"{label}: pyinstrument, in-process, hops run inline",
                summary,
                f" over {requests:,} requests; the profiler slows the app, shares are what count",
            )
        for key, summary in backend.pyspy.items():
            label = backend.measured[key].scenario.label
            out += _summary_lines(f"{label}: py-spy --gil on the live server under load", summary)
    return "\n".join(out)


def verdict(passed: bool | None) -> str:
    return "not measured" if passed is None else ("PASS" if passed else "**FAIL**")


def target_table(rows: Sequence[Target]) -> list[str]:
    """Markdown lines of a pass/fail table."""
    lines = ["| target | wanted | measured | |", "|---|---|---|---|"]
    lines += [
        f"| {name} | {wanted} | {measured} | {verdict(p)} |" for name, wanted, measured, p in rows
    ]
    return [*lines, ""]


def section_head(
    title: str, started: datetime, machine: str, how: str, seconds: float
) -> list[str]:
    """The first lines of a generated section: title, date, machine, method, duration."""
    return [
        f"## {title}",
        "",
        f"Measured {started:%Y-%m-%d %H:%M} UTC in {seconds:.0f} s on {machine}.",
        "",
        f"How measured: {how}",
        "",
    ]


def sections_of(path: Path) -> dict[str, str]:
    """The generated sections of an existing RESULTS.md, by name."""
    if not path.exists():
        return {}
    text = path.read_text().split(KEEP_MARKER, 1)[0]
    return {match[1]: match[2] for match in _SECTION.finditer(text)}


def compose(sections: dict[str, str], kept: str, *, command: str, started: datetime) -> str:
    """The whole RESULTS.md: header, every section (fresh or kept), the hand-written part."""
    out = [
        "# Benchmark results",
        "",
        "<!-- Generated by `make bench` (bench/run.py). Each section between section markers is "
        "rewritten by the run that measures it; `--only` keeps the others as they were. -->",
        "",
        f"Last written by `{command}` at {started:%Y-%m-%d %H:%M} UTC; each section says when it "
        "was measured. Sections: "
        + ", ".join(f"[{name}](#{_ANCHORS[name]})" for name in SECTIONS)
        + ". Findings and recommendations (hand-written) are at the end of this file.",
        "",
    ]
    for name in SECTIONS:
        body = sections.get(name)
        if body is None:
            body = f"## {TITLES[name]}\n\n_Not measured yet: `python -m bench.run --only {name}`._"
        out += [f"<!-- section:{name} -->", body.rstrip("\n"), "", f"<!-- /section:{name} -->"]
    out += [KEEP_MARKER, kept.strip("\n") or DEFAULT_NOTES.strip("\n"), ""]
    return "\n".join(out)


TITLES = {
    "records": "Records: GET, POST, PUT and list of workouts (one worker)",
    "analytics": "Analytics: balance trend over 1 to 5 years of history",
    "csv": "CSV: import of a 100,000-row Strong file, and the export of its sets",
    "mixed": "Mixed load on PostgreSQL with 2 workers",
}
_ANCHORS = {
    name: re.sub(r"[^\w\- ]", "", title.lower()).replace(" ", "-") for name, title in TITLES.items()
}


def kept_part(path: Path) -> str:
    """The hand-written part of an existing RESULTS.md (below the marker)."""
    if not path.exists():
        return ""
    text = path.read_text()
    return text.split(KEEP_MARKER, 1)[1] if KEEP_MARKER in text else ""


def now() -> datetime:
    return datetime.now(UTC)
