"""Mentions by name variants and noun phrases.

- A two-word person name written surname first ("Khurelsukh Ukhnaagiin" for
  "Ukhnaagiin Khurelsukh"), as official lists and speaker labels often do.
- A named thing taken up again by its head noun: "the cosmodrome" after
  "Vostochny Cosmodrome", "the Fund" after "Russian Direct Investment Fund" — when
  exactly one thing named before has that head (head nouns: ``kb/org_heads.csv``).
- A name with its determiner and modifiers: "our new Vostochny Cosmodrome".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ..kb.lexicon import legal_forms, org_heads
from ..record import Entity, Mention
from .names import SpanSet
from .patterns import find_each

_THINGS = frozenset({"ORG", "FACILITY", "INITIATIVE", "OTHER"})
_TIME_NOUN = re.compile(r"(?:year|month|week|day|decade|century)s?", re.IGNORECASE)
_DETERMINER = re.compile(
    r"(?:\b(?P<own>[Oo]ur|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er|[Mm]y|[Yy]our)|\b(?:[Tt]he|[Tt]his|[Tt]hat))"
    r"(?P<mods>(?:\s+[a-z][a-z-]+){0,2})\s+$"
)
_PLURAL = re.compile(r"[^s]s$")
_NOT_MODIFIER = re.compile(r"\s(?:and|or|of|to|in|on|for|with|by|at|from|is|are|was|were)\b")


def nominal_mentions(text: str, entities: Sequence[Entity]) -> dict[str, list[Mention]]:
    """Entity id -> the mentions of this module's three kinds."""
    out: dict[str, list[Mention]] = {}
    reversed_names = _reversed_names(text, entities)
    for entity in entities:
        found = reversed_names.get(entity.id, []) + _with_determiners(text, entity)
        if found:
            out[entity.id] = found
    for entity_id, mentions in head_noun_mentions(text, entities).items():
        out.setdefault(entity_id, []).extend(mentions)
    return out


def _reversed_names(text: str, entities: Sequence[Entity]) -> dict[str, list[Mention]]:
    """Entity id -> its two-word person name written surname first: one scan of the text
    for all the persons (find_each), not one per person."""
    forms = {e.id: " ".join(reversed(words)) for e in entities
             if e.type == "PERSON" and len(words := e.name.split()) == 2}
    found = find_each(text, forms.values(), before=r"(?<![\w-])", after=r"(?![a-z'\u2019-])", spaces=True)
    return {entity_id: [Mention(span=span, kind="name") for span in found.get(form, ())]
            for entity_id, form in forms.items()}


def _with_determiners(text: str, entity: Entity) -> list[Mention]:
    """"our new Vostochny Cosmodrome": a possessive, or "the" with modifiers, before a name."""
    if entity.type not in _THINGS:
        return []
    out = []
    for mention in entity.mentions:
        if mention.kind != "name":
            continue
        start, end = mention.span
        found = _DETERMINER.search(text, max(0, start - 40), start)
        if found is None or _NOT_MODIFIER.search(found.group("mods") or ""):
            continue
        if found.group("own") or found.group("mods"):
            out.append(Mention(span=(found.start(), end), kind="other"))
    return out


@cache
def _heads() -> dict[str, str]:
    """Lower-cased head noun -> its type ("fund" -> ORG)."""
    return {
        word.lower(): type_ for word, type_ in org_heads().items()
        if not _TIME_NOUN.fullmatch(word) and not _PLURAL.search(word)  # "the airlines": any airlines
    }


def _heads_of(name: str) -> list[str]:
    """"Communist Party of Vietnam" -> party; "Vostochny Cosmodrome" -> cosmodrome; "Bank of
    Spain" -> bank; a name with a corporate suffix is also a company ("BankAmerica Corp",
    "Petroleos de Venezuela, S.A.")."""
    words = name.split(" of ")[0].split()
    out = []
    if words and words[-1].lower() in _heads() and (len(words) >= 2 or " of " in name):
        out.append(words[-1].lower())
    last = name.split()[-1] if name.split() else ""
    if _corporate(last) and "company" not in out:
        out.append("company")
    return out


def _corporate(word: str) -> bool:
    """A suffix that makes a name a company's ("the company said" after "Union Pacific Corp"): a
    legal form, or "Holding(s)" and "Group"."""
    return word in legal_forms() or word in ("Holding", "Holdings", "Group")


def head_noun_mentions(text: str, entities: Sequence[Entity]) -> dict[str, list[Mention]]:
    """Entity id -> where a thing named before is taken up again by its head noun ("the bank")."""
    by_head: dict[str, list[Entity]] = {}
    for entity in entities:
        if entity.type not in _THINGS:
            continue
        names = {entity.name} | {text[m.span[0]:m.span[1]] for m in entity.mentions if m.kind == "name"}
        for head in sorted({head for name in names for head in _heads_of(name)}):  # "Reuters Holdings": a company
            by_head.setdefault(head, []).append(entity)
    out: dict[str, list[Mention]] = {}
    mentions = SpanSet(m.span for e in entities for m in e.mentions)
    for head, owners in by_head.items():
        pattern = rf"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+{_KIND_WORDS}(?i:{re.escape(head)})(?![\w-])(?!\s+(?:of\s+)?[A-Z])"
        for match in re.finditer(pattern, text):
            named = [e for e in owners if _first(e) < match.start()]
            if len(named) == 1 and not mentions.overlaps(match.span()):
                out.setdefault(named[0].id, []).append(Mention(span=match.span(), kind="other"))
    return out


#: words that say what kind a thing is, not which one: "the state oil company", "the central bank"
#: (not "the new company", "the other bank": maybe another one)
_KIND_WORDS = (r"(?:(?:state|state-owned|state-run|national|central|federal|oil|gas|energy|investment|commercial"
               r"|holding|steel|mining|chemical|airline|insurance|auto|car|defence|defense)\s+){0,2}")


def _first(entity: Entity) -> int:
    return min((m.span[0] for m in entity.mentions), default=1 << 60)
