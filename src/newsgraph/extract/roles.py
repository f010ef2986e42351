"""Roles, title mentions and pronouns of persons.

- Roles from prefixed titles ("the Prime Minister of the Republic of Kazakhstan
  Alikhan Smailov", "Chinese Ambassador Zhang Xiao", "President of Russia
  Vladimir Putin:") and appositions ("Shavkat Mirziyoyev, President of Uzbekistan").
- Title mentions: "the Chinese Ambassador to Kazakhstan" or "Prime Minister"
  alone, attributed to the one person in the document who holds that title.
- Pronouns ("he", "she") attributed to the nearest person mentioned before.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ..kb.lexicon import envoy_titles, lookup_place, titles
from ..record import Role

if TYPE_CHECKING:
    from .entities import _Cluster

_PLACE = r"(?:the\s+)?[A-Z][\w'\u2019.-]*(?:\s+(?:(?:of|and|the)\s+)*[A-Z][\w'\u2019.-]*)*?"
_PLACE_GREEDY = _PLACE[:-1]  # the same words, as many as stand there
_PRONOUNS = re.compile(r"\b(?:he|she|He|She|him|Him|his|His|her|Her)\b")


@cache
def _title_alt() -> str:
    forms = sorted(titles(), key=len, reverse=True)
    return "|".join(re.escape(f) for f in forms)


@cache
def _titles_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?i:{_title_alt()})(?![\w-])")


@cache
def _tail_re() -> re.Pattern[str]:
    """A title that runs up to the name after it: "Prime Minister of the Republic of Kazakhstan "."""
    return re.compile(
        rf"(?P<title>(?i:{_title_alt()}))(?:\s+of\s+(?P<of>{_PLACE}))?"
        rf"(?:\s+(?:in|to)\s+(?P<to>{_PLACE}))?,?\s+"
    )


_DEMONYM_BEFORE = re.compile(r"(?P<dem>[A-Z][\w'-]+)\s+$")


def _prefix(window: str) -> tuple[re.Match[str], str | None] | None:
    """The title nearest before a name whose words run up to the name, with a demonym before it."""
    for title in reversed(list(_titles_re().finditer(window))):
        tail = _tail_re().fullmatch(window, title.start())
        if tail:
            dem = _DEMONYM_BEFORE.search(window, max(0, title.start() - 30), title.start())
            return tail, dem.group("dem") if dem else None
    return None


@cache
def _suffix_re() -> re.Pattern[str]:
    return re.compile(
        rf"^,\s+(?:the\s+)?(?:(?P<dem>[A-Z][\w'-]+)\s+)?(?P<title>(?i:{_title_alt()}))"
        rf"(?:\s+of\s+(?P<of>{_PLACE}))?(?:\s+(?:in|to)\s+(?P<to>{_PLACE}))?(?=[,.;:]|\s+(?:and|who)\b)"
    )


@cache
def _mention_re() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w-])(?:[Tt]he\s+)?(?:(?P<dem>(?!(?i:{_title_alt()})\b)[A-Z][\w'-]+)\s+)?"
        rf"(?P<title>(?i:{_title_alt()}))"
        rf"(?:\s+of\s+(?P<of>{_PLACE_GREEDY}))?(?:\s+(?:in|to)\s+(?P<to>{_PLACE_GREEDY}))?(?![\w-])"
    )


def _place_code(text: str | None) -> str | None:
    if not text:
        return None
    place = lookup_place(text)
    if place is not None and place.kind != "capital":
        return place.code
    return text.strip()


def _is_code(value: str) -> bool:
    return len(value) == 2 and value.isupper()


def _role(match: re.Match[str], span: tuple[int, int], dem: str | None = None) -> Role | None:
    canonical = titles().get(match.group("title").lower())
    if canonical is None:
        return None
    if "dem" in match.re.groupindex:
        dem = match.group("dem")
    dem_code = _place_code(dem) if dem and lookup_place(dem) else None  # other words before: not ours
    groups = match.groupdict()
    of = _place_code(groups.get("of")) or dem_code
    to = _place_code(groups.get("to")) if canonical in envoy_titles() else None
    return Role(title=canonical, of=of, to=to, span=span)


def _roles_for(text: str, cluster: _Cluster) -> list[Role]:
    roles = []
    for (start, end), kind in cluster.mentions.items():
        if kind != "name":
            continue
        before = text[max(0, start - 160):start]
        found = _prefix(before)
        if found:
            match, dem = found
            role = _role(match, (start - len(before) + match.start("title"), end), dem)
            roles += [role] if role else []
        after = _suffix_re().match(text, end)
        if after:
            role = _role(after, (start, after.end()))
            roles += [role] if role else []
    return roles


def add_roles_and_mentions(text: str, doc: object, clusters: dict[str, _Cluster]) -> None:
    persons = [c for c in clusters.values() if c.type == "PERSON"]
    for cluster in persons:
        cluster.roles += _roles_for(text, cluster)
        for role in cluster.roles:
            if role.of and _is_code(role.of):
                cluster.country = cluster.country or role.of
    _title_mentions(text, persons)
    _pronouns(text, persons)


def _title_mentions(text: str, persons: list[_Cluster]) -> None:
    taken = [span for c in persons for span in c.mentions]
    for match in _mention_re().finditer(text):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        if re.match(r"\s+[A-Z][a-z]+\s+[A-Z]", text[end:end + 40]):
            continue  # a title before a name the NER missed: not a bare title
        holder = _holder(match, persons)
        if holder is not None:
            holder.mentions[(start, end)] = "title"


def _holder(match: re.Match[str], persons: list[_Cluster]) -> _Cluster | None:
    probe = _role(match, match.span())
    if probe is None:
        return None
    found = [
        c for c in persons
        if any(r.title == probe.title and (probe.of is None or r.of == probe.of) for r in c.roles)
    ]
    return found[0] if len(found) == 1 else None


def _pronouns(text: str, persons: list[_Cluster]) -> None:
    anchors = sorted(
        (s, c.key) for c in persons for (s, _e), k in c.mentions.items() if k in ("name", "title")
    )
    by_key = {c.key: c for c in persons}
    for match in _PRONOUNS.finditer(text):
        prior = [key for s, key in anchors if s < match.start() and match.start() - s < 800]
        if prior:
            by_key[prior[-1]].mentions.setdefault(match.span(), "pronoun")


@cache
def _titled_name_re() -> re.Pattern[str]:
    titles_ = _title_alt_cased()
    glued = rf"(?:(?!(?:{titles_}))[A-Z][a-z]+)?"  # "NguyenPhu": two words a scraper glued
    word = rf"(?!(?:{titles_})(?![\w-]))[A-Z][a-z]+{glued}(?:[-'\u2019][A-Z]?[a-z]+)*"
    return re.compile(
        rf"(?<![\w-])(?P<title>(?:{titles_}))(?:\s+of\s+(?P<of>{_PLACE}))?"
        rf"(?:\s+|\[)(?P<name>{word}(?:\s{word}){{1,3}})(?![\w'\u2019-])"
    )


@cache
def _title_alt_cased() -> str:
    """The titles as written capitalized ("Prime Minister"), for names that follow them."""
    forms = sorted({t.title() if t.islower() else t for t in titles()}, key=len, reverse=True)
    return "|".join(re.escape(f) for f in forms)


def titled_names(text: str) -> list[tuple[tuple[int, int], Role]]:
    """Person names that a title stands before: "President of Mongolia Ukhnaagiin Khurelsukh".

    The small NER model often misses or mislabels these (as ORG, glued to the place);
    the title makes them certain. Returns the name span and the role.
    """
    out = []
    for match in _titled_name_re().finditer(text):
        of = match.group("of")
        if of and (lookup_place(of) is None or lookup_place(of).kind == "capital"):  # type: ignore[union-attr]
            continue
        start, end = match.span("name")
        words = match.group("name").split()
        if len(words) > 2 and words[-1] in words[:-1]:  # "Ukhnaagiin Khurelsukh Khurelsukh": a scraping echo
            end -= len(words[-1]) + 1
        role = _role(match, (match.start("title"), end))
        if role is not None and lookup_place(match.group("name")) is None:
            out.append(((start, end), role))
    return out


_LABEL_COLON = re.compile(r"(?:\s*\([\w\s.-]{1,30}\))?:\s")


@cache
def _glued_titles_re() -> re.Pattern[str]:
    """Titles, also where careless scraping glued them to the word before ("UkhnaagiinPresident")."""
    return re.compile(rf"(?:{_title_alt_cased()})(?![\w-])")


@cache
def _label_tail_re() -> re.Pattern[str]:
    return re.compile(rf"(?P<title>{_title_alt_cased()})(?:\s+of\s+(?P<of>{_PLACE_GREEDY}))?\s*")


def title_labels(text: str) -> list[tuple[int, int, Role]]:
    """Transcript labels that name a speaker by office alone: "President of Mongolia(retranslated): ".

    Returns ``(label start, content start, role)``; the caller finds who holds the role. The
    office must run right up to the colon and name a country.
    """
    out = []
    for colon in _LABEL_COLON.finditer(text):
        lo = max(0, colon.start() - 80)
        window = text[lo:colon.start()]
        for title in reversed(list(_glued_titles_re().finditer(window))):
            tail = _label_tail_re().fullmatch(window, title.start())
            if tail is None:
                continue
            role = _role(tail, (lo + title.start(), colon.start()))
            if role is not None and role.of and _is_code(role.of):
                out.append((lo + title.start(), colon.end(), role))
            break
    return out


def holder(persons: list, role: Role) -> object | None:
    """The one person among ``persons`` (entities or clusters) with ``role``'s title and country."""
    found = [p for p in persons if any(r.title == role.title and r.of == role.of for r in p.roles)]
    return found[0] if len(found) == 1 else None
