"""Quotes: who said what.

Three forms, in this order (an earlier form's span is not quoted again):
1. transcript turns: "President of Russia Vladimir Putin: Mr President, ..."
   up to the next speaker label;
2. direct quotes in quotation marks with an attribution after the closing mark
   (``..." he said``) or before the opening one (``X said: "...``); where the
   opening mark is missing (as readouts often print), the quote starts at the
   paragraph;
3. reported speech from the parse: "X emphasized that ...", "As X noted, ...".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ..kb.lexicon import cue_forms
from ..record import Entity, Quote
from .names import MentionIndex
from .registry import Context, register
from .roles import holder, title_labels

_OPEN = "\"\u201c"
_CLOSE = "\"\u201d"


@cache
def _after_close_re() -> re.Pattern[str]:
    cues = "|".join(sorted(cue_forms(), key=len, reverse=True))
    return re.compile(
        rf"[,.!?\u2026]?[\"\u201d]\s*,?\s*(?P<attr>[^\"\u201c\u201d\n.]{{0,80}}?)\b(?P<cue>{cues})\b"
    )


@cache
def _before_open_re() -> re.Pattern[str]:
    cues = "|".join(sorted(cue_forms(), key=len, reverse=True))
    return re.compile(rf"\b(?P<cue>{cues})\b[^\"\u201c\n.]{{0,30}}?[:,]\s*[\"\u201c]")


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
        starts = {r.span[1]: r.span[0] for r in entity.roles if r.span}
        for mention in entity.mentions:
            tail = _LABEL_TAIL.match(text, mention.span[1])
            if mention.kind != "name" or tail is None:
                continue
            label = starts.get(mention.span[1], mention.span[0])
            if label != mention.span[0] or _at_sentence_start(text, label):
                out[tail.end()] = (label, tail.end(), entity.id)
    for label, content, role in title_labels(text):
        person = holder(persons, role)
        if person is not None and content not in out:
            out[content] = (label, content, person.id)  # type: ignore[attr-defined]
    return sorted(out.values())


def _at_sentence_start(text: str, offset: int) -> bool:
    before = text[max(0, offset - 4):offset]
    return offset == 0 or before.endswith("\n") or bool(re.search(r"[.!?*\u2026\"\u201d)]\s+$", before))


def _transcript(text: str, entities: Sequence[Entity]) -> list[Quote]:
    labels = _labels(text, entities)
    quotes = []
    for i, (_label, start, speaker) in enumerate(labels):
        end = labels[i + 1][0] if i + 1 < len(labels) else len(text)
        span = _strip(text, start, end)
        if span[1] > span[0]:
            quotes.append(Quote(speaker=speaker, span=span, cue=":", direct=True))
    return quotes


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _OPEN):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "*"):
        end -= 1
    return start, end


def _direct(text: str, index: MentionIndex, taken: list[tuple[int, int]]) -> list[Quote]:
    quotes = []
    for match in _after_close_re().finditer(text):
        close = match.start() + (1 if text[match.start()] not in _CLOSE else 0)
        start = _opening(text, close)
        if start is None or _inside(taken, start, close):
            continue
        speaker = _speaker_near(index, match.start("attr"), match.end("cue") + 60)
        span = _strip(text, start, close)
        if _looks_like_speech(text, span, close):
            quotes.append(Quote(speaker=speaker, span=span, cue=match.group("cue"), direct=True))
            taken.append(span)
    return quotes + _introduced(text, index, taken)


def _looks_like_speech(text: str, span: tuple[int, int], close: int) -> bool:
    """A quoted name ("One Belt, One Road") is not speech: speech ends in punctuation or is long."""
    if span[1] - span[0] < 3:
        return False
    return text[close - 1] in ",.!?\u2026" or len(text[span[0]:span[1]].split()) >= 8


def _introduced(text: str, index: MentionIndex, taken: list[tuple[int, int]]) -> list[Quote]:
    quotes = []
    for match in _before_open_re().finditer(text):
        start = match.end()
        close = _closing(text, start)
        if close is None or _inside(taken, start, close):
            continue
        speaker = _speaker_before(index, match.start())
        quotes.append(Quote(speaker=speaker, span=(start, close), cue=match.group("cue"), direct=True))
        taken.append((start, close))
    return quotes


def _opening(text: str, close: int) -> int | None:
    """Where the quote that closes at ``close`` opens: its mark, or its paragraph's start."""
    para = text.rfind("\n", 0, close) + 1
    for i in range(close - 1, para - 1, -1):
        if text[i] == "\u201c" or (text[i] == '"' and (i == 0 or not text[i - 1].isalnum())):
            return i + 1
        if text[i] in _CLOSE and i < close - 1:
            return None  # another quote closes in between: not ours to guess
    return para


