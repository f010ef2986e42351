"""TempEval-3 output: TimeML documents with TIMEX3 tags from the time tagger.

``annotate_timeml(source_xml)`` keeps the document as it is outside its TEXT element, removes
any tags inside TEXT (keeping their text, entity references written as they were), and wraps
each time expression that ``find_times`` finds in the TEXT's text, resolved against the
document creation time, in ``<TIMEX3 tid="tN" type="..." value="...">``. tids do not clash
with those already in the document (the DCT's "t0"). The official TempEval-3 scorer reads the
result.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.extract.times import find_times
from newsgraph.ingest.options import ReadOptions
from newsgraph.ingest.timeml import article_from_timeml
from newsgraph.record import Time

__all__ = ["annotate_timeml", "annotate_timeml_files"]

_TEXT = re.compile(r"<TEXT(?:\s[^>]*)?>(?P<body>.*?)</TEXT\s*>", re.DOTALL)
_PIECE = re.compile(r"<!--.*?-->|<!\[CDATA\[(?P<cdata>.*?)\]\]>|<[^>]*>|&#?\w+;|[^<&]+", re.DOTALL)
_TID = re.compile(r"""\btid\s*=\s*["']([^"']*)["']""")
_UNKNOWN = {"DATE": "XXXX-XX-XX", "TIME": "XXXX-XX-XXTXX:XX", "DURATION": "PXX", "SET": "XXXX-XX-XX"}


@dataclass(frozen=True, slots=True, kw_only=True)
class _Body:
    """The TEXT element's text, and how each of its characters is written in the source."""

    text: str
    raw: tuple[str, ...]  # raw[i] is how text[i] is written ("&amp;" for "&")


def annotate_timeml(source_xml: str, *, name: str = "<timeml>") -> str:
    """The TimeML document with TIMEX3 tags in its TEXT; raises InputError when it cannot be read."""
    found = _TEXT.search(source_xml)
    if found is None:
        raise InputError("malformed TimeML: no TEXT element", where=name)
    dct = _document_date(source_xml, name, blank=not found.group("body").strip())
    body = _body(found.group("body"))
    outside = source_xml[: found.start("body")] + source_xml[found.end("body") :]
    tagged = _tagged(body, find_times(body.text, dct), _free_tids(outside))
    return source_xml[: found.start("body")] + tagged + source_xml[found.end("body") :]


def annotate_timeml_files(source: Path, target: Path) -> Iterator[tuple[Path, NewsgraphError | None]]:
    """Annotate one .tml file, or every .tml file under a folder into the same names under
    `target`; yields each input path with the error that stopped it, or None."""
    for src, dst in _jobs(source, target):
        try:
            text = src.read_bytes().decode("utf-8-sig")
            output = annotate_timeml(text, name=str(src))
            dst.parent.mkdir(parents=True, exist_ok=True)
            dst.write_text(output, encoding="utf-8")
        except NewsgraphError as err:
            yield src, err
        except (OSError, UnicodeDecodeError) as err:
            yield src, InputError(f"cannot read or write: {err}", where=str(src))
        else:
            yield src, None


def _jobs(source: Path, target: Path) -> list[tuple[Path, Path]]:
    if source.is_dir():
        return [(path, target / path.relative_to(source)) for path in sorted(source.rglob("*.tml"))]
    if not source.is_file():
        raise InputError("no such file or folder", where=str(source))
    return [(source, target / source.name if target.is_dir() else target)]


def _document_date(source_xml: str, name: str, blank: bool) -> str | None:
    """The DCT ("YYYY-MM-DD") from the document, which must be well-formed TimeML."""
    article = article_from_timeml(source_xml.encode("utf-8"), name, ReadOptions())
    if isinstance(article, InputError):
        if blank and "empty TEXT" in article.reason:
            return None
        raise article
    return article.date[:10] if article.date else None


def _body(raw_body: str) -> _Body:
    """Text and raw pieces of TEXT's content: tags dropped, entity references kept as written."""
    chars: list[str] = []
    raw: list[str] = []
    for piece in _PIECE.finditer(raw_body):
        token = piece.group()
        if piece.group("cdata") is not None:
            chars.extend(piece.group("cdata"))
            raw.extend(html.escape(c, quote=False) for c in piece.group("cdata"))
        elif token.startswith("&"):
            plain = html.unescape(token)
            chars.extend(plain)
            raw.extend([token] + [""] * (len(plain) - 1))
        elif not token.startswith("<"):
            chars.extend(token)
            raw.extend(token)
    return _Body(text="".join(chars), raw=tuple(raw))


def _tagged(body: _Body, times: list[Time], tids: Iterator[str]) -> str:
    """The raw TEXT content with a TIMEX3 element around each time."""
    out: list[str] = []
    position = 0
    for item in times:
        start, end = item.span
        out.append("".join(body.raw[position:start]))
        out.append(_open_tag(item, next(tids)))
        out.append("".join(body.raw[start:end]))
        out.append("</TIMEX3>")
        position = end
    out.append("".join(body.raw[position:]))
    return "".join(out)


def _open_tag(item: Time, tid: str) -> str:
    value = item.value or _UNKNOWN.get(item.type, "XXXX-XX-XX")
    return f'<TIMEX3 tid="{tid}" type="{item.type}" value="{html.escape(value)}">'


def _free_tids(outside: str) -> Iterator[str]:
    """t1, t2, ... skipping tids already used outside TEXT."""
    used = set(_TID.findall(outside))
    n = 0
    while True:
        n += 1
        if f"t{n}" not in used:
            yield f"t{n}"
