"""Sentences of a Doc, found once and fast.

``doc.sents`` walks every token as a Python object each time it is read; the
extractors need the sentences several times per document, so the pipeline
finds them once from the sentence-start array, in C.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import SENT_START


def sentences(doc: Any) -> tuple[Any, ...]:
    """The sentence spans of ``doc``, in order (what ``doc.sents`` gives)."""
    if len(doc) == 0:
        return ()
    starts = numpy.flatnonzero(doc.to_array([SENT_START]).reshape(-1) == 1).tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    bounds = [*starts, len(doc)]
    return tuple(doc[a:b] for a, b in zip(bounds, bounds[1:]) if b > a)
