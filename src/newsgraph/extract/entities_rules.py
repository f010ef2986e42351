"""Rules that correct the small NER model's names by what stands beside them.

Corporate names run on over their legal suffix ("Ford Motor Co."); a maker's name
followed by a model ("Airbus A380") is a product; a common noun before a name or
after it ("airline Ryanair", "Ryanair CEO") makes it an organization; time zones and
currency codes are not names; stock indexes ("the Dow") are not organizations; a demonym
glued to a title or an adjective ("British Defence Secretary") is none either.
All word lists are knowledge-base files (``kb/org_cues.csv``, ``org_suffixes.csv``,
``financial_indices.csv``, ``not_names.csv``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import Any

from ..kb.lexicon import (
    Known, financial_indices, is_given_name, known_orgs, legal_forms, lookup_place, name_words, not_names, org_cues,
    org_suffixes, read_rows, regions, titles,
)
from .gazetteers import orgs_re
from .names import SpanSet, overlaps
from .patterns import find_each, trie_alternation
from .roles import portfolio, title_at

Span = tuple[int, int]

_MODEL = re.compile(r"[ -](?:[A-Z]{1,3}-?\d{2,4}|\d{3})(?:-\d+)?[A-Za-z]{0,3}(?![\w,.-]\d|[\w-])")
_NEXT_WORD = re.compile(r",?\s+(?P<word>[\w&.'-]+)")
_AND_CO = re.compile(r" (?:and|&) Co\b\.?")
_BEFORE_AND_CO = re.compile(r"(?:^|\s)([A-Z][a-z][\w'-]*) (?:and|&) Co\b")
_WORD_BEFORE = re.compile(r"(?P<word>[A-Za-z]+)[ ,]*$")
_WORD_AFTER = re.compile(r" (?P<word>[A-Za-z]+\.?)")


def is_model(text: str, end: int) -> bool:
    """A model designation follows ("Boeing 737s", "Airbus A400M"); not a year or count ("GM 2009",
    "Sochi 30 years ago", "Ford 1,000")."""
    return _MODEL.match(text, end) is not None


_FLIGHT = re.compile(r"\s+Flight\s+\d+$")


def without_flight(text: str, start: int, end: int) -> int:
    """"Adam Air Flight 574": the airline's name ends before the flight."""
    match = _FLIGHT.search(text, start, end)
    return match.start() if match else end


_LAST_MODEL = re.compile(r"\s(?:[A-Z]{1,3}-?\d{2,4}|\d{3})(?:-\d+)?[A-Za-z]{0,3}$")


def ends_in_model(name: str) -> bool:
    """"Airbus A380", "First Airbus A380": a maker's name and a model is a product."""
    return _LAST_MODEL.search(name) is not None


def org_by_form(text: str, start: int, end: int) -> bool:
    """The name's form is an organization's: a corporate last word ("Douglas Aircraft"),
    or a plural after "the" ("the Beatles")."""
    words = text[start:end].split()
    if len(words) > 1 and words[-1] in org_suffixes():
        return True
    return len(words) == 1 and words[0].endswith("s") and text[max(0, start - 4):start].lower() == "the "


def corporate_tail(text: str, end: int) -> int:
    """The end of a company's name with its suffixes: "Apple" + ", Inc.", "Ford" + " Motor Co.",
    "J.P. Morgan" + " and Co Inc"."""
    suffixes = org_suffixes()
    if (and_co := _AND_CO.match(text, end)) is not None:
        end = and_co.end()
    while (match := _NEXT_WORD.match(text, end)) is not None:
        word = match.group("word")
        bare = word not in suffixes and word.endswith(".")  # "Corps." at a sentence's end
        kind = suffixes.get(word.rstrip(".") if bare else word)
        comma = match.group(0).startswith(",")
        if kind is None or (comma and (kind == "name" or len(word.rstrip(".")) > 4)):
            break  # "Apple, Inc." but not "Apple, Company officials" or "Boeing, Airbus"
        end = match.end() - bare
    return end


