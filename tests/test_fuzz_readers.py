"""Fuzzing the readers with hostile shapes of input, within a fixed budget (CI).

Random bytes in every format are already covered by ``test_ingest_errors.py``
(``test_never_raises_on_any_bytes``); here: truncated HTML, mixed encodings,
enormous lines, deeply nested markup, zero-width and right-to-left characters,
100,000-character sentences. Whatever comes in, ``read`` yields Articles and
InputErrors and never raises; the long run is ``benchmarks/fuzz_readers.py``.
"""

from __future__ import annotations

import codecs
import gzip
import io
from dataclasses import replace
from pathlib import PurePath

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import InputError
from newsgraph.ingest import ReadOptions, read
from newsgraph.ingest.sources import Source
from newsgraph.ingest.reader import read_source
from newsgraph.record import Article

SCRIPT = "XYZZY_SCRIPT_TEXT"
FORMATS = ["text", "html", "jsonl", "json", "csv", "tsv", "timeml"]
ZW_RTL = list("\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
              "\u061c\u05e9\u05dc\u05d5\u05dd\u0645\u0631\u062d\u0628\u0627")
SENTENCE = "Trade between Kazakhstan and China rose by 34% to a record $24 billion in 2022, the minister said."
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_bytes(data: bytes, name: str, options: ReadOptions = ReadOptions()) -> list[Article | InputError]:
    """Everything ``read`` makes of ``data`` as if it were the file ``name`` (through stdin, no disk)."""
    source = Source(name=name, path=None, gzip=name.endswith(".gz"))
    fmt = {suffix: fmt for fmt, suffix in SUFFIX.items()}[PurePath(name.removesuffix(".gz")).suffix]
    items = list(read_source(source, replace(options, format=fmt), stdin=io.BytesIO(data)))
    assert items, "every input gives at least one item"
    for item in items:
        assert isinstance(item, Article | InputError), type(item)
        if isinstance(item, Article):
            assert item.text.strip() and item.id
            assert SCRIPT not in item.text, "script content leaked into the text"
        else:
            assert item.line().startswith(name.split(":")[0])
    return items


# --- strategies -----------------------------------------------------------------------------------

_words = st.sampled_from(["Kazakhstan", "China", "trade", "rose", "34%", "$24 billion", "&amp;", "&#x200b;",
                          "&nbsp;", "&lt;script&gt;", "\u201cquoted\u201d", "Astana", "2022", "."])
_paragraph = st.lists(st.one_of(_words, st.sampled_from(ZW_RTL), st.text(max_size=8)), min_size=3,
                      max_size=40).map(" ".join)
_element = st.one_of(
    _paragraph.map(lambda p: f"<p>{p}</p>"),
    _paragraph.map(lambda p: f"<div class='x'><span>{p}</span></div>"),
    st.just(f"<script>var s = '{SCRIPT}'; document.write(s);</script>"),
    st.just(f"<style>.{SCRIPT} {{ color: red }}</style>"),
    st.just("<noscript>Fallback text for readers without scripts.</noscript>"),  # readable text: kept
    st.just("<!-- a comment <p>with markup</p> -->"),
    st.just("<![CDATA[ raw ]]>"),
    st.just("<table><tr><td>1</td><td>2"),
)


@st.composite
def html_pages(draw) -> str:
    title = draw(_paragraph)
    body = "".join(draw(st.lists(_element, min_size=1, max_size=12)))
    return (f"<!DOCTYPE html><html><head><title>{title}</title><meta name='date' content='2023-09-01'>"
            f"<script>{SCRIPT}()</script></head><body><article><h1>{title}</h1>{body}</article></body></html>")


_encodings = st.sampled_from(["utf-8", "utf-8-sig", "latin-1", "cp1251", "utf-16-le", "utf-16-be", "utf-16",
                              "shift_jis", "gb18030"])


@st.composite
def mixed_encodings(draw) -> bytes:
    """Pieces of text each in its own encoding, with BOMs dropped in anywhere."""
    pieces = draw(st.lists(st.tuples(_paragraph, _encodings), min_size=1, max_size=6))
    out = b""
    for text, encoding in pieces:
        out += text.encode(encoding, errors="replace")
        if draw(st.booleans()):
            out += draw(st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, b"\xff", b"\x80"]))
    return out


