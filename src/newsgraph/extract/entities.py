"""Entities: persons, countries, organizations, places, facilities, initiatives.

Countries come from the knowledge base (names, official names, demonyms), not
from the statistical NER alone, so "Chinese" and "the Republic of Kazakhstan"
both become ``country:XX``. spaCy's entities give the rest; its known slips
(a leader's name tagged ORG or WORK_OF_ART, a demonym tagged PERSON) are put
right by rules. Roles, titles and pronouns are added by :mod:`.roles`.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..kb.lexicon import (cities, countries, given_names, is_given_name, known_orgs, known_people, legal_forms,
                          lookup_place, name_words, national_titles, not_names, org_heads, org_suffixes, titles, towns)
from ..record import Entity, Mention, Role
from .entities_doc import (alias_orgs, caps_labels, conjoined_orgs, is_part, known_people_names, known_surname,
                           merge_persons, propagate_orgs, split_trailing_persons, surnames, untagged_cities)
from .entities_rules import (
    corporate_tail, ends_in_model, index_spans, is_model, known_org_hits, not_a_name, org_apposition, org_by_form, org_cue,
    portfolio_after_title, region_hits, title_or_modifier, without_flight,
)
from .gazetteers import (HONORIFICS, NOT_NAME_START, country_hits, country_in, government, org_like, people_re,
                         rule_orgs, title_of_end, trim_name, with_legal_form)
from .names import SpanSet, overlaps, slug, speaker_labels, strip_article
from .registry import Context, register
from .roles import echoes, titled_names
from .times_lexicon import lexicon

_NER_TYPES = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "FACILITY",
    "NORP": None,
    "EVENT": "OTHER",
    "LAW": "OTHER",
    "WORK_OF_ART": "OTHER",
    "PRODUCT": None,
}
_INITIATIVE = re.compile(
    r"[\"\u201c](?P<name>[A-Z][^\"\u201c\u201d\n]{2,80})[\"\u201d]\s+"
    r"(?:initiative|project|programme|program|strategy|concept|plan)\b"
)
_INITIATIVE_WORDS = re.compile(r"\b(Initiative|Programme|Program|Strategy|Agenda|Year of)\b")
_FACILITY_WORDS = re.compile(
    r"\b(Center|Centre|Port|Airport|Station|Bridge|Plant|Pipeline|Railway|Highway|Dam|Terminal)\b"
)
_FACILITY_NOUN_AFTER = re.compile(r" (?:field|deposit|mine|port|station|plant|airport|refinery|pipeline|terminal|"
                                  r"cosmodrome|spaceport|dam|bridge|railway|highway|shipyard|reactor|oilfield|"
                                  r"gasfield|checkpoint|crossing|canal|motorway|tunnel|base|airfield|complex)s?\b")
_ACRONYM = re.compile(r"\s?\((?P<acr>[A-Z][A-Za-z.&\-]{1,12})\)")


@dataclass(slots=True)
class _Cluster:
    """An entity while it is being assembled (local to one document)."""

    type: str
    name: str
    key: str
    country: str | None = None
    mentions: dict[tuple[int, int], str] = field(default_factory=dict)
    roles: list[Role] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)

    def first(self) -> int:
        """Where the entity is first mentioned; one the headline alone names comes last."""
        return min((s for s, _ in self.mentions), default=sys.maxsize)


class _Builder:
    """Collects clusters for one document."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.clusters: dict[str, _Cluster] = {}
        self.taken = SpanSet()  # every span given to a cluster: long texts check thousands against it
        self.strong: set[str] = set()  # keys whose type the knowledge base or a cue made certain

    def add(self, type_: str, name: str, span: tuple[int, int], kind: str = "name",
            key: str | None = None, country: str | None = None) -> _Cluster:
        name = " ".join(name.split())  # "Francisco\nGros" in a hard-wrapped text
        key = key or f"{type_.lower()}:{slug(name)}"
        cluster = self.clusters.get(key)
        if cluster is None:
            cluster = self.clusters[key] = _Cluster(type=type_, name=name, key=key, country=country)
        elif len(name) > len(cluster.name) and kind == "name" and type_ != "COUNTRY":
            cluster.name = name
        cluster.mentions.setdefault(span, kind)
        cluster.country = cluster.country or country
        self.taken.append(span)
        return cluster

    def overlaps(self, start: int, end: int) -> bool:
        return self.taken.overlaps((start, end))


_NAMED_LABELS = frozenset({"ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT"})


def _named_spans(ents: Sequence[Any]) -> list[tuple[int, int]]:
    """Spans of named things that may hold a demonym ("Russian Direct Investment Fund")."""
    return [
        (e.start_char, e.end_char) for e in ents
        if e.label_ in _NAMED_LABELS and lookup_place(e.text) is None
    ]


_CountryHit = tuple[int, int, str, str]  # start, end, code, kind: see gazetteers.country_hits


def _countries(builder: _Builder, hits: list[_CountryHit], named: list[tuple[int, int]],
               ruled: list[tuple[int, int]]) -> None:
    """The countries named outside other names; a country that opens a name found by rule with
    "and" is the name's, even with "the" before it ("The Australia and New Zealand Banking Group")."""
    table = countries()
    for start, end, code, kind in hits:
        core = start + 4 if builder.text[start:start + 4].lower() == "the " else start
        if any(s <= start and end <= e and (s, e) != (start, end) for s, e in named) \
                or any(s == core and builder.text.startswith(" and ", end) and end < e for s, e in ruled):
            continue
        if kind != "demonym" and builder.text[max(0, start - 4):start] == "New ":
            continue  # "New Jersey", "New Mexico": another place than the country in them
        if kind == "capital":
            name = strip_article(builder.text[start:end])
            builder.add("LOCATION", name, (start, end), country=code)
            continue
        mention = "demonym" if kind == "demonym" else "name"
        builder.add("COUNTRY", table[code].name, (start, end), mention, f"country:{code}", code)
    _compounds(builder)


