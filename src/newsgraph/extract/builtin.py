"""The built-in extractors: importing this module registers them."""

from __future__ import annotations

from . import claims, coref, entities, events, quotes, surface  # noqa: F401
