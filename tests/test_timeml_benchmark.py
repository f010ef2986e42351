"""The TIMEX3 benchmark on the full TimeBank+AQUAINT and MEANTIME corpora stays above its floors
(``benchmarks/floors.json``, section "timeml"; a floor is lowered only on purpose)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
FLOORS = json.loads((ROOT / "benchmarks" / "floors.json").read_text("utf-8"))["timeml"]
CORPORA = {"tbaq": DATA / "timeml-tbaq", "meantime": DATA / "meantime-en"}


def _benchmark():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import timeml
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return timeml


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_full_corpus_scores_above_floors(corpus: str) -> None:
    if not CORPORA[corpus].is_dir():
        pytest.skip(f"{CORPORA[corpus]} is absent (the shared data lives beside the repository)")
    scores, _ = _benchmark().run(corpus)
    assert scores["gold"] > 400
    low = {name: (scores[name], floor) for name, floor in FLOORS[corpus].items() if scores[name] < floor}
    assert not low, f"{corpus} below its floors (score, floor): {low}"
