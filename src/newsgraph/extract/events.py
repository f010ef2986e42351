"""Events: who met, visited, called, signed, supported, demanded ... whom, and when.

Trigger words and phrases (``kb/event_triggers.csv``, ``kb/event_words.csv`` and
``kb/event_pairs.csv``, see ``events_lexicon``) give the PLOVER type and the CAMEO
code; the trigger's clause can change it (intent, refusal, demand: ``events_frames``).
Participants come from the parse around the trigger (subject and agent: actors;
object, "with X", "to X": targets; "visit of X to Y"; the subject of the clause a
trigger depends on: "Japan is ready to send troops"), falling back to the persons
(or else the countries) of the sentence. An event needs two participants, or one
that the clause names outside a direct quote ("Denmark accepted the formula"). The
date is the time of the sentence nearest the trigger (or one that opens the sentence),
else the document's date. Reports of one event within a document are merged. The
events of a sentence come in the order of their trigger's height in the parse.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache

from ..kb.lexicon import Trigger, lookup_place, titles, topic_words
from ..record import Entity, Event, Time
from .events_frames import (
    ROUNDS, clause_children, demand_verbs, depth, embedded, is_demand, negated, not_an_event, paired, reframe,
    subject_of, unnamed_actor,
)
from .events_lexicon import Entry, pairs, trigger_forms
from .events_main import Sides, headline_event, host_place, is_report_of, sides
from ..nlp.inflection import verb_forms
from .names import ByStart, MentionIndex, trim_span
from .patterns import trie_alternation
from .quotes import Voices
from .registry import Context, register

_ACTOR_DEPS = frozenset({"nsubj", "agent", "poss"})
_TARGET_DEPS = frozenset({"dobj", "pobj", "dative", "nsubjpass"})
#: prepositions that make a meeting the occasion of what the clause's subject does
_CIRCUMSTANCE = frozenset({"during", "following", "after", "at", "on"})
_TARGET_PREPS = frozenset({"with", "to", "by", "of", "between", "and", "on", "against", "from"})
_FIRST_PERSON = frozenset({"i", "me", "my", "myself"})
_SECOND_PERSON = frozenset({"you", "your", "yourself"})
#: types that one side alone makes (others need two, or one that the clause names)
_ONE_SIDED = frozenset({
    "STATEMENT", "MOBILIZE", "INVESTIGATE", "PROTEST", "ASSAULT", "FIGHT", "RETREAT", "DEMAND", "REJECT",
    "THREATEN", "DISAPPROVE", "COERCE", "SANCTION", "CONCEDE",
})
_NOT_EVENT_DATES = re.compile(r"\b(?:until|till|by|through|to|before|for)\s+$", re.I)
_ASKING = frozenset({"invite", "invites", "invited", "inviting", "ask", "asks", "asked", "asking", "urge", "urges",
                     "urged", "urging", "instruct", "instructs", "instructed", "instructing", "order", "orders",
                     "ordered", "ordering", "tell", "tells", "told", "telling", "direct", "directs", "directed",
                     "directing"})  # their "to visit" is the request's content, not a visit
_RECEIVE = frozenset({"receive", "receives", "received", "receiving"})
_VISITORS = frozenset({"delegation", "delegations", "guest", "guests", "leader", "leaders", "head", "heads", "envoy",
                       "envoys", "visitor", "visitors", "him", "her", "them", "members", "representatives", "participants"})
_CALL = frozenset({"call", "calls", "called", "calling"})  # "X called Y": a telephone call when Y is a party
_PARTY_OBJECT = _RECEIVE | _CALL | {  # "visited China", "will meet Xi": the object is a party, not a topic
    "meet", "meets", "met", "meeting", "visit", "visits", "visited", "visiting"}
_CONCRETE = re.compile(r"\d{4}")  # a value on the calendar, not PRESENT_REF or a duration
_MODALS = frozenset({"will", "would", "could", "should", "may", "might", "can", "shall"})
#: a "cooperation" that someone develops is an intent to cooperate; elsewhere the word names a field
_COOPERATION_VERBS = frozenset(
    "develop developing expand expanding strengthen strengthening continue continuing deepen deepening "
    "boost boosting enhance enhancing intensify intensifying promote promoting build building".split()
)
_SPEAKER_IMPLIED = frozenset({"SUPPORT", "REQUEST"})
#: acts of force: a speaker who names one without its doer is not its doer
_FORCE = frozenset({"ASSAULT", "FIGHT", "COERCE", "MOBILIZE", "THREATEN"})
#: acts done to someone: without a target from the parse, a country named after the act is it
_DIRECTED = frozenset({"ASSAULT", "COERCE", "FIGHT", "SANCTION", "DISAPPROVE", "THREATEN", "DEMAND",
                       "INVESTIGATE", "REJECT", "MOBILIZE"})
#: types whose clause can hold the act they are about: "agreed to provide aid to Y"
_FRAMING = frozenset({"AGREE", "THREATEN", "DEMAND", "REQUEST", "REJECT"})
_ANNIVERSARY = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th) anniversary\b", re.I)
_AID_VERBS = frozenset("provide provided providing render rendered give gave given offer offered".split())
_DEMAND = Trigger(type="DEMAND", cameo="100")
_RELATIVE_LINK = re.compile(r"\b(?:during|at|in|after|following) which\b", re.I)
_AGAINST_BEFORE = re.compile(r"(?:anti|pro)[-\s]?$", re.IGNORECASE)
_WORD = re.compile(r"[\w'\u2019-]*")  # a word, up to the space or punctuation after it


@cache
def _trigger_re() -> re.Pattern[str]:
    forms = trie_alternation(set(trigger_forms()) | set(pairs()), fold=True)
    return re.compile(rf"(?<![\w-])(?:{forms})(?![\w-])", re.I)


class _EventFinder:
    def __init__(self, ctx: Context) -> None:
        self.text = ctx.article.text
        self.date = ctx.article.date
        self.entities: Sequence[Entity] = ctx["entities"]
        self.by_id = {e.id: e for e in self.entities}
        self.index = MentionIndex.build(self.entities)
        self.times: ByStart[Time] = ByStart(ctx["times"], lambda t: t.span[0])  # looked up per sentence
        self.voices = Voices(ctx["quotes"])
        # a person's titles: "Chinese President Xi Jinping", "the Head of the Office of the President"
        self.designations = [span for e in self.entities if e.type == "PERSON"
                             for span in (*(r.span for r in e.roles if r.span),
                                          *(m.span for m in e.mentions if m.kind == "title"))]
        self.sides: Sides = sides(ctx.article.title, self.entities, ctx["quotes"])
        self.events: dict[tuple[object, ...], Event] = {}
        self.rank: dict[tuple[object, ...], tuple[int, int, int]] = {}
        self.demands = demand_verbs(ctx.doc)

    def sentence(self, sent: object) -> None:
        start, end = sent.start_char, sent.end_char  # type: ignore[attr-defined]
        for match in _trigger_re().finditer(self.text, start, end):
            token = _phrase_head(_token_at(sent, match.start()), match.end())
            trigger = _trigger(match.group().lower(), token)
            if trigger is not None and token is not None:
                kept = _kept(token, trigger, lambda: self._scheduled(sent, token))
                trigger = reframe(token, trigger) if kept else None
            if trigger is not None:
                self._add(sent, match.start(), match.group(), trigger, token)
        first, last = sent.start, sent.end  # type: ignore[attr-defined]
        for token in self.demands[bisect.bisect_left(self.demands, first, key=_index):
                                  bisect.bisect_left(self.demands, last, key=_index)]:
            self._add(sent, token.idx, token.text, _DEMAND, token)

    def _add(self, sent: object, offset: int, text: str, trigger: Trigger, token: object) -> None:
        if token is not None and token.lower_ in _RECEIVE and self._receives_a_thing(token):  # type: ignore[attr-defined]
            return  # "received a medal", "received credentials": no meeting
        if token is not None and text.lower() in _CALL and trigger.type == "CONSULT" and not self._calls_a_party(token):
            return  # "called the vote", "called him a liar", "called off the talks"
        actors, targets = self._participants(sent, token, trigger)
        explicit = bool(actors or targets) and not self._quoted(offset)
        if (not actors and not targets and not (trigger.type == "COOPERATE" and token is not None)
                and not (token is not None and token.pos_ == "NOUN" and _talked_about(token))  # type: ignore[attr-defined]
                and not (trigger.type in _FORCE and self._quoted(offset))
                and not (trigger.type in _ONE_SIDED and _passive(token))):
            actors = _unique(self._fallback(sent))  # not the speaker of '"... bombing civilians is genocide," he said'
        date = self._date(sent, offset, token)
        linked = self._linked(sent, offset)
        if linked is not None:  # "the May visit ..., during which agreements were reached"
            actors, targets, date = list(linked.actors), list(linked.targets), linked.date
        actors, targets = self._sides_only(actors), self._sides_only(targets, actors)
        found = len(set(actors) | set(targets))
        if found < (1 if trigger.type in _ONE_SIDED or explicit else 2) and not (
                found == 0 and trigger.type in _ONE_SIDED and token is not None and not self._quoted(offset)
                and unnamed_actor(token)):
            return
        key: tuple[object, ...] = (trigger.type, frozenset(actors) | frozenset(targets), date)
        if key in self.events and self._another_act(self.events[key], sent, text, offset):
            key = (*key, text.lower())
        if key not in self.events or self._outranks(key, sent, token):
            self._store(key, sent, offset, text, trigger, token, actors, targets, date)

    def _outranks(self, key: tuple[object, ...], sent: object, token: object) -> bool:
        """One event told twice in a sentence ("Before the visit, X discussed ... with Y"): the
        report by the higher word in the parse stands."""
        start, height, _offset = self.rank[key]
        return token is not None and start == sent.start_char and depth(token) < height  # type: ignore[attr-defined]

    def _store(self, key: tuple[object, ...], sent: object, offset: int, text: str, trigger: Trigger,
               token: object, actors: list[str], targets: list[str], date: str | None) -> None:
        start, end = sent.start_char, sent.end_char  # type: ignore[attr-defined]
        self.rank[key] = (start, depth(token) if token is not None else 99, offset)
        self.events[key] = Event(
            id=f"V{len(self.events) + 1}",
            type=trigger.type,
            cameo=trigger.cameo,
            actors=tuple(actors),
            targets=tuple(t for t in targets if t not in actors),
            date=date,
            place=self._place(start, end, token),
            topics=_topics(self.text[start:end]),
            evidence=trim_span(self.text, start, end),
            trigger=text,
        )

    def _another_act(self, earlier: Event, sent: object, text: str, offset: int) -> bool:
        """"The ministers approved a plan. ... They signed two treaties": two agreements of one
        day, told in the narrative by other verbs, are two events."""
        return earlier.type == "AGREE" and earlier.trigger is not None and earlier.evidence is not None \
            and earlier.evidence[0] != self._opening(sent) and earlier.trigger.lower()[:4] != text.lower()[:4] \
            and not self._quoted(offset) and not self._quoted(earlier.evidence[0])  # type: ignore[attr-defined]

    def _quoted(self, offset: int) -> bool:
        """Inside a direct quote, where one side alone is mostly the speaker's own courtesy."""
        return any(q.direct and q.span[0] <= offset < q.span[1] for q in self.voices.quotes)

    def _sides_only(self, ids: list[str], others: list[str] = ()) -> list[str]:  # type: ignore[assignment]
        """Where persons or organizations act (two or more), the countries they come from are
        circumstance ("thank you for coming to Russia"), not a party; a country none of them
        comes from is one ("X's defence secretary promised aid to Mozambique")."""
        agents = [self.by_id[i] for i in {*ids, *others} if self.by_id[i].type != "COUNTRY"]
        if len(agents) < 2:
            return ids
        homes = {f"country:{a.country}" for a in agents}
        return [i for i in ids if self.by_id[i].type != "COUNTRY" or self._foreign(i, agents, homes)]

    def _foreign(self, country: str, agents: list[Entity], homes: set[str]) -> bool:
        """Whether ``country`` is foreign to every agent, all of whose countries are known."""
        return all(a.country for a in agents) and self.by_id[country].key not in homes

    def _opening(self, sent: object) -> int:
        """Where the evidence of an event told in ``sent`` starts (see ``trim_span``)."""
        return trim_span(self.text, sent.start_char, sent.end_char)[0]  # type: ignore[attr-defined]

    def _linked(self, sent: object, offset: int) -> Event | None:
        """The earlier event of the sentence that a "during which" clause before ``offset`` refers to."""
        start = sent.start_char  # type: ignore[attr-defined]
        if not _RELATIVE_LINK.search(self.text, start, offset):
            return None
        opening = self._opening(sent)
        earlier = [e for e in self.events.values() if e.evidence and e.evidence[0] == opening]
        return earlier[-1] if earlier else None

    def _participants(self, sent: object, token: object, trigger: Trigger) -> tuple[list[str], list[str]]:
        actors: list[str] = []
        targets: list[str] = []
        if token is not None:
            if trigger.type == "COOPERATE" and token.pos_ == "NOUN":  # type: ignore[attr-defined]
                return self._cooperation(sent, token)
            if trigger is _DEMAND:
                return self._demand(token)
            actors, targets = self._around(token)
            subject = subject_of(token)
            if subject is not None and trigger.type in _FORCE and self._quoted(token.idx) \
                    and not self._quoted(subject.idx):  # type: ignore[attr-defined]
                subject = None  # '"Shelling villages is a lie," Scholz said': Scholz shelled nothing
            named = self._entities_in(subject) if subject is not None else []
            own = self._own_actors(token) if token.pos_ == "NOUN" else []  # type: ignore[attr-defined]
            if own:  # "the Russian invasion", "the invasion by Russia": not the clause's subject's act
                benefiting = self._after_prep(token, "for")  # "support for Ukraine"
                actors, targets = own, [t for t in (*targets, *actors, *benefiting) if t not in own]
            elif named and token.pos_ == "NOUN" and _talked_about(token):  # type: ignore[attr-defined]
                named = []  # "Clinton condemned the bombings": the speaker did not bomb
            elif named and token.pos_ == "NOUN":  # type: ignore[attr-defined]
                actors, targets = named, [*targets, *actors]  # "X completed the withdrawal of Y's troops"
            elif not actors:
                actors = named
            if trigger.type in _FRAMING:  # "X threatened to impose sanctions on Y": Y is the target
                for clause in embedded(token):
                    inner, outer = self._around(clause)  # "demanded that Y lift the ban": Y too
                    wanted = (*inner, *outer) if trigger.type in ("DEMAND", "REQUEST") else outer
                    targets += [t for t in wanted if t not in actors]
        if not actors and token is not None and token.pos_ == "NOUN":  # type: ignore[attr-defined]
            between = _unique(self._after_prep(token, "between"))
            if len(between) >= 2:  # "the talks between Russia and Ukraine": the first party acts
                actors, targets = between[:1], [t for t in targets if t != between[0]]
            elif targets:  # "stated by X during the talks with Y"; not "a meeting with the media" alone
                actors = [a for a in self._circumstance_doer(token) if a not in targets]
        if trigger.type in _SPEAKER_IMPLIED and token is not None:
            actors, targets = self._spoken(token, actors, targets)
        if actors and not targets and trigger.type in _DIRECTED and token is not None:
            targets = self._countries_after(token, actors)
        return _unique(actors), _unique(targets)

    def _circumstance_doer(self, token: object) -> list[str]:
        """Who did what a meeting after the verb was the occasion of: "This was stated by X during a
        meeting with the media following the talks with Y", "X said so at the talks with Y": X took part."""
        node = token
        for _ in range(4):
            prep = node.head  # type: ignore[attr-defined]
            if node.dep_ not in ("pobj", "dobj") or prep.dep_ != "prep" \
                    or prep.lower_ not in _CIRCUMSTANCE:  # type: ignore[attr-defined]
                return []
            verb = prep.head
            if verb.pos_ in ("VERB", "AUX") and prep.i < verb.i:
                return []  # "During the meeting, X congratulated Y": the meeting told of before, with its parties
            if verb.pos_ in ("VERB", "AUX"):
                agent = next((c for c in verb.children if c.dep_ == "agent"), None)
                doer = next((c for c in (agent.children if agent is not None else verb.children)
                             if c.dep_ == ("pobj" if agent is not None else "nsubj")), None)
                return self._entities_in(doer) if doer is not None else []
            node = verb
        return []

    def _own_actors(self, token: object) -> list[str]:
        """The doer a noun trigger names itself: a country's demonym before it ("the Russian
        invasion"), its possessor ("Russia's naval blockade"; for help, only with whom it is for:
        "Canada's support for Ukraine", not "Ukraine's international support") or its "by" phrase
        ("the invasion by the Russian Federation")."""
        out: list[str] = []
        for child in token.children:  # type: ignore[attr-defined]
            if child.dep_ in ("amod", "compound") and child.i < token.i \
                    and not _AGAINST_BEFORE.search(self.text, max(0, child.idx - 6), child.idx):  # "anti-Russia"
                out += [e for e in self._entities_in(child) if self.by_id[e].type == "COUNTRY"]
            elif child.dep_ == "prep" and child.lower_ == "by":
                out += [e for c in child.children if c.dep_ == "pobj" for e in self._entities_in(c)]
            elif child.dep_ == "poss" and child.pos_ == "PROPN" and (
                    token.lower_ not in _HELP_NOUNS or _recipient_after(token)):  # type: ignore[attr-defined]
                out += self._entities_in(child)  # "Russia's demands"; "Canada's support for Ukraine"
        return out

    def _countries_after(self, token: object, actors: list[str]) -> list[str]:
        """The countries and places of a country named in the phrase after a directed act whose parse
        gave it no target: "attempted to hack into email servers used by *Chilean* officers", "a curfew
        in *Lima*"."""
        start = token.idx + len(token.text)  # type: ignore[attr-defined]
        end = token.right_edge.idx + len(token.right_edge.text)  # type: ignore[attr-defined]
        return [eid for offset, eid, _kind in self.index.within(start, end)
                if (self.by_id[eid].type == "COUNTRY" or (self.by_id[eid].type == "LOCATION" and self.by_id[eid].country))
                and eid not in actors and not self._in_designation(offset)]

    def _around(self, token: object) -> tuple[list[str], list[str]]:
        """The actors and targets among ``token``'s dependents."""
        actors: list[str] = []
        targets: list[str] = []
        for child in clause_children(token):
            dep = "dobj" if child.dep_ == "oprd" and token.lower_ in _CALL else child.dep_  # type: ignore[attr-defined]
            theme = dep in ("dobj", "nsubjpass") and token.pos_ in ("VERB", "AUX") and \
                self._thematic(token)  # type: ignore[attr-defined]
            found = self._entities_in(child, theme)
            if dep == "dobj" and token.lower_ in _PARTY_OBJECT:  # type: ignore[attr-defined]
                found = [e for e in found if self._named_by_head(e, child)]  # not "visiting our Chilean prisoners"
            if dep in _ACTOR_DEPS or (dep == "prep" and child.lower_ == "by"):
                actors += found
            elif dep in _TARGET_DEPS or (dep == "prep" and child.lower_ in _TARGET_PREPS):
                (actors if child.lower_ == "of" and token.pos_ == "NOUN" else targets).extend(found)  # type: ignore[attr-defined]
        return actors, targets

    def _demand(self, token: object) -> tuple[list[str], list[str]]:
        """"X said Y must ...": X demands, of Y."""
        head = token.head  # type: ignore[attr-defined]
        head = head.head if head.pos_ == "NOUN" and head.dep_ in ("dobj", "attr") else head
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        addressed = next(c for c in token.children if c.dep_ == "nsubj")  # type: ignore[attr-defined]
        return (self._entities_in(subject) if subject is not None else []), self._entities_in(addressed)

    def _spoken(self, token: object, actors: list[str], targets: list[str]) -> tuple[list[str], list[str]]:
        """"Thank you for ...", "I am grateful for ...": the speaker thanks the one addressed."""
        speaker, addressee = self.voices.at(token.idx)  # type: ignore[attr-defined]
        if speaker is None:
            return actors, targets
        actors = actors or [speaker]
        if speaker in actors:  # the speaker's country is part of the speaker's designation
            actors = [a for a in actors if self.by_id[a].type != "COUNTRY"]
        if speaker in actors and addressee and not any(self.by_id[t].type == "PERSON" for t in targets):
            targets = [*targets, addressee]
        return actors, targets

    def _cooperation(self, sent: object, token: object) -> tuple[list[str], list[str]]:
        """"to develop cooperation between Russia and Kazakhstan": the parties after "between", else
        the countries of the sentence, or the document's two."""
        if token.head.lower_ not in _COOPERATION_VERBS:  # type: ignore[attr-defined]
            return [], []
        between = self._after_prep(token, "between")
        if len(set(between)) >= 2:  # "between the EU and Minsk", whatever other countries the sentence names
            between = _unique(between)
            return between[:1], between[1:]
        found = [e for offset, e, _k in self.index.within(sent.start_char, sent.end_char)  # type: ignore[attr-defined]
                 if self.by_id[e].type == "COUNTRY" and not self._in_designation(offset)]  # not "President of Belarus"
        countries = _unique(found) if len(set(found)) >= 2 else list(self.sides.countries)
        return countries[:1], countries[1:]

    def _after_prep(self, token: object, word: str) -> list[str]:
        """The entities of the objects of ``token``'s preposition ``word`` ("between X and Y")."""
        return [e for c in token.children if c.dep_ == "prep" and c.lower_ == word  # type: ignore[attr-defined]
                for o in c.children if o.dep_ == "pobj" for e in self._entities_in(o)]

    def _entities_in(self, token: object, theme: bool = False) -> list[str]:
        """Entities in ``token``'s phrase; in a theme ("the issues between Kazakhstan and China
        were discussed") only persons take part."""
        left, right = token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)  # type: ignore[attr-defined]
        found = [eid for offset, eid, _kind in self.index.within(left, right)
                 if not (self.by_id[eid].type == "COUNTRY" and self._in_designation(offset))
                 and not (self.by_id[eid].type == "ORG" and any(s <= offset < e for s, e in self.designations))]
        found += self._voices_in(token) + self._groups_in(token)
        kinds = ("PERSON",) if theme else ("PERSON", "COUNTRY", "ORG")
        return [e for e in found if self.by_id[e].type in kinds or (not theme and self._seat(e, token))]

    def _seat(self, eid: str, token: object) -> bool:
        """"Berlin rejected ...", "an admission by Moscow": a capital that is the head of a
        party's phrase stands for its country's government (not "an embassy in Tehran")."""
        entity = self.by_id[eid]
        if entity.type != "LOCATION" or not entity.country or not _is_capital(entity.name):
            return False
        head = next((c for c in token.children if c.dep_ == "pobj"), token) \
            if token.dep_ == "prep" else token  # type: ignore[attr-defined]
        return any(m.span[0] <= head.idx < m.span[1] for m in entity.mentions)  # type: ignore[attr-defined]

    def _in_designation(self, offset: int) -> bool:
        """A demonym inside a person's designation ("Chinese President Xi Jinping") is not a party;
        a country the sentence's punctuation parts from the title is ("force in Liberia, Defence
        Minister X said")."""
        if any(s <= offset < e for s, e in self.designations):
            return True
        end = _WORD.match(self.text, offset).end()  # type: ignore[union-attr]
        for start, eid, _kind in self.index.within(end, end + 40):
            between = self.text[end:start]
            return self.by_id[eid].type == "PERSON" and re.fullmatch(r"(?: *[A-Z][a-z.-]*)* *", between) is not None
        return False

    def _groups_in(self, token: object) -> list[str]:
        """"they", "the presidents", "the two countries": the sides of the main event."""
        out: list[str] = []
        for word in token.subtree:  # type: ignore[attr-defined]
            before = word.nbor(-1).lower_ if word.i > 0 else ""
            out += self.sides.group(word.lower_, before)
        return out

    def _receives_a_thing(self, token: object) -> bool:
        """Whether the object of "receive" is a thing, not a party (a name, a title, a delegation)."""
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)  # type: ignore[attr-defined]
        if obj is None or obj.lower_ in titles() or obj.lower_ in _VISITORS:  # type: ignore[attr-defined]
            return False
        if obj.lower_ in _CREDENTIALS and any(c.dep_ == "prep" and c.lower_ == "from"  # type: ignore[attr-defined]
                                              for c in token.children):  # type: ignore[attr-defined]
            return False  # "received credentials from the Ambassadors of X", not "information from the services"
        return not [e for e in self._entities_in(obj) if self._named_by_head(e, obj)]

    def _calls_a_party(self, token: object) -> bool:
        """ "X called Y" is a telephone call when Y is a party (a name or a title) and nothing
        is said of Y ("called him a liar", "called it unacceptable") and no particle changes the verb."""
        children = list(token.children)  # type: ignore[attr-defined]
        if any(c.dep_ in ("prt", "xcomp", "ccomp", "attr", "acomp", "dative", "nsubjpass", "auxpass")
               for c in children):
            return False
        objects = [c for c in children if c.dep_ in ("dobj", "oprd")]  # the parser reads "called Putin" as naming
        if len(objects) != 1:
            return False
        obj = objects[0]
        if any(c.dep_ == "appos" and c.doc[c.left_edge.i - 1].text != "," for c in obj.children):
            return False  # "called Xi a friend": the parser's apposition is what Xi is called
        if obj.lower_ in titles():
            return True
        return any(self.by_id[e].type in ("PERSON", "COUNTRY") and self._named_by_head(e, obj)
                   for e in self._entities_in(obj))

    def _named_by_head(self, eid: str, head: object) -> bool:
        """Whether a mention of ``eid`` covers the phrase's head word ("visited *China*", "met President
        *Xi*"), not a modifier of it ("visiting our *Chilean* prisoners")."""
        if head.lower_ in titles():  # type: ignore[attr-defined]
            return True  # "received the Ambassador of Italy", "the Chinese Ambassador": the title's country
        return any(m.span[0] <= head.idx < m.span[1] for m in self.by_id[eid].mentions) \
            or eid in self._voices_in(head)  # type: ignore[attr-defined]

    def _thematic(self, token: object) -> bool:
        """Verbs whose object is a topic or a document, not a party: discussed, signed, adopted."""
        entry = trigger_forms().get(token.lower_)  # type: ignore[attr-defined]
        return (entry is not None and entry.trigger.type in ("CONSULT", "AGREE")
                and token.lower_ not in _PARTY_OBJECT)  # type: ignore[attr-defined]

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

    def _date(self, sent: object, offset: int, token: object = None) -> str | None:
        start, end = sent.start_char, sent.end_char  # type: ignore[attr-defined]
        inside = [
            t for t in self.times.starting_in(start, end)
            if t.value and t.type == "DATE"
            and (-80 < t.span[0] - offset < 40 or t.span[0] - start < 12  # or fronted: "In 2019, ..."
                 or _dates_trigger(sent, t, token))  # or far, but its own: "his talks with X ... on April 6"
            and not _NOT_EVENT_DATES.search(self.text[max(start, t.span[0] - 10):t.span[0]])
            and not _objects_date(sent, t, token)
        ]
        if not inside:
            return self._anniversary(sent) or (None if _yet_to_come(token) else self.date)
        nearest = min(inside, key=lambda t: abs(t.span[0] - offset))
        if nearest.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
            return self.date if nearest.value == "PRESENT_REF" else None
        return nearest.value

    def _scheduled(self, sent: object, token: object) -> bool:
        """A date of its own for a future meeting or signing: "will visit China next week", "will
        meet on Monday"; not a vague one ("will meet in the future") or none ("we will discuss")."""
        start, end = sent.start_char, sent.end_char  # type: ignore[attr-defined]
        return any(t.type in ("DATE", "TIME") and _CONCRETE.match(t.value or "") and _attached(sent, t, token)
                   for t in self.times.starting_in(start, end))

    def _anniversary(self, sent: object) -> str | None:
        """"this year marks the 10th anniversary of the initiative ... announced": ten years back."""
        start, end = sent.start_char, sent.end_char  # type: ignore[attr-defined]
        match = _ANNIVERSARY.search(self.text, start, end)
        years = [t for t in self.times.starting_in(start, end) if re.fullmatch(r"\d{4}", t.value or "")]
        if match is None or not years:
            return None
        return str(int(years[0].value) - int(match.group(1)))  # type: ignore[arg-type]

    def _place(self, start: int, end: int, token: object = None) -> str | None:
        """The place "in" which the event happened: a LOCATION after "in" in its sentence, on the
        trigger's branch of the parse where there is a trigger ("At a meeting in Kyiv, X and Y
        discussed"; not "this meeting will be useful ... our partner in Latin America")."""
        for offset, eid, _kind in self.index.within(start, end):
            entity = self.by_id[eid]
            if entity.type == "LOCATION" and self.text[max(0, offset - 3):offset] == "in " \
                    and (token is None or _on_branch(token, offset - 3)):
                return eid
        return None


