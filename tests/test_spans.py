"""The indexes behind the extractors' span checks answer exactly as the plain scans they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.extract.names import ByStart, SpanSet, overlaps
from newsgraph.extract.patterns import find_each

spans = st.tuples(st.integers(0, 40), st.integers(0, 40))


@settings(max_examples=300, deadline=None)
@given(st.lists(spans, max_size=25), st.lists(spans, max_size=25))
def test_a_span_set_overlaps_as_the_scan_does(taken: list[tuple[int, int]], queries: list[tuple[int, int]]) -> None:
    index = SpanSet(taken)
    for query in queries:
        assert index.overlaps(query) == overlaps(list(taken), query), (taken, query)
    assert list(index) == taken and len(index) == len(taken)


def test_a_span_set_grows_as_spans_are_taken() -> None:
    index = SpanSet()
    index.append((10, 20))
    assert not index.overlaps((20, 25)) and index.overlaps((19, 25))
    index.extend([(20, 30), (5, 11)])
    assert index.overlaps((25, 26)) and index.overlaps((4, 6)) and not index.overlaps((30, 31))


def test_items_by_start_come_in_their_given_order() -> None:
    items = [(30, "c"), (5, "a"), (12, "b"), (12, "d")]
    index = ByStart(items, lambda item: item[0])
    assert index.starting_in(10, 31) == [(30, "c"), (12, "b"), (12, "d")]
    assert index.starting_in(0, 5) == []


words = st.sampled_from(["Ann", "Anna", "Annan", "Lee", "Le", "Lee Kuan", "Kuan Yew"])


@settings(max_examples=200, deadline=None)
@given(st.lists(words, min_size=1, max_size=6), st.lists(st.sampled_from(["Ann", "Anna", "Annan", "Lee", "Kuan",
                                                                        "Yew", "Le", " ", "  ", "-", ".", "x"]), max_size=30))
def test_find_each_finds_what_one_search_per_form_finds(forms: list[str], pieces: list[str]) -> None:
    text = " ".join(pieces)
    before, after = r"(?<![\w.-])", r"(?![\w-])"
    found = find_each(text, forms, before=before, after=after)
    for form in set(forms):
        expected = [m.span() for m in re.finditer(before + re.escape(form) + after, text)]
        assert found.get(form, []) == expected, (form, text)
