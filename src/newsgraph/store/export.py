"""Exports: whole records as JSON Lines, item tables as CSV, JSON Lines or Parquet.

Everything streams: rows are read and written a page at a time, inside one read
transaction so that an export is one consistent snapshot.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..errors import QueryError
from .sqlite import Store

FORMATS = ("jsonl", "csv", "parquet")
BATCH = 5000  # rows per Parquet row group

_DOC = "JOIN documents AS d ON d.id = x.doc_id"
_EVIDENCE = ("CASE WHEN x.evidence_start IS NULL THEN NULL ELSE "
             "substr(d.text, x.evidence_start + 1, x.evidence_end - x.evidence_start) END")
_NAME = "(SELECT n.name FROM entities AS n WHERE n.doc_id = x.doc_id AND n.local_id = {} " \
        "ORDER BY n.seq LIMIT 1)"


def _ids(role: str, column: str = "entity_local_id") -> str:
    return (f"(SELECT json_group_array({column}) FROM (SELECT p.entity_local_id, "
            f"coalesce({_NAME.format('p.entity_local_id')}, p.entity_local_id) AS name "
            "FROM event_participants AS p WHERE p.doc_id = x.doc_id AND p.event_seq = x.seq "
            f"AND p.role = '{role}' ORDER BY p.seq))")


# table -> (SELECT, column kinds); kinds: str int float bool list (of str) json (text)
TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "documents": (
        "SELECT id, date, title, source, url, lang, ingested_at, text FROM documents ORDER BY num",
        dict(id="str", date="str", title="str", source="str", url="str", lang="str",
             ingested_at="str", text="str"),
    ),
    "entities": (
        f"""SELECT x.doc_id, d.date AS doc_date, x.local_id AS id, x.key, x.type, x.name,
        x.country,
        (SELECT count(*) FROM mentions AS m WHERE m.doc_id = x.doc_id
            AND m.entity_seq = x.seq) AS mentions,
        (SELECT json_group_array(json_object('title', r.title, 'of', r."of", 'to', r."to"))
         FROM (SELECT * FROM roles AS q WHERE q.doc_id = x.doc_id AND q.entity_seq = x.seq
               ORDER BY q.seq) AS r) AS roles
        FROM entities AS x {_DOC} ORDER BY d.num, x.seq""",
        dict(doc_id="str", doc_date="str", id="str", key="str", type="str", name="str",
             country="str", mentions="int", roles="json"),
    ),
    "claims": (
        f"""SELECT x.doc_id, d.date AS doc_date, x.local_id AS id, x.indicator,
        (SELECT json_group_array(key) FROM (SELECT s.key FROM claim_subjects AS s
            WHERE s.doc_id = x.doc_id AND s.claim_seq = x.seq ORDER BY s.seq)) AS subject,
        x.value, x.unit, x.period, x.kind, x.change_value, x.change_unit,
        x.change_direction, x.change_basis, x.qualifiers, x.speaker,
        {_NAME.format('x.speaker')} AS speaker_name, x.approx,
        x.evidence_start, x.evidence_end, {_EVIDENCE} AS evidence_text,
        x.span_start, x.span_end
        FROM claims AS x {_DOC} ORDER BY d.num, x.seq""",
        dict(doc_id="str", doc_date="str", id="str", indicator="str", subject="list",
             value="float", unit="str", period="str", kind="str", change_value="float",
             change_unit="str", change_direction="str", change_basis="str",
             qualifiers="list", speaker="str", speaker_name="str", approx="bool",
             evidence_start="int", evidence_end="int", evidence_text="str",
             span_start="int", span_end="int"),
    ),
    "events": (
        f"""SELECT x.doc_id, d.date AS doc_date, x.local_id AS id, x.type, x.cameo, x.date,
        x.place, {_NAME.format('x.place')} AS place_name,
        {_ids('actor')} AS actors, {_ids('actor', 'name')} AS actor_names,
        {_ids('target')} AS targets, {_ids('target', 'name')} AS target_names,
        (SELECT json_group_array(topic) FROM (SELECT t.topic FROM event_topics AS t
            WHERE t.doc_id = x.doc_id AND t.event_seq = x.seq ORDER BY t.seq)) AS topics,
        x.trigger, x.evidence_start, x.evidence_end, {_EVIDENCE} AS evidence_text
        FROM events AS x {_DOC} ORDER BY d.num, x.seq""",
        dict(doc_id="str", doc_date="str", id="str", type="str", cameo="str", date="str",
             place="str", place_name="str", actors="list", actor_names="list",
             targets="list", target_names="list", topics="list", trigger="str",
             evidence_start="int", evidence_end="int", evidence_text="str"),
    ),
    "quotes": (
        f"""SELECT x.doc_id, d.date AS doc_date, x.seq, x.speaker,
        {_NAME.format('x.speaker')} AS speaker_name, x.start, x."end",
        substr(d.text, x.start + 1, x."end" - x.start) AS text, x.cue, x.direct
        FROM quotes AS x {_DOC} ORDER BY d.num, x.seq""",
        dict(doc_id="str", doc_date="str", seq="int", speaker="str", speaker_name="str",
             start="int", end="int", text="str", cue="str", direct="bool"),
    ),
    "times": (
        f"""SELECT x.doc_id, d.date AS doc_date, x.seq, x.start, x."end", x.text, x.type,
        x.value FROM times AS x {_DOC} ORDER BY d.num, x.seq""",
        dict(doc_id="str", doc_date="str", seq="int", start="int", end="int", text="str",
             type="str", value="str"),
    ),
    "quantities": (
        f"""SELECT x.doc_id, d.date AS doc_date, x.seq, x.start, x."end", x.text, x.value,
        x.unit, x.approx, x.high FROM quantities AS x {_DOC} ORDER BY d.num, x.seq""",
        dict(doc_id="str", doc_date="str", seq="int", start="int", end="int", text="str",
             value="float", unit="str", approx="bool", high="float"),
    ),
}
TABLE_NAMES = ("records", *TABLES)

Out = str | Path | IO[str] | IO[bytes]


def export(store: Store, fmt: str, out: Out, *, table: str = "records") -> int:
    """Write ``table`` of ``store`` to ``out`` (a path or an open file) as ``fmt``; rows written.

    ``records`` (whole records, ``Record.to_json``) exports as ``jsonl`` only; the item
    tables export as ``csv`` (lists as JSON text), ``jsonl`` or ``parquet``.
    """
    _validate(fmt, table)
    with store.read():
        if fmt == "parquet":
            return _parquet(store, table, out)
        with _text_out(out) as stream:
            if table == "records":
                return _records(store, stream)
            return (_csv if fmt == "csv" else _jsonl)(store, table, stream)


def _validate(fmt: str, table: str) -> None:
    if fmt not in FORMATS:
        raise QueryError(f"unknown export format {fmt!r}; valid: {', '.join(FORMATS)}")
    if table not in TABLE_NAMES:
        raise QueryError(f"unknown export table {table!r}; valid: {', '.join(TABLE_NAMES)}")
    if table == "records" and fmt != "jsonl":
        raise QueryError(f"table 'records' exports as jsonl only (not {fmt}); "
                         f"for {fmt} choose one of: {', '.join(TABLES)}")


@contextmanager
def _text_out(out: Out) -> Iterator[IO[str]]:
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as stream:
            yield stream
    elif isinstance(out, io.TextIOBase) or "b" not in getattr(out, "mode", "b"):
        yield out  # type: ignore[misc]
    else:
        wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="")  # type: ignore[arg-type]
        try:
            yield wrapper
        finally:
            wrapper.flush()
            wrapper.detach()


def _records(store: Store, stream: IO[str]) -> int:
    count = 0
    for doc_id in store.document_ids():
        stream.write(store.document(doc_id).to_json() + "\n")
        count += 1
    return count


def _rows(store: Store, table: str) -> Iterator[dict[str, Any]]:
    sql, kinds = TABLES[table]
    for row in store._rows(sql):
        yield {name: _convert(row[name], kinds[name]) for name in kinds}


def _convert(value: Any, kind: str) -> Any:
    if value is None:
        return [] if kind == "list" else None
    if kind == "list":
        return json.loads(value)
    if kind == "bool":
        return bool(value)
    if kind == "float":
        return float(value)
    return value


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _csv(store: Store, table: str, stream: IO[str]) -> int:
    kinds = TABLES[table][1]
    writer = csv.writer(stream)
    writer.writerow(kinds)
    count = 0
    for row in _rows(store, table):
        writer.writerow([_cell(v) for v in row.values()])
        count += 1
    return count


def _jsonl(store: Store, table: str, stream: IO[str]) -> int:
    count = 0
    for row in _rows(store, table):
        if "roles" in row and isinstance(row["roles"], str):
            row["roles"] = json.loads(row["roles"])
        stream.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def _arrow_schema(kinds: dict[str, str]) -> Any:
    import pyarrow as pa

    types = {"str": pa.string(), "json": pa.string(), "int": pa.int64(),
             "float": pa.float64(), "bool": pa.bool_(), "list": pa.list_(pa.string())}
    return pa.schema([(name, types[kind]) for name, kind in kinds.items()])


def _parquet(store: Store, table: str, out: Out) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if isinstance(out, io.TextIOBase):
        raise QueryError("parquet needs a path or a binary stream, not a text stream")
    schema = _arrow_schema(TABLES[table][1])
    count, batch = 0, []
    with pq.ParquetWriter(out if isinstance(out, (str, Path)) else pa.PythonFile(out),
                          schema) as writer:
        for row in _rows(store, table):
            batch.append(row)
            if len(batch) >= BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count, batch = count + len(batch), []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count
