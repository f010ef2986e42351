"""Shared by the API and web tests: the sample corpus ingested once per test process.

(Named test_api_* to live within the API tests' files; it holds no tests itself.)
"""

from __future__ import annotations

import shutil
import tempfile
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SEED_ID_DATE = "2023-09-01"
XSS_TITLE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
XSS_TEXT = (
    "Kazakhstan and China <script>window.__pwned=3;alert(3)</script> signed a memorandum on "
    'trade. <img src=x onerror="window.__pwned=4;alert(4)"> Officials said trade between '
    "Kazakhstan and China reached $30 billion in 2024. \"><svg onload=alert(5)>"
)


@cache
def _sample_db(pipeline: object) -> Path:
    from newsgraph.ingest import read
    from newsgraph.ingesting import ingest_stream

    folder = Path(tempfile.mkdtemp(prefix="newsgraph-api-"))
    db = folder / "samples.db"
    summary = ingest_stream(read([str(SAMPLES)]), str(db), pipeline=pipeline)  # type: ignore[arg-type]
    assert summary.stored >= 7 and not summary.failed, summary
    return db


def sample_db(pipeline: object, target: Path) -> Path:
    """A copy of the sample store at ``target`` (each test may write to its own)."""
    if not SAMPLES.is_dir():
        pytest.skip(f"{SAMPLES} is absent")
    source = _sample_db(pipeline)
    shutil.copyfile(source, target)
    return target
