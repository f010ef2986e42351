"""Document-level passes over the entities of one text, once every name is found.

Short person names fold into the full name; acronyms join their organization; a name
that the knowledge base or a cue makes an organization is one in every mention; a
person's last name alone is a mention of the person; known people get one spelling.
"""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import TYPE_CHECKING

from ..kb.lexicon import (cities, countries, given_names, is_given_name, known_people, legal_forms, lookup_place,
                          towns)
from .gazetteers import singular, trailing_person
from .entities_rules import (first_word, last_names_alone, name_after, name_before, name_hits, one_word_name,
                             org_names_alone, surname_hits)
from .names import slug
from .patterns import find_each

if TYPE_CHECKING:
    from .entities import _Builder, _Cluster


def merge_persons(clusters: dict[str, _Cluster]) -> None:
    """Fold short person names ("Tokayev") into the full name that contains them."""
    persons = [c for c in clusters.values() if c.type == "PERSON"]
    persons.sort(key=lambda c: len(c.name.split()), reverse=True)
    for short in persons:
        for full in persons:
            if full is short or len(full.name.split()) <= len(short.name.split()):
                continue
            if is_part(short.name, full.name):
                full.mentions.update(short.mentions)
                full.country = full.country or short.country
                clusters.pop(short.key, None)
                break


def is_part(short: str, full: str) -> bool:
    """Every word of ``short`` is a word of ``full`` ("Tokayev" of "Kassym-Jomart Tokayev")."""
    short, full = short.replace("\u2019", "'"), full.replace("\u2019", "'")  # "O’Neill" is "O'Neill"
    short_words = short.lower().split()
    full_words = full.lower().replace("-", " ").split() + full.lower().split()
    return all(w in full_words for w in short_words)


def alias_orgs(text: str, clusters: dict[str, _Cluster]) -> None:
    """Mentions of an acronym elsewhere in the text join the organization."""
    for cluster in list(clusters.values()):
        for acronym in cluster.aliases:
            for match in re.finditer(rf"(?<!\w){re.escape(acronym)}(?!\w)", text):
                if match.span() not in cluster.mentions:
                    other = next((c for c in clusters.values()
                                  if c is not cluster and match.span() in c.mentions), None)
                    if other is not None:
                        cluster.mentions.update(other.mentions)
                        clusters.pop(other.key, None)
                    cluster.mentions[match.span()] = "name"


def propagate_orgs(builder: _Builder) -> None:
    """A name that the knowledge base or a cue makes an organization is one in its other
    mentions too; so is a company's first word alone ("Cerberus" after "Cerberus Capital",
    "Polaroid" after "Polaroid Corp"), whatever the NER typed it."""
    forms = _org_forms(builder)
    for cluster in list(builder.clusters.values()):
        target = forms.get(cluster.name)
        if cluster.type in ("PERSON", "LOCATION", "FACILITY", "ORG") and cluster.key not in builder.strong \
                and target is not None and target is not cluster:
            target.mentions.update(cluster.mentions)
            builder.clusters.pop(cluster.key)
    _unfound_mentions(builder)


def _org_forms(builder: _Builder) -> dict[str, _Cluster]:
    """Name forms that stand for an organization of this text."""
    forms: dict[str, _Cluster] = {}
    for cluster in builder.clusters.values():
        if cluster.type != "ORG":
            continue
        if cluster.key in builder.strong:
            forms.update({builder.text[s:e]: cluster for s, e in cluster.mentions} | {cluster.name: cluster})
        for name in {cluster.name} | {builder.text[s:e] for (s, e), kind in cluster.mentions.items() if kind == "name"}:
            if short := first_word(name):  # "JPMorgan Chase", written "J.P. Morgan and Co Inc": "Morgan"
                forms.setdefault(short, cluster)
            if (base := _without_legal_form(name)) != name:  # "Bear Stearns and Co": "Bear Stearns"
                forms.setdefault(base, cluster)
            for initials in {_initials(base), _initials(name)} - {None}:  # "ATT", "DEC" (Digital Equipment Corp)
                forms.setdefault(initials, cluster)
    return forms


def _without_legal_form(name: str) -> str:
    """A company's name without its legal form: "Bear Stearns and Co" -> "Bear Stearns"."""
    words = name.replace(",", "").split()
    while len(words) > 1 and words[-1] in legal_forms():
        words.pop()
        if len(words) > 1 and words[-1] in ("and", "&"):
            words.pop()
    return " ".join(words)