def _regions(builder: _Builder, hits: list[_CountryHit], named: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """World regions and their adjectives ("Asia", "North American"), outside other names and
    not inside a country's name ("South African"). Returns their spans."""
    countries_at = [(s, e) for s, e, _code, _kind in hits]
    spans = []
    for span, name, kind in region_hits(builder.text):
        # a name that is the region itself ("Crimea" tagged ORG, "the Balkans") does not hide it
        larger = [n for n in named if builder.text[n[0]:n[1]].removeprefix("the ") != builder.text[slice(*span)]]
        inside = larger + [(s, e) for s, e in countries_at if not (span[0] <= s and e <= span[1])]
        if not builder.overlaps(*span) and not overlaps(inside, span):
            builder.add("LOCATION", name, span, kind, key=f"location:{slug(name)}")
            spans.append(span)
    return spans


def _compounds(builder: _Builder) -> None:
    """"Russian-Uzbek talks": the compound is a mention of each country it joins."""
    hits = sorted((span, c.key) for c in builder.clusters.values() if c.type == "COUNTRY" for span in c.mentions)
    for (first, key_a), (second, key_b) in zip(hits, hits[1:]):
        if key_a != key_b and first[1] + 1 == second[0] and builder.text[first[1]] == "-":
            for key in (key_a, key_b):
                builder.clusters[key].mentions.setdefault((first[0], second[1]), "demonym")


def _ner(builder: _Builder, ents: Sequence[Any], person_names: set[str], titled: set[str]) -> None:
    places = {e.text for e in ents if e.label_ in ("GPE", "LOC")}
    placed = _placed_towns(builder.text)
    for ent in ents:
        type_ = _NER_TYPES.get(ent.label_)
        span = None if type_ is None or builder.overlaps(ent.start_char, ent.end_char) \
            else _name_span(builder.text, ent.start_char, ent.end_char, ent.label_)
        if span is None:
            continue
        type_ = _retype(type_, builder.text[span[0]:span[1]], ent, person_names, builder.text, span[0])
        span = _not_title_or_product(builder.text, type_, *span)
        if span is None:
            continue
        start, end = span
        if type_ == "PERSON" and " " not in builder.text[start:end]:
            start = _given_name_before(builder.text, start)  # "of Ukraine Andriy Yermak": NER found "Yermak"
        elif type_ == "PERSON":
            start = _body_before_given_name(builder.text, start, end)
        cue = _org_by_context(builder.text, type_, start, end) and builder.text[start:end] not in titled \
            and not (type_ == "PERSON" and _surname_of(builder.text[start:end], person_names))  # "group, Marcano said"
        type_ = "ORG" if cue else type_
        if type_ in ("ORG", "FACILITY"):
            end = corporate_tail(builder.text, _of_country(builder.text, end))  # "Communist Party" + " of Vietnam"
        name = builder.text[start:end]
        if type_ == "PERSON" and name in places and name not in titled and not _surname_of(name, person_names) \
                and not known_surname(name) and not _lone_given_name(builder.text, name, ent):
            type_ = "LOCATION"  # "Sochi" tagged PERSON once and GPE elsewhere
        if type_ == "PERSON" and len(name.split()) == 1 and name.isupper():
            type_ = "ORG"
        if type_ == "PERSON" and _FACILITY_NOUN_AFTER.match(builder.text, end) and name not in titled \
                and not any(w.lower() in given_names() for w in name.split()) \
                and name not in cities() and name not in towns() and lookup_place(name) is None:
            type_ = "FACILITY"  # "the Baimskoye field", "the Akademik Lomonosov station": no person
        if not cue and type_ in ("ORG", "PERSON", "OTHER") and name not in titled \
                and _city_not_other(name, type_, builder.text, start, person_names, placed):
            type_ = "LOCATION"  # "Mariupol" typed ORG, "Kherson" PERSON: cities; "Bucha" after "in Bucha"
        cluster = _add_named(builder, type_, name, (start, end))
        if (type_ == "PERSON" and end > ent.end_char) or (type_ == "ORG" and start < ent.start_char):
            _release(builder, cluster, (start, end))  # "Miguel de la Madrid", "Wertheim and Co": not also the place
        if cue and cluster is not None:
            builder.strong.add(cluster.key)


#: city names that, typed as an organisation or a person, mostly are one: companies, teams'
#: hosts, institutions and places that stand for an industry or a government
_CITY_NOT_PLACE = frozenset({"Hollywood", "Westminster", "Toyota", "Hitachi", "Fuji", "Delta", "Orange", "Mobile",
                             "Carrefour", "Santos", "Batman", "Columbia", "Cambridge", "Oxford", "Independence",
                             "Enterprise", "Surprise", "Paradise", "Victoria", "Florence", "Charlotte", "Elizabeth",
                             "Aurora", "Madison", "Jackson", "Lincoln", "Hamilton", "Washington", "Wellington"})


#: words that put the name after them in a place: "in Bucha", "near Popasna", "the town of Izium"
_IN_PLACE = re.compile(r"(?<![\w-])(?:[Ii]n|[Nn]ear|[Oo]utside|[Aa]round|[Ff]rom|[Ii]nto|[Tt]o|[Tt]owards?|of|left|entered|"
                       r"liberated|shelled|captured|occupied|visited|reached)\s+")
#: after a place's name, what makes it a club's or a company's: "Mariupol FC", "Marks & Spencer"
_CLUB_OR_COMPANY = r"\s*(?:['\u2019]s\s+)?(?:(?:FC|United|City|Club|Inc|Ltd|Corp|Group|Bank|Airlines?)\b|F\.C\.|&)"
_TOWN = re.compile(rf"[A-Z][a-z'\u2019-]+(?:\s[A-Z][a-z'\u2019-]+)?(?![a-z'\u2019-]|{_CLUB_OR_COMPANY})")
_AND = re.compile(r",?\s+and\s+|,\s*")


def _placed_towns(text: str) -> frozenset[str]:
    """The towns (``kb.lexicon.towns``) that the text names in a place at least once ("in Bucha",
    "the town of Popasna", "liberated Bucha, Irpin and Hostomel"), or in a list of three places or
    of a city and a place ("Lysychansk, Bakhmut, Avdiivka", "Lyman or Kramatorsk")."""
    found: set[str] = set()
    for cue in _IN_PLACE.finditer(text):
        at = cue.end()
        while (name := _TOWN.match(text, at)) is not None:
            form = _town(name.group())
            if form is None:
                break
            found.add(form)
            joined = _AND.match(text, name.start() + len(form))
            if joined is None:
                break
            at = joined.end()
    for listed in _PLACE_LIST.finditer(text):
        names = _LIST_JOIN.split(listed.group())
        forms = [form for name in names if (form := _town(name)) is not None]
        if len(forms) >= max(2, len(names) / 2) and (len(forms) >= 3 or any(f in cities() for f in forms)):
            found.update(forms)  # most of the list are places, three or one a city: a list of places
    return frozenset(found)


def _town(name: str) -> str | None:
    """The town or city that ``name`` or its first word is."""
    for form in (name, name.split()[0]):
        if (form in towns() or form in cities()) and form not in _CITY_NOT_PLACE and form.lower() not in given_names():
            return form
    return None


_LIST_JOIN = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_LIST_NAME = r"[A-Z][a-z'\u2019-]+(?:[ ][A-Z][a-z'\u2019-]+)?"
_PLACE_LIST = re.compile(rf"(?<![\w'\u2019-]){_LIST_NAME}(?:(?:{_LIST_JOIN.pattern}){_LIST_NAME})+(?![\w'\u2019-])")


_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Madam|Dame)\.?\s+$")


