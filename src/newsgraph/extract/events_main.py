"""The main event of a readout and the groups that refer to its sides.

A readout's headline names its event ("Meeting with President of Belarus
Alexander Lukashenko", "Russian-Greek talks", "Alikhan Smailov meets with
Ambassador of China to Kazakhstan"). Its participants are the persons the
headline names (by name or by office), completed by the document's principal
speakers. In the text, "they", "the presidents" or "the leaders" then mean
those persons, and "the two countries" or "our countries" the document's two
countries.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..kb.lexicon import Trigger, event_triggers
from ..record import Entity, Event, Quote
from .roles import holder, titled_names

_PERSON_GROUPS = frozenset({"they", "them", "presidents", "leaders", "parties", "sides", "heads"})
#: group words that mean the sides only after "the", "two" or "both" ("the interlocutors", not
#: "Icelandic politicians")
_DEFINITE_PERSON_GROUPS = frozenset({"politicians", "interlocutors", "counterparts"})
_COUNTRY_GROUPS = frozenset({"countries", "states", "nations"})
_HEADLINE_TRIGGERS = re.compile(
    r"\b(telephone conversation|phone conversation|telephone call|meeting|meets|met|talks|visit)\b", re.I
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Sides:
    """Who the main event is between: its persons and the document's two countries."""

    persons: tuple[str, ...]
    countries: tuple[str, ...]
    readout: bool = False  # the headline names the event and its guest: the host goes unnamed

    def group(self, word: str, before: str) -> tuple[str, ...]:
        """The entity ids a group word stands for ("the two countries" -> the countries).

        A group is plural: with one main person ("The rebels said they will release Prime
        Minister X"), "they" is someone else, never that person alone; but in a readout
        ("Telephone conversation with President of Chile X") the other side is its unnamed host.
        """
        if word in _PERSON_GROUPS or (word in _DEFINITE_PERSON_GROUPS and before in ("the", "two", "both")):
            return self.persons if len(self.persons) >= 2 or self.readout else ()
        if word in _COUNTRY_GROUPS and before in ("two", "both", "our", "the"):
            return self.countries
        return ()


def sides(title: str | None, entities: Sequence[Entity], quotes: Sequence[Quote]) -> Sides:
    persons = [e for e in entities if e.type == "PERSON"]
    named = named_in_title(title or "", persons)
    speakers = [s for s, _n in Counter(q.speaker for q in quotes if q.cue == ":" and q.speaker).most_common()]
    main = list(dict.fromkeys([*named, *speakers]))[:2]
    if len(main) < 2:
        mentions = Counter({e.id: len(e.mentions) for e in persons})
        main += [pid for pid, _n in mentions.most_common() if pid not in main][: 2 - len(main)]
    counts = Counter({e.id: len(e.mentions) for e in entities if e.type == "COUNTRY"})
    countries = tuple(cid for cid, _n in counts.most_common(2))
    readout = bool(named) and _HEADLINE_TRIGGERS.search(title or "") is not None
    return Sides(persons=tuple(main), countries=countries if len(countries) == 2 else (), readout=readout)


def named_in_title(title: str, persons: Sequence[Entity]) -> list[str]:
    found = [p.id for p in persons if p.name in title or _surname(p.name) in title.split()]
    for _span, role in titled_names(title):
        person = holder(list(persons), role)
        if person is not None:
            found.append(person.id)  # type: ignore[attr-defined]
    for match in re.finditer(r"(?:Ambassador|Minister|President|Prime Minister)[^,;]*", title):
        for person in persons:
            if any(r.title in match.group() and (r.of is None or _country_in(match.group(), r.of)) for r in person.roles):
                found.append(person.id)
    return list(dict.fromkeys(found))


def _surname(name: str) -> str:
    return name.split()[-1] if name.split() else name


def _country_in(text: str, code: str) -> bool:
    from ..kb.lexicon import countries

    country = countries().get(code)
    return country is not None and any(f in text for f in (country.name, *country.aliases))


def headline_event(title: str | None, date: str | None, main: Sides) -> Event | None:
    """The event the headline names, between the main persons, on the document's date."""
    match = _HEADLINE_TRIGGERS.search(title or "")
    if match is None or len(main.persons) < 2:
        return None
    trigger: Trigger | None = event_triggers().get(match.group().lower())
    if trigger is None:
        trigger = Trigger(type="CONSULT", cameo="040")
    return Event(
        id="V1", type=trigger.type, cameo=trigger.cameo, actors=main.persons[:1], targets=main.persons[1:],
        date=date, place=None, topics=(), evidence=None, trigger=match.group(),
    )


_HOST_CUE = re.compile(r"(?:\bhere,?\s+(?:in|to|at)|\bwelcome\s+(?:you\s+)?(?:in|to)|\b(?:invitation|opportunity)\s+to\s+visit)"
                       r"\s+(?:the\s+|our\s+)?", re.IGNORECASE)
_MODIFIER = re.compile(r"(?:[A-Z][\w-]*\s+)?")
_CUE_REACH = 160  # characters after the cue in which its place is named ("here, to the Far East, to ... Cosmodrome")


def host_place(text: str, entities: Sequence[Entity]) -> str | None:
    """Where the headline's meeting takes place, as its host or guest says it: "to meet with you
    here in Moscow", "welcome you in Moscow", "the invitation to visit Sochi", "for coming here, to
    the Russian Far East, to ... our new Vostochny Cosmodrome" (the first cue with a place named
    right after it; a facility named in the same sentence is more precise than the region)."""
    places = sorted((m.span[0], e.type, e.id) for e in entities if e.type in ("LOCATION", "FACILITY")
                    for m in e.mentions)
    for cue in _HOST_CUE.finditer(text):
        end = text.find(". ", cue.end())
        end = min(end if end >= 0 else len(text), cue.end() + _CUE_REACH)
        named = [(start, type_, eid) for start, type_, eid in places if cue.end() <= start < end]
        if named and _MODIFIER.fullmatch(text, cue.end(), named[0][0]):  # "here, to the (Russian) Far East"
            facility = next((eid for _s, type_, eid in named if type_ == "FACILITY"), None)
            return facility or named[0][2]
    return None


def is_report_of(event: Event, main: Event, entities: dict[str, Entity]) -> bool:
    """A text event that reports the headline's event again: same type and day, no one else."""
    if event.type != main.type or event.date != main.date:
        return False
    sides_ = set(main.actors) | set(main.targets)
    allowed = sides_ | {f"country:{entities[p].country}" for p in sides_ if entities[p].country}
    keys = {entities[p].key if entities[p].type == "COUNTRY" else p for p in (*event.actors, *event.targets)}
    return keys <= allowed
