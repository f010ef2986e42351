"""What a figure is about: the countries of its sentence, completed by the document's pair.

Readouts talk about one relationship: where a sentence names one side only
("exports to China") or none ("bilateral trade", "our countries"), the figure
is about the document's two most mentioned countries.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence

from ..record import Entity


class SubjectFinder:
    def __init__(self, text: str, entities: Sequence[Entity]) -> None:
        rows = sorted(
            (m.span[0], e.key) for e in entities if e.type == "COUNTRY" for m in e.mentions
        )
        self._starts = [r[0] for r in rows]
        self._keys = [r[1] for r in rows]
        counts = Counter(self._keys)
        self.pair = tuple(sorted(k for k, _ in counts.most_common(2))) if len(counts) >= 2 else ()

    def named(self, start: int, end: int) -> set[str]:
        """The country keys mentioned in ``[start, end)``."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return set(self._keys[lo:hi])

    def about(self, start: int, end: int, clause: str = "") -> tuple[str, ...]:
        keys = self.named(start, end)
        if len(keys) >= 2:
            return tuple(sorted(keys))
        if not self.pair:
            return tuple(sorted(keys))
        if not keys or keys <= set(self.pair):
            return self.pair
        return tuple(sorted(keys))

    def narrow(self, subject: tuple[str, ...], own: tuple[int, int], speaker_country: str | None,
               sentence: str) -> tuple[str, ...]:
        """With three or more countries in a sentence, the figure's own clause decides; "our country"
        is the speaker's."""
        home = f"country:{speaker_country}" if speaker_country else None
        if home and re.search(r"\b(?:our|my) country\b", sentence, re.I):
            return (home,)
        if len(subject) < 3:
            return subject
        keys = self.named(*own)
        if home and len(keys) == 1 and re.search(r"\b(?:our|we)\b", sentence, re.I):
            keys.add(home)
        return tuple(sorted(keys)) if keys else subject
