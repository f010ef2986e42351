"""The tense around a time expression: does "Friday", "March" or "the fourth quarter" lie
before or after the document date? The nearest tense cue in the same sentence decides
("said Friday" -> past, "will meet Friday" -> future, "was shot on Friday night" -> past)."""

from __future__ import annotations

import re
from functools import cache

from newsgraph.extract.times_lexicon import lexicon

_WINDOW = 160
_SENTENCE_END = re.compile(r"[.!?;:]\s|\n[ \t]*\n|\n[ \t]{2,}")  # a lone line break inside a paragraph is a wrap
_INITIALS = re.compile(r"(?:^|[\s(])(?:[A-Za-z]|[A-Za-z.]*\.[A-Za-z])\.$")  # "J.", "U.S.", "a.m."
_LAST_WORD = re.compile(r"([A-Za-z]+)\.$")
_QUOTE = re.compile(r"''|``|[\"“”]")
_CLOCK_BEFORE = re.compile(r"(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?|noon|midnight)(?:\s+[A-Z]{2,4})?,?\s*$",
                           re.IGNORECASE)
_FUTURE = (r"will|'ll|’ll|shall|won't|wo\s+n't|going\s+to|plans?\s+to|planning\s+to|planned|scheduled|set\s+to|"
           r"due|expected|expects?|is\s+to|are\s+to|as\s+soon\s+as|as\s+early\s+as|no\s+later\s+than|would|"
           r"next(?!\s+to\b)|upcoming|tomorrow|intends?\s+to|hopes?\s+to|aims?\s+to|postponed\s+until|delayed\s+until|"
           r"adjourned\s+until|extended\s+until|"
           r"(?:agreed|agreement|decided|voted|offered|proposed|wants?|seeks?|seeking|promised|pledged|vowed|"
           r"threatened|asked|ready|able|likely|unlikely|poised|about)\s+to")
#: obligation and possibility ahead, not their perfects ("must have met", "may have left")
_MODAL = (r"(?:must|should|(?-i:may)|might)(?!\s+(?:not\s+)?have\b)|ought\s+to|(?:has|have|need|needs)\s+to|"
          r"can(?!['’]t\s+have)|cannot")
_FUTURE_PREP = re.compile(r"\w[\w,]*\s+(?<!\bup\s)(?P<prep>payable|effective|through|until|till|by)\s+$", re.IGNORECASE)
_PERFECT = re.compile(r"\b(?:has|have)\s+$", re.IGNORECASE)  # "has extended loans through January"
_ADJECTIVE_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her|our|still|very|newly|well|long)\s+$", re.IGNORECASE)
_HAD = re.compile(r"\bhad\b", re.IGNORECASE)
_BASE_FORM_BEFORE = re.compile(r"\b(?:to|will|would|shall|can|could|may|might|must|should|'ll|’ll|do|does|did|n't|not)\s+$",
                               re.IGNORECASE)
_PAST_WORDS = r"was|were|had|did|been|ago|last|since|earlier|previously|yesterday"
#: a scheduled act in the simple present before the time points ahead: "the summit opens Monday", "they meet Friday"
_SCHEDULED = (r"(?:begins|starts|opens|meets|meet|arrives|arrive|leaves|departs|travels|visits|"
              r"resumes|resume|convenes|convene|kicks\s+off|takes\s+place|take\s+place|plays|faces|votes|vote|"
              r"is\s+due|are\s+due|goes\s+on\s+trial|go(?:es)?\s+to\s+the\s+polls|expires|expire|ends|takes\s+effect|take\s+effect|"
              r"(?:comes?|goes?)\s+into\s+(?:force|effect)|launches|hosts|holds|returns|lands|concludes|reopens|"
              r"wraps\s+up|heads\s+to|flies\s+to)")
#: "the vote is set for October 27", "the hearing is scheduled for Monday"
_SET_FOR = r"(?:scheduled|set|slated|planned|timed|penciled|pencilled|earmarked|expected|due)\s+(?:for|on)"
_SUBORDINATE = re.compile(r"\b(?:what|that|which|who|whom|whose|whether|if|because|although|though|while|"
                          r"when|where|how|why)\b", re.IGNORECASE)
_NOT_VERBS = ("need", "speed", "indeed", "proceed", "succeed", "exceed", "feed", "seed", "bed", "red", "hundred",
              "shed", "breed", "greed", "creed", "weed", "deed", "bleed", "ted", "fred", "ed", "united", "limited",
              "related", "based", "interested", "concerned", "advanced", "detailed", "armed", "alleged",
              "sacred", "wicked", "naked", "aged", "skilled", "experienced", "unprecedented", "beloved", "coed")


