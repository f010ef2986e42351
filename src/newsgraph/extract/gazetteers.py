"""Names found by the knowledge base and by rules, in plain text (no parse needed).

Countries by name, official name, demonym and capital; organizations, facilities
and initiatives by their head word ("Fund", "Railway", "Treaty"); organizations of
the knowledge base by name or acronym; governments, which stand for their country.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..kb.lexicon import (
    countries,
    demonym_forms,
    given_names,
    known_orgs,
    known_people_forms,
    legal_forms,
    lookup_place,
    not_names,
    org_heads,
    org_suffixes,
    place_names,
    titles,
)
from .patterns import trie_alternation

@cache
def _gazetteer() -> re.Pattern[str]:
    alternation = trie_alternation(f for f in _all_forms() if len(f) > 1)
    return re.compile(rf"(?<![\w])(?:[Tt]he\s+)?(?:{alternation})(?:'s|\u2019s)?(?![\w])")


def _all_forms() -> set[str]:
    out: set[str] = set()
    for c in countries().values():
        out.update((c.name, *c.aliases, *demonym_forms(c), *c.capitals))
    return {f for f in out if f and f[0].isupper()}


def _currency_prefix(text: str, end: int) -> bool:
    """"US$25.6 billion", "US dollars": a currency, not the country."""
    return text[end:end + 1] == "$" or text[end:end + 8].lower().startswith(" dollar")


def country_hits(text: str) -> Iterator[tuple[int, int, str, str]]:
    """``(start, end, code, kind)`` for each country name, demonym or capital in ``text``."""
    for match in _gazetteer().finditer(text):
        start, end = match.span()
        place = lookup_place(match.group())
        if place is None or _currency_prefix(text, end):
            continue
        if place.kind != "name" and text[start:start + 4].lower() == "the ":
            start += 4  # "the Chinese side": the demonym alone is the mention
        yield start, end, place.code, place.kind


# a month or weekday after "in"/"on" is a date, not part of the name ("the Council in February")
_CALENDAR = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
             r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


@cache
def _org_re() -> re.Pattern[str]:
    heads = "|".join(sorted(org_heads(), key=len, reverse=True))
    word = r"[A-Z][\w&'-]*"
    tail = rf"(?:\s+(?:of|for|on|between|in)\s+(?:the\s+)?(?!{_CALENDAR}){word}(?:\s+(?:and\s+|of\s+|the\s+)*{word})*)"
    return re.compile(
        rf"(?<![\w-])(?P<name>(?:{word}\s+(?:(?:and|of|for|on)\s+)?){{0,6}}(?P<head>{heads}){tail}?)(?![\w-])"
    )


def trailing_person(name: str) -> int | None:
    """Where a person's given and family name start at the end of an organisation's name ("the
    Security Council of Russia Nikolai Patrushev": a title's place run on into the holder's name)."""
    words = name.split(" ")
    for size in (2, 3):
        person = words[-size:]
        if len(words) > size and person[0].lower() in given_names() and person[-1] not in org_heads() \
                and all(re.fullmatch(r"[A-Z][\w'\u2019-]+", w) for w in person):
            return len(name) - len(" ".join(person))
    return None


def rule_orgs(text: str) -> list[tuple[int, int, str]]:
    """Organizations, facilities and initiatives named with a head word ("Fund", "Railway",
    "Treaty") that the small NER often splits or misses; companies a wire marks in angle brackets;
    and the person whose name the NER ran into one ("the Security Council of Russia Nikolai Patrushev")."""
    out = []
    for match in _org_re().finditer(text):
        start, end = trim_name(text, *match.span("name"), skip_titles=False)
        start = title_of_end(text, start, end) or start  # "Chief Executive Officer of" + the name
        for joint in _AND.finditer(text, start, end):  # "... and Secretary General of the Congress": two
            if (titled := title_of_end(text, joint.end(), end)) is not None:
                if joint.start() < match.start("head"):
                    start = titled  # the org's name follows the title
                else:
                    end = joint.start()  # the title and its org are another's
                break
            second = _SECOND_ORG.match(text, joint.end(), end)
            if second and joint.start() > match.end("head") and second.group("head") in org_heads():
                # "the Ministry of Education of Ukraine and the Ministry of Education of Romania": two
                out.append((second.start("name"), end, org_heads()[second.group("head")]))
                end = joint.start()
                break
            if joint.start() > match.end("head") and (other := _other_org(text, joint, end)) is not None:
                out.append(other)  # "the Ministry of Health of Ukraine and Philips Medical Systems": two
                end = joint.start()
                break
        start += _modifier_length(text[start:end])
        kind = org_heads()[match.group("head")]
        if kind == "OTHER" and text.startswith(" in ", match.end("head")):
            end = match.end("head")  # "Macworld Conference in San Francisco": the place is apart
        if kind == "LOCATION" and re.match(r" [A-Z]", text[end:end + 2]):
            continue  # "Black Sea Fleet", "Silicon Valley Bank": the place names something else
        person = trailing_person(text[start:end])
        if person:  # "... of Russia Nikolai Patrushev": the holder is named after the place
            out.append((start + person, end, "PERSON"))
            end = start + len(text[start:start + person].rstrip())
        for start, end in _split_pair(text, start, end, match.start("head")):
            name = text[start:end]
            if len(name.split()) >= 2 and lookup_place(name) is None and name not in not_names():  # not "New Year"
                out.append((start, end, org_heads().get(name.split()[-1], org_heads()[match.group("head")])))
    taken = [(s, e) for s, e, _k in out]
    out += [(s, e, "ORG") for s, e in _bracketed(text) if not any(a < e and s < b for a, b in taken)]
    return out


#: capitalised words that start a sentence or a phrase, not a name
NOT_NAME_START = "The|A|An|In|On|At|Of|For|By|To"


@cache
def _legal_form_re() -> re.Pattern[str]:
    legal = trie_alternation(word for word in legal_forms() if word[:1].isupper())
    word = rf"(?!(?:{NOT_NAME_START}|Shares|And)\s)[A-Z][\w&'-]+\s"
    return re.compile(rf"(?<![\w&'.-])(?:(?:{word}){{1,2}}(?:and|&)\s)?(?:{word}){{1,3}}(?:{legal})(?![\w&'-])")


def with_legal_form(text: str) -> list[tuple[int, int]]:
    """Capitalised words that end in a company's legal form ("Puma AG", "Kay Corp", "Seligman and
    Latz Inc"), for names the NER missed (its own spans, where it found one, are better: "Bankers
    Trust New York Corp" is more than three words)."""
    return [m.span() for m in _legal_form_re().finditer(text)]


#: a company's name in angle brackets, as news wires mark it ("<Kokusai Denshin Denwa Co Ltd>");
#: not a ticker alone ("<CAWL.L>")
_BRACKETED = re.compile(r"<(?P<name>[A-Z][\w&'.-]*(?:,? [A-Z&][\w&'.-]*){1,7})>")


def _bracketed(text: str) -> list[tuple[int, int]]:
    return [match.span("name") for match in _BRACKETED.finditer(text) if not match.group("name").isupper()]


_AND = re.compile(r"\s+and\s+")
_THE = re.compile(r"the\s+")


def _other_org(text: str, joint: re.Match[str], end: int) -> tuple[int, int, str] | None:
    """The second organization of a pair, named after "and" with its own head or corporate word,
    where "the" or the first one's country shows that a new name starts ("... of Ukraine and the
    Turkish Cooperation and Coordination Agency", "... of Ukraine and Philips Medical Systems";
    not "Bank for Small and Medium-Sized Enterprises")."""
    start = joint.end()
    the = _THE.match(text, start)
    start = the.end() if the else start
    words = text[start:end].split()
    before = text[max(0, joint.start() - 40):joint.start()].split()[-1:]
    if the is None and (not before or lookup_place(before[0]) is None):
        return None
    if len(words) < 2 or " and the " in text[start:end] or not text[start].isupper():
        return None  # "... of Trade and Industry and the Bank": no name between the two "and"s
    kind = org_heads().get(words[-1]) or ("ORG" if words[-1] in org_suffixes() else None)
    return (start, end, kind) if kind == "ORG" else None


_SECOND_ORG = re.compile(r"(?:the\s+)?(?P<name>(?P<head>[A-Z][\w-]*)\s+of\s)")
_MODIFIER = re.compile(r"[A-Z][\w']*-[a-z][\w-]*\s+")


def _modifier_length(name: str) -> int:
    """"Icahn-controlled Trans World Airlines": a hyphened modifier before the name is not of it."""
    match = _MODIFIER.match(name)
    return match.end() if match else 0


def _split_pair(text: str, start: int, end: int, head: int) -> list[tuple[int, int]]:
    """"Transmashholding and Kazakh Railways" names two: one word before "and" stands alone;
    "Shanghai Airlines and Xiamen Airlines" names two, each with its head word."""
    before = text[start:head]
    cut = before.find(" and ")
    if cut <= 0:
        return [(start, end)]
    left = before[:cut].split()
    if " " not in before[:cut].strip():
        after = start + cut + len(" and ")
        if _one_name(left[0], text[after:end]):
            return [(start, end)]
        return [(after, end)]
    if left[-1] in org_heads():
        return [(start, start + cut), (start + cut + len(" and "), end)]
    return [(start, end)]


def _one_name(first: str, rest: str) -> bool:
    """Whether "<first> and <rest>" is one name: two places ("Australia and New Zealand Banking
    Group"), or two words and a company's legal form ("Cable and Wireless Plc")."""
    words = rest.split()
    if lookup_place(first) is not None and any(lookup_place(" ".join(words[:n])) for n in (1, 2, 3)):
        return True
    return len(words) == 2 and words[1] in legal_forms()


_GOVERNMENT = re.compile(r"^(?:(?P<a>[A-Z][\w'-]+) Government|Government of (?:the )?(?P<b>[A-Z][\w' -]+))$")


def government(name: str) -> str | None:
    """"the Russian Government", "the Government of Kazakhstan": the country, acting."""
    match = _GOVERNMENT.match(name)
    place = lookup_place(match.group("a") or match.group("b")) if match else None
    return place.code if place is not None and place.kind != "capital" else None


def country_in(name: str) -> str | None:
    """The country a name holds a word of ("Bank of Russia"); not in "New Jersey", "New Mexico"."""
    for word in re.findall(r"(?<!New )[A-Z][\w'-]+", name):
        place = place_names().get(word.lower())
        if place is not None:
            return place.code
    return None


@cache
def orgs_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{trie_alternation(known_orgs())})(?![\w-])")


