"""Roles and title mentions of persons.

- Roles from prefixed titles ("the Prime Minister of the Republic of Kazakhstan
  Alikhan Smailov", "Chinese Ambassador Zhang Xiao", stacked "President of Russia
  President Vladimir Putin", plural "deputy prime ministers A and B") and
  appositions ("Shavkat Mirziyoyev, President of Uzbekistan").
- Title mentions: "the Chinese Ambassador to Kazakhstan", "Prime Minister" or "the
  minister", attributed to the person in the document who holds that title (the
  one last named where several do).
- Group mentions ("the two leaders"): :mod:`.coref_groups`; pronouns: :mod:`.coref_pronouns`.

Every pattern is built by :func:`_office` (a title with its ``of`` and ``to`` places).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from ..kb.lexicon import (
    envoy_titles, given_names, is_given_name, known_orgs, lookup_place, military_titles, not_names, office_holder,
    offices_held, titles,
)
from ..record import Role
from .coref_groups import group_mentions
from .coref_pronouns import resolve_pronouns
from .gazetteers import country_in, org_like
from .names import SpanSet, overlaps, slug
from .patterns import trie_alternation

if TYPE_CHECKING:
    from .entities import _Cluster

# a capitalized word, with the full stops of "U.S." and "St." but not one that ends a sentence
_PLACE_WORD = r"[A-Z](?:[\w'\u2019-]|\.(?=\w))*(?:(?<=\b[A-Z])\.|(?<=\bSt)\.)?"
_PLACE = rf"(?:the\s+)?{_PLACE_WORD}(?:\s+(?:(?:of|and|the)\s+)*{_PLACE_WORD})*?"
_PLACE_GREEDY = _PLACE[:-1]  # the same words, as many as stand there
# a place or a body, whose name may hold "for": "the National Endowment for Democracy"
_BODY = rf"(?:the\s+)?{_PLACE_WORD}(?:\s+(?:(?:of|and|the|for)\s+)*{_PLACE_WORD})*?"
_REGION_WORDS = r"(?:Region|Oblast|Province|Territory|Krai|Republic|County)"
# a place word before a title: a demonym or country ("Chinese Ambassador"), or a region ("Astrakhan Region Governor")
_DEMONYM_BEFORE = re.compile(rf"(?P<dem>[A-Z][\w'-]+(?:\s+{_REGION_WORDS})?)\s+$")
_REGION_END = re.compile(rf"\s{_REGION_WORDS}$")
_DEFINITE_BEFORE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Oo]ur|[Tt]heir)\s+[a-z][a-z-]+\s+$")
_INDEFINITE_BEFORE = re.compile(r"\b[Aa]n?\s+$")  # "a spokesman": the document's only one, if any
_SENTENCE_END = re.compile(r"[a-z]{2}\.\s")  # "Kyiv. ", not "Mr. " or "U.S. "
_OF_BEFORE = re.compile(r"\b(?:of\s+(?:the\s+)?|to\s+the\s+)$")
_TO_DEMONYM_BEFORE = re.compile(r"\bto\s+the\s+(?P<dem>[A-Z][a-z]+)\s+$")  # "Adviser to the German Chancellor"
_VOCATIVE_BEFORE = re.compile(r"(?:Mr|Mrs|Ms|Madam|Madame|Comrade|Dear)\.?\s+$")


@cache
def _title_alt() -> str:
    return trie_alternation(titles())


def _any_title() -> str:
    """Any title, in any case."""
    return f"(?i:{_title_alt()})"


@cache
def _title_alt_cased() -> str:
    """The titles as written capitalized ("Prime Minister"), for names that follow them."""
    return trie_alternation({t.title() if t.islower() else t for t in titles()})


def _office(title: str, place: str = _PLACE, *, to: bool = True, plural: bool = False) -> str:
    """A title and where it is held: "Prime Minister of Kazakhstan", "Ambassador to Kazakhstan"."""
    out = rf"(?P<title>{title}){'s' if plural else ''}(?:\s+of\s+(?P<of>{place}))?"
    return out + (rf"(?:\s+(?:in|to)\s+(?P<to>{place}))?" if to else "")


@cache
def _titles_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?i:{_title_alt()})(?![\w-])")


def title_at(text: str, start: int) -> int | None:
    """The end of the title that starts at ``start`` ("Defence Secretary"), if one does."""
    match = _titles_re().match(text, start)
    return match.end() if match else None


@cache
def _tail_re() -> re.Pattern[str]:
    """A title that runs up to the name after it: "Prime Minister of the Republic of Kazakhstan "."""
    return re.compile(_office(_any_title()) + _ON_ISSUES + r"(?:,?\s+|\[)")


# what an adviser or a representative advises on, between the office and the name
_ON_ISSUES = r"(?:\s+on\s+(?:[a-z-]+\s+){0,3}(?:issues|affairs|matters|policy|questions|cooperation|security))?"


@cache
def _plural_re() -> re.Pattern[str]:
    """A plural title before the names it applies to: "deputy prime ministers "."""
    return re.compile(
        r"(?<![\w-])(?:(?P<dem>[A-Z][\w'-]+)\s+)?" + _office(_any_title(), plural=True, to=False)
        + r",?\s+(?=[A-Z])"
    )


@cache
def _suffix_re() -> re.Pattern[str]:
    return re.compile(
        rf",\s+(?:the\s+)?(?:(?P<dem>(?!(?i:{_title_alt()})\b)[A-Z][\w'-]+)\s+)?" + _office(_any_title(), _BODY)
        + r"(?=[,.;:]|\s+(?:and|who)\b)"
    )


@cache
def _appointed_re() -> re.Pattern[str]:
    """An office a name is appointed to: "(appointment of X) as Head of Kharkiv Regional State
    Administration", "(X) was appointed Minister of Finance"."""
    return re.compile(
        r"(?:\s+(?:was|has\s+been|had\s+been|is|will\s+be)\s+(?:appointed|elected|named|nominated|confirmed)"
        r"(?:\s+as)?|\s+as)\s+(?:the\s+)?(?:new\s+)?"
        rf"(?:(?P<dem>(?!(?i:{_title_alt()})\b)[A-Z][\w'-]+)\s+)?" + _office(_any_title(), _BODY)
        + r"(?=[,.;:]|\s+(?:and|who|on|in|from|for|by)\b|$)"
    )


