"""Across documents on synthetic records built by hand: merging, series, contradictions,
targets, rates, names, the dossier, the derived tables and the CLI."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph import resolve
from newsgraph.errors import InputError, QueryError
from newsgraph.record import Role, to_dict
from newsgraph.resolve.indicators import indicator_key
from newsgraph.resolve.keys import date_range
from newsgraph.resolve.rates import load_rates
from newsgraph.store import Store

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_dossier", ROOT / "benchmarks" / "dossier.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_dossier"] = module
    spec.loader.exec_module(module)
    return module


BENCH = _bench()
RU, KZ, CN = "country:RU", "country:KZ", "country:CN"
PEOPLE = {
    "putin": ("person:vladimir-putin", "Vladimir Putin", "RU"),
    "tokayev": ("person:kassym-jomart-tokayev", "Kassym-Jomart Tokayev", "KZ"),
    "lavrov": ("person:sergei-lavrov", "Sergei Lavrov", "RU"),
    "tileuberdi": ("person:mukhtar-tileuberdi", "Mukhtar Tileuberdi", "KZ"),
    "xi": ("person:xi-jinping", "Xi Jinping", "CN"),
}
COUNTRIES = {RU: "Russia", KZ: "Kazakhstan", CN: "China"}


class Doc(BENCH.RecordBuilder):
    """A record builder that knows the people and countries of these tests."""

    def person(self, who: str, s: tuple[int, int]) -> str:
        key, name, country = PEOPLE[who]
        return self.entity(key, "PERSON", name, country=country, at=self.span_of(name, s),
                           role=Role(title="President", of=country))

    def country(self, key: str, s: tuple[int, int]) -> str:
        name = COUNTRIES[key]
        return self.entity(key, "COUNTRY", name, at=self.span_of(name, s))

    def meeting(self, a: str, b: str, when: str | None, type_: str = "CONSULT") -> None:
        s = self.say(f"{PEOPLE[a][1]} held talks with {PEOPLE[b][1]}.")
        self.event(type_=type_, cameo="040", actors=(self.person(a, s),), targets=(self.person(b, s),),
                   when=when, evidence=s, trigger="talks", topics=("trade",))

    def figure(self, text: str, figure: str, *, value: float, period: str | None, kind: str = "actual",
               indicator: str = "trade turnover", unit: str = "USD",
               subject: tuple[str, ...] = (KZ, RU), approx: bool = False) -> None:
        s = self.say(text)
        for key in subject:
            if COUNTRIES[key] in text:
                self.country(key, s)
        self.claim(indicator=indicator, subject=subject, value=value, unit=unit, period=period,
                   kind=kind, evidence=s, figure=figure)
        if approx:
            self.claims[-1] = type(self.claims[-1])(**{**to_dict_claim(self.claims[-1]), "approx": True})


def to_dict_claim(claim):
    return {f: getattr(claim, f) for f in claim.__slots__}


def doc(date: str, title: str) -> Doc:
    return Doc(date_=date, title=title)


def corpus() -> list:
    """Reports of Russia-Kazakhstan meetings and trade figures, and one China figure set."""
    docs = []
    d = doc("2022-02-10", "Talks in Moscow")
    d.meeting("putin", "tokayev", "2022-02-10")
    d.meeting("lavrov", "tileuberdi", "2022-02-10")  # the ministers: another meeting
    d.figure("Trade between Russia and Kazakhstan reached $24 billion in 2021.", "$24 billion",
             value=24e9, period="2021")
    docs.append(d)
    d = doc("2022-02-11", "Putin and Tokayev met")
    d.meeting("putin", "tokayev", "2022-02-10")  # "yesterday": the same talks
    d.figure("Mutual trade between Kazakhstan and Russia was 24,000 million dollars in 2021.",
             "24,000 million dollars", value=24e9, period="2021", indicator="mutual trade")
    docs.append(d)
    d = doc("2022-02-20", "Looking back at February")
    d.meeting("tokayev", "putin", "2022-02")  # month precision: holds the 10th
    d.figure("Bilateral trade volume of Russia and Kazakhstan stood at $21 billion in 2021.",
             "$21 billion", value=21e9, period="2021", indicator="bilateral trade volume")
    d.figure("Trade of Russia and Kazakhstan was $18 billion in 2020.", "$18 billion",
             value=18e9, period="2020")
    d.figure("Russia and Kazakhstan aim for $35 billion in trade by 2030.", "$35 billion",
             value=35e9, period="2030", kind="target")
    docs.append(d)
    d = doc("2022-02-25", "Another call")
    d.meeting("putin", "tokayev", "2022-02-25")  # two weeks later: a new event
    d.figure("Russian investment in Kazakhstan reached 1.2 trillion roubles in 2021.",
             "1.2 trillion roubles", value=1.2e12, period="2021", indicator="Russian investment",
             unit="RUB")
    docs.append(d)
    for day, when in (("2022-03-05", "2022-03-01"), ("2022-03-06", "2022-03-03")):
        d = doc(day, f"Looking back on {day}")  # dates the texts give, two days apart
        d.meeting("lavrov", "tileuberdi", when)
        docs.append(d)
    return [x.build() for x in docs]


@pytest.fixture()
def store(tmp_path):
    with Store.open(tmp_path / "r.db") as s:
        s.add(corpus())
        yield s


# --- pure parts ---------------------------------------------------------------------

@pytest.mark.parametrize("variant", [
    "trade turnover", "mutual trade", "bilateral trade volume", "trade", "volume of mutual trade",
    "Trade Turnover", "total trade volume between the two countries", "foreign trade turnover",
])
def test_trade_indicators_are_one_by_meaning(variant):
    assert indicator_key(variant) == "trade turnover"


def test_other_indicators_stay_apart():
    assert indicator_key("Chinese investments") == indicator_key("investment inflow") == "investment"
    assert indicator_key("trade growth") != indicator_key("trade")
    assert indicator_key("gas supplies") == "gas supply"


def test_users_extend_the_indicator_table(tmp_path, monkeypatch):
    from newsgraph.resolve import indicators

    (tmp_path / "indicators.csv").write_text("canonical,variant\ntrade turnover,commerce\n", "utf-8")
    monkeypatch.setenv("NEWSGRAPH_KB", str(tmp_path))
    indicators.clear_cache()
    try:
        assert indicator_key("mutual commerce") == "trade turnover"
    finally:
        monkeypatch.delenv("NEWSGRAPH_KB")
        indicators.clear_cache()


@pytest.mark.parametrize("value, first, last", [
    ("2023-09-01", "2023-09-01", "2023-09-01"), ("2023-02", "2023-02-01", "2023-02-28"),
    ("2023-H1", "2023-01-01", "2023-06-30"), ("2024-Q1", "2024-01-01", "2024-03-31"),
    ("2022", "2022-01-01", "2022-12-31"), ("2023-W01", "2023-01-02", "2023-01-08"),
    ("2021-01/2021-09", "2021-01-01", "2021-09-30"), ("2019/2021", "2019-01-01", "2021-12-31"),
])
def test_date_ranges(value, first, last):
    lo, hi = date_range(value)
    assert (lo.isoformat(), hi.isoformat()) == (first, last)


@pytest.mark.parametrize("value", [None, "", "PRESENT_REF", "P17Y", "2023-13", "XXXX-05", "2021-09/2021-01", "2021/P1Y"])
def test_no_date_range(value):
    assert date_range(value) is None


# --- events ----------------------------------------------------------------------

def test_reports_of_one_meeting_merge_and_counts_never_double(store):
    found = resolve.events(store, pair=("Russia", "Kazakhstan"))
    talks = [e for e in found if "person:vladimir-putin" in e.participants]
    assert [(e.date, len(e.reports)) for e in talks] == [("2022-02-10", 3), ("2022-02-25", 1)]
    assert {r.doc_id for r in talks[0].reports} == {r.id for r in corpus()[:3]}
    ministers = [e for e in found if "person:sergei-lavrov" in e.participants]
    assert [(e.date, len(e.reports)) for e in ministers] == [("2022-02-10", 1), ("2022-03-01", 2)]
    assert sum(len(e.reports) for e in found) == 7  # every report once
    assert talks[0].participant_names[:2] in {("Vladimir Putin", "Kassym-Jomart Tokayev"),
                                              ("Kassym-Jomart Tokayev", "Vladimir Putin")}


def test_window_and_ids_are_stable(store):
    narrow = resolve.events(store, pair=(RU, KZ), window_days=1)
    assert [len(e.reports) for e in narrow if e.date.startswith("2022-03")] == [1, 1]
    wide = resolve.events(store, pair=(RU, KZ), window_days=20)
    assert max(len(e.reports) for e in wide) == 3  # a date that is its document's must match
    by_person = resolve.events(store, entity="Vladimir Putin")
    by_pair = resolve.events(store, pair=(RU, KZ))
    assert {e.id for e in by_person} <= {e.id for e in by_pair}
    assert [e.date for e in resolve.events(store, pair=(RU, KZ), date_from="2022-02-20", date_to="2022-02")] == ["2022-02-25"]


def test_single_side_events_merge_only_within_a_document(tmp_path):
    records = []
    for day in ("2022-03-01", "2022-03-02"):
        d = doc(day, f"Statement {day}")
        s = d.say("Vladimir Putin made a statement.")
        d.event(type_="STATEMENT", cameo="010", actors=(d.person("putin", s),), targets=(),
                when="2022-03-01", evidence=s, trigger="statement")
        records.append(d.build())
    with Store.open(tmp_path / "s.db") as s:
        s.add(records)
        assert len(resolve.events(s, entity="Vladimir Putin")) == 2


# --- figures ---------------------------------------------------------------------

def test_series_by_meaning_across_scales_with_sources(store):
    found = resolve.series(store, indicator="mutual trade", subject=["Kazakhstan", "Russia"])
    actual = next(s for s in found if s.kind == "actual")
    assert actual.indicator == "trade turnover" and actual.unit == "USD"
    assert [p.period for p in actual.points] == ["2020", "2021"]
    point = actual.points[1]
    assert point.value == 24e9 and len(point.sources) == 3 and point.conflicting
    assert all(s.evidence_text and s.claim_id for s in point.sources)
    assert "24,000 million dollars" in point.sources[1].evidence_text


def test_contradictions_name_their_sources(store):
    found = resolve.contradictions(store)
    assert len(found) == 1
    c = found[0]
    assert (c.indicator, c.period, c.unit) == ("trade turnover", "2021", "USD")
    assert [v for v, _ in c.values] == [21e9, 24e9, 24e9]
    assert c.spread == pytest.approx(0.125)
    assert "$21 billion" in c.values[0][1].evidence_text
    assert resolve.contradictions(store, tolerance=0.2) == []


def test_targets_progress_growth_and_trend(store):
    (t,) = resolve.targets(store, indicator="trade")
    assert (t.target_value, t.target_period, t.latest_period, t.latest_value) == (35e9, "2030", "2021", 24e9)
    assert t.progress == pytest.approx(24 / 35)
    assert t.growth_needed_per_year == pytest.approx((35 / 24) ** (1 / 9) - 1)
    assert t.recent_growth_per_year == pytest.approx(24 / 18 - 1)
    assert t.on_track is True
    assert "by 2030" in t.target_source.evidence_text


def test_currencies_convert_only_with_a_rate_table(store, tmp_path):
    assert any(s.unit == "RUB" for s in resolve.series(store, indicator="investment"))
    rates = tmp_path / "rates.csv"
    rates.write_text("currency,period,rate_to_usd\nRUB,2021,0.0136\n", "utf-8")
    (s,) = resolve.series(store, indicator="investment", rates=load_rates(rates))
    assert s.unit == "USD" and s.points[0].value == pytest.approx(1.2e12 * 0.0136)
    rates.write_text("currency,period\nRUB,2021\n", "utf-8")
    with pytest.raises(InputError, match="rate_to_usd"):
        load_rates(rates)


# --- names, dossier, JSON --------------------------------------------------------

def test_resolve_key(store):
    assert resolve.resolve_key(store, "Kazakhstan") == KZ
    assert resolve.resolve_key(store, "the Republic of Kazakhstan") == KZ
    assert resolve.resolve_key(store, "country:RU") == RU
    assert resolve.resolve_key(store, "vladimir putin") == "person:vladimir-putin"
    with pytest.raises(QueryError):
        resolve.resolve_key(store, "Atlantis")


def test_dossier_of_two_countries_is_json_ready(store):
    d = resolve.dossier(store, "Russia", "Kazakhstan")
    assert (d.a, d.b, d.a_name, d.b_name) == (RU, KZ, "Russia", "Kazakhstan")
    assert len(d.events) == 4 and len(d.targets) == 1 and len(d.contradictions) == 1
    assert {s.indicator for s in d.series} >= {"trade turnover", "investment"}
    data = json.loads(json.dumps(to_dict(d)))
    assert data["series"][0]["points"][0]["sources"][0]["doc_id"]


def test_dossier_quotes(tmp_path):
    d = doc("2022-05-01", "Statement")
    s = d.say("\u201cWe value our partnership with Kazakhstan,\u201d Vladimir Putin said.")
    putin = d.person("putin", s)
    d.country(KZ, s)
    d.event(type_="CONSULT", cameo="040", actors=(putin,), targets=(d.entities[KZ]["id"],),
            when="2022-05-01", evidence=s, trigger="said")
    d.quote(putin, d.span_of("We value our partnership with Kazakhstan", s))
    with Store.open(tmp_path / "q.db") as st:
        st.add([d.build()])
        (q,) = resolve.dossier(st, "Russia", "Kazakhstan").quotes
    assert (q.speaker_key, q.text, q.direct) == ("person:vladimir-putin",
                                                 "We value our partnership with Kazakhstan", True)


# --- derived tables --------------------------------------------------------------

def _forget_index(path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(path)
    conn.executescript("DELETE FROM resolve_pairs; DELETE FROM event_signatures; "
                       "INSERT INTO resolve_pending SELECT id FROM documents;")
    conn.close()


def test_documents_stored_before_the_migration_are_indexed(tmp_path):
    path = tmp_path / "old.db"
    with Store.open(path) as s:
        s.add(corpus())
    _forget_index(path)
    with Store.open(path, readonly=True) as s:
        with pytest.raises(QueryError, match="wait to be indexed"):
            resolve.events(s, pair=(RU, KZ))
    with Store.open(path) as s:
        assert s.has_pending()
        assert len(resolve.events(s, pair=(RU, KZ))) == 4
        assert not s.has_pending() and resolve.refresh(s) == 0
        assert s.integrity_check() == []


def test_reingesting_changes_nothing(store):
    before = to_dict(resolve.dossier(store, RU, KZ))
    store.add(corpus())
    assert to_dict(resolve.dossier(store, RU, KZ)) == before


# --- CLI ----------------------------------------------------------------------------

def test_cli_commands(tmp_path):
    from newsgraph.cli import app

    path = tmp_path / "c.db"
    with Store.open(path) as s:
        s.add(corpus())
    _forget_index(path)  # the commands index what waits first
    runner = CliRunner()
    out = runner.invoke(app, ["dossier", "Russia", "Kazakhstan", "--db", str(path)])
    assert out.exit_code == 0, out.output
    assert "Timeline" in out.output and "2022-02-10" in out.output and "Targets" in out.output
    out = runner.invoke(app, ["dossier", "Russia", "Kazakhstan", "--db", str(path), "--json"])
    assert json.loads(out.output)["a"] == RU
    for command in ("series", "contradictions", "targets"):
        out = runner.invoke(app, [command, "--db", str(path), "--json", "--indicator", "trade"])
        assert out.exit_code == 0, out.output
        rows = [json.loads(line) for line in out.output.splitlines()]
        assert rows and all(r["indicator"] == "trade turnover" for r in rows)


def test_cli_prints_article_text_safely(tmp_path):
    from newsgraph.cli import app

    d = doc("2022-01-01", "Evil [bold]markup[/bold]")
    d.meeting("putin", "tokayev", "2022-01-01")
    d.figure("Trade of Russia and Kazakhstan hit $5 billion in 2021 \x1b[31m[red]x[/red].",
             "$5 billion", value=5e9, period="2021")
    path = tmp_path / "e.db"
    with Store.open(path) as s:
        s.add([d.build()])
    out = CliRunner().invoke(app, ["dossier", "Russia", "Kazakhstan", "--db", str(path)])
    assert out.exit_code == 0 and "\x1b[31m" not in out.output and "[red]" in out.output


def test_dossier_benchmark_runs_small(tmp_path):
    result = BENCH.main(["--docs", "300", "--pairs", "20", "--calls", "3", "--db", str(tmp_path / "b.db")])
    assert result == 0


def test_a_dossier_reads_the_newest_reports_of_a_busy_pair(store):
    full = resolve.dossier(store, RU, KZ)
    assert full.complete and full.since is None
    part = resolve.dossier(store, RU, KZ, limit=2)
    assert not part.complete and part.since == "2022-03-01"  # the newest two event reports
    assert [e.date for e in part.events] == ["2022-03-01"]
    assert all(p.sources for s in part.series for p in s.points)
    part = resolve.dossier(store, RU, KZ, limit=5)
    assert part.since == "2022-02-11"  # the newest five claims from 2022-02-11 (events: 2022-02-10)
    assert part.events[-1].date == "2022-03-01" and all(e.date >= "2022-02-10" for e in part.events)
    assert all(p.sources for s in part.series for p in s.points)
