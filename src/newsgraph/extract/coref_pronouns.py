"""Third-person pronouns ("he", "her") resolved to the persons they refer to.

A simplified salience model (after Lappin and Leass): each person named, titled or
already referred to in the last few sentences is weighed by its best mention there —
recent sentences count more, a subject more than an object, ties go to the nearer —
and a pronoun goes to the most salient person it agrees with in gender. Rules:

- gender comes from an honorific ("Mrs"), a gendered title ("Chairwoman", "Queen"),
  a given name or a Slavic surname ending ("-ova") (``kb/gender.csv``); a person of
  unknown gender takes that of the pronouns that clearly refer to them, else agrees
  with either;
- an object pronoun is not its verb's subject ("Putin thanked him");
- a pronoun in a clause put before its main clause refers to that clause's subject,
  named after it ("While he praised the deal, Chen said ...");
- in a direct quote "he" and "she" are not the speaker (:func:`not_the_speaker`);
- failing any candidate in reach, the last agreeing person named; else none.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any

from ..kb.lexicon import read_rows
from ..nlp.sentences import sentences
from ..record import Entity, Mention, Quote

if TYPE_CHECKING:
    from .entities import _Cluster

_PRONOUN = re.compile(r"\b(?:he|she|him|his|her|hers|himself|herself)\b", re.IGNORECASE)
_FEMININE = frozenset({"she", "her", "hers", "herself"})
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019]?\s+(?=[\"'\u201c\u2018]?[A-Z])|\n+")
_HONORIFIC_BEFORE = re.compile(r"(?P<word>[A-Z][a-z]+\.?)\s+$")
_SUBJECT = frozenset({"nsubj", "nsubjpass"})
_OBJECT = frozenset({"dobj", "pobj", "dative", "iobj"})
_KIN = {  # an unnamed relative said after the named persons: "my father ... he visited" is the father
    "m": re.compile(r"\b(?:my|his|her|your|our|their)\s+(?:late\s+)?(?:father|brother|son|husband|uncle|grandfather|"
                    r"nephew|grandson)\b", re.IGNORECASE),
    "f": re.compile(r"\b(?:my|his|her|your|our|their)\s+(?:late\s+)?(?:mother|sister|daughter|wife|aunt|grandmother|"
                    r"niece|granddaughter)\b", re.IGNORECASE),
}
#: the subject of a reported clause, in a sentence before the pronoun's, counts less than who
#: reported it: "X noted that Y is working. He said ...": X
_REPORTED_SUBJECT = 70
_AND_BEFORE = re.compile(r"\s+and\s+$")
_NOUN_AFTER = re.compile(r"\s+[a-z]")
_REACH = 3  # sentences back (or _CHARS characters, whichever reaches further)
_CHARS = 800
_FALLBACK = 2000


@cache
def _gender_words() -> dict[str, dict[str, str]]:
    """kind ("honorific", "title", "given", "surname_suffix") -> lower-cased form -> "m" or "f"."""
    out: dict[str, dict[str, str]] = {}
    for row in read_rows("gender.csv"):
        out.setdefault(row["kind"].strip(), {})[row["form"].strip().lower()] = row["gender"].strip()
    return out


def person_gender(text: str, cluster: _Cluster | Entity) -> str | None:
    """"m", "f" or None, from the text's honorifics, the person's titles and name."""
    words = _gender_words()
    mentions = cluster.mentions
    items = mentions.items() if isinstance(mentions, dict) else ((m.span, m.kind) for m in mentions)
    for (start, _end), kind in items:
        before = _HONORIFIC_BEFORE.search(text, max(0, start - 12), start)
        if kind == "name" and before and before.group("word").lower() in words.get("honorific", {}):
            return words["honorific"][before.group("word").lower()]
    for role in cluster.roles:
        found = words.get("title", {}).get(role.title.lower())
        if found:
            return found
    return _name_gender(cluster.name, words)


def _name_gender(name: str, words: dict[str, dict[str, str]]) -> str | None:
    parts = name.split()
    if not parts:
        return None
    given = words.get("given", {}).get(parts[0].lower())
    if given or len(parts) < 2 or len(parts[-1]) < 5:
        return given
    last = parts[-1].lower()
    for suffix in sorted(words.get("surname_suffix", {}), key=len, reverse=True):
        if last.endswith(suffix):
            return words["surname_suffix"][suffix]
    return None


class _Sentences:
    """Sentence index of an offset, from the parse where there is one, else from punctuation."""

    def __init__(self, text: str, doc: Any) -> None:
        paragraphs = {m.end() for m in re.finditer(r"\n\s*", text)}
        if doc is not None and _parsed(doc):
            starts = {s.start_char for s in sentences(doc)}  # not doc.sents: it walks every token
        else:
            starts = {m.end() for m in _SENTENCE_END.finditer(text)}
        self.starts = sorted(starts | paragraphs | {0})

    def of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1


def _parsed(doc: Any) -> bool:
    try:
        return bool(doc.has_annotation("DEP"))
    except (AttributeError, ValueError):
        return False


class _Grammar:
    """The grammatical role of a span: subject, object or other (unknown without a parse)."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc if doc is not None and _parsed(doc) else None
        self._weights: dict[tuple[int, int], int] = {}

    def root(self, start: int, end: int) -> Any:
        if self.doc is None:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def weight(self, start: int, end: int) -> int:
        if (start, end) not in self._weights:
            self._weights[(start, end)] = self._weight(start, end)
        return self._weights[(start, end)]

    def _weight(self, start: int, end: int) -> int:
        root = self.root(start, end)
        while root is not None and root.head.i != root.i and (
                root.dep_ in ("compound", "appos", "flat") or _title_of(root)):
            root = root.head if root.dep_ != "pobj" else root.head.head
        if root is None:
            return 0
        if root.dep_ in _SUBJECT:
            return _REPORTED_SUBJECT if root.head.dep_ == "ccomp" else 80
        return 50 if root.dep_ in _OBJECT else 0

    def coargument_subject(self, start: int, end: int) -> tuple[int, int] | None:
        """For an object pronoun ("him" in "Putin thanked him"), the span of its verb's subject."""
        root = self.root(start, end)
        if root is None or root.dep_ not in ("dobj", "dative", "iobj"):
            return None
        for child in root.head.children:
            if child.dep_ in _SUBJECT:
                return child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
        return None


