"""Input readers: files, folders, globs and stdin in text, HTML, JSON Lines, JSON, CSV/TSV and TimeML.

``read(paths, options)`` yields an ``Article`` for every document and an ``InputError`` for every
file or row that cannot be read, and goes on; it never raises for bad input.
"""

from newsgraph.ingest.dates import DateError, normalize_date
from newsgraph.ingest.options import ReadOptions
from newsgraph.ingest.reader import choose_format, read, read_source, sniff
from newsgraph.ingest.sources import Source, expand

__all__ = ["DateError", "ReadOptions", "Source", "choose_format", "expand", "normalize_date", "read", "read_source",
           "sniff"]
