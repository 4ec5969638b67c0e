"""Grade a folder of submitted student notebooks for one lesson into a gradebook CSV.

How a submission is graded (see the teacher's guide for the security notes):

1. The file is read as JSON. Invalid JSON, a file that is not a notebook, or a
   notebook of another lesson is reported and not run.
2. Its code cells are run top to bottom in a **separate Jupyter kernel**, started by
   a **separate worker process** (``python -m koit_lessons.grading --worker``) in a
   throwaway folder, with ``allow_errors`` (a cell that raises does not stop the
   rest), a time limit per cell (the kernel is interrupted and the next cell runs)
   and a wall-clock limit for the whole notebook (worker and kernel are killed).
   Student code never runs in the grader's own Python process.
3. One cell is appended that serialises the variables each exercise checks
   (``check("ID", variable)`` in the teacher notebook) to JSON, printed between a
   random marker made for this run. The grader then calls
   :func:`koit_lessons.checks.check` *in its own process* on those values. Check
   messages printed in the notebook are never trusted.
4. The source is scanned for attempts to read the answer key, patch the checker,
   tamper with the kernel or print fake check output; each gets a problem line,
   and reading the answer key or tampering withholds the points.

Written (Think!) answers are collected into one Markdown and one CSV file per
question, with the prompt, the model answer and the rubric (if any) beside them.
"""

from __future__ import annotations

import concurrent.futures
import csv
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from koit_lessons import classroom
from koit_lessons import lessons as _lessons
from koit_lessons.errors import KoitError

__all__ = ["Result", "grade", "grade_one", "find_submissions", "write_gradebook"]

DEFAULT_TIMEOUT = 120  # seconds per notebook
DEFAULT_CELL_TIMEOUT = 30  # seconds per cell
MAX_LIST = 10_000  # longest list/array serialised for a check

_CHECK_ID = re.compile(r"""check\(\s*['"](\d\d)-[\w.-]+['"]""")
_SUSPICIOUS = [
    (
        re.compile(r"\bexpected\s*\(|_REGISTRY|_CHECKERS|\.expected\b|\bquestions\s*\("),
        "reads the answer key (koit_lessons.checks internals)",
        True,
    ),
    (
        re.compile(
            r"^\s*def\s+check\s*\(|^\s*check\s*=|checks\.check\s*=|checks\.\w+\s*=(?!=)|"
            r"Feedback\s*\(",
            re.M,
        ),
        "redefines or patches check() (ignored: the grader checks the values itself)",
        False,
    ),
    (
        re.compile(
            r"get_ipython\(\)\.(events|register_magic|input_transformers)|"
            r"sys\.(stdout|stderr)\s*=|builtins|__builtins__|sys\.modules\[|os\._exit|"
            r"signal\.signal"
        ),
        "tampers with the kernel or its output",
        True,
    ),
    (
        re.compile(r"✅|✔|Correct!|\[\d\d-[\w-]+\]"),
        "prints text that imitates check output (ignored: outputs are never trusted)",
        False,
    ),
]


# shell escapes and magics that run programs or write files: not run when grading
_SHELL = re.compile(
    r"^(\s*)(!.*|%%?(?:system|sx|sh|bash|script|writefile|run|pip|conda|load)\b.*)$", re.M
)


@dataclass
class Result:
    """The grade of one submission."""

    student: str
    file: str
    points: dict[str, float] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    written: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def total(self) -> float:
        return sum(self.points.values())


# -- finding submissions ---------------------------------------------------------------


