"""Small text helpers shared by the extractors: slugs, name forms, entity lookup by offset."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..record import Entity, Mention

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


_GLUED = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")


#: a transcript's speaker label at a sentence's start: "Kseniya Sobchak: Mr President, ...",
#: "Kyriakos Mitsotakis (retranslated): ..."
_SPEAKER_LABEL = re.compile(r"(?:^|(?<=[.!?*\u2026\"\u201d)\n])\s*)(?P<name>[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+){1,3})"
                            r"(?: \([\w\s.-]{1,30}\))?: ", re.MULTILINE)


def speaker_labels(text: str) -> Iterator[re.Match[str]]:
    """Speaker labels of two to four capitalised words (group ``name``; the turn starts at the
    match's end), whoever the words name."""
    return _SPEAKER_LABEL.finditer(text)


def slug(text: str) -> str:
    """``"Kassym-Jomart Tokayev"`` -> ``"kassym-jomart-tokayev"`` (ASCII, hyphens).

    Words glued by careless scraping ("NguyenPhu Trong") are parted first, so that the
    key is the one the clean spelling gives.
    """
    text = _GLUED.sub(" ", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_ALNUM.sub("-", ascii_text.lower()).strip("-") or "unnamed"


Span = tuple[int, int]
T = TypeVar("T")


def overlaps(taken: SpanSet | Sequence[Span], span: Span) -> bool:
    """Whether ``span`` shares a character with any span of ``taken``.

    A :class:`SpanSet` answers from its index; any other sequence is scanned, which is
    fine for a few spans but quadratic where every name of a long text is checked
    against all the names taken before it."""
    if isinstance(taken, SpanSet):
        return taken.overlaps(span)
    return _scan(taken, span)


def _scan(taken: Iterable[Span], span: Span) -> bool:
    return any(s < span[1] and span[0] < e for s, e in taken)


class SpanSet:
    """Spans taken so far (in any order, overlapping one another or not), answering
    :func:`overlaps` in O(log n) instead of scanning them all.

    Whether a span shares a character with some taken span depends only on their union, so
    the index keeps the union as sorted, disjoint runs: a new span merges the runs it shares a
    character with (not those it only touches). The answer is the scan's, also for an empty
    query ``(q, q)``, which the scan counts as overlapping a span strictly around ``q``: a run
    is a chain of spans that share characters, so a point strictly inside the run is strictly
    inside one of its spans. Empty or reversed taken spans, which the runs cannot hold, and
    reversed queries go to the scan.
    """

    __slots__ = ("_spans", "_starts", "_ends", "_odd")

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self._spans: list[Span] = []  # all, as added: for reversed queries
        self._starts: list[int] = []  # the runs: starts and ends, both increasing
        self._ends: list[int] = []
        self._odd: list[Span] = []  # empty or reversed spans
        self.extend(spans)

    def append(self, span: Span) -> None:
        self._spans.append(span)
        start, end = span
        if start >= end:
            self._odd.append(span)
            return
        lo = bisect.bisect_right(self._ends, start)  # the first run that ends after ``start``
        hi = bisect.bisect_left(self._starts, end)  # the first run that starts at ``end`` or later
        if lo < hi:  # runs lo .. hi-1 share a character with the span: one run now
            start, end = min(start, self._starts[lo]), max(end, self._ends[hi - 1])
        self._starts[lo:hi] = [start]
        self._ends[lo:hi] = [end]

    def extend(self, spans: Iterable[Span]) -> None:
        for span in spans:
            self.append(span)

    def overlaps(self, span: Span) -> bool:
        start, end = span
        if start > end:
            return _scan(self._spans, span)
        i = bisect.bisect_left(self._starts, end) - 1  # the last run starting before ``end``
        return (i >= 0 and start < self._ends[i]) or _scan(self._odd, span)

    def __iter__(self) -> Iterator[Span]:
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)


class ByStart(Generic[T]):
    """Items found by the offset where they start: a per-sentence lookup on a long text
    that does not scan every item of the document for every sentence."""

    __slots__ = ("_items", "_order", "_starts")

    def __init__(self, items: Sequence[T], start: Callable[[T], int]) -> None:
        self._items = items
        self._order = sorted(range(len(items)), key=lambda i: start(items[i]))
        self._starts = [start(items[i]) for i in self._order]

    def starting_in(self, start: int, end: int) -> list[T]:
        """The items that start in ``[start, end)``, in their given order."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [self._items[i] for i in sorted(self._order[lo:hi])]


def strip_article(text: str) -> str:
    """Drop a leading "the" and a trailing possessive."""
    text = text.strip()
    if text[:4].lower() == "the ":
        text = text[4:]
    if text.endswith(("'s", "\u2019s")):
        text = text[:-2]
    return text.strip()


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without white space at either end, nor a closing quotation mark left at the
    start by the sentence before ('" In the meantime, he said ...')."""
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    if start + 1 < end and text[start] in "\"\u201d\u2019" and text[start + 1].isspace():
        start += 1
        while start < end and text[start].isspace():
            start += 1
    return start, end


@dataclass(frozen=True, slots=True)
class MentionIndex:
    """Finds which entity a character range belongs to."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    ids: tuple[str, ...]
    kinds: tuple[str, ...]

    @classmethod
    def build(cls, entities: Sequence[Entity], extra: dict[str, list[Mention]] | None = None) -> MentionIndex:
        """The index of the entities' mentions, and of ``extra`` ones (entity id -> mentions)."""
        rows = sorted(
            [(m.span[0], m.span[1], e.id, m.kind) for e in entities for m in e.mentions]
            + [(m.span[0], m.span[1], eid, m.kind) for eid, found in (extra or {}).items() for m in found]
        )
        return cls(
            starts=tuple(r[0] for r in rows),
            ends=tuple(r[1] for r in rows),
            ids=tuple(r[2] for r in rows),
            kinds=tuple(r[3] for r in rows),
        )

    def at(self, start: int, end: int) -> str | None:
        """The entity whose mention overlaps ``[start, end)`` (the first such)."""
        i = bisect.bisect_right(self.starts, end - 1) - 1
        while i >= 0 and self.starts[i] >= start - 200:
            if self.ends[i] > start and self.starts[i] < end:
                return self.ids[i]
            i -= 1
        return None

    def within(self, start: int, end: int) -> list[tuple[int, str, str]]:
        """``(offset, entity id, kind)`` of every mention inside ``[start, end)``."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [
            (self.starts[i], self.ids[i], self.kinds[i])
            for i in range(lo, hi)
            if self.ends[i] <= end
        ]

    def ending_at(self, offset: int, *, limit: int = 200) -> str | None:
        """The entity of the longest mention that ends at ``offset`` ("The President of Russia",
        not the "Russia" inside it); None if no mention ends there."""
        hi = bisect.bisect_left(self.starts, offset)
        found = [i for i in range(max(0, hi - 50), hi) if self.ends[i] == offset and self.starts[i] >= offset - limit]
        return self.ids[min(found, key=lambda i: self.starts[i])] if found else None

    def before(self, offset: int, *, limit: int = 600) -> list[tuple[int, str, str]]:
        """Mentions that end before ``offset``, nearest first, within ``limit`` characters."""
        hi = bisect.bisect_left(self.starts, offset)
        out = []
        for i in range(hi - 1, -1, -1):
            if self.starts[i] < offset - limit:
                break
            if self.ends[i] <= offset:
                out.append((self.starts[i], self.ids[i], self.kinds[i]))
        return out
