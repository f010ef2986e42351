"""Reading every document of every input, whatever its format, and reporting what cannot be read."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import PurePath
from typing import BinaryIO

from newsgraph.errors import InputError
from newsgraph.ingest.decode import Prepared, prepare
from newsgraph.ingest.html import article_from_html
from newsgraph.ingest.options import ReadOptions
from newsgraph.ingest.reuters import read_reuters
from newsgraph.ingest.sources import Source, expand, open_source
from newsgraph.ingest.tabular import read_csv, read_json, read_jsonl
from newsgraph.ingest.text import article_from_text
from newsgraph.ingest.timeml import article_from_timeml
from newsgraph.record import Article

Item = Article | InputError
_DECLARED_ENCODING = re.compile(r"""\A(\s*<\?xml[^>]*?)\s+encoding\s*=\s*["'][^"']*["']""")

_BY_SUFFIX = {
    ".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "tsv", ".tml": "timeml",
    ".sgm": "reuters",
}


def read(paths: Iterable[str], options: ReadOptions = ReadOptions(), *, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every document in `paths` (files, folders (recursive, sorted), glob patterns, "-" for stdin), in order.
    A bad file or row yields an InputError (and reading goes on); never raises for bad input."""
    for source in expand([paths] if isinstance(paths, str) else paths):
        if isinstance(source, InputError):
            yield source
        else:
            yield from read_source(source, options, stdin=stdin)


def read_source(source: Source, options: ReadOptions, *, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """The documents of one input; its problems come as InputErrors."""
    try:
        with open_source(source, options.max_bytes, stdin) as stream:
            prepared = prepare(stream, source.name)
            yield from _read_prepared(prepared, choose_format(source, prepared.head, options.format), options)
    except InputError as err:
        yield err


def choose_format(source: Source, head: str, forced: str | None = None) -> str:
    """The reader for `source`: forced, else by file extension, else sniffed from its first bytes."""
    suffix = PurePath(source.inner_name).suffix.lower()
    if forced:
        return "tsv" if forced == "csv" and suffix == ".tsv" else forced
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    return sniff(head, stdin=source.path is None)


def sniff(head: str, *, stdin: bool = False) -> str:
    """The format the first characters of an input suggest."""
    start = head.lstrip().lower()
    if start.startswith(("<!doctype html", "<html")):
        return "html"
    if start.startswith("<") and "<timeml" in start:
        return "timeml"
    if stdin and start.startswith("<"):
        return "html"
    if stdin and start.startswith("{"):
        return "jsonl"
    if stdin and start.startswith("["):
        return "json"
    return "text"


def _read_prepared(prepared: Prepared, fmt: str, options: ReadOptions) -> Iterator[Item]:
    if fmt == "jsonl":
        yield from read_jsonl(prepared, options)
    elif fmt == "json":
        yield from read_json(prepared, options)
    elif fmt in ("csv", "tsv"):
        yield from read_csv(prepared, options, delimiter="\t" if fmt == "tsv" else ",")
    elif fmt == "reuters":
        yield from read_reuters(prepared, options)
    elif fmt == "timeml":
        yield article_from_timeml(_timeml_bytes(prepared), prepared.name, options)
    elif fmt == "html":
        yield article_from_html(prepared.read_text(), prepared.name, options)
    else:
        yield article_from_text(prepared.read_text(), prepared.name, options)


def _timeml_bytes(prepared: Prepared) -> bytes:
    """TimeML goes to expat as bytes (it reads the XML declaration); UTF-16 is re-encoded as UTF-8."""
    if prepared.encoding == "utf-8":
        return prepared.stream.read()
    return _DECLARED_ENCODING.sub(r"\1", prepared.read_text(), count=1).encode("utf-8")
