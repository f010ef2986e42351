"""Accuracy gate for the quantity extractor on NewsQuant (dev half), scored as in CQE."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "data" / "gold-items" / "newsquant-dev.json"

# F1 floors, a few points under the measured figures (value 89.8, value+unit 79.9, value+change 83.1).
# Lower a floor only on purpose, in its own commit that says why.
FLOORS = {"value": 86.0, "value+unit": 76.0, "value+change": 79.0}


def _benchmark():
    spec = importlib.util.spec_from_file_location("newsquant", ROOT / "benchmarks" / "newsquant.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, float]]:
    if not GOLD.exists():
        pytest.skip(f"{GOLD} not found (the shared evaluation data sits beside the repository)")
    return _benchmark().evaluate(GOLD)


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_f1_floor(scores: dict[str, dict[str, float]], kind: str) -> None:
    assert scores[kind]["F1"] >= FLOORS[kind], scores


def test_scoring_counts_like_cqe() -> None:
    bench = _benchmark()
    gold = [{"value": "5-7", "normalized_unit": "percentage", "change": "="},
            {"value": "24000000000", "normalized_unit": "dollar", "change": "up"}]
    tags = [{"value": (5.0, 7.0), "normalized_unit": "percentage", "change": "="},
            {"value": 24e9, "normalized_unit": "euro", "change": "up"}]
    assert bench.score_sentence(gold, tags) == (2, 1, 2)


def test_unit_names() -> None:
    bench = _benchmark()
    assert [bench.unit_name(u) for u in ("USD", "percent", "km/h", "USD/barrel", None, "railroad")] == [
        "dollar", "percentage", "kilometre per hour", "dollar per barrel", "-", "railroad"]
