"""The extractor registry and the pipeline: planning, failure isolation, offsets on any text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import reference_problems, span_problems
from newsgraph.errors import ExtractionError, InputError, PipelineConfigError
from newsgraph.extract import registry
from newsgraph.extract.registry import plan, register
from newsgraph.ingest import read
from newsgraph.pipeline import Pipeline
from newsgraph.record import Article, Record, document_id

MARKER = "XYZZY-FAIL"


def names(steps) -> list[str]:
    return [step.name for step in steps]


# --- the registry -------------------------------------------------------------------------

def test_unknown_extractor_is_named():
    with pytest.raises(PipelineConfigError) as caught:
        plan(["entities", "sentiment"])
    assert "sentiment" in caught.value.line()
    assert "entities" not in caught.value.line().split(";")[0]  # only the unknown one is blamed


def test_unmet_requirements_are_named():
    with pytest.raises(PipelineConfigError) as caught:
        plan(["claims"])
    line = caught.value.line()
    assert "claims needs" in line
    for missing in ("entities", "quantities", "quotes", "times"):
        assert missing in line


def test_partial_requirements_name_only_what_is_missing():
    with pytest.raises(PipelineConfigError) as caught:
        plan(["entities", "times", "quantities", "claims"])
    line = caught.value.line()
    needs = line.split("claims needs")[1]
    assert "quotes" in needs and "coref" in needs and "entities" not in needs


def test_default_plan_meets_every_requirement_in_order():
    steps = plan()
    have = set(registry.BASE_RESOURCES)
    for step in steps:
        assert step.requires <= have, f"{step.name} runs before {step.requires - have}"
        have |= step.provides
    order = names(steps)
    assert order.index("entities") < order.index("quotes") < order.index("claims")
    assert {"entities", "times", "quantities", "claims", "events", "quotes"} <= set(order)


def test_plan_of_a_subset_orders_it_whatever_the_given_order():
    order = names(plan(["claims", "coref", "quotes", "quantities", "times", "entities"]))
    assert order.index("entities") < order.index("quotes") < order.index("coref") < order.index("claims")
    assert sorted(order) == ["claims", "coref", "entities", "quantities", "quotes", "times"]


def test_pipeline_refuses_to_start_on_a_bad_plan():
    with pytest.raises(PipelineConfigError, match="claims needs"):
        Pipeline(["claims"])


# --- one bad document never stops a batch -----------------------------------------------

@pytest.fixture
def exploding(pipeline):
    """A registered extractor that raises on any text containing MARKER; removed afterwards.

    (It asks for ``pipeline`` so that the shared default pipeline is planned before it exists.)
    """

    @register("exploding", requires=["article", "entities"], provides=["exploding"])
    def run(ctx):
        if MARKER in ctx.article.text:
            raise ValueError("the marker was found")
        return {"exploding": ()}

    yield "exploding"
    registry._REGISTRY.pop("exploding", None)


def article(text: str, origin: str | None = None) -> Article:
    return Article(id=document_id(text, "2023-09-01"), text=text, date="2023-09-01", origin=origin)


def test_failing_document_does_not_stop_the_batch(exploding, pipeline):
    articles = [
        article("Kazakhstan and China met in Astana on Monday.", "batch.jsonl:line 1"),
        article(f"This one breaks: {MARKER}. Trade rose 5%.", "batch.jsonl:line 2"),
        article("Trade between Russia and India reached $65 billion last year.", "batch.jsonl:line 3"),
    ]
    steps = Pipeline(nlp=pipeline.nlp)
    assert "exploding" in names(steps.steps)
    outcomes = list(steps.run(articles))
    assert [type(o) for o in outcomes] == [Record, ExtractionError, Record]
    assert [outcomes[0].id, outcomes[2].id] == [articles[0].id, articles[2].id]
    line = outcomes[1].line()
    assert line.startswith("batch.jsonl:line 2: ")
    assert "'exploding'" in line and "ValueError" in line and "the marker was found" in line
    assert isinstance(outcomes[1].__cause__, ValueError)


def test_failure_without_origin_names_the_document_id(exploding, pipeline):
    bad = article(f"Only {MARKER} here.")
    outcome = list(Pipeline(nlp=pipeline.nlp).run([bad]))[0]
    assert isinstance(outcome, ExtractionError)
    assert outcome.line().startswith(f"{bad.id}: ") and "exploding" in outcome.line()
    with pytest.raises(ExtractionError, match="exploding"):
        Pipeline(nlp=pipeline.nlp).extract(bad)


def test_failures_in_many_batches_keep_the_order(exploding, pipeline):
    texts = [f"Report {i}: {MARKER if i % 3 == 1 else 'fine'}." for i in range(7)]
    outcomes = list(Pipeline(nlp=pipeline.nlp, batch_size=2).run(article(t) for t in texts))
    kinds = [type(o) for o in outcomes]
    assert kinds == [ExtractionError if i % 3 == 1 else Record for i in range(7)]


def test_input_errors_pass_through_in_place(pipeline):
    error = InputError("empty file", where="empty.txt")
    items = [article("China and Kazakhstan."), error, article("Russia and India.")]
    outcomes = list(pipeline.run(items))
    assert [type(o) for o in outcomes] == [Record, InputError, Record]
    assert outcomes[1] is error


class _FussyNlp:
    """A stand-in for spaCy that fails on one text, and on any batch containing it."""

    def __init__(self, real):
        self.real = real

    def pipe(self, texts):
        if any(MARKER in t for t in texts):
            raise RuntimeError("batch failed")
        return self.real.pipe(texts)

    def __call__(self, text):
        if MARKER in text:
            raise RuntimeError("cannot parse this one")
        return self.real(text)


def test_spacy_failure_is_isolated_to_its_document(pipeline):
    texts = ["China and Kazakhstan.", f"Bad {MARKER}.", "Russia and India."]
    steps = Pipeline(nlp=_FussyNlp(pipeline.nlp))
    outcomes = list(steps.run([article(t, f"f{i}.txt") for i, t in enumerate(texts)]))
    assert [type(o) for o in outcomes] == [Record, ExtractionError, Record]
    assert outcomes[1].line().startswith("f1.txt: ") and "spaCy" in outcomes[1].line()


# --- offsets on any text ------------------------------------------------------------------

_SPECIAL = list("\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202e\u2066\u2069"
                "\u05e9\u05dc\u05d5\u05dd\u0645\u0631\u062d\u0628\u0627"
                "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb$%\u20ac\u00a3\u00a50123456789.,;:-\u2013\u2014 \n\t\r\u00a0")
_WORDS = ["Prime Minister", "Kazakhstan", "China", "Chinese", "Alikhan Smailov", "Zhang Xiao", "met",
          "said", "\u201cWe", "value", "trade", "rose", "by", "34%", "$24 billion", "to", "a record",
          "last year", "in 2030", "about", "\u20ac5.5 bn", "1,200", "tonnes", "percent", "Astana",
          "on 1 September", "Ambassador", "the first half of the year", "\u00e9t\u00e9", "\U0001f600",
          "Mr.", "U.S.", "\u041c\u043e\u0441\u043a\u0432\u0430"]
_SENTENCES = [
    "Prime Minister Alikhan Smailov met with the Chinese Ambassador Zhang Xiao in Astana.",
    "\u201cWe value the partnership with China,\u201d he said.",
    "Zhang Xiao noted that Chinese investment reached about $23.5 billion over 17 years.",
    "Last year trade between Kazakhstan and China rose by 34% to a record $24 billion.",
    "The parties aim to reach $35 billion by 2030, the minister stressed.",
]


@st.composite
def _sentence(draw) -> str:
    """A real sentence with a few special characters dropped in anywhere."""
    text = draw(st.sampled_from(_SENTENCES))
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(_SPECIAL)) + text[at:]
    return text


_pieces = st.one_of(
    _sentence(),
    st.sampled_from(_WORDS),
    st.text(alphabet=st.sampled_from(_SPECIAL), min_size=1, max_size=4),
    st.text(max_size=6),
)
_texts = st.lists(_pieces, max_size=40).map(" ".join)


def _check(record: Record, text: str, check_record) -> None:
    assert record.text == text
    check_record(record)
    assert reference_problems(record) == []


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_texts, date=st.sampled_from([None, "2023-09-01", "1999-12-31"]))
def test_any_text_gives_a_valid_record(pipeline, check_record, text, date):
    record = pipeline.extract(Article(id=document_id(text, date), text=text, date=date))
    _check(record, text, check_record)


@pytest.mark.parametrize("text", ["", " ", "\u200b", "$", "%", "\"", "34%", "$24 billion",
                                  "\u202eTrade rose 34% to $24 billion\u202c"])
def test_edge_texts(pipeline, check_record, text):
    record = pipeline.extract(Article(id="edge", text=text, date="2023-09-01"))
    _check(record, text, check_record)


# --- the seed article ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_record(pipeline, seed_path):
    (item,) = list(read([str(seed_path)]))
    return pipeline.extract(item)


def test_seed_record_is_valid(seed_record, check_record):
    check_record(seed_record)
    assert span_problems(seed_record) == []
    assert reference_problems(seed_record) == []
    assert seed_record.date == "2023-09-01" and seed_record.entities and seed_record.claims


def test_seed_mentions_cover_names_and_titles(seed_record):
    text = seed_record.text
    for entity in seed_record.entities:
        for mention in entity.mentions:
            start, end = mention.span
            assert start < end and text[start:end].strip() == text[start:end], (entity.key, mention)


def test_run_and_extract_agree(pipeline, seed_record, seed_path):
    (item,) = list(read([str(seed_path)]))
    assert list(pipeline.run([item])) == [seed_record]


def test_a_figure_over_a_range_of_months_holds_for_the_whole_range(pipeline):
    text = ("Trade between Kazakhstan and China grew to $15 billion in January-September 2019, "
            "the minister said. Exports reached $4 billion from March to June.")
    record = pipeline.extract(article(text))
    periods = {c.value: c.period for c in record.claims}
    assert periods[15_000_000_000] == "2019-01/2019-09"
    assert periods[4_000_000_000] == "2023-03/2023-06"
