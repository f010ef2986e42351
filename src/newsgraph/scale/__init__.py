"""Scale-out: the per-document extraction mapped by Dask over partitions of the input.

>>> with dask_client(workers=2) as client:                   # doctest: +SKIP
...     summary = ingest_dask(read(paths), "news.db", client=client)
"""

from .cluster import PARTITION, dask_client, ingest_dask, prepare_workers
from .partitions import extract_partition, read_partition

__all__ = ["PARTITION", "dask_client", "extract_partition", "ingest_dask", "prepare_workers",
           "read_partition"]
