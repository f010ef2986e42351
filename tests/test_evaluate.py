"""Scoring predicted records against gold readings (newsgraph.evaluate)."""

from __future__ import annotations

import copy
import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.evaluate import (
    KINDS, Counts, check_floors, combine, gold_documents, gold_record, score_document,
)
from newsgraph.evaluate_match import Locator, find, norm_unit, similarity

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO.parent / "shared" / "examples"
needs_examples = pytest.mark.skipif(
    not EXAMPLES.is_dir(), reason=f"gold articles not found at {EXAMPLES}")


def article_text(path: Path) -> str:
    """The body of a gold article: without its 'date YYYY-MM-DD Title' line."""
    raw = path.read_text(encoding="utf-8")
    first, _, rest = raw.partition("\n")
    return rest if re.match(r"\s*date \d{4}-\d{2}-\d{2}\b", first) else raw


def gold_docs() -> list:
    return gold_documents(EXAMPLES) if EXAMPLES.is_dir() else []


# --- a small synthetic document ---------------------------------------------------

TEXT = (
    "Alikhan Smailov met Zhang Xiao in Astana today. Last year trade rose by 34% "
    "to $24 billion. \"We will grow,\" Smailov said. Today the talks ended today."
)


def span(needle: str, nth: int = 0) -> list[int]:
    starts = [m.start() for m in re.finditer(re.escape(needle), TEXT)]
    return [starts[nth], starts[nth] + len(needle)]


GOLD = {
    "file": "synthetic.txt",
    "entities": [
        {"key": "person:alikhan-smailov", "type": "PERSON", "name": "Alikhan Smailov",
         "roles": [{"title": "Prime Minister", "of": "KZ"}],
         "mentions": ["Alikhan Smailov", "Smailov"]},
        {"key": "person:zhang-xiao", "type": "PERSON", "name": "Zhang Xiao",
         "roles": [{"title": "Ambassador", "of": "CN", "to": "KZ"}]},
        {"key": "country:KZ", "type": "COUNTRY", "name": "Kazakhstan"},
        {"key": "country:CN", "type": "COUNTRY", "name": "China"},
        {"type": "LOCATION", "name": "Astana", "also_type": ["FACILITY"], "aliases": ["Nur-Sultan"]},
        {"type": "OTHER", "name": "talks", "optional": True},
    ],
    "times": [
        {"text": "today", "value": "PRESENT_REF", "value_also": ["2023-09-01"]},
        {"text": "Last year", "value": "2022", "span_text_also": ["year"]},
        {"text": "Today", "value": "PRESENT_REF"},
        {"text": "today", "value": "PRESENT_REF", "optional": True},
    ],
    "claims": [
        {"indicator": "trade turnover", "indicator_also": ["bilateral trade"],
         "subject": ["country:KZ", "country:CN"], "value": 24000000000, "unit": "USD",
         "period": "2022", "period_also": ["2022-12"], "kind": "actual", "kind_also": ["cumulative"],
         "change": {"value": 34, "unit": "percent", "direction": "up"},
         "speaker": "person:alikhan-smailov"},
        {"indicator": "railroads", "subject": ["country:KZ"], "value": 11, "unit": "railroad",
         "unit_also": ["road"], "kind": "count"},
    ],
    "events": [
        {"type": "CONSULT", "cameo": ["040", "042"],
         "participants": ["person:alikhan-smailov", "person:zhang-xiao"],
         "participants_also": [["country:KZ", "country:CN"]], "date": "2023-09-01",
         "place": "Astana", "topics_any": ["trade"]},
        {"type": "AGREE", "cameo": ["057"], "participants": ["country:KZ", "country:CN"],
         "date": None, "optional": True},
    ],
    "quotes": [
        {"speaker": "person:alikhan-smailov", "direct": True, "text_starts": "We will grow"},
    ],
}


def perfect() -> dict:
    return gold_record(GOLD, TEXT)


def figures(pred: dict, gold: dict = GOLD) -> dict:
    return score_document(gold, pred).figures()


def counts(pred: dict, kind: str, gold: dict = GOLD) -> Counts:
    return score_document(gold, pred).counts[kind]


# --- perfect and empty predictions ------------------------------------------------