_APPOINTING = re.compile(r"\b(?i:appoint(?:s|ed|ing|ment)?|elect(?:s|ed|ion)?|nominat(?:es|ed|ion)|nam(?:es|ed|ing)|"
                         r"designat(?:es|ed|ion)|confirm(?:s|ed|ation))\b")


@cache
def _mention_re() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w-])(?:[Tt]he\s+)?(?:(?P<dem>(?!(?i:{_title_alt()})\b)[A-Z][\w'-]+)\s+)?"
        + _office(_any_title(), _PLACE_GREEDY) + r"(?![\w-])"
    )


@cache
def _person_name() -> str:
    """Two to four capitalized name words, with particles ("Gómez de Celis", "bin Salman", "von der Leyen")."""
    titles_ = _title_alt_cased()
    glued = rf"(?:(?!(?:{titles_}))[A-Z][a-z]+)?"  # "NguyenPhu": two words a scraper glued
    low = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f"  # with the accented letters of Latin-1 and Latin Extended-A
    word = rf"(?!(?:{titles_})(?![\w-]))[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f][{low}]+{glued}(?:[-'\u2019](?!s\b)[A-Z]?[{low}]+)*"  # "O'Brien", not "Thatcher's"
    particle = r"(?:(?:de|del|da|das|do|dos|du|van|von|der|den|di|la|las|los|bin|ibn|al|el|ter)[^\S\n]){0,2}"
    return rf"{word}(?:[^\S\n]{particle}{word}){{1,3}}(?![\w'\u2019-])"


@cache
def _titled_name_re() -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w-])" + _office(_any_title(), to=False) + rf"(?:\s+|(?P<bracket>\[))(?P<name>{_person_name()})"
    )


@cache
def _name_re() -> re.Pattern[str]:
    return re.compile(_person_name())


@cache
def _label_tail_re() -> re.Pattern[str]:
    return re.compile(_office(_title_alt_cased(), _PLACE_GREEDY, to=False) + r"\s*")


@cache
def _glued_titles_re() -> re.Pattern[str]:
    """Titles, also where careless scraping glued them to the word before ("UkhnaagiinPresident")."""
    return re.compile(rf"(?:{_title_alt_cased()})(?![\w-])")


def _place_code(text: str | None) -> str | None:
    """The country code of a title's place, or the place as written; a place that runs on into a
    name ("Portugal Antonio", "of the Portuguese Republic Marcelo Rebelo de Sousa") is its country."""
    if not text:
        return None
    place = lookup_place(text)
    if place is not None and place.kind != "capital":
        return place.code
    found = _place_then_name(text)
    return found[0] if found else text.strip()


def _place_then_name(text: str) -> tuple[str, int] | None:
    """``(country code, words after it)`` where ``text`` is a country followed by capitalized words."""
    words = text.split()
    for k in range(len(words) - 1, 0, -1):
        place = lookup_place(" ".join(words[:k]))
        if place is not None and place.kind not in ("capital", "demonym") and all(w[:1].isupper() for w in words[k:]):
            return place.code, len(words) - k
    return None


def _is_country(text: str) -> bool:
    """A country by name ("the Republic of Kazakhstan"), not by demonym or capital."""
    place = lookup_place(text)
    return place is not None and place.kind == "name"


def _is_code(value: str | None) -> bool:
    return value is not None and len(value) == 2 and value.isupper()


