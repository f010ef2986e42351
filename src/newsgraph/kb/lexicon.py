"""Loading the knowledge base: countries, demonyms, capitals, titles, organisations, word lists.

The data lives in CSV files beside this module (``docs/knowledge-base.md`` lists them). Users
extend any of them with their own files of the same name and columns through ``NEWSGRAPH_KB``
(a folder whose rows are added to the shipped ones), read once per process.
"""

from __future__ import annotations

import csv
import io
import os
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path


def read_rows(name: str) -> list[dict[str, str]]:
    """The rows of ``kb/NAME`` and of the user's file of the same name, if any."""
    text = resources.files("newsgraph.kb").joinpath(name).read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    extra = os.environ.get("NEWSGRAPH_KB")
    if extra and (Path(extra) / name).is_file():
        with open(Path(extra) / name, encoding="utf-8", newline="") as handle:
            rows += list(csv.DictReader(handle))
    return rows


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


@dataclass(frozen=True, slots=True, kw_only=True)
class Country:
    code: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceName:
    """What a surface form names: a country (by name or demonym) or a capital."""

    code: str
    kind: str  # name | demonym | capital


@cache
def countries() -> dict[str, Country]:
    out: dict[str, Country] = {}
    for row in read_rows("countries.csv"):
        code = row["code"].strip().upper()
        out[code] = Country(
            code=code,
            name=row["name"].strip(),
            aliases=_split(row.get("aliases")),
            demonyms=_split(row.get("demonyms")),
            capitals=_split(row.get("capitals")),
        )
    return out


@cache
def place_names() -> dict[str, PlaceName]:
    """Lower-cased surface form -> what it names (names win over demonyms and capitals)."""
    table: dict[str, PlaceName] = {}
    for kind in ("capital", "demonym", "name"):
        for country in countries().values():
            for form in _forms(country, kind):
                table[_norm(form)] = PlaceName(code=country.code, kind=kind)
    return table


def _forms(country: Country, kind: str) -> tuple[str, ...]:
    if kind == "name":
        return (country.name, *country.aliases)
    if kind == "demonym":
        return demonym_forms(country)
    return country.capitals


_NO_PLURAL = ("ese", "ish", "ch", "s", "sh", "x", "z")  # "Chinese", "British", "French", "Swiss"


def demonym_forms(country: Country) -> tuple[str, ...]:
    """The demonyms and, where the adjective is also a noun for a person, its plural: "the
    Palestinians", "Nigerians" name the people of the country as a party, as "Palestinian"
    does as an adjective ("Chinese", "British", "Swiss" have none)."""
    plurals = (f"{d}s" for d in country.demonyms if not d.endswith(_NO_PLURAL))
    return (*country.demonyms, *plurals)


def _norm(text: str) -> str:
    text = " ".join(text.replace("\u2019", "'").split()).lower()
    return text[4:] if text.startswith("the ") else text


def lookup_place(text: str) -> PlaceName | None:
    """What ``text`` ("the Republic of Kazakhstan", "Chinese", "Astana") names, if a country."""
    norm = _norm(text)
    if norm.endswith("'s"):
        norm = norm[:-2]
    return place_names().get(norm)


@cache
def titles() -> dict[str, str]:
    """Lower-cased title -> its canonical form."""
    return {r["title"].strip().lower(): r["canonical"].strip() for r in read_rows("titles.csv")}


@cache
def envoy_titles() -> frozenset[str]:
    rows = read_rows("titles.csv")
    return frozenset(r["canonical"].strip() for r in rows if r.get("kind") == "envoy")


@cache
def national_titles() -> frozenset[str]:
    """Canonical titles held for a country ("President", "Prime Minister", ministers, generals)."""
    rows = read_rows("titles.csv")  # not "Representative": "the UNICEF Representative in Ukraine"
    return frozenset(r["canonical"].strip() for r in rows
                     if r.get("kind") in ("head", "government", "minister", "military", "parliament")
                     and r["canonical"].strip() != "Representative")


@cache
def military_titles() -> frozenset[str]:
    """Canonical military ranks and posts ("General", "Colonel", "Commander-in-Chief")."""
    return frozenset(r["canonical"].strip() for r in read_rows("titles.csv") if r.get("kind") == "military")


