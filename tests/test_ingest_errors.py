"""Bad input: each case gives one clear line naming the file and line or row, and the batch goes on."""

import codecs
import gzip
import io
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import InputError
from newsgraph.ingest import ReadOptions, read
from newsgraph.record import Article

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
BEFORE = "The document read before the bad one."
AFTER = "The document read after the bad one."


def batch(tmp_path, bad, options=ReadOptions()):
    """Read [good, bad, good]; return the error lines and the texts read."""
    before, after = tmp_path / "before.txt", tmp_path / "after.txt"
    before.write_text(BEFORE, encoding="utf-8")
    after.write_text(AFTER, encoding="utf-8")
    items = list(read([str(before), str(bad), str(after)], options))
    errors = [item.line() for item in items if isinstance(item, InputError)]
    texts = [item.text for item in items if isinstance(item, Article)]
    return errors, texts


def assert_one_error(tmp_path, bad, expected, options=ReadOptions(), middle=()):
    errors, texts = batch(tmp_path, bad, options)
    assert errors == [expected]
    assert texts == [BEFORE, *middle, AFTER]


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_empty_file(tmp_path):
    bad = write(tmp_path, "empty.txt", b"")
    assert_one_error(tmp_path, bad, f"{bad}: empty file")


def test_whitespace_only_file(tmp_path):
    bad = write(tmp_path, "blank.txt", " \n\t\n\n")
    assert_one_error(tmp_path, bad, f"{bad}: empty file")


def test_binary_file(tmp_path):
    bad = write(tmp_path, "image.txt", b"GIF\x00\x01\x02binary")
    assert_one_error(tmp_path, bad, f"{bad}: binary file (NUL bytes at byte 3)")


def test_oversized_file_is_not_read(tmp_path):
    bad = tmp_path / "huge.txt"
    with open(bad, "wb") as handle:
        handle.truncate(12_345_678)  # sparse: the size check must not read it
    assert_one_error(tmp_path, bad, f"{bad}: file is 12.3 MB, over the 10 MB limit (--max-bytes)")


def test_oversized_file_small_limit(tmp_path):
    bad = write(tmp_path, "long.txt", "word " * 500)
    assert_one_error(tmp_path, bad, f"{bad}: file is 2.5 kB, over the 1 kB limit (--max-bytes)",
                     ReadOptions(max_bytes=1000))


def test_invalid_utf8(tmp_path):
    bad = write(tmp_path, "latin1.txt", b"line one\nline two\nCaf\xe9 au lait\n")
    assert_one_error(tmp_path, bad, f"{bad}: invalid UTF-8 at line 3, byte 21")


def test_invalid_utf8_line_in_jsonl(tmp_path):
    bad = write(tmp_path, "mixed.jsonl", b'{"text": "good one"}\n{"text": "Caf\xe9"}\n{"text": "good two"}\n')
    assert_one_error(tmp_path, bad, f"{bad}:line 2: invalid UTF-8 at byte 34", middle=("good one", "good two"))


def test_utf16_without_bom_is_binary(tmp_path):
    bad = write(tmp_path, "wide.txt", "text".encode("utf-16-le"))
    assert_one_error(tmp_path, bad, f"{bad}: binary file (NUL bytes at byte 1)")


def test_malformed_html(tmp_path):
    bad = tmp_path / "broken.html"
    bad.write_bytes((FIXTURES / "broken.html").read_bytes())
    assert_one_error(tmp_path, bad, f"{bad}: no article text found in HTML")


def test_csv_unterminated_quote(tmp_path):
    bad = write(tmp_path, "quote.csv", 'id,text\n1,good one\n2,"never closed\n3,good two\n')
    expected = f"{bad}:row 2: malformed CSV: unterminated quote (the file ends inside a quoted field)"
    assert_one_error(tmp_path, bad, expected, middle=("good one", "good two"))


def test_csv_stray_quote(tmp_path):
    bad = write(tmp_path, "stray.csv", 'id,text\n1,good one\n2,"quoted" then more\n3,good two\n')
    expected = f"{bad}:row 2: malformed CSV: ',' expected after '\"'"
    assert_one_error(tmp_path, bad, expected, middle=("good one", "good two"))


def test_csv_wrong_field_count(tmp_path):
    bad = write(tmp_path, "count.csv", "id,text,date\n1,good one,\n2,extra,2020-01-01,surplus\n3,good two,\n")
    assert_one_error(tmp_path, bad, f"{bad}:row 2: row has 4 fields, the header has 3",
                     middle=("good one", "good two"))


def test_csv_missing_text_column(tmp_path):
    bad = write(tmp_path, "notext.csv", "id,headline\n1,A headline only\n")
    expected = f"{bad}:line 1: no text column in the header (looked for: text, body, content, article)"
    assert_one_error(tmp_path, bad, expected)


def test_csv_missing_named_column(tmp_path):
    bad = write(tmp_path, "named.csv", "id,text\n1,A row\n")
    expected = f"{bad}:line 1: no column 'pubdate' (--date-field) in the header"
    assert_one_error(tmp_path, bad, expected, ReadOptions(date_field="pubdate"))


def test_csv_row_with_empty_text(tmp_path):
    bad = write(tmp_path, "emptyrow.csv", "id,body\n1,good one\n2,   \n")
    assert_one_error(tmp_path, bad, f"{bad}:row 2: row has empty text (field 'body')", middle=("good one",))


def test_malformed_json_line(tmp_path):
    bad = write(tmp_path, "bad.jsonl", '{"text": "good one"}\n{"text": "a", "date": 1 2}\n{"text": "good two"}\n')
    expected = f"{bad}:line 2: malformed JSON: Expecting ',' delimiter (column 25)"
    assert_one_error(tmp_path, bad, expected, middle=("good one", "good two"))


