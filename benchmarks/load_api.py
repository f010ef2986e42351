"""Load test of the HTTP API on 127.0.0.1: requests/s held, p99 latency, errors; bounded, stops by itself.

    python benchmarks/load_api.py                      # builds a store from samples/ + a synthetic corpus
    python benchmarks/load_api.py --db news.db --requests 4000 --seconds 60 --workers 8

It starts ``newsgraph serve`` on a free loopback port (never another address), sends at most
``--requests`` requests per endpoint group or runs at most ``--seconds``, whichever comes first,
from ``--workers`` threads, then stops the server. It prints, for the dossier and the search
endpoints, requests/s, p50/p95/p99/max in ms and the errors (any status other than 200, or
a failed connection); the goal is p99 < 250 ms and no errors. Exit status 1 when missed.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
GOAL_P99_MS = 250.0
SEARCHES = ["trade", "investment", "Kazakhstan China", '"trade turnover"', "energ*", "minister", "agreement",
            "Russia", "transport", "billion"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def newsgraph_command() -> list[str]:
    """The ``newsgraph`` console script of the Python running this, not whichever is first on PATH."""
    exe = Path(sys.executable).with_name("newsgraph")
    return [str(exe)] if exe.is_file() else [sys.executable, "-m", "newsgraph"]


@contextmanager
def serve(db: Path, *, token: str | None = None, wait_s: float = 60.0) -> Iterator[str]:
    """``newsgraph serve`` over ``db`` on a free loopback port; yields its base URL, stops it after."""
    import httpx

    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "NEWSGRAPH_INGEST_TOKEN"} | {"NO_COLOR": "1"}
    if token:
        env["NEWSGRAPH_INGEST_TOKEN"] = token
    server = subprocess.Popen([*newsgraph_command(), "serve", "--db", str(db), "--host", HOST, "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + wait_s
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"the server stopped: {server.stderr.read()[-2000:]}")
            try:
                if httpx.get(f"{base}/api/v1/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server did not answer within {wait_s:g} s")
            time.sleep(0.1)
        yield base
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def build_db(path: Path, synthetic: int) -> Path:
    """A store with the bundled samples and ``synthetic`` short generated articles."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    from kill_ingest import make_corpus

    from newsgraph.ingest import read
    from newsgraph.ingesting import ingest_stream

    corpus = make_corpus(path.parent / "load-corpus.jsonl", synthetic, seed=5)
    inputs = [str(REPO / "samples"), str(corpus)] if (REPO / "samples").is_dir() else [str(corpus)]
    ingest_stream(read(inputs), str(path))
    return path


def targets(base: str) -> dict[str, list[str]]:
    """The URLs of each endpoint group: dossiers of the pairs the store suggests, searches."""
    import httpx

    pairs = httpx.get(f"{base}/api/v1/overview", timeout=30).json().get("pairs", [])[:10]
    if not pairs:
        raise RuntimeError("the store suggests no pair for a dossier: ingest more documents")
    dossiers = [f"{base}/api/v1/dossier?a={p['a']}&b={p['b']}&quotes={q}" for p in pairs for q in range(5, 11)]
    searches = [f"{base}/api/v1/documents?q={q}&limit={n}" for q in SEARCHES for n in (10, 20, 50)]
    return {"dossier": dossiers, "search": searches}


def hammer(urls: list[str], *, requests: int, seconds: float, workers: int) -> dict:
    """Send up to ``requests`` GETs (cycling through ``urls``) within ``seconds``; the figures."""
    import httpx

    jobs = itertools.islice(itertools.cycle(urls), requests)
    lock = threading.Lock()
    latencies: list[float] = []
    errors: list[str] = []
    deadline = time.perf_counter() + seconds

    def work() -> None:
        with httpx.Client(timeout=30) as client:
            while time.perf_counter() < deadline:
                with lock:
                    url = next(jobs, None)
                if url is None:
                    return
                started = time.perf_counter()
                try:
                    status = client.get(url).status_code
                    problem = None if status == 200 else f"{status} {url}"
                except httpx.HTTPError as exc:
                    problem = f"{type(exc).__name__} {url}"
                with lock:
                    latencies.append(time.perf_counter() - started)
                    if problem:
                        errors.append(problem)

    started = time.perf_counter()
    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return figures(latencies, errors, time.perf_counter() - started)


def figures(latencies: list[float], errors: list[str], elapsed: float) -> dict:
    ms = sorted(x * 1000 for x in latencies)
    cut = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
    return {"requests": len(ms), "errors": len(errors), "seconds": round(elapsed, 2),
            "requests_per_s": round(len(ms) / elapsed, 1) if elapsed else 0.0,
            "p50_ms": round(cut[49], 1) if ms else None, "p95_ms": round(cut[94], 1) if ms else None,
            "p99_ms": round(cut[98], 1) if ms else None, "max_ms": round(ms[-1], 1) if ms else None,
            "first_errors": errors[:5]}


def run(db: Path, *, requests: int, seconds: float, workers: int) -> dict[str, dict]:
    """Each endpoint group in turn against one server; the figures by group."""
    with serve(db) as base:
        urls = targets(base)
        hammer(urls["search"][:5], requests=20, seconds=10, workers=1)  # warm up the connections
        return {group: hammer(found, requests=requests, seconds=seconds, workers=workers)
                for group, found in urls.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="an existing store (default: build one in a temp dir)")
    parser.add_argument("--synthetic", type=int, default=300, help="generated articles in the built store")
    parser.add_argument("--requests", type=int, default=3000, help="most requests per endpoint group")
    parser.add_argument("--seconds", type=float, default=30.0, help="most seconds per endpoint group")
    parser.add_argument("--workers", type=int, default=8, help="concurrent client threads")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="load_api_") as tmp:
        db = args.db or build_db(Path(tmp) / "load.db", args.synthetic)
        results = run(db, requests=args.requests, seconds=args.seconds, workers=args.workers)
    ok = True
    for group, result in results.items():
        held = result["errors"] == 0 and result["p99_ms"] is not None and result["p99_ms"] < GOAL_P99_MS
        ok &= held
        print(f"{group:8} {result['requests']:6} requests in {result['seconds']:6.1f} s = "
              f"{result['requests_per_s']:7.1f} req/s  p50 {result['p50_ms']} ms  p95 {result['p95_ms']} ms  "
              f"p99 {result['p99_ms']} ms  max {result['max_ms']} ms  errors {result['errors']}  "
              f"{'OK' if held else 'MISSED (p99 < 250 ms, no errors)'}")
    print(json.dumps(results))
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
