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
