"""Mentions that only the quotes can attribute: who "I" and "you" are, and whom a speaker
addresses ("Mr President", "Comrade President", "Mr Lukashenko").

Runs after the quotes: in a transcript turn "I" is its speaker and "you" the one
addressed (the other party of the exchange); in a quote with an attribution
"I" is its speaker. The titled phrases that introduce a person ("the Prime
Minister of the Republic of Kazakhstan Alikhan Smailov") become mentions too, and
so do name variants and noun phrases (:mod:`.coref_nominal`).
Returns the entities again, each with the mentions added; nothing is changed in
place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..kb.lexicon import titles
from ..record import Entity, Mention, Quote
from .coref_nominal import nominal_mentions
from .coref_pronouns import not_the_speaker
from .events_main import named_in_title
from .quotes import Voices
from .registry import Context, register

_FIRST = re.compile(r"\b(?:I|me|my|myself)\b")
_SECOND = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ourself)\b")
_OUR_COUNTRY = re.compile(r"\b(?:[Oo]ur|[Mm]y) country\b")
_VOCATIVE = re.compile(r"\b(?:Mr|Mrs|Ms|Madam|Comrade|Dear)\.?\s+(?P<what>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)")


def _vocatives(text: str, quote: Quote, addressee: Entity) -> list[Mention]:
    out = []
    start, end = quote.span
    for match in _VOCATIVE.finditer(text, start, end):
        what = match.group("what")
        is_title = what.lower() in titles() or what.split()[0].lower() in titles()
        if is_title and any(r.title.lower().startswith(what.split()[0].lower()) for r in addressee.roles):
            out.append(Mention(span=match.span(), kind="title"))
        elif not is_title and what.split()[-1] in addressee.name.split():
            out.append(Mention(span=match.span(), kind="name"))
    return out


def _named_vocatives(text: str, quote: Quote, persons: Sequence[Entity]) -> dict[str, list[Mention]]:
    """"Mr Lukashenko" where no other turn says who is addressed: the person of that surname."""
    out: dict[str, list[Mention]] = {}
    for match in _VOCATIVE.finditer(text, *quote.span):
        surname = match.group("what").split()[-1]
        found = [p for p in persons if p.name.split()[-1] == surname]
        if len(found) == 1:
            out.setdefault(found[0].id, []).append(Mention(span=match.span(), kind="name"))
    return out


def _pronouns(text: str, quote: Quote, pattern: re.Pattern[str]) -> list[Mention]:
    return [Mention(span=m.span(), kind="pronoun") for m in pattern.finditer(text, *quote.span)]


def _added(text: str, entities: Sequence[Entity], quotes: Sequence[Quote], voices: Voices,
           title: str | None = None) -> dict[str, list[Mention]]:
    by_id = {e.id: e for e in entities}
    headline = named_in_title(title or "", [e for e in entities if e.type == "PERSON"])
    out: dict[str, list[Mention]] = {}
    for quote in quotes:
        if not quote.direct or quote.speaker not in by_id:
            continue
        out.setdefault(quote.speaker, []).extend(_pronouns(text, quote, _FIRST))
        _speaker, addressee = voices.at(quote.span[0])
        if addressee is None and quote.cue == ":":
            # a lone turn: it addresses the one the headline names ("Meeting with ... Lukashenko")
            others = [p for p in headline if p != quote.speaker]
            addressee = others[0] if len(others) == 1 else None
        if addressee in by_id:
            out.setdefault(addressee, []).extend(_pronouns(text, quote, _SECOND))
            out[addressee] += _vocatives(text, quote, by_id[addressee])
        else:
            persons = [e for e in entities if e.type == "PERSON" and e.id != quote.speaker]
            for pid, found in _named_vocatives(text, quote, persons).items():
                out.setdefault(pid, []).extend(found)
    for entity in entities:
        out.setdefault(entity.id, []).extend(
            Mention(span=_with_article(text, r.span), kind="title") for r in entity.roles if r.span
        )
    _countries_of_speakers(text, entities, quotes, out)
    for entity_id, found in nominal_mentions(text, entities).items():
        out.setdefault(entity_id, []).extend(found)
    return out


def _countries_of_speakers(text: str, entities: Sequence[Entity], quotes: Sequence[Quote],
                           out: dict[str, list[Mention]]) -> None:
    """"our country", said by Kazakhstan's president: Kazakhstan."""
    by_id = {e.id: e for e in entities}
    by_key = {e.key: e.id for e in entities if e.type == "COUNTRY"}
    for quote in quotes:
        speaker = by_id.get(quote.speaker or "")
        home = by_key.get(f"country:{speaker.country}") if speaker is not None and speaker.country else None
        if home is not None:
            out.setdefault(home, []).extend(
                Mention(span=m.span(), kind="other") for m in _OUR_COUNTRY.finditer(text, *quote.span)
            )


#: a determiner right before a title, as a word (not the "our" at the end of "your")
_DETERMINER_BEFORE = re.compile(r"(?<![\w-])(?P<word>[Tt]he|[Oo]ur|[Yy]our) $")


def _with_article(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """"the Prime Minister of ... Alikhan Smailov", "our Deputy Prime Minister ...": with its determiner."""
    article = _DETERMINER_BEFORE.search(text, max(0, span[0] - 5), span[0])
    return (article.start() if article and article.group("word").lower() != "your" else span[0]), span[1]


def _our_roles(text: str, entity: Entity, quotes: Sequence[Quote], voices: Voices,
               by_id: dict[str, Entity]) -> tuple:
    """"our Deputy Prime Minister Le Van Thanh", said by Vietnam's president: of Vietnam; "your
    aide", said to him: of the country of the one addressed."""
    roles = []
    for role in entity.roles:
        if role.of is None and role.span:
            owner = None
            determiner = _DETERMINER_BEFORE.search(text, max(0, role.span[0] - 5), role.span[0])
            word = determiner.group("word").lower() if determiner else ""
            if word == "your":
                owner = voices.at(role.span[0])[1]
            elif word == "our" or not text[max(0, role.span[0] - 2):role.span[0]].strip():
                quote = next((q for q in quotes if q.span[0] <= role.span[0] < q.span[1]), None)
                owner = quote.speaker if quote else None
            person = by_id.get(owner or "")
            if person is not None and person.country:
                role = replace(role, of=person.country)
        roles.append(role)
    return tuple(roles)


def with_mentions(text: str, entities: Sequence[Entity], quotes: Sequence[Quote],
                  title: str | None = None) -> tuple[Entity, ...]:
    by_id = {e.id: e for e in entities}
    voices = Voices(quotes)
    entities = [replace(e, roles=_our_roles(text, e, quotes, voices, by_id)) for e in entities]
    added = _added(text, entities, quotes, voices, title)
    taken = {m.span for e in entities for m in e.mentions}
    out = []
    for entity in entities:
        new = [m for m in added.get(entity.id, []) if m.span not in taken]
        taken.update(m.span for m in new)
        mentions = tuple(sorted((*entity.mentions, *new), key=lambda m: m.span))
        out.append(replace(entity, mentions=mentions))
    return not_the_speaker(text, out, quotes)


@register("coref", requires=("entities", "quotes"), provides=("coref",))
def extract_coref(ctx: Context) -> dict[str, object]:
    entities = with_mentions(ctx.article.text, ctx["entities"], ctx["quotes"], ctx.article.title)
    return {"coref": True, "entities": entities}