_CREDENTIALS = frozenset({"credentials", "credential", "letters"})


def _on_branch(trigger: object, offset: int) -> bool:
    """Whether the word at ``offset`` ("in") hangs from the trigger through verbs, prepositions
    and the trigger's own noun phrase only, or from the verb the trigger hangs from."""
    word = _token_at(trigger.sent, offset)  # type: ignore[attr-defined]
    top = trigger.head if trigger.pos_ == "NOUN" else trigger  # type: ignore[attr-defined]  # "talks ... held in Minsk"
    for _ in range(12):
        if word is None or word.head.i == word.i and word.i not in (trigger.i, top.i):  # type: ignore[attr-defined]
            return False  # the root
        if word.i in (trigger.i, top.i):  # type: ignore[attr-defined]
            return True
        if word.pos_ in ("NOUN", "ADJ") and word.lower_ not in trigger_forms() and not _party_noun(word.lower_):
            return False  # another thing's phrase ("partner of Russia in Latin America"), not "a meeting in Kyiv"
        word = word.head
    return False


def _party_noun(word: str) -> bool:
    """A noun that names a party to the event, which a place may hang from ("a delegation of US
    senators led by X in Kyiv", "President of the Endowment in Kyiv")."""
    return word in _PARTY_NOUNS or word in titles() or (word.endswith("s") and word[:-1] in titles())


