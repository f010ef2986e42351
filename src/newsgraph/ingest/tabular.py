"""JSON Lines, JSON and CSV/TSV files: one document a line, object or row, read as a stream."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator

from newsgraph.errors import InputError
from newsgraph.ingest.decode import Prepared
from newsgraph.ingest.fields import FIELDS, article_from_fields, find_column
from newsgraph.ingest.options import ReadOptions, size_text
from newsgraph.record import Article

Item = Article | InputError


def read_jsonl(prepared: Prepared, options: ReadOptions) -> Iterator[Item]:
    """One document per line of a JSON Lines stream; a bad line is reported and skipped."""
    return _jsonl_lines(prepared.lines(), prepared.name, options)


def _jsonl_lines(lines: Iterator[tuple[int, str | InputError]], name: str, options: ReadOptions) -> Iterator[Item]:
    seen = False
    for number, line in lines:
        if isinstance(line, InputError) or line.strip():
            seen = True
            yield line if isinstance(line, InputError) else _jsonl_item(line, f"{name}:line {number}", options)
    if not seen:
        yield InputError("empty file", where=name)


def _json_reason(err: json.JSONDecodeError) -> str:
    """Python's message without its dangling "at" ("Unterminated string starting at")."""
    message = err.msg
    for tail in (" starting at", " at"):
        if message.endswith(tail):
            message = message[: -len(tail)]
    return message


def _jsonl_item(line: str, where: str, options: ReadOptions) -> Item:
    try:
        value = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as err:
        return InputError(f"malformed JSON: {_json_reason(err)} (column {err.colno})", where=where)
    except RecursionError:
        return InputError("malformed JSON: nested too deeply", where=where)
    return _object_item(value, where, options)


def _object_item(value: object, where: str, options: ReadOptions) -> Item:
    if not isinstance(value, dict):
        return InputError(f"expected a JSON object, got {_json_kind(value)}", where=where)
    return article_from_fields(value, options, where)


def _json_kind(value: object) -> str:
    kinds = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return kinds.get(type(value), "a number")


def read_json(prepared: Prepared, options: ReadOptions) -> Iterator[Item]:
    """A JSON file holding one object or an array of objects (or, misnamed, JSON Lines)."""
    text = prepared.read_text()
    name = prepared.name
    if not text.strip():
        yield InputError("empty file", where=name)
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        if err.msg == "Extra data":  # several objects, one a line: JSON Lines named .json
            yield from _jsonl_lines(enumerate(text.splitlines(), 1), name, options)
        else:
            yield InputError(f"malformed JSON: {_json_reason(err)} (line {err.lineno}, column {err.colno})", where=name)
        return
    except RecursionError:
        yield InputError("malformed JSON: nested too deeply", where=name)
        return
    yield from _json_items(value, name, options)


def _json_items(value: object, name: str, options: ReadOptions) -> Iterator[Item]:
    if not isinstance(value, list):
        yield _object_item(value, name, options)
        return
    if not value:
        yield InputError("empty JSON array", where=name)
    for number, item in enumerate(value, 1):
        yield _object_item(item, f"{name}:row {number}", options)


def read_csv(prepared: Prepared, options: ReadOptions, *, delimiter: str = ",") -> Iterator[Item]:
    """One document per row of a CSV (or TSV) stream with a header row."""
    # the limit is process-wide: raise it, never lower it (the file size is checked on its own)
    csv.field_size_limit(max(csv.field_size_limit(), options.max_bytes))
    records = _records(_Lines(prepared.lines(), options.max_bytes), delimiter)
    header = next(records, None)
    while isinstance(header, InputError):  # an undecodable line before the header
        yield header
        header = next(records, None)
    if header is None:
        yield InputError("empty file", where=prepared.name)
        return
    problem = header.reason if isinstance(header, _BadRecord) else _header_problem(header, options)
    if problem:
        yield InputError(problem, where=f"{prepared.name}:line 1")
        return
    yield from _rows(records, header, prepared.name, options)


def _rows(records: Iterator[_Record], header: list[str], name: str, options: ReadOptions) -> Iterator[Item]:
    number = 0
    for record in records:
        if isinstance(record, InputError):  # a line that does not decode: it names its own line
            yield record
            continue
        number += 1
        yield _row_item(record, header, f"{name}:row {number}", options)


def _row_item(record: list[str] | _BadRecord, header: list[str], where: str, options: ReadOptions) -> Item:
    if isinstance(record, _BadRecord):
        return InputError(record.reason, where=where)
    if len(record) != len(header):
        fields = f"{len(record)} field" + ("" if len(record) == 1 else "s")
        return InputError(f"row has {fields}, the header has {len(header)}", where=where)
    return article_from_fields(dict(zip(header, record)), options, where)


def _header_problem(header: list[str], options: ReadOptions) -> str | None:
    for field in FIELDS:
        if find_column(header, options, field) is not None:
            continue
        if options.forced(field):
            return f"no column {options.candidates(field)[0]!r} (--{field}-field) in the header"
        if field == "text":
            return f"no text column in the header (looked for: {', '.join(options.candidates('text'))})"
    return None


class _BadRecord:
    """A record csv could not parse."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


_Record = list[str] | _BadRecord | InputError


def _records(lines: _Lines, delimiter: str) -> Iterator[_Record]:
    """Parsed records; a record that does not parse is reported as its first line, and parsing
    starts again on the line after it, so one stray quote loses one row, not the rest of the file."""
    while True:
        reader = csv.reader(lines, delimiter=delimiter, strict=True)
        try:
            for fields in reader:
                lines.forget()
                yield from lines.errors()
                if fields:
                    yield fields
            yield from lines.errors()
            return
        except csv.Error as err:
            yield from lines.errors()
            yield _BadRecord(_csv_reason(err, lines.limit))
            lines.retry()


def _csv_reason(err: csv.Error, limit: int) -> str:
    reason = str(err)
    if "field larger than field limit" in reason:
        return f"row is over the {size_text(limit)} limit (--max-bytes)"
    if reason == "unexpected end of data":
        return "malformed CSV: unterminated quote (the file ends inside a quoted field)"
    return f"malformed CSV: {reason}"


class _Lines:
    """Decoded lines for csv.reader, remembering those of the current record so that it can be retried."""

    def __init__(self, lines: Iterator[tuple[int, str | InputError]], limit: int) -> None:
        self._lines, self.limit = lines, limit
        self._pending: list[str] = []
        self._replay: list[str] = []
        self._errors: list[InputError] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = self._replay.pop() if self._replay else self._next_good()
        self._pending.append(line)
        return line

    def _next_good(self) -> str:
        for _, line in self._lines:
            if not isinstance(line, InputError):
                return line
            self._errors.append(line)
        raise StopIteration

    def forget(self) -> None:
        """Drop the lines of the record just parsed."""
        self._pending = []

    def retry(self) -> None:
        """Parse again from the line after the first line of the record that failed."""
        self._replay.extend(reversed(self._pending[1:]))
        self._pending = []

    def errors(self) -> Iterator[InputError]:
        while self._errors:
            yield self._errors.pop(0)
