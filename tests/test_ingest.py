"""The input readers: every format, folders, globs, stdin, gzip, encodings and ids."""

import gzip
import io
import shutil
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest import ReadOptions, read
from newsgraph.record import Article, document_id

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def articles(*paths, options=ReadOptions(), **kwargs):
    items = list(read([str(path) for path in paths], options, **kwargs))
    errors = [item.line() for item in items if isinstance(item, InputError)]
    assert not errors, errors
    return items


def one(path, **kwargs):
    [article] = articles(path, **kwargs)
    return article


def need_shared(*parts):
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared data lives beside the repository)")
    return path


def test_text_with_date_line():
    article = one(FIXTURES / "dated.txt")
    assert (article.date, article.title) == ("2024-03-05", "Ministers meet in Tashkent")
    assert article.text.startswith("The foreign ministers") and article.text.endswith("by 2030.")
    assert article.source == "example.uz"
    assert article.origin == str(FIXTURES / "dated.txt")


def test_text_without_date_line():
    article = one(FIXTURES / "plain.txt")
    assert article.date is None and article.title is None and article.source is None
    assert article.text == "A short undated note about the harvest.\nIt has two lines."


def test_seed_article():
    path = need_shared("examples", "seed", "000_e63359579d5b3a1c.txt")
    article = one(path)
    assert article.date == "2023-09-01"
    assert article.title == "Alikhan Smailov meets with Ambassador of China to Kazakhstan"
    assert article.text.startswith("The issues of further")
    assert article.source == "primeminister.kz"
    raw = path.read_text(encoding="utf-8")
    assert article.text in raw  # kept exactly: offsets into it are offsets into the body


def test_kremlin_examples_read_with_their_dates():
    folder = need_shared("examples", "kremlin")
    found = articles(*sorted(folder.glob("*.txt")))
    assert len(found) == 6 and all(article.date and article.title for article in found)


def test_html_page_is_plain_text_without_scripts():
    article = one(FIXTURES / "page.html")
    assert article.title == "Ministers agree on a new rail corridor"
    assert article.date == "2023-10-12"
    assert article.url == "https://www.example-news.com/world/rail-corridor"
    assert article.source == "www.example-news.com"
    assert "rail corridor between the two countries" in article.text
    for hostile in ("alert", "script", "onclick", "onerror", "javascript", "<", "cookie"):
        assert hostile not in article.text


def test_jsonl_with_automatic_fields():
    first, second, third = articles(FIXTURES / "docs.jsonl")
    assert (first.id, first.title, first.date, first.source) == ("j1", "First", "2024-01-02", "news.example.com")
    assert (second.title, second.date, second.source, second.text) == ("Second", "2024-01-02", "Wire",
                                                                        "The second document.")
    assert second.id == document_id("The second document.", "2024-01-02")
    assert (third.id, third.url, third.source) == ("3", "http://other.example.net/x", "other.example.net")
    assert third.origin.endswith("docs.jsonl:line 4")


def test_json_object_and_array():
    solo = one(FIXTURES / "one.json")
    assert (solo.id, solo.date) == ("solo", "2022-06-24")
    first, second = articles(FIXTURES / "many.json")
    assert (first.title, first.date, second.date) == ("Array one", "2022-06-24", None)
    assert second.origin.endswith("many.json:row 2")


def test_csv_with_quoted_multiline_field():
    first, second = articles(FIXTURES / "docs.csv")
    assert first.text == "The leaders held talks.\nThey signed two agreements."
    assert (first.title, first.date, first.source) == ("Talks held", "2022-06-24", "gov.example.org")
    assert second.text == 'A telephone call took place, and "both sides" noted progress.'
    assert second.origin.endswith("docs.csv:row 2")


def test_tsv():
    first, second = articles(FIXTURES / "docs.tsv")
    assert (first.id, first.date, second.id, second.date) == ("t1", "2023-05-01", "t2", None)


def test_explicit_field_options(tmp_path):
    path = tmp_path / "custom.csv"
    path.write_text("key,words,when,where\nk1,Custom columns.,2020-05-06,https://a.example/x\n", encoding="utf-8")
    options = ReadOptions(text_field="words", date_field="when", url_field="where", id_field="key")
    article = one(path, options=options)
    assert (article.id, article.text, article.date, article.source) == ("k1", "Custom columns.", "2020-05-06",
                                                                         "a.example")


