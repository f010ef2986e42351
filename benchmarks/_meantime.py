"""MEANTIME (CAT XML) entity mentions as benchmark gold: PER/ORG/LOC named mentions.

What is scored (decided from the corpus itself, see ``benchmarks/entities.py``):

- a mention's type is the ``ent_type`` of the ENTITY its REFERS_TO relation points at;
- only named mentions are scored: ``syntactic_type`` NAM and PRE.NAM (premodifier names,
  which include nationality adjectives: "Japanese", "European" are PRE.NAM LOC);
- a named mention that strictly contains another scored mention of the same type
  ("Boeing and Lockheed Martin" around "Boeing") is not scored: the innermost one is;
- mentions that are not scored (NOM, PRO, APP, CONJ, blank syntactic type, unlinked,
  the outer ones above; but not named PRO/FIN mentions, where a PER/ORG/LOC prediction is
  a type error) are *don't-care regions*: a prediction that matches no scored
  mention but overlaps one of them is neither right nor wrong;
- only the annotated part of each article is kept (MEANTIME annotates the title, the
  dateline and the first sentences): tokens up to the last sentence with a mention.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from _timeml_gold import DATA, _detokenize

TYPES = ("PER", "ORG", "LOC")
NAMED = frozenset({"NAM", "PRE.NAM"})

Span = tuple[int, int]


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldMention:
    span: Span
    type: str | None  # PER ORG LOC PRO FIN MIX, None when unlinked
    syntactic: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityDoc:
    name: str
    text: str
    dct: str | None
    scored: tuple[GoldMention, ...]  # PER/ORG/LOC named mentions
    ignored: tuple[GoldMention, ...]  # don't-care regions
    others: tuple[GoldMention, ...]  # named PRO/FIN mentions: no PER/ORG/LOC there


def _types_by_mention(root: ET.Element) -> dict[str, str]:
    markables = root.find("Markables")
    entities = {e.get("m_id"): e.get("ent_type") for e in markables if e.tag == "ENTITY"}
    out: dict[str, str] = {}
    for rel in root.find("Relations") or []:
        target = rel.find("target")
        if rel.tag != "REFERS_TO" or target is None:
            continue
        for source in rel.findall("source"):
            kind = entities.get(target.get("m_id"))
            if kind:
                out[source.get("m_id", "")] = kind
    return out


def _last_sentence(root: ET.Element, sentence_of: dict[str, int]) -> int:
    anchors = [a.get("t_id") for tag in ("ENTITY_MENTION", "EVENT_MENTION")
               for m in root.iter(tag) for a in m.iter("token_anchor")]
    found = [sentence_of[a] for a in anchors if a in sentence_of]
    return max(found, default=max(sentence_of.values(), default=0))


def _mentions(root: ET.Element, spans: dict[str, Span]) -> list[GoldMention]:
    types = _types_by_mention(root)
    out = []
    for mention in root.iter("ENTITY_MENTION"):
        anchors = [spans[a.get("t_id", "")] for a in mention.iter("token_anchor")
                   if a.get("t_id") in spans]
        if anchors:
            span = (min(a[0] for a in anchors), max(a[1] for a in anchors))
            out.append(GoldMention(span=span, type=types.get(mention.get("m_id", "")),
                                   syntactic=mention.get("syntactic_type")))
    return out


def _inside(inner: Span, outer: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1] and inner != outer


def split_mentions(mentions: list[GoldMention]) -> tuple[list[GoldMention], list[GoldMention]]:
    """The scored mentions (innermost named PER/ORG/LOC) and the don't-care ones."""
    named = [m for m in mentions if m.syntactic in NAMED and m.type in TYPES]
    scored = [m for m in named
              if not any(o.type == m.type and _inside(o.span, m.span) for o in named)]
    keep = {id(m) for m in scored}
    ignored = [m for m in mentions if id(m) not in keep and not _other_name(m)]
    return sorted(set(scored), key=lambda m: m.span), ignored


def _other_name(mention: GoldMention) -> bool:
    """A named product or financial mention: a PER/ORG/LOC prediction there is wrong."""
    return mention.syntactic in NAMED and mention.type is not None and mention.type not in TYPES


def read_entity_doc(path: Path) -> EntityDoc:
    """One MEANTIME document: the annotated text and its gold mentions."""
    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id", ""), t.get("sentence", ""), t.text or "") for t in root.iter("token")]
    last = _last_sentence(root, {t_id: int(sent) for t_id, sent, _ in tokens})
    text, spans = _detokenize([t for t in tokens if int(t[1]) <= last])
    mentions = _mentions(root, spans)
    scored, ignored = split_mentions(mentions)
    dct = next(((t.get("value") or "")[:10] or None for t in root.iter("TIMEX3")
                if t.get("functionInDocument") == "CREATION_TIME"), None)
    return EntityDoc(name=path.stem, text=text, dct=dct, scored=tuple(scored),
                     ignored=tuple(ignored), others=tuple(filter(_other_name, mentions)))


def entity_docs(limit: int | None = None) -> Iterator[EntityDoc]:
    """The MEANTIME English documents (intra-document annotation), sorted by path."""
    paths = sorted((DATA / "meantime-en" / "intra-doc_annotation").glob("*/*.xml"))
    for path in paths[:limit]:
        yield read_entity_doc(path)