def _role(match: re.Match[str], span: tuple[int, int], dem: str | None = None) -> Role | None:
    canonical = titles().get(match.group("title").lower())
    if canonical is None:
        return None
    if "dem" in match.re.groupindex:
        dem = match.group("dem")
    dem_code = _place_code(dem) if dem and lookup_place(dem) else None  # other words before: not ours
    if dem_code is None and dem and _REGION_END.search(dem):
        dem_code = dem  # "Astrakhan Region Governor": the region as written
    groups = match.groupdict()
    of = _place_code(groups.get("of")) or dem_code
    to = _place_code(groups.get("to")) if canonical in envoy_titles() else None
    if of is None and groups.get("to") and canonical not in envoy_titles() \
            and match.string[max(0, match.start("to") - 3):match.start("to")] == "to ":
        of = _held_in(groups["to"])  # "Adviser to the President of Ukraine": held in Ukraine
    if canonical in _PORTFOLIO_TITLES and of and not _is_code(of) and portfolio(of):
        country = _OF_COUNTRY_END.search(of)  # "Deputy Minister of Foreign Affairs of Ukraine"
        if country is not None and _is_country(country.group("country")):
            of, dem_code = of[:country.start()].rstrip(), _place_code(country.group("country"))
        return Role(title=f"{canonical} of {of}", of=dem_code, to=to, span=span)  # "Minister of Digital Transformation"
    return Role(title=canonical, of=of, to=to, span=span)


def _held_in(office: str) -> str | None:
    """The country of the office an adviser or aide serves: "the President of the United States"
    (the longest run of words after its last "of" that names a country), "the German Chancellor"."""
    last_of = list(re.finditer(r"\bof\s+", office))
    return _country_first(office[last_of[-1].end():].split() if last_of else []) or country_in(office)


def _country_first(words: list[str]) -> str | None:
    """The country code of the longest run of ``words`` from the first that names a country."""
    for n in range(len(words), 0, -1):
        if _is_country(" ".join(words[:n])):
            return _place_code(" ".join(words[:n]))
    return None


_PORTFOLIO_TITLES = frozenset({"Minister", "Deputy Minister", "First Deputy Minister", "Deputy Prime Minister"})
_NOT_PORTFOLIO = re.compile(r"(?:Ministry|Office|Council|Committee|Government|Cabinet|Republic|Kingdom|State|Federation"
                            r"|Union|Party|Bank|Agency|Service|Region|Oblast|Province|City)")


def portfolio(of: str) -> bool:
    """Whether a minister's "of" names a portfolio ("Digital Transformation", "Strategic
    Industries"), not a body or a place."""
    return not _NOT_PORTFOLIO.search(of) and lookup_place(of) is None and of not in known_orgs()


# --- roles -------------------------------------------------------------------------


def _prefixes(window: str) -> list[tuple[re.Match[str], str | None]]:
    """The titles that run up to a name, outermost first: "President of Russia President " gives two.

    Each comes with the capitalized word before it (a demonym, perhaps); only the
    outermost title of a stack keeps it.
    """
    found: list[re.Match[str]] = []
    end = len(window)
    titles_ = list(_titles_re().finditer(window))
    for i in range(len(titles_) - 1, -1, -1):
        title = titles_[i]
        if title.end() > end:
            continue
        if not found and _owned_title(window, title.start()) and any(
                _tail_re().fullmatch(window, outer.start(), end) for outer in titles_[:i]):
            continue  # "Head of the Office of the President X": the office is the outer title's place
        tail = _tail_re().fullmatch(window, title.start(), end)
        if tail is not None and ("\n" in tail.group() or _SENTENCE_END.search(tail.group()) or _names_another(tail)):
            break  # a title does not run on from the line or sentence before ("... of Germany\n\nDeputy Head"),
            # nor past its own holder ("with Prime Minister of Portugal Antonio Costa, X said")
        if tail is None or (found and not _places_ok(tail)):
            if found:
                break
            continue
        found.append(tail)
        end = title.start()
    found.reverse()
    out = []
    for i, tail in enumerate(found):
        dem = _DEMONYM_BEFORE.search(window, max(0, tail.start() - 30), tail.start()) if i == 0 else None
        if i == 0 and dem is None:  # "Indonesia's Mines and Energy Minister": the country before a joined portfolio
            dem = _DEMONYM_BEFORE_PORTFOLIO.search(window, max(0, tail.start() - 50), tail.start())
            dem = dem if dem and lookup_place(dem.group("dem")) is not None else None
        out.append((tail, dem.group("dem") if dem else None))
    return out


_DEMONYM_BEFORE_PORTFOLIO = re.compile(r"(?P<dem>[A-Z][\w'\u2019-]+)\s+[A-Z][a-z]+(?:,\s+[A-Z][a-z]+)*\s+and\s+$")


def _owned_title(window: str, start: int) -> bool:
    """A title after "of (the)" or "to the (demonym)": the office of the title before it."""
    dem = _TO_DEMONYM_BEFORE.search(window, 0, start)
    return bool(_OF_BEFORE.search(window, 0, start) or (dem and lookup_place(dem.group("dem")) is not None))


def label_start(text: str, start: int) -> int:
    """Where the titles before a name at ``start`` begin, with a place word before them ("Kaliningrad
    Region Governor Anton Alikhanov", "President of Russia Vladimir Putin"); ``start`` if none."""
    window = text[max(0, start - 160):start]
    stack = _prefixes(window)
    if not stack:
        return start
    outer, dem = stack[0]
    begin = outer.start("title")
    if dem:
        found = _DEMONYM_BEFORE.search(window, max(0, begin - 30), begin)
        begin = found.start("dem") if found else begin
    return start - len(window) + begin


