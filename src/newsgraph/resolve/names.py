"""Entity keys from what a user types: a key, a country's name or demonym, a name."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import QueryError
from ..kb.lexicon import countries, lookup_place
from ..store import resolve_queries as sql

if TYPE_CHECKING:
    from ..store import Store


def resolve_key(store: Store, name_or_key: str) -> str:
    """``"Kazakhstan"`` -> ``"country:KZ"``; a key the store knows is returned as it is."""
    text = " ".join((name_or_key or "").split())
    if not text:
        raise QueryError("an entity name or key is needed")
    with store.read() as conn:
        if sql.entity_head(conn, text) is not None:
            return text
        place = lookup_place(text)
        if place is not None:  # a country the store may know only through its people
            return f"country:{place.code}"
        found = sql.key_by_name(conn, text)
    if found is None:
        raise QueryError("no entity with this name or key in the store", where=text)
    return found


def name_of(key: str, names: dict[str, str]) -> str:
    """The stored name of a key, else a country's name from the knowledge base, else the key."""
    if key in names:
        return names[key]
    country = countries().get(key.removeprefix("country:")) if key.startswith("country:") else None
    return country.name if country else key
