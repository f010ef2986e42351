"""`newsgraph timeml IN OUT` and `annotate_timeml`: TempEval-3 output that keeps the document."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.errors import InputError
from newsgraph.record import Time
from newsgraph.timeml import annotate_timeml

ROOT = Path(__file__).resolve().parents[1]
TBAQ = ROOT.parent / "shared" / "data" / "timeml-tbaq"

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2023-09-01" temporalFunction="false" functionInDocument="CREATION_TIME">2023-09-01</TIMEX3></DCT>
<TITLE>Trade &amp; talks</TITLE>
<TEXT>
Trade rose 34% last year &amp; will reach $35 billion by 2030 (&lt;target&gt;).
The ministers <EVENT eid="e1" class="OCCURRENCE">met</EVENT> on <TIMEX3 tid="t9" type="DATE" value="2023-08-28">Monday</TIMEX3>.
</TEXT>
</TimeML>
"""


def _plain(xml_text: str) -> str:
    body = ET.fromstring(xml_text.encode("utf-8")).find("TEXT")
    assert body is not None
    return "".join(body.itertext())


def test_tags_inserted_document_kept() -> None:
    out = annotate_timeml(DOC)
    root = ET.fromstring(out.encode("utf-8"))  # well-formed
    assert _plain(out) == _plain(DOC)
    assert out[: out.index("<TEXT>")] == DOC[: DOC.index("<TEXT>")]  # DCT and header untouched
    assert out[out.index("</TEXT>") :] == DOC[DOC.index("</TEXT>") :]
    assert "&amp; will" in out and "(&lt;target&gt;)" in out  # entity references as written
    timexes = root.find("TEXT").findall("TIMEX3")  # type: ignore[union-attr]
    assert [(t.text, t.get("type"), t.get("value")) for t in timexes] == [
        ("last year", "DATE", "2022"), ("2030", "DATE", "2030"), ("Monday", "DATE", "2023-08-28")]
    tids = [t.get("tid") for t in root.iter("TIMEX3")]
    assert len(tids) == len(set(tids)) and "t0" in tids
    assert root.find("TEXT").find("EVENT") is None  # type: ignore[union-attr]


def test_malformed_or_without_text_is_an_input_error() -> None:
    with pytest.raises(InputError):
        annotate_timeml("<TimeML><TEXT>open</TimeML>")
    with pytest.raises(InputError, match="no TEXT"):
        annotate_timeml("<TimeML><DOCID>x</DOCID></TimeML>")


def test_cli_writes_a_file_and_reports_errors(tmp_path: Path) -> None:
    source = tmp_path / "in.tml"
    source.write_text(DOC, encoding="utf-8")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "broken.tml").write_text("<TimeML><TEXT>x", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["timeml", str(source), str(tmp_path / "out.tml")])
    assert result.exit_code == 0, result.output
    assert "<TIMEX3 tid=" in (tmp_path / "out.tml").read_text("utf-8")
    result = runner.invoke(app, ["timeml", str(bad), str(tmp_path / "out")])
    assert result.exit_code == 1


@pytest.mark.skipif(not TBAQ.is_dir(), reason="../shared/data/timeml-tbaq is absent")
def test_folder_output_scores_like_find_times(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import timeml
        from _timeml_gold import read_tml
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    source = tmp_path / "in"
    source.mkdir()
    for path in sorted((TBAQ / "TimeBank").glob("*.tml"))[:3]:
        (source / path.name).write_bytes(path.read_bytes())
    result = CliRunner().invoke(app, ["timeml", str(source), str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    direct, via_file = timeml.Tally(), timeml.Tally()
    for path in sorted(source.glob("*.tml")):
        gold, ours = read_tml(path), read_tml(tmp_path / "out" / path.name)
        assert ours.text == gold.text and ours.dct == gold.dct
        assert len({t for t in re.findall(r'tid="([^"]+)"', (tmp_path / "out" / path.name).read_text("utf-8"))}) == (
            len(ours.timexes) + 1)
        system = [Time(span=t.span, text=t.text, type=t.type, value=t.value) for t in ours.timexes]
        timeml.score_doc(gold, direct)
        timeml.score_doc(gold, via_file, system=system)
    assert direct.gold > 10
    drop = ("words_per_s",)
    assert {k: v for k, v in direct.scores().items() if k not in drop} == {
        k: v for k, v in via_file.scores().items() if k not in drop}