def _names_another(tail: re.Match[str]) -> bool:
    """A title whose place runs on into two or more name words before a comma: they are its holder."""
    if not tail.group().rstrip().endswith(","):
        return False
    found = [_place_then_name(tail.group(g)) for g in ("of", "to") if tail.group(g)]
    return any(f is not None and f[1] >= 2 for f in found)


def _places_ok(match: re.Match[str]) -> bool:
    """A title stacked on another names real countries: not "President of Mongolia Ukhnaagiin Khurelsukh"."""
    return all(_is_country(match.group(g)) for g in ("of", "to") if match.group(g))


def _roles_for(text: str, cluster: _Cluster, names: list[int],
               offices: dict[tuple[int, int], tuple[int, int] | None]) -> list[Role]:
    """The roles of ``cluster``'s name mentions; ``names``: where the persons' names start, sorted;
    ``offices``: the offices glued to the echoes of speaker labels (see :func:`echoes`)."""
    roles = []
    for (start, end), kind in cluster.mentions.items():
        if kind != "name":
            continue
        if (start, end) in offices:  # the echo: its office, not the title before the name
            office = offices[(start, end)]
            match = _mention_re().fullmatch(text[office[0]:office[1]]) if office else None  # glued: no word start
            role = _role(match, (start, office[1])) if match else None
            roles += [role] if role else []
            continue
        start = _before_given_name(text, start, end, cluster.name)
        before = text[max(0, start - 160):start]
        stack = _prefixes(before)
        if stack and _KIN_OF.search(before, 0, stack[0][0].start()):
            stack = []  # "Wife of the President of Ukraine Olena Zelenska": his title, not hers
        closed = end + 1 if text[start - 1:start] == "[" and text[end:end + 1] == "]" else end
        of_after = _of_after(text, end) if stack else None
        for match, dem in stack:
            outer = start - len(before) + stack[0][0].start("title")
            role = _role(match, (outer, closed), dem)
            if role is not None and role.of is None and of_after:
                role = Role(title=role.title, of=of_after, to=role.to, span=role.span)
            roles += [role] if role else []
        after = None if stack else _suffix_re().match(text, end)  # a titled name in a list: the next one's
        if after and _apposed(text, after, names):
            role = _role(after, (start, after.end()))
            roles += [role] if role else []
        roles += _appointed(text, start, end)
    return roles


def _appointed(text: str, start: int, end: int) -> list[Role]:
    """The office a person is appointed to: "the appointment of Oleh Synehubov as Head of Kharkiv
    Regional State Administration", "Anna Berg was elected Mayor of Lima"; "as" needs a word of
    appointing just before the name ("served as" is no office now)."""
    match = _appointed_re().match(text, end)
    if match is None or match.group("title")[0].islower():
        return []
    if match.group().lstrip().startswith("as") and not _APPOINTING.search(text, max(0, start - 40), start):
        return []
    role = _role(match, (start, match.end()))
    return [role] if role is not None and (role.of or match.group("dem")) else []


_CLAUSE_END = re.compile(r"[,.;:]")
_KIN_OF = re.compile(r"\b(?i:wife|husband|spouse|widow|widower|son|daughter|mother|father|brother|sister)"
                     r"\s+of\s+(?:the\s+)?$")


def _apposed(text: str, after: re.Match[str], names: list[int]) -> bool:
    """Whether a title after a name and a comma is that person's: it says where it is held
    ("Damon Wilson, President of the National Endowment for Democracy", "Olaf Scholz, German
    Chancellor"; not "Benedict Cumberbatch, Queen"), and it is not the next person's title in a
    list ("..., Minister of Natural Resources and Environment Alexander Kozlov": a name follows
    before the clause ends)."""
    dem = after.group("dem")
    if dem is not None and lookup_place(dem) is None:
        return False
    if dem is None and after.group("of") is None and after.group("to") is None:
        return False
    titled = _titled_name_re().match(text, after.start("title"))
    if titled and titled.group("name").split()[0].lower() in given_names():
        return False  # "..., Minister of Economic Development Maxim X": a name the NER missed
    stop = _CLAUSE_END.search(text, after.end())
    i = bisect_right(names, after.start())
    return i >= len(names) or names[i] >= (stop.start() if stop else len(text))


def _before_given_name(text: str, start: int, end: int, name: str) -> int:
    """Where a mention of the last name alone starts once the given name before it is counted
    in ("... of Ukraine Andriy Yermak" where the mention is "Yermak"): not a word of the place."""
    given = name.rsplit(" ", 1)[0] + " " if " " in name else ""
    if not given or " " in text[start:end] or text[max(0, start - len(given)):start] != given \
            or any(w.lower() in titles() for w in given.split()):
        return start
    if re.search(r"[.!?:;]\s*$", text[max(0, start - len(given) - 3):start - len(given)]):
        return start
    return start - len(given)


