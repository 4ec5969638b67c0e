#!/usr/bin/env python3
"""Grading speed: koit-lessons grade next to nbgrader autograde on the same notebooks, and
a class of 300 (a benchmark, not a test).

    python bench/bench_grading.py                  # 20 submissions, both graders, + 300
    python bench/bench_grading.py --class-size 0   # skip the class of 300

Both graders get 20 correct submissions of lesson 00 and run the lesson's whole code in a
fresh kernel per submission: nbgrader the nbgrader source notebook that
`koit-lessons export-nbgrader` writes (`nbgrader autograde`, one notebook at a time, as
nbgrader runs them), koit-lessons the student version with every exercise answered.
koit-lessons is timed with one job (like nbgrader) and with the default number of jobs,
behind the protection this machine offers (printed). The runs alternate, so that both
graders see the same load on this shared machine. Prints a markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
from make_submissions import Builder  # noqa: E402

from koit_lessons import classroom, grading  # noqa: E402
from koit_lessons.grading import sandbox  # noqa: E402

PY = sys.executable
LESSON = "00"


def _env() -> dict[str, str]:
    return {**os.environ, "PATH": f"{Path(PY).parent}{os.pathsep}{os.environ['PATH']}"}


def koit_submissions(folder: Path, n: int) -> None:
    b = Builder(LESSON)
    nb = b.notebook({e.qid: "correct" for e in b.exercises}, written="An answer.")
    folder.mkdir(parents=True)
    for k in range(n):
        (folder / f"student{k:03d}_{b.lesson.filename}").write_text(json.dumps(nb))


def nbgrader_course(root: Path, n: int) -> str:
    """An nbgrader course with ``n`` submissions of lesson 00 (its source notebook)."""
    classroom.export_nbgrader(root, [LESSON])
    assignment = next((root / "source").iterdir()).name
    (root / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.CourseDirectory.root = r'{root}'\n"
        "c.ExecutePreprocessor.timeout = 120\n"
    )
    subprocess.run(
        [PY, "-m", "nbgrader", "generate_assignment", assignment, "--force"],
        cwd=root, env=_env(), check=True, capture_output=True,
    )  # fmt: skip
    source = next((root / "source" / assignment).glob("*.ipynb"))
    for k in range(n):
        target = root / "submitted" / f"student{k:03d}" / assignment / source.name
        target.parent.mkdir(parents=True)
        shutil.copy(source, target)
    return assignment


def time_nbgrader(root: Path, assignment: str) -> float:
    shutil.rmtree(root / "autograded", ignore_errors=True)
    start = time.perf_counter()
    done = subprocess.run(
        [PY, "-m", "nbgrader", "autograde", assignment, "--create", "--force"],
        cwd=root, env=_env(), capture_output=True, text=True,
    )  # fmt: skip
    took = time.perf_counter() - start
    graded = len(list((root / "autograded").glob("*/*/*.ipynb")))
    if done.returncode != 0 or graded == 0:
        sys.exit(f"nbgrader autograde failed:\n{done.stderr[-2000:]}")
    return took


def time_koit(subs: Path, jobs: int, work: Path) -> tuple[float, int]:
    out = work / f"book-{jobs}-{time.monotonic_ns()}.csv"
    start = time.perf_counter()
    results = grading.grade(LESSON, subs, out, jobs=jobs)
    took = time.perf_counter() - start
    full = sum(1 for r in results if r.total == len(r.points))
    if full != len(results):
        sys.exit(f"koit-lessons grade: only {full} of {len(results)} got full marks")
    return took, len(results)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=20, help="submissions for the comparison")
    ap.add_argument("--rounds", type=int, default=2, help="alternating rounds of each grader")
    ap.add_argument("--class-size", type=int, default=300, help="a class graded once (0: skip)")
    args = ap.parse_args()
    protection = sandbox.detect()
    print(f"protection: {protection.summary}; {os.cpu_count()} CPUs", flush=True)
    with tempfile.TemporaryDirectory(prefix="koit-bench-grading-") as tmp:
        work = Path(tmp)
        subs = work / "subs"
        koit_submissions(subs, args.n)
        course = work / "course"
        assignment = nbgrader_course(course, args.n)
        rows: dict[str, list[float]] = {"nbgrader": [], "koit1": [], "koitN": []}
        for _ in range(args.rounds):
            rows["nbgrader"].append(time_nbgrader(course, assignment))
            rows["koit1"].append(time_koit(subs, 1, work)[0])
            rows["koitN"].append(time_koit(subs, grading.DEFAULT_JOBS, work)[0])
            print({k: [round(x, 1) for x in v] for k, v in rows.items()}, flush=True)
        n = args.n
        best = {k: min(v) for k, v in rows.items()}
        print()
        print(f"| Grader ({n} submissions of lesson {LESSON}) | Wall s (best of {args.rounds}) "
              "| s per submission |")  # fmt: skip
        print("|---|---|---|")
        print(f"| nbgrader autograde (one at a time) | {best['nbgrader']:.1f} | "
              f"{best['nbgrader'] / n:.2f} |")  # fmt: skip
        print(f"| koit-lessons grade --jobs 1 | {best['koit1']:.1f} | {best['koit1'] / n:.2f} |")
        print(f"| koit-lessons grade --jobs {grading.DEFAULT_JOBS} | {best['koitN']:.1f} | "
              f"{best['koitN'] / n:.2f} |")  # fmt: skip
        if args.class_size:
            big = work / "class"
            koit_submissions(big, args.class_size)
            took, count = time_koit(big, grading.DEFAULT_JOBS, work)
            print(f"| koit-lessons grade, a class of {count}, --jobs {grading.DEFAULT_JOBS} | "
                  f"{took:.0f} ({took / 60:.1f} min) | {took / count:.2f} |")  # fmt: skip


if __name__ == "__main__":
    main()
