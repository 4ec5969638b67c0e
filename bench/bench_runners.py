#!/usr/bin/env python3
"""Stalls in the standard notebook runners: every widget lesson, N times, under each of
nbconvert, nbclient, papermill, nbgrader autograde and nbval (a benchmark, not a test).

    python bench/bench_runners.py                               # 5 runs each
    python bench/bench_runners.py --runs 20 --lessons 08 --runners nbconvert,nbclient
    python bench/bench_runners.py --version student --out bench/results/runners.md

No koit-lessons code takes part in a run: each runner is called as a teacher or a CI job
would call it, in a subprocess, with plain settings (``--timeout`` is the cell timeout):

- nbconvert: ``jupyter nbconvert --to notebook --execute``
- nbclient: ``NotebookClient(nb).execute()``, nbclient's own kernel manager
- papermill: ``papermill in.ipynb out.ipynb``
- nbgrader: ``nbgrader autograde`` of the lesson as ``koit-lessons export-nbgrader`` writes
  it (nbgrader's source version: the solutions are in, so the answers pass)
- nbval: ``pytest --nbval-lax`` on the notebook (nbval's own kernel client)

The widget lessons are those whose committed outputs show a widget. ``--version source``
(the default) runs the notebooks in ``notebooks/`` (solutions in), ``--version student``
the student versions that ``koit-lessons handout`` writes.

A run is a **stall** if either

- a cell waited: in the notebook the runner wrote, the kernel went idle after one cell and
  got the next cell more than ``--gap`` seconds (3) later (from the kernel's own
  ``iopub.status.idle`` and ``iopub.status.busy`` times that nbclient records; nbclient
  does nothing else between two cells). Each copy of a lesson gets one more code cell at
  the end (``pass``), so that the last lesson cell, often the widget cell, has a next
  one too. nbval writes no notebook, so for it only
- the run took at least a whole cell timeout longer than the fastest run of that lesson
  and runner (a missed wake-up idles for exactly the cell timeout; runs that are merely
  slow, from load on a shared machine, do not count). Wall times are not used where the
  kernel's times are there: on a shared machine one lesson's runs took 9 to 80 s.

A run that fails or passes ``--kill`` seconds counts as failed (reported apart). Prints a
markdown table (runner, lesson, runs, stalls, failed, median and max seconds, largest
idle gap), and writes it to ``--out`` if given. ``--from-logs`` pools the printed runs of
earlier invocations into one table.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
RUNNERS = ["nbconvert", "nbclient", "papermill", "nbgrader", "nbval"]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

NBCLIENT_SCRIPT = """\
import sys, nbformat
from nbclient import NotebookClient
src, dst, timeout = sys.argv[1], sys.argv[2], int(sys.argv[3])
nb = nbformat.read(src, as_version=4)
NotebookClient(nb, timeout=timeout, kernel_name="python3").execute()
nbformat.write(nb, dst)
"""


def widget_lessons() -> list[str]:
    """The numbers of the lessons whose committed outputs show a widget."""
    found = []
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        if WIDGET_VIEW in path.read_text(encoding="utf-8"):
            found.append(path.name[:2])
    return found


def _env() -> dict[str, str]:
    return {**os.environ, "PATH": f"{Path(PY).parent}{os.pathsep}{os.environ['PATH']}"}


@dataclass
class Run:
    seconds: float
    ok: bool
    gap: float | None  # the largest idle-to-next-cell wait, None if no notebook came back
    note: str = ""


@dataclass
class Cell:
    runner: str
    lesson: str
    runs: list[Run] = field(default_factory=list)


def idle_gaps(path: Path) -> list[float]:
    """For each pair of consecutive executed cells of the notebook at ``path``, the
    seconds from the kernel's idle after the first to its busy for the second."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    times = []
    for cell in nb["cells"]:
        ex = cell.get("metadata", {}).get("execution", {})
        if "iopub.status.busy" in ex and "iopub.status.idle" in ex:
            times.append((_when(ex["iopub.status.busy"]), _when(ex["iopub.status.idle"])))
    return [(b2 - i1) for (_, i1), (b2, _) in zip(times, times[1:], strict=False)]


SENTINEL = "pass  # bench_runners: the last cell, so that every lesson cell has a next one"