def _fold_reversed(clusters: dict[str, _Cluster]) -> None:
    """"Smailov Alikhan" is "Alikhan Smailov" written surname first: one person, named first so."""
    persons = sorted((c for c in clusters.values() if c.type == "PERSON"), key=lambda c: c.first())
    by_name = {c.name: c for c in persons}
    for cluster in persons:
        words = cluster.name.split()
        other = by_name.get(" ".join(reversed(words))) if len(words) == 2 else None
        if other is not None and other is not cluster and other.first() < cluster.first():
            other.mentions.update(cluster.mentions)
            other.roles += cluster.roles
            other.country = other.country or cluster.country
            clusters.pop(cluster.key, None)
            by_name.pop(cluster.name, None)


_AFTER_NAME_OF = re.compile(rf"\s+of\s+(?P<of>{_PLACE_GREEDY})")


def _of_after(text: str, end: int) -> str | None:
    """"President Emmanuel Macron of France": the country named right after the name."""
    match = _AFTER_NAME_OF.match(text, end)
    if match is None:
        return None
    return _country_first(match.group("of").split())


_NAME_JOIN = re.compile(r"(?:,\s+(?:and\s+)?|\s+and\s+)")


def _plural_titles(text: str, persons: list[_Cluster]) -> None:
    """"deputy prime ministers Alexei Overchuk and Viktoria Abramchenko": a role for each name.

    The phrase is a title mention of each. A role is kept only where its country is
    known (from the phrase or the person): a bare plural title says too little.
    """
    names = {span: c for c in persons for span, kind in c.mentions.items() if kind == "name"}
    by_start = {span[0]: (span, c) for span, c in names.items()}
    for match in _plural_re().finditer(text):
        group, at = [], match.end()
        while at in by_start:
            span, cluster = by_start[at]
            group.append((span, cluster))
            join = _NAME_JOIN.match(text, span[1])
            at = join.end() if join else -1
        if len(group) < 2:
            continue
        dem = match.group("dem")
        whole = (match.start() if dem and lookup_place(dem) else match.start("title"), group[-1][0][1])
        for span, cluster in group:
            role = _role(match, whole)
            if role is not None and (_is_code(role.of) or cluster.country):
                cluster.roles.append(role)
            cluster.mentions.setdefault(whole, "title")


def add_roles_and_mentions(text: str, doc: object, clusters: dict[str, _Cluster], date: str | None = None) -> None:
    """Roles, title mentions (with ``date``, the document's: also of office holders the text never
    names), group mentions and pronouns of the persons among ``clusters``."""
    _fold_reversed(clusters)
    persons = [c for c in clusters.values() if c.type == "PERSON"]
    names = sorted(start for c in persons for (start, _end), kind in c.mentions.items() if kind == "name")
    offices = {e.echo: e.office for e in echoes(text)}
    bodies = {end: (start, end) for c in clusters.values() if c.type == "ORG"
              for (start, end), kind in c.mentions.items() if kind == "name"}
    for cluster in persons:
        cluster.roles += _roles_for(text, cluster, names, offices)
        cluster.roles = [_in_body_before(text, role, bodies) for role in cluster.roles]
        for role in cluster.roles:
            if _is_code(role.of):
                cluster.country = cluster.country or role.of
    _plural_titles(text, persons)
    _title_mentions(text, persons, clusters, date)
    group_mentions(text, persons)
    resolve_pronouns(text, doc, persons)


def _in_body_before(text: str, role: Role, bodies: dict[int, tuple[int, int]]) -> Role:
    """A title without its place held in the organization named right before it: "Federal
    Reserve Board Vice Chairman Manuel Johnson" is Vice Chairman of the Federal Reserve Board."""
    if role.of is not None or role.span is None or text[role.span[0] - 1:role.span[0]] != " " \
            or role.title in military_titles():  # "Army General Sergei Shoigu": a rank
        return role
    body = bodies.get(role.span[0] - 1)
    return Role(title=role.title, of=text[body[0]:body[1]], to=role.to, span=role.span) if body else role


# --- title mentions ----------------------------------------------------------------


def _title_mentions(text: str, persons: list[_Cluster], clusters: dict[str, _Cluster], date: str | None) -> None:
    taken = SpanSet(span for c in persons for span in c.mentions)
    taken.extend(r.span for c in persons for r in c.roles if r.span)
    for match in _mention_re().finditer(text):
        match = _place_before_and(text, match)
        start, end = _mention_span(text, match)
        if overlaps(taken, (start, end)):
            continue
        if re.match(r"(?:\s+|\[)[A-Z][a-z]+\s+[A-Z]", text[end:end + 40]):
            continue  # a title before a name the NER missed: not a bare title
        if _VOCATIVE_BEFORE.search(text, max(0, start - 12), start):
            continue  # "Mr President": whom a speaker addresses (see .coref)
        indefinite = bool(_INDEFINITE_BEFORE.search(text, max(0, start - 4), start))
        if text[start].islower() and not _definite(text, start) and not indefinite:
            continue  # "in general", "deputy head": a common word, not a title that stands for a person
        found = _holder(match, persons, unique=indefinite)
        if found is None and date and not indefinite:
            found = _sitting_holder(text, match, (start, end), persons, clusters, date) \
                or _known_holder(text, match, (start, end), persons, date)
        if found is not None:
            found.mentions[(start, end)] = "title"