def _closing(text: str, start: int) -> int | None:
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    for i in range(start, end):
        if text[i] in _CLOSE:
            return i
    return None


def _inside(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in taken)


def _speaker_near(index: MentionIndex, start: int, end: int) -> str | None:
    found = index.within(start, end)
    return found[0][1] if found else None


def _speaker_before(index: MentionIndex, offset: int) -> str | None:
    found = index.before(offset, limit=120)
    return found[0][1] if found else None


_ACCORDING = re.compile(r"\b[Aa]ccording to (?P<source>[^,.;:]{2,80}?)(?=[,.;:])")


def _according(text: str, sents: Sequence[object], index: MentionIndex, taken: list[tuple[int, int]]) -> list[Quote]:
    """"According to the Foreign Ministry, ..." and "..., according to Zhang Xiao.": the rest of the sentence."""
    quotes = []
    for sent in sents:
        for match in _ACCORDING.finditer(text, sent.start_char, sent.end_char):
            found = index.within(*match.span("source"))
            if not found:
                continue
            if match.start() - sent.start_char < 3:
                span = _strip(text, match.end() + 1, sent.end_char)
            else:
                span = _strip(text, sent.start_char, match.start())
            span = (span[0], span[1] - 1) if text[span[1] - 1:span[1]] in ",." else span
            if span[1] - span[0] > 10 and not _inside(taken, *span):
                quotes.append(Quote(speaker=found[0][1], span=span, cue="according to", direct=False))
                taken.append(span)
    return quotes


def _reported(doc: object, index: MentionIndex, taken: list[tuple[int, int]]) -> list[Quote]:
    cues = cue_forms()
    quotes = []
    for token in doc:  # type: ignore[attr-defined]
        if token.text.lower() not in cues or token.pos_ == "NOUN":
            continue
        quote = _reported_one(token, index)
        if quote and not _inside(taken, *quote.span):
            quotes.append(quote)
            taken.append(quote.span)
    return quotes


def _reported_one(token: object, index: MentionIndex) -> Quote | None:
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)  # type: ignore[attr-defined]
    if subject is None:
        return None
    speaker = _subject_speaker(subject, index)
    if speaker is None:
        return None
    content = next((c for c in token.children if c.dep_ in ("ccomp", "xcomp")), None)  # type: ignore[attr-defined]
    if content is not None and content.dep_ == "ccomp":
        span = _subtree_span(content)
    elif token.dep_ == "advcl" and any(c.lower_ == "as" for c in token.children):  # type: ignore[attr-defined]
        span = _main_clause_after(token)
    else:
        return None
    if span is None or span[1] - span[0] < 10:
        return None
    return Quote(speaker=speaker, span=span, cue=token.text, direct=False)  # type: ignore[attr-defined]


def _subject_speaker(subject: object, index: MentionIndex) -> str | None:
    """Who the subject of a speech verb names: "Zhang Xiao", "he", "a spokesman for the Kremlin"."""
    speaker = index.at(subject.idx, subject.idx + len(subject.text))  # type: ignore[attr-defined]
    if speaker is not None:
        return speaker
    left = subject.left_edge.idx  # type: ignore[attr-defined]
    right = subject.right_edge.idx + len(subject.right_edge.text)  # type: ignore[attr-defined]
    found = index.within(left, right)
    return found[0][1] if found else None


def _subtree_span(token: object) -> tuple[int, int]:
    words = [t for t in token.subtree if not t.is_punct or t.text in "%$"]  # type: ignore[attr-defined]
    words = [t for t in words if t.lower_ != "that" or t.i != words[0].i] or words
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _main_clause_after(cue: object) -> tuple[int, int] | None:
    sent = cue.sent  # type: ignore[attr-defined]
    last = max(t.i for t in cue.subtree)  # type: ignore[attr-defined]
    rest = [t for t in sent if t.i > last and not t.is_punct]
    if not rest:
        return None
    return rest[0].idx, rest[-1].idx + len(rest[-1].text)


@register("quotes", requires=("doc", "entities"), provides=("quotes",), components=("parser", "attribute_ruler"))
def extract_quotes(ctx: Context) -> dict[str, object]:
    text = ctx.article.text
    entities = ctx["entities"]
    index = MentionIndex.build(entities)
    quotes = _transcript(text, entities)
    taken = [q.span for q in quotes]
    quotes += _direct(text, index, taken)
    quotes += _reported(ctx.doc, index, taken)
    quotes += _according(text, ctx.sentences(), index, taken)
    return {"quotes": tuple(sorted(quotes, key=lambda q: q.span))}


class Voices:
    """Who speaks at an offset, and to whom: "I" is the speaker, "you" the one addressed.

    The addressee is known in transcripts: the speaker of the turn before (or after)
    that is not the speaker.
    """

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.quotes = sorted(quotes, key=lambda q: q.span)
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
