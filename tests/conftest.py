"""Shared fixtures: the ../shared folder, one Pipeline per session, record checks."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest


def newsgraph_command() -> list[str]:
    """The ``newsgraph`` console script of the Python running this, not whichever is first on PATH."""
    exe = Path(sys.executable).with_name("newsgraph")
    return [str(exe)] if exe.is_file() else [sys.executable, "-m", "newsgraph"]


SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "examples" / "seed" / "000_e63359579d5b3a1c.txt"


def need(path: Path) -> Path:
    """``path``, or skip the test when the shared data beside the repository is absent."""
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared data lives beside the repository)")
    return path


@pytest.fixture(scope="session")
def shared() -> Path:
    return need(SHARED)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return need(SEED)


@pytest.fixture(scope="session")
def pipeline():
    """The default pipeline; spaCy loads once per test process."""
    from newsgraph.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def schema_validator():
    import jsonschema

    from newsgraph.record import json_schema

    return jsonschema.Draft202012Validator(json_schema())


def span_problems(record) -> list[str]:
    """Every span of ``record`` that is out of bounds or does not cover its text."""
    size = len(record.text)
    problems = []
    for (start, end), text in record.spans():
        if not 0 <= start <= end <= size:
            problems.append(f"span {(start, end)} outside 0..{size}")
        elif text is not None and record.text[start:end] != text:
            problems.append(f"span {(start, end)} covers {record.text[start:end]!r}, not {text!r}")
    return problems


@pytest.fixture(scope="session")
def check_record(schema_validator) -> Callable:
    """A function asserting that a Record (or its dict) is schema-valid with valid spans."""
    from newsgraph.record import Record, record_from_dict

    def check(item) -> None:
        data = item.to_dict() if isinstance(item, Record) else item
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in schema_validator.iter_errors(data)]
        assert errors == [], f"record {data.get('id')} is not schema-valid"
        record = item if isinstance(item, Record) else record_from_dict(item)
        assert span_problems(record) == [], f"record {record.id} has bad spans"

    return check


def reference_problems(record) -> list[str]:
    """Local ids that are duplicated or refer to no entity; claim subjects that are no entity's key."""
    ids = [e.id for e in record.entities]
    keys = {e.key for e in record.entities}
    problems = [f"duplicate id {i}" for kind in (ids, [c.id for c in record.claims],
                [v.id for v in record.events]) for i in set(kind) if kind.count(i) > 1]
    refs = [(f"event {v.id}", r) for v in record.events for r in (*v.actors, *v.targets, v.place) if r]
    refs += [(f"claim {c.id}", c.speaker) for c in record.claims if c.speaker]
    refs += [("quote", q.speaker) for q in record.quotes if q.speaker]
    problems += [f"{where} refers to {ref}, which is no entity" for where, ref in refs if ref not in ids]
    problems += [f"claim {c.id} is about {s}, which is no entity's key"
                 for c in record.claims for s in c.subject if s not in keys]
    return problems