def org_cue(text: str, start: int, end: int, *, after: bool = True) -> bool:
    """A word beside the name marks an organization: "airline Ryanair", "Ryanair CEO" (the
    word after only counts if ``after``)."""
    cues = org_cues()
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    following = _WORD_AFTER.match(text, end) if after else None
    return bool(
        (before and before.group("word") in cues.get("before", ()))
        or (following and following.group("word") in cues.get("after", ()))
    )


_ORG_APPOSITION = re.compile(
    r",\s+(?:one\s+of\s+)?(?:the|a|an|its|our|their)\s+(?:(?!(?:of|and|who|which|whose)\b)[\w'\u2019-]+\s+){0,4}?"
    r"(?:association|company|companies|corporation|organi[sz]ation|party|parties|union|bank|fund|firm|agency|"
    r"agencies|foundation|institute|movement|alliance|federation|society|societies|chamber|holding|conglomerate|"
    r"producer|manufacturer|operator|broadcaster|newspaper|network|university|universities|bloc)s?"
    r"(?=\s*(?:[,.;:)]|$)|\s+(?:that|which|based|founded|with|in|and|whose)\b)"
)


def org_apposition(text: str, end: int) -> bool:
    """The name is set beside an organization's noun: "Delovaya Rossiya, one of the country's
    leading business associations, ..."; not a person's noun ("X, a company spokeswoman")."""
    return _ORG_APPOSITION.match(text, end) is not None


def title_or_modifier(ent: Any, demonyms: Sequence[Span], text: str) -> bool:
    """No name, but the first words of a title that runs on past the entity, perhaps after a demonym
    ("British Defence" of "British Defence Secretary Tom King", "Defence" of "Swedish Defence
    Minister"), or a demonym with a capitalised adjective before it, both qualifying a common
    noun ("Radical French farmers"). None is an organization: the title makes a role, the
    demonym a country. ``text`` is the document's (``Doc.text`` joins every token anew)."""
    start, end = ent.start_char, ent.end_char
    # `demonyms` is sorted: only those that start inside the entity, not a scan of all
    within = demonyms[bisect.bisect_left(demonyms, (start,)) : bisect.bisect_left(demonyms, (end,))]
    inside = [(s, e) for s, e in within if e <= end and (s, e) != (start, end)]
    title_starts = [start] + [e + 1 for s, e in inside if s == start]
    return any(_title_runs_on(text, at, end) for at in title_starts) \
        or any(e == end and _qualifies_noun_after(ent) for _s, e in inside) \
        or _ends_a_title(text, start, end)


_MINISTER_OF = re.compile(r"\bMinister\s+of\s+(?:the\s+)?$")


def portfolio_after_title(text: str, start: int, end: int) -> bool:
    """A minister's portfolio, part of the title: "Digital Transformation" of "Minister of Digital
    Transformation Mykhailo Fedorov"."""
    return bool(_MINISTER_OF.search(text, max(0, start - 20), start)) and portfolio(text[start:end])


def _ends_a_title(text: str, start: int, end: int) -> bool:
    """The last words of a title that starts before the entity: "State" of "the Head of State"."""
    if not re.search(r"\bof\s+(?:the\s+)?$", text[max(0, start - 8):start]):
        return False  # the titles that end in a name's words do so after "of"
    window = max(0, start - 30)
    return any(title_at(text, window + m.start()) == end for m in re.finditer(r"(?<![\w-])[A-Z]", text[window:start]))


def _title_runs_on(text: str, at: int, end: int) -> bool:
    """A title starts at ``at`` and ends past ``end``."""
    title_end = title_at(text, at)
    return title_end is not None and title_end > end


def _qualifies_noun_after(ent: Any) -> bool:
    """The entity's last word is an adjective of the lower-case word after it ("French farmers")."""
    last = ent[-1]
    return last.dep_ == "amod" and last.head.i >= ent.end and last.head.text.islower()


