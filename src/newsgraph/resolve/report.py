"""Terminal output for ``newsgraph dossier``, ``series``, ``contradictions`` and ``targets``.

Article text is untrusted: everything from the store goes through
``newsgraph.report.safe`` before Rich sees it.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from ..record import to_dict
from ..report import safe
from .model import Contradiction, Dossier, MergedEvent, Series, Source, TargetProgress

SHOWN_SERIES = 12
SHOWN_EVENTS = 60
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def figure(value: float | None, unit: str | None) -> str:
    """A value as a reader says it: "24 billion USD", "34%"."""
    if value is None:
        return ""
    if unit == "percent":
        return f"{value:,.4g}%"
    for size, word in _SCALES:
        if abs(value) >= size:
            return f"{value / size:,.4g} {word} {unit or ''}".strip()
    return f"{value:,.10g} {unit or ''}".strip()


def _rate(value: float | None) -> str:
    return "" if value is None else f"{value * 100:+.1f}%/yr"


def _cut(text: str | None, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def _source(source: Source | None, width: int = 100) -> str:
    if source is None:
        return ""
    return f"{_doc(source)}: \u201c{_cut(source.evidence_text, width)}\u201d"


def _doc(source: Source) -> str:
    return _cut(f"{source.doc_date or '?'} {source.title or source.doc_id}", 60)


def _table(title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> Any:
    from rich.table import Table

    table = Table(title=safe(title), title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(safe(c) for c in row))
    return table


def _console() -> Any:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def json_lines(items: Iterable[Any]) -> None:
    for item in items:
        sys.stdout.write(json.dumps(to_dict(item), ensure_ascii=False) + "\n")


# --- pieces ----------------------------------------------------------------------

def events_table(events: Sequence[MergedEvent], title: str = "Timeline") -> Any:
    shown = list(events)[-SHOWN_EVENTS:]
    more = f" (latest {len(shown)} of {len(events)})" if len(shown) < len(events) else ""
    return _table(f"{title}{more}", ("date", "event", "who", "reports", "first report"), [
        (e.date or "undated", f"{e.type} {e.trigger or ''}".strip(), _cut(", ".join(e.participant_names), 70),
         len(e.reports), _doc(e.reports[0])) for e in shown
    ])


def _series_rank(s: Series) -> tuple[Any, ...]:
    money = s.unit is not None and len(s.unit) == 3 and s.unit.isupper()
    sources = sum(len(p.sources) for p in s.points)
    return (-len(s.points), not money, -sources, s.indicator)


def series_table(s: Series) -> Any:
    who = ", ".join(s.subject_names or s.subject)
    title = f"{s.indicator} \u2014 {who} ({s.kind}{', ' + s.unit if s.unit else ''})"
    return _table(title, ("period", "value", "sources", "source sentence"), [
        (p.period, figure(p.value, p.unit) + (" (sources disagree)" if p.conflicting else ""),
         len(p.sources), "\n".join(_source(src) for src in p.sources[:3]))
        for p in s.points
    ])


def targets_table(targets: Sequence[TargetProgress]) -> Any:
    return _table("Targets", ("indicator", "subject", "target", "latest actual", "progress",
                              "growth needed", "recent trend", "on track", "source"), [
        (t.indicator, ", ".join(t.subject), f"{figure(t.target_value, t.unit)} by {t.target_period}",
         f"{figure(t.latest_value, t.unit)} ({t.latest_period})" if t.latest_period else "none",
         "" if t.progress is None else f"{t.progress:.0%}", _rate(t.growth_needed_per_year),
         _rate(t.recent_growth_per_year), {True: "yes", False: "no", None: "?"}[t.on_track],
         _source(t.target_source, 80))
        for t in targets
    ])


def contradictions_table(found: Sequence[Contradiction]) -> Any:
    return _table("Contradictions", ("indicator", "subject", "period", "spread", "values and sources"), [
        (c.indicator, ", ".join(c.subject), c.period, f"{c.spread:.0%}",
         "\n".join(f"{figure(v, c.unit)} \u2190 {_source(s, 80)}" for v, s in c.values))
        for c in found
    ])


# --- commands --------------------------------------------------------------------

def print_dossier(d: Dossier, *, all_series: bool = False) -> None:
    console = _console()
    console.print(f"[bold]Dossier: {safe(d.a_name)} ({safe(d.a)}) \u2014 {safe(d.b_name)} ({safe(d.b)})[/bold]")
    if not d.complete:
        console.print(f"A busy pair: the newest reports and figures, from {safe(d.since)} on "
                      "(`newsgraph series --subject A --subject B` has every figure).")
    dated = [e for e in d.events if e.date]
    console.print(events_table(dated) if dated else "No dated events of the two together.")
    ranked = sorted(d.series, key=_series_rank)
    shown = ranked if all_series else ranked[:SHOWN_SERIES]
    for s in shown:
        console.print(series_table(s))
    if len(shown) < len(ranked):
        console.print(f"{len(ranked) - len(shown)} more series: --all-series, or --json for everything")
    if d.targets:
        console.print(targets_table(d.targets))
    if d.contradictions:
        console.print(contradictions_table(d.contradictions))
    if d.quotes:
        console.print(_table("Latest quotes", ("date", "speaker", "quote"), [
            (q.doc_date, q.speaker_name, _cut(q.text, 200)) for q in d.quotes
        ]))


def print_series(found: Sequence[Series]) -> None:
    console = _console()
    for s in sorted(found, key=_series_rank):
        console.print(series_table(s))
    if not found:
        console.print("No series.")


def print_contradictions(found: Sequence[Contradiction]) -> None:
    _console().print(contradictions_table(found) if found else "No contradictions.")


def print_targets(found: Sequence[TargetProgress]) -> None:
    _console().print(targets_table(found) if found else "No targets.")
