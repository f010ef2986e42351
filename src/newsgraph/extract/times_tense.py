"""The tense around a time expression: does "Friday", "March" or "the fourth quarter" lie
before or after the document date? The nearest tense cue in the same sentence decides
("said Friday" -> past, "will meet Friday" -> future, "was shot on Friday night" -> past)."""

from __future__ import annotations

import re
from functools import cache

from newsgraph.extract.times_lexicon import lexicon

_WINDOW = 120
_SENTENCE_END = re.compile(r"[.!?;:]\s|\n")
_FUTURE = (r"will|'ll|’ll|shall|won't|wo\s+n't|going\s+to|plans?\s+to|planning\s+to|planned|scheduled|set\s+to|"
           r"due|expected|expects?|is\s+to|are\s+to|as\s+soon\s+as|as\s+early\s+as|no\s+later\s+than|would|"
           r"next|upcoming|tomorrow|intends?\s+to|hopes?\s+to|aims?\s+to|postponed\s+until|delayed\s+until|"
           r"adjourned\s+until|extended\s+until|"
           r"(?:agreed|agreement|decided|voted|offered|proposed|wants?|seeks?|seeking|promised|pledged|vowed|"
           r"threatened|asked|ready|able|likely|unlikely|poised|about)\s+to")
_FUTURE_PREP = re.compile(r"\w[\w,]*\s+(?<!\bup\s)(?:payable|effective|through|until|till|by)\s+$", re.IGNORECASE)
_HAD = re.compile(r"\bhad\b", re.IGNORECASE)
_PAST_WORDS = r"was|were|had|did|been|ago|last|since|earlier|previously|yesterday"
_NOT_VERBS = ("need", "speed", "indeed", "proceed", "succeed", "exceed", "feed", "seed", "bed", "red", "hundred",
              "shed", "breed", "greed", "creed", "weed", "deed", "bleed", "ted", "fred", "ed", "united", "limited",
              "related", "based", "interested", "concerned", "advanced", "detailed", "armed", "alleged",
              "sacred", "wicked", "naked", "aged", "skilled", "experienced", "unprecedented", "beloved", "coed")


@cache
def _cue() -> re.Pattern[str]:
    past_verbs = "|".join(re.escape(w) for w in lexicon().kind("past_verb"))
    return re.compile(
        rf"(?<![\w'])(?:(?P<perfect>had(?:\s+been)?\s+(?:{_FUTURE}))|(?P<neutral>(?:was|were)\s+(?:{_FUTURE}))|(?P<future>{_FUTURE})|"
        rf"(?P<passive>(?:be|being|is|are|am|gets?|got|it's|he's|she's)\s+(?:{past_verbs}|[a-z]{{2,}}ed))|"
        rf"(?P<past>{_PAST_WORDS}|{past_verbs}|[a-z]{{2,}}ed))(?![\w'])",
        re.IGNORECASE,
    )


def tense(text: str, start: int, end: int) -> int:
    """-1 past, +1 future, 0 unknown: the nearest tense cue around text[start:end] in its sentence."""
    before = _clause_before(text, start)
    if _FUTURE_PREP.search(before) and not _HAD.search(before):
        return 1
    after = _clause_after(text, end)
    best: tuple[int, int] | None = None
    for match in _cue().finditer(before):
        sign = _sign(match)
        if sign:
            best = (len(before) - match.end(), sign)
    for match in _cue().finditer(after):
        sign = _sign(match)
        if sign and (best is None or match.start() < best[0]):
            best = (match.start(), sign)
        if sign:
            break
    return best[1] if best else 0


def _sign(match: re.Match[str]) -> int:
    if match.group("future"):
        return 1
    if match.group("perfect"):
        return -1
    if match.group("passive") or match.group("neutral"):
        return 0
    word = match.group("past").lower()
    return 0 if word in _NOT_VERBS else -1


def _clause_before(text: str, start: int) -> str:
    window = text[max(0, start - _WINDOW) : start]
    ends = list(_SENTENCE_END.finditer(window))
    return window[ends[-1].end() :] if ends else window


def _clause_after(text: str, end: int) -> str:
    window = text[end : end + _WINDOW]
    stop = _SENTENCE_END.search(window)
    return window[: stop.start()] if stop else window
