"""Readers for TIMEX3 gold: TimeML ``.tml`` (TimeBank, AQUAINT) and MEANTIME's CAT XML.

Each reader yields ``GoldDoc(name, text, dct, timexes)`` where every timex has a character
span into ``text``. These formats are benchmark data, so their parsing lives here and not
in the library.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATA = SHARED / "data"


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldTimex:
    span: tuple[int, int]
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldDoc:
    name: str
    text: str
    dct: str | None
    timexes: tuple[GoldTimex, ...]


def _walk(elem: ET.Element, parts: list[str], found: list[tuple[int, int, ET.Element]], offset: int) -> int:
    """Append the text under ``elem`` to ``parts``, noting the span of every TIMEX3."""
    start = offset
    if elem.text:
        parts.append(elem.text)
        offset += len(elem.text)
    for child in elem:
        offset = _walk(child, parts, found, offset)
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    if elem.tag == "TIMEX3":
        found.append((start, offset, elem))
    return offset


def read_tml(path: Path) -> GoldDoc:
    """A TimeML file: the TEXT element, its TIMEX3s, and the DCT (the CREATION_TIME timex)."""
    root = ET.parse(path).getroot()
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = _iso_dct(timex.get("value") or "")
            break
    body = root.find("TEXT")
    parts: list[str] = []
    found: list[tuple[int, int, ET.Element]] = []
    if body is not None:
        _walk(body, parts, found, 0)
    text = "".join(parts)
    timexes = tuple(
        GoldTimex(span=(s, e), text=text[s:e], type=t.get("type", ""), value=t.get("value", ""))
        for s, e, t in sorted(found, key=lambda f: f[0])
        if t.get("functionInDocument") != "CREATION_TIME"
    )
    return GoldDoc(name=path.stem, text=text, dct=dct, timexes=timexes)


_NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$")
_NO_SPACE_AFTER = re.compile(r"^[(\[{$]$")


def _detokenize(tokens: list[tuple[str, str, str]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """Text from (t_id, sentence, word) tokens, with each token's character span."""
    out: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    offset, sentence, previous = 0, None, ""
    for t_id, sent, word in tokens:
        sep = ""
        if out:
            if sent != sentence:
                sep = "\n"
            elif not _NO_SPACE_BEFORE.match(word) and not _NO_SPACE_AFTER.match(previous):
                sep = " "
        out.append(sep + word)
        offset += len(sep)
        spans[t_id] = (offset, offset + len(word))
        offset += len(word)
        sentence, previous = sent, word
    return "".join(out), spans


def _last_annotated_sentence(root: ET.Element, sentence_of: dict[str, int]) -> int:
    """MEANTIME annotates only the first sentences of each article: the last one with an event."""
    sentences = [sentence_of[a.get("t_id", "")] for m in root.iter("EVENT_MENTION")
                 for a in m.iter("token_anchor") if a.get("t_id") in sentence_of]
    return max(sentences, default=max(sentence_of.values(), default=0))


def read_meantime(path: Path) -> GoldDoc:
    """A MEANTIME (CAT XML) document: tokens joined into text, TIMEX3 markables by token anchors.

    Only the annotated part is kept (the title, the dateline and the first sentences).
    """
    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id", ""), t.get("sentence", ""), t.text or "") for t in root.iter("token")]
    last = _last_annotated_sentence(root, {t_id: int(sent) for t_id, sent, _ in tokens})
    tokens = [t for t in tokens if int(t[1]) <= last]
    text, spans = _detokenize(tokens)
    dct = None
    timexes = []
    for timex in root.iter("TIMEX3"):
        anchors = [spans[a.get("t_id", "")] for a in timex.iter("token_anchor") if a.get("t_id") in spans]
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = _iso_dct(timex.get("value") or "")
        if not anchors:
            continue
        start, end = min(a[0] for a in anchors), max(a[1] for a in anchors)
        timexes.append(GoldTimex(span=(start, end), text=text[start:end], type=timex.get("type", ""),
                                 value=timex.get("value", "")))
    timexes.sort(key=lambda t: t.span)
    if dct is None:
        dct = _dateline(text, timexes)
    return GoldDoc(name=path.stem, text=text, dct=dct, timexes=tuple(timexes))


def _dateline(text: str, timexes: list[GoldTimex]) -> str | None:
    """The date of the dateline (the line under the title) where a file marks no CREATION_TIME:
    two MEANTIME files annotate their dateline as a plain DATE. A reader of such text would take
    its date from the same line (the date of JSON Lines input, the date line of a text file)."""
    title_end = text.find("\n")
    line_end = text.find("\n", title_end + 1)
    for timex in timexes:
        if (title_end < timex.span[0] and (line_end < 0 or timex.span[1] <= line_end)
                and re.fullmatch(r"\d{4}-\d\d-\d\d", timex.value)):
            return timex.value
    return None


def _iso_dct(value: str) -> str | None:
    """The DCT as YYYY-MM-DD; one MEANTIME file writes it DD-MM-YYYY."""
    day_first = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", value[:10])
    if day_first:
        return f"{day_first.group(3)}-{day_first.group(2)}-{day_first.group(1)}"
    return value[:10] or None


def tbaq_docs(limit: int | None = None) -> Iterator[GoldDoc]:
    paths = sorted((DATA / "timeml-tbaq").glob("*/*.tml"))
    for path in paths[:limit]:
        yield read_tml(path)


def meantime_docs(limit: int | None = None) -> Iterator[GoldDoc]:
    paths = sorted((DATA / "meantime-en" / "intra-doc_annotation").glob("*/*.xml"))
    for path in paths[:limit]:
        yield read_meantime(path)
