"""The event lexicon: trigger words with their inflections, and word pairs that change a type.

``kb/event_triggers.csv`` lists exact forms and phrases; ``kb/event_words.csv`` lists
lemmas (``V`` verbs, ``N`` nouns, ``X`` fixed phrases) whose regular inflections are
generated here, irregular ones given in its ``forms`` column. ``kb/event_pairs.csv``
names a word (with its irregular forms: ``give|gave|given``) and the words that, as its object or modifier, make another event of
it ("sever ties": SANCTION, "naval blockade": FIGHT, "violate a ceasefire": FIGHT).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..kb.lexicon import Trigger, event_triggers, read_rows
from ..nlp.inflection import noun_forms, verb_forms

@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """A trigger form: its type and CAMEO code, and the part of speech it must have (None: any)."""

    trigger: Trigger
    pos: str | None = None


def _forms(word: str, pos: str) -> tuple[str, ...]:
    return verb_forms(word) if pos == "V" else noun_forms(word) if pos == "N" else (word,)


@cache
def trigger_forms() -> dict[str, Entry]:
    """Lower-cased form or phrase -> its entry; the exact forms of ``event_triggers.csv`` first."""
    out: dict[str, Entry] = {form: Entry(trigger=t) for form, t in event_triggers().items()}
    for row in read_rows("event_words.csv"):
        word, pos = row["word"].strip().lower(), row["pos"].strip()
        trigger = Trigger(type=row["type"].strip(), cameo=row["cameo"].strip())
        extra = tuple(f.strip().lower() for f in (row.get("forms") or "").split("|") if f.strip())
        for form in (*_forms(word, pos), *extra):
            if form in out and out[form].pos is not None and out[form].pos != pos:
                out[form] = Entry(trigger=out[form].trigger)  # a verb and a noun alike: any use
            out.setdefault(form, Entry(trigger=trigger, pos=pos if pos in ("V", "N") else None))
    return out


@cache
def pairs() -> dict[str, tuple[tuple[frozenset[str], Trigger], ...]]:
    """Form of a word -> (the object or modifier lemmas, the event they make) pairs."""
    out: dict[str, list[tuple[frozenset[str], Trigger]]] = {}
    for row in read_rows("event_pairs.csv"):
        word, *irregular = (w.strip().lower() for w in row["word"].split("|"))
        entry = (frozenset(w.strip().lower() for w in row["with"].split("|") if w.strip()),
                 Trigger(type=row["type"].strip(), cameo=row["cameo"].strip()))
        for form in (*verb_forms(word), *irregular, *_irregular().get(word, ())):
            out.setdefault(form, []).append(entry)
    return {form: tuple(found) for form, found in out.items()}


@cache
def _irregular() -> dict[str, tuple[str, ...]]:
    """Word -> its irregular forms (``event_words.csv``, column ``forms``)."""
    out: dict[str, tuple[str, ...]] = {}
    for row in read_rows("event_words.csv"):
        extra = tuple(f.strip().lower() for f in (row.get("forms") or "").split("|") if f.strip())
        out[row["word"].strip().lower()] = out.get(row["word"].strip().lower(), ()) + extra
    return out


def lemma_candidates(word: str) -> tuple[str, ...]:
    """``word`` and the singular forms it may have ("relations", "ties", "supplies")."""
    word = word.lower()
    out = [word]
    if word.endswith("ies"):
        out += [word[:-3] + "y", word[:-1]]
    elif word.endswith("es"):
        out += [word[:-2], word[:-1]]
    elif word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    return tuple(out)