_PARTY_NOUNS = frozenset({"delegation", "delegations", "members", "representatives", "leaders", "officials",
                          "colleagues", "counterpart", "counterparts", "expert", "experts", "parties", "sides"})


#: nouns of help whose possessor may be the one helped ("Ukraine's international support")
_HELP_NOUNS = frozenset({"support", "assistance", "aid", "help"})


def _recipient_after(token: object) -> bool:
    """Whether a noun of help says whom it is for ("support for Ukraine", "aid to Kyiv")."""
    return any(c.dep_ == "prep" and c.lower_ in ("for", "to") and any(o.dep_ == "pobj" for o in c.children)
               for c in token.children)  # type: ignore[attr-defined]


def _passive(token: object) -> bool:
    """A verb in the passive ("whose son was killed in Donbass", "Mariupol was destroyed"): who
    did a one-sided act is unknown, not the persons the sentence names. (Talks "were discussed",
    a declaration "was signed": the parties named are the ones who did.)"""
    return token is not None and any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)  # type: ignore[attr-defined]


def _hypothetical(token: object, trigger: Trigger) -> bool:
    """"we will further discuss", "an opportunity to discuss", "looks forward to the visit": not
    (yet) a meeting or an agreement."""
    if trigger.type not in ("CONSULT", "AGREE"):
        return False
    words = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}  # type: ignore[attr-defined]
    if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in token.children):  # type: ignore[attr-defined]
        return True  # "if you visit Kyiv"
    invited = token.dep_ == "xcomp" and token.head.lower_ in _ASKING  # type: ignore[attr-defined]  # "invited him to visit"
    return bool(words & _MODALS) or ((token.dep_ == "acl" or invited) and "to" in words) or _awaited(token)  # type: ignore[attr-defined]


