"""Attribution verbs (``kb/quote_verbs.csv``): their inflected forms and what their content is.

Each row names a verb's lemma, which of its dependents carry what is attributed
(``c`` a clause: "said *that ...*", ``x`` an infinitive: "vowed *to ...*", ``o`` an
object: "criticized *the plan*", ``n`` an object with its naming complement:
"called *the remarks a wake-up call*"), the prepositions whose object is content
("called *for* ...") and, for irregular verbs, every inflected form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..kb.lexicon import read_rows


@dataclass(frozen=True, slots=True, kw_only=True)
class Frame:
    """What a verb attributes: its lemma, content kinds (``c``, ``x``, ``o``, ``n``) and prepositions."""

    lemma: str
    kind: str  # say | think | want | judge | show
    content: frozenset[str]
    preps: frozenset[str]


_VOWELS = "aeiou"


def _double(lemma: str) -> bool:
    """One syllable ending consonant-vowel-consonant doubles its last letter ("plan" -> "planned")."""
    groups = re.findall(r"[aeiou]+", lemma)
    return (len(groups) == 1 and len(lemma) >= 3 and lemma[-1] not in _VOWELS + "wxy"
            and lemma[-2] in _VOWELS and lemma[-3] not in _VOWELS)


def inflect(lemma: str) -> set[str]:
    """The regular forms of a verb: lemma, -s, -ed and -ing."""
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2] not in _VOWELS:
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    stem = lemma + lemma[-1] if _double(lemma) else lemma
    if lemma.endswith("ie"):
        past, ing = lemma + "d", lemma[:-2] + "ying"
    elif lemma.endswith("e"):
        past, ing = lemma + "d", (lemma[:-1] if lemma[-2] not in "eoy" else lemma) + "ing"
    elif lemma.endswith("y") and lemma[-2] not in _VOWELS:
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = stem + "ed", stem + "ing"
    return {lemma, third, past, ing}


@cache
def verb_frames() -> dict[str, Frame]:
    """Lower-cased verb form -> its frame."""
    out: dict[str, Frame] = {}
    for row in read_rows("quote_verbs.csv"):
        lemma = row["lemma"].strip().lower()
        frame = Frame(lemma=lemma, kind=row["kind"].strip(), content=frozenset((row.get("content") or "").strip()),
                      preps=frozenset(p.strip() for p in (row.get("preps") or "").split("|") if p.strip()))
        forms = [f.strip().lower() for f in (row.get("forms") or "").split("|") if f.strip()]
        for form in {lemma, *forms} if forms else inflect(lemma):
            out.setdefault(form, frame)
    return out


@cache
def cue_nouns() -> dict[str, frozenset[str]]:
    """Nouns that attribute their clause or their prepositions' objects to their possessor
    ("Trump's claim *that ...*", "Clinton's comments *on the shooting*"): form -> prepositions."""
    out: dict[str, frozenset[str]] = {}
    for row in read_rows("quote_nouns.csv"):
        noun = row["noun"].strip().lower()
        preps = frozenset(p.strip() for p in (row.get("preps") or "").split("|") if p.strip())
        out[noun] = out[_plural(noun)] = preps
    return out


def _plural(noun: str) -> str:
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2] not in _VOWELS:
        return noun[:-1] + "ies"
    return noun + "s"
