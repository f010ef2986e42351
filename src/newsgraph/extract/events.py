"""Events: who met, visited, called, signed, supported, demanded ... whom, and when.

Trigger words and phrases (``kb/event_triggers.csv``) give the PLOVER type and
the CAMEO code. Participants come from the parse around the trigger (subject
and agent: actors; object, "with X", "to X": targets; "visit of X to Y"),
falling back to the persons (or else the countries) of the sentence. The date
is the time of the sentence nearest the trigger, else the document's date.
Reports of one event within a document are merged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from ..kb.lexicon import Trigger, event_triggers, topic_words
from ..record import Entity, Event, Time
from .names import MentionIndex, trim_span
from .events_main import Sides, headline_event, is_report_of, sides
from .quotes import Voices
from .registry import Context, register

_ACTOR_DEPS = frozenset({"nsubj", "agent", "poss"})
_TARGET_DEPS = frozenset({"dobj", "pobj", "dative", "nsubjpass"})
_TARGET_PREPS = frozenset({"with", "to", "by", "of", "between", "and"})
_FIRST_PERSON = frozenset({"i", "me", "my", "myself"})
_SECOND_PERSON = frozenset({"you", "your", "yourself"})
#: types that need two sides: one actor alone does not make the event
_ONE_SIDED = frozenset({
    "STATEMENT", "MOBILIZE", "INVESTIGATE", "PROTEST", "ASSAULT", "FIGHT", "RETREAT", "DEMAND", "REJECT",
    "THREATEN", "DISAPPROVE", "COERCE", "SANCTION", "CONCEDE",
})
_NOT_EVENT_DATES = re.compile(r"\b(?:until|till|by|through|to|before|for)\s+$", re.I)
_MODALS = frozenset({"will", "would", "could", "should", "may", "might", "can", "shall"})
#: a "cooperation" that someone develops is an intent to cooperate; elsewhere the word names a field
_COOPERATION_VERBS = frozenset(
    "develop developing expand expanding strengthen strengthening continue continuing deepen deepening "
    "boost boosting enhance enhancing intensify intensifying promote promoting build building".split()
)
_SPEAKER_IMPLIED = frozenset({"SUPPORT", "REQUEST"})
_ANNIVERSARY = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th) anniversary\b", re.I)
_AID_VERBS = frozenset("provide provided providing render rendered give gave given offer offered".split())
_RELATIVE_LINK = re.compile(r"\b(?:during|at|in|after|following) which\b", re.I)


@cache
def _trigger_re() -> re.Pattern[str]:
    forms = sorted(event_triggers(), key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(f) for f in forms)})(?![\w-])", re.I)


class _EventFinder:
    def __init__(self, ctx: Context) -> None:
        self.text = ctx.article.text
        self.date = ctx.article.date
        self.entities: Sequence[Entity] = ctx["entities"]
        self.by_id = {e.id: e for e in self.entities}
        self.index = MentionIndex.build(self.entities)
        self.times: Sequence[Time] = ctx["times"]
        self.voices = Voices(ctx["quotes"])
        self.designations = [r.span for e in self.entities if e.type == "PERSON" for r in e.roles if r.span]
        self.sides: Sides = sides(ctx.article.title, self.entities, ctx["quotes"])
        self.events: dict[tuple[str, frozenset[str], str | None], Event] = {}

    def sentence(self, sent: object) -> None:
        start, end = sent.start_char, sent.end_char  # type: ignore[attr-defined]
        for match in _trigger_re().finditer(self.text, start, end):
            trigger = event_triggers()[match.group().lower()]
            token = _token_at(sent, match.start())
            if token is not None and not _is_event_use(token, trigger):
                continue
            self._add(sent, match, trigger, token)

    def _add(self, sent: object, match: re.Match[str], trigger: Trigger, token: object) -> None:
        if token is not None and _hypothetical(token, trigger):
            return
        actors, targets = self._participants(sent, token, trigger)
        date = self._date(sent, match.start())
        linked = self._linked(sent, match.start())
        if linked is not None:  # "the May visit ..., during which agreements were reached"
            actors, targets, date = list(linked.actors), list(linked.targets), linked.date
        actors, targets = self._sides_only(actors), self._sides_only(targets, actors)
        if len(set(actors) | set(targets)) < (1 if trigger.type in _ONE_SIDED else 2):
            return
        key = (trigger.type, frozenset(actors) | frozenset(targets), date)
        if key in self.events:
            return
        start, end = sent.start_char, sent.end_char  # type: ignore[attr-defined]
        self.events[key] = Event(
            id=f"V{len(self.events) + 1}",
            type=trigger.type,
            cameo=trigger.cameo,
            actors=tuple(actors),
            targets=tuple(t for t in targets if t not in actors),
            date=date,
            place=self._place(start, end),
            topics=_topics(self.text[start:end]),
            evidence=trim_span(self.text, start, end),
            trigger=match.group(),
        )

    def _sides_only(self, ids: list[str], others: list[str] = ()) -> list[str]:  # type: ignore[assignment]
        """Where persons or organizations act (two or more), countries named beside them are
        circumstance ("thank you for coming to Russia"), not a party."""
        agents = {i for i in (*ids, *others) if self.by_id[i].type != "COUNTRY"}
        if len(agents) < 2:
            return ids
        return [i for i in ids if self.by_id[i].type != "COUNTRY"]

    def _linked(self, sent: object, offset: int) -> Event | None:
        """The earlier event of the sentence that a "during which" clause before ``offset`` refers to."""
        start = sent.start_char  # type: ignore[attr-defined]
        if not _RELATIVE_LINK.search(self.text, start, offset):
            return None
        earlier = [e for e in self.events.values() if e.evidence and e.evidence[0] == start]
        return earlier[-1] if earlier else None

    def _participants(self, sent: object, token: object, trigger: Trigger) -> tuple[list[str], list[str]]:
        actors: list[str] = []
        targets: list[str] = []
        if token is not None:
            if trigger.type == "COOPERATE":
                return self._cooperation(sent, token)
            subject_of = token.head if token.dep_ == "xcomp" else None  # type: ignore[attr-defined]
            children = list(token.children) + [  # type: ignore[attr-defined]
                c for c in (subject_of.children if subject_of is not None else ()) if c.dep_ == "nsubj"
            ]
            for child in children:
                theme = child.dep_ in ("dobj", "nsubjpass") and token.pos_ in ("VERB", "AUX") and \
                    self._thematic(token)
                found = self._entities_in(child, theme)
                if child.dep_ in _ACTOR_DEPS or (child.dep_ == "prep" and child.lower_ == "by"):
                    actors += found
                elif child.dep_ in _TARGET_DEPS or (child.dep_ == "prep" and child.lower_ in _TARGET_PREPS):
                    (actors if child.lower_ == "of" and token.pos_ == "NOUN" else targets).extend(found)
        if trigger.type in _SPEAKER_IMPLIED and token is not None:
            actors, targets = self._spoken(token, actors, targets)
        if not actors and not targets:
            actors = self._fallback(sent)
        return _unique(actors), _unique(targets)

    def _spoken(self, token: object, actors: list[str], targets: list[str]) -> tuple[list[str], list[str]]:
        """"Thank you for ...", "I am grateful for ...": the speaker thanks the one addressed."""
        speaker, addressee = self.voices.at(token.idx)  # type: ignore[attr-defined]
        if speaker is None:
            return actors, targets
        actors = actors or [speaker]
        if speaker in actors and addressee and not any(self.by_id[t].type == "PERSON" for t in targets):
            targets = [*targets, addressee]
        return actors, targets

    def _cooperation(self, sent: object, token: object) -> tuple[list[str], list[str]]:
        """"to develop cooperation between Russia and Kazakhstan": the countries, or the document's two."""
        if token.head.lower_ not in _COOPERATION_VERBS:  # type: ignore[attr-defined]
            return [], []
        found = [e for _, e, _k in self.index.within(sent.start_char, sent.end_char)  # type: ignore[attr-defined]
                 if self.by_id[e].type == "COUNTRY"]
        countries = _unique(found) if len(set(found)) >= 2 else list(self.sides.countries)
        return countries[:1], countries[1:]

    def _entities_in(self, token: object, theme: bool = False) -> list[str]:
        """Entities in ``token``'s phrase; in a theme ("the issues between Kazakhstan and China
        were discussed") only persons take part."""
        left, right = token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)  # type: ignore[attr-defined]
        found = [eid for offset, eid, _kind in self.index.within(left, right)
                 if not (self.by_id[eid].type == "COUNTRY" and self._in_designation(offset))]
        found += self._voices_in(token) + self._groups_in(token)
        kinds = ("PERSON",) if theme else ("PERSON", "COUNTRY", "ORG")
        return [e for e in found if self.by_id[e].type in kinds]

    def _in_designation(self, offset: int) -> bool:
        """A demonym inside a person's designation ("Chinese President Xi Jinping") is not a party."""
        return any(s <= offset < e for s, e in self.designations)

    def _groups_in(self, token: object) -> list[str]:
        """"they", "the presidents", "the two countries": the sides of the main event."""
        out: list[str] = []
        for word in token.subtree:  # type: ignore[attr-defined]
            before = word.nbor(-1).lower_ if word.i > 0 else ""
            out += self.sides.group(word.lower_, before)
        return out

    def _thematic(self, token: object) -> bool:
        """Verbs whose object is a topic or a document, not a party: discussed, signed, adopted."""
        trigger = event_triggers().get(token.lower_)  # type: ignore[attr-defined]
        return trigger is not None and trigger.type in ("CONSULT", "AGREE") and token.lower_ not in ("met", "meet", "meets", "visited", "received", "hosted")  # type: ignore[attr-defined]

    def _voices_in(self, token: object) -> list[str]:
        """"I" and "you" in a quote: its speaker and the one addressed."""
        out = []
        for word in token.subtree:  # type: ignore[attr-defined]
            lower = word.lower_
            if lower in _FIRST_PERSON or lower in _SECOND_PERSON:
                speaker, addressee = self.voices.at(word.idx)
                found = speaker if lower in _FIRST_PERSON else addressee
                out += [found] if found else []
        return out

    def _fallback(self, sent: object) -> list[str]:
        found = [eid for _, eid, _k in self.index.within(sent.start_char, sent.end_char)]  # type: ignore[attr-defined]
        persons = [e for e in found if self.by_id[e].type == "PERSON"]
        if persons:
            return persons
        return [e for e in found if self.by_id[e].type in ("COUNTRY", "ORG")]

    def _date(self, sent: object, offset: int) -> str | None:
        start, end = sent.start_char, sent.end_char  # type: ignore[attr-defined]
        inside = [
            t for t in self.times
            if start <= t.span[0] < end and t.value and t.type == "DATE"
            and -80 < t.span[0] - offset < 40
            and not _NOT_EVENT_DATES.search(self.text[max(start, t.span[0] - 10):t.span[0]])
        ]
        if not inside:
            return self._anniversary(sent) or self.date
        nearest = min(inside, key=lambda t: abs(t.span[0] - offset))
        if nearest.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
            return self.date if nearest.value == "PRESENT_REF" else None
        return nearest.value

    def _anniversary(self, sent: object) -> str | None:
        """"this year marks the 10th anniversary of the initiative ... announced": ten years back."""
        start, end = sent.start_char, sent.end_char  # type: ignore[attr-defined]
        match = _ANNIVERSARY.search(self.text, start, end)
        years = [t for t in self.times if start <= t.span[0] < end and re.fullmatch(r"\d{4}", t.value or "")]
        if match is None or not years:
            return None
        return str(int(years[0].value) - int(match.group(1)))  # type: ignore[arg-type]

    def _place(self, start: int, end: int) -> str | None:
        for offset, eid, _kind in self.index.within(start, end):
            entity = self.by_id[eid]
            if entity.type == "LOCATION" and self.text[max(0, offset - 3):offset] == "in ":
                return eid
        return None