@cache
def _cue() -> re.Pattern[str]:
    past_verbs = "|".join(re.escape(w) for w in lexicon().kind("past_verb"))
    return re.compile(
        rf"(?<![\w'])(?:(?P<perfect>had(?:\s+been)?\s+(?:{_FUTURE}))|(?P<neutral>(?:was|were)\s+(?:{_FUTURE}))|(?P<future>{_FUTURE})|(?P<modal>{_MODAL})|(?P<scheduled>{_SCHEDULED})|"
        rf"(?P<prospective>(?:is|are|am|be|being|it's|he's|she's)\s+(?:(?:{past_verbs}|[a-z]{{2,}}ed)\s+to|{_SET_FOR}))|"
        rf"(?P<passive>(?:be|being|is|are|am|gets?|got|it's|he's|she's|remains?|remained|stays?|stayed)\s+"
        rf"(?:{past_verbs}|[a-z]{{2,}}ed))|"
        rf"(?P<past>{_PAST_WORDS}|{past_verbs}|[a-z]{{2,}}ed))(?![\w'])",
        re.IGNORECASE,
    )


def tense(text: str, start: int, end: int) -> int:
    """-1 past, +1 future, 0 unknown: the nearest tense cue around text[start:end] in its sentence.
    A clock time just before ("until 9 a.m. Tuesday") belongs to the expression; "payable",
    "effective", "until" and (without a past verb just before) "through", "by" point ahead."""
    before = _clause_before(text, start)
    clock = _CLOCK_BEFORE.search(before)
    before = before[: clock.start()] if clock else before
    if _points_ahead(before):
        return 1
    after = _clause_after(text, end)
    best: tuple[int, int] | None = None
    for match in _cue().finditer(before):
        sign = _sign(match)
        if match.group("modal") and _SUBORDINATE.search(before, match.end()):
            sign = 0  # "can prevent what Europe experienced on February 24": the modal is the main clause's
        if sign:
            best = (len(before) - match.end(), sign)
    if best is not None:  # "will tell reporters on Friday what was agreed": another clause's tense
        sub = _SUBORDINATE.search(after)
        after = after[: sub.start()] if sub else after
    for match in _cue().finditer(after):
        sign = 0 if match.group("scheduled") else _sign(match)  # "in July, and holds 14%": another clause's
        if sign and (best is None or match.start() < best[0]):
            best = (match.start(), sign)
        if sign:
            break
    return best[1] if best else 0


def _points_ahead(before: str) -> bool:
    """ "payable Jan. 2", "until Friday"; "by February", "through August" unless the nearest verb
    of the clause is past ("saw little change this year through August")."""
    prep = _FUTURE_PREP.search(before)
    if not prep:
        return False
    if prep.group("prep").lower() in ("payable", "effective", "until", "till"):
        return not _HAD.search(before)
    clause = before[before.rfind(",") + 1 :]
    tail = clause[-80:]
    signs = [_sign(m) for m in _cue().finditer(tail) if not _PERFECT.search(tail, 0, m.start())]
    signs = [s for s in signs if s]
    return not _HAD.search(clause) and not (signs and signs[-1] < 0)


def _sign(match: re.Match[str]) -> int:
    if match.group("scheduled"):  # "had been due to expire Friday": the cue before the base form decides
        return 0 if _BASE_FORM_BEFORE.search(match.string, 0, match.start()) else 1
    if match.group("future") or match.group("prospective") or match.group("modal"):
        return 1  # "will", "is set to", "are supposed to"
    if match.group("perfect"):
        return -1
    if match.group("passive") or match.group("neutral"):
        return 0
    word = match.group("past").lower()
    if word.endswith("ed") and _ADJECTIVE_BEFORE.search(match.string, 0, match.start()):
        return 0  # "a still unspecified date", "the revised plan"
    if _BASE_FORM_BEFORE.search(match.string, 0, match.start()):
        return 0  # "will hit", "expected to set": a base form that spells like a past ("hit", "put", "set")
    return 0 if word in _NOT_VERBS else -1


def _ends(window: str) -> list[re.Match[str]]:
    """Sentence ends in `window`, not counting abbreviations ("Co.", "Mr.", "U.S.", "Jan.")."""
    return [m for m in _SENTENCE_END.finditer(window)
            if not (m.group().startswith(".") and _abbreviation(window, m.start() + 1))]


def _abbreviation(window: str, end: int) -> bool:
    if _INITIALS.search(window, 0, end):
        return True
    word = _LAST_WORD.search(window, max(0, end - 12), end)
    if not word or word.group(1).lower() not in lexicon().kind("abbreviation"):
        return False  # most need a capital ("Mass.", not "mass."); value "lowercase": "vs." either way
    return word.group(1)[0].isupper() or lexicon().kind("abbreviation")[word.group(1).lower()] == "lowercase"


def _clause_before(text: str, start: int) -> str:
    window = text[max(0, start - _WINDOW) : start]
    ends = _ends(window)
    return window[ends[-1].end() :] if ends else window


def _clause_after(text: str, end: int) -> str:
    """The rest of the sentence, up to a quotation mark (a speech verb after a quote does not date it)."""
    window = text[end : end + _WINDOW]
    ends = _ends(window)
    stop = min([m.start() for m in ends[:1]] + [m.start() for m in _QUOTE.finditer(window)][:1] + [len(window)])
    return window[:stop]