@cache
def cue_forms() -> dict[str, str]:
    """Speech verbs: inflected form -> lemma ("emphasized" -> "emphasize")."""
    return {r["form"].strip().lower(): r["lemma"].strip() for r in read_rows("cues.csv")}


@cache
def claim_cues() -> dict[str, tuple[str, ...]]:
    """Category ("up", "down", "target", "plan", "forecast", "cumulative", "qualifier") -> cue words."""
    out: dict[str, list[str]] = {}
    for row in read_rows("claim_cues.csv"):
        out.setdefault(row["category"].strip(), []).append(row["cue"].strip().lower())
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@dataclass(frozen=True, slots=True, kw_only=True)
class Trigger:
    type: str
    cameo: str


@cache
def event_triggers() -> dict[str, Trigger]:
    """Lower-cased trigger word or phrase -> its PLOVER type and CAMEO code."""
    return {
        r["form"].strip().lower(): Trigger(type=r["type"].strip(), cameo=r["cameo"].strip())
        for r in read_rows("event_triggers.csv")
    }


@cache
def topic_words() -> dict[str, str]:
    return {r["word"].strip().lower(): r["topic"].strip() for r in read_rows("topics.csv")}


@dataclass(frozen=True, slots=True)
class City:
    country: str
    population: int


@cache
def cities() -> dict[str, City]:
    """City name (as written, "Odesa", "Odessa") -> its country and population: GeoNames cities
    of 100,000 people or more (``cities.csv``, made by ``scripts/make_cities.py``; CC BY 4.0)."""
    return _places("cities.csv")


@cache
def towns() -> dict[str, City]:
    """Town name -> its country and population: GeoNames places of 15,000 to 100,000 people whose
    name no larger city has (``towns.csv``, made by ``scripts/make_cities.py``; CC BY 4.0)."""
    return _places("towns.csv")


def _places(name: str) -> dict[str, City]:
    return {r["name"].strip(): City(r["country"].strip().upper(), int(r["population"] or 0))
            for r in read_rows(name) if r["name"].strip()}


@cache
def _office_holders() -> dict[tuple[str, str], list[tuple[str, str, str]]]:
    out: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for row in read_rows("office_holders.csv"):
        key = (row["title"].strip(), row["of"].strip().upper())
        out.setdefault(key, []).append((row["start"].strip(), row["end"].strip() or "9999", row["name"].strip()))
    return out


def office_holder(title: str, of: str, date: str) -> str | None:
    """Who held ``title`` in the country ``of`` on ``date`` (ISO, a day or coarser), from
    ``office_holders.csv`` (start inclusive, end exclusive; an empty end: still in office)."""
    found = {name for start, end, name in _office_holders().get((title, of), ()) if start <= date[:10] < end}
    return found.pop() if len(found) == 1 else None


def offices_held(name: str, title: str, date: str) -> list[str]:
    """The countries where ``name`` held ``title`` on ``date``, from ``office_holders.csv``."""
    return [of for held, of, start, end in _offices_by_holder().get(name, ())
            if held == title and start <= date[:10] < end]


@cache
def _offices_by_holder() -> dict[str, list[tuple[str, str, str, str]]]:
    """Holder's name -> (title, country, start, end) of each office, for lookups by person."""
    out: dict[str, list[tuple[str, str, str, str]]] = {}
    for (title, of), rows in _office_holders().items():
        for start, end, name in rows:
            out.setdefault(name, []).append((title, of, start, end))
    return out


@cache
def given_names() -> frozenset[str]:
    """Lower-cased given names (``gender.csv``, kind "given")."""
    return frozenset(r["form"].strip().lower() for r in read_rows("gender.csv") if r["kind"].strip() == "given")


def is_given_name(word: str) -> bool:
    """Whether ``word`` is a known given name, also with accents the list leaves out ("José")."""
    lower = word.lower()
    return lower in given_names() or (
        not lower.isascii() and unicodedata.normalize("NFKD", lower).encode("ascii", "ignore").decode() in given_names())


@cache
def org_heads() -> dict[str, str]:
    """Head words that end an organization or facility name ("Fund", "Bank", "Port") -> type."""
    return {r["word"].strip(): r["type"].strip() for r in read_rows("org_heads.csv")}


