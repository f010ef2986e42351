"""Regular expressions over long word lists, built as a trie so that they stay fast.

A plain alternation of a thousand forms (``one|two|...``) makes the regex engine try
every form at every position of a text. ``trie_alternation`` merges the forms by
their common prefixes (``agree(?:d|ment|s)?``), so each position costs a few steps.
It matches what the longest-first alternation matches: at a given position the
forms that match are prefixes of one another, the trie tries the longer ones first
and backtracks to the shorter ones when the rest of the pattern fails.
``find_each`` finds where each of many forms occurs, in one scan of a text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""  # marks the end of a form in the trie (no character is empty)


def trie_alternation(forms: Iterable[str], *, fold: bool = False, space: str | None = None) -> str:
    """A regex (no outer group) matching any of ``forms`` literally, longest first.

    ``fold``: the forms are lower-cased first (for a pattern compiled with ``re.I``);
    ``space``: what a space in a form becomes (``r"\\s+"``), else a literal space."""
    root: dict[str, dict] = {}
    for form in forms:
        if not form:
            continue
        node = root
        for char in form.lower() if fold else form:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _emit(root, space) if root else "(?!)"


def _emit(node: dict[str, dict], space: str | None) -> str:
    branches = [(space if space and char == " " else re.escape(char)) + _emit(child, space)
                for char, child in sorted(node.items()) if char != _END]
    if not branches:
        return ""
    ends_here = _END in node
    if len(branches) == 1 and not ends_here:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if ends_here else body


def find_each(text: str, forms: Iterable[str], *, before: str = "", after: str = "",
              spaces: bool = False) -> dict[str, list[tuple[int, int]]]:
    """Each form -> the spans ``re.finditer(before + form + after, text)`` gives (the form
    literal), from one scan of ``text`` for all forms instead of one scan per form.

    ``before`` and ``after`` are zero-width (lookarounds); with ``spaces``, a space in a form
    matches any run of white space (its words are parted by single spaces and hold none). One pattern finds every
    position where some form matches, and the longest such form (the trie tries longer forms
    first); the forms that match there are that form and those of its prefixes that match as
    well. Each form's matches then keep finditer's rule: none starts before the last one ends.
    """
    forms = {form for form in forms if form}
    if not forms:
        return {}
    space = r"\s+" if spaces else None
    scan = re.compile(rf"{before}(?=(?P<form>{trie_alternation(forms, space=space)}){after})")
    alone = {form: re.compile(_literal(form, space) + after) for form in forms}
    found: dict[str, list[tuple[int, int]]] = {}
    for hit in scan.finditer(text):
        start, longest = hit.start(), hit.group("form")
        longest = " ".join(longest.split()) if spaces else longest
        for size in range(len(longest), 0, -1):
            form = longest[:size]
            match = alone[form].match(text, start) if form in alone else None
            if match is None:
                continue
            spans = found.setdefault(form, [])
            if not spans or spans[-1][1] <= start:
                spans.append(match.span())
    return found


def _literal(form: str, space: str | None) -> str:
    """``form`` as a regex matching it literally, a space as ``space`` where given."""
    return space.join(map(re.escape, form.split(" "))) if space else re.escape(form)