def _title_of(token: Any) -> bool:
    """A name parsed as the object of its title's "of" ("President of Ukraine Volodymyr
    Zelenskyy"): the title, capitalized, before it; not "the initiative of President Duda"."""
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ == "of" and prep.head.i < prep.i and prep.head.text[:1].isupper()


def resolve_pronouns(text: str, doc: Any, persons: Sequence[_Cluster]) -> None:
    """Add each resolvable pronoun to its person's mentions (kind "pronoun").

    Persons of unknown gender first take the gender of the pronouns that clearly
    refer to them (the only or far the most salient candidate, gender aside).
    """
    if not persons:
        return
    resolver = _Resolver(text, doc, persons)
    resolver.learn_genders()
    for start, end, gender in resolver.pronouns:
        best = resolver.resolve(start, end, gender)
        if best is not None:
            persons[best].mentions.setdefault((start, end), "pronoun")
            bisect.insort(resolver.anchors, (start, end, best))


class _Resolver:
    def __init__(self, text: str, doc: Any, persons: Sequence[_Cluster]) -> None:
        self.text = text
        self.sentences, self.grammar = _Sentences(text, doc), _Grammar(doc)
        self.genders = [person_gender(text, c) for c in persons]
        taken = [span for c in persons for span in c.mentions]
        self.anchors = sorted(
            (s, e, i) for i, c in enumerate(persons)
            for (s, e), k in c.mentions.items() if k in ("name", "title")
        )
        self.pronouns = [
            (m.start(), m.end(), "f" if m.group().lower() in _FEMININE else "m")
            for m in _PRONOUN.finditer(text) if not any(s < m.end() and m.start() < e for s, e in taken)
        ]
        self.quoted = _quoted_segments(text)

    def agreeing(self, gender: str | None) -> set[int]:
        return {i for i, g in enumerate(self.genders) if gender is None or g in (None, gender)}

    def resolve(self, start: int, end: int, gender: str) -> int | None:
        agreeing = self.agreeing(gender)
        best = _cataphor(start, end, self.anchors, agreeing, self.grammar)
        if best is None:
            best = self._coordinated(start, end, agreeing)
        if best is not None:
            return best
        scores, latest = self.scores(start, end, agreeing, narrative=not _in_segment(self.quoted, start))
        if not scores:
            scores, latest = self.scores(start, end, agreeing)
        if not scores:
            best = _fallback(start, self.anchors, agreeing)
            return best if best is None or not self._kin_since(best, start, gender) else None
        best = max(scores, key=lambda i: (scores[i], latest[i]))
        return None if self._kin_since(best, start, gender) else best

    def _coordinated(self, start: int, end: int, agreeing: set[int]) -> int | None:
        """"Justin Trudeau and his wife": a possessive after "and" is the person just before it."""
        if self.text[start:end].lower() not in ("his", "her") or not _NOUN_AFTER.match(self.text, end) \
                or not _AND_BEFORE.search(self.text, max(0, start - 6), start):
            return None  # "Putin and he discussed": two persons
        before = self.anchors[:bisect.bisect_left(self.anchors, (start, -1, -1))]
        last = before[-1] if before else None
        if last is not None and last[2] in agreeing and _AND_BEFORE.fullmatch(self.text, last[1], start):
            return last[2]
        return None

    def _kin_since(self, person: int, start: int, gender: str) -> bool:
        """A relative of the pronoun's gender ("my father") named after ``person``'s last mention
        and at most a sentence before the pronoun: the pronoun is the relative's."""
        if not _KIN[gender].search(self.text, max(0, start - _CHARS), start):
            return False  # the usual case: no relative named nearby
        last = max((e for _s, e, i in self.anchors[:bisect.bisect_left(self.anchors, (start, -1, -1))] if i == person),
                   default=0)
        here = self.sentences.of(start)
        return any(self.sentences.of(m.start()) >= here - 1 for m in _KIN[gender].finditer(self.text, last, start))

    def learn_genders(self) -> None:
        votes: dict[int, set[str]] = {}
        for start, end, gender in self.pronouns:
            scores, _latest = self.scores(start, end, self.agreeing(None))
            ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
            if ranked and (len(ranked) == 1 or ranked[0][1] >= 1.5 * ranked[1][1]):
                votes.setdefault(ranked[0][0], set()).add(gender)
        for i, found in votes.items():
            if self.genders[i] is None and len(found) == 1:
                self.genders[i] = found.pop()

    def scores(self, start: int, end: int, agreeing: set[int],
               narrative: bool = False) -> tuple[dict[int, float], dict[int, int]]:
        """Salience of each candidate: its best recent mention (the caller breaks ties by recency).
        With ``narrative``, for a pronoun in the writer's words, persons named only in someone's
        quoted words do not count: in '"... messages to President Putin," he said' "he" is the
        speaker, not Putin."""
        here = self.sentences.of(start)
        agreeing = agreeing - _blocked(self.grammar.coargument_subject(start, end), self.anchors)
        best: dict[int, float] = {}
        latest: dict[int, int] = {}
        for s, e, i in reversed(self.anchors[:bisect.bisect_left(self.anchors, (start, -1, -1))]):
            distance = here - self.sentences.of(s)
            if distance > _REACH and start - s > _CHARS:
                break
            if e > start or i not in agreeing or (narrative and _in_segment(self.quoted, s)):
                continue
            weight = self.grammar.weight(s, e)
            weight = 80 if weight == _REPORTED_SUBJECT and distance == 0 else weight
            best[i] = max(best.get(i, 0.0), (100 + weight) / 2 ** min(distance, 5))
            latest.setdefault(i, s)
        return best, latest


