"""The lesson catalogue, and student versions made from the one source notebook.

Marking convention (see the README's contributor section):

- In a code cell, the lines from ``### BEGIN SOLUTION`` to ``### END SOLUTION``
  (nbgrader's markers) are the solution. The student version drops them, leaving
  the placeholder line (``answer = ...``) that stands before them.
- A markdown cell tagged ``solution`` is a model written answer. The student
  version replaces its text with an empty answer box.
- A cell tagged ``teacher-only`` is left out of the student version entirely.

Student versions also lose all outputs, execution counts and widget state.
This module uses only the standard library, so the command line stays fast.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from koit_lessons.errors import KoitError, unknown_name
from koit_lessons.resources import notebooks_dir

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
SOLUTION_TAG, TEACHER_TAG = "solution", "teacher-only"
ANSWER_BOX = "✏️ **Your answer:** *(double-click this cell and write here)*"
_LESSON_FILE = re.compile(r"^(\d\d)_.+\.ipynb$")


@dataclass(frozen=True)
class Lesson:
    """One lesson: its number, file name, title and estimated time in minutes."""

    number: str
    filename: str
    title: str
    minutes: int

    def read(self) -> dict[str, Any]:
        """The teacher notebook (with solutions) as a JSON dict."""
        return json.loads((notebooks_dir() / self.filename).read_text(encoding="utf-8"))


def lessons() -> list[Lesson]:
    """All lessons, in order."""
    found = []
    for entry in sorted(notebooks_dir().iterdir(), key=lambda p: p.name):
        m = _LESSON_FILE.match(entry.name)
        if not m:
            continue
        meta = json.loads(entry.read_text(encoding="utf-8"))["metadata"].get("koit", {})
        found.append(
            Lesson(
                m.group(1), entry.name, meta.get("title", entry.name), int(meta.get("minutes", 0))
            )
        )
    return found


def lesson(number: str) -> Lesson:
    """One lesson by its number, e.g. ``lesson("00")``."""
    all_ = {x.number: x for x in lessons()}
    key = f"{int(number):02d}" if str(number).isdigit() else str(number)
    if key not in all_:
        raise unknown_name("lesson", str(number), all_)
    return all_[key]


def _lines(source: str | list[str]) -> list[str]:
    return source.splitlines(keepends=True) if isinstance(source, str) else list(source)


def strip_solutions(source: str | list[str]) -> str:
    """Remove every ``### BEGIN SOLUTION`` ... ``### END SOLUTION`` region from code."""
    out, inside = [], False
    for number, line in enumerate(_lines(source), 1):
        marker = line.strip()
        if marker == BEGIN:
            if inside:
                raise KoitError(f"Line {number}: a solution region starts inside another one.")
            inside = True
        elif marker == END:
            if not inside:
                raise KoitError(f"Line {number}: '{END}' without a '{BEGIN}' before it.")
            inside = False
        elif not inside:
            out.append(line)
    if inside:
        raise KoitError(f"A solution region has no '{END}'.")
    return "".join(out).rstrip("\n")


def student_version(nb: dict[str, Any]) -> dict[str, Any]:
    """The student version of a teacher notebook: no solutions, no outputs."""
    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb["cells"]:
        tags = cell.get("metadata", {}).get("tags", [])
        if TEACHER_TAG in tags:
            continue
        if cell["cell_type"] == "code":
            cell["source"] = strip_solutions(cell["source"])
            cell["outputs"] = []
            cell["execution_count"] = None
        elif SOLUTION_TAG in tags:
            cell["source"] = ANSWER_BOX
            cell.pop("attachments", None)
        cell["metadata"] = {
            k: v
            for k, v in cell.get("metadata", {}).items()
            if k in ("tags", "editable", "deletable")
        }
        cells.append(cell)
    nb["cells"] = cells
    nb["metadata"] = {
        k: v for k, v in nb["metadata"].items() if k in ("kernelspec", "language_info", "koit")
    }
    return nb


def write_notebook(nb: dict[str, Any], path: Path) -> None:
    """Write a notebook as JSON, the way Jupyter does (1-space indent, final newline)."""
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def write_student_set(folder: Path, overwrite: bool = False) -> tuple[list[Path], list[Path]]:
    """Write the student version of every lesson into ``folder``.

    Existing files are kept unless ``overwrite`` is true, so a student's work is
    never lost. Returns (written, kept).
    """
    folder.mkdir(parents=True, exist_ok=True)
    written, kept = [], []
    for item in lessons():
        target = folder / item.filename
        if target.exists() and not overwrite:
            kept.append(target)
            continue
        write_notebook(student_version(item.read()), target)
        written.append(target)
    return written, kept