def test_synthetic_perfect_scores_one():
    score = score_document(GOLD, perfect())
    assert {k: c.f1 for k, c in score.counts.items()} == {k: 1.0 for k in KINDS}
    assert all(r.value in (1.0, None) for r in score.accuracy.values())


@needs_examples
@pytest.mark.parametrize("pair", gold_docs(), ids=lambda pair: pair[0].name)
def test_gold_as_prediction_scores_one(pair):
    article, gold = pair
    record = gold_record(gold, article_text(article))
    score = score_document(gold, record)
    for kind, c in score.counts.items():
        assert (c.precision, c.recall, c.f1) == (1.0, 1.0, 1.0), kind
    for name, ratio in score.accuracy.items():
        assert ratio.value in (1.0, None), (name, ratio)


@needs_examples
def test_gold_record_offsets_and_schema():
    jsonschema = pytest.importorskip("jsonschema")
    from newsgraph.record import json_schema, record_from_dict

    for article, gold in gold_docs():
        data = gold_record(gold, article_text(article))
        jsonschema.validate(data, json_schema())
        record = record_from_dict(data)
        for (start, end), text in record.spans():
            assert 0 <= start <= end <= len(record.text)
            assert text is None or record.text[start:end] == text


@needs_examples
def test_seven_gold_documents_found():
    names = [article.name for article, _ in gold_docs()]
    assert len(names) == 7 and "000_e63359579d5b3a1c.txt" in names


def test_empty_prediction_has_zero_precision_and_recall():
    score = score_document(GOLD, {"text": TEXT})
    for kind, c in score.counts.items():
        assert c.tp == 0 and c.fp == 0 and c.fn > 0, kind
        assert (c.precision, c.recall, c.f1) == (0.0, 0.0, 0.0)


def test_missing_record_scores_as_empty():
    assert score_document(GOLD, None).counts["claims"] == Counts(fn=2)


def test_nothing_expected_nothing_predicted_scores_one():
    score = score_document({"file": "x"}, {"text": ""})
    assert all(c.f1 == 1.0 for c in score.counts.values())


def test_predictions_without_gold_are_false_positives():
    c = counts(perfect(), "claims", {"file": "x"})
    assert (c.tp, c.fp, c.fn, c.precision, c.recall) == (0, 2, 0, 0.0, 0.0)


# --- optional items ---------------------------------------------------------------

def test_optional_items_cost_nothing_when_missed_and_count_when_found():
    pred = perfect()
    found = counts(pred, "times")
    assert (found.tp, found.fn) == (4, 0)
    pred["times"] = [t for t in pred["times"] if t["span"] != span("today", 1)]
    missed = counts(pred, "times")
    assert (missed.tp, missed.fp, missed.fn) == (3, 0, 0)
    pred["entities"] = [e for e in pred["entities"] if e["name"] != "talks"]
    assert counts(pred, "entities").recall == 1.0


def test_optional_entity_roles_and_events_optional_too():
    pred = perfect()
    pred["events"] = pred["events"][:1]
    assert counts(pred, "events") == Counts(tp=1)


# --- entities, roles, mentions -----------------------------------------------------

def entity(id_: str, key: str, type_: str, name: str, **extra) -> dict:
    return {"id": id_, "key": key, "type": type_, "name": name, "roles": [], "mentions": []} | extra


def test_entities_match_by_key_or_type_and_name():
    pred = {"text": TEXT, "entities": [
        entity("E1", "person:alikhan-smailov", "ORG", "Someone Else"),  # key wins
        entity("E2", "person:x", "PERSON", "zhang  xiao"),  # name, case/space folded
        entity("E3", "facility:nur-sultan", "FACILITY", "Nur-Sultan"),  # also_type + alias
        entity("E4", "location:china", "LOCATION", "China"),  # wrong type: no match
    ]}
    c = counts(pred, "entities")
    assert (c.tp, c.fp, c.fn) == (3, 1, 2)


def test_one_to_one_matching():
    pred = {"text": TEXT, "entities": [
        entity("E1", "country:KZ", "COUNTRY", "Kazakhstan"),
        entity("E2", "country:KZ", "COUNTRY", "Kazakhstan"),
    ]}
    c = counts(pred, "entities")
    assert (c.tp, c.fp) == (1, 1)


