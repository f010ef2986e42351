"""Attribution verbs (``kb/quote_verbs.csv``): their inflected forms and what their content is.

Each row names a verb's lemma, which of its dependents carry what is attributed
(``c`` a clause: "said *that ...*", ``x`` an infinitive: "vowed *to ...*", ``o`` an
object: "criticized *the plan*", ``n`` an object with its naming complement:
"called *the remarks a wake-up call*"), the prepositions whose object is content
("called *for* ...") and, for irregular verbs, every inflected form.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..kb.lexicon import read_rows
from ..nlp.inflection import noun_forms, verb_forms


@dataclass(frozen=True, slots=True, kw_only=True)
class Frame:
    """What a verb attributes: its lemma, content kinds (``c``, ``x``, ``o``, ``n``) and prepositions."""

    lemma: str
    kind: str  # say | think | want | judge | show
    content: frozenset[str]
    preps: frozenset[str]




def inflect(lemma: str) -> set[str]:
    """The regular forms of a verb: lemma, -s, -ed and -ing."""
    return set(verb_forms(lemma))


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
        out[noun] = out[noun_forms(noun)[1]] = preps
    return out