_OWNED = re.compile(r"(?:\b(?:of|for|under)|(?i:\b(?:adviser|advisor|aide|assistant|envoy|representative|commissioner"
                    r"|spokes(?:man|woman|person)|secretary|counsell?or|ombudsman)\s+to))\s+$")
_NOT_SITTING = re.compile(r"\b(?:former|ex|late|then|future|next|new|previous|past|acting|first|\d+(?:st|nd|rd|th))"
                          r"[\s-]+$", re.I)


def _sitting_holder(text: str, match: re.Match[str], span: tuple[int, int], persons: list[_Cluster],
                    clusters: dict[str, _Cluster], date: str) -> _Cluster | None:
    """"the President of Russia noted" in a text that names no holder of the office: the one in
    office on the document's date (``office_holders.csv``), by name if the text gives his surname
    alone, else a person the text refers to by title only. Not "the former President of ...",
    "the 43rd President of ..."."""
    probe = _role(match, span)
    if probe is None or not _is_code(probe.of) or not _sitting(text, span):
        return None
    name = office_holder(probe.title, probe.of, date)
    if name is None:
        return None
    cluster = next((c for c in persons if c.name in (name, name.split()[-1])), None)
    if cluster is None:
        from .entities import _Cluster  # noqa: PLC0415 (entities imports this module)

        key = f"person:{slug(name)}"
        cluster = clusters.get(key) or _Cluster(type="PERSON", name=name, key=key, country=probe.of)
        clusters[key] = cluster
        persons.append(cluster)
    cluster.roles.append(probe)
    cluster.country = cluster.country or probe.of
    return cluster


def _sitting(text: str, span: tuple[int, int]) -> bool:
    """Whether a title mention stands for its sitting holder: not "the former President", "the 43rd
    President", "the wife of the President", "Adviser to the President", "the President's Office"."""
    return not (_NOT_SITTING.search(text, max(0, span[0] - 20), span[0])
                or _OWNED.search(text, max(0, span[0] - 30), span[0]) or text[span[1]:span[1] + 1] in ("'", "\u2019"))


def _known_holder(text: str, match: re.Match[str], span: tuple[int, int], persons: list[_Cluster],
                  date: str) -> _Cluster | None:
    """"Vladimir Putin laid a wreath ... The President also laid flowers": a title without its
    country is the one person the text names who held it on the document's date
    (``office_holders.csv``), who then holds it in that country."""
    probe = _role(match, span)
    if probe is None or probe.of is not None or not _sitting(text, span):
        return None
    held = [(c, countries) for c in persons if (countries := offices_held(c.name, probe.title, date))]
    if len(held) != 1 or len(held[0][1]) != 1:
        return None
    cluster, (of,) = held[0]
    cluster.roles.append(Role(title=probe.title, of=of, to=probe.to, span=probe.span))
    cluster.country = cluster.country or of
    return cluster


def _place_before_and(text: str, match: re.Match[str]) -> re.Match[str]:
    """The mention ended after its country where the place words ran on over "and" into the next
    name ("The President of Russia and Mario Draghi exchanged"), not inside a country's name
    ("Bosnia and Herzegovina") or a body's ("the Minister of Trade and Industry")."""
    of = match.group("of")
    if not of or " and " not in of or lookup_place(of) is not None:
        return match
    head = of.split(" and ")[0]
    if not _is_country(head):
        return match
    return _mention_re().match(text, match.start(), match.start("of") + len(head)) or match


def _definite(text: str, start: int) -> bool:
    """"the president", "the former president": a title that stands for a person."""
    return text[start:start + 4] == "the " or bool(_DEFINITE_BEFORE.search(text, max(0, start - 40), start))


def _mention_span(text: str, match: re.Match[str]) -> tuple[int, int]:
    """The match, or from its title on where the word before is no demonym ("Then Prime Minister");
    "to X" only for an envoy ("the visit by the President of Uzbekistan to Russia": Russia is visited)."""
    dem = match.group("dem")
    start = match.start("title") if dem and lookup_place(dem) is None else match.start()
    end = match.end()
    if match.group("to") and titles().get(match.group("title").lower()) not in envoy_titles():
        end = match.end("of") if match.group("of") else match.end("title")
    return start, end


#: generic titles that stand for the office of a state's or government's head
_GENERIC = {
    "head of state": frozenset({"president", "king", "queen", "emir", "sultan", "monarch"}),
    "head of government": frozenset({"prime minister", "premier", "chancellor"}),
}


def _same_title(probe: str, held: str) -> bool:
    """"Secretary General" is "General Secretary"; a bare "Minister" is any minister; "the Head
    of State" is the president (or monarch)."""
    if held.lower() in _GENERIC.get(probe.lower(), ()):
        return True
    words = set(re.split(r"[\s-]+", probe.lower()))
    held_words = re.split(r"[\s-]+", held.lower())
    if words == set(held_words):
        return True
    return len(words) == 1 and held_words[-1] in words and not _LOWER_RANK & set(held_words) - words


