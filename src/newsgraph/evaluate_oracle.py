"""The gold reading of an article written out as a record (an oracle).

A record built from the gold itself must score 1.0 on every kind: it checks
the scorer, and it shows extractor authors what a perfect answer looks like.
"""

from __future__ import annotations

import re
from typing import Any

from newsgraph.evaluate_facts import gold_quotes
from newsgraph.evaluate_items import gold_times
from newsgraph.evaluate_match import find, fold


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


def _key(entity: dict[str, Any]) -> str:
    prefix = str(entity.get("type")).lower()
    return entity.get("key") or f"{prefix}:{_slug(entity.get('name', ''))}"


def _entity(text: str, number: int, gold: dict[str, Any]) -> dict[str, Any]:
    spans = [find(text, m) or find(text, m, whole=False) for m in gold.get("mentions") or []]
    return {
        "id": f"E{number}", "key": _key(gold), "type": gold.get("type"),
        "name": gold.get("name"), "country": gold.get("country"),
        "roles": [{"title": r.get("title"), "of": r.get("of"), "to": r.get("to"), "span": None}
                  for r in gold.get("roles") or []],
        "mentions": [{"span": list(s), "kind": "name"} for s in spans if s],
    }


def _claim(number: int, gold: dict[str, Any], ids: dict[str, str]) -> dict[str, Any]:
    keep = ("indicator", "subject", "value", "unit", "period", "kind", "change", "approx")
    claim = {"id": f"C{number}"} | {k: gold.get(k) for k in keep}
    claim["subject"] = sorted(claim["subject"] or [])
    claim["change"] = claim["change"] and {**claim["change"], "basis": None}
    claim["approx"] = bool(claim["approx"])
    return claim | {"qualifiers": gold.get("qualifiers") or [],
                    "speaker": ids.get(gold.get("speaker") or ""), "evidence": None}


def _event(number: int, gold: dict[str, Any], ids: dict[str, str],
           names: dict[str, str]) -> dict[str, Any]:
    cameo = gold.get("cameo") or [None]
    return {
        "id": f"V{number}", "type": gold.get("type"), "cameo": cameo[0],
        "actors": [ids.get(k, k) for k in gold.get("participants") or []], "targets": [],
        "date": gold.get("date"), "place": names.get(fold(gold.get("place") or "")),
        "topics": list(gold.get("topics_any") or []), "evidence": None,
    }


def _times(text: str, gold: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for item in gold_times(text, gold.get("times") or []):
        if item["spans"]:
            start, end = item["spans"][0]
            out.append({"span": [start, end], "text": text[start:end], "type": "DATE",
                        "value": item.get("value")})
    return out


def _quotes(text: str, gold: dict[str, Any], ids: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {"speaker": ids.get(q.get("speaker") or ""), "span": list(q["span"]),
         "cue": q.get("cue"), "direct": bool(q.get("direct"))}
        for q in gold_quotes(text, gold.get("quotes") or []) if q["span"]
    ]


def gold_record(gold: dict[str, Any], text: str) -> dict[str, Any]:
    """The gold reading of ``text`` as a record dict (``spec/record.md``)."""
    entities = [_entity(text, n, e) for n, e in enumerate(gold.get("entities") or [], 1)]
    ids = {e["key"]: e["id"] for e in entities}
    names = {fold(e["name"]): e["id"] for e in entities}
    doc = gold.get("doc") or {}
    return {
        "schema": "newsgraph/record-v1", "id": gold.get("file"), "date": doc.get("date"),
        "title": doc.get("title"), "source": doc.get("source"), "url": None, "lang": "en",
        "text": text, "entities": entities, "times": _times(text, gold), "quantities": [],
        "claims": [_claim(n, c, ids) for n, c in enumerate(gold.get("claims") or [], 1)],
        "events": [_event(n, v, ids, names) for n, v in enumerate(gold.get("events") or [], 1)],
        "quotes": _quotes(text, gold, ids),
    }
