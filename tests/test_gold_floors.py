"""Accuracy on the gold articles stays at or above its floors (benchmarks/floors.json).

Runs ``benchmarks/gold.py``, which runs the real ``newsgraph extract ... --json``.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO.parent / "shared" / "examples"
FLOORS = REPO / "benchmarks" / "floors.json"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not EXAMPLES.is_dir(), reason=f"gold articles not found at {EXAMPLES}"),
    pytest.mark.skipif(importlib.util.find_spec("newsgraph.cli") is None,
                       reason="newsgraph.cli (the extract command) does not exist yet"),
]


@pytest.fixture(scope="module")
def report() -> dict:
    proc = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "gold.py"), "--json",
         "--examples", str(EXAMPLES)],
        capture_output=True, text=True, cwd=REPO, timeout=1200, check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout)


def floors() -> dict[str, float]:
    return json.loads(FLOORS.read_text(encoding="utf-8"))["gold"]


def test_every_gold_document_gets_a_record(report):
    assert report["run"]["missing"] == []
    assert len(report["documents"]) == 7


@pytest.mark.parametrize("name", sorted(floors()))
def test_figure_at_or_above_floor(report, name):
    value = report["figures"].get(name)
    assert value is not None, f"{name} is not reported"
    assert value >= floors()[name], f"{name} {value:.3f} is below its floor {floors()[name]:.3f}"
