"""Options that tell the readers which fields to use, which format and how much to read."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.errors import InputError

FORMATS = ("text", "html", "jsonl", "json", "csv", "tsv", "timeml")

# The automatic field names, tried in order (case-insensitive) when an option is None.
AUTO_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article"),
    "title": ("title", "headline"),
    "date": ("date", "published", "pubdate", "dct"),
    "url": ("url", "link"),
    "id": ("id",),
    "source": ("source",),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOptions:
    """How to read the inputs; every field has a sensible default."""

    text_field: str | None = None  # CSV/JSONL column names; None = auto: text|body|content|article
    title_field: str | None = None  # None = auto: title|headline
    date_field: str | None = None  # None = auto: date|published|pubdate|dct
    url_field: str | None = None  # None = auto: url|link
    id_field: str | None = None  # None = auto: id
    source_field: str | None = None  # None = auto: source
    max_bytes: int = 10_000_000  # per file (after gzip decompression) and per document
    format: str | None = None  # force a reader: text|html|jsonl|csv|timeml; None = by extension / sniffing

    def __post_init__(self) -> None:
        if self.format is not None and self.format not in FORMATS:
            expected = ", ".join(FORMATS)
            raise InputError(f"unknown format {self.format!r} (expected one of: {expected})", where="--format")
        if self.max_bytes < 1:
            raise InputError(f"max bytes must be positive, not {self.max_bytes}", where="--max-bytes")

    def candidates(self, field: str) -> tuple[str, ...]:
        """The column names to try for `field`: the option if set, else the automatic ones."""
        chosen = getattr(self, f"{field}_field")
        return (chosen,) if chosen else AUTO_FIELDS[field]

    def forced(self, field: str) -> bool:
        """Whether the caller named the column for `field`."""
        return getattr(self, f"{field}_field") is not None


def size_text(n: int) -> str:
    """A byte count as messages show it: 12.3 MB, 10 MB, 2.5 kB, 100 bytes."""
    for unit, scale in (("MB", 1_000_000), ("kB", 1_000)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} byte" + ("" if n == 1 else "s")