def wrap(text: str, fmt: str) -> str:
    """``text`` as a document of format ``fmt``."""
    quoted = text.replace('"', '""')
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    markup = text.replace("&", "&amp;").replace("<", "&lt;")
    return {
        "text": text,
        "html": f"<html><body><article><p>{markup}</p></article></body></html>",
        "jsonl": f'{{"text": "{escaped}"}}\n',
        "json": f'[{{"text": "{escaped}"}}]',
        "csv": f'text\n"{quoted}"\n',
        "tsv": "text\n" + text.replace("\t", " ").replace("\n", " ").replace('"', "'") + "\n",
        "timeml": f"<TimeML><DCT>2023-09-01</DCT><TEXT>{markup}</TEXT></TimeML>",
    }[fmt]


SUFFIX = {"text": ".txt", "html": ".html", "jsonl": ".jsonl", "json": ".json", "csv": ".csv", "tsv": ".tsv",
          "timeml": ".tml"}


# --- the tests ------------------------------------------------------------------------------------

@FUZZ
@given(page=html_pages(), cut=st.floats(0, 1), packed=st.booleans())
def test_truncated_html(page, cut, packed):
    data = page[: int(len(page) * cut)].encode("utf-8")
    name = "page.html.gz" if packed else "page.html"
    read_bytes(gzip.compress(data) if packed else data, name)


@FUZZ
@given(page=html_pages())
def test_whole_html_keeps_no_script(page):
    (item,) = read_bytes(page.encode("utf-8"), "page.html")
    assert isinstance(item, Article | InputError)


@FUZZ
@given(data=mixed_encodings(), fmt=st.sampled_from(FORMATS))
def test_mixed_encodings(data, fmt):
    read_bytes(data, "mixed" + SUFFIX[fmt])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(size=st.integers(100_000, 3_000_000), fmt=st.sampled_from(FORMATS), char=st.sampled_from(["x", "é", "\u200b", "9", " ", "<"]))
def test_enormous_lines(size, fmt, char):
    text = "A" + char * size + "."
    data = wrap(text, fmt).encode("utf-8")
    items = read_bytes(data, "long" + SUFFIX[fmt], ReadOptions(max_bytes=2_000_000 * 4))
    if len(data) > 8_000_000:
        assert [type(i) for i in items] == [InputError] and "limit" in items[0].line()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(depth=st.sampled_from([10, 255, 1000, 10_000, 100_000]), fmt=st.sampled_from(["html", "timeml", "jsonl", "json"]),
       closed=st.booleans())
def test_deeply_nested_markup(depth, fmt, closed):
    inner = SENTENCE
    if fmt == "html":
        doc = "<html><body>" + "<div><b>" * depth + inner + ("</b></div>" * depth if closed else "") + "</body></html>"
    elif fmt == "timeml":
        doc = "<TimeML><TEXT>" + "<s>" * depth + inner + ("</s>" * depth if closed else "") + "</TEXT></TimeML>"
    else:
        nested = "[" * depth + f'"{inner}"' + ("]" * depth if closed else "")
        doc = (f'{{"text": "{inner}", "extra": {nested}}}\n' if fmt == "jsonl" else f'[{{"text": "{inner}", "x": {nested}}}]')
    read_bytes(doc.encode("utf-8"), "deep" + SUFFIX[fmt])


@FUZZ
@given(chars=st.lists(st.sampled_from(ZW_RTL), min_size=1, max_size=30), fmt=st.sampled_from(FORMATS),
       at=st.lists(st.floats(0, 1), min_size=1, max_size=30))
def test_zero_width_and_right_to_left(chars, fmt, at):
    text = SENTENCE
    for char, where in zip(chars, at):
        i = int(len(text) * where)
        text = text[:i] + char + text[i:]
    items = read_bytes(wrap(text, fmt).encode("utf-8"), "bidi" + SUFFIX[fmt])
    if fmt in ("text", "jsonl", "json", "csv") and text.strip():
        (item,) = items
        assert isinstance(item, Article), item


def test_hundred_thousand_character_sentence_in_every_format():
    words = SENTENCE.rstrip(".").split()
    text = " ".join(words[i % len(words)] for i in range(20_000))[:100_000] + "."
    for fmt in FORMATS:
        items = read_bytes(wrap(text, fmt).encode("utf-8"), "sentence" + SUFFIX[fmt])
        articles = [i for i in items if isinstance(i, Article)]
        assert len(articles) == 1, (fmt, items)
        if fmt in ("text", "jsonl", "json", "csv", "tsv"):
            assert articles[0].text == text, fmt
        else:
            assert len(articles[0].text) > 90_000, fmt


def test_same_input_same_ids(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("".join(wrap(f"{SENTENCE} {i}", "jsonl") for i in range(5)), encoding="utf-8")
    first = [a.id for a in read([str(path)])]
    assert first == [a.id for a in read([str(path)])] and len(set(first)) == 5