def _hypothetical(token: object, trigger: Trigger) -> bool:
    """"we will further discuss", "an opportunity to discuss": not (yet) a meeting or an agreement."""
    if trigger.type not in ("CONSULT", "AGREE"):
        return False
    words = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}  # type: ignore[attr-defined]
    return bool(words & _MODALS) or (token.dep_ == "acl" and "to" in words)  # type: ignore[attr-defined]


def _is_event_use(token: object, trigger: Trigger) -> bool:
    """Drop uses that name no event: "meeting the needs", adjectives, "thanks to", "help increase"."""
    if token.pos_ in ("ADJ", "ADV") and token.lower_ != "grateful":  # type: ignore[attr-defined]
        return False
    if token.dep_ == "compound":  # type: ignore[attr-defined]
        return False  # "loan agreements": the head noun names the event
    if token.lower_ == "thanks" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "to":  # type: ignore[attr-defined]
        return False
    if trigger.type == "AID" and token.lower_ == "help" and token.head.lower_ not in _AID_VERBS:  # type: ignore[attr-defined]
        return False
    return not (token.lower_ == "meeting" and token.pos_ == "VERB")  # type: ignore[attr-defined]


def _token_at(sent: object, offset: int) -> object | None:
    for token in sent:  # type: ignore[attr-defined]
        if token.idx <= offset < token.idx + len(token.text):
            return token
    return None


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _topics(text: str) -> tuple[str, ...]:
    words = topic_words()
    found = (words.get(w) for w in re.findall(r"[a-z][a-z-]+", text.lower()))
    return tuple(dict.fromkeys(t for t in found if t))



@register(
    "events",
    requires=("doc", "entities", "coref", "times", "quotes"),
    provides=("events",),
    components=("parser", "attribute_ruler"),
)
def extract_events(ctx: Context) -> dict[str, object]:
    finder = _EventFinder(ctx)
    for sent in ctx.sentences():
        finder.sentence(sent)
    found = list(finder.events.values())
    main = headline_event(ctx.article.title, ctx.article.date, finder.sides)
    if main is not None:
        by_id = {e.id: e for e in finder.entities}
        reports = [e for e in found if is_report_of(e, main, by_id)]
        if reports:  # the first report in the text is the main event's evidence
            main = replace(main, evidence=reports[0].evidence, topics=reports[0].topics)
        found = [main] + [e for e in found if e not in reports]
    return {"events": tuple(replace(e, id=f"V{i}") for i, e in enumerate(found, start=1))}