def test_json_line_that_is_not_an_object(tmp_path):
    bad = write(tmp_path, "array.jsonl", '[1, 2]\n{"text": "good one"}\n')
    assert_one_error(tmp_path, bad, f"{bad}:line 1: expected a JSON object, got an array", middle=("good one",))


def test_json_row_without_text(tmp_path):
    bad = write(tmp_path, "notext.jsonl", '{"title": "no text"}\n{"text": "good one"}\n')
    expected = f"{bad}:line 1: row has no text field (looked for: text, body, content, article)"
    assert_one_error(tmp_path, bad, expected, middle=("good one",))


def test_malformed_json_file(tmp_path):
    bad = write(tmp_path, "broken.json", '[{"text": "a"},\n {"text": ]\n')
    expected = f"{bad}: malformed JSON: Expecting value (line 2, column 11)"
    assert_one_error(tmp_path, bad, expected)


def test_unparsable_date_in_jsonl(tmp_path):
    bad = write(tmp_path, "date.jsonl", '{"text": "good one"}\n{"text": "x", "date": "yesterday-ish"}\n')
    expected = f"{bad}:line 2: date 'yesterday-ish' does not parse (expected ISO 8601 such as 2023-09-01)"
    assert_one_error(tmp_path, bad, expected, middle=("good one",))


def test_unparsable_date_in_csv(tmp_path):
    bad = write(tmp_path, "date.csv", "date,text\n31/12/2020,first\n2020-12-31,good one\n")
    expected = f"{bad}:row 1: date '31/12/2020' does not parse (expected ISO 8601 such as 2023-09-01)"
    assert_one_error(tmp_path, bad, expected, middle=("good one",))


def test_impossible_date_line_in_text(tmp_path):
    bad = write(tmp_path, "dated.txt", "\ndate 2023-02-30 Title\nBody.")
    expected = f"{bad}:line 2: date '2023-02-30' does not parse (expected ISO 8601 such as 2023-09-01)"
    assert_one_error(tmp_path, bad, expected)


def test_gzip_bomb_stops_at_the_limit(tmp_path):
    bad = tmp_path / "bomb.txt.gz"
    with gzip.open(bad, "wb", compresslevel=9) as handle:
        for _ in range(40):
            handle.write(b" " * 1_000_000)  # 40 MB of spaces, about 40 kB packed
    tracemalloc.start()
    try:
        errors, texts = batch(tmp_path, bad)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert errors == [f"{bad}: file is over the 10 MB limit once decompressed (--max-bytes)"]
    assert texts == [BEFORE, AFTER]
    assert peak < 25_000_000


def test_not_really_gzip(tmp_path):
    bad = write(tmp_path, "fake.txt.gz", "plain text")
    assert_one_error(tmp_path, bad, f"{bad}: not a valid gzip file (Not a gzipped file (b'pl'))")


def test_billion_laughs_timeml(tmp_path):
    bad = tmp_path / "laughs.tml"
    bad.write_bytes((FIXTURES / "laughs_timeml.xml").read_bytes())
    expected = f"{bad}: malformed TimeML: the DOCTYPE declares entity 'lol'; entity declarations are refused (unsafe)"
    assert_one_error(tmp_path, bad, expected)


def test_external_entity_timeml(tmp_path):
    bad = write(tmp_path, "xxe.tml", '<?xml version="1.0"?><!DOCTYPE TimeML [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                                     "<TimeML><TEXT>&x;</TEXT></TimeML>")
    expected = f"{bad}: malformed TimeML: the DOCTYPE declares entity 'x'; entity declarations are refused (unsafe)"
    assert_one_error(tmp_path, bad, expected)


def test_malformed_timeml(tmp_path):
    bad = write(tmp_path, "broken.tml", "<TimeML>\n<TEXT>Some <EVENT>text</TEXT>\n</TimeML>")
    assert_one_error(tmp_path, bad, f"{bad}:line 2: malformed TimeML: mismatched tag at column 25")


def test_nonexistent_path(tmp_path):
    bad = tmp_path / "missing.txt"
    assert_one_error(tmp_path, bad, f"{bad}: no such file or directory")


def test_glob_with_no_match(tmp_path):
    bad = tmp_path / "*.nothing"
    assert_one_error(tmp_path, bad, f"{bad}: glob matched nothing")


def test_stdin_over_the_limit():
    items = list(read(["-"], ReadOptions(max_bytes=100), stdin=io.BytesIO(b"x" * 101)))
    assert [item.line() for item in items] == ["<stdin>: input is over the 100 bytes limit (--max-bytes)"]


def test_unknown_format_option():
    with pytest.raises(InputError) as caught:
        ReadOptions(format="xml")
    assert caught.value.line() == "--format: unknown format 'xml' (expected one of: text, html, jsonl, json, csv, tsv, timeml)"


SUFFIXES = [".txt", ".html", ".jsonl", ".json", ".csv", ".tsv", ".tml", ".txt.gz", ".dat"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(lambda text: text.encode("utf-8")),
                      st.sampled_from([codecs.BOM_UTF16_LE, b'"', b"<", b"{", b"[", b"\xef\xbb\xbf"]).flatmap(
                          lambda head: st.binary(max_size=100).map(lambda tail: head + tail))),
       suffix=st.sampled_from(SUFFIXES))
def test_never_raises_on_any_bytes(tmp_path, data, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    items = list(read([str(path)], ReadOptions(max_bytes=200)))
    assert items and all(isinstance(item, Article | InputError) for item in items)
    for item in items:
        assert isinstance(item, InputError) or item.text.strip()
