"""Grade a folder of submitted student notebooks for one lesson into a gradebook CSV.

Grading is a short pipeline of named stages, each in its own module and tested on its
own (in the manner of nbgrader's preprocessors):

1. **collect** (:mod:`.collect`): every submission is read, bytes and hash, into the
   grader's memory before any student code runs; the teacher's folder is never read
   again. Links, devices and files that are too large are listed, not read.
2. **prepare** (:mod:`.prepare`): each file is parsed; damaged files, other lessons and
   files that are not notebooks are reported and not run; written answers are read;
   the code is scanned for attempts to read the answer key or tamper with the kernel;
   the notebook to run is built, ending with the grader's own cell that prints the
   checked variables between a random marker.
3. **run** (:mod:`.run`): the notebook runs in a fresh kernel behind the sandbox
   (:mod:`.sandbox`: bubblewrap namespaces, or separate processes where that is
   unavailable) with resource limits, a time limit per cell and per notebook; every
   process the kernel started is killed when it ends.
4. **score** (:mod:`.score`): the printed values are judged against the answer key,
   which was computed in the grader's own process before the first submission ran and
   is never read from disk again. Nothing the notebook printed is trusted otherwise.
5. **report** (:mod:`.report`): a gradebook row is appended as each submission
   finishes; the written answers are gathered per question at the end.

Before the batch the installed package is checked against its install record
(:mod:`.integrity`) and after every submission against its fingerprint.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from koit_lessons import lessons as _lessons
from koit_lessons import notebook as nbf
from koit_lessons.errors import KoitError, require_number
from koit_lessons.grading import collect, integrity, prepare, report, sandbox, score
from koit_lessons.grading.collect import Submission, find_submissions
from koit_lessons.grading.report import write_gradebook, write_written_answers
from koit_lessons.grading.sandbox import Limits, Protection
from koit_lessons.grading.score import AnswerKey, Result, decode
from koit_lessons.language import tr

__all__ = [
    "Result",
    "Limits",
    "Protection",
    "grade",
    "grade_one",
    "find_submissions",
    "write_gradebook",
    "write_written_answers",
    "decode",
    "KoitError",
    "DEFAULT_TIMEOUT",
    "DEFAULT_CELL_TIMEOUT",
    "DEFAULT_JOBS",
]

DEFAULT_TIMEOUT = 120  # seconds per notebook
DEFAULT_CELL_TIMEOUT = 30  # seconds per cell
DEFAULT_JOBS = min(8, (os.cpu_count() or 1) + 1)  # at once: one more than CPUs keeps them busy
_TEMP = re.compile(r"^koit-grade-(\d+)-")


def _remove_stale_temp() -> None:
    """Remove temporary folders of earlier grader runs that were killed."""
    base = Path(tempfile.gettempdir())
    for entry in base.glob("koit-grade-*"):
        m = _TEMP.match(entry.name)
        if not m or int(m.group(1)) == os.getpid():
            continue
        try:
            os.kill(int(m.group(1)), 0)
        except ProcessLookupError:
            shutil.rmtree(entry, ignore_errors=True)
        except PermissionError:
            pass


def _font_list(folder: Path) -> Path | None:
    """Build Matplotlib's font list once, so that no kernel has to (about 1 s each)."""
    folder.mkdir()
    env = dict(os.environ, MPLCONFIGDIR=str(folder))
    try:
        subprocess.run(
            [sys.executable, "-c", "import matplotlib.font_manager"],
            env=env,
            capture_output=True,
            timeout=120,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    found = sorted(folder.glob("fontlist*.json"))
    if found:
        os.chmod(folder, 0o755)
        os.chmod(found[0], 0o644)
    return found[0] if found else None


def _check_paths(submissions: Path, *outputs: Path | None) -> None:
    inside = Path(submissions).resolve()
    for out in outputs:
        if out is None:
            continue
        where = Path(out).resolve()
        if where == inside or inside in where.parents:
            raise KoitError(
                f"{out} is inside the submissions folder {submissions}. Write the gradebook "
                "and the written answers somewhere else, so that they are never graded."
            )


class _Batch:
    """One grading run: the lesson, its answer key, the protection and the temp space."""

    def __init__(self, number, timeout, cell_timeout, limits, require_sandbox, jobs=1):
        timeout, cell_timeout = (
            require_number(value, f"{name} (seconds)", finite=True, greater_than=0)
            for name, value in (("timeout", timeout), ("cell_timeout", cell_timeout))
        )
        for needed in ("nbclient", "nbformat", "ipykernel"):
            if importlib.util.find_spec(needed) is None:
                raise KoitError(f"Grading needs the package {needed}: pip install {needed}")
        self.lesson = _lessons.lesson(number)
        self.teacher = self.lesson.read()
        self.exercises = nbf.exercises(self.teacher)
        self.questions = nbf.written_questions(self.teacher, self.lesson.number)
        self.ids = [e.qid for e in self.exercises]
        self.timeout, self.cell_timeout = timeout, int(cell_timeout)
        self.limits = limits or Limits()
        integrity.verify_installed()  # refuses a package changed since it was installed
        self.fingerprint = integrity.fingerprint()
        # the answer key: computed now, in this process, before any student code runs
        self.key = AnswerKey(self.exercises)
        self.protection = sandbox.detect(self.limits)
        if require_sandbox and not self.protection.sandboxed:
            raise KoitError(
                "The sandbox is required (--require-sandbox) but not available here: "
                f"{self.protection.reason}. Install bubblewrap (e.g. apt install bubblewrap)."
            )
        _remove_stale_temp()
        self.temp = Path(tempfile.mkdtemp(prefix=f"koit-grade-{os.getpid()}-"))
        os.chmod(self.temp, 0o711)  # the kernels' users may pass through to their folders
        self.fontlist: Path | None | bool = None
        self.uids = sandbox.job_uids(max(1, jobs))
        self.runs = 0  # kernels started, for their folders' names
        self.tampered: Result | None = None  # a submission that changed the package

    async def grade(self, sub: Submission, slot: int) -> Result:
        started = time.monotonic()
        p = prepare.prepare(sub, self.lesson, self.teacher, self.exercises, self.questions)
        run = None
        if not p.not_run:
            from koit_lessons.grading.run import run_notebook  # nbclient: only when grading

            if self.fontlist is None:
                self.fontlist = _font_list(self.temp / "mpl") or False
            self.runs += 1
            if self.protection.own_uid:
                sandbox.clear_uid(self.uids[slot])
            run = await run_notebook(
                p.notebook,
                self.temp / f"job{self.runs}",
                protection=self.protection,
                limits=self.limits,
                uid=self.uids[slot],
                timeout=self.timeout,
                cell_timeout=self.cell_timeout,
                fontlist=self.fontlist or None,
            )
        result = score.score(p, run, self.key, self.cell_timeout, self.timeout)
        if run is not None:
            now = integrity.fingerprint()
            changed = self.fingerprint.changes(now)
            if changed:
                result.points = {q: 0 for q in self.ids}
                result.problems.insert(
                    0,
                    tr(
                        "changed the installed koit-lessons package ({files}); "
                        "points withheld, review by hand",
                        files=", ".join(changed[:3]),
                    ),
                )
                self.tampered = result
            result.seconds = time.monotonic() - started
        return result

    def close(self) -> None:
        shutil.rmtree(self.temp, ignore_errors=True)


async def _run_all(batch: _Batch, subs: list[Submission], jobs: int, book, progress):
    slots: asyncio.Queue[int] = asyncio.Queue()
    for k in range(jobs):
        slots.put_nowait(k)
    results: list[Result | None] = [None] * len(subs)

    async def one(i: int, sub: Submission) -> None:
        slot = await slots.get()
        try:
            if batch.tampered is not None:
                return
            r = await batch.grade(sub, slot)
            results[i] = r
            book.add(r)
            if progress:
                progress(r)
        finally:
            slots.put_nowait(slot)

    await asyncio.gather(*(one(i, s) for i, s in enumerate(subs)))
    return [r for r in results if r is not None]


def _in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def grade(
    number: str,
    submissions: Path,
    out: Path,
    timeout: float = DEFAULT_TIMEOUT,
    cell_timeout: int = DEFAULT_CELL_TIMEOUT,
    jobs: int | None = None,
    written_dir: Path | None = None,
    progress: Callable[[Result], None] | None = None,
    overwrite: bool = False,
    resume: bool = False,
    require_sandbox: bool = False,
    limits: Limits | None = None,
) -> list[Result]:
    """Grade every submission of lesson ``number`` in ``submissions`` into ``out`` (CSV).

    Written answers go to ``written_dir`` (default: ``<out stem>_written`` next to the
    CSV). ``jobs`` submissions are graded at once (default :data:`DEFAULT_JOBS`).
    ``progress``, if given, is called with each Result as it finishes. An existing
    ``out`` is replaced only with ``overwrite``; with ``resume`` the submissions it
    already grades are skipped and the rest appended. Returns the results of this run.
    """
    jobs = max(1, jobs or DEFAULT_JOBS)
    batch = _Batch(number, timeout, cell_timeout, limits, require_sandbox, jobs)
    try:
        subs = collect.collect(Path(submissions), batch.lesson)
        if not subs:
            raise KoitError(
                f"{submissions} holds no submissions. Put the students' notebooks there."
            )
        out = Path(out)
        folder = None
        if batch.questions:
            folder = Path(written_dir) if written_dir else out.with_name(out.stem + "_written")
        _check_paths(Path(submissions), out, folder)
        book = report.Gradebook(out, batch.ids, batch.protection.level, folder, overwrite, resume)
        todo = [s for s in subs if s.file not in book.done]
        try:
            results = _run_batch(batch, todo, jobs, book, progress)
        finally:
            book.close()
        if batch.tampered is not None:
            raise KoitError(
                f"Grading stopped: the submission {batch.tampered.file} changed the installed "
                "koit-lessons package. Reinstall it (pip install --force-reinstall koit-lessons) "
                "and run the same command with --resume."
            )
        if folder is not None:
            write_written_answers(book.written(results), batch.questions, folder)
        return results
    finally:
        batch.close()


def _run_batch(batch, todo, jobs, book, progress) -> list[Result]:
    async def main() -> list[Result]:
        # nbclient's helper tasks of a kernel that was killed may end with an error
        # nobody reads; the gradebook says what happened, so keep them off the screen
        asyncio.get_running_loop().set_exception_handler(lambda loop, context: None)
        task = asyncio.ensure_future(_run_all(batch, todo, jobs, book, progress))
        if _in_main_thread():
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(sig, task.cancel)
        try:
            return await task
        finally:
            if _in_main_thread():
                for sig in (signal.SIGINT, signal.SIGTERM):
                    loop.remove_signal_handler(sig)

    try:
        return asyncio.run(main())
    except asyncio.CancelledError:
        raise KeyboardInterrupt from None


def grade_one(
    path: Path,
    student: str,
    lesson: _lessons.Lesson,
    timeout: float = DEFAULT_TIMEOUT,
    cell_timeout: int = DEFAULT_CELL_TIMEOUT,
    teacher: dict | None = None,
) -> Result:
    """Grade one submitted notebook through the whole pipeline (no gradebook written)."""
    batch = _Batch(lesson.number, timeout, cell_timeout, None, False)
    try:
        sub = collect.read_one(Path(path), student, Path(path).name)

        async def one() -> Result:
            asyncio.get_running_loop().set_exception_handler(lambda loop, context: None)
            return await batch.grade(sub, 0)

        return asyncio.run(one())
    finally:
        batch.close()
