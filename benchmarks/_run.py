"""Shared plumbing of the accuracy benchmarks: running the pipeline, P/R/F1, tables."""

from __future__ import annotations

import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.errors import NewsgraphError
from newsgraph.pipeline import Pipeline
from newsgraph.record import Article, Record, document_id

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
EXAMPLES = SHARED / "examples"
FLOORS = ROOT / "benchmarks" / "floors.json"


def article(text: str, date: str | None = None, name: str | None = None) -> Article:
    """An Article for a benchmark text."""
    return Article(id=document_id(text, date), text=text, date=date, origin=name)


@dataclass(slots=True)
class Run:
    """Records of one pipeline run, in input order (None where extraction failed)."""

    records: list[Record | None]
    seconds: float
    failures: list[str] = field(default_factory=list)


def run_pipeline(articles: Iterable[Article], pipeline: Pipeline | None = None) -> Run:
    """Every article through one ``Pipeline().run`` call."""
    pipeline = pipeline or Pipeline()
    started = time.perf_counter()
    records: list[Record | None] = []
    failures = []
    for outcome in pipeline.run(list(articles)):
        if isinstance(outcome, NewsgraphError):
            failures.append(outcome.line())
            records.append(None)
        else:
            records.append(outcome)
    return Run(records=records, seconds=time.perf_counter() - started, failures=failures)


@dataclass(slots=True)
class PRF:
    """True positives, false positives, false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def figures(self, prefix: str) -> dict[str, float]:
        return {f"{prefix}_p": self.p, f"{prefix}_r": self.r, f"{prefix}_f1": self.f1}


def greedy_pairs(candidates: Iterable[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, predicted index)``, best candidate first.

    ``candidates`` are ``(sort key, gold index, predicted index)``: the lowest key wins.
    """
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, i, j in sorted(candidates):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def ratio(correct: int, total: int) -> float:
    return correct / total if total else 0.0


class Errors:
    """Error samples by category: counts of all, a few examples of each."""

    def __init__(self, keep: int = 8) -> None:
        self.keep = keep
        self.counts: Counter[str] = Counter()
        self.samples: dict[str, list[str]] = defaultdict(list)

    def add(self, category: str, example: str) -> None:
        self.counts[category] += 1
        if len(self.samples[category]) < self.keep:
            self.samples[category].append(example)

    def report(self, title: str) -> str:
        lines = [f"== errors: {title} (by category, most frequent first)"]
        for category, n in self.counts.most_common():
            lines.append(f"-- {category}: {n}")
            lines += [f"     {s}" for s in self.samples[category]]
        return "\n".join(lines)

    def top(self, n: int = 5) -> list[tuple[str, int]]:
        return self.counts.most_common(n)


def context(text: str, span: tuple[int, int], width: int = 40) -> str:
    """The text around a span, on one line, the span in [brackets]."""
    start, end = span
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return f"{left}[{text[start:end]}]{right}".replace("\n", " ")


def load_section(name: str, path: Path = FLOORS) -> dict[str, float]:
    """One section of the floors file ({} when absent)."""
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8")).get(name, {})


def below_floors(figures: dict[str, Any], floors: dict[str, float]) -> list[str]:
    """One line per figure below its floor (or missing)."""
    out = []
    for name, floor in sorted(floors.items()):
        if name.startswith("_") or not isinstance(floor, int | float):
            continue
        value = figures.get(name)
        if not isinstance(value, int | float) or value < floor:
            out.append(f"{name} {value if value is None else round(value, 4)} is below its floor {floor}")
    return out


def warn_failures(figures: dict[str, Any]) -> None:
    """A line on standard error for each part where extraction failed on some documents."""
    for name, value in figures.items():
        if name.endswith("_failures") and value:
            print(f"warning: {name} = {value}: documents that failed are scored as empty",
                  file=sys.stderr)


def fmt_row(name: str, values: Iterable[float | int | str], width: int = 8) -> str:
    cells = []
    for v in values:
        cells.append(f"{v:{width}.3f}" if isinstance(v, float) else f"{v!s:>{width}}")
    return f"  {name:<22}" + "".join(cells)
