"""The ``newsgraph`` command line, run as a subprocess: extract, ingest, the queries, exports.

Each run that extracts pays ~1-2 s of spaCy loading, so each run feeds several checks
(module-scoped fixtures).
"""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import newsgraph_command, reference_problems
from newsgraph.ingest import ReadOptions, read
from newsgraph.record import Article, record_from_dict
from newsgraph.store import Store

COMMANDS = ("extract", "ingest", "search", "show", "entities", "claims", "export")


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.out.splitlines()

    def records(self) -> list[dict]:
        return [json.loads(line) for line in self.lines]


def run(*args: str, cwd: Path, stdin: str | None = None, default_db: bool = True,
        timeout: float = 120) -> Result:
    """``newsgraph ARGS`` in ``cwd``; $NEWSGRAPH_DB points into ``cwd`` unless not ``default_db``."""
    env = {k: v for k, v in os.environ.items() if k != "NEWSGRAPH_DB"}
    env |= {"COLUMNS": "200", "NO_COLOR": "1"}
    if default_db:
        env["NEWSGRAPH_DB"] = str(cwd / "default.db")
    done = subprocess.run([*newsgraph_command(), *args], cwd=cwd, env=env, input=stdin,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout)
    return Result(done.returncode, done.stdout, done.stderr)


def ok(result: Result) -> Result:
    assert result.code == 0, f"exit {result.code}; stderr:\n{result.err}"
    return result


def by_key(record: dict) -> dict[str, dict]:
    return {e["key"]: e for e in record["entities"]}


def has_role(entity: dict, title: str, of: str, to: str | None = None) -> bool:
    return any(r["title"] == title and r["of"] == of and (to is None or r["to"] == to)
               for r in entity["roles"])


# --- extract: the seed ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_run(seed_path, tmp_path_factory) -> Result:
    return ok(run("extract", str(seed_path), "--json", cwd=tmp_path_factory.mktemp("seed")))


@pytest.fixture(scope="module")
def seed_json(seed_run) -> dict:
    (record,) = seed_run.records()
    return record


def test_extract_prints_one_valid_json_line(seed_run, seed_json, check_record):
    assert len(seed_run.lines) == 1 and seed_run.out.endswith("\n")
    check_record(seed_json)
    assert reference_problems(record_from_dict(seed_json)) == []
    assert seed_json["date"] == "2023-09-01"
    assert seed_json["title"].startswith("Alikhan Smailov meets with Ambassador")
    assert not seed_json["text"].startswith("date 2023-09-01")


def test_extract_finds_the_officials_and_their_roles(seed_json):
    entities = by_key(seed_json)
    smailov, zhang = entities.get("person:alikhan-smailov"), entities.get("person:zhang-xiao")
    assert smailov and smailov["type"] == "PERSON" and has_role(smailov, "Prime Minister", "KZ")
    assert zhang and zhang["type"] == "PERSON" and has_role(zhang, "Ambassador", "CN", "KZ")
    assert entities["country:KZ"]["type"] == entities["country:CN"]["type"] == "COUNTRY"


def test_extract_finds_the_trade_figure(seed_json):
    figures = [c for c in seed_json["claims"]
               if c["value"] == 24_000_000_000 and c["unit"] == "USD" and c["period"] == "2022"]
    assert figures, [(c["value"], c["unit"], c["period"]) for c in seed_json["claims"]]
    assert isinstance(figures[0]["value"], int)


def test_extract_finds_the_meeting(seed_json):
    entities = by_key(seed_json)
    people = {entities["person:alikhan-smailov"]["id"], entities["person:zhang-xiao"]["id"]}
    meetings = [v for v in seed_json["events"] if v["type"] == "CONSULT" and v["date"] == "2023-09-01"
                and people <= {*v["actors"], *v["targets"]}]
    assert meetings, seed_json["events"]