_LOOK = frozenset({"look", "looks", "looked", "looking"})


def _awaited(token: object) -> bool:
    """"Ukraine looks forward to the visit of Justin Trudeau": hoped for, not (yet) held."""
    prep = token.head  # type: ignore[attr-defined]
    return token.dep_ in ("pobj", "pcomp") and prep.lower_ == "to" and prep.head.lower_ in _LOOK \
        and any(c.lower_ == "forward" for c in prep.head.children)  # type: ignore[attr-defined]


def _is_event_use(token: object, trigger: Trigger) -> bool:
    """Drop uses that name no event: "meeting the needs", adjectives, "thanks to", "help increase"."""
    if token.pos_ in ("ADJ", "ADV") and token.lower_ != "grateful":  # type: ignore[attr-defined]
        return False
    if token.dep_ in ("compound", "amod"):  # type: ignore[attr-defined]
        return False  # "loan agreements", "the blocked assets": the head noun names the thing
    if token.lower_ == "thanks" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "to":  # type: ignore[attr-defined]
        return False
    if trigger.type == "AID" and token.lower_ == "help" and token.head.lower_ not in _AID_VERBS:  # type: ignore[attr-defined]
        return False
    return not (token.lower_ == "meeting" and token.pos_ == "VERB")  # type: ignore[attr-defined]


