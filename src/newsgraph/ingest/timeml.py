"""TimeML files (TempEval-3 input): the TEXT element's text and the document creation time.

Parsed with expat directly, and safely: any DOCTYPE that declares entities is refused before
expansion (billion laughs), and external entities are never fetched.
"""

from __future__ import annotations

from xml.parsers import expat

from newsgraph.errors import InputError
from newsgraph.ingest.dates import DateError, normalize_date
from newsgraph.ingest.fields import make_article
from newsgraph.ingest.options import ReadOptions
from newsgraph.record import Article


class _Refused(Exception):
    """Raised from an expat handler to stop on an unsafe declaration."""


class _TimeMLHandler:
    """Collects the TEXT element's character data, the DCT and the DOCID."""

    def __init__(self) -> None:
        self.stack: list[str] = []
        self.text: list[str] = []
        self.dct_text: list[str] = []
        self.docid: list[str] = []
        self.dct_value: str | None = None
        self.saw_text = False

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        self.stack.append(tag)
        self.saw_text = self.saw_text or tag == "TEXT"
        creation = attrs.get("functionInDocument") == "CREATION_TIME"
        if tag == "TIMEX3" and (creation or "DCT" in self.stack) and self.dct_value is None:
            self.dct_value = attrs.get("value")

    def end(self, tag: str) -> None:
        self.stack.pop()

    def data(self, chars: str) -> None:
        if "TEXT" in self.stack:
            self.text.append(chars)
        elif "DCT" in self.stack:
            self.dct_text.append(chars)
        elif self.stack and self.stack[-1] == "DOCID":
            self.docid.append(chars)


def article_from_timeml(data: bytes, name: str, options: ReadOptions) -> Article | InputError:
    """One Article from the bytes of a TimeML file."""
    try:
        handler = _parse(data)
    except _Refused as err:
        return InputError(f"malformed TimeML: {err}", where=name)
    except expat.ExpatError as err:
        reason = f"malformed TimeML: {expat.errors.messages[err.code]} at column {err.offset + 1}"
        return InputError(reason, where=f"{name}:line {err.lineno}")
    text = "".join(handler.text)
    if not handler.saw_text:
        return InputError("malformed TimeML: no TEXT element", where=name)
    if not text.strip():
        return InputError("empty TEXT element in TimeML", where=name)
    return _article(handler, text, name, options)


def _article(handler: _TimeMLHandler, text: str, name: str, options: ReadOptions) -> Article | InputError:
    raw_date = handler.dct_value or "".join(handler.dct_text).strip() or None
    try:
        date = normalize_date(raw_date)
    except DateError as err:
        return InputError(f"DCT {err}", where=name)
    docid = "".join(handler.docid).strip() or None
    return make_article(text=text, where=name, options=options, date=date, id=docid)


def _parse(data: bytes) -> _TimeMLHandler:
    handler = _TimeMLHandler()
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = _refuse_entity
    parser.UnparsedEntityDeclHandler = _refuse_entity
    parser.ExternalEntityRefHandler = _refuse_external
    parser.StartElementHandler = handler.start
    parser.EndElementHandler = handler.end
    parser.CharacterDataHandler = handler.data
    parser.buffer_text = True
    parser.Parse(data, True)
    return handler


def _refuse_entity(name: str, *args: object) -> None:
    raise _Refused(f"the DOCTYPE declares entity {name!r}; entity declarations are refused (unsafe)")


def _refuse_external(context: str | None, base: str | None, system_id: str | None, public_id: str | None) -> int:
    raise _Refused(f"external entity {system_id!r} is refused")

