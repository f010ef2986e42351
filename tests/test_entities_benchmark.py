"""The entity benchmark (issue 5): its scoring rules, and its figures above their floors
(``benchmarks/floors.json``, section "entities"; a floor is lowered only on purpose)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FLOORS = json.loads((ROOT / "benchmarks" / "floors.json").read_text("utf-8"))["entities"]


def _module(name: str) -> ModuleType:
    path = str(ROOT / "benchmarks")
    if path not in sys.path:
        sys.path.insert(0, path)
    return __import__(name)


def _need(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared data lives beside the repository)")


def _mention(span: tuple[int, int], kind: str | None, syntactic: str | None = "NAM"):  # type: ignore[no-untyped-def]
    return _module("_meantime").GoldMention(span=span, type=kind, syntactic=syntactic)


def test_innermost_named_mention_of_a_type_is_scored() -> None:
    meantime = _module("_meantime")
    outer = _mention((0, 26), "ORG")  # "Boeing and Lockheed Martin"
    inner = _mention((0, 6), "ORG")
    other = _mention((11, 26), "ORG")
    pronoun = _mention((30, 32), "ORG", "PRO")
    product = _mention((40, 50), "PRO")
    scored, ignored = meantime.split_mentions([outer, inner, other, pronoun, product])
    assert scored == [inner, other]
    assert outer in ignored and pronoun in ignored and product not in ignored


def _doc():  # type: ignore[no-untyped-def]
    meantime = _module("_meantime")
    text = "The United States and Apple Computer CEO Steve Jobs met the iPhone team."
    scored = (_mention((0, 17), "LOC"), _mention((22, 36), "ORG"))
    ignored = (_mention((22, 51), "PER", "APP"),)
    others = (_mention((60, 66), "PRO"),)
    return meantime.EntityDoc(name="t", text=text, dct=None, scored=scored, ignored=ignored, others=others)


def test_exact_overlap_and_dont_care_regions() -> None:
    score = _module("_ner_score")
    doc = _doc()
    pred = [((4, 17), "LOC"), ((22, 27), "ORG"), ((41, 51), "PER"), ((60, 66), "ORG")]
    exact, overlap = score.SystemScore(), score.SystemScore()
    score.score_doc(doc, pred, True, exact)
    score.score_doc(doc, pred, False, overlap)
    # "United States" equals "The United States" but for the article; "Apple" only overlaps
    assert (exact.by_type["LOC"].tp, exact.by_type["ORG"].tp, exact.by_type["ORG"].fn) == (1, 0, 1)
    assert overlap.micro().tp == 2 and overlap.micro().fn == 0
    # "Steve Jobs" lies in a don't-care (APP) mention; an ORG on the product "iPhone" is wrong
    assert overlap.ignored == 1 and overlap.by_type["PER"].fp == 0
    assert overlap.by_type["ORG"].fp == 1


def test_floors_section_names_figures_the_benchmark_reports() -> None:
    names = {k for k in FLOORS if not k.startswith("_")}
    assert {"meantime_newsgraph_overlap_f1", "meantime_overlap_gain_pts", "gold_entities_f1",
            "gold_roles_f1"} <= names


@pytest.mark.slow
def test_full_benchmark_is_above_its_floors() -> None:
    _need(SHARED / "data" / "meantime-en")
    _need(SHARED / "examples")
    entities = _module("entities")
    figures = entities.run("all")
    assert figures["meantime_docs"] == 120 and figures["meantime_gold"] > 800
    assert figures["meantime_failures"] == 0 and figures["gold_failures"] == 0
    low = _module("_run").below_floors(figures, FLOORS)
    assert not low, f"entity benchmark below its floors: {low}"