def _kept(token: object, trigger: Trigger, scheduled: Callable[[], bool]) -> bool:
    """Whether the trigger at ``token`` reports an event of its own. A meeting or an agreement in
    the future tense counts where ``scheduled`` says it has a date ("will visit China next week")."""
    if not _is_event_use(token, trigger) or not_an_event(token, trigger) or _object_of_same(token, trigger):
        return False
    if is_demand(token) or _orders_an_act(token):
        return False  # "X said Y must agree": the demand of ``sentence``; "X ordered patrols": patrols
    if _purpose(token):
        return scheduled()  # "talks in order to find common ground for a ceasefire": an aim, not an act
    return negated(token) or not _hypothetical(token, trigger) or scheduled()


_PURPOSE = (("in", "order", "to"), ("so", "as", "to"))
_WILL = frozenset({"will", "shall", "'ll"})
_MEETINGS = frozenset({"meeting", "meetings", "talks", "negotiations", "consultations", "summit", "session",
                       "visit", "meet", "negotiate"})


def _yet_to_come(token: object) -> bool:
    """A meeting still to be held, its date not given: "the second round of talks is to take
    place soon", "the ministers will meet" (the date of a report would be wrong for it)."""
    if token is None or token.lower_ not in _MEETINGS:  # type: ignore[attr-defined]
        return False
    noun = token
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in ROUNDS:  # type: ignore[attr-defined]
        noun = noun.head.head  # type: ignore[attr-defined]  # "the second round of talks"
    verb = noun.head if noun.dep_ in ("nsubj", "nsubjpass") else noun  # type: ignore[attr-defined]
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _WILL for c in verb.children):  # type: ignore[attr-defined]
        return True
    return verb.lemma_ == "be" and any(  # type: ignore[attr-defined]
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children)  # type: ignore[attr-defined]


