"""The counted noun of a bare count: "135 commodity items" -> "commodity item"."""

from __future__ import annotations

import re

from newsgraph.extract.quantities_kb import Tables

_WORD = re.compile(r" ([A-Za-z][a-z'’-]*|[A-Z]{2,5}s?)(?![\w'’-])")
_MAX_WORDS = 5
_NAME_NEXT = re.compile(r"[ -][A-Z0-9]")
_SKIPPED = frozenset({"more", "such", "other", "further"})
_OF_BARE = re.compile(r" of ((?:[a-z][a-z-]* ){0,2}[a-z][a-z-]*)(?![\w'’-])")


def counted_noun(text: str, end: int, value: float, kb: Tables) -> tuple[str | None, int]:
    """The noun phrase counted by the number ending at ``end`` and the new end; (None, end) if none."""
    if value == 1:
        return None, end
    words: list[str] = []
    pos = end
    for _ in range(_MAX_WORDS):
        match = _WORD.match(text, pos)
        follow = _WORD.match(text, match.end()) if match else None
        plural_next = bool(follow) and follow.group(1).islower() and is_plural(follow.group(1), kb) \
            and follow.group(1) not in kb.function
        if match and not words and match.group(1).lower() in _SKIPPED:
            pos = match.end()  # "six more icebreakers", "four such satellites": the noun after
            continue
        if not match or not _modifier_ok(match.group(1), words, kb, plural_next):
            return None, end
        word = match.group(1)
        words.append(word)
        pos = match.end()
        if is_plural(word, kb) and not (plural_next and word.lower() not in kb.unit):
            unit = kb.unit.get(word.lower())  # the head, past a plural modifier: "339 sports facilities"
            return (unit, pos) if unit else _of_phrase(text, _phrase(words, kb), pos, kb)
    return None, end


def _of_phrase(text: str, head: str, end: int, kb: Tables) -> tuple[str, int]:
    """The head extended by a bare "of" complement: "categories of products" -> "category of products"."""
    match = _OF_BARE.match(text, end)
    if not match:
        return head, end
    words: list[str] = []
    for word in match.group(1).split():
        verbal = words and word.endswith(("ed", "ing"))
        if verbal or word in kb.function or word in kb.number_word or word in kb.unit:
            break
        words.append(word)
        if is_plural(word, kb):
            break
    stop = text.index(words[-1], match.start(1)) + len(words[-1]) if words else end
    if not words or _NAME_NEXT.match(text, stop):
        return head, end  # "units of new Sukhoi jets": the complement goes on past what we read
    return f"{head} of {' '.join(words)}", stop


def _modifier_ok(word: str, words: list[str], kb: Tables, words_follow: bool) -> bool:
    lower = word.lower()
    if word[0].isupper() and not word.isupper() and not words_follow and not _capitalized_ok(words):
        return False
    if lower == "and":
        return bool(words)
    return lower not in kb.function and lower not in kb.number_word and lower not in kb.scale


def _capitalized_ok(words: list[str]) -> bool:
    """Capitalized modifiers are kept while more words may follow ("Kia and Hyundai vehicles")."""
    return len(words) < _MAX_WORDS - 1 and all(w[0].isupper() or w == "and" for w in words)


def is_plural(word: str, kb: Tables) -> bool:
    """Whether ``word`` reads as a plural noun."""
    lower = word.lower().rstrip("'’")
    if lower in kb.plural or lower in kb.lemma:
        return lower not in kb.singular
    if lower in kb.singular or len(lower) < 3 or word.isupper():
        return False
    if lower.endswith("men") and len(lower) > 4:
        return True
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is", "'s", "’s"))


def lemma(word: str, kb: Tables) -> str:
    """The singular of a plural noun, lower case."""
    lower = word.lower().rstrip("'’")
    if lower in kb.lemma:
        return kb.lemma[lower]
    if lower in kb.plural:
        return lower
    if lower.endswith("men") and len(lower) > 4:
        return lower[:-3] + "man"
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("ches", "shes", "xes", "sses", "zzes")):
        return lower[:-2]
    return lower[:-1] if lower.endswith("s") else lower


def _phrase(words: list[str], kb: Tables) -> str:
    """The lower-case phrase with its head in the singular; a leading participle is dropped
    ("recorded songs" -> "song")."""
    head = lemma(words[-1], kb)
    modifiers = [w.lower() for w in words[:-1]]
    if modifiers and modifiers[0].endswith("ed") and len(modifiers[0]) > 4:
        modifiers = modifiers[1:]
    if modifiers[:1] == ["and"]:
        modifiers = modifiers[1:]
    return " ".join(modifiers + [head])


_OF_GROUP = re.compile(r" of (?:the|my|his|her|its|their|our|your|[A-Z][\w.&-]*['’]s)(?: (?:most|least)(?= ))?(?= )")
_LOWER = re.compile(r" ([a-z][a-z-]*[a-z])(?![\w'’-])")
_ADJECTIVE_ENDS = ("al", "ar", "ic", "ive", "ous", "ful", "less", "able", "ible", "ent", "ant", "ary", "ory", "ish", "ed")


def of_group(text: str, end: int, kb: Tables) -> tuple[str | None, int]:
    """The members counted out of a group: "two of Johnson's deputies", "one of the most gifted players";
    (None, end) if no such group follows."""
    group = _OF_GROUP.match(text, end)
    return counted_noun(text, group.end(), 2.0, kb) if group else (None, end)


def single_noun(text: str, end: int, kb: Tables) -> tuple[str | None, int]:
    """What "one" counts: "one solution", "one particular demand", "one of the best speakers"; (None, end) if nothing."""
    if _OF_GROUP.match(text, end):
        return of_group(text, end, kb)
    words: list[str] = []
    pos = end
    for _ in range(2):
        match = _LOWER.match(text, pos)
        if not match or not _content(match.group(1), kb):
            break
        words.append(match.group(1))
        pos = match.end()
    if len(words) == 2 and not (words[0].endswith(_ADJECTIVE_ENDS) or _boundary(text, pos, kb)):
        words, pos = words[:1], _LOWER.match(text, end).end()
    return (" ".join(words), pos) if words else (None, end)


def compound_noun(text: str, end: int, kb: Tables) -> tuple[str | None, int]:
    """The noun phrase a number modifies when the hyphens are left out: "a three course meal" -> "course meal",
    "the 11 member trade agreement"; two or three singular nouns, then the end of the phrase; (None, end) if not.
    The caller checks that an article stands before the number."""
    words: list[str] = []
    pos = end
    for _ in range(_COMPOUND_WORDS):
        match = _LOWER.match(text, pos)
        word = match.group(1) if match else ""
        if not match or not _content(word, kb) or is_plural(word, kb) or word.endswith(("ed", "ing")):
            break
        words.append(word)
        pos = match.end()
    if len(words) < 2 or not _boundary(text, pos, kb):
        return None, end
    return " ".join(words), pos


_COMPOUND_WORDS = 3


def _content(word: str, kb: Tables) -> bool:
    return not (word in kb.function or word in kb.number_word or word in kb.scale or word.endswith("ly"))


def _boundary(text: str, pos: int, kb: Tables) -> bool:
    """Whether the noun phrase ends at ``pos``: punctuation, the end, or a function word follows."""
    following = _LOWER.match(text, pos)
    return following is None and not text[pos:pos + 2].strip()[:1].isalnum() or bool(following and following.group(1) in kb.function)
