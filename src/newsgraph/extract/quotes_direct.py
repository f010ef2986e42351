"""Direct quotes: words in quotation marks with an attribution on the same line.

- attribution after the closing mark: ``"...," he said.``, ``"..." said Ms. Moore``;
  where the opening mark is missing (as readouts often print) the quote starts at
  the paragraph; where it opens mid-sentence (``the plan was "a disaster," he said``)
  the quote is the whole sentence, as reported speech with a quoted part;
- attribution before the opening mark: ``X said: "..."``, ``X added, "..."``;
- a quote that goes on after its attribution in the same paragraph
  (``"...," she said. "..."``) is one quote, from its first mark to its last;
- a quote signed with a dash: ``"..." \u2015 Jane Doe``;
- a paragraph all in quotation marks right after a quote: its speaker goes on.

An attribution after a quote that ends its sentence must be short and must not
introduce the next quote (``"...." She adds, "..."``). A quoted title
(``"Meet the Press,"``) is not speech. Doubled apostrophes (``''``, as some
archives print quotation marks) count as marks. (``''``, as some archives print quotation marks) count as marks.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import cache

from ..kb.lexicon import cue_forms
from ..record import Quote
from .names import MentionIndex, SpanSet, overlaps
from .patterns import trie_alternation
from .quotes_verbs import verb_frames

Span = tuple[int, int]

_OPEN = "\"\u201c"
_CLOSE = "\"\u201d"
# an attribution's words: no quotation mark, no line break, no full stop but in "Mr." or "B."
_ATTR = r"(?:[A-Z][a-z]{0,3}\.|[^\"\u201c\u201d\n.])"


@cache
def _cues() -> str:
    """Cue words of direct quotes: ``kb/cues.csv`` and the verbs of saying and showing."""
    verbs = {form for form, frame in verb_frames().items() if frame.kind in ("say", "show")
             and form != frame.lemma and not form.endswith(("s", "ing"))}  # past forms: no nouns
    return "(?i:" + trie_alternation(set(cue_forms()) | verbs, fold=True) + ")"


@cache
def _after_close_re() -> re.Pattern[str]:
    return re.compile(
        rf"[,.!?\u2026]?[\"\u201d][^\S\n]*,?[^\S\n]*(?P<attr>{_ATTR}{{0,80}}?)\b(?P<cue>{_cues()})\b"
    )


@cache
def said_that_re() -> re.Pattern[str]:
    """A cue right before "that": "Oleksandr Kubrakov said that ..." (group ``cue``)."""
    return re.compile(rf"[^\S\n](?P<cue>{_cues()})[^\S\n]+(?=that\s)")


@cache
def _before_open_re() -> re.Pattern[str]:
    # a straight mark right after the comma and before a space closes a quote ("our states and peoples," Zelenskyy)
    return re.compile(rf"\b(?P<cue>{_cues()})\b[^\"\u201c\n.]{{0,30}}?[:,](?:\s*\u201c|\s+\"|\"(?=\S))")


_CLAUSE_END = re.compile(r"[,;:\n]|(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})\.")
_CLAUSE_OPENERS = frozenset({"that", "it", "he", "she", "they", "we", "i", "you", "there", "this"})
_CLAUSE_GAP = re.compile(rf"{_ATTR}*[.!?,:;][^\S\n]+")
_TITLE_WORD = re.compile(r"[A-Z0-9][\w'\u2019-]*|a|an|the|of|and|or|to|in|on|for|at|by|with")


def normalized(text: str) -> str:
    """``text`` with each doubled apostrophe read as one quotation mark and a space (same length)."""
    return text.replace("''", '" ')


def direct(text: str, starts: Sequence[int], index: MentionIndex, taken: SpanSet) -> list[Quote]:
    """Quotes with an attribution after the closing mark, then those introduced before the opening one."""
    text = normalized(text)
    quotes = []
    for match in _after_close_re().finditer(text):
        close = match.start() + (1 if text[match.start()] not in _CLOSE else 0)
        if _opens(text, close):
            continue  # '... for ABC News. "I have spoken ...': the mark opens the next quote
        quote = _closed(text, starts, index, match, close)
        if quote is not None and not overlaps(taken, quote.span):
            quotes.append(quote)
            taken.append(quote.span)
    return quotes + _introduced(text, index, taken) + _signed(text, index, taken)


_SIGNED = re.compile(r"[\"\u201d]\s*[\u2015\u2014\u2013][^\S\n]*(?=[A-Z])")


def _signed(text: str, index: MentionIndex, taken: SpanSet) -> list[Quote]:
    """A quote signed with a dash and a name: ``"..." \u2015 Jane Doe``."""
    quotes = []
    for match in _SIGNED.finditer(text):
        found = index.within(match.end(), match.end() + 60)
        start = _opening(text, match.start())
        if not found or found[0][0] != match.end() or start is None:
            continue
        span = strip(text, start, match.start())
        if span[1] - span[0] > 2 and not overlaps(taken, span):
            dash = match.group().strip(_OPEN + _CLOSE + " \t\n")
            quotes.append(Quote(speaker=found[0][1], span=span, cue=dash, direct=True))
            taken.append(span)
    return quotes


def _closed(text: str, starts: Sequence[int], index: MentionIndex, match: re.Match[str],
            close: int) -> Quote | None:
    start = _opening(text, close)
    if start is None or not _ends_attribution(text, match, close):
        return None
    span = strip(text, start, close)
    if not _looks_like_speech(text, span, close):
        return None
    if _mid_sentence(text, span[0]):
        span = strip(text, _sentence_start(starts, span[0]), span[1])
    end = _continued(text, match.end())
    speaker = _attributed(text, index, match)
    return Quote(speaker=speaker, span=(span[0], max(span[1], end)), cue=match.group("cue"), direct=True)


def _opens(text: str, mark: int) -> bool:
    """Whether a straight quotation mark opens a quote: after a space or at the start, and
    before a word (a closing one follows the words it closes)."""
    return text[mark] == '"' and (mark == 0 or text[mark - 1].isspace()) \
        and mark + 1 < len(text) and not text[mark + 1].isspace()


def _ends_attribution(text: str, match: re.Match[str], close: int) -> bool:
    """After a quote that ends its sentence (``...?"``) only a short attribution may follow
    (``"...?" she asked, but ...``), not a sentence of its own (``"...." Russia insisted that ...``)."""
    if text[close - 1] not in ".!?\u2026":
        return True
    end = _CLAUSE_END.search(text, match.end(), match.end() + 60)
    if end is None or any(c in _OPEN + _CLOSE for c in text[match.end():end.start()]):
        return False
    words = text[match.end():end.start()].split()
    introduces = text[end.start()] in ",:" and text[end.end():end.end() + 3].lstrip()[:1] in _OPEN
    return len(words) <= 8 and not (words and words[0].lower() in _CLAUSE_OPENERS) and not introduces


def _attributed(text: str, index: MentionIndex, match: re.Match[str]) -> str | None:
    """The speaker named before the cue (``," Ms. Moore said``), else right after it
    (``," said Donna Brazile, the ...``), up to the first comma or full stop."""
    if re.search(r"\w", match.group("attr")):
        return _speaker_near(index, *match.span("attr"))
    after = _CLAUSE_END.search(text, match.end("cue"), match.end("cue") + 80)
    return _speaker_near(index, match.end("cue"), after.start() if after else match.end("cue") + 80)


def _looks_like_speech(text: str, span: Span, close: int) -> bool:
    """A quoted name ("One Belt, One Road") is not speech: speech ends in punctuation or is long."""
    if span[1] - span[0] < 3 or _is_title(text[span[0]:close]):
        return False
    return text[close - 1] in ",.!?\u2026" or len(text[span[0]:span[1]].split()) >= 8


def _is_title(quoted: str) -> bool:
    """Capitalized words ("Fox News Sunday," "Make Your Kid a Millionaire") name a work, not speech."""
    words = quoted.strip(" ,.!?\u2026").split()
    return len(words) >= 2 and words[0][0].isupper() and all(_TITLE_WORD.fullmatch(w) for w in words)


def _mid_sentence(text: str, start: int) -> bool:
    """The quote opens after a word of its sentence (``was "a disaster"``), not at its start."""
    before = text[max(0, start - 3):start - 1]
    return start > 1 and text[start - 1] in _OPEN and bool(re.search(r"\w[^\S\n]$", before))


def _sentence_start(starts: Sequence[int], offset: int) -> int:
    i = bisect.bisect_right(starts, offset) - 1
    return starts[i] if i >= 0 else 0


def _continued(text: str, offset: int) -> int:
    """The end of the quotes that follow the attribution ending at ``offset`` in its paragraph:
    whole sentences in quotation marks, with nothing but the attribution's end between."""
    end = -1
    gap = _CLAUSE_GAP.match(text, offset)
    while gap is not None and gap.end() < len(text) and text[gap.end()] in _OPEN and _plain(gap.group()):
        close = _closing(text, gap.end() + 1)
        if close is None or text[close - 1] not in ".!?\u2026":
            break
        end = close
        gap = re.compile(r"[^\S\n]+").match(text, close + 1)
    return end


def _plain(gap: str) -> bool:
    """No other attribution in the words between two quotes (``, adding later, "``)."""
    return not any(word.lower() in verb_frames() for word in re.findall(r"[A-Za-z]+", gap))


#: a written message quoted after a colon: "The message reads, in part: "...""
_MESSAGE_INTRO = re.compile(
    r"\b(?P<cue>(?:message|letter|telegram|statement|greetings|condolences|address|note)\s+"
    r"(?:reads|read|says|said|states|stated))(?:,?\s+in\s+part)?\s*:\s*[\"\u201c]", re.IGNORECASE)
#: its sender: "Vladimir Putin sent a message of greetings to ..."
_SENT = re.compile(r"\b(?:sent|sends|addressed|addresses|conveyed|conveys|wrote|writes)\b[^.\n]{0,60}?"
                   r"\b(?:message|greetings|condolences|letter|telegram)\b", re.IGNORECASE)


def _messages(text: str, index: MentionIndex, taken: SpanSet) -> list[Quote]:
    """The quoted text of a written message, by its sender where the text names one before."""
    quotes = []
    for match in _MESSAGE_INTRO.finditer(text):
        start = match.end()
        close = _closing(text, start)
        if close is None or overlaps(taken, (start, close)):
            continue
        sent = [m for m in _SENT.finditer(text, 0, match.start())]
        speaker = _subject_before(text, index, sent[-1].start()) if sent else None
        quotes.append(Quote(speaker=speaker, span=(start, close), cue=match.group("cue").lower(), direct=True))
        taken.append((start, close))
    return quotes


def _subject_before(text: str, index: MentionIndex, offset: int) -> str | None:
    """The first name of the sentence before ``offset``: "Maria Lopez, the mayor of Springfield, sent"."""
    opening = max(text.rfind(".", 0, offset), text.rfind("\n", 0, offset)) + 1
    found = index.within(opening, offset)
    return found[0][1] if found else None


def _introduced(text: str, index: MentionIndex, taken: SpanSet) -> list[Quote]:
    quotes = _messages(text, index, taken)
    for match in _before_open_re().finditer(text):
        start = match.end()
        close = _closing(text, start)
        if close is None or overlaps(taken, (start, close)):
            continue
        named = index.within(match.end("cue"), match.end())  # "Said Ellis: "..."
        speaker = named[0][1] if named else _speaker_before(index, match.start())
        quotes.append(Quote(speaker=speaker, span=(start, close), cue=match.group("cue"), direct=True))
        taken.append((start, close))
    return quotes


def _opening(text: str, close: int) -> int | None:
    """Where the quote that closes at ``close`` opens: its mark, or its paragraph's start."""
    para = text.rfind("\n", 0, close) + 1
    for i in range(close - 1, para - 1, -1):
        straight = text[i] == '"' and (i == 0 or not text[i - 1].isalnum()) and not _ends_words(text, i)
        if text[i] == "\u201c" or straight:
            return i + 1
        if text[i] in _CLOSE and i < close - 1:
            # another quote closes in between (not ours to guess), unless the mark opens the paragraph
            return i + 1 if not text[para:i].strip() else None
    return para


def _ends_words(text: str, mark: int) -> bool:
    """A straight mark after a sentence's or clause's end and before a space closes a quote
    (``policy," Zelenskyy said``)."""
    return mark > 0 and text[mark - 1] in ",.!?;:\u2026" and (mark + 1 == len(text) or text[mark + 1].isspace())


def _closing(text: str, start: int) -> int | None:
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    for i in range(start, end):
        if text[i] in _CLOSE:
            return i
    return None


def strip(text: str, start: int, end: int) -> Span:
    """``(start, end)`` without white space, opening marks and asterisks at its edges."""
    while start < end and (text[start].isspace() or text[start] in _OPEN):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "*"):
        end -= 1
    return start, end


def _speaker_near(index: MentionIndex, start: int, end: int) -> str | None:
    found = index.within(start, end)
    return found[0][1] if found else None


def _speaker_before(index: MentionIndex, offset: int) -> str | None:
    found = index.before(offset, limit=120)
    return found[0][1] if found else None


_LABEL = re.compile(r"[A-Z][A-Z.' -]{1,40}:")  # a transcript's speaker: "WALLACE: ..."
_QUOTED_PARAGRAPH = re.compile(r"^[^\S\n]*[\"\u201c](?P<body>[^\n]*?)[\"\u201d]?[^\S\n]*$", re.M)


def continuing(text: str, quotes: Sequence[Quote], taken: SpanSet) -> list[Quote]:
    """A paragraph all in quotation marks, with no attribution of its own, that follows a
    quote: the same speaker goes on (``"..." she said.`` / ``"More words."``)."""
    text = normalized(text)
    known = sorted((q for q in quotes if q.speaker), key=lambda q: q.span)
    out = []
    for match in _QUOTED_PARAGRAPH.finditer(text):
        span = strip(text, match.start("body"), match.end("body"))
        before = [q for q in known if q.span[1] <= span[0]]
        if len(re.findall(r"\w+", text[span[0]:span[1]])) < 3 or overlaps(taken, span) or not before \
                or _LABEL.match(text, span[0]):
            continue
        last = before[-1]
        if _no_turn_between(text, last.span[1], span[0]):
            out.append(Quote(speaker=last.speaker, span=span, cue=last.cue, direct=True))
            taken.append(span)
            known = sorted([*known, out[-1]], key=lambda q: q.span)
    return out


def _no_turn_between(text: str, start: int, end: int) -> bool:
    """Only the end of the earlier quote's paragraph lies between the two."""
    lines = text[start:end].split("\n")
    return len(lines[0]) < 120 and not any(line.strip(" \t\"\u201c") for line in lines[1:])