def test_putin_press_releases_with_no_options():
    path = need_shared("data", "press-releases", "putin.csv")
    found = articles(path)
    assert len(found) == 802
    first = found[0]
    assert (first.title, first.date, first.source) == ("BRICS+ meeting", "2022-06-24", "en.kremlin.ru")
    assert first.url == "http://en.kremlin.ru/events/president/news/68700"
    assert all(article.text and article.date for article in found)
    # Rows 275 and 277 are two releases (different titles and links) with the same body and date:
    # document_id(text, date) gives them one id.
    assert len({article.id for article in found}) == 801


def test_timeml_fixture(tmp_path):
    source = tmp_path / "doc.tml"  # hand-written; kept as .xml so it is not taken for corpus data
    source.write_bytes((FIXTURES / "doc_timeml.xml").read_bytes())
    article = one(source)
    assert article.text == "\nShares fell 3% & bonds rose yesterday.\n"
    assert (article.date, article.title, article.id) == ("1998-02-27", None, "fixture_001")


def test_timebank_samples():
    folder = need_shared("data", "timeml-tbaq", "TimeBank")
    found = articles(folder)
    assert len(found) == len(list(folder.glob("*.tml")))
    assert all(article.date and article.text.strip() for article in found)


def test_folder_is_recursive_sorted_and_skips_hidden():
    found = articles(FIXTURES / "folder")
    names = [Path(article.origin).relative_to(FIXTURES / "folder").as_posix() for article in found]
    assert names == ["a.txt", "notes.log", "sub/b.txt"]


def test_glob(tmp_path):
    for name in ("b.txt", "a.txt", "c.md"):
        (tmp_path / name).write_text(f"Document {name}.", encoding="utf-8")
    found = articles(tmp_path / "*.txt")
    assert [article.text for article in found] == ["Document a.txt.", "Document b.txt."]


def test_stdin_is_sniffed():
    jsonl = io.BytesIO(b'{"text": "one"}\n{"text": "two"}\n')
    assert [article.origin for article in articles("-", stdin=jsonl)] == ["<stdin>:line 1", "<stdin>:line 2"]
    text = io.BytesIO(b"date 2020-02-02 Piped\nPlain text on stdin.")
    article = one("-", stdin=text)
    assert (article.origin, article.date, article.title) == ("<stdin>", "2020-02-02", "Piped")
    html = io.BytesIO((FIXTURES / "page.html").read_bytes())
    assert "rail corridor" in one("-", stdin=html).text


def test_gzip_is_read_by_inner_extension(tmp_path):
    path = tmp_path / "docs.csv.gz"
    with open(FIXTURES / "docs.csv", "rb") as source, gzip.open(path, "wb") as target:
        shutil.copyfileobj(source, target)
    assert [article.title for article in articles(path)] == ["Talks held", "Call with the Chancellor"]


def test_encodings(tmp_path):
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbfdate 2020-01-02 With a BOM\nBody.")
    wide = tmp_path / "wide.txt"
    wide.write_bytes("date 2020-01-03 UTF-16\nCaf\u00e9 body.".encode("utf-16"))
    first, second = articles(bom, wide)
    assert (first.title, first.text) == ("With a BOM", "Body.")
    assert (second.title, second.text) == ("UTF-16", "Caf\u00e9 body.")


def test_text_is_kept_exactly_after_the_header(tmp_path):
    path = tmp_path / "exact.txt"
    path.write_text("\n\n date 2021-02-03 Title  \n\n  Indented first line.\r\nSecond\tline.  \n\n\n", encoding="utf-8")
    assert one(path).text == "  Indented first line.\r\nSecond\tline."


def test_ids_are_stable(tmp_path):
    again = tmp_path / "copy.txt"
    again.write_bytes((FIXTURES / "dated.txt").read_bytes())
    first, second = articles(FIXTURES / "dated.txt", again)
    assert first.id == second.id == document_id(first.text, "2024-03-05")
    assert first.id == "f17afd976c0824b5"  # fixed: a change here changes every stored id
    changed = tmp_path / "changed.txt"
    changed.write_text((FIXTURES / "dated.txt").read_text(encoding="utf-8").replace("2024-03-05", "2024-03-06"))
    assert one(changed).id != first.id


def test_read_is_lazy(tmp_path):
    path = tmp_path / "lazy.jsonl"
    path.write_text('{"text": "first"}\n', encoding="utf-8")
    stream = read([str(path)])
    path.write_text('{"text": "changed before reading"}\n', encoding="utf-8")
    assert isinstance(article := next(stream), Article) and article.text == "changed before reading"
