"""Where documents come from: files, folders, globs, gzip and stdin, read within a size limit."""

from __future__ import annotations

import glob
import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from newsgraph.errors import InputError
from newsgraph.ingest.options import size_text

STDIN = "<stdin>"
_GLOB_CHARS = ("*", "?", "[")


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """One input to read: a file or standard input."""

    name: str  # as messages show it: the path as given, or "<stdin>"
    path: Path | None = None  # None for stdin
    gzip: bool = False

    @property
    def inner_name(self) -> str:
        """The name that decides the format: "a.csv" for "a.csv.gz"."""
        name = self.path.name if self.path else ""
        return name[:-3] if self.gzip else name


def expand(paths: Iterable[str]) -> Iterator[Source | InputError]:
    """Every input named by `paths`, in order: folders recursively, globs sorted."""
    for given in paths:
        yield from _expand_one(str(given))


def _expand_one(given: str) -> Iterator[Source | InputError]:
    if given == "-":
        yield Source(name=STDIN)
        return
    path = Path(given)
    if path.is_dir():
        yield from (_file(found) for found in _walk(path))
    elif path.exists():
        yield _file(path)
    elif any(char in given for char in _GLOB_CHARS):
        yield from _expand_glob(given)
    else:
        yield InputError("no such file or directory", where=given)


def _expand_glob(pattern: str) -> Iterator[Source | InputError]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield InputError("glob matched nothing", where=pattern)
    for match in matches:
        path = Path(match)
        yield from (_file(found) for found in _walk(path)) if path.is_dir() else [_file(path)]


def _walk(folder: Path) -> list[Path]:
    """The files under `folder`, recursively, sorted by path; hidden files and folders skipped."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found.extend(os.path.join(root, name) for name in files if not name.startswith("."))
    return [Path(name) for name in sorted(found)]


def _file(path: Path) -> Source:
    return Source(name=str(path), path=path, gzip=path.name.lower().endswith(".gz"))


def open_source(source: Source, max_bytes: int, stdin: BinaryIO | None = None) -> io.BufferedReader:
    """A binary stream over `source` that raises InputError once it passes `max_bytes`."""
    if source.path is None:
        raw = stdin if stdin is not None else sys.stdin.buffer
        return io.BufferedReader(_Limited(raw, max_bytes, source.name, owned=False))
    handle = _open_file(source, max_bytes)
    inner = gzip.GzipFile(fileobj=handle, mode="rb") if source.gzip else handle
    limited = _Limited(inner, max_bytes, source.name, owned=True, packed=source.gzip, also_close=handle)
    return io.BufferedReader(limited)


def _open_file(source: Source, max_bytes: int) -> BinaryIO:
    assert source.path is not None
    try:
        size = source.path.stat().st_size
        if not source.gzip and size > max_bytes:
            limit = size_text(max_bytes)
            raise InputError(f"file is {size_text(size)}, over the {limit} limit (--max-bytes)", where=source.name)
        return open(source.path, "rb")  # noqa: SIM115 - closed by the _Limited wrapper
    except OSError as err:
        raise InputError(_os_reason(err), where=source.name) from None


def _os_reason(err: OSError) -> str:
    reason = (err.strerror or str(err)).strip()
    return reason[:1].lower() + reason[1:]


class _Limited(io.RawIOBase):
    """A raw stream that stops with InputError after `limit` bytes; it also names gzip errors."""

    def __init__(self, inner: BinaryIO, limit: int, name: str, *, owned: bool, packed: bool = False,
                 also_close: BinaryIO | None = None) -> None:
        super().__init__()
        self._also_close = also_close
        self._inner, self._limit, self._name = inner, limit, name
        self._owned, self._packed, self._count = owned, packed, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        want = min(len(buffer), self._limit + 1 - self._count)
        data = self._read(max(want, 1))
        buffer[: len(data)] = data
        self._count += len(data)
        if self._count > self._limit:
            raise InputError(self._too_big(), where=self._name)
        return len(data)

    def _read(self, size: int) -> bytes:
        try:
            return self._inner.read(size)
        except (OSError, EOFError, zlib.error) as err:
            if not self._packed:
                raise InputError(_os_reason(err), where=self._name) from None
            raise InputError(f"not a valid gzip file ({err})", where=self._name) from None

    def _too_big(self) -> str:
        limit = size_text(self._limit)
        if self._packed:
            return f"file is over the {limit} limit once decompressed (--max-bytes)"
        if self._name == STDIN:
            return f"input is over the {limit} limit (--max-bytes)"
        return f"file is over the {limit} limit (--max-bytes)"

    def close(self) -> None:
        if self._owned and not self.closed:
            self._inner.close()
            if self._also_close is not None:
                self._also_close.close()
        super().close()