def test_roles_by_title_and_of_with_to_reported_apart():
    pred = perfect()
    pred["entities"][0]["roles"] = [{"title": "prime minister", "of": "country:KZ", "to": None}]
    pred["entities"][1]["roles"] = [{"title": "Ambassador", "of": "CN", "to": "RU"}]
    score = score_document(GOLD, pred)
    assert score.counts["roles"] == Counts(tp=2)
    assert (score.accuracy["role_to"].correct, score.accuracy["role_to"].total) == (0, 1)
    pred["entities"][0]["roles"] = [{"title": "President", "of": "KZ"}]
    assert counts(pred, "roles") == Counts(tp=1, fp=1, fn=1)


def test_roles_of_unmatched_entity_are_missed():
    pred = perfect()
    pred["entities"][0]["name"] = "Alikhan"
    pred["entities"][0]["key"] = "person:alikhan"
    assert counts(pred, "roles") == Counts(tp=1, fp=1, fn=1)


def test_mention_attribution_by_text():
    pred = perfect()
    pred["entities"][0]["mentions"] = [{"span": span("Alikhan Smailov"), "kind": "name"}]
    ratio = score_document(GOLD, pred).accuracy["mention_attribution"]
    assert (ratio.correct, ratio.total) == (1, 2)
    pred["entities"][0]["mentions"].append({"span": span("Smailov", 1), "kind": "name"})
    assert score_document(GOLD, pred).accuracy["mention_attribution"].value == 1.0


# --- times ------------------------------------------------------------------------

def time_item(needle: str, value: str, nth: int = 0) -> dict:
    s = span(needle, nth)
    return {"span": s, "text": TEXT[s[0]:s[1]], "type": "DATE", "value": value}


def test_times_by_overlapping_span_and_value():
    pred = {"text": TEXT, "times": [
        time_item("Last", "2022"),  # overlaps 'Last year'
        time_item("today", "2023-09-01"),  # value_also
        time_item("Today", "2023"),  # wrong value: span-only match
    ]}
    score = score_document(GOLD, pred)
    assert score.counts["times"] == Counts(tp=2, fp=1, fn=1)
    assert score.counts["times_span"] == Counts(tp=3, fn=0)
    assert score.accuracy["time_value"].correct == 2


def test_times_not_overlapping_do_not_match():
    pred = {"text": TEXT, "times": [time_item("trade", "2022")]}
    assert counts(pred, "times").tp == 0


def test_gold_times_located_in_order():
    locator = Locator("today, Today and today; known now")
    assert locator.locate("today") == (0, 5)
    assert locator.locate("Today") == (7, 12)
    assert locator.locate("today") == (17, 22)
    assert locator.locate("now") == (30, 33)  # whole words only: not in 'known'
    assert find("x Today", "today") == (2, 7)  # case folded as a last resort


# --- claims -------------------------------------------------------------------------

def claim(**changes) -> dict:
    base = {"id": "C1", "indicator": "trade turnover", "subject": ["country:CN", "country:KZ"],
            "value": 24000000000, "unit": "USD", "period": "2022", "kind": "actual",
            "change": {"value": 34, "unit": "percent", "direction": "up"}, "speaker": "E1"}
    return base | changes


def claims_pred(*items: dict) -> dict:
    pred = perfect()
    pred["claims"] = list(items)
    return pred


def test_claim_value_tolerance():
    assert counts(claims_pred(claim(value=24100000000)), "claims").tp == 1  # 0.42%
    assert counts(claims_pred(claim(value=24150000000)), "claims").tp == 0  # 0.63%


def test_claim_unit_case_and_plural_and_alternatives():
    base = {"id": "C2", "indicator": "railroads", "subject": ["country:KZ"], "value": 11,
            "kind": "count"}
    for unit in ("Railroads", "railroad", "roads"):
        assert counts(claims_pred(base | {"unit": unit}), "claims").tp == 1, unit
    assert counts(claims_pred(base | {"unit": "pipeline"}), "claims").tp == 0
    assert norm_unit("Commodity Items") == norm_unit("commodity item")