def test_extract_without_json_prints_tables(seed_path, tmp_path):
    result = ok(run("extract", str(seed_path), cwd=tmp_path))
    assert "Alikhan Smailov" in result.out and "Entities" in result.out and "Claims" in result.out


# --- extract: several files, JSON Lines, stdin -----------------------------------------------

def test_extract_kremlin_gives_one_record_per_file_in_order(shared, tmp_path, check_record):
    files = sorted((shared / "examples" / "kremlin").glob("*.txt"))
    assert files
    result = ok(run("extract", *map(str, files), "--json", cwd=tmp_path))
    records = result.records()
    expected = [a for f in files for a in read([str(f)]) if isinstance(a, Article)]
    assert [r["id"] for r in records] == [a.id for a in expected]
    assert [r["date"] for r in records] == [a.date for a in expected]
    for record in records:
        check_record(record)
        assert record["entities"], record["id"]


@pytest.fixture(scope="module")
def jsonl_and_stdin(tmp_path_factory) -> tuple[Result, Result]:
    folder = tmp_path_factory.mktemp("jsonl")
    rows = [
        {"id": "doc-1", "title": "Trade talks", "date": "2023-05-01",
         "text": "Kazakhstan and China agreed to raise trade to $35 billion by 2030."},
        {"id": "doc-2", "title": "A visit", "date": "2022-11-19",
         "text": "President Vladimir Putin met President Shavkat Mirziyoyev of Uzbekistan in Moscow."},
    ]
    (folder / "news.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    from_file = ok(run("extract", "news.jsonl", "--json", cwd=folder))
    from_stdin = ok(run("extract", "-", "--json", cwd=folder, stdin=STDIN_TEXT + "\n"))
    return from_file, from_stdin


STDIN_TEXT = "Trade between Russia and India rose by 12% to $65 billion last year."


def test_jsonl_input_keeps_id_title_and_date(jsonl_and_stdin, check_record):
    records = jsonl_and_stdin[0].records()
    assert [(r["id"], r["title"], r["date"]) for r in records] == [
        ("doc-1", "Trade talks", "2023-05-01"), ("doc-2", "A visit", "2022-11-19")]
    for record in records:
        check_record(record)
    assert any(c["value"] == 35_000_000_000 and c["period"] == "2030" for c in records[0]["claims"])


def test_stdin_input(jsonl_and_stdin, check_record):
    (record,) = jsonl_and_stdin[1].records()
    check_record(record)
    assert record["text"] == STDIN_TEXT and record["date"] is None
    assert {"country:RU", "country:IN"} <= set(by_key(record))


# --- ingest: a batch with bad items ----------------------------------------------------------

GOOD_TEXT = "Kazakhstan and China signed a trade agreement in Astana on Monday."


def bad_folder(folder: Path) -> dict[str, str]:
    """Write one good file, six bad items and two good rows; return file -> expected reason."""
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT + "\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"GIF89a\x00\x01\x02\x03binary")
    (folder / "latin1.txt").write_bytes(b"Trade rose.\nCaf\xe9 au lait\n")
    (folder / "big.txt").write_text("word " * 1000, encoding="utf-8")  # 5 KB > --max-bytes 2000
    good_line = {"id": "jl-1", "title": "Good line", "date": "2023-05-01",
                 "text": "Russia and India discussed energy cooperation."}
    (folder / "docs.jsonl").write_text(json.dumps(good_line) + '\n{"id": "jl-2", "text": "cut off\n',
                                       encoding="utf-8")
    (folder / "rows.csv").write_text(
        "id,title,date,text\n"
        "csv-1,Bad date,31st of Nevember,Uzbekistan opened a new railway.\n"
        "csv-2,Good row,2023-06-02,Turkey and Iran met in Ankara.\n", encoding="utf-8")
    return {
        "big.txt": r"over the 2 kB limit", "docs.jsonl:line 2": r"malformed JSON",
        "empty.txt": r"empty file", "image.txt": r"binary file", "latin1.txt": r"invalid UTF-8",
        "rows.csv:row 1": r"date '31st of Nevember' does not parse",
    }


@dataclass
class IngestRuns:
    folder: Path
    db: Path
    seed_id: str
    expected: dict[str, str]
    first: Result  # the seed alone, into a new store
    failing: Result  # the bad folder into the same store
    again: Result  # the bad folder once more


def good_ids(folder: Path) -> set[str]:
    """The ids of the documents in ``folder`` that read without error under --max-bytes 2000."""
    return {a.id for a in read([str(folder)], ReadOptions(max_bytes=2000)) if isinstance(a, Article)}


@pytest.fixture(scope="module")
def ingest_runs(seed_path, tmp_path_factory) -> IngestRuns:
    root = tmp_path_factory.mktemp("ingest")
    expected = bad_folder(root / "in")
    db = root / "news.db"
    first = run("ingest", str(seed_path), "--db", str(db), cwd=root)
    failing = run("ingest", "in", "--db", str(db), "--max-bytes", "2000", cwd=root)
    again = run("ingest", "in", "--db", str(db), "--max-bytes", "2000", cwd=root)
    (seed,) = read([str(seed_path)])
    return IngestRuns(folder=root / "in", db=db, seed_id=seed.id, expected=expected,
                      first=first, failing=failing, again=again)


def failed_lines(result: Result) -> list[str]:
    return [line.strip() for line in result.err.splitlines() if line.strip().startswith("failed:")]


def test_ingest_of_the_seed_succeeds(ingest_runs):
    ok(ingest_runs.first)
    assert "stored 1" in ingest_runs.first.out and "failed 0" in ingest_runs.first.out


def test_bad_batch_reports_each_bad_item_and_exits_1(ingest_runs):
    result = ingest_runs.failing
    assert result.code == 1, result.err
    lines = failed_lines(result)
    assert len(lines) == len(ingest_runs.expected), lines
    for name, reason in ingest_runs.expected.items():
        where = f"failed: {Path('in') / name}: "
        matching = [line for line in lines if line.startswith(where)]
        assert len(matching) == 1, (name, lines)
        assert re.search(reason, matching[0]), matching[0]
    assert "stored 3" in result.out and "failed 6" in result.out, result.out


def test_failure_lines_read_cleanly(ingest_runs):
    """One clear line each: no control characters, no doubled words ("at at")."""
    for line in failed_lines(ingest_runs.failing):
        assert line.isprintable(), line
        assert not re.search(r"\b(\w+) \1\b", line), line


def test_bad_batch_stores_the_good_documents_and_keeps_the_old(ingest_runs):
    ids = good_ids(ingest_runs.folder)
    assert len(ids) == 3 and {"jl-1", "csv-2"} <= ids
    with Store.open(ingest_runs.db, readonly=True) as store:
        assert all(store.has(i) for i in ids)
        assert store.has(ingest_runs.seed_id), "a failing ingest lost a document stored before"
        assert store.stats().documents == 4
        assert store.document("csv-2").title == "Good row"
        assert store.document("jl-1").date == "2023-05-01"


def test_ingest_again_stores_nothing_new(ingest_runs):
    result = ingest_runs.again
    assert result.code == 1
    assert "stored 0" in result.out and "skipped 3 as duplicates" in result.out, result.out
    assert len(failed_lines(result)) == len(ingest_runs.expected)
    with Store.open(ingest_runs.db, readonly=True) as store:
        assert store.stats().documents == 4
        assert store.integrity_check() == []


# --- the queries over the ingested store ------------------------------------------------------

def query(runs: IngestRuns, *args: str) -> Result:
    return ok(run(*args, "--db", str(runs.db), cwd=runs.db.parent))


def test_search(ingest_runs):
    hits = query(ingest_runs, "search", "Smailov", "--json").records()
    assert [h["id"] for h in hits] == [ingest_runs.seed_id]
    table = query(ingest_runs, "search", "Ankara")
    assert "csv-2" in table.out and "Good row" in table.out


def test_show_json_is_the_extracted_record(ingest_runs, seed_json, check_record):
    (record,) = query(ingest_runs, "show", ingest_runs.seed_id, "--json").records()
    check_record(record)
    assert record == seed_json  # what the store gives back is what extract printed


def test_show_prints_tables(ingest_runs):
    result = query(ingest_runs, "show", ingest_runs.seed_id)
    assert "Alikhan Smailov" in result.out and "CONSULT" in result.out


def test_show_unknown_document_fails_clearly(ingest_runs):
    result = run("show", "no-such-doc", "--db", str(ingest_runs.db), cwd=ingest_runs.db.parent)
    assert result.code == 2
    assert len(result.err.strip().splitlines()) == 1 and "no-such-doc" in result.err


def test_entities_json(ingest_runs):
    rows = query(ingest_runs, "entities", "--json").records()
    keys = {row["key"]: row for row in rows}
    assert {"person:alikhan-smailov", "person:zhang-xiao", "country:KZ", "country:CN"} <= set(keys)
    assert keys["country:CN"]["documents"] >= 2  # the seed and good.txt
    people = query(ingest_runs, "entities", "--type", "person", "--json").records()
    assert people and all(row["type"] == "PERSON" for row in people)


def test_claims_json_has_the_trade_figure(ingest_runs):
    rows = query(ingest_runs, "claims", "--json").records()
    trade = [r for r in rows if r["claim"]["value"] == 24_000_000_000 and r["claim"]["unit"] == "USD"
             and r["claim"]["period"] == "2022"]
    assert trade and trade[0]["doc_id"] == ingest_runs.seed_id
    assert "24" in trade[0]["evidence_text"] and "billion" in trade[0]["evidence_text"]


def test_export_jsonl_csv_parquet(ingest_runs, tmp_path, check_record):
    out = {fmt: tmp_path / f"export.{fmt}" for fmt in ("jsonl", "csv", "parquet")}
    query(ingest_runs, "export", "--format", "jsonl", "--out", str(out["jsonl"]))
    records = [json.loads(line) for line in out["jsonl"].read_text("utf-8").splitlines()]
    assert sorted(r["id"] for r in records) == sorted({ingest_runs.seed_id, *good_ids(ingest_runs.folder)})
    for record in records:
        check_record(record)
    query(ingest_runs, "export", "--format", "csv", "--table", "claims", "--out", str(out["csv"]))
    with open(out["csv"], newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    query(ingest_runs, "export", "--format", "parquet", "--table", "claims", "--out", str(out["parquet"]))
    table = pq.read_table(out["parquet"])
    claims = sum(len(r["claims"]) for r in records)
    assert len(rows) == table.num_rows == claims > 0
    assert any(float(r["value"]) == 24e9 for r in rows)


def test_export_to_stdout(ingest_runs):
    result = query(ingest_runs, "export")
    assert len(result.lines) == 4 and "exported 4 rows of records as jsonl" in result.err


# --- errors and help ------------------------------------------------------------------------

def test_missing_store_exits_2_with_one_line(tmp_path):
    result = run("search", "x", "--db", "/nonexistent/x.db", cwd=tmp_path)
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 1 and "/nonexistent/x.db" in lines[0] and "Traceback" not in result.err
    assert result.out == ""
    assert not Path("/nonexistent/x.db").exists()


def test_extract_of_a_missing_file_fails(tmp_path):
    result = run("extract", "no-such-file.txt", "--json", cwd=tmp_path)
    assert result.code != 0 and "no-such-file.txt" in result.err and "Traceback" not in result.err
    assert result.out == ""


def test_help_lists_commands_and_the_default_store(tmp_path):
    result = ok(run("--help", cwd=tmp_path, default_db=False))
    for command in COMMANDS:
        assert re.search(rf"\b{command}\b", result.out), command
    assert "newsgraph.db" in result.out, "the top-level help does not say where the store is"
