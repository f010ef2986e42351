"""What a figure is about: the countries of its sentence, completed by the document's pair.

Readouts talk about one relationship: where a sentence names one side only
("exports to China") or none ("bilateral trade", "our countries"), the figure
is about the document's two most mentioned countries.
"""

from __future__ import annotations

import bisect
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

    def about(self, start: int, end: int, clause: str = "") -> tuple[str, ...]:
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        keys = set(self._keys[lo:hi])
        if len(keys) >= 2:
            return tuple(sorted(keys))
        if not self.pair:
            return tuple(sorted(keys))
        if not keys or keys <= set(self.pair):
            return self.pair
        return tuple(sorted(keys))
