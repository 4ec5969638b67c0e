#!/usr/bin/env python3
"""Class report speed: `koit-lessons report` for a class of 300 next to a floor (a
benchmark, not a test).

    python bench/bench_report.py                 # 300 students, 5 runs each
    python bench/bench_report.py --students 60 --runs 3

The class is the synthetic one of the tests (tests/fixtures/synthetic_class.py, lesson
00, known mistakes in known proportions), scaled to the size asked. Each run is a fresh
process, as a teacher runs the command:

- **floor**: Python starts, imports pandas and reads the gradebook and its answers file
  (``pandas.read_csv``): the least any report must do;
- **report**: ``koit-lessons report GRADEBOOK`` (the item analysis, three figures, the
  HTML page and four CSV tables);
- **feedback**: ``koit-lessons feedback GRADEBOOK`` (one page per student), for scale.

The runs alternate, so that all see the same load on a shared machine. Target: the
report under 10 s for 300 students. Prints a markdown table of the medians.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
from synthetic_class import make_class  # noqa: E402

PY = sys.executable
TARGET = 10.0


def _time(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--students", type=int, default=300)
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()
    work = Path(tempfile.mkdtemp(prefix="koit-bench-report-"))
    try:
        book = make_class(work, args.students)
        answers = book.with_name(book.stem + "_answers.csv")
        floor = [
            PY,
            "-c",
            "import sys, pandas as pd; pd.read_csv(sys.argv[1]); pd.read_csv(sys.argv[2])",
            str(book),
            str(answers),
        ]
        cli = [PY, "-m", "koit_lessons"]
        times: dict[str, list[float]] = {"floor": [], "report": [], "feedback": []}
        for _ in range(args.runs):
            times["floor"].append(_time(floor))
            times["report"].append(
                _time([*cli, "report", str(book), "--out", str(work / "r"), "--overwrite"])
            )
            times["feedback"].append(
                _time([*cli, "feedback", str(book), "--out", str(work / "f"), "--overwrite"])
            )
        med = {k: statistics.median(v) for k, v in times.items()}
        print(f"{args.students} students, median of {args.runs} runs (seconds):\n")
        print("| step | median s | min–max s | × floor |")
        print("|---|---|---|---|")
        for k, v in times.items():
            print(
                f"| {k} | {med[k]:.2f} | {min(v):.2f}–{max(v):.2f} | {med[k] / med['floor']:.1f} |"
            )
        verdict = "meets" if med["report"] < TARGET else "misses"
        print(f"\nreport: {med['report']:.2f} s, {verdict} the target of {TARGET:g} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