def _city_not_other(name: str, type_: str, text: str, start: int, persons: set[str],
                    placed: frozenset[str] = frozenset()) -> bool:
    """Whether a name the model typed ORG, PERSON or OTHER is the city of that name (or a town
    the text puts in a place somewhere, ``placed``): not a given name, not a surname of the
    text's people, not after a title, not a company or an institution."""
    if (name not in cities() and name not in placed) or name in _CITY_NOT_PLACE or name.lower() in given_names():
        return False
    if type_ == "PERSON" and (any(w.lower() in given_names() for w in name.split()) or _surname_of(name, persons)
                              or _after_title(text, start) or _HONORIFIC_BEFORE.search(text, max(0, start - 8), start)):
        return False  # "Kryvyi Rih" is the city; "Nancy Pelosi" no city
    return not re.match(_CLUB_OR_COMPANY, text[start + len(name):start + len(name) + 24])


_WORD_BEFORE = re.compile(r"(?:(?P<place>[A-Z][\w'\u2019-]+)\s+)?(?P<given>[A-Z][a-z\u00C0-\u017F'-]+)\s+$")


_BODY_CUE = re.compile(r"\b(?:of|for|and)\s+(?:the\s+)?$")


def _body_before_given_name(text: str, start: int, end: int) -> int:
    """Where a person's name starts once the body of the title before it is left out: "President
    of Transneft Nikolai Tokarev", which the model tags whole. Only a word that is no given name
    before a known given name, and a name of three words or more."""
    words = text[start:end].split()
    if len(words) < 3 or words[0].lower() in given_names() or words[1].lower() not in given_names() \
            or not _BODY_CUE.search(text, max(0, start - 12), start):
        return start
    return text.index(words[1], start + len(words[0]))


def _given_name_before(text: str, start: int) -> int:
    """Where a one-word person name starts once the given name the NER left out is counted in: a
    known given name, or any capitalized word between a place and the surname ("President of
    Ukraine Andriy Yermak")."""
    match = _WORD_BEFORE.search(text, max(0, start - 60), start)
    if match is None:
        return start
    given = match.group("given")
    if given.lower() in titles() or given.lower() in name_words() or lookup_place(given) is not None \
            or given in not_names():
        return start
    place = match.group("place")
    if given.lower() in given_names() or (place and lookup_place(place) is not None):
        return match.start("given")
    return start


def _org_by_context(text: str, type_: str, start: int, end: int) -> bool:
    """A cue or the name's form makes it an organization ("retailer Best Buy", "Ryanair CEO", a
    legal form or a wire's ticker after it: "Puma AG Rudolf Dassler Sport <PUMA.F>"); a full person
    name is kept from a cue after it ("elected Robert Purcell chairman")."""
    if type_ == "ORG":
        return False
    full_name = type_ == "PERSON" and " " in text[start:end].strip()
    return org_cue(text, start, end, after=not full_name) or org_apposition(text, end) \
        or (type_ == "PERSON" and org_by_form(text, start, end)) or _TICKER_AFTER.match(text, end) is not None \
        or ((legal := _WORD_AFTER_NAME.match(text, end)) is not None and legal.group(1) in legal_forms())