#: words that make a held title a lower office than its last word alone: "the Head" is not the Deputy Head
_LOWER_RANK = frozenset({"deputy", "vice", "assistant", "under", "sub", "co"})


def _of_country(of: str | None) -> str | None:
    """The country an ``of`` names: itself, or the one in a body's name ("Communist Party of Vietnam")."""
    return of if of is None or _is_code(of) else country_in(of)


def _holder(match: re.Match[str], persons: list[_Cluster], unique: bool = False) -> _Cluster | None:
    """Who holds the title: the one holder, or the one named last ("a spokesman": the one only)."""
    probe = _role(match, match.span())
    if probe is None:
        return None
    of = _of_country(probe.of)
    exact = [c for c in persons if any(r.title == probe.title and _fits(r, c, probe, of) for r in c.roles)]
    found = exact or [c for c in persons if any(_same_title(probe.title, r.title) and _fits(r, c, probe, of)
                                                for r in c.roles)]
    if probe.of is None and len(found) > 1:  # "the President": a country's, not a parliament's
        found = [c for c in found if any(r.of is None or _is_code(r.of) for r in c.roles
                                         if _same_title(probe.title, r.title))] or found
    if probe.title.lower() in _GENERIC and len(found) > 1:  # "the Head of State" is who was called so before
        said = probe.title.lower()
        found = [c for c in found if any(k == "title" and s < match.start() and said in match.string[s:e].lower()
                                         for (s, e), k in c.mentions.items())] or found
    if len(found) <= 1 or unique:
        return found[0] if len(found) == 1 else None
    return _last_named(found, match.start())


def _fits(role: Role, cluster: _Cluster, probe: Role, of: str | None) -> bool:
    """The role is held where the probe says (a role without a place: in the person's country)."""
    if probe.of is None:
        return True
    held = role.of or cluster.country
    if held == probe.of or (of is not None and _of_country(held) == of):
        return True
    if of is None and held and not _is_code(held):
        probe_body, held_body = _body_words(probe.of), _body_words(held)
        return held_body == probe_body or held_body.startswith(probe_body + " of ")  # + " of Ukraine"
    return False


_POSSESSIVE_BODY = re.compile(r"^(?P<owner>.+?)['\u2019]s\s+(?P<body>\S+)$")


def _body_words(name: str) -> str:
    """A body's name compared loosely: "the President's Office" is "office of president"."""
    name = re.sub(r"\bthe\s+", "", name.strip(), flags=re.I).lower()
    possessive = _POSSESSIVE_BODY.match(name)
    return f"{possessive['body']} of {possessive['owner']}" if possessive else name


def _last_named(found: list[_Cluster], offset: int, reach: int = 600) -> _Cluster | None:
    """Of several holders, the one named (or titled) last before ``offset``, within ``reach``;
    failing that, the one the text has named far the most so far (twice as often as any other:
    "the President" of a president's own press office, who also names a foreign president)."""
    best: tuple[int, _Cluster] | None = None
    counts = []
    for cluster in found:
        starts = [s for (s, _e), k in cluster.mentions.items() if k in ("name", "title") and s < offset]
        counts.append((len(starts), id(cluster), cluster))
        if starts and max(starts) > offset - reach and (best is None or max(starts) > best[0]):
            best = (max(starts), cluster)
    if best is not None:
        return best[1]
    counts.sort(reverse=True)
    return counts[0][2] if counts[0][0] >= 2 * max(counts[1][0], 1) else None


# --- names after titles, transcript labels -------------------------------------------


def titled_names(text: str) -> list[tuple[tuple[int, int], Role]]:
    """Person names that a title stands before: "President of Mongolia Ukhnaagiin Khurelsukh".

    The small NER model often misses or mislabels these (as ORG, glued to the place);
    the title makes them certain. A title held in a body that is no country counts where a
    known given name starts the name ("Head of the Federal Taxation Service Daniil Yegorov").
    A title written in lower case counts only with its country ("the head of the People's
    Republic of China Xi Jinping"). A place or an organization's name after a title is no person
    ("the CEO Council Summit"). Returns the name span and the role.
    """
    out = []
    for match in _titled_name_re().finditer(text):
        of = match.group("of")
        office: re.Match[str] | None = match
        start, end = match.span("name")
        lower = match.group("title")[0].islower()
        if of and not _is_country(of) and not _body_of_country(of):
            start, end, office = (start, end, None) if lower else _given_name_after_body(text, match)
        if office is None or (lower and not of):
            continue
        words = text[start:end].split()
        if len(words) > 2 and words[-1] == words[-2]:  # "Ukhnaagiin Khurelsukh Khurelsukh": a scraping echo
            end -= len(words[-1]) + 1
        closed = end + 1 if match.group("bracket") and text[end:end + 1] == "]" else end
        dem = _DEMONYM_BEFORE.search(text, max(0, match.start("title") - 30), match.start("title"))
        role = _role(office, (match.start("title"), closed), dem.group("dem") if dem else None)
        if role is not None and role.of is None and (after := _of_after(text, end)):
            role = Role(title=role.title, of=after, to=role.to, span=role.span)  # "King Hamad ... of Bahrain"
        if role is not None and lookup_place(text[start:end]) is None and not org_like(text[start:end]):
            out.append(((start, end), role))
    taken = [span for span, _role in out]
    out += [found for found in _monarchs(text) if not any(s < found[0][1] and found[0][0] < e for s, e in taken)]
    return sorted(out, key=lambda found: found[0])