def not_a_name(text: str, start: int, end: int) -> bool:
    """Time zones, currencies ("USD", "AU$", "N.Z. Dlrs"), Roman numerals, common nouns the NER
    capitalises, and "the Earth" as the planet ("remote sensing of the Earth"; but "cities on Earth" is a place)."""
    name = text[start:end]
    if name == "Earth" and text[max(0, start - 4):start].lower() == "the ":
        return True
    return name in not_names() or name in _currency_codes() or text[end:end + 1] == "$" \
        or name.lower().removesuffix("s") in _currency_names() or _ROMAN.fullmatch(name) is not None


#: a Roman numeral of two letters or more alone: "the IX convocation", "World War II" cut short
_ROMAN = re.compile(r"(?=[IVXLC]{2,}$)C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


@cache
def _currency_codes() -> frozenset[str]:
    return frozenset(r["code"].strip() for r in read_rows("currencies.csv") if r.get("code"))


@cache
def _currency_names() -> frozenset[str]:
    """Currencies written in words, lower-cased ("n.z. dlr", "new zealand dollar")."""
    return frozenset(r["text"].strip().lower() for r in read_rows("currencies.csv") if " " in r["text"].strip())


def known_org_hits(text: str) -> Iterator[tuple[Span, Known]]:
    """Organizations of the knowledge base in ``text``, with their suffixes; a one-word name
    inside a longer name ("Harrison Ford", "Ford Taurus") or before a model is passed over."""
    table = known_orgs()
    for match in orgs_re().finditer(text):
        start, end = match.span()
        form = match.group()
        if _ambiguous(form) and (name_before(text, start) or name_after(text, end)):
            continue
        if is_model(text, end) or text[end:end + 1] == "$":
            continue  # "Airbus A380": a product; "AU$": a currency
        yield (start, corporate_tail(text, end)), table[form]


def _ambiguous(form: str) -> bool:
    """A one-word name in mixed case: it may be a surname or a product's first word."""
    return " " not in form and not form.isupper()


def name_before(text: str, start: int) -> bool:
    """A capitalised word before, not at a sentence's start ("Harrison Ford")."""
    match = re.search(r"(?:^|(?P<lead>[^\s]*)\s+)(?P<word>[A-Z][a-z]+)\s+$", text[max(0, start - 60):start])
    if match is None:
        return False
    lead = match.group("lead")
    return bool(lead) and lead[-1] not in ".!?\"'\u201c\u201d:;" and match.group("word").lower() not in titles()


def name_after(text: str, end: int) -> bool:
    """A capitalised word after that is no suffix, title or cue ("Ford Taurus", "Apple Corps")."""
    match = re.match(r" (?P<word>[A-Z][a-z]+)\b", text[end:end + 40])
    if match is None:
        return False
    word = match.group("word")
    return not (word in org_suffixes() or word.lower() in titles() or word in org_cues().get("after", ()))


def index_spans(text: str) -> list[Span]:
    """Stock market indexes ("the Dow Jones", "FTSE 100"): financial names, not organizations."""
    out = []
    for match in _indices_re().finditer(text):
        start, end = match.span()
        if _ambiguous(match.group()) and name_after(text, end):
            continue  # "Dow Chemical"
        out.append((start, end))
    return out


@cache
def _indices_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w&-])(?:{trie_alternation(financial_indices())})(?![\w&-])")


def surname_hits(text: str, full: str, taken: SpanSet | list[Span],
                 alone: dict[str, list[Span]] | None = None) -> list[Span]:
    """Mentions of a person's last name alone ("Jobs" after "Steve Jobs"), not inside other names.

    ``alone``: :func:`last_names_alone` of the text for all its persons, found once per
    document; else the text is scanned for this person's last name."""
    last = _last_name(full)
    if last is None:
        return []
    alone = last_names_alone(text, [full]) if alone is None else alone
    return [span for span in alone.get(last, ()) if not overlaps(taken, span)]