_TICKER_AFTER = re.compile(r"\s*<[A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?>")
_WORD_AFTER_NAME = re.compile(r",? ([A-Z][\w.]*)")  # "Puma" + " AG": a company's legal form


def _before_person(ent: Any, persons: dict[int, int], text: str) -> Any:
    """An organization's name the model ran on into a person found by rule, who ends it ("Speaker
    of the US House of Representatives Nancy Pelosi" tagged as one): the words before him, if they
    make a name, not a title or a minister's portfolio ("Army General", "Defense"). ``persons``:
    their starts by their ends."""
    person = persons.get(ent.end_char)
    if ent.label_ != "ORG" or person is None or person <= ent.start_char \
            or re.search(r"\s(?:and|on|for|in)\s+$", text[max(0, ent.start_char - 6):ent.start_char]):
        return ent  # "... Working Group on Economic Issues and Countering the Spread ...": a piece of a name
    words = text[ent.start_char:person].rstrip(" ,").split()
    if not words or words[-1].lower() in titles() or words[-1] in ("of", "the", "and", "for") \
            or all(w.lower() in _PORTFOLIO_WORDS for w in words):
        return ent
    cut = ent.doc.char_span(ent.start_char, ent.start_char + len(text[ent.start_char:person].rstrip(" ,")),
                            label=ent.label_)
    return ent if cut is None else cut