def test_claim_period_alternatives_and_missing_period():
    assert counts(claims_pred(claim(period="2022-12")), "claims").tp == 1
    assert counts(claims_pred(claim(period="2021")), "claims").tp == 0
    rail = {"id": "C2", "indicator": "railroads", "subject": ["country:KZ"], "value": 11,
            "unit": "railroad", "kind": "count"}
    for period in (None, "2023", "PRESENT_REF"):
        assert counts(claims_pred(rail | {"period": period}), "claims").tp == 1


def test_claim_subject_is_set_equality():
    assert counts(claims_pred(claim(subject=["country:KZ", "country:CN"])), "claims").tp == 1
    assert counts(claims_pred(claim(subject=["country:KZ"])), "claims").tp == 0
    extra = claim(subject=["country:CN", "country:KZ", "country:RU"])
    assert counts(claims_pred(extra), "claims").tp == 0


def test_claim_subject_keys_mapped_through_matched_entities():
    pred = claims_pred(claim(subject=["country:cn-alt", "country:KZ"]))
    pred["entities"][3]["key"] = "country:cn-alt"  # matched to gold China by name
    assert counts(pred, "claims").tp == 1


def test_claim_attributes_measured_among_value_matches():
    wrong = claim(period="2021", kind="target", indicator="exports",
                  change={"value": 34, "unit": "percent", "direction": "down"})
    score = score_document(GOLD, claims_pred(wrong))
    assert score.counts["claims"].tp == 0 and score.counts["claims_value"].tp == 1
    acc = {k: r.value for k, r in score.accuracy.items() if k.startswith("claim_")}
    assert acc == {"claim_period": 0.0, "claim_subject": 1.0, "claim_indicator": 0.0,
                   "claim_kind": 0.0, "claim_change": 0.0, "claim_speaker": 1.0}
    right = claim(kind="cumulative", indicator="Bilateral trade")
    assert score_document(GOLD, claims_pred(right)).accuracy["claim_kind"].value == 1.0


def test_indicator_by_meaning():
    assert similarity("trade growth", "trade turnover") >= 0.5
    assert similarity("the volume of bilateral trade", "bilateral trades") == 1.0
    assert similarity("non-resource exports", "investment inflow") == 0.0
    score = score_document(GOLD, claims_pred(claim(indicator="mutual trade turnovers")))
    assert score.accuracy["claim_indicator"].value == 1.0


# --- events -------------------------------------------------------------------------

def event(**changes) -> dict:
    base = {"id": "V1", "type": "CONSULT", "cameo": "042", "actors": ["E1"], "targets": ["E2"],
            "date": "2023-09-01", "place": "E5", "topics": ["trade"]}
    return base | changes


def events_pred(*items: dict) -> dict:
    pred = perfect()
    pred["events"] = list(items)
    return pred


def test_events_by_type_participants_and_date():
    score = score_document(GOLD, events_pred(event()))
    assert score.counts["events"] == Counts(tp=1)
    assert all(score.accuracy[k].value == 1.0
               for k in ("event_type", "event_cameo", "event_topics", "event_place"))
    assert counts(events_pred(event(date="2023-09-02")), "events").tp == 0
    assert counts(events_pred(event(targets=[])), "events").tp == 0


def test_events_participants_are_actors_and_targets_together():
    assert counts(events_pred(event(actors=["E2", "E1"], targets=[])), "events").tp == 1
    assert counts(events_pred(event(actors=["E3"], targets=["E4"])), "events").tp == 1


def test_event_type_measured_among_participant_matches():
    score = score_document(GOLD, events_pred(event(type="VISIT", cameo="043")))
    assert score.counts["events"].tp == 0 and score.counts["events_loose"].tp == 1
    assert score.accuracy["event_type"].value == 0.0


def test_event_without_gold_date_accepts_any_date():
    agree = event(id="V2", type="AGREE", cameo="057", actors=["E3", "E4"], targets=[],
                  date="1999")
    assert counts(events_pred(event(), agree), "events") == Counts(tp=2)


# --- quotes -------------------------------------------------------------------------