def _cataphor(start: int, end: int, anchors: list[tuple[int, int, int]], agreeing: set[int],
              grammar: _Grammar) -> int | None:
    """"While he acknowledged ..., Ham noted": a pronoun in a clause put before its main clause
    refers to the main clause's subject, named after it; so does a possessive in a phrase put
    before it ("For his part, Prime Minister Denys Shmyhal said")."""
    token = grammar.root(start, end)
    fronted = ("advcl", "prep") if token is not None and token.dep_ == "poss" else ("advcl",)
    while token is not None and token.dep_ not in fronted and token.head.i != token.i:
        token = token.head
    if token is None or token.dep_ not in fronted or token.head.idx < token.idx \
            or (token.dep_ == "prep" and token.left_edge.i != token.sent.start):
        return None  # "X said that during his visit, Y agreed": after X, not fronted
    subject = next((c for c in token.head.children if c.dep_ in _SUBJECT and c.idx > end), None)
    if subject is None:
        return None
    lo, hi = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
    found = [i for _s, e, i in _within(anchors, lo, hi) if e <= hi and i in agreeing]
    return found[0] if found else None


def _within(anchors: list[tuple[int, int, int]], lo: int, hi: int) -> list[tuple[int, int, int]]:
    """The anchors that start in ``[lo, hi)``."""
    return anchors[bisect.bisect_left(anchors, (lo, -1, -1)):bisect.bisect_left(anchors, (hi, -1, -1))]