def _name_span(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """The span of a name the model tagged ``label`` without "the", possessive, flight number;
    None where it is no name."""
    start, end = trim_name(text, start, end, skip_titles=label == "PERSON")
    if end <= start:
        return None  # a mark the model tagged alone ("\u202a", a bidirectional control)
    if (ticker := text.find(" <", start, end)) > start:
        end = ticker  # "Allegheny International Inc <AG>": the wire's ticker is no part of the name
    if (colon := text.find(": ", start, end)) > start:
        end = colon  # "Boris Obnosov: Indeed": a speaker's label and the first word of the turn
    end = without_flight(text, start, end)
    if label == "ORG" and (first := _FIRST_OF_PAIR.search(text, max(0, start - 40), start)) \
            and _legal_pair(text[start:end].split()) and lookup_place(first.group("first")) is None:
        start = first.start()  # "Cable and" + "Wireless Plc", "American Telephone and" + "Telegraph Co"
    if (mouth := _RIVER_MOUTH.match(text, start)) and mouth.end() > end:
        end = mouth.end()  # "Ust" + "-Luga": the model cuts the town's name at its hyphen
    if (figure := _FIGURE_END.search(text, start, end)) and _SHARE_AFTER.match(text, end):
        end = figure.start()  # "Labour 35" of "Labour 35 pct": the party, then its share
    if label == "PERSON" and (owned := _POSSESSIVE_INSIDE.search(text, start, end)):
        end = owned.start()  # "Margaret Thatcher's Conservatives": the person, not what is hers
    if label == "PERSON" and (tail := _NASAB.match(text, end)):
        end = tail.end()  # "Salman" + " bin Abdulaziz Al-Saud", which the model tags apart
    elif label == "PERSON" and _PARTICLE_END.search(text, start, end) and (rest := _PARTICLE_TAIL.match(text, end)):
        end = rest.end()  # "Miguel de la" + " Madrid", "Ursula von" + " der Leyen": no name ends in its particle
    elif label == "PERSON" and (rest := _NEXT_WORD.match(text, end)) and _family_name_after(text, start, end, rest):
        end = rest.end()  # "Maestro Yury" + " Temirkanov": the model stopped at the given name
    if end - start < 2 or not text[start].isupper() or _GLUED_TITLE.search(text, start, end) \
            or not_a_name(text, start, end) or (label == "PERSON" and _bare_title(text, start, end)):
        return None  # "eastern", "our", "Kassym-JomartPresident", "UTC": not a name
    return start, end


def _family_name_after(text: str, start: int, end: int, rest: re.Match[str]) -> bool:
    """Whether the capitalised word after a person's name that ends in a given name is the family
    name: not a title, place, month or weekday ("told Maria Sunday"), nor a word after a break."""
    word = rest.group().strip()
    return is_given_name(text[start:end].split()[-1]) and word.lower() not in titles() \
        and word.lower() not in _calendar_words() and lookup_place(word) is None and word.lower() not in name_words()


def _release(builder: _Builder, owner: _Cluster | None, span: tuple[int, int]) -> None:
    """Other clusters' mentions inside ``span`` belong to ``owner`` now."""
    for key, other in list(builder.clusters.items()):
        if other is owner:
            continue
        for inner in [m for m in other.mentions if span[0] <= m[0] and m[1] <= span[1]]:
            del other.mentions[inner]
        if not other.mentions:
            del builder.clusters[key]


def _bare_title(text: str, start: int, end: int) -> bool:
    """A title the model took for a person: "the Adviser said", "Mr. Chancellor, thank you"; not
    the surname of someone the text names with a given name ("Larry King ... Mr. King")."""
    word = text[start:end]
    return word.lower() in titles() and not (
        _HONORIFIC_BEFORE.search(text, max(0, start - 8), start)
        and any(_given_name_like(m.group(1)) for m in re.finditer(rf"\b([A-Z][a-z]+) {re.escape(word)}\b", text)))


_NOT_GIVEN = HONORIFICS | {"the", "a", "an", "this", "that", "our", "your", "their", "dear", "madam", "federal", "new",
                            "former", "acting"}


def _given_name_like(word: str) -> bool:
    """"Charlie" of "Charlie King": no article, honorific or title word."""
    return word.lower() in given_names() or (word.lower() not in _NOT_GIVEN and word.lower() not in titles())


def _not_title_or_product(text: str, type_: str, start: int, end: int) -> tuple[int, int] | None:
    """The span past a leading title ("Chief Operating Officer of AirTran Airways"); None for a
    title alone ("Head of State") or a product named after its maker ("Boeing 737", "Airbus A350")."""
    cut = _after_title_of(text, start, end) if type_ != "PERSON" else start
    if cut is None:
        return None
    if type_ in ("ORG", "PERSON") and (is_model(text, end) or ends_in_model(text[cut:end])):
        return None
    return cut, end


_FIGURE_END = re.compile(r"\s+[\d.,]+$")
_SHARE_AFTER = re.compile(r"\s*(?:pct|per\s*cent|percent|%|points?)\b", re.IGNORECASE)
_POSSESSIVE_INSIDE = re.compile(r"(?<!\bPeople)(?<!\bChildren)(?<!\bWomen)(?<!\bWorkers)['\u2019]s\s")  # not "People's Republic"
_PARTICLE_END = re.compile(r" (?:de|del|de la|da|das|do|dos|du|van|van der|von|von der|le|la|bin|ibn|al|el)$")
_NEXT_WORD = re.compile(r" [A-Z][\w'\u2019-]*")
_PARTICLE_FIRST = re.compile(r"(?:de|del|da|dos|du|van|von|di|ter)\s", re.IGNORECASE)
_PARTICLE_TAIL = re.compile(r"(?: (?:der|den|la|las|los|le))? [A-Z][\w'\u2019-]*")
_NASAB = re.compile(r"(?:\s+(?:bin|ibn|bint)(?:\s+[A-Z][\w'\u2019-]*)+)")
_GLUED_TITLE = re.compile(r"[a-z](?:President|Minister|Chairman|Ambassador)")
_OF_PLACE = re.compile(r" of (?:the )?(?P<place>[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,3})")


def _after_title_of(text: str, start: int, end: int) -> int | None:
    """"Chief Operating Officer of AirTran Airways": the organization starts after the title;
    None where no organization's name follows the title ("Head of State")."""
    cut = title_of_end(text, start, end)
    if cut is None:
        return start
    return cut if org_like(text[cut:end]) else None


def _of_country(text: str, end: int) -> int:
    match = _OF_PLACE.match(text, end)
    if match and lookup_place(match.group("place")) is not None:
        return match.end()
    return end


def _surname_of(name: str, persons: set[str]) -> bool:
    """"Jobs" where the text has named "Steve Jobs", "Zhai" after "Zhai Guang Ming" (a short family
    name first, in a name without a known given name), "Von der Leyen" after "Ursula von der Leyen"
    (a family name with its particle): the person again, whatever the NER says."""
    if " " in name:
        return _PARTICLE_FIRST.match(name) is not None and any(p.lower().endswith(" " + name.lower()) for p in persons)
    return any(" " in p and (p.split()[-1] == name or (
        p.split()[0] == name and len(name) <= 5 and not any(w.lower() in given_names() for w in p.split())))
        for p in persons)


def _mostly_persons(ents: Sequence[Any]) -> set[str]:
    """Names the NER tags PERSON more often than anything else in this document."""
    votes: dict[str, Counter[str]] = {}
    for ent in ents:
        if ent.label_ in _NER_TYPES:
            votes.setdefault(ent.text, Counter())[ent.label_] += 1
    return {name for name, c in votes.items() if c["PERSON"] and c["PERSON"] >= max(c.values())}


#: a relative named after the kinship word: "Justin Trudeau and his wife Sophie"
_KIN_BEFORE = re.compile(r"\b(?:wife|husband|son|daughter|brother|sister|mother|father|widow|widower|spouse|"
                         r"grandson|granddaughter)\s+$")
_VISITED_BEFORE = re.compile(r"\bvisit(?:ed|s|ing)?\s+(?:[A-Z][\w-]+,?\s+(?:and\s+)?)?$")


def _retype(type_: str, name: str, ent: object, persons: set[str], text: str, start: int) -> str:
    if _REGION_NAME.fullmatch(name) or _RIVER_MOUTH.fullmatch(name):
        return "LOCATION"  # "Perm Territory" (a PERSON to the model), "Kamchatka Territory" (an ORG), "Ust-Luga"
    if type_ == "PERSON":
        return "PERSON"
    if name in persons or _after_title(text, start) or _surname_of(name, persons) \
            or _KIN_BEFORE.search(text, max(0, start - 14), start):
        return "PERSON"
    if type_ == "LOCATION" and known_surname(name):
        return "PERSON"  # "Scholz told reporters": the small model's GPE, a known person's surname
    if type_ == "ORG" and _FACILITY_WORDS.search(name):
        return "FACILITY"
    if type_ in ("ORG", "LOCATION") and _lone_given_name(text, name, ent):
        return "PERSON"  # "Polina died": a given name alone names a person, not a company or a place
    if type_ == "ORG" and " " not in name and _VISITED_BEFORE.search(text, max(0, start - 40), start):
        return "LOCATION"  # "visited Anapa and Gelendzhik": a one-word name one visits is a place
    if type_ == "OTHER" and _INITIATIVE_WORDS.search(name):
        return "INITIATIVE" if "Year of" not in name else "OTHER"
    return type_


def _lone_given_name(text: str, name: str, ent: Any) -> bool:
    """A known given name alone that is no place's name, no modifier ("Marine transport") and not
    where one is ("Why in Sophia?")."""
    return " " not in name and is_given_name(name) and lookup_place(name) is None \
        and ent.root.dep_ not in ("compound", "amod") \
        and not _WHERE_BEFORE.search(text, max(0, ent.start_char - 10), ent.start_char)


_WHERE_BEFORE = re.compile(r"\b(?:[Ii]n|[Nn]ear|[Oo]utside|[Ii]nto|[Aa]t)\s+$")


_REGION_NAME = re.compile(r"(?:[A-Z][\w'-]+\s+){1,3}(?:Region|Territory|Oblast|Krai|Province|Governorate|Prefecture)")
_FIRST_OF_PAIR = re.compile(
    rf"(?<![\w&'-])(?P<first>(?:(?!(?:{NOT_NAME_START})\s)[A-Z][\w'-]+ ){{0,2}}[A-Z][\w'-]+) (?:and|&) $"
)


def _legal_pair(words: list[str]) -> bool:
    """A company's legal form, alone or after one word ("Co", "Wireless Plc"): the second half of a
    name whose first half is before "and"."""
    return 1 <= len(words) <= 2 and words[-1] in legal_forms()


_RIVER_MOUTH = re.compile(r"Ust-[A-Z][a-z]+")  # "Ust-Luga", "Ust-Kut": a Russian town at a river's mouth


def _after_title(text: str, start: int) -> bool:
    before = text[max(0, start - 40):start].rstrip()
    last = before.split(" ")[-1:] or [""]
    two = " ".join(before.split(" ")[-2:])
    known = titles()
    return last[0].lower() in known or two.lower() in known


def _add_named(builder: _Builder, type_: str, name: str, span: tuple[int, int]) -> _Cluster | None:
    code = government(name) if type_ == "ORG" else None
    if code is not None:
        builder.add("COUNTRY", countries()[code].name, span, "other", f"country:{code}", code)
        return None
    if type_ == "OTHER":  # the model's odd label for a name it typed otherwise elsewhere ("Labour 35 pct")
        type_ = next((c.type for c in builder.clusters.values() if c.name == name and c.type != "OTHER"), type_)
    acronym = _ACRONYM.match(builder.text, span[1])
    country = country_in(name)
    if type_ == "LOCATION" and country is None and name in cities():
        country = cities()[name].country  # "Irkutsk": RU
    elif type_ == "LOCATION" and country is None and name in towns():
        country = towns()[name].country  # "Bucha": UA
    cluster = builder.add(type_, name, span, country=country)
    if acronym and type_ in ("ORG", "OTHER"):
        cluster.aliases.add(acronym.group("acr"))
        builder.add(type_, name, acronym.span("acr"), key=cluster.key)
        cluster.mentions.setdefault((span[0], acronym.end()), "other")  # "Fund (RDIF)" as a whole
    return cluster


def _initiatives(builder: _Builder) -> None:
    for match in _INITIATIVE.finditer(builder.text):
        span = match.span("name")
        if not builder.overlaps(*span):
            builder.add("INITIATIVE", match.group("name"), span)


def _titled_persons(builder: _Builder) -> list[tuple[int, int]]:
    spans = []
    for span, _role in titled_names(builder.text):
        if builder.overlaps(*span):
            continue  # "General Motors": a known organization, not General Motors the officer
        cluster = builder.add("PERSON", builder.text[span[0]:span[1]], span)
        builder.strong.add(cluster.key)
        spans.append(span)
    return spans


def _labelled_persons(builder: _Builder) -> list[tuple[int, int]]:
    """Names that label a speaker's turn and begin with a given name ("Kseniya Sobchak: Mr
    President, ..."): persons, where the NER missed them or took them for a place elsewhere."""
    spans = []
    for match in speaker_labels(builder.text):
        span = match.span("name")
        if is_given_name(match.group("name").split()[0]) and not builder.overlaps(*span):
            cluster = builder.add("PERSON", match.group("name"), span)
            builder.strong.add(cluster.key)
            spans.append(span)
    return spans


def _from_title(builder: _Builder, title: str | None) -> None:
    """Names and roles the headline gives ("Meeting with President of Belarus Alexander Lukashenko").

    A person the headline alone names ("Telephone conversation with President of China Xi Jinping",
    where the text says only "the leaders") is an entity without mentions: the text refers to them."""
    for (start, end), role in titled_names(title or ""):
        full = title[start:end]  # type: ignore[index]
        headline_role = Role(title=role.title, of=role.of, to=role.to, span=None)
        country = role.of if role.of and len(role.of) == 2 else None
        cluster = next((c for c in builder.clusters.values()
                        if c.type == "PERSON" and (is_part(c.name, full) or is_part(full, c.name))), None)
        if cluster is None:
            key = f"person:{slug(full)}"
            cluster = builder.clusters.setdefault(key, _Cluster(type="PERSON", name=full, key=key))
        cluster.name = full if len(full) > len(cluster.name) else cluster.name
        cluster.roles.append(headline_role)
        cluster.country = cluster.country or country


def _echoed_persons(builder: _Builder) -> list[tuple[int, int]]:
    """A speaker label's name and its scraped echo ("Daniil Yegorov Yegorov DaniilHead of ..."):
    one person, named twice; the NER tends to run the echo into the name or the office."""
    spans = []
    for echo in echoes(builder.text):
        if builder.overlaps(*echo.echo):
            continue
        name = builder.text[echo.name[0]:echo.name[1]]
        cluster = builder.add("PERSON", name, echo.name)
        builder.add("PERSON", name, echo.echo, key=cluster.key)
        builder.strong.add(cluster.key)
        spans += [echo.name, echo.echo]
    return spans


def _known_orgs(builder: _Builder) -> list[tuple[int, int]]:
    """Organizations of the knowledge base, by name or acronym: "EAEU" and "Eurasian Economic Union" are one."""
    spans = []
    for span, org in known_org_hits(builder.text):
        cluster = builder.add("ORG", org.name, span, key=f"org:{slug(org.name)}", country=org.country)
        builder.strong.add(cluster.key)
        spans.append(span)
    return spans


_NAME_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)\b")


