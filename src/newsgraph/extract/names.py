"""Small text helpers shared by the extractors: slugs, name forms, entity lookup by offset."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from ..record import Entity

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


_GLUED = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")


def slug(text: str) -> str:
    """``"Kassym-Jomart Tokayev"`` -> ``"kassym-jomart-tokayev"`` (ASCII, hyphens).

    Words glued by careless scraping ("NguyenPhu Trong") are parted first, so that the
    key is the one the clean spelling gives.
    """
    text = _GLUED.sub(" ", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_ALNUM.sub("-", ascii_text.lower()).strip("-") or "unnamed"


def overlaps(taken: Sequence[tuple[int, int]], span: tuple[int, int]) -> bool:
    """Whether ``span`` shares a character with any span of ``taken``."""
    return any(s < span[1] and span[0] < e for s, e in taken)


def strip_article(text: str) -> str:
    """Drop a leading "the" and a trailing possessive."""
    text = text.strip()
    if text[:4].lower() == "the ":
        text = text[4:]
    if text.endswith(("'s", "\u2019s")):
        text = text[:-2]
    return text.strip()


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without trailing white space."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass(frozen=True, slots=True)
class MentionIndex:
    """Finds which entity a character range belongs to."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    ids: tuple[str, ...]
    kinds: tuple[str, ...]

    @classmethod
    def build(cls, entities: Sequence[Entity]) -> MentionIndex:
        rows = sorted(
            (m.span[0], m.span[1], e.id, m.kind) for e in entities for m in e.mentions
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
