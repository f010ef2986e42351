"""The evaluation data stays in ../shared: no test sentence, docstring or word list repeats it.

Benchmarks read the gold data from ``../shared/data``; copying its sentences into tests or
examples would let rules be tuned to the very items they are measured on. This scans every
string literal of ``src/``, ``tests/`` and ``benchmarks/`` (and the knowledge base) for runs of
seven words that also occur in the annotated corpora (NewsQuant, quantulum3, TimeBank/AQUAINT,
MEANTIME, PolNeAR, PETRARCH). Two such runs in one literal mark it as copied; one run can be a
common phrase. The press releases and Reuters are left out: the samples ship kremlin.ru texts
under their licence, and their formulaic phrases (titles, datelines) recur everywhere.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ("gold-items", "quantulum3-tests", "timeml-tbaq", "meantime-en", "polnear", "petrarch-unit-tests")
RUN = 7
_WORD = re.compile(r"[a-z0-9]+(?:['.,][a-z0-9]+)*")
_MARKUP = re.compile(r"<[^>]{0,200}>|\b[ter]\d+\b")  # XML tags, brat ids: the words, not the format, are the data


def runs(text: str) -> set[str]:
    words = _WORD.findall(_MARKUP.sub(" ", text.lower()))
    return {" ".join(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


@pytest.fixture(scope="module")
def corpus_runs() -> set[str]:
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip(f"{data} is absent (the shared data lives beside the repository)")
    out: set[str] = set()
    for name in CORPORA:
        for path in (data / name).rglob("*"):
            if path.is_file() and path.suffix not in (".gz", ".zip"):
                out |= runs(path.read_text("utf-8", errors="ignore"))
    return out


def literals(path: Path) -> list[tuple[int, str]]:
    if path.suffix == ".csv":
        return [(n, line) for n, line in enumerate(path.read_text("utf-8").splitlines(), start=1)]
    tree = ast.parse(path.read_text("utf-8"))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 30]


def our_files() -> list[Path]:
    files = [*ROOT.glob("src/newsgraph/**/*.py"), *ROOT.glob("tests/*.py"), *ROOT.glob("benchmarks/*.py"),
             *ROOT.glob("src/newsgraph/kb/*.csv")]
    return sorted(f for f in files if f.name != Path(__file__).name)


def test_no_literal_repeats_the_evaluation_data(corpus_runs: set[str]) -> None:
    copied = []
    for path in our_files():
        for line, text in literals(path):
            shared = runs(text) & corpus_runs
            if len(shared) >= 2:
                copied.append(f"{path.relative_to(ROOT)}:{line}: {sorted(shared)[0]!r} ...")
    assert copied == [], "text from ../shared/data in the repository:\n" + "\n".join(copied)