def _visible(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    return not any(p.startswith(".") or p in ("__pycache__", "__MACOSX") for p in parts)


def find_submissions(folder: Path, lesson: _lessons.Lesson) -> list[tuple[str, Path]]:
    """The submissions in ``folder`` as (student, path), sorted by student.

    Two layouts are understood: one sub-folder per student (``alice/00_start_here.ipynb``,
    as nbgrader and many learning platforms collect them), or files side by side
    (``alice_00_start_here.ipynb`` or ``alice.ipynb``). The student is the sub-folder
    name, or the file name without the lesson's file name.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise KoitError(
            f"{folder} is not a folder of submissions. Give the folder that holds them."
        )
    stem = Path(lesson.filename).stem
    found = []
    files = sorted(p for p in folder.rglob("*") if p.is_file() and _visible(p, folder))
    by_dir: dict[Path, list[Path]] = {}
    for p in files:
        by_dir.setdefault(p.parent, []).append(p)
    for parent, group in sorted(by_dir.items()):
        notebooks = [p for p in group if p.suffix == ".ipynb"]
        if parent != folder and notebooks:
            group = notebooks  # a student's folder: only their notebooks count
        for p in group:
            if parent != folder:
                student = p.relative_to(folder).parts[0]
                if len(group) > 1:
                    student = f"{student}/{p.name}"
            else:
                student = re.sub(r"[ _.-]*$|^[ _.-]*", "", p.stem.replace(stem, "")) or p.stem
            found.append((student, p))
    return sorted(found, key=lambda x: (x[0], str(x[1])))


# -- reading the submission and building the notebook to run -----------------------------


def _text(cell: dict[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def _norm(text: str) -> str:
    return " ".join(text.split())


def _read(path: Path) -> tuple[dict[str, Any] | None, str]:
    raw = path.read_bytes()
    try:
        nb = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return None, "not a text file, so not a notebook; not graded"
    except json.JSONDecodeError as exc:
        return None, (
            f"invalid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); the file is "
            "damaged or not a notebook; not graded"
        )
    cells = nb.get("cells") if isinstance(nb, dict) else None
    if not isinstance(cells, list) or not all(
        isinstance(c, dict) and c.get("cell_type") in ("code", "markdown", "raw") for c in cells
    ):
        return None, "valid JSON but not a Jupyter notebook (no list of cells); not graded"
    return nb, ""


def _other_lesson(nb: dict[str, Any], lesson: _lessons.Lesson, ids: list[str]) -> str:
    meta = nb.get("metadata", {}).get("koit", {}) if isinstance(nb.get("metadata"), dict) else {}
    title = meta.get("title") if isinstance(meta, dict) else None
    code = "\n".join(_text(c) for c in nb["cells"] if c.get("cell_type") == "code")
    numbers = set(_CHECK_ID.findall(code))
    has_ours = any(f"{q}" in code for q in ids)
    if title and title != lesson.title and not has_ours:
        return f"this is another lesson ({title!r}), not lesson {lesson.number}; not graded"
    if numbers and lesson.number not in numbers and not has_ours:
        others = ", ".join(sorted(numbers))
        return (
            f"this notebook checks lesson {others} exercises, not lesson {lesson.number}; "
            "not graded"
        )
    if not has_ours and title != lesson.title:
        return (
            f"this is not lesson {lesson.number} (none of its exercises and not its title); "
            "not graded"
        )
    return ""


_DUMP = r"""
def __koit_dump(names, marker):
    import json as j
    import math as m

    def enc(v, depth=0):
        if v is Ellipsis:
            return {"__koit__": "ellipsis"}
        if v is None or isinstance(v, (bool, str)):
            return v
        if isinstance(v, int):
            return v if abs(v) < 2**63 else float(v)
        if isinstance(v, float):
            return v if m.isfinite(v) else {"__koit__": "float", "value": repr(v)}
        if depth < 2 and hasattr(v, "tolist") and callable(v.tolist):
            try:
                t = v.tolist()
            except Exception:
                t = None
            if isinstance(t, list):
                if len(t) > %(max)d:
                    return {"__koit__": "other", "repr": f"{type(v).__name__} of {len(t)} values"}
                size = getattr(v, "size", len(t))
                item = enc(v.item(), depth + 1) if size == 1 and hasattr(v, "item") else None
                return {"__koit__": "array", "values": [enc(x, depth + 1) for x in t],
                        "item": item, "one": size == 1}
            if t is not None and not hasattr(t, "tolist"):
                return enc(t, depth + 1)
        if isinstance(v, (list, tuple, set, frozenset)) and depth < 2 and len(v) <= %(max)d:
            items = sorted(v, key=str) if isinstance(v, (set, frozenset)) else list(v)
            return {"__koit__": type(v).__name__ if type(v) in (list, tuple, set) else "list",
                    "values": [enc(x, depth + 1) for x in items]}
        try:
            r = repr(v)[:200]
        except Exception:
            r = "?"
        return {"__koit__": "other", "type": type(v).__name__, "repr": r}

    g = globals()
    out = {}
    for n in names:
        if n not in g:
            out[n] = {"__koit__": "missing"}
            continue
        try:
            out[n] = enc(g[n])
        except Exception as e:
            out[n] = {"__koit__": "other", "type": "error", "repr": repr(e)[:200]}
    print(marker + j.dumps(out) + marker)

__koit_dump(%(names)r, %(marker)r)
"""


class _Other:
    """A value the grader cannot rebuild; check() reports it as the wrong kind."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


class _Array(list):
    """A rebuilt pandas/NumPy array: a list with ``size`` and ``item()`` like the original."""

    def __init__(self, values: list[Any], item: Any, one: bool) -> None:
        super().__init__(values)
        self.size = len(values)
        self._item, self._one = item, one

    def item(self) -> Any:
        if not self._one:
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        return self._item


def _decode(v: Any) -> Any:
    if isinstance(v, list):
        return [_decode(x) for x in v]
    if not isinstance(v, dict):
        return v
    kind = v.get("__koit__")
    if kind == "ellipsis":
        return Ellipsis
    if kind == "float":
        return float(v["value"])
    if kind == "array":
        return _Array([_decode(x) for x in v["values"]], _decode(v["item"]), bool(v["one"]))
    if kind in ("list", "tuple", "set"):
        values = [_decode(x) for x in v["values"]]
        return {"list": list, "tuple": tuple, "set": list}[kind](values)
    if kind == "missing":
        return _MISSING
    return _Other(f"{v.get('type', 'object')}: {v.get('repr', '')}")


_MISSING = object()


# -- running in a separate process and kernel --------------------------------------------


def _worker(nb_in: str, nb_out: str, cell_timeout: int, pidfile: str) -> int:
    """Run a notebook in a fresh kernel (called in a separate process)."""
    import nbformat
    from nbclient import NotebookClient

    from koit_lessons._kernel import KernelManager

    nb = nbformat.read(nb_in, as_version=4)
    client = NotebookClient(
        nb,
        kernel_manager_class=KernelManager,
        timeout=cell_timeout,
        kernel_name="python3",
        allow_errors=True,
        interrupt_on_timeout=True,
        error_on_timeout={
            "ename": "KoitCellTimeout",
            "evalue": f"stopped after {cell_timeout} s",
            "traceback": [],
        },
        resources={"metadata": {"path": str(Path(nb_in).parent)}},
    )

    def started(**_: Any) -> None:
        provisioner = getattr(client.km, "provisioner", None)
        pid = getattr(provisioner, "pgid", None) or getattr(provisioner, "pid", None)
        if pid:
            Path(pidfile).write_text(str(pid), encoding="utf-8")

    client.on_notebook_start = started
    status = 0
    try:
        client.execute()
    except Exception as exc:  # a dead kernel: keep what ran
        nb.metadata["koit_grader_error"] = f"{type(exc).__name__}: {str(exc)[:300]}"
        status = 1
    nbformat.write(nb, nb_out)
    return status


def _kill(pid: int) -> None:
    for sig in (signal.SIGKILL,):
        try:
            os.killpg(pid, sig)
        except (ProcessLookupError, PermissionError, OSError):
            try:
                os.kill(pid, sig)
            except (ProcessLookupError, PermissionError, OSError):
                pass


def _run(nb: dict[str, Any], timeout: float, cell_timeout: int) -> tuple[dict | None, str]:
    """Run ``nb`` in a worker process; return the executed notebook, or None and why."""
    work = Path(tempfile.mkdtemp(prefix="koit-grade-"))
    try:
        src, out, pidfile = work / "submission.ipynb", work / "executed.ipynb", work / "kernel.pid"
        _lessons.write_notebook(nb, src)
        cmd = [
            sys.executable,
            "-m",
            "koit_lessons.grading",
            "--worker",
            str(src),
            str(out),
            str(cell_timeout),
            str(pidfile),
        ]
        proc = subprocess.Popen(
            cmd,
            cwd=work,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            if pidfile.exists():
                _kill(int(pidfile.read_text(encoding="utf-8")))
            _kill(proc.pid)
            proc.communicate()
            return None, (
                f"timed out: the notebook ran longer than {timeout:g} s (an endless loop?) "
                "and was stopped; no answers could be read"
            )
        finally:
            if pidfile.exists():  # never leave a kernel behind
                _kill(int(pidfile.read_text(encoding="utf-8")))
        if not out.exists():
            tail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
            return None, f"the grader could not run this notebook ({tail[0][:200]})"
        return json.loads(out.read_text(encoding="utf-8")), ""
    finally:
        shutil.rmtree(work, ignore_errors=True)


# -- grading one submission ---------------------------------------------------------------


def _scan(code_cells: list[tuple[int, str]]) -> tuple[list[str], bool]:
    problems, withhold = [], False
    for pattern, what, serious in _SUSPICIOUS:
        where = [n for n, src in code_cells if pattern.search(src)]
        if where:
            cells = ", ".join(str(n) for n in where)
            suffix = "; points withheld, review by hand" if serious else ""
            problems.append(f"cell {cells} {what}{suffix}")
            withhold = withhold or serious
    return problems, withhold


def _written_answers(
    nb: dict[str, Any], teacher: dict[str, Any], questions: list[classroom.WrittenQuestion]
) -> dict[str, str | None]:
    """Each written question's answer in the submission (None if its prompt is gone)."""
    known = {_norm(_text(c)) for c in _lessons.student_version(teacher)["cells"]}
    known.discard(_norm(_lessons.ANSWER_BOX))
    cells = nb["cells"]
    answers: dict[str, str | None] = {}
    for q in questions:
        want = _norm(q.prompt)
        at = next((i for i, c in enumerate(cells) if _norm(_text(c)) == want), None)
        if at is None:
            answers[q.qid] = None
            continue
        parts = []
        for c in cells[at + 1 :]:
            if c.get("cell_type") != "markdown" or _norm(_text(c)) in known:
                break
            parts.append(_text(c).replace(_lessons.ANSWER_BOX, "").strip())
        answers[q.qid] = "\n\n".join(p for p in parts if p)
    return answers


def grade_one(
    path: Path,
    student: str,
    lesson: _lessons.Lesson,
    timeout: float = DEFAULT_TIMEOUT,
    cell_timeout: int = DEFAULT_CELL_TIMEOUT,
    teacher: dict[str, Any] | None = None,
) -> Result:
    """Grade one submitted notebook (see the module docstring)."""
    from koit_lessons.checks import CORRECT, INVALID, UNANSWERED, check

    started = time.monotonic()
    teacher = teacher or lesson.read()
    exs = classroom.exercises(teacher)
    ids = [e.qid for e in exs]
    result = Result(student, str(path), {q: 0 for q in ids})
    nb, error = _read(path)
    if nb is None and path.suffix != ".ipynb":
        result.problems.append(f"not a notebook ({path.name}); not graded")
        return result
    if path.name != lesson.filename and Path(lesson.filename).stem not in path.name:
        result.problems.append(f"renamed file ({path.name}, expected {lesson.filename})")
    if nb is None:
        result.problems.append(error)
        return result
    other = _other_lesson(nb, lesson, ids)
    if other:
        result.problems.append(other)
        return result
    written = classroom.written_questions(teacher, lesson.number)
    written_problems = []  # listed last: the run's problems matter more
    for qid, answer in _written_answers(nb, teacher, written).items():
        if answer is None:
            written_problems.append(f"{qid}: question cell deleted or changed")
            result.written[qid] = "(question cell not found)"
        else:
            result.written[qid] = answer or "(no answer)"
            if not answer:
                written_problems.append(f"{qid}: no written answer")

    code = [(n, _text(c)) for n, c in enumerate(nb["cells"], 1) if c.get("cell_type") == "code"]
    positions = {}
    for e in exs:
        pat = re.compile(rf"""check\(\s*['"]{re.escape(e.qid)}['"]""")
        at = next((n for n, src in code if pat.search(src)), None)
        if at is None:
            result.problems.append(f"{e.qid}: exercise cell deleted (no check for it found)")
        else:
            positions[e.qid] = at
    seen = [positions[q] for q in ids if q in positions]
    if seen != sorted(seen):
        result.problems.append("exercise cells are out of order; graded as run top to bottom")
    scan_problems, withhold = _scan(code)
    result.problems.extend(scan_problems)

    marker = "KOIT-" + secrets.token_hex(16)
    names = sorted({v for e in exs for v in e.variables})
    shell = [n for n, src in code if _SHELL.search(src)]
    if shell:
        cells = ", ".join(str(n) for n in shell)
        result.problems.append(f"cell {cells} runs shell commands or magics (not run)")
    run_cells = [
        {
            "cell_type": "code",
            "metadata": {},
            "source": _SHELL.sub(r"\1# (not run by the grader) \2", src),
            "outputs": [],
            "execution_count": None,
        }
        for _, src in code
    ]
    run_cells.append(
        {
            "cell_type": "code",
            "metadata": {},
            "source": _DUMP % {"names": names, "marker": marker, "max": MAX_LIST},
            "outputs": [],
            "execution_count": None,
        }
    )
    run_nb = {
        "cells": run_cells,
        "metadata": {"kernelspec": teacher["metadata"].get("kernelspec", {})},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    executed, error = _run(run_nb, timeout, cell_timeout)
    if executed is None:
        result.problems += [error, *written_problems]
        result.seconds = time.monotonic() - started
        return result
    failed = {}
    for (n, _), cell in zip(code, executed["cells"], strict=False):
        for out in cell.get("outputs", []):
            if out.get("output_type") != "error":
                continue
            if out.get("ename") in ("KoitCellTimeout", "KeyboardInterrupt"):
                failed[n] = "was stopped after the time limit"
                result.problems.append(
                    f"cell {n} ran longer than {cell_timeout} s and was stopped (an endless loop?)"
                )
            else:
                failed[n] = f"raised {out.get('ename')}"
                evalue = " ".join(str(out.get("evalue", "")).split())[:120]
                result.problems.append(f"cell {n} raised {out.get('ename')}: {evalue}")
            break
    dump_cell = executed["cells"][-1]
    text = "".join(
        "".join(o["text"]) if isinstance(o.get("text"), list) else o.get("text", "")
        for o in dump_cell.get("outputs", [])
        if o.get("output_type") == "stream"
    )
    found = re.search(re.escape(marker) + r"(.*?)" + re.escape(marker), text, re.S)
    if not found:
        why = executed["metadata"].get("koit_grader_error", "the kernel stopped or was changed")
        result.problems += [f"the answers could not be read ({why}); no points", *written_problems]
        result.seconds = time.monotonic() - started
        return result
    values = json.loads(found.group(1))
    for e in exs:
        value = _decode(values.get(e.variable, {"__koit__": "missing"}))
        if value is _MISSING:
            if e.qid in positions:
                result.problems.append(f"{e.qid}: no answer ({e.variable} is not defined)")
            continue
        context = {}
        if e.context:
            context[e.context[0]] = _decode(values.get(e.context[1], {"__koit__": "missing"}))
            if context[e.context[0]] is _MISSING:
                result.problems.append(f"{e.qid}: no answer ({e.context[1]} is not defined)")
                continue
        feedback = check(e.qid, value, **context)
        if feedback.status == CORRECT:
            result.points[e.qid] = 1
        elif positions.get(e.qid) in failed:
            why = failed[positions[e.qid]]
            result.problems.append(f"{e.qid}: no answer (its cell {why})")
        elif feedback.status == UNANSWERED:
            result.problems.append(f"{e.qid}: unanswered")
        elif feedback.status == INVALID:
            result.problems.append(f"{e.qid}: wrong kind of answer ({feedback.message})")
        elif context:  # wrong for the choice read at the end of the run: say which
            shown = ", ".join(f"{k}={v!r}" for k, v in context.items())
            result.problems.append(
                f"{e.qid}: wrong for {shown} (its value at the end of the notebook)"
            )
    if withhold:
        result.points = {q: 0 for q in ids}
    result.problems += written_problems
    result.seconds = time.monotonic() - started
    return result


# -- the batch ------------------------------------------------------------------------------


def _cell_text(text: str) -> str:
    """Text as a spreadsheet cell: never read as a formula (file names and error
    messages come from students)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_gradebook(results: list[Result], ids: list[str], path: Path) -> None:
    """Write the gradebook: student, file, one column per question, total, max, problems."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["student", "file", *ids, "total", "max", "problems"])
        for r in results:
            points = [f"{r.points.get(q, 0):g}" for q in ids]
            w.writerow(
                [
                    _cell_text(r.student),
                    _cell_text(r.file),
                    *points,
                    f"{r.total:g}",
                    len(ids),
                    _cell_text("; ".join(r.problems)),
                ]
            )


def write_written_answers(
    results: list[Result], questions: list[classroom.WrittenQuestion], folder: Path
) -> list[Path]:
    """One Markdown and one CSV file per written question, all students side by side."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for q in questions:
        md = [
            f"# {q.qid}: {q.title}",
            "",
            "## Prompt",
            "",
            q.prompt.strip(),
            "",
            "## Model answer and rubric (teacher only)",
            "",
            q.model_answer.strip(),
            "",
        ]
        if q.rubric:
            md += [q.rubric.strip(), ""]
        md += ["## Answers", ""]
        for r in results:
            if q.qid in r.written:
                md += [f"### {r.student}", "", r.written[q.qid], ""]
        path = folder / f"{q.qid}.md"
        path.write_text("\n".join(md), encoding="utf-8")
        with (folder / f"{q.qid}.csv").open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["student", "answer"])
            for r in results:
                if q.qid in r.written:
                    w.writerow([_cell_text(r.student), _cell_text(r.written[q.qid])])
        written += [path, folder / f"{q.qid}.csv"]
    return written


def grade(
    number: str,
    submissions: Path,
    out: Path,
    timeout: float = DEFAULT_TIMEOUT,
    cell_timeout: int = DEFAULT_CELL_TIMEOUT,
    jobs: int | None = None,
    written_dir: Path | None = None,
    progress: Any = None,
) -> list[Result]:
    """Grade every submission of lesson ``number`` in ``submissions`` into ``out`` (CSV).

    Written answers go to ``written_dir`` (default: ``<out stem>_written`` next to the
    CSV). ``jobs`` submissions are graded at once (default: the number of CPUs, at
    most 4). ``progress``, if given, is called with each Result as it finishes.
    """
    if timeout <= 0 or cell_timeout <= 0:
        raise KoitError(f"Time limits must be positive, not {timeout} and {cell_timeout}.")
    import importlib.util

    for needed in ("nbclient", "nbformat", "ipykernel"):
        if importlib.util.find_spec(needed) is None:
            raise KoitError(f"Grading needs the package {needed}: pip install {needed}")
    lesson = _lessons.lesson(number)
    teacher = lesson.read()
    subs = find_submissions(Path(submissions), lesson)
    if not subs:
        raise KoitError(f"{submissions} holds no submissions. Put the students' notebooks there.")
    jobs = jobs or min(4, os.cpu_count() or 1)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = [
            pool.submit(grade_one, path, student, lesson, timeout, cell_timeout, teacher)
            for student, path in subs
        ]
        for fut in concurrent.futures.as_completed(futures):
            if progress:
                progress(fut.result())
        results = [fut.result() for fut in futures]  # in the order of the submissions
    for r in results:  # file names relative to the submissions folder
        r.file = Path(r.file).relative_to(Path(submissions)).as_posix()
    out = Path(out)
    ids = [e.qid for e in classroom.exercises(teacher)]
    write_gradebook(results, ids, out)
    questions = classroom.written_questions(teacher, lesson.number)
    if questions:
        folder = written_dir or out.with_name(out.stem + "_written")
        write_written_answers(results, questions, Path(folder))
    return results


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "--worker":
        sys.exit(_worker(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]))
    sys.exit("usage: python -m koit_lessons.grading --worker IN OUT CELL_TIMEOUT PIDFILE")
