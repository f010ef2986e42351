"""One exception tree for newsgraph, each error with its context.

Every error names where it happened (a file, a line or row, a document id), so
that a batch can report it in one line and go on.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """The base of every error newsgraph raises on purpose."""

    code = "NG000"

    def __init__(self, reason: str, *, where: str | None = None) -> None:
        self.reason = reason
        self.where = where
        super().__init__(self.line())

    def line(self) -> str:
        """The error in one line: ``where: reason``."""
        text = " ".join(self.reason.split())
        return f"{self.where}: {text}" if self.where else text


class InputError(NewsgraphError):
    """An input that cannot be read: empty, binary, too large, malformed."""

    code = "NG100"


class ExtractionError(NewsgraphError):
    """A document the pipeline could not process."""

    code = "NG200"


class PipelineConfigError(NewsgraphError):
    """Extractors whose requirements are not met, or are unknown."""

    code = "NG201"


class StoreError(NewsgraphError):
    """The store could not be opened, migrated, read or written."""

    code = "NG300"


class QueryError(NewsgraphError):
    """A query that cannot be answered (unknown document, bad filter)."""

    code = "NG400"
