"""Property-based tests of the API against its own OpenAPI schema (schemathesis).

Every operation gets a bounded number of generated requests; each response must
match the documented status codes and schemas, and none may be a server error.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402

from newsgraph.serve import create_app  # noqa: E402
from test_api_support import sample_db  # noqa: E402

EXAMPLES = 12  # per operation: about 170 requests in all, a few seconds
TOKEN = "schema-test-token"


@pytest.fixture(scope="module")
def api_schema(pipeline, tmp_path_factory):
    db = sample_db(pipeline, tmp_path_factory.mktemp("schema") / "samples.db")
    app = create_app(db, ingest_token=TOKEN, max_body=100_000_000)  # 413 is tested in test_api
    app.state.writer._pipeline = pipeline  # the session's pipeline: spaCy loads once
    return schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case):
    excluded = []
    if case.operation.path == "/api/v1/dossier":
        # a dossier of an entity with itself is refused (422); no schema can say a != b
        from schemathesis.checks import positive_data_acceptance

        excluded.append(positive_data_acceptance)
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, excluded_checks=excluded)