_MONARCH = re.compile(
    r"(?<![\w-])(?P<title>King|Queen|Crown\s+Prince|Prince|Emir|Amir|Sultan|Pope|Patriarch)\s+(?P<name>[A-Z][a-z]+(?:\s+[IVX]{1,4})?)"
    r"(?![\w'\u2019-]|\s+(?:[A-Z]|(?:bin|ibn|al|el|de|von|van)\s))"
)


def _monarchs(text: str) -> list[tuple[tuple[int, int], Role]]:
    """Monarchs and popes named by their title and one name, with their regnal number and their
    country ("King Abdullah II of Jordan", "Queen Mathilde of Belgium", "Pope Francis"); the name
    is no place, title or word that names nothing. A name followed by another capitalized word or
    a particle is left to the titled-name pattern ("Crown Prince Mohammed bin Salman")."""
    out = []
    for match in _MONARCH.finditer(text):
        name = match.group("name")
        first = name.split()[0]
        if lookup_place(first) is not None or first.lower() in titles() or first in not_names():
            continue
        title = titles()[" ".join(match.group("title").split()).lower()]
        role = Role(title=title, of=_of_after(text, match.end()), to=None, span=(match.start(), match.end()))
        out.append((match.span("name"), role))
    return out


_NAME_WORD = re.compile(r"[A-Z][\w'\u2019-]*")


def _given_name_after_body(text: str, match: re.Match[str]) -> tuple[int, int, re.Match[str] | None]:
    """A name after a title held in a body that is no country ("First Deputy Head of the Ukrainian
    Delegation to the TCG Andriy Kostin"): it starts at a known given name, and the words before
    are the body's. Returns the name's span and the office (None: no such name)."""
    for word in _NAME_WORD.finditer(text, match.end("title"), match.end("name")):
        if word.start() < match.end("of") or not is_given_name(word.group()):
            continue
        name = _name_re().match(text, word.start())
        if name is None or _titles_re().search(text, match.end("title"), word.start()):
            break  # one word left, or another title before the name ("... of Spain Admiral Juan ..."): a stack
        office = _tail_re().fullmatch(text, match.start("title"), word.start())
        if office is not None:
            return word.start(), name.end(), office
    return match.start("name"), match.end("name"), None


_OF_COUNTRY_END = re.compile(r"\bof\s+(?P<country>(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)$")


def _body_of_country(of: str) -> bool:
    """A body named with its country at the end: "the Office of the President of Ukraine"."""
    match = _OF_COUNTRY_END.search(of)
    return match is not None and _is_country(match.group("country"))


_LABEL_COLON = re.compile(r"(?:\s*\([\w\s.-]{1,30}\))?:\s")


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


#: a kremlin.ru speaker label keeps the scraped caption of the speaker's photo: the name again,
#: surname first, glued to the office ("Daniil Yegorov Yegorov DaniilHead of the Federal Taxation
#: Service: "); the office runs up to the label's colon, if there is one
_ECHO = re.compile(r"(?<![\w'\u2019-])(?P<name>(?P<given>[A-Z][\w'\u2019-]*)[^\S\n]+(?P<surname>[A-Z][\w'\u2019-]*))"
                   r"[^\S\n]+(?P<echo>(?P=surname)[^\S\n]+(?P=given))(?=[A-Z]|[^\S\n]*(?P<colon>(?:\([^()\n]{1,40}\))?:\s))"
                   r"(?:(?P<office>[^:\n]{2,160}?)[^\S\n]*(?:\([^()\n]{1,40}\))?[^\S\n]*:\s)?")


class Echo(NamedTuple):
    """A name and its scraped echo in a speaker label (see ``_ECHO``): spans, and where the
    turn starts (``None`` where no colon closes the office)."""

    name: tuple[int, int]
    echo: tuple[int, int]
    office: tuple[int, int] | None
    content: int | None


def echoes(text: str) -> list[Echo]:
    """The names that a scraped caption repeats surname first, glued to an office or right
    before the label's colon ("Dmitry Rogozin Rogozin Dmitry: ")."""
    return [Echo(m.span("name"), m.span("echo"), m.span("office") if m.group("office") else None,
                 m.end() if m.group("office") else (m.end("colon") if m.group("colon") else None))
            for m in _ECHO.finditer(text)]


def holder(persons: list, role: Role) -> object | None:
    """The one person among ``persons`` (entities or clusters) with ``role``'s title and country."""
    found = [p for p in persons if any(r.title == role.title and r.of == role.of for r in p.roles)]
    return found[0] if len(found) == 1 else None