def _purpose(token: object) -> bool:
    """Whether ``token`` is in a clause of purpose ("in order to reach a ceasefire") or the aim of
    an effort ("the efforts of Ukrainians abroad to recognize the Holodomor")."""
    for verb in (token, *token.ancestors):  # type: ignore[attr-defined]
        if verb.pos_ == "VERB" and verb.i >= 3 \
                and tuple(t.lower_ for t in verb.doc[verb.i - 3:verb.i]) in _PURPOSE:
            return True
        if verb.pos_ == "VERB" and verb.dep_ == "acl" and verb.head.lower_ in _AIMS \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return True
    return False


#: nouns whose "to" clause is an aim, not an act: "efforts to recognize", "attempts to seize"
_AIMS = frozenset({"effort", "efforts", "attempt", "attempts", "work", "steps", "measures", "plans", "plan",
                   "intention", "intentions", "desire", "readiness", "need", "necessity", "ability", "opportunity",
                   "chance", "possibility", "way", "ways", "right", "goal", "aim", "task", "idea", "proposal",
                   "initiative", "call", "calls", "appeal", "importance"})


def _orders_an_act(token: object) -> bool:
    """"The governor ordered patrols", "ordered an investigation": the act ordered is the event."""
    return token.lower_ in ("order", "orders", "ordered") and any(  # type: ignore[attr-defined]
        c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lower_ in trigger_forms()
        for c in token.children)  # type: ignore[attr-defined]


