"""Coverage-guided fuzzing of the readers with atheris (libFuzzer), outside CI.

    pip install atheris            # Linux x86-64/aarch64 wheels; elsewhere it needs clang
    python benchmarks/fuzz_readers.py --runs 100000

Each input picks a format (text, html, jsonl, json, csv, tsv, timeml), maybe gzip, and
feeds the rest of its bytes to the reader as if it were a file. A crash is any exception
escaping ``read_source`` or an item that is neither an Article with text nor an InputError;
a hang is an input that runs past ``--timeout`` seconds (libFuzzer's own timer). The driver
runs libFuzzer in a child process (libFuzzer ends its process when done), seeds it with
the test fixtures, the samples and the shared examples, and prints the figures: inputs
run, crashes, hangs, seconds. Reproduce a crash with
``python benchmarks/fuzz_readers.py --child crash-FILE``.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FORMATS = ("text", "html", "jsonl", "json", "csv", "tsv", "timeml")
MAX_BYTES = 200_000


def one_input(data: bytes) -> None:
    """The fuzz target: never raises for any bytes (byte 0: the format, byte 1: gzip or not, then the input)."""
    from newsgraph.errors import InputError
    from newsgraph.ingest import ReadOptions
    from newsgraph.ingest.reader import read_source
    from newsgraph.ingest.sources import Source
    from newsgraph.record import Article

    if len(data) < 2:
        return
    fmt, packed, body = FORMATS[data[0] % len(FORMATS)], bool(data[1] & 1), data[2:]
    if packed:
        body = gzip.compress(body, compresslevel=1)
    source = Source(name=f"fuzz.{fmt}" + (".gz" if packed else ""), gzip=packed)
    for item in read_source(source, ReadOptions(format=fmt, max_bytes=MAX_BYTES), stdin=io.BytesIO(body)):
        if isinstance(item, Article):
            if not item.text.strip() or not item.id:
                raise AssertionError(f"an Article without text or id: {item!r:.200}")
        elif not isinstance(item, InputError):
            raise AssertionError(f"neither an Article nor an InputError: {item!r:.200}")


def child(argv: list[str]) -> None:
    """Run libFuzzer on ``one_input`` (this process ends when it is done)."""
    import atheris

    with atheris.instrument_imports(include=["newsgraph"]):
        import newsgraph.ingest  # noqa: F401
        import newsgraph.ingest.reader  # noqa: F401
    logging_off()
    atheris.Setup([sys.argv[0], *argv], one_input)
    atheris.Fuzz()


def logging_off() -> None:
    import logging

    logging.disable(logging.CRITICAL)


def seeds(folder: Path) -> Path:
    """A seed corpus: small real inputs of every format, one format byte in front."""
    found = [*(REPO / "tests" / "fixtures").rglob("*"), *(REPO / "samples").glob("*.txt"),
             *(REPO.parent / "shared" / "examples").rglob("*.txt")]
    by_suffix = {".txt": 0, ".html": 1, ".htm": 1, ".jsonl": 2, ".json": 3, ".csv": 4, ".tsv": 5, ".tml": 6}
    folder.mkdir(parents=True, exist_ok=True)
    for number, path in enumerate(p for p in found if p.is_file() and p.suffix in by_suffix):
        data = path.read_bytes()[:20_000]
        (folder / f"seed{number:04d}").write_bytes(bytes([by_suffix[path.suffix], 0]) + data)
    return folder


def drive(runs: int, timeout: int, workdir: Path, max_len: int) -> dict:
    """Run the fuzzer child to ``runs`` inputs; the figures from its output."""
    corpus = seeds(workdir / "corpus")
    artifacts = workdir / "artifacts"
    artifacts.mkdir(exist_ok=True)
    args = [sys.executable, __file__, "--child", f"-runs={runs}", f"-timeout={timeout}", f"-max_len={max_len}",
            "-rss_limit_mb=4096", f"-artifact_prefix={artifacts}/", "-print_final_stats=1", str(corpus)]
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, errors="replace")
    seconds = time.perf_counter() - started
    log = done.stdout + done.stderr
    (workdir / "fuzz.log").write_text(log, encoding="utf-8")
    runs_done = re.findall(r"Done (\d+) runs", log) or re.findall(r"stat::number_of_executed_units:\s*(\d+)", log)
    hangs = len(re.findall(r"ALARM: working on the last Unit", log))
    crashes = len(list(artifacts.glob("crash-*"))) + len(re.findall(r"=== Uncaught Python exception", log))
    return {"inputs_run": int(runs_done[-1]) if runs_done else None, "crashes": crashes, "hangs": hangs,
            "oom": len(re.findall(r"out-of-memory", log)), "exit_status": done.returncode,
            "seconds": round(seconds, 1), "inputs_per_s": round(int(runs_done[-1]) / seconds, 1) if runs_done else None,
            "artifacts": sorted(p.name for p in artifacts.iterdir()), "log": str(workdir / "fuzz.log")}


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=100_000)
    parser.add_argument("--timeout", type=int, default=10, help="seconds one input may take (a hang past it)")
    parser.add_argument("--max-len", type=int, default=65_536, help="largest input, in bytes")
    parser.add_argument("--workdir", type=Path, help="where the corpus, artifacts and log go (default: temp)")
    args = parser.parse_args()
    try:
        import atheris  # noqa: F401
    except ImportError:
        raise SystemExit("atheris is not installed: pip install atheris (or pip install -e '.[fuzz]')") from None
    with tempfile.TemporaryDirectory(prefix="fuzz_readers_") as tmp:
        workdir = args.workdir or Path(tmp)
        figures = drive(args.runs, args.timeout, workdir, args.max_len)
        if not args.workdir:
            figures.pop("log")
        print(json.dumps(figures))
    raise SystemExit(0 if figures["crashes"] == figures["hangs"] == figures["oom"] == 0 else 1)


if __name__ == "__main__":
    main()