@cache
def claim_nonunits() -> frozenset[str]:
    """Counted nouns that make no claim ("two countries", "three issues", "17 years")."""
    return frozenset(r["noun"].strip().lower() for r in read_rows("claim_nonunits.csv"))


@cache
def measure_units() -> frozenset[str]:
    """Units of measure ("km", "tonne", "bcm"): a figure in them is a measurement, not a count."""
    rows = read_rows("quantity_units.csv")
    return frozenset(r["unit"].strip() for r in rows if r["unit"].strip() not in ("time", "unit"))


@dataclass(frozen=True, slots=True, kw_only=True)
class Known:
    """A person or organization of the knowledge base: its canonical name and country."""

    name: str
    country: str | None


def _known(name: str, *, fold_case: bool) -> dict[str, Known]:
    out: dict[str, Known] = {}
    for row in read_rows(name):
        known = Known(name=row["name"].strip(), country=(row.get("country") or "").strip() or None)
        for form in (known.name, *_split(row.get("aliases"))):
            out[form.lower() if fold_case else form] = known
    return out


@cache
def known_people() -> dict[str, Known]:
    """Lower-cased name or spelling variant -> the person.

    Merges transliterations ("Berdymukhamedov" / "Berdimuhamedov") and tells the country
    of office holders the text names without it ("President Kassym-Jomart Tokayev").
    """
    return _known("people.csv", fold_case=True)


@cache
def known_people_forms() -> tuple[str, ...]:
    """The spellings of the known people's names as written (names and aliases)."""
    return tuple(form for row in read_rows("people.csv") for form in (row["name"].strip(), *_split(row.get("aliases"))))


@cache
def known_orgs() -> dict[str, Known]:
    """Name or acronym, as written (acronyms are case-sensitive) -> the organization."""
    return _known("organizations.csv", fold_case=False)


@cache
def financial_indices() -> dict[str, str]:
    """Stock index name or alias, as written -> the index's name ("Dow" -> "Dow Jones Industrial Average")."""
    out: dict[str, str] = {}
    for row in read_rows("financial_indices.csv"):
        for form in (row["name"].strip(), *_split(row.get("aliases"))):
            out[form] = row["name"].strip()
    return out


@cache
def org_cues() -> dict[str, frozenset[str]]:
    """Position ("before", "after") -> words that mark the name beside them as an organization
    ("airline Ryanair", "Ryanair CEO")."""
    out: dict[str, set[str]] = {}
    for row in read_rows("org_cues.csv"):
        out.setdefault(row["position"].strip(), set()).add(row["word"].strip())
    return {k: frozenset(v) for k, v in out.items()}


@cache
def org_suffixes() -> dict[str, str]:
    """Words that end a company's name ("Inc.", "Motors") -> kind ("legal" or "name")."""
    return {r["word"].strip(): r["kind"].strip() for r in read_rows("org_suffixes.csv")}


@cache
def legal_forms() -> frozenset[str]:
    """The suffixes of ``org_suffixes`` that are a company's legal form ("Inc", "Plc", "AG", "Co")."""
    return frozenset(word for word, kind in org_suffixes().items() if kind == "legal")


@cache
def not_names() -> frozenset[str]:
    """Capitalised forms that the NER tags as names but are not ("UTC", "Internet")."""
    return frozenset(r["text"].strip() for r in read_rows("not_names.csv"))


@cache
def regions() -> dict[str, tuple[str, str]]:
    """Name, alias or adjective of a world region, as written -> (the region's name, kind):
    "European" -> ("Europe", "demonym")."""
    out: dict[str, tuple[str, str]] = {}
    for row in read_rows("regions.csv"):
        name = row["name"].strip()
        out.update({form: (name, "demonym") for form in _split(row.get("demonyms"))})
        out.update({form: (name, "name") for form in (name, *_split(row.get("aliases")))})
    return out


@cache
def name_words() -> dict[str, str]:
    """Lower-cased words that are no surname or short name on their own -> why
    ("function": "the", "of"; "generic": "new", "national")."""
    return {r["word"].strip().lower(): r["role"].strip() for r in read_rows("name_words.csv")}
