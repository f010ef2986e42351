"""The HTTP API in-process (FastAPI's TestClient over httpx) on the sample corpus."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")

import warnings  # noqa: E402

with warnings.catch_warnings():  # starlette suggests httpx2; httpx is what we use
    warnings.simplefilter("ignore", DeprecationWarning)
    from fastapi.testclient import TestClient

from newsgraph.serve import create_app  # noqa: E402
from newsgraph.serve.schemas import MAX_PAGE  # noqa: E402
from test_api_support import sample_db  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
KZ, CN = "country:KZ", "country:CN"


@pytest.fixture(scope="module")
def db(pipeline, tmp_path_factory):
    return sample_db(pipeline, tmp_path_factory.mktemp("api") / "samples.db")


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


def error_of(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "detail"}
    assert body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    return body["error"]


# --- documents ---------------------------------------------------------------------------


def test_health_and_overview_suggest_the_seed_dossier(client):
    assert client.get("/api/v1/health").json()["documents"] >= 7
    overview = client.get("/api/v1/overview").json()
    assert overview["ingest_enabled"] is False
    first = overview["pairs"][0]
    assert {first["a"], first["b"]} == {KZ, CN}


def test_search_pages_and_filters(client):
    page = client.get("/api/v1/documents", params={"q": "trade", "limit": 2}).json()
    assert len(page["items"]) == 2 and page["next_offset"] == 2
    rest = client.get("/api/v1/documents", params={"q": "trade", "limit": 2, "offset": 2}).json()
    assert {h["id"] for h in rest["items"]}.isdisjoint(h["id"] for h in page["items"])
    by_entity = client.get("/api/v1/documents", params={"entity": CN}).json()["items"]
    assert by_entity and all(h["snippet"] is not None for h in by_entity)
    dated = client.get("/api/v1/documents", params={"date_from": "2023", "date_to": "2023"}).json()
    assert all(h["date"].startswith("2023") for h in dated["items"])


def test_page_size_is_limited(client):
    error = error_of(client.get("/api/v1/documents", params={"limit": MAX_PAGE + 1}), 422,
                     "invalid_request")
    assert "limit" in error["message"] and error["detail"][0]["loc"] == ["query", "limit"]
    error_of(client.get("/api/v1/entities", params={"offset": -1}), 422, "invalid_request")


def test_document_is_a_valid_record_with_exact_spans(client, check_record):
    from newsgraph.record import record_from_dict

    hit = client.get("/api/v1/documents", params={"q": "Smailov"}).json()["items"][0]
    body = client.get(f"/api/v1/documents/{hit['id']}").json()
    check_record(record_from_dict(body))
    assert any(c["indicator"] and c["value"] == 24e9 for c in body["claims"])


def test_unknown_document_and_path_give_the_error_shape(client):
    error_of(client.get("/api/v1/documents/nope"), 404, "not_found")
    error_of(client.get("/api/v1/nothing-here"), 404, "not_found")
    error_of(client.delete("/api/v1/entities"), 405, "method_not_allowed")


def test_queries_are_parameters_not_sql(client):
    for q in ["'; DROP TABLE documents; --", '" OR 1=1 --', "trade) OR (1=1", "NEAR(", "*"]:
        assert client.get("/api/v1/documents", params={"q": q}).status_code == 200
        assert client.get("/api/v1/entities", params={"q": q}).status_code == 200
    assert client.get("/api/v1/health").json()["documents"] >= 7


# --- entities, events, claims, dossier ---------------------------------------------------------


def test_entities_list_and_resolve(client):
    countries = client.get("/api/v1/entities", params={"type": "COUNTRY"}).json()["items"]
    assert {KZ, CN} <= {e["key"] for e in countries}
    assert client.get("/api/v1/entities/resolve", params={"name": "Kazakhstan"}).json() == {
        "key": KZ, "name": "Kazakhstan"}
    error_of(client.get("/api/v1/entities/resolve", params={"name": "Atlantis"}), 404, "not_found")
    error_of(client.get("/api/v1/entities", params={"type": "PLANET"}), 422)


def test_entity_view_has_roles_events_quotes_and_related(client):
    person = client.get("/api/v1/entities/person:alikhan-smailov")
    if person.status_code == 404:
        pytest.skip("the extractor names the seed's Prime Minister differently")
    view = person.json()
    assert any(r["title"] == "Prime Minister" for r in view["roles"])
    assert view["quotes"] and all(q["text"] for q in view["quotes"])
    kz = client.get(f"/api/v1/entities/{KZ}").json()
    assert CN in {r["key"] for r in kz["related"]} and kz["events"]
    keys = {r["key"] for r in kz["related"]}
    assert all({e["source"], e["target"]} <= keys for e in kz["edges"])
    error_of(client.get("/api/v1/entities/person:nobody"), 404, "not_found")


def test_events_timeline_filters(client):
    pair = client.get("/api/v1/events", params={"entity": "Kazakhstan", "with": "China"}).json()["items"]
    assert pair and all(len(e["participants"]) >= 2 for e in pair)  # persons stand for their countries
    assert client.get("/api/v1/events", params={"with": "China"}).json()["items"]
    dates = [e["date"] for e in client.get("/api/v1/events", params={"limit": 100}).json()["items"]
             if e["date"]]
    assert dates
    error_of(client.get("/api/v1/events", params={"limit": 0}), 422, "invalid_request")
    error_of(client.get("/api/v1/events", params={"entity": "Atlantis"}), 404, "not_found")


def test_claims_series_targets_and_contradictions(client):
    claims = client.get("/api/v1/claims", params={"subject": KZ, "kind": "target"}).json()["items"]
    assert any(c["claim"]["value"] == 35e9 and c["claim"]["period"] == "2030" for c in claims)
    series = client.get("/api/v1/claims/series", params={"subject": f"{CN},{KZ}"}).json()["items"]
    assert any(p["value"] == 24e9 and p["period"] == "2022" for s in series for p in s["points"])
    targets = client.get("/api/v1/claims/targets").json()["items"]
    assert any(t["target_value"] == 35e9 and t["latest_value"] == 24e9 for t in targets)
    assert client.get("/api/v1/claims/contradictions").status_code == 200
    error_of(client.get("/api/v1/claims", params={"kind": "rumour"}), 422)
    error_of(client.get("/api/v1/claims/series", params={"subject": "Atlantis"}), 404, "not_found")


def test_dossier_sources_point_at_their_sentences(client):
    d = client.get("/api/v1/dossier", params={"a": "Kazakhstan", "b": "China"}).json()
    assert (d["a"], d["b"], d["a_name"], d["b_name"]) == (KZ, CN, "Kazakhstan", "China")
    assert d["events"] and d["series"] and d["targets"]
    sources = [s for series in d["series"] for p in series["points"] for s in p["sources"]]
    texts: dict[str, str] = {}
    for source in sources:
        if source["doc_id"] not in texts:
            texts[source["doc_id"]] = client.get(f"/api/v1/documents/{source['doc_id']}").json()["text"]
        start, end = source["evidence"]
        assert texts[source["doc_id"]][start:end] == source["evidence_text"]


def test_dossier_errors(client):
    error_of(client.get("/api/v1/dossier", params={"a": KZ, "b": "Kazakhstan"}), 422)
    error_of(client.get("/api/v1/dossier", params={"a": KZ, "b": "Atlantis"}), 404, "not_found")
    error_of(client.get("/api/v1/dossier", params={"a": KZ}), 422, "invalid_request")


# --- ingest ----------------------------------------------------------------------------------

ARTICLE = {"title": "Uzbekistan and Kazakhstan talks", "date": "2024-03-05",
           "text": "President of Uzbekistan Shavkat Mirziyoyev met President of Kazakhstan "
                   "Kassym-Jomart Tokayev in Tashkent. Trade between the two countries reached "
                   "$4.5 billion last year."}


def test_ingest_is_off_without_a_token(client):
    error = error_of(client.post("/api/v1/documents", json={"documents": [ARTICLE]}), 403,
                     "ingest_disabled")
    assert "--ingest-token" in error["message"]


@pytest.fixture(scope="module")
def writable(pipeline, tmp_path_factory):
    db = sample_db(pipeline, tmp_path_factory.mktemp("ingest") / "samples.db")
    app = create_app(db, ingest_token="s3cret-token", max_body=50_000)
    app.state.writer._pipeline = pipeline  # the session's pipeline: spaCy loads once
    with TestClient(app) as c:
        yield c


def test_ingest_needs_the_right_token(writable):
    body = {"documents": [ARTICLE]}
    error_of(writable.post("/api/v1/documents", json=body), 401, "unauthorized")
    error_of(writable.post("/api/v1/documents", json=body, headers={"Authorization": "Bearer nope"}),
             401, "unauthorized")
    error_of(writable.post("/api/v1/documents", json=body, headers={"Authorization": "Basic s3cret-token"}),
             401, "unauthorized")


def test_ingest_stores_reports_duplicates_and_failures(writable):
    auth = {"Authorization": "Bearer s3cret-token"}
    bad = {**ARTICLE, "date": "the day after tomorrow", "text": ARTICLE["text"] + " Again."}
    result = writable.post("/api/v1/documents", json={"documents": [ARTICLE, bad]}, headers=auth).json()
    assert len(result["stored"]) == 1 and result["duplicates"] == []
    assert result["failed"][0]["index"] == 1 and "date" in result["failed"][0]["message"]
    again = writable.post("/api/v1/documents", json={"documents": [ARTICLE]}, headers=auth).json()
    assert again["stored"] == [] and again["duplicates"] == result["stored"]
    hits = writable.get("/api/v1/documents", params={"q": "Tashkent"}).json()["items"]
    assert [h["id"] for h in hits] == result["stored"]


def test_ingest_body_limits(writable):
    auth = {"Authorization": "Bearer s3cret-token"}
    big = {"documents": [{"text": "word " * 20_000}]}
    error = error_of(writable.post("/api/v1/documents", json=big, headers=auth), 413, "payload_too_large")
    assert error["detail"] == {"limit": 50_000}
    many = {"documents": [{"text": f"doc {i}"} for i in range(101)]}
    error_of(writable.post("/api/v1/documents", json=many, headers=auth), 422, "invalid_request")
    extra = {"documents": [{"text": "x", "html": "<b>"}]}
    error_of(writable.post("/api/v1/documents", json=extra, headers=auth), 422, "invalid_request")
    error_of(writable.post("/api/v1/documents", content=b"{not json", headers={
        **auth, "Content-Type": "application/json"}), 422, "invalid_request")


# --- headers, errors, schema ---------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/static/app.css", "/api/v1/health", "/api/v1/nope"])
def test_security_headers_everywhere(client, path):
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_unexpected_errors_keep_the_shape(db, monkeypatch):
    from newsgraph.serve import queries

    def broken(store):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(queries, "document_count", broken)
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        error = error_of(c.get("/api/v1/health"), 500, "internal_error")
    assert "secret" not in error["message"]


def test_openapi_is_documented(client):
    schema = client.get("/api/v1/openapi.json").json()
    tags = {t["name"] for t in schema["tags"]}
    assert {"documents", "entities", "events", "claims", "dossier", "ingest"} <= tags
    assert {"Record", "Dossier", "ErrorBody", "Page_DocumentHit_"} <= set(schema["components"]["schemas"])
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    post = schema["paths"]["/api/v1/documents"]["post"]
    assert post["security"] and "401" in post["responses"]
    assert client.get("/docs").status_code == 404  # no CDN-based docs page


def test_cached_dossier_follows_the_store(writable):
    auth = {"Authorization": "Bearer s3cret-token"}
    params = {"a": "Kazakhstan", "b": "Mongolia"}
    before = writable.get("/api/v1/dossier", params=params)
    if before.status_code == 404:
        pytest.skip("the samples name no Mongolia")
    assert writable.get("/api/v1/dossier", params=params).content == before.content  # cached
    article = {"date": "2024-06-01", "title": "Kazakhstan and Mongolia",
               "text": "President of Kazakhstan Kassym-Jomart Tokayev met President of Mongolia "
                       "Ukhnaagiin Khurelsukh in Astana. Trade between Kazakhstan and Mongolia "
                       "reached $200 million in 2023."}
    assert writable.post("/api/v1/documents", json={"documents": [article]}, headers=auth).json()["stored"]
    after = writable.get("/api/v1/dossier", params=params)
    assert after.content != before.content
    assert "2024-06-01" in after.text
