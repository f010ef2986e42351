"""Finding tokens by their lower-case text without visiting every token in Python.

Creating a spaCy ``Token`` object costs about as much as a dictionary lookup on it;
a pass over every token of every document, only to pick out a few words, adds up
(``benchmarks/throughput.py --breakdown``). ``with_lower`` compares the document's
``LOWER`` column with the words' hashes in numpy and creates only the tokens found.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np
from spacy.attrs import LOWER
from spacy.strings import get_string_id


def with_lower(doc: Any, words: frozenset[str]) -> list[Any]:
    """The tokens of ``doc`` whose lower-case text is one of ``words``, in text order."""
    found = np.flatnonzero(np.isin(doc.to_array(LOWER), _hashes(words)))
    return [doc[int(i)] for i in found]


@lru_cache(maxsize=64)
def _hashes(words: frozenset[str]) -> np.ndarray:
    return np.fromiter((get_string_id(w) for w in words), dtype=np.uint64, count=len(words))
