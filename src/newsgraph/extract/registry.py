"""The extractor registry: each extractor declares what it requires and provides.

An extractor is a function of a :class:`Context` that returns new items by
name (``{"times": (...)}``); it never mutates what others produced. The
pipeline orders the extractors it is given so that every requirement is met
before an extractor runs, and refuses to start, naming what is missing, when
one is not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ..errors import PipelineConfigError
from ..record import Article

#: what every context starts with: the article and its spaCy Doc
BASE_RESOURCES = frozenset({"article", "doc"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """What one document has so far: its article, its Doc and the items found."""

    article: Article
    doc: Any  # spacy.tokens.Doc
    items: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    sents: tuple[Any, ...] | None = None  # the Doc's sentences, found once by the pipeline

    def __getitem__(self, name: str) -> Any:
        return self.items[name]

    def sentences(self) -> tuple[Any, ...]:
        """The sentence spans of the Doc (computed here when the pipeline did not)."""
        if self.sents is not None:
            return self.sents
        from ..nlp.sentences import sentences

        return sentences(self.doc)

    def with_items(self, new: Mapping[str, Any]) -> Context:
        merged = dict(self.items) | dict(new)
        return Context(article=self.article, doc=self.doc, items=MappingProxyType(merged), sents=self.sents)


@dataclass(frozen=True, slots=True, kw_only=True)
class Extractor:
    name: str
    requires: frozenset[str]
    provides: frozenset[str]
    run: Callable[[Context], Mapping[str, Any]]
    components: frozenset[str] = frozenset()  # spaCy components it needs ("parser", "ner")


_REGISTRY: dict[str, Extractor] = {}


def register(
    name: str,
    *,
    requires: Iterable[str] = (),
    provides: Iterable[str],
    components: Iterable[str] = (),
) -> Callable[[Callable[[Context], Mapping[str, Any]]], Callable[[Context], Mapping[str, Any]]]:
    """Decorator: register ``fn`` as the extractor ``name``."""

    def wrap(fn: Callable[[Context], Mapping[str, Any]]) -> Callable[[Context], Mapping[str, Any]]:
        _REGISTRY[name] = Extractor(
            name=name,
            requires=frozenset(requires),
            provides=frozenset(provides),
            run=fn,
            components=frozenset(components),
        )
        return fn

    return wrap


def registered() -> dict[str, Extractor]:
    """All registered extractors by name (importing the built-in ones first)."""
    from . import builtin  # noqa: F401  (registers the built-in extractors)

    return dict(_REGISTRY)


def plan(names: Iterable[str] | None = None) -> list[Extractor]:
    """The extractors ``names`` (default: all) in an order that meets every requirement."""
    available = registered()
    wanted = list(available) if names is None else list(names)
    unknown = [n for n in wanted if n not in available]
    if unknown:
        raise PipelineConfigError(
            f"unknown extractor(s) {', '.join(unknown)}; known: {', '.join(sorted(available))}"
        )
    return _order([available[n] for n in wanted])


def _order(pending: list[Extractor]) -> list[Extractor]:
    have = set(BASE_RESOURCES)
    ordered: list[Extractor] = []
    while pending:
        ready = [e for e in pending if e.requires <= have]
        if not ready:
            raise PipelineConfigError(_missing_message(pending, have))
        for extractor in ready:
            ordered.append(extractor)
            have |= extractor.provides
            pending.remove(extractor)
    return ordered


def _missing_message(pending: list[Extractor], have: set[str]) -> str:
    parts = [f"{e.name} needs {', '.join(sorted(e.requires - have))}" for e in pending]
    return "requirements not met: " + "; ".join(parts)
