"""Across documents on real ones: the Kremlin press releases and the seed article.

The store holds every release of ``press-releases/putin.csv`` that names Kazakhstan
or Tokayev (44 of 802; every document that can add to the Russia-Kazakhstan dossier,
since its items need Kazakhstan or a Kazakh among their participants or subjects),
extracted once per session, plus the seed. Ingesting all 1,782 releases takes about
seven minutes on two cores: ``benchmarks/merged_events_sample.py`` does that.
"""

from __future__ import annotations

import re

import pytest

from newsgraph import resolve
from newsgraph.errors import NewsgraphError
from newsgraph.record import Article
from newsgraph.store import Store

from conftest import need

pytestmark = pytest.mark.slow
KAZAKH = re.compile(r"Kazakhstan|Tokayev")
RU, KZ, CN = "country:RU", "country:KZ", "country:CN"


@pytest.fixture(scope="session")
def store(tmp_path_factory, shared, seed_path, pipeline):
    from newsgraph.ingest import read

    releases = need(shared / "data" / "press-releases" / "putin.csv")
    articles = [a for a in read([str(releases), str(seed_path)])
                if isinstance(a, Article) and KAZAKH.search(f"{a.title or ''} {a.text}")]
    records = [r for r in pipeline.run(articles) if not isinstance(r, NewsgraphError)]
    assert len(records) >= 40
    with Store.open(tmp_path_factory.mktemp("resolve") / "press.db") as s:
        s.add(records)
        yield s


@pytest.fixture(scope="session")
def ru_kz(store):
    return resolve.dossier(store, "Russia", "Kazakhstan")


def test_russia_kazakhstan_meetings_and_calls_on_a_timeline(ru_kz):
    dated = [e for e in ru_kz.events if e.date]
    assert [e.date for e in dated] == sorted(e.date for e in dated)
    talks = [e for e in dated if e.type == "CONSULT" and "2021-10" <= e.date <= "2022-07"]
    assert len(talks) >= 2


def test_russia_kazakhstan_trade_series(ru_kz):
    trade = [s for s in ru_kz.series if s.indicator == "trade turnover" and s.unit == "USD"
             and s.kind == "actual"]
    assert trade, [s.indicator for s in ru_kz.series]
    points = {p.period: p for s in trade for p in s.points}
    assert points["2021"].value == pytest.approx(25.6e9, rel=0.02)


def test_every_point_keeps_its_source_sentences(ru_kz):
    for s in ru_kz.series:
        for point in s.points:
            assert point.sources and all(src.evidence_text.strip() for src in point.sources)


def test_counts_never_double(store, ru_kz):
    reports = [(r.doc_id, r.event_id) for e in ru_kz.events for r in e.reports]
    assert len(reports) == len(set(reports))
    assert len({e.id for e in ru_kz.events}) == len(ru_kz.events)


@pytest.fixture(scope="session")
def kz_cn(store):
    return resolve.dossier(store, "Kazakhstan", "China")


def test_kazakhstan_china_trade_points(kz_cn):
    trade = next(s for s in kz_cn.series if s.indicator == "trade turnover" and s.kind == "actual"
                 and s.unit == "USD")
    assert {p.period: p.value for p in trade.points}.items() >= {"2022": 24e9, "2023-H1": 13.6e9}.items()
    assert "$24 billion" in trade.points[0].sources[0].evidence_text


def test_kazakhstan_china_target_and_progress(kz_cn):
    (t,) = [t for t in kz_cn.targets if t.indicator == "trade turnover"]
    assert (t.target_value, t.target_period, t.latest_period) == (35e9, "2030", "2022")
    assert t.progress == pytest.approx(24 / 35)
    assert t.growth_needed_per_year == pytest.approx((35 / 24) ** (1 / 8) - 1)
    assert t.recent_growth_per_year == pytest.approx(0.34)
    assert t.on_track is True


def test_kazakhstan_china_investment_total(kz_cn):
    totals = [p for s in kz_cn.series if s.indicator == "investment" and s.kind == "cumulative"
              for p in s.points]
    assert [p.value for p in totals] == [23.5e9]


def test_kazakhstan_china_meeting_and_quotes(kz_cn):
    assert any(e.date == "2023-09-01" and e.type == "CONSULT" for e in kz_cn.events)
    assert any(q.speaker_name == "Alikhan Smailov" for q in kz_cn.quotes)