def _initials(name: str) -> str | None:
    """The acronym of a name of three capitalised words or more ("Digital Equipment" has none)."""
    letters = "".join(word[0] for word in name.split() if word[:1].isupper())
    return letters if len(letters) >= 3 else None


def _unfound_mentions(builder: _Builder) -> None:
    """Other mentions of a name made certain by a cue, where the NER missed them."""
    orgs = [c for key in builder.strong
            if (c := builder.clusters.get(key)) is not None and c.type == "ORG" and len(c.name) >= 3]
    found = org_names_alone(builder.text, [c.name for c in orgs])
    for cluster in orgs:
        for span in name_hits(builder.text, cluster.name, builder.taken, found):
            cluster.mentions[span] = "name"
            builder.taken.append(span)


def surnames(builder: _Builder) -> None:
    """A person's last name alone, where the NER missed it ("Jobs" after "Steve Jobs"); a person
    the NER found by one name only, wherever it stands alone ("Oz"), and with a known given name
    before it ("Mehmet Oz", which it missed)."""
    persons = [c for c in builder.clusters.values() if c.type == "PERSON"]
    alone = last_names_alone(builder.text, [c.name for c in persons])
    for cluster in persons:
        for span in surname_hits(builder.text, cluster.name, builder.taken, alone):
            span = _with_given_name(builder.text, cluster.name, span)
            cluster.mentions.setdefault(span, "name")
            builder.taken.append(span)
    _one_word_mentions(builder, [c for c in persons if one_word_name(c.name)])


def _with_given_name(text: str, full: str, span: tuple[int, int]) -> tuple[int, int]:
    """The whole name where the last name follows the rest of it at a sentence's start ("status.
    Dmitry Kozak: Its status", which the NER missed): a speaker's label starts at the name."""
    rest = full.rsplit(" ", 1)[0] + " "
    start = span[0] - len(rest)
    return (start, span[1]) if start >= 0 and text.startswith(rest, start) else span


_GIVEN_BEFORE = re.compile(r"(?<![\w.-])(?P<given>[A-Z][\w'-]+)[^\S\n]$")


def _one_word_mentions(builder: _Builder, persons: list[_Cluster]) -> None:
    """Each occurrence of a one-word person name that stands alone (one scan for all of them)."""
    by_name = {c.name: c for c in persons}
    for name, spans in find_each(builder.text, by_name, before=r"(?<![\w.-])", after=r"(?![\w-])").items():
        cluster = by_name[name]
        for start, end in spans:
            given = _GIVEN_BEFORE.search(builder.text, max(0, start - 30), start)
            if given and is_given_name(given.group("given")):
                start = given.start()  # "Mehmet Oz"
                cluster.name = f"{given.group('given')} {name}" if cluster.name == name else cluster.name
            elif name_before(builder.text, start) or name_after(builder.text, end):
                continue  # "the Oz Clinic", "Wizard of Oz": another name
            if not builder.taken.overlaps((start, end)):
                cluster.mentions.setdefault((start, end), "name")
                builder.taken.append((start, end))


def split_trailing_persons(builder: _Builder) -> None:
    """An organisation name that runs on into a person's given and family name ("the Presidential
    Administration Anton Vaino", the NER's span after a title) is the organisation and the person:
    one with a known given name, or one the text names apart elsewhere ("... of the Council of
    Europe Leendert Verbeek")."""
    named = [c.name for c in builder.clusters.values() if c.type == "PERSON" and " " in c.name]
    for cluster in list(builder.clusters.values()):
        if cluster.type != "ORG" or cluster.key in builder.strong:
            continue
        cut = trailing_person(cluster.name) or next(
            (len(cluster.name) - len(n) for n in named if cluster.name.endswith(" " + n)), None)
        if cut is None:
            continue
        org, person = cluster.name[:cut].rstrip(" -\u2013\u2014,"), cluster.name[cut:]
        place = lookup_place(org)
        for (start, end), kind in list(cluster.mentions.items()):
            if builder.text[start:end] == cluster.name:
                del cluster.mentions[(start, end)]
                if place is None:
                    cluster.mentions[(start, start + len(org))] = kind
                elif place.kind != "capital" and place.code in countries():  # "Ukraine Olena Zelenska"
                    builder.add("COUNTRY", countries()[place.code].name, (start, start + len(org)), "name",
                                f"country:{place.code}", place.code)
                builder.add("PERSON", person, (end - len(person), end))
        cluster.name = org
        if not cluster.mentions:
            builder.clusters.pop(cluster.key, None)