def _add_sentinel(path: Path) -> None:
    """Add a last code cell to the notebook at ``path``: a wait after any lesson cell,
    the last one too (often the widget cell), then shows as an idle gap."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    if not any("".join(c["source"]) == SENTINEL for c in nb["cells"]):
        import nbformat

        cell = nbformat.v4.new_code_cell(SENTINEL)
        nb["cells"].append(json.loads(json.dumps(cell)))
        path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _when(stamp: str) -> float:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()


class Lesson:
    """One lesson's notebook in a work folder, and how each runner runs it."""

    def __init__(self, number: str, version: str, work: Path) -> None:
        self.number = number
        self.work = work / number
        self.work.mkdir(parents=True)
        if version == "student":
            from koit_lessons import lessons

            lessons.write_student_set(self.work)
            for other in self.work.glob("*.ipynb"):
                if not other.name.startswith(number):
                    other.unlink()
        else:
            for path in (ROOT / "notebooks").glob(f"{number}_*.ipynb"):
                shutil.copy(path, self.work)
        self.notebook = next(self.work.glob(f"{number}_*.ipynb"))
        _add_sentinel(self.notebook)
        self._nbgrader_root: Path | None = None

    def command(self, runner: str, timeout: int) -> tuple[list[str], Path, Path | None]:
        """The command line, its working folder and the notebook it writes (or None)."""
        out = self.work / f"out-{runner}.ipynb"
        out.unlink(missing_ok=True)
        nb = str(self.notebook)
        if runner == "nbconvert":
            cmd = [PY, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute", nb,
                   "--output", out.name, "--output-dir", str(self.work),
                   f"--ExecutePreprocessor.timeout={timeout}"]  # fmt: skip
            return cmd, self.work, out
        if runner == "nbclient":
            return [PY, "-c", NBCLIENT_SCRIPT, nb, str(out), str(timeout)], self.work, out
        if runner == "papermill":
            cmd = [PY, "-m", "papermill", nb, str(out), "--execution-timeout", str(timeout),
                   "-k", "python3", "--cwd", str(self.work), "--no-progress-bar"]  # fmt: skip
            return cmd, self.work, out
        if runner == "nbgrader":
            root = self._nbgrader(timeout)
            assignment = self.notebook.stem
            shutil.rmtree(root / "autograded", ignore_errors=True)
            cmd = [PY, "-m", "nbgrader", "autograde", assignment, "--create", "--force"]
            return cmd, root, root / "autograded" / "s1" / assignment / self.notebook.name
        if runner == "nbval":
            cmd = [PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c", os.devnull,
                   "--rootdir", str(self.work), "--nbval-lax",
                   f"--nbval-cell-timeout={timeout}", nb]  # fmt: skip
            return cmd, self.work, None
        raise ValueError(f"unknown runner {runner!r}; choose from {', '.join(RUNNERS)}")

    def _nbgrader(self, timeout: int) -> Path:
        """An nbgrader course folder with the lesson generated and one submission."""
        if self._nbgrader_root is None:
            from koit_lessons import classroom

            root = self.work / "course"
            classroom.export_nbgrader(root, [self.number])
            _add_sentinel(next((root / "source").glob("*/*.ipynb")))
            (root / "nbgrader_config.py").write_text(
                f"c = get_config()\nc.CourseDirectory.root = r'{root}'\n"
                f"c.ExecutePreprocessor.timeout = {timeout}\n",
                encoding="utf-8",
            )
            assignment = self.notebook.stem
            subprocess.run(
                [PY, "-m", "nbgrader", "generate_assignment", assignment, "--force"],
                cwd=root, env=_env(), check=True, capture_output=True,
            )  # fmt: skip
            source = root / "source" / assignment / self.notebook.name
            target = root / "submitted" / "s1" / assignment / self.notebook.name
            target.parent.mkdir(parents=True)
            shutil.copy(source, target)
            self._nbgrader_root = root
        return self._nbgrader_root

    def run(self, runner: str, timeout: int, kill: int) -> Run:
        cmd, cwd, out = self.command(runner, timeout)
        start = time.monotonic()
        try:
            done = subprocess.run(
                cmd, cwd=cwd, env=_env(), capture_output=True, text=True, timeout=kill
            )
        except subprocess.TimeoutExpired:
            return Run(time.monotonic() - start, False, None, f"killed after {kill} s")
        took = time.monotonic() - start
        ok = done.returncode == 0 and (out is None or out.exists())
        gap = None
        if out is not None and out.exists():
            gaps = idle_gaps(out)
            gap = max(gaps) if gaps else 0.0
        note = "" if ok else (done.stderr or done.stdout)[-600:].replace("\n", " ")
        return Run(took, ok, gap, note)


def stalls(cell: Cell, timeout: int, gap: float) -> int:
    """How many runs of ``cell`` stalled (see the module docstring)."""
    done = [r for r in cell.runs if r.ok]
    if not done:
        return 0
    fastest = min(r.seconds for r in done)
    # the kernel's own times when the runner wrote a notebook, the wall time otherwise
    return sum(r.gap > gap if r.gap is not None else r.seconds >= fastest + timeout for r in done)