def test_quotes_by_speaker_and_overlapping_span():
    quote = {"speaker": "E1", "span": span('"We will grow,"'), "cue": "said", "direct": True}
    pred = perfect() | {"quotes": [quote]}
    assert counts(pred, "quotes") == Counts(tp=1)
    pred["quotes"] = [quote | {"speaker": "E2"}]
    score = score_document(GOLD, pred)
    assert score.counts["quotes"].tp == 0 and score.counts["quotes_span"].tp == 1
    assert score.accuracy["quote_speaker"].value == 0.0
    pred["quotes"] = [quote | {"span": span("Smailov said")}]
    assert counts(pred, "quotes").tp == 0


# --- combining, floors ------------------------------------------------------------

def test_combine_is_micro_average():
    one = score_document(GOLD, perfect())
    empty = score_document(GOLD, {"text": TEXT})
    total = combine([one, empty])
    assert total.counts["claims"] == Counts(tp=2, fn=2)
    assert total.figures()["claims_r"] == 0.5
    assert json.loads(json.dumps(total.to_dict()))["doc"] == "all"


def test_check_floors_names_each_figure_below_floor():
    failures = check_floors({"times_f1": 0.5, "claims_f1": 0.9}, {
        "times_f1": 0.6, "claims_f1": 0.8, "quotes_f1": 0.1})
    assert len(failures) == 2
    assert failures[0].startswith("quotes_f1 missing") and failures[1].startswith("times_f1 0.500")


def test_scoring_leaves_inputs_unchanged():
    gold, pred = copy.deepcopy(GOLD), perfect()
    before = copy.deepcopy(pred)
    score_document(gold, pred)
    assert gold == GOLD and pred == before


# --- the benchmark script, with a stand-in for the command line ---------------------

FAKE_CLI = '''
import json, re, sys
from pathlib import Path
from newsgraph.evaluate import gold_documents, gold_record
golds = {a.resolve(): g for a, g in gold_documents(sys.argv[1])}
for name in sys.argv[3:-1]:
    raw = Path(name).read_text(encoding="utf-8")
    first, _, text = raw.partition("\\n")
    print(json.dumps(gold_record(golds[Path(name).resolve()], text)))
'''


def load_benchmark():
    spec = importlib.util.spec_from_file_location("gold_bench", REPO / "benchmarks" / "gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_examples
def test_benchmark_scores_cli_output(tmp_path, monkeypatch, capsys):
    bench = load_benchmark()
    script = tmp_path / "fake_cli.py"
    script.write_text(FAKE_CLI, encoding="utf-8")
    fake = lambda files: [sys.executable, str(script), str(EXAMPLES), "extract",  # noqa: E731
                          *map(str, files), "--json"]
    monkeypatch.setattr(bench, "extract_command", fake)
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"gold": {"claims_f1": 1.0, "times_f1": 0.5}}))
    status = bench.main(["--json", "--check-floors", "--floors", str(floors)])
    out = json.loads(capsys.readouterr().out)
    assert status == 0 and out["failures"] == []
    assert all(out["figures"][f"{k}_f1"] == 1.0 for k in KINDS)
    assert len(out["documents"]) == 7


def test_benchmark_align_by_title_then_position():
    bench = load_benchmark()
    golds = [{"doc": {"title": "A", "date": "1"}}, {"doc": {"title": "B", "date": "2"}}]
    records = [{"title": "B", "date": "2"}, {"title": "x"}]
    assert bench.align(records, golds) == [records[1], records[0]]
    assert bench.align(records[:1], golds) == [None, records[0]]


# --- properties ---------------------------------------------------------------------

_LISTS = ("times", "claims", "events", "quotes")  # entities kept: the others refer to them


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_dropping_predicted_items_never_adds_false_positives(data):
    pred = perfect()
    for name in _LISTS:
        keep = data.draw(st.lists(st.booleans(), min_size=len(pred[name]),
                                  max_size=len(pred[name])), label=name)
        pred[name] = [item for item, flag in zip(pred[name], keep) if flag]
    score = score_document(GOLD, pred)
    for name in _LISTS:
        c = score.counts[name]
        assert c.fp == 0 and c.tp == len(pred[name]) and c.precision in (0.0, 1.0)
    assert score.counts["entities"].f1 == 1.0
