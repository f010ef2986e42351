"""Claims: figures with what they measure, about whom, for when, and of what kind.

A claim is built around each quantity of a sentence. A percentage that a
change verb governs ("increased by 34%") is the change of the figure beside
it ("... and reached $24 billion"), or a claim of its own where it stands
alone. The indicator comes from the parse (the subject of "reached", the
object of "bring ... to"), the subject from the countries of the sentence and
of the document, the period from the times of the sentence, the kind from
cue words (targets, plans, forecasts, cumulative totals, counts, ranks).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from ..kb.lexicon import claim_cues, claim_nonunits
from ..record import Change, Claim, Entity, Quantity, Quote, Time
from .indicators import indicator_for
from .names import ByStart, trim_span
from .registry import Context, register
from .subjects import SubjectFinder
from .units import DURATIONS, is_counted, is_money



@cache
def _cue_re(category: str) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in claim_cues()[category])
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)


@cache
def _change_before_re() -> re.Pattern[str]:
    up = "|".join(re.escape(w) for w in claim_cues()["up"])
    down = "|".join(re.escape(w) for w in claim_cues()["down"])
    return re.compile(
        rf"(?:(?P<up>{up})|(?P<down>{down}))\s+(?:by\s+)?(?:(?:some|about|almost|nearly|over|"
        rf"more than|around|approximately|roughly|a further|another)\s+)?$",
        re.IGNORECASE,
    )


_APPROX = r"(?:(?:some|about|almost|nearly|over|more than|around|approximately|roughly|a further|another)\s+)?"
_CHANGE_NOUN = re.compile(
    r"(?:(?P<up>increase|growth|rise|gain|jump|surge)|(?P<down>decline|decrease|drop|fall|reduction|contraction))"
    rf"(?:\s+in\s+[\w\s-]{{1,40}}?)?\s+(?:of|by)\s+{_APPROX}$",
    re.IGNORECASE,
)
_ELLIPTIC = re.compile(rf"(?:,\s*|\s)and\s+by\s+{_APPROX}$", re.IGNORECASE)
_CHANGE_AFTER = re.compile(
    r"\s*(?:(?P<up>increase|growth|rise|gain|jump|higher|more|up)|(?P<down>decrease|decline|drop|fall|lower|less|down))\b",
    re.IGNORECASE,
)
_BASIS = re.compile(r"year[- ]on[- ]year|y/y|yoy|compared (?:to|with) [^,.;]{3,40}|from a year earlier", re.I)


def _direction(text: str, q: Quantity, sent_start: int) -> tuple[str, bool] | None:
    """The direction of a change figure, and whether the word that gives it comes after the
    figure ("37 percent more", "a 2.9 pct rise") rather than before ("rose 5%")."""
    before = text[max(sent_start, q.span[0] - 70):q.span[0]]
    match = _change_before_re().search(before[-40:]) or _CHANGE_NOUN.search(before)
    if match:
        return ("up" if match.group("up") else "down"), False
    after = _CHANGE_AFTER.match(text, q.span[1])
    if after and q.unit in ("percent", "pp"):
        return ("up" if after.group("up") else "down"), True
    return None


#: a change figure, its direction, and whether the word that gives it follows the figure
_ChangeFigure = tuple[Quantity, str, bool]


def _changes(text: str, quantities: Sequence[Quantity], sent_start: int) -> dict[int, _ChangeFigure]:
    """Index of each change quantity -> (that quantity, its direction, told after it)."""
    out: dict[int, _ChangeFigure] = {}
    for i, q in enumerate(quantities):
        if q.unit in ("percent", "pp") or _is_multiplier(q):
            found = _direction(text, q, sent_start)
            if found is None and out and _ELLIPTIC.search(text[sent_start:q.span[0]]):
                found = list(out.values())[-1][1], False  # "... rose by 15%, and by 16% ..."
            if found:
                out[i] = (q, *found)
    return out


def _is_multiplier(q: Quantity) -> bool:
    return q.unit in ("times", "fold")


def _attach(changes: dict[int, _ChangeFigure], quantities: Sequence[Quantity], text: str) -> dict[int, int]:
    """Value quantity index -> change quantity index, for changes beside a value in one clause,
    with no other change between them. A change told by a word after it ("a 2.9 pct rise")
    belongs to a value it restates (", or 37 percent more") or reaches with "to" ("a 2.9 pct rise
    in net profit to 93.1 mln"), not to any value of its clause ("37.6 mln barrels above last
    year's levels, and ... the expected one to two pct rise in demand")."""
    values = [i for i, q in enumerate(quantities) if i not in changes and q.unit not in ("percent", "pp")]
    links = {}
    for ci, (change, _direction, after) in changes.items():
        near = sorted((vi for vi in values if not any(min(vi, ci) < k < max(vi, ci) for k in changes)
                       and (not after or _restates(text, quantities[vi], change))),
                      key=lambda vi: (_clause_gap(text, quantities[ci], quantities[vi]), abs(vi - ci)))
        if near and _clause_gap(text, quantities[ci], quantities[near[0]]) == 0 and near[0] not in links:
            links[near[0]] = ci
    return links


_RESTATED = re.compile(r",?\s+(?:or|which\s+is|that\s+is|i\.e\.,?)\s+$")
_REACHED = re.compile(r"\bto\s+$")


def _restates(text: str, value: Quantity, change: Quantity) -> bool:
    """Whether a change told after its figure is the change of ``value``: right after it, or
    the value after "to" in the change's phrase."""
    if value.span[1] <= change.span[0]:
        return bool(_RESTATED.fullmatch(text, value.span[1], change.span[0]))
    between = text[change.span[1]:value.span[0]]
    return len(between) <= 60 and bool(_REACHED.search(between)) and not re.search(r"[,;.]", between)


def _clause_gap(text: str, a: Quantity, b: Quantity) -> int:
    lo, hi = sorted((a.span, b.span))
    between = text[lo[1]:hi[0]]
    return between.count(";") + between.count(". ") + len(_CONTRAST.findall(between)) \
        + (2 if len(between) > 120 else 0)


#: "will" + a verb, a few words before the figure and in its clause
_WILL_BEFORE = re.compile(r"\b(?:will|shall)\s+(?:not\s+)?[a-z]+(?:\s+[^\s,;:]+){0,4}\s*$", re.I)
#: a clause of its own: "production grew by 17 percent, while investment exceeds a trillion rubles"
_CONTRAST = re.compile(r",\s+(?:while|whereas|but|although|though)\s")


def _kind(text: str, q: Quantity, clause: str, period: Time | None) -> str:
    """The kind from the cue words of the figure's own clause (``clause`` ends with the figure),
    or from the noun the figure qualifies ("his 2.5 pct inflation target")."""
    if not is_counted(q.unit) and _TARGET_NOUN_AFTER.match(text, q.span[1]):
        return "target"
    for category in ("target", "plan", "forecast"):
        if _cue_re(category).search(clause):
            if category == "target" and not _targetish(text, clause, period):
                continue
            return category
    if q.unit == "rank":
        return "rank"
    if is_counted(q.unit):
        return "count"
    if _WILL_BEFORE.search(clause[-60:]):
        return "forecast"  # "we will pass the US$200 billion mark"
    if _cue_re("cumulative").search(clause) or (period and period.type == "DURATION" and _over(text, period)):
        return "cumulative"
    return "actual"


#: the figure qualifies a target: "his 2.5 pct inflation target"; not "0.5 pct below target", "a target of 5 pct"
_TARGET_NOUN_AFTER = re.compile(r"\s+(?:(?!(?:below|above|over|under|of|from|short|ahead|behind|on|than|its|the|their|a|an)\b)"
                                r"[a-z-]+\s+){0,2}(?:target|goal)s?\b(?!\s+of\s+[\d$\u20ac\u00a3])")


def _over(text: str, period: Time) -> bool:
    """"over the past 17 years" sums years up; "over the first nine months" states one period."""
    before = text[max(0, period.span[0] - 12):period.span[0]].lower()
    if not ("over" in before or "since" in before or "throughout" in before):
        return False
    years = re.fullmatch(r"P(\d+|X)Y", period.value or "")
    return bool(years) or "past" in period.text.lower()


def _targetish(text: str, clause: str, period: Time | None) -> bool:
    """A target names a goal, or a deadline: "to $35 billion by 2030"."""
    if re.search(r"\b(?:target|goal|aim|objective)|\bshould\s+be\s+(?:increased|raised|brought)|\bmust\s+(?:reach|be)\b",
                 clause, re.I):  # "its depth should be increased to 4.5 metres": a norm to meet ("should reach": a forecast too)
        return True
    if period is None:
        return False
    before = text[max(0, period.span[0] - 8):period.span[0]].lower()
    return period.text.lower().startswith(("by", "until")) or bool(re.search(r"\b(?:by|until)\s+$", before))


def _period(times: Sequence[Time], start: int, end: int, q: Quantity, text: str,
            others: Sequence[Quantity] = ()) -> Time | None:
    """The time the figure holds for: the nearest in its sentence, but not one written right after
    another figure ("to 370,000 tonnes this year from 340,000 last year", "to 61.2 mln in 1987 from
    105.6 mln in 1986": each its own), unless there is no other."""
    inside = [t for t in times if start <= t.span[0] and t.span[1] <= end and t.value
              and t.type != "SET"]  # "9 percent per annum" is a rate, not the figure's period
    inside = [t for t in inside if not (t.span[0] < q.span[1] and q.span[0] < t.span[1])
              and not (_BASIS_BEFORE.search(text, max(0, t.span[0] - 40), t.span[0]) and not _leads_to(text, t, q))]
    if not inside:
        return None
    # "30 out of 172 tankers"; "96 mln dlrs or 39 cts a share in the year-ago period": the restatement's time is both's
    others = [o for o in others if not _PART_OF.fullmatch(text, q.span[1], o.span[0])
              and not _OR_BETWEEN.fullmatch(text, q.span[1], o.span[0])]
    free = [t for t in inside if not any(o.span[1] <= t.span[0] and _RIGHT_AFTER.fullmatch(text, o.span[1], t.span[0])
                                         for o in others)]
    inside = free or inside
    return _as_range(min(inside, key=lambda t: _time_distance(t, q, text)), inside, text)


def _leads_to(text: str, time: Time, q: Quantity) -> bool:
    """Whether the time opens the figure's own phrase: "this year's eight pct target", "last year
    when one mln hectares had been drilled"."""
    return time.span[1] <= q.span[0] and bool(_LEADS.fullmatch(text, time.span[1], q.span[0]))


_LEADS = re.compile(r"(?:['\u2019]s\s+|\s+when\s+[^,;.]{0,30}?)")
_PART_OF = re.compile(r"\s+(?:out\s+)?of\s+")  # a numerator and its denominator
#: the time a figure is compared with is its basis, not its period: "compared to 2019, we have
#: boosted revenues by 23 percent", "higher than in 2020"
_BASIS_BEFORE = re.compile(r"\b(?:compared\s+(?:to|with)|(?<!later\s)(?<!earlier\s)than(?:\s+in)?|versus|vs\.?)\s+"
                           r"(?:the\s+)?$", re.I)  # not a deadline: "no later than June 1"
_RIGHT_AFTER = re.compile(r"\s+(?:in\s+)?")  # "340,000 last year", "105.6 mln in 1986"
_RANGE_GAP = re.compile(r"\s*[-–]\s*|\s+(?:to|through|till|until)\s+", re.IGNORECASE)
_DATE_VALUE = re.compile(r"\d{4}(?:-[\dQHW][\d]?)?(?:-\d\d)?")


def _as_range(period: Time, times: Sequence[Time], text: str) -> Time:
    """A period that opens or closes a range ("January-September 2021", "from 2019 to 2021") is the
    whole range, as an ISO 8601 interval ("2021-01/2021-09")."""
    for a, b in zip(times, times[1:]):
        if period in (a, b) and a.type == b.type == "DATE" and _RANGE_GAP.fullmatch(text, a.span[1], b.span[0]) \
                and _DATE_VALUE.fullmatch(a.value or "") and _DATE_VALUE.fullmatch(b.value or ""):
            return Time(span=(a.span[0], b.span[1]), text=text[a.span[0]:b.span[1]], type="DATE",
                        value=f"{a.value}/{b.value}")
    return period


def _time_distance(t: Time, q: Quantity, text: str) -> int:
    """Characters between a time and a figure; a clause boundary between them counts more."""
    lo, hi = (t.span[1], q.span[0]) if t.span[1] <= q.span[0] else (q.span[1], t.span[0])
    between = text[lo:hi]
    crossings = between.count(",") + between.count(";") + between.count(" and ")
    return (hi - lo) + 30 * crossings + (0 if t.span[1] <= q.span[0] else 15)


def _qualifiers(text: str, q: Quantity, start: int) -> tuple[str, ...]:
    window = text[max(start, q.span[0] - 30):q.span[1]]
    return tuple(dict.fromkeys(m.group().lower() for m in _cue_re("qualifier").finditer(window)))


def _speaker(quotes: Sequence[Quote], q: Quantity, text: str, sentence_start: int) -> str | None:
    """Who gives the figure: the speaker of the quote holding it; or, in a sentence that opens with
    a connective ("Thus, ...") right after reported speech in the same paragraph, that speaker
    ("The Prime Minister emphasized that trade keeps growing. Thus, last year it reached $24 billion")."""
    for quote in quotes:
        if quote.span[0] <= q.span[0] and q.span[1] <= quote.span[1]:
            return quote.speaker
    if not _GOES_ON.match(text, sentence_start):
        return None
    before = [quote for quote in quotes if quote.span[1] <= sentence_start]
    last = max(before, key=lambda quote: quote.span[1], default=None)
    if last is None or last.direct or not last.speaker or not re.fullmatch(r"[\s.!?\"”’']{0,4}", text[last.span[1]:sentence_start]):
        return None
    return last.speaker


_GOES_ON = re.compile(r"(?:Thus|So(?!\s+far)|Therefore|In particular|In addition|Moreover|Furthermore|Besides|"
                      r"For example|For instance)\b,?\s")


def _change(text: str, pair: _ChangeFigure | None, clause: str) -> Change | None:
    if pair is None:
        return None
    q, direction, _after = pair
    basis = _BASIS.search(clause)
    return Change(
        value=q.value,
        unit="times" if _is_multiplier(q) else q.unit,
        direction=direction,
        basis=basis.group().lower() if basis else "previous period",
    )


class _ClaimBuilder:
    def __init__(self, ctx: Context) -> None:
        self.text = ctx.article.text
        self.doc = ctx.doc
        self.times: Sequence[Time] = ctx["times"]
        self.quotes: Sequence[Quote] = ctx["quotes"]
        self.entities: Sequence[Entity] = ctx["entities"]
        self.subjects = SubjectFinder(self.text, self.entities)
        self.countries = {e.id: e.country for e in self.entities}
        self.claims: list[Claim] = []
        # indicator, speaker, where it ends, unit
        self.last_indicator: tuple[str, str | None, int, str | None] | None = None
        self.figures: list[Quantity] = []  # the sentence's figures (not the changes linked to them)

    def sentence(self, sent: object, quantities: Sequence[Quantity]) -> None:
        changes = _changes(self.text, quantities, sent.start_char)  # type: ignore[attr-defined]
        links = _attach(changes, quantities, self.text)
        linked = set(links.values())
        self.figures = [q for i, q in enumerate(quantities) if i not in linked]
        for i, q in enumerate(quantities):
            if i in linked:
                continue
            if i in changes:
                self._add(sent, q, changes[i])
            else:
                self._add(sent, q, changes.get(links.get(i, -1)))

    def _clause_start(self, start: int, q: Quantity) -> int:
        """Where the figure's clause starts: after the previous figure of the sentence, if any."""
        before = [c.span[1] for c in self.claims if c.span and start <= c.span[1] <= q.span[0]]
        return max(before, default=start)

    def _subject(self, start: int, end: int, clause: str, clause_start: int, q: Quantity,
                 speaker: str | None) -> tuple[str, ...]:
        subject = self.subjects.about(start, end, clause)
        return self.subjects.narrow(subject, (clause_start, q.span[1]), self.countries.get(speaker or ""), clause)

    def _inherited_kind(self, clause_start: int, q: Quantity) -> str | None:
        """"a plan of about $1 billion for 135 commodity items": a figure tied to a planned one shares its kind."""
        previous = self.claims[-1] if self.claims else None
        if previous is None or previous.span is None or previous.span[1] != clause_start:
            return None
        gap = self.text[clause_start:q.span[0]]
        if len(gap) < 25 and not re.search(r"[,;.]|\b(?:and|from|against|versus|vs|compared)\b", gap) \
                and previous.kind in ("plan", "target", "forecast"):  # "to A this year from B": B is no forecast
            return previous.kind
        return None

    def _previous_indicator(self, q: Quantity, speaker: str | None) -> str | None:
        """What the figure before measured, for "it rose by 5%": close by, and not in another
        speaker's turn (a sentence of no one's after a reported one goes on with it); not what a
        count counted, for a sum of money ("100,000 servicemen. This is 1.7 billion pounds")."""
        if self.last_indicator is None:
            return None
        indicator, said_by, end, unit = self.last_indicator
        other = said_by is not None and speaker is not None and said_by != speaker
        counted_apart = is_counted(unit) and is_money(q.unit)
        return indicator if not other and not counted_apart and q.span[0] - end <= _PREVIOUS_REACH else None

    def _money_before(self, q: Quantity, indicator: str) -> str | None:
        """The currency of the sum of money just before, for a bare amount in millions of what is
        money ("profit", "sales", "net loss"), as wires write it: "pretax profits of 48.0 mln stg
        ... Profit from Australia jumped 55.0 pct to 15.5 mln"."""
        if not _SCALED.search(q.text) or not _MONEY_MEASURE.search(indicator):
            return None
        previous = next((c for c in reversed(self.claims) if c.span is not None and is_money(c.unit)), None)
        if previous is None or q.span[0] - previous.span[1] > _MONEY_REACH:  # type: ignore[index]
            return None
        return previous.unit

    def _whole_of(self, q: Quantity) -> Claim | None:
        """The counted figure a bare number is a part of: "N of them" just after it."""
        previous = self.claims[-1] if self.claims else None
        if q.unit or previous is None or previous.span is None or not is_counted(previous.unit) \
                or not _OF_THEM.match(self.text, q.span[1]) or q.span[0] - previous.span[1] > _PART_REACH \
                or "\n" in self.text[previous.span[1]:q.span[0]]:
            return None
        return previous

    def _per_share_of(self, q: Quantity) -> Claim | None:
        """The total a per-share figure restates: "earnings of 41.1 mln dlrs, or 50 cts a share"."""
        previous = self.claims[-1] if self.claims else None
        if previous is None or previous.span is None or previous.indicator.endswith("per share") \
                or not _PER_SHARE.match(self.text, q.span[1]) and not (q.unit or "").endswith("/share") \
                or not _OR_BETWEEN.fullmatch(self.text, previous.span[1], q.span[0]):
            return None
        return previous

    def _add(self, sent: object, q: Quantity, change: _ChangeFigure | None) -> None:
        start, end = sent.start_char, sent.end_char  # type: ignore[attr-defined]
        clause = self.text[start:end]
        speaker = _speaker(self.quotes, q, self.text, start)
        whole = self._whole_of(q)
        casualties = None if q.unit else _CASUALTIES.match(self.text, q.span[1])
        if whole is not None:  # "198 servicemen were awarded. 4 of them posthumously": 4 servicemen
            q, indicator = replace(q, unit=whole.unit), whole.indicator
        elif casualties is not None:  # "8 dead, at least 18 wounded"
            q, indicator = replace(q, unit="people"), f"people {casualties.group(1).lower()}"
        elif (total := self._per_share_of(q)) is not None:  # "41.1 mln dlrs or 50 cts a share"
            indicator = f"{total.indicator} per share"
        else:
            indicator = indicator_for(self.doc, sent, q, self._previous_indicator(q, speaker))
        if q.unit is None and indicator and (money := self._money_before(q, indicator)) is not None:
            q = replace(q, unit=money)  # "profit ... 4.5 mln stg. Profit jumped to 15.5 mln": sterling again
        if indicator:
            self.last_indicator = (indicator, speaker, q.span[1], q.unit)
        period = _period(self.times, start, end, q, self.text, [f for f in self.figures if f.span != q.span])
        clause_start = self._clause_start(start, q)
        own = self.text[clause_start:q.span[1]]
        self.claims.append(Claim(
            id=f"C{len(self.claims) + 1}",
            indicator=indicator or (q.unit or "value"),
            subject=self._subject(start, end, clause, clause_start, q, speaker),
            value=q.value,
            unit=q.unit,
            period=period.value if period else None,
            kind=self._inherited_kind(clause_start, q) or _kind(self.text, q, own, period),
            change=_change(self.text, change, clause),
            qualifiers=_qualifiers(self.text, q, start),
            speaker=speaker,
            evidence=trim_span(self.text, start, end),
            approx=q.approx,
            span=q.span,
        ))



def _claimable(q: Quantity, time_spans: list[tuple[int, int]]) -> bool:
    if any(s <= q.span[0] and q.span[1] <= e for s, e in time_spans):
        return False
    if not q.unit and not _DIGIT.search(q.text):
        return False  # "five of them", "hundreds of thousands, even millions of our citizens": no measure
    if q.unit and "/" in q.unit and all(part in DURATIONS for part in q.unit.split("/")):
        return False  # "24 hours a day, seven days a week": a manner of working, no figure
    if _VAGUE.match(q.text):
        return False  # "thousands of lives", "billions of dollars": a magnitude, not a figure
    if q.unit in _HEADCOUNTS and q.value >= 100 and _DIGIT.search(q.text):
        return True  # "14.8 million people have been vaccinated", not "our two peoples", "millions of people"
    return not (q.unit and (q.unit in claim_nonunits() or q.unit.split()[-1] in claim_nonunits()))


_HEADCOUNTS = frozenset({"people", "person", "persons"})
_SCALED = re.compile(r"\b(?:mln|million|billion|bln|trillion)\b", re.IGNORECASE)
_MONEY_MEASURE = re.compile(r"\b(?:profits?|loss(?:es)?|revenues?|sales|income|earnings|turnover|debts?|deficit|"
                            r"surplus|reserves|budget|investments?|spending|costs?|dividends?|assets)\b")
_MONEY_REACH = 600
_CASUALTIES = re.compile(r"\s+(dead|killed|wounded|injured|missing)\b(?!\s+(?:of|in)\s+(?:the\s+)?[a-z]+s\b)", re.I)
_PER_SHARE = re.compile(r"\s+(?:a|per)\s+shares?\b", re.I)
_OR_BETWEEN = re.compile(r",?\s+or\s+")
_OF_THEM = re.compile(r"\s+of\s+(?:them|these|those|which|whom)\b", re.I)
_PART_REACH = 200  # characters from a counted figure to "N of them" that counts a part of it
_PREVIOUS_REACH = 600  # characters from a figure to the one whose indicator "it" may take
_DIGIT = re.compile(r"\d")
_VAGUE = re.compile(r"(?:(?:tens|dozens|hundreds|thousands|millions|billions|trillions|scores)(?:\s+of\s+|$))+(?![\d.,]+\b)", re.I)


def _by_sentence(sents: Sequence[object], quantities: Sequence[Quantity], times: Sequence[Time]) -> list[tuple[object, list[Quantity]]]:
    time_spans = [t.span for t in times]
    usable = [q for q in quantities if _claimable(q, time_spans)]
    by_start = ByStart(usable, lambda q: q.span[0])
    out = []
    for sent in sents:
        inside = by_start.starting_in(sent.start_char, sent.end_char)
        if inside:
            out.append((sent, inside))
    return out


@register(
    "claims",
    requires=("doc", "entities", "coref", "times", "quantities", "quotes"),
    provides=("claims",),
    components=("parser", "attribute_ruler"),
)
def extract_claims(ctx: Context) -> dict[str, object]:
    builder = _ClaimBuilder(ctx)
    for sent, quantities in _by_sentence(ctx.sentences(), ctx["quantities"], ctx["times"]):
        builder.sentence(sent, quantities)
    return {"claims": tuple(builder.claims)}