def _blocked(span: tuple[int, int] | None, anchors: list[tuple[int, int, int]]) -> set[int]:
    """The persons named in ``span`` (the subject a pronoun cannot be)."""
    if span is None:
        return set()
    return {i for _s, e, i in _within(anchors, *span) if e <= span[1]}


def _fallback(start: int, anchors: list[tuple[int, int, int]], agreeing: set[int]) -> int | None:
    """Failing any in reach, the last agreeing person named within ``_FALLBACK`` characters."""
    for s, e, i in reversed(anchors[:bisect.bisect_left(anchors, (start, -1, -1))]):
        if start - s > _FALLBACK:
            return None
        if i in agreeing and e <= start:
            return i
    return None


def not_the_speaker(text: str, entities: Sequence[Entity], quotes: Sequence[Quote]) -> tuple[Entity, ...]:
    """In a direct quote "he" and "she" are not the speaker (who says "I"): such a pronoun
    goes to the other person of its gender named last before it, or to no one."""
    by_id = {e.id: e for e in entities}
    persons = [e for e in entities if e.type == "PERSON"]
    genders = {e.id: person_gender(text, e) for e in persons}
    quoted = _quoted_segments(text)
    moved: dict[tuple[int, int], str | None] = {}
    for quote in quotes:
        speaker = by_id.get(quote.speaker or "")
        if not quote.direct or speaker is None:
            continue
        for mention in speaker.mentions:
            start, end = mention.span
            if mention.kind == "pronoun" and _said_in(quote, quoted, start) and _PRONOUN.fullmatch(text, start, end):
                gender = "f" if text[start:end].lower() in _FEMININE else "m"
                others = [p for p in persons if p.id != speaker.id and genders[p.id] == gender]
                moved[mention.span] = _named_last(others, start)
    if not moved:
        return tuple(entities)
    return tuple(_moved(e, moved) for e in entities)


_SEGMENT = re.compile(r"\u201c[^\u201c\u201d]*\u201d|\"[^\"\n]*\"|''(?:[^'\n]|'(?!'))*''")


def _quoted_segments(text: str) -> list[tuple[int, int]]:
    """The spans between quotation marks: "...", \u201c...\u201d, ''...''."""
    return [m.span() for m in _SEGMENT.finditer(text)]


def _in_segment(quoted: list[tuple[int, int]], offset: int) -> bool:
    i = bisect.bisect_right(quoted, (offset, 1 << 60)) - 1
    return i >= 0 and quoted[i][0] < offset < quoted[i][1]


def _said_in(quote: Quote, quoted: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` is in the quote's own words: not in '"...," she said, "..."' between them."""
    start, end = quote.span
    if not start <= offset < end:
        return False
    if quote.cue == ":":
        return True  # a transcript turn: all the speaker's words
    return _in_segment(quoted, offset)


def _named_last(persons: Sequence[Entity], offset: int) -> str | None:
    best: tuple[int, str] | None = None
    for person in persons:
        starts = [m.span[0] for m in person.mentions if m.kind in ("name", "title") and m.span[0] < offset]
        if starts and offset - max(starts) <= _FALLBACK and (best is None or max(starts) > best[0]):
            best = (max(starts), person.id)
    return best[1] if best else None


def _moved(entity: Entity, moved: dict[tuple[int, int], str | None]) -> Entity:
    kept = [m for m in entity.mentions if m.span not in moved or m.kind != "pronoun"]
    kept += [Mention(span=span, kind="pronoun") for span, owner in moved.items() if owner == entity.id]
    if len(kept) == len(entity.mentions) and all(m.span not in moved for m in entity.mentions):
        return entity
    return replace(entity, mentions=tuple(sorted(kept, key=lambda m: m.span)))
