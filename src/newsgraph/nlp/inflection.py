"""Regular English inflection, for word lists written as lemmas (``kb/event_words.csv``,
``kb/quote_verbs.csv``); irregular forms are listed in those files."""

from __future__ import annotations

import re

_VOWELS = frozenset("aeiou")


def verb_forms(lemma: str) -> tuple[str, str, str, str]:
    """The lemma, its third person, past and -ing forms: "plan" -> plans, planned, planning."""
    return lemma, _third(lemma), *_past_and_ing(lemma)


def noun_forms(lemma: str) -> tuple[str, str]:
    """The singular and its plural: "crisis" -> crisises is not handled (list irregular plurals)."""
    return lemma, _third(lemma, nouns=True)


def _third(lemma: str, *, nouns: bool = False) -> str:
    if lemma.endswith(("s", "x", "z", "ch", "sh")) or (not nouns and lemma.endswith("o")):
        return lemma + "es"  # "goes", "vetoes"; but "photos", "videos"
    if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        return lemma[:-1] + "ies"
    return lemma + "s"


def _past_and_ing(lemma: str) -> tuple[str, str]:
    if lemma.endswith("ie"):
        return lemma + "d", lemma[:-2] + "ying"  # "tie": tied, tying
    if lemma.endswith("e"):
        return lemma + "d", (lemma[:-1] if lemma[-2:-1] not in ("e", "o", "y") else lemma) + "ing"
    if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        return lemma[:-1] + "ied", lemma + "ing"
    stem = lemma + lemma[-1] if _doubles(lemma) else lemma
    return stem + "ed", stem + "ing"


def _doubles(lemma: str) -> bool:
    """One syllable ending consonant-vowel-consonant doubles its last letter ("ban" -> banned)."""
    return (len(re.findall(r"[aeiou]+", lemma)) == 1 and len(lemma) >= 3 and lemma[-1] not in "aeiouwxy"
            and lemma[-2] in _VOWELS and lemma[-3] not in _VOWELS)
