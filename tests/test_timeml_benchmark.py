"""The TIMEX3 benchmark on a handful of TimeBank files stays above its floors."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "timeml-tbaq"

pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data/timeml-tbaq is absent")


def test_timebank_sample_scores_above_floors() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import timeml
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    scores, _ = timeml.run("tbaq", limit=40)
    assert scores["gold"] > 150
    assert scores["relaxed_f1"] >= FLOOR_RELAXED_F1, scores
    assert scores["value_f1"] >= FLOOR_VALUE_F1, scores


FLOOR_RELAXED_F1 = 90.0  # measured 93.7 on these 40 files 
FLOOR_VALUE_F1 = 70.0  # measured 73.4