@cache
def _talking() -> frozenset[str]:
    """The forms of verbs of speech and judgement ("condemned", "blames")."""
    lemmas = ("say tell condemn denounce discuss describe blame report mention criticize criticise welcome "
              "praise cite accuse deny question comment recall attribute link investigate probe").split()
    return frozenset(form for lemma in lemmas for form in verb_forms(lemma)) | {"said", "told"}


def _talked_about(token: object) -> bool:
    """Whether a noun trigger is what a verb of speech or judgement is about ("condemned the
    bombings", "blamed Y for the attack"): that verb's subject is no doer of it."""
    head = token.head  # type: ignore[attr-defined]
    for _ in range(3):
        if head.pos_ in ("VERB", "AUX"):
            return head.lower_ in _talking()
        if head.head.i == head.i:
            return False
        head = head.head
    return False


def _object_of_same(token: object, trigger: Trigger) -> bool:
    """"signed agreements", "imposed sanctions": the verb's event; its object adds no other."""
    if token.dep_ == "conj" and token.head.dep_ in ("dobj", "nsubjpass"):  # type: ignore[attr-defined]
        token = token.head  # "signed trade and transport agreements"
    if token.dep_ not in ("dobj", "nsubjpass") or token.pos_ != "NOUN":  # type: ignore[attr-defined]
        return False
    head = trigger_forms().get(token.head.lower_)  # type: ignore[attr-defined]
    return head is not None and head.trigger.type == trigger.type


