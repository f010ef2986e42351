"""The event and quote benchmark (issue 6): its readers and scoring rules, and its figures
above their floors (``benchmarks/floors.json``, section "events"; lowered only on purpose)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from newsgraph.record import Entity, Event, Mention, Quote, Record

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FLOORS = json.loads((ROOT / "benchmarks" / "floors.json").read_text("utf-8"))["events"]


def _module(name: str) -> ModuleType:
    path = str(ROOT / "benchmarks")
    if path not in sys.path:
        sys.path.insert(0, path)
    return __import__(name)


def test_brat_attributions_with_discontinuous_content() -> None:
    ann = ("T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 20;25 30\tx\n"
           "T4\tAttribution 6 10\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
           "T5\tContent 40 50\ty\nT6\tAttribution-no-source 51 55\tz\nE2\tAttribution-no-source:T6 Content:T5\n")
    first, second = _module("_event_gold").read_ann(ann)
    assert first.content == ((11, 20), (25, 30)) and first.source == ((0, 5),) and first.cue == ((6, 10),)
    assert second.content == ((40, 50),) and second.source == ()


def test_cameo_roots() -> None:
    root = _module("_event_gold").cameo_root
    assert [root(c) for c in ("041", "1717", "200", "903", "224", "", None)] == \
        ["04", "17", "20", None, None, None, None]


def _record(text: str, events: tuple[Event, ...] = (), quotes: tuple[Quote, ...] = ()) -> Record:
    smith = Entity(id="E1", key="person:smith", type="PERSON", name="Smith", country="US",
                   mentions=(Mention(span=(0, 5)),))
    china = Entity(id="E2", key="country:CN", type="COUNTRY", name="China", mentions=())
    return Record(id="r", text=text, entities=(smith, china), events=events, quotes=quotes)


def test_the_sentence_event_is_the_first_that_is_not_a_statement() -> None:
    events = _module("events")
    said = Event(id="V1", type="STATEMENT", cameo="010", actors=("E1",), evidence=(0, 10))
    met = Event(id="V2", type="CONSULT", cameo="040", actors=("E1",), targets=("E2",), evidence=(5, 10))
    record = _record("Smith met China.", (said, met))
    assert events.chosen(record) is met
    assert events.chosen(_record("x", (said,))) is said and events.chosen(None) is None
    assert events.countries(record, met.targets) == {"CHN"}
    assert events.countries(record, met.actors) == {"USA"}


def test_attribution_content_and_source() -> None:
    gold = _module("_event_gold")
    attribution = _module("_attribution")
    text = "Smith said that taxes will rise next year. Jones said nothing."
    doc = gold.PolnearDoc(name="d", text=text, date=None, attributions=(
        gold.Attribution(content=((16, 41),), source=((0, 5),), cue=((6, 10),)),
        gold.Attribution(content=((54, 61),), source=((43, 48),), cue=((49, 53),)),
    ))
    quote = Quote(speaker="E1", span=(11, 42), cue="said", direct=False)
    score = attribution.AttributionScore()
    attribution.score_doc(doc, _record(text, quotes=(quote,)), score)
    assert (score.overlap.tp, score.overlap.fp, score.overlap.fn) == (1, 0, 1)
    assert score.exact.tp == 0  # "that" is not part of the gold content
    assert (score.source_right, score.source_total) == (1, 1)


@pytest.mark.slow
def test_full_benchmark_is_above_its_floors() -> None:
    for path in (SHARED / "data" / "gold-items", SHARED / "data" / "petrarch-unit-tests",
                 SHARED / "data" / "polnear", SHARED / "examples"):
        if not path.exists():
            pytest.skip(f"{path} is absent (the shared data lives beside the repository)")
    events = _module("events")
    figures = events.run()
    assert figures["plover_sentences"] == 168 and figures["petrarch_scored"] > 150
    assert figures["polnear_docs"] == 84 and figures["polnear_gold"] > 2000
    assert not any(figures[f"{p}_failures"] for p in ("plover", "petrarch", "polnear", "gold"))
    low = _module("_run").below_floors(figures, FLOORS)
    assert not low, f"event benchmark below its floors: {low}"