_CAPS_LABEL = re.compile(r"(?m)(?:^|[.!?]\s+)[\"“]?(?P<name>[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,2})"
                         r"(?=\s*(?:\([\w\s.-]{1,30}\))?:\s)")


def caps_labels(builder: _Builder) -> None:
    """A transcript's speaker label in capitals ("PENCE: Well, look ...") is the person of this
    text with that last (or full) name, whatever the NER made of it."""
    persons = [c for c in builder.clusters.values() if c.type == "PERSON"]
    for match in _CAPS_LABEL.finditer(builder.text):
        label = match.group("name").lower()
        found = [c for c in persons if c.name.lower() == label or c.name.lower().split()[-1] == label]
        if len(found) != 1:
            continue
        span = match.span("name")
        for other in list(builder.clusters.values()):
            if other is not found[0] and other.mentions.pop(span, None) is not None and not other.mentions:
                builder.clusters.pop(other.key, None)
        found[0].mentions[span] = "name"
        builder.taken.append(span)


def known_people_names(clusters: dict[str, _Cluster]) -> None:
    """Persons of the knowledge base: one spelling of their name, and their country.

    A surname that several known people share ("President Bush") names none of them,
    but gives their country when they share one.
    """
    table = known_people()
    for cluster in clusters.values():
        if cluster.type != "PERSON":
            continue
        person = table.get(cluster.name.lower()) or _by_slug().get(slug(cluster.name))
        found = [person] if person is not None else _by_surname(cluster.name)
        homes = {p.country for p in found}
        if len(found) == 1:
            cluster.name = found[0].name
        if len(homes) == 1:
            cluster.country = cluster.country or homes.pop()


@cache
def _by_slug() -> dict[str, object]:
    """Known people by the slug of each spelling: "NguyenPhu Trong" is "Nguyen Phu Trong"."""
    return {slug(form): person for form, person in known_people().items()}


def known_surname(name: str) -> bool:
    """Whether one word is the surname of one known person and names no place ("Scholz", not
    "Bush" of two presidents nor "Jackson" of a city)."""
    return len(_by_surname(name)) == 1 and len(name) > 2 and lookup_place(name) is None \
        and name not in cities() and name not in towns()


def _by_surname(name: str) -> list:
    """"Tokayev" alone: the known persons whose name ends so."""
    return [] if " " in name else _by_last_word().get(name.lower(), [])


@cache
def _by_last_word() -> dict[str, list]:
    """Known people by the last word of each spelling, each person once: built once, not a scan of
    the whole table for every person of every document."""
    found: dict[str, dict[str, object]] = {}
    for form, person in known_people().items():
        found.setdefault(form.split()[-1], {})[person.name] = person
    return {word: list(people.values()) for word, people in found.items()}


_ORG_KINDS = frozenset({"company", "firm", "bank", "corporation", "group", "enterprise", "producer", "operator",
                        "airline", "carrier", "manufacturer", "maker", "fund", "agency", "organization",
                        "organisation", "concern", "giant", "holding", "conglomerate", "lender", "insurer"})


def conjoined_orgs(builder: _Builder, doc: object) -> None:
    """A one-word proper noun coordinated with an organization, under a noun of organizations,
    that nothing else names is one too: "joint-stock companies Almalyk Mining and Metallurgical
    Plant and Uzbekneftegaz" (not "Lysychansk and Severodonetsk", "Fitness and Sport")."""
    orgs = [span for c in builder.clusters.values() if c.type == "ORG" for span in c.mentions]
    if not orgs:
        return
    strings = doc.vocab.strings  # type: ignore[attr-defined]
    attrs = doc.to_array(["DEP", "POS"])  # type: ignore[attr-defined]  # no Token object per word: long texts
    picked = ((attrs[:, 0] == strings["conj"]) & (attrs[:, 1] == strings["PROPN"])).nonzero()[0]
    for tok in (doc[int(i)] for i in picked):  # type: ignore[index]
        if not tok.text[:1].isupper() or tok.text.isupper():
            continue
        if any(c.dep_ in ("compound", "flat", "amod") for c in tok.lefts):
            continue  # one word only: "the Fearless Girl", "Social Protection"
        first = tok
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        if not any(s <= first.idx < e for s, e in orgs) or not _under_org_kind(first):
            continue
        start, end = tok.idx, tok.idx + len(tok.text)
        if not builder.overlaps(start, end) and not lookup_place(tok.text):
            builder.add("ORG", tok.text, (start, end))