def _trigger(form: str, token: object) -> Trigger | None:
    """The event of a trigger form at ``token``: its entry where the part of speech fits, or a pair."""
    entry: Entry | None = trigger_forms().get(form)
    if entry is not None and token is not None and entry.pos is not None:
        wanted = ("VERB",) if entry.pos == "V" else ("NOUN", "PROPN")
        entry = entry if token.pos_ in wanted else None  # type: ignore[attr-defined]
    trigger = entry.trigger if entry is not None else None
    trigger = paired(token, trigger) if token is not None else trigger
    return None if trigger is not None and trigger.type == "NONE" else trigger  # "meets the needs"


def _dates_trigger(sent: object, time: Time, trigger: object) -> bool:
    """Whether the parse attaches ``time`` to a noun trigger itself, directly or by a preposition
    ("his talks with the President of X in Brussels on April 6"), however far apart they are. Not
    for verbs: a date after their object is often the object's ("congratulated him on his victory
    in the election on April 3")."""
    if trigger is None or trigger.pos_ not in ("NOUN", "PROPN"):  # type: ignore[attr-defined]
        return False
    if _attached(sent, time, trigger):
        return True
    verb = trigger.head  # type: ignore[attr-defined]  # "to hold the meeting ... in February": the verb's object
    return trigger.dep_ == "dobj" and verb.pos_ == "VERB" and _attached(sent, time, verb)  # type: ignore[attr-defined]


def _objects_date(sent: object, time: Time, trigger: object) -> bool:
    """A year that dates a verb's object, not the act: "to recognize the Holodomor of 1932-1933"."""
    if trigger is None or trigger.pos_ != "VERB" or not re.fullmatch(r"\d{4}", time.value or ""):  # type: ignore[attr-defined]
        return False
    word = _token_at(sent, time.span[0])
    objects = [c for c in trigger.children if c.dep_ == "dobj"]  # type: ignore[attr-defined]
    return word is not None and any(o in word.ancestors for o in objects)  # type: ignore[attr-defined]


def _attached(sent: object, time: Time, trigger: object) -> bool:
    """Whether the parse attaches ``time`` to ``trigger``, directly or by a preposition."""
    word = _token_at(sent, time.span[0])
    while word is not None and word.head.i != word.i and time.span[0] <= word.head.idx < time.span[1]:  # type: ignore[attr-defined]
        word = word.head  # type: ignore[attr-defined]  # up to the time's own head word (a root is its own head)
    if word is None:
        return False
    head = word.head  # type: ignore[attr-defined]
    return head == trigger or (head.dep_ == "prep" and head.head == trigger)


def _index(token: object) -> int:
    return token.i  # type: ignore[attr-defined]


def _phrase_head(token: object, end: int) -> object:
    """The head word of a trigger phrase: "conversation" of "phone conversation", not its modifier."""
    while token is not None and token.dep_ in ("compound", "amod") and token.head.idx < end \
            and token.head.idx > token.idx:  # type: ignore[attr-defined]
        token = token.head  # type: ignore[attr-defined]
    return token


def _token_at(sent: object, offset: int) -> object | None:
    for token in sent:  # type: ignore[attr-defined]
        if token.idx <= offset < token.idx + len(token.text):
            return token
    return None


def _is_capital(name: str) -> bool:
    place = lookup_place(name)
    return place is not None and place.kind == "capital"


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


_DISCUSSED = re.compile(r"\b(?:discuss(?:ed|es|ing|ion|ions)?|talks|agenda|focus(?:ed|ing)?|covered|"
                        r"exchanged\s+views|considered)\b", re.IGNORECASE)


# lower-case words, and capitalised ones only where a sentence starts: not "the Security Council"
# or "Minister of Transport" (names and titles), but "Agricultural cooperation is developing"
_COMMON_WORD = re.compile(r"(?<![\w-])[a-z][a-z-]+|(?:^|(?<=[.!?]\s))[^\w]*?\b([A-Z][a-z-]+)")


def _discussed(text: str, sents: Sequence[object]) -> tuple[str, ...]:
    """The topics of a readout's meeting where its first report names none: those of the
    sentences that say what was discussed ("The discussion covered ... trade and economic
    relations")."""
    spans = [(s.start_char, s.end_char) for s in sents]  # type: ignore[attr-defined]
    return _topics(" ".join(text[a:b] for a, b in spans if _DISCUSSED.search(text, a, b)))


def _leading_topics(text: str, most: int = 4) -> tuple[str, ...]:
    """The topics a whole readout dwells on, where no sentence says what was discussed: those
    named at least twice, the most named first (ties in text order)."""
    ranked = Counter(_topic_hits(text)).most_common()  # a stable sort: ties stay in order of first mention
    return tuple(t for t, n in ranked if n >= 2)[:most]


def _topics(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_topic_hits(text)))


def _topic_hits(text: str) -> list[str]:
    words = topic_words()
    found = (words.get((m.group(1) or m.group()).lower()) for m in _COMMON_WORD.finditer(text))
    return [t for t in found if t]


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
    found = [finder.events[k] for k in sorted(finder.events, key=finder.rank.__getitem__)]
    main = headline_event(ctx.article.title, ctx.article.date, finder.sides)
    if main is not None:
        by_id = {e.id: e for e in finder.entities}
        reports = [e for e in found if is_report_of(e, main, by_id)]
        if reports:  # the first report in the text is the main event's evidence
            main = replace(main, evidence=reports[0].evidence, topics=reports[0].topics)
        main = replace(main, place=host_place(ctx.article.text, finder.entities),
                       topics=main.topics or _discussed(ctx.article.text, ctx.sentences())
                       or _leading_topics(ctx.article.text))
        found = [main] + [e for e in found if e not in reports]
    return {"events": tuple(replace(e, id=f"V{i}") for i, e in enumerate(found, start=1))}
