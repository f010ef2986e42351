"""Readers for the event and attribution gold: PLOVER GSR, PETRARCH unit tests, PolNeAR.

These formats are benchmark data, so their parsing lives here and not in the library.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from _run import DATA

Span = tuple[int, int]

PLOVER = DATA / "gold-items" / "plover-gsr-dev.json"
PETRARCH = DATA / "petrarch-unit-tests" / "PETR.UnitTest.records.xml"
POLNEAR = DATA / "polnear" / "dev"


def _spaced(text: str) -> str:
    return " ".join(text.split())


# --- PLOVER -----------------------------------------------------------------------

@dataclass(frozen=True, slots=True, kw_only=True)
class PloverItem:
    id: str
    text: str
    date: str | None
    type: str
    sources: tuple[str, ...]  # actor codes: ISO 3166-1 alpha-3, or IGO, NGO ...
    targets: tuple[str, ...]


def _codes(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(str(a.get("code")) for a in value if isinstance(a, dict) and a.get("code"))


def plover_items(limit: int | None = None) -> list[PloverItem]:
    """The PLOVER GSR sentences (dev half), in file order."""
    data = json.loads(PLOVER.read_text(encoding="utf-8"))
    return [PloverItem(id=x["id"], text=_spaced(x["text"]), date=x.get("date"), type=x["event"],
                       sources=_codes(x.get("source")), targets=_codes(x.get("target")))
            for x in data[:limit]]


# --- PETRARCH ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True, kw_only=True)
class PetrarchItem:
    id: str
    category: str
    text: str
    date: str | None
    codes: tuple[str, ...]  # the event codes of its codings
    noevents: bool
    error: str | None


def _date(value: str | None) -> str | None:
    return f"{value[:4]}-{value[4:6]}-{value[6:8]}" if value and re.fullmatch(r"\d{8}", value) else None


def _petrarch_item(sentence: ET.Element) -> PetrarchItem:
    codings = sentence.findall("EventCoding")
    text = sentence.find("Text")
    return PetrarchItem(
        id=sentence.get("id", ""), category=sentence.get("category", ""),
        text=_spaced(text.text or "") if text is not None else "", date=_date(sentence.get("date")),
        codes=tuple(c.get("eventcode", "") for c in codings if c.get("eventcode")),
        noevents=any(c.get("noevents") for c in codings),
        error=next((c.get("error") for c in codings if c.get("error")), None),
    )


def petrarch_items(limit: int | None = None) -> list[PetrarchItem]:
    """The PETRARCH unit-test sentences, in file order."""
    root = ET.parse(PETRARCH).getroot()
    return [_petrarch_item(s) for s in root.iter("Sentence")][:limit]


def cameo_root(code: str | None) -> str | None:
    """The CAMEO root code (the first two digits) if ``code`` is a CAMEO code (roots 01-20)."""
    if not code or not re.fullmatch(r"\d{3,4}", code):
        return None
    root = code[:2]
    return root if 1 <= int(root) <= 20 else None


# --- PolNeAR ----------------------------------------------------------------------

@dataclass(frozen=True, slots=True, kw_only=True)
class Attribution:
    content: tuple[Span, ...]  # fragments (brat discontinuous spans)
    source: tuple[Span, ...]
    cue: tuple[Span, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class PolnearDoc:
    name: str
    text: str
    date: str | None
    attributions: tuple[Attribution, ...]


def _text_bounds(line: str) -> tuple[str, str, tuple[Span, ...]] | None:
    """``T1<TAB>Content 10 20;30 40<TAB>...`` as (id, label, spans)."""
    parts = line.split("\t")
    if len(parts) < 2 or not parts[0].startswith("T"):
        return None
    label, _, ranges = parts[1].partition(" ")
    spans = tuple((int(a), int(b)) for a, b in re.findall(r"(\d+) (\d+)", ranges))
    return parts[0], label, spans


def read_ann(text: str) -> tuple[Attribution, ...]:
    """The attribution relations of a brat standoff file."""
    bounds: dict[str, tuple[str, tuple[Span, ...]]] = {}
    relations = []
    for line in text.splitlines():
        found = _text_bounds(line)
        if found:
            bounds[found[0]] = found[1:]
        elif line.startswith("E"):
            relations.append(line.split("\t")[1].split())
    out = []
    for args in relations:
        roles: dict[str, list[Span]] = {"Content": [], "Source": [], "Cue": []}
        for arg in args:
            role, _, ref = arg.partition(":")
            role = re.sub(r"\d+$", "", role)
            if role in roles and ref in bounds:
                roles[role] += bounds[ref][1]
        if roles["Content"]:
            out.append(Attribution(content=tuple(roles["Content"]), source=tuple(roles["Source"]),
                                   cue=tuple(roles["Cue"])))
    return tuple(out)


def _ann_for(name: str) -> Path | None:
    """The first annotator's file of a (possibly doubly annotated) article."""
    found = sorted((POLNEAR / "attributions").glob(f"{name}_*.ann"))
    return found[0] if found else None


def polnear_docs(limit: int | None = None) -> Iterator[PolnearDoc]:
    """The PolNeAR dev articles (text file with its title line, as the offsets index it)."""
    for path in sorted((POLNEAR / "text").glob("*.txt"))[:limit]:
        ann = _ann_for(path.stem)
        if ann is None:
            continue
        match = re.search(r"_(\d{4}-\d{2}-\d{2})_", path.stem)
        yield PolnearDoc(name=path.stem, text=path.read_text(encoding="utf-8"),
                         date=match.group(1) if match else None,
                         attributions=read_ann(ann.read_text(encoding="utf-8")))