@cache
def people_re() -> re.Pattern[str]:
    """Known people's full names (two words or more) as written: "Xi Jinping", "Kassym-Jomart Tokayev"."""
    forms = {form for form in known_people_forms() if " " in form}
    return re.compile(rf"(?<![\w-])(?:{trie_alternation(forms)})(?![\w-])")


_TITLE_OF = re.compile(r"(?P<title>[A-Z][\w -]+?) of (?:the )?(?=[A-Z])")


def title_of_end(text: str, start: int, end: int) -> int | None:
    """Where a leading "<title> of" ends ("Chief Operating Officer of AirTran Airways"), if any."""
    match = _TITLE_OF.match(text, start, end)
    if match is None:
        return None
    title = match.group("title")
    last = title.split()[-1].lower()
    known = title.lower() in titles() or last in titles() or singular(last) in titles() or _CHIEF.fullmatch(title)
    return match.end() if known else None


def singular(word: str) -> str:
    """"ministers" -> "minister", "companies" -> "company" (the pipeline runs no lemmatizer)."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


_CHIEF = re.compile(r"Chief(?: [A-Z][a-z]+)+ Officer")  # "Chief Operating Officer", "Chief Financial Officer"


def trim_name(text: str, start: int, end: int, *, skip_titles: bool = True) -> tuple[int, int]:
    """Drop a leading dash or bullet, "the", a title (unless ``skip_titles`` is false: "General
    Motors"), a trailing possessive and a dangling "of" or "and" from a name span."""
    while start < end and not text[start].isalnum() and text[start] not in "\"'(\u201c\u2018$#@":
        start += 1  # "― Jacklyn Ashley": a dash or a bullet before a name
    while start < end and text[start].isspace():
        start += 1
    piece = text[start:end]
    lead = re.match(r"(?:(?:[Tt]he|[Oo]ur|[Tt]heir|[Ii]ts|[Tt]his|[Tt]hat|[Aa]n?)\s+)+", piece)
    if lead:
        start += lead.end()
    if skip_titles:
        start = _skip_title(text, start, end)
    piece = text[start:end]
    if "(" in piece:  # "Fund(RDIF)": the acronym is an alias, found after the name
        end = start + piece.index("(")
        piece = text[start:end]
    if piece.endswith(("'s", "\u2019s")):
        end -= 2
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ".)":
        end -= 1
    dangling = _DANGLING.search(text, start, end)  # "the Office of the President of", "Mark Rutte - ed."
    return start, (dangling.start() if dangling else end)


_DANGLING = re.compile(r"\s+(?:of|and|the|for|in)$|\s+[-\u2013\u2014]\s*(?:[Ee]d|[Ee]ditor|[Aa]uth)\.?$")


#: words before a name that are no part of it: "Mr", "(His) Majesty", "(Her Royal) Highness"
HONORIFICS = frozenset({"mr", "mr.", "mrs", "ms", "dr", "his", "her", "royal", "majesty", "highness", "excellency",
                        "holiness", "eminence", "maestro"})


def _skip_title(text: str, start: int, end: int) -> int:
    words = text[start:end].split(" ")
    known = titles()
    i = 0
    while i < len(words) - 1 and (
        words[i].lower() in known or words[i].lower() in HONORIFICS
        or " ".join(words[i:i + 2]).lower() in known
    ):
        i += 2 if " ".join(words[i:i + 2]).lower() in known else 1
    return start + len(" ".join(words[:i])) + (1 if i else 0)


def org_like(name: str) -> bool:
    """A known organization, a name with an organization's head or suffix ("AirTran Airways"),
    or one of the form "X of Y" ("Office of the President"); not "State" or "Internal Affairs"."""
    heads = org_heads()
    return name in known_orgs() or " of " in name \
        or any(heads.get(w) == "ORG" or w in org_suffixes() for w in name.split())
