"""Hand lessons out to a class: student and teacher sets, and an nbgrader export.

Everything here is derived from the one source notebook per lesson (see
:mod:`koit_lessons.lessons` for the marking convention), so any lesson that
follows the conventions works without changes here.

- :func:`handout` writes the student set (no solutions, no outputs, exercises left
  as ``...``) and the teacher set (the source notebooks, solutions and outputs).
- :func:`nbgrader_source` turns a lesson into an nbgrader *source* notebook
  (cell metadata schema version 3) and :func:`export_nbgrader` writes one per
  lesson in nbgrader's course layout, ``DIR/source/<assignment>/<lesson>.ipynb``.
- :func:`exercises` and :func:`written_questions` read a teacher notebook and list
  its checked exercises and its written (Think!) questions; grading uses them.

Only the standard library is used, so the command line stays fast.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from koit_lessons import lessons as _lessons
from koit_lessons.errors import KoitError

__all__ = [
    "Exercise",
    "WrittenQuestion",
    "exercises",
    "written_questions",
    "select_lessons",
    "handout",
    "nbgrader_source",
    "export_nbgrader",
]

# check("00-lithium-top", top_lithium)  -> ("00-lithium-top", "top_lithium")
CHECK_CALL = re.compile(
    r"""^\s*check\(\s*(['"])([\w.-]+)\1\s*,\s*([A-Za-z_]\w*)"""
    r"""(?:\s*,\s*([A-Za-z_]\w*)\s*=\s*([A-Za-z_]\w*))?\s*\)\s*$""",
    re.M,
)
RUBRIC_TAG = "rubric"


def _text(cell: dict[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _tags(cell: dict[str, Any]) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


@dataclass(frozen=True)
class Exercise:
    """A checked exercise: its question id, the variable checked, and its cell."""

    qid: str
    variable: str
    cell_index: int
    source: str
    #: for a question with a context (e.g. the capstone's topic): (keyword, variable)
    context: tuple[str, str] | None = None

    @property
    def variables(self) -> list[str]:
        """The notebook variables the check reads."""
        return [self.variable] + ([self.context[1]] if self.context else [])

    @property
    def call(self) -> str:
        """The check call, e.g. ``check('01-x', x)`` or ``check('09-y', y, topic=TOPIC)``."""
        extra = f", {self.context[0]}={self.context[1]}" if self.context else ""
        return f"check({self.qid!r}, {self.variable}{extra})"


@dataclass(frozen=True)
class WrittenQuestion:
    """A written (Think!) question: the prompt cell, and the model answer after it."""

    qid: str
    title: str
    prompt: str
    model_answer: str
    rubric: str
    prompt_index: int


def exercises(nb: dict[str, Any]) -> list[Exercise]:
    """The checked exercises of a teacher notebook, in order.

    An exercise is a code cell with a solution region whose last statements call
    ``check("ID", variable)``.
    """
    found = []
    for i, cell in enumerate(nb["cells"]):
        src = _text(cell)
        if cell["cell_type"] != "code" or _lessons.BEGIN not in src:
            continue
        for m in CHECK_CALL.finditer(src.split(_lessons.END)[-1]):
            context = (m.group(4), m.group(5)) if m.group(4) else None
            found.append(Exercise(m.group(2), m.group(3), i, src, context))
    ids = [e.qid for e in found]
    if len(ids) != len(set(ids)):
        raise KoitError(f"A question id is checked twice in one lesson: {sorted(ids)}.")
    return found


def written_questions(nb: dict[str, Any], number: str) -> list[WrittenQuestion]:
    """The written questions of a teacher notebook: each ``solution``-tagged markdown
    cell (the model answer) and the markdown cell before it (the prompt).

    Ids are ``NN-think-1``, ``NN-think-2``... in order. A markdown cell tagged
    ``rubric`` right after the model answer (teacher-only) is returned as the rubric.
    """
    cells = nb["cells"]
    found = []
    attached = set()
    for i, cell in enumerate(cells):
        if cell["cell_type"] != "markdown" or _lessons.SOLUTION_TAG not in _tags(cell):
            continue
        j = i - 1
        while j >= 0 and cells[j]["cell_type"] != "markdown":
            j -= 1
        prompt = _text(cells[j]) if j >= 0 else ""
        title = prompt.strip().splitlines()[0].lstrip("#").strip() if prompt.strip() else ""
        rubric = ""
        if i + 1 < len(cells) and RUBRIC_TAG in _tags(cells[i + 1]):
            rubric = _text(cells[i + 1])
            attached.add(i + 1)
        found.append(
            WrittenQuestion(
                f"{number}-think-{len(found) + 1}", title, prompt, _text(cell), rubric, j
            )
        )
    # a lesson-wide rubric (e.g. a capstone's): cells tagged "rubric" that follow no
    # model answer, or markdown cells headed "Rubric"; shown with every question
    general = "\n\n".join(
        _text(c)
        for k, c in enumerate(cells)
        if k not in attached
        and c["cell_type"] == "markdown"
        and (RUBRIC_TAG in _tags(c) or re.match(r"^#+\s*(\S+\s+)?rubric\b", _text(c).strip(), re.I))
    )
    if general:
        found = [
            WrittenQuestion(
                w.qid,
                w.title,
                w.prompt,
                w.model_answer,
                "\n\n".join(x for x in (w.rubric, general) if x),
                w.prompt_index,
            )
            for w in found
        ]
    return found


def select_lessons(numbers: list[str] | None = None) -> list[_lessons.Lesson]:
    """The lessons with these numbers (all lessons if none are given)."""
    if not numbers:
        return _lessons.lessons()
    return [_lessons.lesson(n) for n in numbers]


def handout(
    students: Path,
    teachers: Path | None = None,
    numbers: list[str] | None = None,
    overwrite: bool = False,
) -> dict[str, list[Path]]:
    """Write the student set into ``students`` and, if given, the teacher set into
    ``teachers`` (the source notebooks, with solutions and outputs).

    Existing files are kept unless ``overwrite`` is true. Returns the paths
    written and kept, under the keys "written" and "kept".
    """
    students, teachers = Path(students), Path(teachers) if teachers else None
    for folder in (students, teachers):
        if folder is not None and folder.exists() and not folder.is_dir():
            raise KoitError(f"{folder} is a file, not a folder. Choose another folder.")
    if teachers is not None and students.resolve() == teachers.resolve():
        raise KoitError("The student and teacher folders must be different folders.")
    result: dict[str, list[Path]] = {"written": [], "kept": []}
    for item in select_lessons(numbers):
        teacher_nb = item.read()
        targets = [(students, _lessons.student_version(teacher_nb))]
        if teachers is not None:
            targets.append((teachers, teacher_nb))
        for folder, nb in targets:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / item.filename
            if path.exists() and not overwrite:
                result["kept"].append(path)
                continue
            _lessons.write_notebook(nb, path)
            result["written"].append(path)
    return result


def _nbgrader_meta(grade_id: str, **flags: Any) -> dict[str, Any]:
    meta = {
        "grade": False,
        "grade_id": grade_id,
        "locked": False,
        "schema_version": 3,
        "solution": False,
        "task": False,
    }
    meta.update(flags)
    return meta


def _cell(cell_type: str, source: str, nbgrader: dict[str, Any] | None = None) -> dict[str, Any]:
    cell: dict[str, Any] = {"cell_type": cell_type, "metadata": {}, "source": source}
    if nbgrader is not None:
        cell["metadata"]["nbgrader"] = nbgrader
    if cell_type == "code":
        cell.update(execution_count=None, outputs=[])
    return cell


def _grade_id(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", text)


def nbgrader_source(nb: dict[str, Any], number: str, points: int = 1) -> dict[str, Any]:
    """An nbgrader source notebook (cell metadata schema version 3) made from a lesson.

    - Each exercise becomes an autograded answer cell (``solution``: the setup lines
      and the ``### BEGIN SOLUTION`` region; nbgrader replaces the region with
      ``# YOUR CODE HERE``) followed by a locked autograder test cell (``grade``,
      ``points``) that calls ``check`` and asserts the answer is correct.
    - Each written question becomes a locked prompt and a manually graded
      markdown answer cell (``solution`` and ``grade``) holding the model answer.
    - The setup cell is locked; teacher-only cells are left out; outputs are cleared.
    """
    exs = {e.cell_index: e for e in exercises(nb)}
    model_cells = {i for i, c in enumerate(nb["cells"]) if _lessons.SOLUTION_TAG in _tags(c)} | {
        i
        for i, c in enumerate(nb["cells"])
        if RUBRIC_TAG in _tags(c) and _lessons.TEACHER_TAG in _tags(c)
    }
    answers = {w.prompt_index: w for w in written_questions(nb, number)}
    cells: list[dict[str, Any]] = []
    setup_done = False
    for i, cell in enumerate(nb["cells"]):
        tags = _tags(cell)
        src = _text(cell)
        if i in model_cells or _lessons.TEACHER_TAG in tags:
            continue
        if i in exs:
            ex = exs[i]
            head, rest = src.split(_lessons.BEGIN, 1)
            body, _tail = rest.split(_lessons.END, 1)
            # the placeholder line (name = ...) is nbgrader's "# YOUR CODE HERE" now
            head_lines = [
                line
                for line in head.splitlines()
                if not re.match(rf"^\s*{re.escape(ex.variable)}\s*=\s*\.\.\.\s*$", line)
            ]
            answer = "\n".join([*head_lines, _lessons.BEGIN]) + body + _lessons.END
            cells.append(
                _cell(
                    "code",
                    answer,
                    _nbgrader_meta(_grade_id(f"{ex.qid}-answer"), solution=True),
                )
            )
            test = (
                f"feedback = {ex.call}\nprint(feedback)\nassert feedback.correct, feedback.message"
            )
            cells.append(
                _cell(
                    "code",
                    test,
                    _nbgrader_meta(
                        _grade_id(f"{ex.qid}-test"), grade=True, locked=True, points=points
                    ),
                )
            )
            continue
        if i in answers:
            w = answers[i]
            cells.append(
                _cell("markdown", src, _nbgrader_meta(_grade_id(f"{w.qid}-prompt"), locked=True))
            )
            cells.append(
                _cell(
                    "markdown",
                    w.model_answer,
                    _nbgrader_meta(
                        _grade_id(f"{w.qid}-answer"), solution=True, grade=True, points=points
                    ),
                )
            )
            continue
        new = _cell(cell["cell_type"], src)
        if cell.get("attachments"):
            new["attachments"] = copy.deepcopy(cell["attachments"])
        if cell["cell_type"] == "code" and not setup_done and "import" in src:
            new["metadata"]["nbgrader"] = _nbgrader_meta(_grade_id(f"{number}-setup"), locked=True)
            setup_done = True
        cells.append(new)
    for k, cell in enumerate(cells):  # nbformat 4.5 cell ids: unique, [A-Za-z0-9_-]
        cell["id"] = cell["metadata"].get("nbgrader", {}).get("grade_id") or f"cell-{k:03d}"
    meta = {k: v for k, v in nb["metadata"].items() if k in ("kernelspec", "language_info", "koit")}
    return {
        "cells": cells,
        "metadata": copy.deepcopy(meta),
        "nbformat": 4,
        "nbformat_minor": nb.get("nbformat_minor", 5),
    }


def export_nbgrader(
    folder: Path, numbers: list[str] | None = None, points: int = 1, overwrite: bool = False
) -> dict[str, list[Path]]:
    """Write an nbgrader source notebook per lesson into ``folder/source/<lesson>/``.

    ``folder`` becomes (part of) an nbgrader course directory: run
    ``nbgrader generate_assignment <lesson>`` there to make the release version.
    Existing files (a teacher may have edited them) are kept unless ``overwrite`` is
    true. Returns the paths written and kept, under the keys "written" and "kept".
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise KoitError(f"{folder} is a file, not a folder. Choose another folder.")
    result: dict[str, list[Path]] = {"written": [], "kept": []}
    for item in select_lessons(numbers):
        assignment = Path(item.filename).stem
        target = folder / "source" / assignment / item.filename
        if target.exists() and not overwrite:
            result["kept"].append(target)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        _lessons.write_notebook(nbgrader_source(item.read(), item.number, points), target)
        result["written"].append(target)
    return result
