"""The Reuters-21578 SGML reader: one document per REUTERS element, dates, ids, bodies."""

from __future__ import annotations

from newsgraph.errors import InputError
from newsgraph.ingest import read
from newsgraph.ingest.reuters import reuters_date
from newsgraph.record import Article

from conftest import SHARED, need

SGM = b"""<DATA>
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" OLDID="5544" NEWID="7">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TOPICS><D>cocoa</D></TOPICS>
<UNKNOWN>&#5;&#5;&#5;C T
&#22;&#22;&#1;f0704&#31;reute</UNKNOWN>
<TEXT>&#2;
<TITLE>BAHIA COCOA &amp; COFFEE
REVIEW</TITLE>
<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued in
the Bahia cocoa zone &lt;said&gt; Comissaria Smith.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" NEWID="8">
<DATE> 2-MAR-1987 08:22:33.10</DATE>
<TEXT TYPE="BRIEF">&#2;
******<TITLE>BRIEF ONLY
</TITLE>&#3;

</TEXT>
</REUTERS>
<REUTERS NEWID="9">
<DATE>31-FEB-1987 08:22:33.10</DATE>
<TEXT><BODY>Caf\xe9 prices fell.</BODY></TEXT>
</REUTERS>
</DATA>
"""


def test_dates():
    assert reuters_date("26-FEB-1987 15:01:01.79") == "1987-02-26"
    assert reuters_date(" 2-mar-1987 08:22") == "1987-03-02"
    assert reuters_date("31-FEB-1987") is None and reuters_date("yesterday") is None


def test_hand_written_file(tmp_path):
    path = tmp_path / "small.sgm"
    path.write_bytes(SGM)
    first, brief, bad_date = list(read([str(path)]))
    assert isinstance(first, Article)
    assert (first.id, first.date, first.source) == ("reuters-7", "1987-02-26", "reuters")
    assert first.title == "BAHIA COCOA & COFFEE REVIEW"
    assert first.text == "Showers continued in the Bahia cocoa zone <said> Comissaria Smith."  # unwrapped
    assert first.origin == f"{path}:NEWID 7"
    assert isinstance(brief, InputError) and brief.where == f"{path}:NEWID 8"
    assert "no BODY" in brief.reason
    assert isinstance(bad_date, InputError) and "31-FEB-1987" in bad_date.reason
    assert bad_date.where.endswith("NEWID 9")


def test_latin1_bytes_and_empty_file(tmp_path):
    path = tmp_path / "l.sgm"
    path.write_bytes(b'<REUTERS NEWID="1"><DATE>1-JAN-1987</DATE><BODY>Caf\xe9 au lait</BODY></REUTERS>')
    (article,) = read([str(path)])
    assert article.text == "Café au lait"
    none = tmp_path / "none.sgm"
    none.write_text("<DATA>nothing here</DATA>")
    (error,) = read([str(none)])
    assert isinstance(error, InputError) and "no REUTERS element" in error.reason


def test_real_file():
    path = need(SHARED / "data" / "reuters21578" / "0.sgm")
    items = list(read([str(path)]))
    articles = [i for i in items if isinstance(i, Article)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(items) == 1000 and len(articles) == 925
    assert all("no BODY" in e.reason and "NEWID" in e.where for e in errors)
    assert articles[0].id == "reuters-1" and articles[0].date == "1987-02-26"
    assert all(a.date and a.date.startswith("1987-") for a in articles)
    assert len({a.id for a in articles}) == len(articles)
    assert all("\x03" not in a.text and not a.text.endswith("Reuter") for a in articles)
