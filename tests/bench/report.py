"""The benchmark's targets (DESIGN.md), samples, percentiles and the printed table."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rich.console import Console
from rich.table import Table

# A wide table even when the output is piped to a file (rich falls back to 80 columns there).
console = Console() if sys.stdout.isatty() else Console(width=200)

PASS, FAIL = "✓", "✗"


def percentiles(samples_ms: Sequence[float]) -> tuple[float, float]:
    """p50 and p95 of the samples."""
    ordered = sorted(samples_ms)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def timed(call: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Run `call` after a warm-up and return p50/p95 in milliseconds."""
    for _ in range(min(20, repeat)):
        call()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return percentiles(samples)


@dataclass(frozen=True)
class LatencyTarget:
    """p50 and p95 ceilings in milliseconds."""

    p50_ms: float
    p95_ms: float

    def describe(self) -> str:
        """As printed in the table."""
        return f"p50 ≤ {self.p50_ms:g} / p95 ≤ {self.p95_ms:g} ms"

    def verdict(self, p50: float, p95: float) -> str:
        """✓ with the headroom left, or ✗ with by how much each missed percentile is over."""
        misses = [
            f"{label} +{value - limit:.1f} ms (+{(value / limit - 1) * 100:.0f}%)"
            for label, value, limit in (("p50", p50, self.p50_ms), ("p95", p95, self.p95_ms))
            if value > limit
        ]
        if misses:
            return f"{FAIL} " + ", ".join(misses)
        headroom = (1 - max(p50 / self.p50_ms, p95 / self.p95_ms)) * 100
        return f"{PASS} {headroom:.0f}% headroom"


@dataclass(frozen=True)
class ThroughputTarget:
    """A floor in requests per second, with no errors."""

    min_rps: float

    def describe(self) -> str:
        """As printed in the table."""
        return f"≥ {self.min_rps:,.0f} req/s, 0 errors"

    def verdict(self, rps: float, errors: int) -> str:
        """✓/✗ with the distance to the floor, and any errors."""
        margin = (rps / self.min_rps - 1) * 100
        problems = []
        if rps < self.min_rps:
            problems.append(f"{rps - self.min_rps:,.0f} req/s ({margin:.0f}%)")
        if errors:
            problems.append(f"{errors:,} errors")
        if problems:
            return f"{FAIL} " + ", ".join(problems)
        return f"{PASS} +{margin:.0f}%"


@dataclass(frozen=True)
class Targets:
    """The DESIGN.md acceptance figures that apply at one size."""

    radius: LatencyTarget
    bbox: LatencyTarget
    throughput: ThroughputTarget


def targets_for(size: int) -> Targets:
    """DESIGN.md "Acceptance figures": the 20k column up to 20,000 rows, the 1M (PostGIS) column above."""
    if size <= 20_000:
        return Targets(LatencyTarget(2, 5), LatencyTarget(5, 25), ThroughputTarget(1000))
    return Targets(LatencyTarget(5, 15), LatencyTarget(20, 50), ThroughputTarget(500))


@dataclass
class Figure:
    """One row of the table."""

    engine: str
    size: str
    what: str
    p50: str = ""
    p95: str = ""
    figure: str = ""
    target: str = "—"
    met: str = ""


@dataclass
class Report:
    """The rows gathered so far; each is echoed as it is measured, the table is printed at the end."""

    rows: list[Figure] = field(default_factory=list)
    expected_samples: int = 0  # timed requests per latency figure (--repeat)

    def add(self, row: Figure) -> None:
        """Keep the row and print a one-line progress note."""
        self.rows.append(row)
        parts = [row.p50, row.p95 and f"p95 {row.p95}", row.figure, row.met]
        console.print(f"  [dim]{row.engine} {row.size}[/dim] {row.what}: " + "  ".join(p for p in parts if p))

    def table(self, title: str) -> Table:
        """The rich table of every row."""
        table = Table(title=title, show_lines=False)
        for column in ("engine", "size", "what", "p50", "p95", "figure", "target", "met?"):
            table.add_column(column, justify="right" if column in ("p50", "p95") else "left")
        previous = None
        for row in self.rows:
            if previous is not None and (row.engine, row.size) != previous:
                table.add_section()
            previous = (row.engine, row.size)
            met = row.met
            if met.startswith(PASS):
                met = f"[green]{met}[/green]"
            elif met.startswith(FAIL):
                met = f"[red]{met}[/red]"
            table.add_row(row.engine, row.size, row.what, row.p50, row.p95, row.figure, row.target, met)
        return table


def within_seconds(seconds: float, limit: float) -> str:
    """✓ with the time, or ✗ with how far over `limit` it is."""
    return f"{PASS} {seconds:.1f} s" if seconds <= limit else f"{FAIL} +{seconds - limit:.1f} s"


def ms(value: float) -> str:
    """Milliseconds for the table."""
    return f"{value:.2f} ms" if value < 100 else f"{value:,.0f} ms"


@dataclass(frozen=True)
class Sample:
    """One timed call: milliseconds, HTTP status (200 for service calls) and what it returned."""

    ms: float
    status: int
    items: int
    size_bytes: int = 0


# Seconds one latency figure may take; a slow app gets fewer samples (the figure says how many).
FIGURE_BUDGET_S = 30.0


def run_samples(
    calls: Sequence[Callable[[], Sample]], warmup: int, budget_s: float | None = None
) -> list[Sample]:
    """Call `warmup` calls untimed, then return the samples of the rest (each called once).

    Sampling stops early when `budget_s` (default `FIGURE_BUDGET_S`) runs out, so a slow endpoint
    cannot stretch the run; `summarise` prints how many samples a short figure has.
    """
    budget = FIGURE_BUDGET_S if budget_s is None else budget_s
    deadline = time.monotonic() + budget
    for call in calls[:warmup]:
        call()
        if time.monotonic() > deadline:
            break
    samples = []
    for call in calls[warmup:]:
        samples.append(call())
        if time.monotonic() > deadline and len(samples) >= 5:
            break
    return samples


def summarise(
    report: Report,
    engine: str,
    size: str,
    what: str,
    samples: Sequence[Sample],
    target: LatencyTarget | None,
    describe: Callable[[Sequence[Sample]], str],
) -> None:
    """Add the p50/p95 row of the samples, judged against the target when given."""
    expected_samples = report.expected_samples
    p50, p95 = percentiles([s.ms for s in samples])
    bad = [s for s in samples if s.status != 200]
    figure = describe(samples)
    if len(samples) < expected_samples:
        figure += f"; only {len(samples)} samples (time budget)"
    if bad:
        figure += f"; {len(bad)} non-200 (e.g. {bad[0].status})"
    met = ""
    if target is not None:
        met = target.verdict(p50, p95) if not bad else f"{FAIL} errors"
    report.add(
        Figure(engine, size, what, ms(p50), ms(p95), figure, target.describe() if target else "—", met)
    )


def describe_rows(samples: Sequence[Sample]) -> str:
    """Result counts (p50 / p95)."""
    p50, p95 = percentiles([float(s.items) for s in samples])
    return f"results p50 {p50:.0f} / p95 {p95:.0f}"


def describe_features(samples: Sequence[Sample]) -> str:
    """Feature counts and response size."""
    p50, p95 = percentiles([float(s.items) for s in samples])
    text_ = f"features p50 {p50:,.0f} / p95 {p95:,.0f}"
    if any(s.size_bytes for s in samples):
        _, kb95 = percentiles([s.size_bytes / 1024 for s in samples])
        text_ += f"; p95 {kb95:,.0f} KB"
    return text_
