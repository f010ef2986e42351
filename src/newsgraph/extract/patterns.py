"""Regular expressions over long word lists, built as a trie so that they stay fast.

A plain alternation of a thousand forms (``one|two|...``) makes the regex engine try
every form at every position of a text. ``trie_alternation`` merges the forms by
their common prefixes (``agree(?:d|ment|s)?``), so each position costs a few steps.
It matches what the longest-first alternation matches: at a given position the
forms that match are prefixes of one another, the trie tries the longer ones first
and backtracks to the shorter ones when the rest of the pattern fails.
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