def last_names_alone(text: str, fulls: Iterable[str]) -> dict[str, list[Span]]:
    """Last name -> where it stands alone, not beside another name's word ("Brenner", not
    "the Brenner Pass"), for the persons ``fulls``: one scan of the text for all of them,
    not one per person (a long text names hundreds)."""
    lasts = {last for full in fulls if (last := _last_name(full)) is not None}
    spelled = {_other_apostrophe(last): last for last in lasts if _other_apostrophe(last) != last}
    found = find_each(text, lasts | set(spelled), before=r"(?<![\w.-])", after=r"(?![\w-])")
    out: dict[str, list[Span]] = {}
    for form, spans in found.items():  # "O'Neill" is "O’Neill"
        out.setdefault(spelled.get(form, form), []).extend(
            (start, end) for start, end in spans if not (name_before(text, start) or name_after(text, end)))
    return {last: sorted(spans) for last, spans in out.items()}


def _other_apostrophe(word: str) -> str:
    return word.replace("'", "\u2019") if "'" in word else word.replace("\u2019", "'")


def one_word_name(name: str) -> bool:
    """Whether a person named by one word only ("Oz") may be found by it elsewhere: not a given
    name, a place, a title or a common word, not in capitals."""
    return " " not in name and len(name) >= 2 and name[0].isupper() and not name.isupper() \
        and not is_given_name(name) and not _place_or_title(name)


def _last_name(full: str) -> str | None:
    """The last word of a name of two words or more, if it may stand alone for the person."""
    last = full.split()[-1]
    if len(full.split()) < 2 or len(last) < 3 or not last[0].isupper() or _place_or_title(last):
        return None
    return last


def name_hits(text: str, name: str, taken: SpanSet | list[Span],
              found: dict[str, list[Span]] | None = None) -> list[Span]:
    """Further mentions of an organization's name, outside other names and not before a model.

    ``found``: :func:`org_names_alone` of the text for all the names looked for, found once
    per document; else the text is scanned for this name."""
    found = org_names_alone(text, [name]) if found is None else found
    return [span for span in found.get(name, ()) if not overlaps(taken, span)]


def org_names_alone(text: str, names: Iterable[str]) -> dict[str, list[Span]]:
    """Name -> its mentions not before a model ("Airbus A380") nor, for a one-word name,
    inside a longer name ("Harrison Ford"): one scan of the text for all ``names``."""
    found = find_each(text, names, before=r"(?<![\w-])", after=r"(?![\w-])")
    return {name: [(start, end) for start, end in spans if not is_model(text, end)
                   and not (_ambiguous(name) and (name_before(text, start) or name_after(text, end)))]
            for name, spans in found.items()}


def _place_or_title(word: str) -> bool:
    """A place, a title or a common word: no short name of a person or company."""
    return lookup_place(word) is not None or word in regions() or word.lower() in titles() \
        or word.lower() in name_words()


def first_word(name: str) -> str | None:
    """The short form of a company's name whose second word is corporate ("Cerberus" for
    "Cerberus Capital Management"; not "California" for "California Theater"), or of a pair and
    its legal form ("Cable" for "Cable and Wireless Plc"), or the name before "and Co" ("Morgan"
    for "J.P. Morgan and Co Inc")."""
    if (and_co := _BEFORE_AND_CO.search(name)) is not None:
        word = and_co.group(1)  # "J.P. Morgan and Co Inc": "Morgan"
        return None if _place_or_title(word) or word in org_suffixes() else word
    words = name.split()
    pair = len(words) == 4 and words[1] in ("and", "&") and words[3] in legal_forms()
    if len(words) < 2 or (words[1] not in org_suffixes() and not pair) or not words[0][:1].isupper() \
            or not words[0].isalpha() or words[0].isupper():
        return None
    if _place_or_title(words[0]) or words[0] in org_suffixes() or words[0].lower() in name_words():
        return None
    return words[0]


def region_hits(text: str) -> Iterator[tuple[Span, str, str]]:
    """World regions by name or adjective ("Asia", "European"): ``(span, region name, kind)``."""
    table = regions()
    for match in _regions_re().finditer(text):
        if not name_after(text, match.end()) or table[match.group()][1] == "name":
            yield match.span(), *table[match.group()]


@cache
def _regions_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{trie_alternation(regions())})(?![\w-])")