@cache
def _calendar_words() -> frozenset[str]:
    """Weekday and month names: "Xi Jinping Tuesday met ..." is still Xi Jinping."""
    return frozenset(lexicon().kind("weekday")) | frozenset(lexicon().kind("month"))


def _known_people(builder: _Builder) -> list[tuple[int, int]]:
    """Known people by their full name, where the NER may miss one ("Xi Jinping met Putin")."""
    table = known_people()
    spans = []
    for match in people_re().finditer(builder.text):
        if builder.overlaps(*match.span()):
            continue  # inside a known organisation's or a titled person's name
        after = _NAME_AFTER.match(builder.text, match.end())
        if after and after.group(1).lower() not in _calendar_words():
            continue  # "the Nelson Mandela Foundation", "Vladimir Putin Avenue": a name of its own
        person = table[match.group().lower()]
        cluster = builder.add("PERSON", person.name, match.span(), key=f"person:{slug(person.name)}", country=person.country)
        builder.strong.add(cluster.key)
        spans.append(match.span())
    return spans


def _ner_names(doc: Any, text: str, hits: list[_CountryHit]) -> tuple[Any, ...]:
    """The NER's entities, read once (each read walks every token), less the start of a title
    and a demonym glued to a title or an adjective ("British Defence Secretary", "Radical
    French farmers")."""
    demonyms = sorted((s, e) for s, e, _code, kind in hits if kind == "demonym")
    return tuple(e for e in doc.ents if not title_or_modifier(e, demonyms, text) and not _country_and_noun(e, text))


