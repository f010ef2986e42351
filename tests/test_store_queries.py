"""Store queries on every backend: search with filters and awkward input, entities, claims,
events, stats."""

from __future__ import annotations

import pytest

from newsgraph.errors import QueryError
from newsgraph.store import Store
from newsgraph.store.fts import match_expression
from store_records import realistic, synthetic

from conftest_store import backend, locations  # noqa: F401  (fixtures: one run per backend)

REAL = realistic()


@pytest.fixture(scope="module")
def store(locations):
    with Store.open(locations.new()) as s:
        s.add([REAL, *map(synthetic, range(40))])
        yield s


def ids(hits):
    return [h.id for h in hits]


def test_search_words_rank_the_matching_document_first(store):
    hits = store.search("Chinese investment")
    assert ids(hits) == [REAL.id]
    assert "Chinese investment" in hits[0].snippet and hits[0].rank > 0
    assert store.search("meeting")[0].id == REAL.id  # stemmed: "meets" in the title
    assert ids(store.search('"record $24 billion"')) == [REAL.id]
    assert ids(store.search("Kazakh*", source="primeminister.kz")) == [REAL.id]


def test_search_title_counts(store):
    assert ids(store.search("Ambassador China meets")) == [REAL.id]
    assert ids(store.search("Report 7")) [0] == synthetic(7).id


@pytest.mark.parametrize("query", ['"', '"trade', 'AND (', "OR", "NOT", "trade)", "*", "-",
                                   "NEAR(a b)", "title:x", "a\"b", "''", "^trade", "()", "\x00"])
def test_awkward_queries_never_raise(store, query):
    assert isinstance(store.search(query), list)


def test_awkward_query_terms_are_plain_words(store):
    assert ids(store.search('"trade')) == ids(store.search("trade"))
    assert store.search("(") == [] and store.search('""') == []
    assert match_expression('AND ( "a b" c* "') == '"AND" "a b" "c"*'


RAW = {  # the backend's own query syntax: FTS5's, PostgreSQL's to_tsquery
    "sqlite": ("investment OR nothingsuch", '"unbalanced'),
    "postgres": ("investment | nothingsuch", "investment & (china"),
}


def test_raw_syntax_errors_become_query_errors(store, backend):
    good, bad = RAW[backend]
    assert ids(store.search(good, raw=True)) == [REAL.id]
    with pytest.raises(QueryError, match="search query"):
        store.search(bad, raw=True)
    with pytest.raises(QueryError):
        store.search("AND (", raw=True)
    assert ids(store.search("investment")) == [REAL.id]  # the store still answers


def test_empty_query_browses_newest_first(store):
    hits = store.search("", limit=5)
    dates = [h.date for h in hits]
    assert len(hits) == 5 and dates == sorted(dates, reverse=True)
    assert ids(store.search(None, limit=100)) == ids(store.search("   ", limit=100))
    assert len(store.search(None, limit=100)) == 41


def test_search_filters(store):
    in_2013 = store.search(None, date_from="2013", date_to="2013", limit=100)
    assert in_2013 and all(h.date.startswith("2013") for h in in_2013)
    assert all(h.source == "synthetic" for h in store.search("trade", source="synthetic"))
    assert ids(store.search("trade", entity="person:zhang-xiao")) == [REAL.id]
    assert store.search("trade", entity="person:nobody") == []
    page1, page2 = store.search(None, limit=3), store.search(None, limit=3, offset=3)
    assert not set(ids(page1)) & set(ids(page2))
    with pytest.raises(QueryError):
        store.search(None, limit=-1)


def test_snippets_are_plain_text(locations):
    text = "<script>alert(1)</script> trade & <b>investment</b>\n\nrose"
    from newsgraph.record import Record

    with Store.open(locations.new()) as s:
        s.add([Record(id="x", text=text, title="<i>t</i>")])
        hit = s.search("investment")[0]
    assert hit.snippet == "<script>alert(1)</script> trade & <b>investment</b> rose"


def test_entities(store):
    top = store.entities(limit=4)
    assert [e.type for e in top] == ["COUNTRY"] * 4
    assert top[0].documents >= top[-1].documents
    people = store.entities(type="PERSON")
    assert {e.key for e in people} == {"person:alikhan-smailov", "person:zhang-xiao"}
    zhang = store.entities(query="xiao")[0]
    assert (zhang.name, zhang.documents, zhang.mentions) == ("Zhang Xiao", 1, 2)
    assert store.entities(query="100%_") == []
    assert len(store.entities(limit=2, offset=1)) == 2


def test_entity_detail(store):
    detail = store.entity("person:zhang-xiao")
    assert [(r.title, r.of, r.to, r.date) for r in detail.roles] == [
        ("Ambassador", "CN", "KZ", "2023-09-01"), ("Envoy", "CN", None, "2023-09-01")]
    assert ids(detail.documents) == [REAL.id] and "Zhang Xiao" in detail.documents[0].snippet
    kz = store.entity("country:KZ", limit=5)
    assert len(kz.documents) == 5 and kz.roles == ()
    with pytest.raises(QueryError, match="no entity"):
        store.entity("person:nobody")


def test_claims(store):
    rows = store.claims(doc_id=REAL.id)
    assert [r.claim for r in rows] == list(REAL.claims)
    c1 = rows[0]
    assert c1.subject_names == ("China", "Kazakhstan")
    assert c1.evidence_text.startswith("Last year trade") and c1.evidence_text.endswith("billion.")
    assert rows[2].speaker_name == "Zhang Xiao"
    targets = store.claims(kind="target")
    assert [r.claim.value for r in targets] == [35e9]
    assert {r.claim.period for r in store.claims(period="2013")} == {"2013"}
    kz_trade = store.claims(indicator="trade turnover", subject="country:UZ", limit=1000)
    assert kz_trade and all("country:UZ" in r.claim.subject for r in kz_trade)
    dates = [r.doc_date for r in kz_trade]
    assert dates == sorted(dates)
    assert store.claims(indicator="nothing") == []


def test_events(store):
    rows = store.events(entity="person:alikhan-smailov")
    assert len(rows) == 1
    row = rows[0]
    assert row.event == REAL.events[0]
    assert (row.actor_names, row.target_names, row.place_name) == (
        ("Alikhan Smailov",), ("Zhang Xiao",), "Astana")
    assert row.evidence_text.startswith("Prime Minister") and row.evidence_text.endswith("Astana.")
    agreed = store.events(type="AGREE", date_from="2013-03", date_to="2014")
    assert agreed and all("2013-03" <= r.event.date < "2015" for r in agreed)
    assert store.events(type="STATEMENT")[0].evidence_text is None


def test_stats(store):
    s = store.stats()
    assert s.documents == 41
    assert s.entities == 7  # distinct keys
    assert s.claims == 3 + 40 and s.events == 2 + 40 and s.quotes == 2 + 40
    assert s.times == 4 + 40 and s.quantities == 4 + 40 and s.schema_version >= 1
