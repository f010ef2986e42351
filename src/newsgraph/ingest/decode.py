"""Turning bytes into text: BOMs, UTF-16, binary files and invalid UTF-8, found and named."""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from newsgraph.errors import InputError

SNIFF_BYTES = 8192
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True, slots=True, kw_only=True)
class Prepared:
    """A stream whose encoding is known, with its first bytes decoded for sniffing."""

    name: str
    stream: BinaryIO
    encoding: str  # "utf-8" or "utf-16"
    head: str  # the first few KB as text (possibly cut mid-character), for sniffing
    base: int = 0  # bytes skipped before `stream` (a UTF-8 BOM)

    def read_text(self) -> str:
        """The whole stream as text; InputError if it does not decode."""
        data = self.stream.read()
        try:
            return data.decode(self.encoding)
        except UnicodeDecodeError as err:
            line = data.count(b"\n", 0, err.start) + 1
            raise InputError(f"invalid {_label(self.encoding)} at line {line}, byte {self.base + err.start}",
                             where=self.name) from None

    def lines(self) -> Iterator[tuple[int, str | InputError]]:
        """Numbered lines with their line ends; a line that does not decode comes as an InputError."""
        if self.encoding == "utf-8":
            return _utf8_lines(self.stream, self.name, self.base)
        return _wide_lines(self.stream, self.name, self.encoding)


def prepare(stream: BinaryIO, name: str) -> Prepared:
    """Sniff the encoding of `stream`; InputError for an empty or binary input."""
    head = _read_head(stream)
    if not head:
        raise InputError("empty file", where=name)
    base = 0
    if head[:2] in _UTF16_BOMS:
        encoding = "utf-16"
    elif b"\0" in head:
        raise InputError(f"binary file (NUL bytes at byte {head.index(0)})", where=name)
    else:
        encoding = "utf-8"
        if head.startswith(codecs.BOM_UTF8):
            head, base = head[3:], 3
    joined = io.BufferedReader(_Joined(head, stream))
    return Prepared(name=name, stream=joined, encoding=encoding, head=head.decode(encoding, "ignore"), base=base)


def _read_head(stream: BinaryIO) -> bytes:
    parts, size = [], 0
    while size < SNIFF_BYTES:
        part = stream.read(SNIFF_BYTES - size)
        if not part:
            break
        parts.append(part)
        size += len(part)
    return b"".join(parts)


def _label(encoding: str) -> str:
    return "UTF-8" if encoding == "utf-8" else "UTF-16"


def _utf8_lines(stream: BinaryIO, name: str, offset: int) -> Iterator[tuple[int, str | InputError]]:
    for number, raw in enumerate(stream, 1):
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError as err:
            yield number, InputError(f"invalid UTF-8 at byte {offset + err.start}", where=f"{name}:line {number}")
        offset += len(raw)


def _wide_lines(stream: BinaryIO, name: str, encoding: str) -> Iterator[tuple[int, str | InputError]]:
    text = io.TextIOWrapper(stream, encoding=encoding, newline="")
    number = 0
    try:
        for number, line in enumerate(text, 1):
            yield number, line
    except UnicodeDecodeError:
        raise InputError(f"invalid {_label(encoding)} after line {number}", where=name) from None


class _Joined(io.RawIOBase):
    """`head` followed by the rest of `stream`."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        super().__init__()
        self._head, self._stream = memoryview(head), stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._stream.close()
        super().close()
