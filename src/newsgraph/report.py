"""Terminal output of the CLI (Rich). Article text is untrusted: control characters
are removed and Rich markup is escaped before anything is printed."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from typing import Any

from .record import Record, to_dict

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe(text: Any) -> str:
    """Printable, markup-free text: no terminal escapes, no bidi overrides, no Rich tags."""
    from rich.markup import escape

    return escape(_CONTROL.sub("", "" if text is None else str(text)))


def _console() -> Any:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _table(title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> Any:
    from rich.table import Table

    table = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(safe(c) for c in row))
    return table


def _snippet(text: str, span: Sequence[int] | None, width: int = 110) -> str:
    if not span:
        return ""
    piece = " ".join(text[span[0]:span[1]].split())
    return piece if len(piece) <= width else piece[: width - 1] + "\u2026"


def print_record(record: Record) -> None:
    console = _console()
    names = {e.id: e.name for e in record.entities}
    console.print(f"[bold]{safe(record.title or '(untitled)')}[/bold]  {safe(record.date or 'no date')}"
                  f"  {safe(record.source or '')}  id {safe(record.id)}")
    console.print(_table("Entities", ("key", "type", "name", "roles", "mentions"), [
        (e.key, e.type, e.name, "; ".join(_role(r) for r in e.roles), len(e.mentions))
        for e in record.entities
    ]))
    console.print(_table("Times", ("text", "type", "value"), [(t.text, t.type, t.value) for t in record.times]))
    console.print(_table("Claims", ("indicator", "value", "unit", "period", "kind", "change", "subject", "speaker"), [
        (c.indicator, f"{c.value:,.10g}", c.unit, c.period, c.kind, _change(c.change), ", ".join(c.subject),
         names.get(c.speaker or "", "")) for c in record.claims
    ]))
    console.print(_table("Events", ("type", "cameo", "who", "date", "evidence"), [
        (v.type, v.cameo, ", ".join(names.get(i, i) for i in (*v.actors, *v.targets)), v.date,
         _snippet(record.text, v.evidence, 80)) for v in record.events
    ]))
    console.print(_table("Quotes", ("speaker", "cue", "direct", "text"), [
        (names.get(q.speaker or "", "?"), q.cue, "yes" if q.direct else "no", _snippet(record.text, q.span, 80))
        for q in record.quotes
    ]))


def _role(role: Any) -> str:
    where = f" of {role.of}" if role.of else ""
    return f"{role.title}{where}" + (f" to {role.to}" if role.to else "")


def _change(change: Any) -> str:
    if change is None:
        return ""
    return f"{change.direction or ''} {change.value if change.value is not None else ''}{'%' if change.unit == 'percent' else ''}".strip()


def print_ingest_summary(summary: Any, db: str) -> None:
    console = _console()
    console.print(
        f"read {summary.read} documents in {summary.seconds:.1f}s: stored {summary.stored}, "
        f"skipped {summary.duplicates} as duplicates, failed {summary.failed}"
    )
    for line in summary.failures[:50]:
        sys.stderr.write(f"  failed: {_CONTROL.sub('', line)}\n")
    if summary.failed > 50:
        sys.stderr.write(f"  ... and {summary.failed - 50} more\n")
    _print_stats(console, db)


def _print_stats(console: Any, db: str) -> None:
    from .store import Store, shown_db

    with Store.open(db, readonly=True) as store:
        stats = store.stats()
        people = store.entities(type="PERSON", limit=5)
        countries = store.entities(type="COUNTRY", limit=5)
    fields = {k: v for k, v in to_dict(stats).items() if isinstance(v, int)}
    console.print("store " + safe(shown_db(db)) + ": " + ", ".join(f"{v} {k}" for k, v in fields.items()))
    if people or countries:
        console.print("most mentioned: " + safe(", ".join(e.name for e in (*countries, *people))))
    where = safe(shown_db(db))
    console.print(
        f"next: newsgraph serve --db {where} (the web UI) | newsgraph dossier A B --db {where} | "
        f"newsgraph search trade --db {where} | newsgraph claims --indicator trade --db {where}"
    )


def _json_lines(rows: Sequence[Any]) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(to_dict(row), ensure_ascii=False) + "\n")


def print_hits(hits: Sequence[Any], as_json: bool) -> None:
    if as_json:
        return _json_lines(hits)
    _console().print(_table("Documents", ("id", "date", "title", "source", "snippet"), [
        (h.id, h.date, h.title, h.source, h.snippet) for h in hits
    ]))


def print_entities(rows: Sequence[Any], as_json: bool) -> None:
    if as_json:
        return _json_lines(rows)
    _console().print(_table("Entities", ("key", "type", "name", "country", "documents", "mentions"), [
        (e.key, e.type, e.name, e.country, e.documents, e.mentions) for e in rows
    ]))


def print_claims(rows: Sequence[Any], as_json: bool) -> None:
    if as_json:
        return _json_lines(rows)
    _console().print(_table("Claims", ("date", "indicator", "value", "unit", "period", "kind", "subject", "source sentence"), [
        (r.doc_date, r.claim.indicator, f"{r.claim.value:,.10g}", r.claim.unit, r.claim.period, r.claim.kind,
         ", ".join(r.claim.subject), _snippet(r.evidence_text, (0, len(r.evidence_text)), 90)) for r in rows
    ]))


def _tenures(roles: Sequence[Any]) -> list[tuple[str, str, str, int]]:
    """Each office once, with the first and last dates the documents show it held."""
    spans: dict[str, list[str]] = {}
    for role in roles:
        spans.setdefault(_role(role), []).extend([role.date] if role.date else [])
    return [(office, min(d, default="?"), max(d, default="?"), len(d)) for office, d in spans.items()]


def print_entity(detail: Any, as_json: bool) -> None:
    if as_json:
        return _json_lines([detail])
    console = _console()
    country = f", {detail.country}" if detail.country else ""
    console.print(f"[bold]{safe(detail.name)}[/bold]  {safe(detail.key)}  ({safe(detail.type)}{safe(country)})")
    console.print(_table("Offices held", ("office", "first seen", "last seen", "documents"), _tenures(detail.roles)))
    console.print(_table("Appears in", ("id", "date", "title", "source"), [
        (d.id, d.date, d.title, d.source) for d in detail.documents
    ]))
