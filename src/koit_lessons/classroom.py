"""Hand lessons out to a class: student and teacher sets, and an nbgrader export.

Everything here is derived from the one source notebook per lesson (see
:mod:`koit_lessons.lessons` for the marking convention), so any lesson that
follows the conventions works without changes here.

- :func:`handout` writes the student set (no solutions, no outputs, exercises left
  as ``...``) and the teacher set (the source notebooks, solutions and outputs).
- :func:`nbgrader_source` turns a lesson into an nbgrader *source* notebook
  (cell metadata schema version 3) and :func:`export_nbgrader` writes one per
  lesson in nbgrader's course layout, ``DIR/source/<assignment>/<lesson>.ipynb``.
- The notebook format (exercises, written questions, the student version) is read
  with :mod:`koit_lessons.notebook`, as grading does.

Only the standard library is used, so the command line stays fast.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

from koit_lessons import lessons as _lessons
from koit_lessons import notebook as nbf
from koit_lessons.errors import KoitError

__all__ = [
    "select_lessons",
    "handout",
    "nbgrader_source",
    "export_nbgrader",
]


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
    lang: str = "en",
) -> dict[str, list[Path]]:
    """Write the student set into ``students`` and, if given, the teacher set into
    ``teachers`` (the source notebooks, with solutions and outputs).

    With ``lang`` "ko" or "it", both sets are that edition (generated from the English
    source and its catalogue; a translated teacher set has no stored outputs: run it).
    With no lesson numbers, that is every lesson offered in ``lang``; a lesson named that
    is not offered in ``lang`` is an error.

    Existing files are kept unless ``overwrite`` is true. Returns the paths
    written and kept, under the keys "written" and "kept".
    """
    from koit_lessons.language import validate

    lang = validate(lang)
    students, teachers = Path(students), Path(teachers) if teachers else None
    for folder in (students, teachers):
        if folder is not None and folder.exists() and not folder.is_dir():
            raise KoitError(f"{folder} is a file, not a folder. Choose another folder.")
    if teachers is not None and students.resolve() == teachers.resolve():
        raise KoitError("The student and teacher folders must be different folders.")

    chosen = select_lessons(numbers) if numbers else _lessons.offered(lang)
    for item in chosen:
        if lang != "en" and lang not in item.languages() and lang in item.translations():
            from koit_lessons.language import LANGUAGES

            name = LANGUAGES[lang].split(" (")[-1].rstrip(")")
            raise KoitError(
                f"Lesson {item.number} is not offered in {name} yet: its translation is "
                "complete but awaits a second reader."
            )
    editions = {item.number: item.edition(lang) for item in chosen}  # refuses before writing

    def notebooks():
        for item in chosen:
            teacher_nb = editions[item.number]
            yield students / item.filename, nbf.student_version(teacher_nb)
            if teachers is not None:
                yield teachers / item.filename, teacher_nb

    return nbf.write_set(notebooks(), overwrite)


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
    exs = {e.cell_index: e for e in nbf.exercises(nb)}
    model_cells = {i for i, c in enumerate(nb["cells"]) if nbf.SOLUTION_TAG in nbf.cell_tags(c)} | {
        i
        for i, c in enumerate(nb["cells"])
        if nbf.RUBRIC_TAG in nbf.cell_tags(c) and nbf.TEACHER_TAG in nbf.cell_tags(c)
    }
    answers = {w.prompt_index: w for w in nbf.written_questions(nb, number)}
    cells: list[dict[str, Any]] = []
    setup_done = False
    for i, cell in enumerate(nb["cells"]):
        tags = nbf.cell_tags(cell)
        src = nbf.cell_text(cell)
        if i in model_cells or nbf.TEACHER_TAG in tags:
            continue
        if i in exs:
            ex = exs[i]
            head, rest = src.split(nbf.BEGIN, 1)
            body, tail = rest.split(nbf.END, 1)
            # the placeholder line (name = ...) is nbgrader's "# YOUR CODE HERE" now
            head_lines = [
                line
                for line in head.splitlines()
                if not re.match(rf"^\s*{re.escape(ex.variable)}\s*=\s*\.\.\.\s*$", line)
            ]
            # lines after the solution that the check needs (the capstone's
            # TWO_TOPICS = (TOPIC, OTHER_TOPIC)) stay in the answer cell; the check moves
            # to the test cell
            kept = [
                line
                for line in tail.splitlines()
                if line.strip() and not line.lstrip().startswith("check(")
            ]
            answer = "\n".join([*head_lines, nbf.BEGIN]) + body + "\n".join([nbf.END, *kept])
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
    return nbf.write_set(
        (
            (
                folder / "source" / Path(item.filename).stem / item.filename,
                nbgrader_source(item.read(), item.number, points),
            )
            for item in select_lessons(numbers)
        ),
        overwrite,
    )