def _under_org_kind(tok: object) -> bool:
    """Whether a name stands in apposition to "companies", "banks", "the firms" ..."""
    head = tok.head  # type: ignore[attr-defined]
    while head.dep_ in ("compound", "flat") and head.head.i != head.i:
        head = head.head
    nouns = [head] + [t for t in head.subtree if t.i < tok.i and t.pos_ == "NOUN"][-1:]  # type: ignore[attr-defined]
    return any(singular(n.lower_) in _ORG_KINDS for n in nouns if n.pos_ == "NOUN")


_PLACE_OF = frozenset({"city", "town", "port", "centre", "center", "outskirts", "suburbs", "streets", "residents",
                       "mayor", "people", "region", "liberation", "siege", "defence", "defense", "shelling"})
_PLACE_PREP = frozenset({"in", "from", "to", "near", "outside", "through", "via", "across", "into", "at", "around",
                         "towards", "toward", "reach", "reached", "visit", "visited", "shelled", "liberate", "liberated"})


def untagged_cities(builder: _Builder, doc: object) -> None:
    """A city the model left out ("runs through Irkutsk", "Kharkiv, Sumy and Odesa"): one to
    three capitalised words that name a city of ``cities.csv``, on their own (no capitalised word
    against them), after a preposition of place or "city of", or in a list with a place."""
    firsts = _city_first_words()
    starts = doc.to_array("IDX").tolist()  # type: ignore[attr-defined]  # no Token object per word: long texts
    candidates = []
    for m in _CAPITALISED.finditer(builder.text):
        i = bisect.bisect_left(starts, m.start()) if m.group() in firsts else len(starts)
        if i < len(starts) and starts[i] == m.start():  # a word that starts a token
            candidates.append(i)
    for _ in range(3):  # a list may reach a place only through another city: "Kyiv, Lviv, Odesa"
        if not candidates or not _city_pass(builder, doc, candidates):
            break


_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z]\w*")


@cache
def _city_first_words() -> frozenset[str]:
    """The first token of every city name ("Kryvyi", "Ivano"): a quick test before the windows."""
    return frozenset(re.split(r"[\s\-'’]", name)[0] for name in cities())


def _city_pass(builder: _Builder, tokens: object, candidates: list[int]) -> bool:
    names = cities()
    places = [span for c in builder.clusters.values() if c.type in ("LOCATION", "COUNTRY") for span in c.mentions]
    added = False
    size = len(tokens)  # type: ignore[arg-type]
    for i in candidates:
        tok = tokens[i]  # type: ignore[index]
        if tok.is_sent_start:
            continue
        for n in (3, 2, 1):
            last = tokens[i + n - 1] if i + n - 1 < size else None  # type: ignore[index]
            if last is None:
                continue
            start, end = tok.idx, last.idx + len(last.text)
            name = builder.text[start:end]
            if name in names:
                break
        else:
            continue
        if (i > 0 and tokens[i - 1].text[:1].isupper() and not tokens[i - 1].is_sent_start) or (  # type: ignore[index]
                i + n < size and tokens[i + n].text[:1].isupper()):  # type: ignore[index]
            continue  # part of a longer name: "Lake Victoria", "Kara Sea"
        if builder.overlaps(start, end) or name.lower() in given_names() or lookup_place(name):
            continue
        if not (_after_place_word(tokens, i) or _listed_with_place(tokens, i, n, places)):
            continue
        builder.add("LOCATION", name, (start, end), country=names[name].country)
        added = True
    return added


def _after_place_word(tokens: object, i: int) -> bool:
    before = [tokens[j].lower_ for j in range(max(0, i - 2), i)]  # type: ignore[index]
    return bool(before) and (before[-1] in _PLACE_PREP or (len(before) == 2 and before[1] == "of" and before[0] in _PLACE_OF))


def _listed_with_place(tokens: object, i: int, n: int, places: list[tuple[int, int]]) -> bool:
    """ "Kharkiv, Sumy, Kryvyi Rih and Odesa": a comma or "and" joins it to a place."""
    near = []
    if i >= 2 and tokens[i - 1].text in (",", "and", "or"):  # type: ignore[index]
        near.append(tokens[i - 2])  # type: ignore[index]
    if i + n + 1 < len(tokens) and tokens[i + n].text in (",", "and", "or"):  # type: ignore[index, arg-type]
        near.append(tokens[i + n + 1])  # type: ignore[index]
    return any(s <= t.idx < e for t in near for s, e in places)