#: a country's abbreviation and the next word, which wire copy capitalised: "U.S. Imports", "U.S. Officials"
_ABBREVIATED_COUNTRY = re.compile(r"(?:U\.S\.|U\.K\.) (?P<word>[A-Z][a-z]+)")


def _country_and_noun(ent: Any, text: str) -> bool:
    """"U.S. Imports", "U.S. Determines": the country and a common word that the text also writes in
    lower case, not an organization ("U.S. Treasury", "U.S. Agriculture Department")."""
    start = ent.start_char + 4 if text.startswith(("the ", "The "), ent.start_char) else ent.start_char
    match = _ABBREVIATED_COUNTRY.fullmatch(text, start, ent.end_char)
    if match is None:
        return False
    word = match.group("word")
    if word in org_heads() or word in org_suffixes() or match.group() in known_orgs():
        return False
    return re.search(rf"(?<![\w-]){word.lower()}(?![\w-])", text) is not None


def collect(text: str, doc: object, title: str | None = None) -> dict[str, _Cluster]:
    """The clusters of one document (before roles, titles and pronouns)."""
    builder = _Builder(text)
    builder.taken.extend(index_spans(text))
    known = _known_orgs(builder)
    people = _echoed_persons(builder) + _titled_persons(builder) + _known_people(builder) + _labelled_persons(builder)
    persons = SpanSet(known + people)
    by_rule = rule_orgs(text)
    hits = list(country_hits(text))  # one scan for the regions' check and the countries themselves
    ends = {end: start for start, end in people}
    ents = tuple(_before_person(e, ends, text) for e in _ner_names(doc, text, hits))
    named = [span for span in _named_spans(ents) if not overlaps(persons, span)] + known
    regions = _regions(builder, hits, named)
    ruled = [(s, e) for s, e, _t in by_rule]
    _countries(builder, hits, named + regions + ruled, ruled)
    _initiatives(builder)
    for start, end, type_ in by_rule:
        end = corporate_tail(text, end) if type_ == "ORG" else end
        if not builder.overlaps(start, end):
            _add_named(builder, type_, text[start:end], (start, end))
    names = _mostly_persons(ents)
    titled = {c.name for c in builder.clusters.values() if c.type == "PERSON"}
    _ner(builder, ents, names | titled, titled)
    for start, end in with_legal_form(text):  # "Puma AG", which the NER missed
        if not builder.overlaps(start, end):
            _add_named(builder, "ORG", text[start:end], (start, end))
    conjoined_orgs(builder, doc)
    untagged_cities(builder, doc)
    split_trailing_persons(builder)
    _drop_portfolios(builder)
    merge_persons(builder.clusters)
    alias_orgs(builder.text, builder.clusters)
    propagate_orgs(builder)
    _from_title(builder, title)
    surnames(builder)
    caps_labels(builder)
    known_people_names(builder.clusters)
    return builder.clusters


