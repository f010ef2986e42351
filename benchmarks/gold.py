"""Accuracy on the gold articles, through the real command line.

Runs ``newsgraph extract FILE... --json`` once on every article that has a gold
reading under ``--examples`` (default ``../shared/examples``), scores each
record with ``newsgraph.evaluate`` and prints P/R/F1 per item kind and the
attribute accuracies, micro-averaged over the documents.

    python benchmarks/gold.py                  # table
    python benchmarks/gold.py --per-doc        # plus F1 per document
    python benchmarks/gold.py --json           # figures as JSON
    python benchmarks/gold.py --check-floors   # exit 1 naming each figure below
                                               # its floor in benchmarks/floors.json

Exit status: 0, 1 when a figure is below its floor (with --check-floors),
2 when the command line gave no record at all.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from newsgraph.evaluate import (
    KINDS, DocScore, check_floors, combine, gold_documents, score_document,
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT.parent / "shared" / "examples"
FLOORS = ROOT / "benchmarks" / "floors.json"
TIMEOUT_S = 900


def extract_command(files: list[Path]) -> list[str]:
    """``newsgraph extract FILE... --json`` as users run it."""
    # the console script of the environment running this script, not whichever is first on PATH
    exe = Path(sys.executable).with_name("newsgraph")
    head = [str(exe)] if exe.is_file() else [sys.executable, "-m", "newsgraph"]
    return [*head, "extract", *map(str, files), "--json"]


def run_extract(files: list[Path]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The records the command line prints (JSON Lines), and how the run went."""
    started = time.perf_counter()
    proc = subprocess.run(extract_command(files), capture_output=True, text=True,
                          timeout=TIMEOUT_S, cwd=ROOT, check=False)
    records = []
    for line in proc.stdout.splitlines():
        try:
            value = json.loads(line) if line.strip() else None
        except ValueError:
            value = None
        if isinstance(value, dict):
            records.append(value)
    run = {"returncode": proc.returncode, "seconds": round(time.perf_counter() - started, 2),
           "records": len(records), "stderr_tail": proc.stderr[-2000:]}
    return records, run


def _doc_key(data: dict[str, Any]) -> tuple[Any, Any]:
    return (data.get("title"), data.get("date"))


def align(records: list[dict[str, Any]], golds: list[dict[str, Any]]) -> list[dict | None]:
    """The record of each gold document: same title and date, else the
    remaining records in order."""
    free = list(range(len(records)))
    picks: list[int | None] = []
    for gold in golds:
        want = _doc_key(gold.get("doc") or {})
        pick = next((i for i in free if _doc_key(records[i]) == want), None)
        picks.append(pick)
        free = [i for i in free if i != pick]
    for n, pick in enumerate(picks):
        if pick is None and free:
            picks[n] = free.pop(0)
    return [records[i] if i is not None else None for i in picks]


def load_floors(path: Path = FLOORS) -> dict[str, float]:
    """The ``gold`` section of the floors file."""
    return json.loads(path.read_text(encoding="utf-8")).get("gold", {})


def evaluate(examples: Path) -> tuple[list[DocScore], DocScore, dict[str, Any]]:
    """Extract and score every gold article under ``examples``."""
    docs = gold_documents(examples)
    records, run = run_extract([article for article, _ in docs])
    aligned = align(records, [gold for _, gold in docs])
    scores = [score_document(gold, record, name=article.name)
              for (article, gold), record in zip(docs, aligned)]
    run["missing"] = [a.name for (a, _), r in zip(docs, aligned) if r is None]
    return scores, combine(scores), run


def _fmt(value: float | None) -> str:
    return "   -" if value is None else f"{value:5.3f}"


def table(total: DocScore, scores: list[DocScore], per_doc: bool) -> str:
    """The figures as a plain-text table."""
    lines = [f"{'kind':<14} {'P':>5} {'R':>5} {'F1':>5}   tp  fp  fn"]
    for kind in KINDS:
        c = total.counts[kind]
        lines.append(f"{kind:<14} {_fmt(c.precision)} {_fmt(c.recall)} {_fmt(c.f1)} "
                     f"{c.tp:4d}{c.fp:4d}{c.fn:4d}")
    lines += ["", f"{'accuracy':<22} {'value':>5}  correct/total"]
    for name, r in total.accuracy.items():
        lines.append(f"{name:<22} {_fmt(r.value)}  {r.correct}/{r.total}")
    if per_doc:
        main = [k for k in KINDS if "_" not in k]
        lines += ["", f"{'document (F1)':<26}" + "".join(f"{k[:8]:>9}" for k in main)]
        for s in scores:
            lines.append(f"{s.doc[:26]:<26}" + "".join(f"{s.counts[k].f1:9.3f}" for k in main))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=Path, default=EXAMPLES,
                        help="folder of articles with gold readings (default ../shared/examples)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--check-floors", action="store_true",
                        help="exit 1 when a figure is below its floor")
    parser.add_argument("--floors", type=Path, default=FLOORS, help="floors file")
    parser.add_argument("--per-doc", action="store_true", help="F1 per document too")
    args = parser.parse_args(argv)
    if not args.examples.is_dir():
        parser.error(f"no examples folder at {args.examples}")
    scores, total, run = evaluate(args.examples)
    floors = load_floors(args.floors)
    failures = check_floors(total.figures(), floors) if args.check_floors else []
    if args.json:
        print(json.dumps({"figures": total.figures(), "all": total.to_dict(),
                          "documents": [s.to_dict() for s in scores], "floors": floors,
                          "failures": failures, "run": run}, indent=1))
    else:
        print(table(total, scores, args.per_doc))
    return _status(run, failures)


def _status(run: dict[str, Any], failures: list[str]) -> int:
    if run["returncode"] or run["missing"]:
        print(f"warning: newsgraph extract exited {run['returncode']}, "
              f"no record for {run['missing'] or 'none'}\n{run['stderr_tail']}", file=sys.stderr)
    if not run["records"]:
        print("error: newsgraph extract gave no record", file=sys.stderr)
        return 2
    for line in failures:
        print(f"below floor: {line}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
