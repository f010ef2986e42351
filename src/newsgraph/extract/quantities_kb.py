"""Word lists and compiled patterns for the quantity extractor, read from ``newsgraph.kb``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..kb.lexicon import read_rows
from .patterns import trie_alternation


@cache
def kb_rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of the CSV file ``name`` in package ``newsgraph.kb``, and of the user's (``$NEWSGRAPH_KB``)."""
    return tuple(read_rows(name))


def _alternation(forms: list[str]) -> str:
    """A regex alternation of literal forms, longest first, spaces as ``\\s+``."""
    return trie_alternation(forms, space=r"\s+")


def _plural(name: str) -> list[str]:
    """Singular and plural forms of a currency name ("dollar" -> "dollars")."""
    if not name[-1].isalpha() or name.endswith("s"):
        return [name]
    return [name, name + "s"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Tables:
    """Everything the extractor looks up, compiled once."""

    currency: dict[str, str]  # lower-cased surface form -> ISO 4217 code
    ascii_signs: frozenset[str]  # transliterated signs ("PS", "Y="), read before 2+ digits only
    unit: dict[str, str]  # surface form (lower-cased unless case-sensitive) -> unit
    unit_name: dict[str, str]  # unit -> long name ("km" -> "kilometre")
    scale: dict[str, float]
    number_word: dict[str, tuple[float, str]]
    approx: dict[str, str]  # phrase -> change class (~ > <)
    change: dict[str, str]  # word -> up | down
    labels: frozenset[str]
    function: frozenset[str]
    plural: frozenset[str]
    singular: frozenset[str]  # words in -s that are not plurals ("gas", "news")
    adverb: frozenset[str]  # words that may stand between a change verb and its figure
    phrasal: frozenset[str]  # verbs that make "up"/"down" a particle ("gave up")
    lemma: dict[str, str]
    prefix_re: re.Pattern[str]  # currency before a number, anchored at the end
    prefix_fwd_re: re.Pattern[str]  # the same, matched forwards
    suffix_cur_re: re.Pattern[str]  # currency after a number
    unit_re: re.Pattern[str]
    scale_re: re.Pattern[str]
    approx_re: re.Pattern[str]  # approximator before a number, anchored at the end


def _currency_tables() -> tuple[dict[str, str], list[str], list[str]]:
    """Surface form -> code, prefix forms, suffix forms. Position "ascii" marks a sign as an ASCII
    transliteration writes it ("PS" for £, "Y=" for ¥): a prefix, read before numbers of two digits or more."""
    table: dict[str, str] = {}
    prefix: list[str] = []
    suffix: list[str] = []
    for row in kb_rows("currencies.csv"):
        text, code, pos = row["text"], row["code"], row["position"]
        forms = [text] if pos in ("prefix", "ascii") or text.isupper() else _plural(text)
        for form in forms:
            table.setdefault(form.lower(), code)
        if pos in ("prefix", "both", "ascii"):
            prefix.append(text)
        if pos in ("suffix", "both"):
            suffix += forms
    return table, prefix, suffix


def _unit_tables() -> tuple[dict[str, str], dict[str, str], str]:
    table: dict[str, str] = {}
    names: dict[str, str] = {}
    forms: list[tuple[str, bool]] = []
    for row in kb_rows("quantity_units.csv"):
        names.setdefault(row["unit"], row["name"])
        for form in row["forms"].split("|"):
            sensitive = row["case"] == "1" or len(form) <= 3
            table[form if sensitive else form.lower()] = row["unit"]
            forms.append((form, sensitive))
    forms.sort(key=lambda f: (-len(f[0]), f[0]))
    alt = "|".join(re.escape(f) if exact else f"(?i:{re.escape(f)})" for f, exact in forms)
    return table, names, alt.replace(r"\ ", r"\s+")


def unit_lookup(tables: Tables, surface: str) -> str | None:
    """The canonical unit of a matched unit surface form."""
    key = " ".join(surface.split())
    return tables.unit.get(key) or tables.unit.get(key.lower())


def _role(rows: tuple[dict[str, str], ...], role: str) -> frozenset[str]:
    return frozenset(r["word"] for r in rows if r["role"] == role)


@cache
def tables() -> Tables:
    """The compiled tables (loaded once)."""
    currency, prefix, suffix = _currency_tables()
    unit, unit_name, unit_alt = _unit_tables()
    scale_rows = kb_rows("quantity_scales.csv")
    scales = {r["text"]: float(r["value"]) for r in scale_rows}
    spaced = [r["text"] for r in scale_rows if r["attached_only"] == "0"]
    approx = {r["phrase"]: r["change"] for r in kb_rows("quantity_approx.csv")}
    words = kb_rows("quantity_words.csv")
    end = r"(?![A-Za-z0-9])"
    return Tables(
        currency=currency,
        ascii_signs=frozenset(r["text"] for r in kb_rows("currencies.csv") if r["position"] == "ascii"),
        unit=unit,
        unit_name=unit_name,
        scale=scales,
        number_word={r["word"]: (float(r["value"]), r["kind"]) for r in kb_rows("quantity_number_words.csv")},
        approx=approx,
        change={r["word"]: r["direction"] for r in kb_rows("quantity_changes.csv")},
        labels=frozenset(r["word"] for r in kb_rows("quantity_labels.csv")),
        function=_role(words, "function"),
        plural=_role(words, "plural"),
        singular=_role(words, "singular"),
        adverb=_role(words, "adverb"),
        phrasal=_role(words, "phrasal"),
        lemma={r["plural"]: r["singular"] for r in kb_rows("quantity_lemmas.csv")},
        prefix_re=re.compile(rf"(?:(?<![A-Za-z])(?:{_alternation(prefix)}))\s?$"),
        prefix_fwd_re=re.compile(rf"(?:{_alternation(prefix)})\s?"),
        suffix_cur_re=re.compile(rf"\s?(?i:{_alternation(suffix)}){end}"),
        unit_re=re.compile(rf"(?:\s?|-)(?:{unit_alt}){end}"),
        scale_re=re.compile(rf"(?:(?P<att>{_alternation(list(scales))})|\s(?P<sp>{_alternation(spaced)})){end}"),
        approx_re=re.compile(rf"(?i:(?<![A-Za-z])(?:{_alternation(list(approx))}))\s*$"),
    )