def _drop_portfolios(builder: _Builder) -> None:
    """No organization is named only as a minister's portfolio ("Minister of Digital Transformation");
    a name the model ran on past the portfolio is its holder's ("Minister of European Affairs
    Mikuláš Bek")."""
    for key, cluster in list(builder.clusters.items()):
        if cluster.type != "ORG" or not cluster.mentions \
                or not all(portfolio_after_title(builder.text, s, e) for s, e in cluster.mentions):
            continue
        del builder.clusters[key]
        for start, end in list(cluster.mentions):
            words = builder.text[start:end].split()
            if len(words) >= 3 and not {w.lower() for w in words[-2:]} & _PORTFOLIO_WORDS \
                    and all(w[:1].isupper() for w in words[-2:]):
                holder = end - len(" ".join(words[-2:]))
                builder.add("PERSON", builder.text[holder:end], (holder, end))


#: words of ministers' portfolios: a name's last words that are none of them are a person's
_PORTFOLIO_WORDS = frozenset(
    "affairs defence defense trade industry industries development resources environment transformation health "
    "education science culture sport sports energy finance finances economy justice labour labor policy "
    "protection territories communities infrastructure agriculture transport veterans reintegration youth "
    "integration security innovation innovations technology technologies emergencies situations digital "
    "information communications relations cooperation tourism fisheries forestry mining construction housing "
    "welfare interior planning investment investments privatization territory regions".split())


def _one_type_per_name(clusters: list[_Cluster]) -> None:
    """A name is one thing in one text: clusters of the same name typed apart ("Ukraine" a COUNTRY
    and a LOCATION, "Xavier Bettel" a PERSON and an ORG) take one type: a country's; a person's
    who holds a role; else the type with the most mentions (the first named on a tie)."""
    by_name: dict[str, list[_Cluster]] = {}
    for cluster in clusters:
        by_name.setdefault(cluster.name, []).append(cluster)
    for same in by_name.values():
        if len({c.type for c in same}) < 2:
            continue
        counts: dict[str, int] = {}
        for cluster in same:
            counts[cluster.type] = counts.get(cluster.type, 0) + len(cluster.mentions)
        winner = next((c for c in same if c.type == "COUNTRY"), None) \
            or next((c for c in same if c.type == "PERSON" and c.roles), None) \
            or max(same, key=lambda c: counts[c.type])  # clusters come in order of first mention
        for cluster in same:
            cluster.type, cluster.country = winner.type, cluster.country or winner.country
            if winner.type == "COUNTRY":
                cluster.key = winner.key


def _rekey(clusters: dict[str, _Cluster]) -> list[_Cluster]:
    """Keys from the final (fullest) names; clusters that now share a key are one."""
    out: dict[str, _Cluster] = {}
    ordered = sorted(clusters.values(), key=_Cluster.first)
    _one_type_per_name(ordered)
    for cluster in ordered:
        if cluster.type != "COUNTRY":
            cluster.key = f"{cluster.type.lower()}:{slug(cluster.name)}"
        same = out.get(cluster.key)
        if same is None:
            out[cluster.key] = cluster
        else:
            same.mentions.update(cluster.mentions)
            same.roles += cluster.roles
    return list(out.values())


def _distinct_roles(cluster: _Cluster) -> tuple[Role, ...]:
    """One role per title, of (with or without "the") and to; a role without "of" takes the
    person's country; a title that another of the same place names with its portfolio is that
    one ("Minister Kotyakov" and "Minister of Labour and Social Protection Anton Kotyakov")."""
    out: dict[tuple[str, str | None, str | None], Role] = {}
    for role in sorted(cluster.roles, key=lambda r: r.span is None):
        if role.of is None and cluster.country:
            role = Role(title=role.title, of=cluster.country, to=role.to, span=role.span)
        out.setdefault((role.title, role.of and role.of.removeprefix("the "), role.to), role)  # "(the) Amur Region"
    return tuple(r for r in out.values() if not any(
        o.title.startswith(r.title + " of ") and o.of == r.of for o in out.values()))


def freeze(clusters: dict[str, _Cluster]) -> tuple[Entity, ...]:
    """Entities with ids E1, E2 ... in order of first mention."""
    ordered = sorted(_rekey(clusters), key=_Cluster.first)
    return tuple(
        Entity(
            id=f"E{i}",
            key=c.key,
            type=c.type,
            name=c.name,
            country=c.country,
            roles=_distinct_roles(c),
            mentions=tuple(Mention(span=s, kind=k) for s, k in sorted(c.mentions.items())),
        )
        for i, c in enumerate(ordered, start=1)
    )


# the parser: pronoun resolution (coref_pronouns) weighs subjects over objects
@register("entities", requires=("doc",), provides=("entities",), components=("ner", "parser"))
def extract_entities(ctx: Context) -> dict[str, object]:
    from .roles import add_roles_and_mentions

    clusters = collect(ctx.article.text, ctx.doc, ctx.article.title)
    add_roles_and_mentions(ctx.article.text, ctx.doc, clusters, ctx.article.date)
    _sole_country(clusters)
    return {"entities": freeze(clusters)}


def _sole_country(clusters: dict[str, _Cluster]) -> None:
    """A person with a national title and no country ("President Levy Mwanawasa") in a text that
    names one country only holds the title there."""
    named = {c.country for c in clusters.values() if c.type == "COUNTRY" and c.country}
    if len(named) != 1:
        return
    (code,) = named
    for cluster in clusters.values():
        if cluster.type == "PERSON" and not cluster.country and any(
                r.title in national_titles() and r.of is None and r.to is None for r in cluster.roles):
            cluster.country = code
