"""Fuzzing the text pipeline within a fixed budget (CI): hostile texts give a valid record or a clear error, in time.

``test_pipeline.py`` already checks offsets on sentences with special characters; here the texts are
hostile: zero-width and right-to-left runs, control characters, mixed scripts, long tokens, unbalanced
quotes, markup left in the text, and 100,000-character sentences. Every outcome is a Record whose spans
are valid, or an ExtractionError; no document keeps the pipeline past its time limit (parse and
extractors each get the limit). The long run is ``benchmarks/fuzz_pipeline.py``.
"""

from __future__ import annotations

import signal
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import reference_problems, span_problems
from newsgraph.errors import ExtractionError
from newsgraph.pipeline import Pipeline
from newsgraph.record import Article, Record, document_id

LIMIT = 3.0
SLACK = 4.0  # the signal is seen between bytecodes; spaCy's C code finishes its step first
needs_timer = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="the time limit needs signal.setitimer")

ZW_RTL = "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
CONTROL = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\u2028\u2029\r"
SCRIPTS = "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u041c\u043e\u0441\u043a\u0432\u0430 \u4e2d\u56fd \U0001f600 e\u0301"
SENTENCES = [
    "Prime Minister Alikhan Smailov met with the Chinese Ambassador Zhang Xiao in Astana on Monday.",
    "\u201cWe value the partnership with China,\u201d he said.",
    "Last year trade between Kazakhstan and China rose by 34% to a record $24 billion.",
    "The parties aim to reach $35 billion by 2030, the minister stressed.",
    "Chinese investment reached about $23.5 billion over 17 years, Zhang Xiao noted.",
]


@pytest.fixture(scope="module")
def bounded(pipeline):
    return Pipeline(nlp=pipeline.nlp, time_limit=LIMIT)


def check(outcome, text: str) -> None:
    """A valid record of ``text``, or an ExtractionError that says why."""
    if isinstance(outcome, ExtractionError):
        assert "took longer than" in outcome.line() or "failed" in outcome.line(), outcome.line()
        return
    assert isinstance(outcome, Record) and outcome.text == text
    assert span_problems(outcome) == []
    assert reference_problems(outcome) == []


def run_timed(pipe: Pipeline, texts: list[str]) -> list:
    started = time.perf_counter()
    outcomes = list(pipe.run(Article(id=document_id(t, None), text=t, origin=f"fuzz {i}") for i, t in enumerate(texts)))
    elapsed = time.perf_counter() - started
    assert elapsed < len(texts) * (2 * LIMIT) + SLACK, f"{elapsed:.1f} s for {len(texts)} documents"
    assert [o.line().split(":")[0] for o in outcomes if isinstance(o, ExtractionError)] == \
        [f"fuzz {i}" for i, o in enumerate(outcomes) if isinstance(o, ExtractionError)]
    for text, outcome in zip(texts, outcomes, strict=True):
        check(outcome, text)
    return outcomes


@st.composite
def hostile_text(draw) -> str:
    """Sentences cut, spliced and salted with hostile characters and runs."""
    pieces = draw(st.lists(st.one_of(
        st.sampled_from(SENTENCES),
        st.sampled_from(SENTENCES).flatmap(lambda s: st.integers(0, len(s)).map(lambda i: s[:i])),
        st.text(alphabet=st.sampled_from(ZW_RTL + CONTROL + SCRIPTS + "\"'\u201c\u201d\u00ab\u00bb$%\u20ac.,;:-"), max_size=12),
        st.tuples(st.sampled_from(["x", "9", "\u200b", "\u202e", "\u201c", "$", "%", ".", "-", "(", "A"]),
                  st.integers(1, 1500)).map(lambda t: t[0] * t[1]),
        st.sampled_from(["<p>", "</div>", "<script>alert(1)</script>", "&amp;", "&#8203;", "\\u200b", "{", "}"]),
        st.text(max_size=20),
    ), max_size=25))
    joiner = draw(st.sampled_from([" ", "", "\n", "\u200b", "\u202e", "\t", " \u2029 "]))
    return joiner.join(pieces)


@needs_timer
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(texts=st.lists(hostile_text(), min_size=1, max_size=3))
def test_hostile_texts_give_valid_records_in_time(bounded, texts):
    run_timed(bounded, texts)


def _sentence_100k() -> str:
    words = " ".join(SENTENCES).replace(".", "").split()
    return " ".join(words[i % len(words)] for i in range(20_000))[:100_000] + "."


HUGE = {
    "a 100,000-character sentence": _sentence_100k,
    "zero-width joined words": lambda: "\u200b".join("Kazakhstan" for _ in range(9_100)),
    "right-to-left overrides": lambda: "\u202e".join("China met Russia" for _ in range(5_900)),
    "one 100,000-digit token": lambda: "1" * 100_000,
    "100,000 opening quotes": lambda: "\u201c" * 100_000,
}


@needs_timer
@pytest.mark.slow
@pytest.mark.parametrize("name", list(HUGE))
def test_hundred_thousand_characters_end_in_time(bounded, name):
    text = HUGE[name]()
    assert len(text) >= 99_000
    (outcome,) = run_timed(bounded, [text])
    assert isinstance(outcome, Record | ExtractionError)


@needs_timer
def test_a_slow_document_between_two_good_ones_is_isolated(bounded):
    texts = [SENTENCES[0], "\u201c" * 100_000, SENTENCES[2]]
    outcomes = run_timed(bounded, texts)
    assert [type(o) for o in outcomes] == [Record, ExtractionError, Record]
    assert outcomes[1].line().startswith("fuzz 1: took longer than 3 s")