def table(cells: list[Cell], timeout: int, gap: float) -> str:
    lines = [
        "| runner | lesson | runs | stalls | failed | median s | max s | largest idle gap s |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for c in cells:
        done = [r for r in c.runs if r.ok]
        secs = [r.seconds for r in done] or [float("nan")]
        gaps = [r.gap for r in done if r.gap is not None]
        lines.append(
            f"| {c.runner} | {c.lesson} | {len(c.runs)} | {stalls(c, timeout, gap)} | "
            f"{len(c.runs) - len(done)} | {statistics.median(secs):.1f} | {max(secs):.1f} | "
            f"{f'{max(gaps):.2f}' if gaps else 'n/a'} |"
        )
    return "\n".join(lines)


RUN_LINE = re.compile(
    r"^(?P<runner>\w+)\s+(?P<lesson>\d\d) run\s+\d+:\s+(?P<seconds>[\d.]+) s "
    r"gap (?P<gap>n/a|[\d.]+)(?P<failed>  FAILED .*)?$"
)


def from_logs(paths: list[Path]) -> list[Cell]:
    """The runs printed by earlier runs of this script (their "runner lesson run k" lines),
    one Cell per runner and lesson across all the logs."""
    cells: dict[tuple[str, str], Cell] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            m = RUN_LINE.match(line)
            if m:
                key = (m["runner"], m["lesson"])
                gap = None if m["gap"] == "n/a" else float(m["gap"])
                run = Run(float(m["seconds"]), not m["failed"], gap)
                cells.setdefault(key, Cell(*key)).runs.append(run)
    return sorted(cells.values(), key=lambda c: (RUNNERS.index(c.runner), c.lesson))


def versions() -> str:
    from importlib.metadata import version

    names = ["pyzmq", "jupyter_client", "ipykernel", "nbclient", "ipywidgets", "tornado",
             "nbconvert", "papermill", "nbgrader", "nbval"]  # fmt: skip
    found = []
    for name in names:
        try:
            found.append(f"{name} {version(name)}")
        except Exception:
            found.append(f"{name} (not installed)")
    return ", ".join(found) + f", python {sys.version.split()[0]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each lesson (5)")
    parser.add_argument("--runs-08", type=int, default=None, help="runs of lesson 08 if not --runs")
    parser.add_argument(
        "--lessons", default=None, help="lesson numbers, comma-separated (all widget lessons)"
    )
    parser.add_argument("--runners", default=",".join(RUNNERS), help="comma-separated")
    parser.add_argument("--version", choices=["source", "student"], default="source")
    parser.add_argument("--timeout", type=int, default=60, help="cell timeout, s (60)")
    parser.add_argument("--kill", type=int, default=600, help="a run's limit, s (600)")
    parser.add_argument("--gap", type=float, default=3.0, help="idle wait that stalls, s (3)")
    parser.add_argument("--out", type=Path, default=None, help="write the table here too")
    parser.add_argument(
        "--from-logs",
        type=Path,
        nargs="+",
        default=None,
        help="run nothing: make the table from the output of earlier runs (several logs "
        "are pooled, e.g. a bench cut in two to use both cores; --runners and --lessons "
        "choose the rows)",
    )
    args = parser.parse_args(argv)

    if args.from_logs:
        pooled = [
            c
            for c in from_logs(args.from_logs)
            if c.runner in args.runners.split(",")
            and (not args.lessons or c.lesson in args.lessons.split(","))
        ]
        text = table(pooled, args.timeout, args.gap)
        print(text)
        if args.out:
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(text + "\n", encoding="utf-8")
        return 1 if any(stalls(c, args.timeout, args.gap) for c in pooled) else 0

    lessons = args.lessons.split(",") if args.lessons else widget_lessons()
    runners = args.runners.split(",")
    for runner in runners:
        if runner not in RUNNERS:
            parser.error(f"unknown runner {runner!r}; choose from {', '.join(RUNNERS)}")
    header = (
        f"{versions()}\n{args.version} notebooks; cell timeout {args.timeout} s; a stall: an "
        f"idle wait over {args.gap:g} s between cells (a last cell, pass, added), or a run "
        f"a cell timeout over the fastest"
    )
    print(header, flush=True)
    cells = {(r, n): Cell(r, n) for r in runners for n in lessons}
    wanted = {n: args.runs_08 if n == "08" and args.runs_08 else args.runs for n in lessons}
    text = header
    with tempfile.TemporaryDirectory(prefix="koit-runners-") as tmp:
        work = {n: Lesson(n, args.version, Path(tmp)) for n in lessons}
        # round by round (every runner and lesson once a round), so that the machine's
        # load falls alike on all runners, and a cut-short bench still covers them all
        for k in range(max(wanted.values())):
            for runner in runners:
                for number in lessons:
                    if k >= wanted[number]:
                        continue
                    run = work[number].run(runner, args.timeout, args.kill)
                    cells[runner, number].runs.append(run)
                    print(
                        f"{runner:9} {number} run {k + 1:2d}: {run.seconds:6.1f} s "
                        f"gap {'n/a' if run.gap is None else f'{run.gap:.2f}'}"
                        f"{'' if run.ok else '  FAILED ' + run.note}",
                        flush=True,
                    )
            text = header + "\n\n" + table(list(cells.values()), args.timeout, args.gap)
            if args.out:
                args.out.parent.mkdir(parents=True, exist_ok=True)
                args.out.write_text(text + "\n", encoding="utf-8")
    print("\n" + text)
    bad = sum(stalls(c, args.timeout, args.gap) for c in cells.values())
    failed = sum(not r.ok for c in cells.values() for r in c.runs)
    return 1 if bad or failed else 0


if __name__ == "__main__":
    sys.exit(main())
