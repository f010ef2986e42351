"""The knowledge base: every file documented with its columns, every file extensible by the user."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[1] / "docs" / "knowledge-base.md"


def kb_files() -> list[str]:
    return sorted(p.name for p in resources.files("newsgraph.kb").iterdir() if p.name.endswith(".csv"))


def documented() -> dict[str, str]:
    """File name -> its columns, from the tables of docs/knowledge-base.md."""
    rows = re.findall(r"^\| `([\w.]+\.csv)` \| ([^|]+) \|", DOC.read_text("utf-8"), re.M)
    return {name: columns.strip() for name, columns in rows}


@pytest.mark.parametrize("name", kb_files())
def test_every_kb_file_is_documented_with_its_columns(name: str) -> None:
    header = next(csv.reader(resources.files("newsgraph.kb").joinpath(name).read_text("utf-8").splitlines()))
    assert documented().get(name) == ", ".join(header), f"docs/knowledge-base.md: {name}"


_PROBE = """
import json
from newsgraph.extract.quantities import find_quantities
from newsgraph.extract.times import find_times
times = [(t.text, t.value) for t in find_times("We will win in the glorious future.", "2024-05-01")]
units = [q.unit for q in find_quantities("They delivered 40 zorkmids last year.")]
print(json.dumps({"times": times, "units": units}))
"""


def probe(kb: Path | None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "NEWSGRAPH_KB"} | ({"NEWSGRAPH_KB": str(kb)} if kb else {})
    done = subprocess.run([sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_user_rows_extend_the_time_and_quantity_lists(tmp_path: Path) -> None:
    # a fresh process each time: the lists are read once per process
    (tmp_path / "time_phrases.csv").write_text("phrase,type,value,note\nthe glorious future,DATE,FUTURE_REF,\n", "utf-8")
    (tmp_path / "quantity_units.csv").write_text("forms,unit,name,case\nzorkmids|zorkmid,ZMD,zorkmid,0\n", "utf-8")
    before, after = probe(None), probe(tmp_path)
    assert ("the glorious future", "FUTURE_REF") not in map(tuple, before["times"])
    assert ("the glorious future", "FUTURE_REF") in map(tuple, after["times"])
    assert "ZMD" not in before["units"] and "ZMD" in after["units"]


def test_office_holders_are_dated_and_one_at_a_time() -> None:
    from datetime import date

    from newsgraph.kb.lexicon import office_holder, read_rows, titles

    spells: dict[tuple[str, str], list[tuple[date, date]]] = {}
    for row in read_rows("office_holders.csv"):
        start = date.fromisoformat(row["start"])
        end = date.fromisoformat(row["end"]) if row["end"] else date.max
        assert start < end, row
        assert row["title"] in titles().values(), row  # a canonical title, as roles give it
        spells.setdefault((row["title"], row["of"]), []).append((start, end))
    for office, found in spells.items():
        found.sort()
        assert all(a[1] <= b[0] for a, b in zip(found, found[1:])), office  # no two holders at once
    assert office_holder("President", "RU", "2010-03-01") == "Dmitry Medvedev"
    assert office_holder("President", "RU", "2021-11-23") == "Vladimir Putin"
    assert office_holder("President", "US", "2025-01-19") == "Joe Biden"
    assert office_holder("President", "US", "2025-01-20") == "Donald Trump"  # the end day is the next one's
    assert office_holder("President", "XX", "2021-01-01") is None
