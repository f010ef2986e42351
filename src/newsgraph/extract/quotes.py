"""Quotes: who said, thought, wanted or judged what (the attributions of PolNeAR).

Five forms, in this order (an earlier form's span is not quoted again):
1. transcript turns: "President of Russia Vladimir Putin: Mr President, ..."
   up to the next speaker label (a lone label, as in a headline, to its line's end);
2. direct quotes in quotation marks (``quotes_direct``): an attribution after the
   closing mark (``..." he said``), before the opening one (``X said: "...``) or a
   signature (``"..." - Jane Doe``);
3. "according to X" with the rest of its sentence;
4. reported speech, beliefs and stances from the parse (``quotes_reported``):
   "X emphasized that ...", "..., X said", "X vowed to ...", "X criticized ...",
   "X's claim that ...", "As X noted, ...";
5. a paragraph all in quotation marks that follows a quote: the same speaker going on.

Spans follow PolNeAR's content: the words attributed, with "that", without the
source and the cue (direct quotes keep their closing punctuation; one quote
interrupted by its attribution is one span).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..record import Entity, Quote
from .coref_nominal import head_noun_mentions
from .names import MentionIndex, SpanSet, overlaps, speaker_labels
from .quotes_direct import continuing, direct, said_that_re, strip
from .quotes_reported import reported
from .registry import Context, register
from .roles import echoes, holder, label_start, title_at, title_labels

_LABEL_TAIL = re.compile(r"\s*(?:\([\w\s.-]{1,30}\))?:\s")


def _labels(text: str, entities: Sequence[Entity]) -> list[tuple[int, int, str]]:
    """Speaker labels ``(label start, content start, entity id)`` of a transcript.

    A label is a person's name followed by a colon ("Vladimir Putin: ", "Kyriakos Mitsotakis
    (retranslated): "), at a sentence start or after a title ("President of Russia Vladimir
    Putin: "), or an office alone whose holder the text names ("President of Mongolia: ").
    """
    persons = [e for e in entities if e.type == "PERSON"]
    out = {}
    for entity in persons:
        for mention in entity.mentions:
            tail = _LABEL_TAIL.match(text, mention.span[1])
            if mention.kind != "name" or tail is None:
                continue
            label = label_start(text, mention.span[0])
            opening = text[label - 1:label] in ('"', "\u201c")  # a turn opened by a quotation mark
            if _at_sentence_start(text, label - opening) or (label != mention.span[0] and _after_label(text, label)):
                out[tail.end()] = (label - opening, tail.end(), entity.id)
    named = _label_names(text, persons)
    for match in speaker_labels(text):  # a label the NER did not tag: "Ao Li: Good afternoon"
        person = named.get(match.group("name"))
        if person is not None and match.end() not in out:
            out[match.end()] = (match.start("name"), match.end(), person)
    for echo in echoes(text):  # "Daniil Yegorov Yegorov DaniilHead of the Federal Taxation Service: "
        person = next((e for e in persons if any(m.span == echo.echo for m in e.mentions)), None)
        if person is not None and echo.content is not None:
            out[echo.content] = (label_start(text, echo.name[0]), echo.content, person.id)
    for label, content, role in title_labels(text):
        person = holder(persons, role)
        if person is not None and content not in out:
            out[content] = (label, content, person.id)  # type: ignore[attr-defined]
    return sorted(out.values())


def _label_names(text: str, persons: Sequence[Entity]) -> dict[str, str]:
    """The full names (two words or more) the text gives its persons -> the person's id; a name
    two persons share is left out."""
    named: dict[str, str | None] = {}
    for entity in persons:
        for mention in entity.mentions:
            name = text[mention.span[0]:mention.span[1]]
            if mention.kind == "name" and " " in name:
                named[name] = entity.id if named.get(name, entity.id) == entity.id else None
    return {name: id_ for name, id_ in named.items() if id_ is not None}


def _after_label(text: str, offset: int) -> bool:
    """Whether a titled label at ``offset`` follows more of a label ("President of Russia
    President Vladimir Putin: "), not running words ('messages to Russia and President Putin: we').
    """
    before = text[max(0, offset - 40):offset].split()
    return bool(before) and before[-1][:1].isupper()


def _at_sentence_start(text: str, offset: int) -> bool:
    before = text[max(0, offset - 4):offset]
    return offset == 0 or before.endswith("\n") or bool(re.search(r"[.!?*\u2026\"\u201d)]\s+$", before))


def _turn_end(text: str, labels: list[tuple[int, int, str]], i: int) -> int:
    """A turn runs up to the next label; a lone label (a headline's "X: ...") to its line's end."""
    if i + 1 < len(labels):
        return labels[i + 1][0]
    if len(labels) == 1:
        end = text.find("\n", labels[i][1])
        return len(text) if end < 0 else end
    return len(text)


def _transcript(text: str, entities: Sequence[Entity]) -> list[Quote]:
    labels = _labels(text, entities)
    quotes = []
    for i, (_label, start, speaker) in enumerate(labels):
        span = strip(text, start, _turn_end(text, labels, i))
        if span[1] > span[0]:
            quotes.append(Quote(speaker=speaker, span=span, cue=":", direct=True))
    return quotes


#: a headline naming the speaker of the whole text: "... - address by President Volodymyr Zelenskyy",
#: "Speech by President of Ukraine Volodymyr Zelenskyy in the Sejm"
_ADDRESS = re.compile(r"(?:^|\s[-\u2013\u2014]\s*)(?:an?\s+|the\s+)?(?:video\s+)?(?P<cue>address|speech|statement|remarks|article)"
                      r"\s+(?:by|of)\s+(?P<who>[^\n]{3,160}?)\s*$", re.IGNORECASE)


def _address(text: str, title: str | None, entities: Sequence[Entity]) -> list[Quote]:
    """A text whose headline says it is someone's address or speech is that person's words, as
    one direct quote: the headline is the title, or the text's first line."""
    first = text.split("\n", 1)[0]
    match = _ADDRESS.search(title or "") or _ADDRESS.search(first)
    if match is None:
        return []
    who = match.group("who")
    persons = [e for e in entities if e.type == "PERSON"
               and (e.name in who or (" " in e.name and re.search(rf"\b{re.escape(e.name.split()[-1])}\b", who)))]
    if len(persons) != 1:
        return []
    body = 0 if match.string is title else len(first)
    span = strip(text, body, len(text))
    return [Quote(speaker=persons[0].id, span=span, cue=match.group("cue").lower(), direct=True)] \
        if span[1] > span[0] else []


#: a connective before a sentence's "according to X, ...": "In addition, ", "At the same time, "
_OPENER = re.compile(
    r"\s*[\"\u201c]?(?i:in\s+addition|at\s+the\s+same\s+time|however|moreover|also|meanwhile|furthermore|"
    r"in\s+particular|first(?:\s+of\s+all)?|firstly|secondly|thirdly|finally|as\s+a\s+result|therefore|thus|"
    r"besides|in\s+turn|nevertheless|nonetheless|in\s+(?:this|that)\s+(?:regard|context|connection)|"
    r"consequently|accordingly|at\s+present|currently|now|so|and|but|in\s+general|in\s+short|above\s+all|"
    r"(?:that|this|which)\s+is\s+why|[^,.;:]{0,80}\bthat),\s+")  # "X reminded that, according to Y, ..."
_ACCORDING = re.compile(r"\b[Aa]ccording to (?!(?:which|whom|what|it|this|that|these|those)\b)"
                        r"(?P<source>[^,.;:]{2,80}?)(?=[,.;:])")  # not "a decision, according to which ..."


def _according(text: str, sents: Sequence[object], index: MentionIndex, taken: SpanSet) -> list[Quote]:
    """"According to the Foreign Ministry, ..." and "..., according to Zhang Xiao.": the rest of the
    sentence, by the entity the source names (none for "according to officials")."""
    quotes = []
    for sent in sents:
        for match in _ACCORDING.finditer(text, sent.start_char, sent.end_char):
            found = index.within(*match.span("source"))
            if match.start() - sent.start_char < 3 or _OPENER.fullmatch(text, sent.start_char, match.start()):
                span = strip(text, match.end() + 1, sent.end_char)  # "(In addition,) according to X, ..."
            elif text[match.end():match.end() + 1] == "," and len(text[match.end():sent.end_char].strip()) > 12 \
                    and text[match.start() - 2:match.start()] == ", ":
                span = strip(text, sent.start_char, sent.end_char)  # "The second problem, according to him, is ..."
            else:
                span = strip(text, sent.start_char, match.start())
            span = (span[0], span[1] - 1) if text[span[1] - 1:span[1]] in ",." else span
            if span[1] - span[0] > 10 and not overlaps(taken, span):
                speaker = _source(text, match, found)
                quotes.append(Quote(speaker=speaker, span=span, cue="according to", direct=False))
                taken.append(span)
    return quotes


def _source(text: str, match: re.Match[str], found: list[tuple[int, str, str]]) -> str | None:
    """Who "according to" names: the mention that opens the source ("the President of Ukraine"
    as a title of its holder), else after a title the holder named last ("Prime Minister of
    Ukraine Denys Shmyhal"), else the first named ("a spokesman for the Kremlin")."""
    if not found:
        return None
    start = match.start("source")
    opening = [eid for offset, eid, _kind in found if offset == start]
    if opening and re.match(r"(?:the\s+)?[\w-]+(?:\s+[A-Z][\w-]*)*['\u2019]s\s", match.group("source")):
        return None  # "according to the President's adviser": the possessor is no source
    if opening:
        return opening[0]
    titled = title_at(text, start + (4 if match.group("source").startswith("the ") else 0))
    return (found[-1] if titled else found[0])[1]


def _said_that(text: str, sents: Sequence[object], index: MentionIndex, taken: SpanSet) -> list[Quote]:
    """"Minister Oleksandr Kubrakov said that ...", where the parse missed the clause (it took
    "that" for the object): the rest of the sentence, by the entity named right before the cue."""
    quotes = []
    for sent in sents:
        for match in said_that_re().finditer(text, sent.start_char, sent.end_char):
            speaker = index.ending_at(match.start())
            span = strip(text, match.end(), sent.end_char)
            if speaker is not None and span[1] - span[0] > 10 and not overlaps(taken, span):
                quotes.append(Quote(speaker=speaker, span=span, cue=match.group("cue").lower(), direct=False))
                taken.append(span)
    return quotes


@register("quotes", requires=("doc", "entities"), provides=("quotes",), components=("parser", "attribute_ruler"))
def extract_quotes(ctx: Context) -> dict[str, object]:
    text = ctx.article.text
    entities = ctx["entities"]
    orgs = {e.id for e in entities if e.type == "ORG"}  # "the company said", "the bank added"
    index = MentionIndex.build(entities, {k: v for k, v in head_noun_mentions(text, entities).items() if k in orgs})
    quotes = _address(text, ctx.article.title, entities) or _transcript(text, entities)
    taken = SpanSet(q.span for q in quotes)  # grows with each quote: a long text has hundreds
    quotes += direct(text, [s.start_char for s in ctx.sentences()], index, taken)
    quotes += _according(text, ctx.sentences(), index, taken)
    quotes += reported(ctx.doc, index, taken, text=ctx.article.text)
    quotes += _said_that(text, ctx.sentences(), index, taken)
    quotes += continuing(text, quotes, taken)
    return {"quotes": tuple(sorted(quotes, key=lambda q: q.span))}


class Voices:
    """Who speaks at an offset, and to whom: "I" is the speaker, "you" the one addressed.

    Only direct quotes count: in reported speech ("she said I was wrong") "I" is the writer.
    The addressee is known in transcripts: the speaker of the turn before (or after)
    that is not the speaker.
    """

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.quotes = sorted((q for q in quotes if q.direct), key=lambda q: q.span)
        turns = [q for q in self.quotes if q.cue == ":" and q.speaker]
        self.addressee: dict[tuple[int, int], str | None] = {}
        for i, turn in enumerate(turns):
            others = [t.speaker for t in (*turns[i - 1:i][::-1], *turns[i + 1:i + 2]) if t.speaker != turn.speaker]
            self.addressee[turn.span] = others[0] if others else None

    def at(self, offset: int) -> tuple[str | None, str | None]:
        """``(speaker, addressee)`` of the quote holding ``offset``; ``(None, None)`` outside quotes."""
        for quote in self.quotes:
            if quote.span[0] <= offset < quote.span[1]:
                return quote.speaker, self.addressee.get(quote.span)
            if quote.span[0] > offset:
                break
        return None, None
