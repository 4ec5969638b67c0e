"""The lesson notebook format, in one place: cells, tags, solutions, exercises, written
questions, the student version, and writing notebooks.

One source notebook per lesson is the teacher version. Marking convention:

- In a code cell, the lines from ``### BEGIN SOLUTION`` to ``### END SOLUTION``
  (nbgrader's markers) are the solution. The student version drops them, leaving the
  placeholder line (``answer = ...``) that stands before them. A checked exercise ends
  with ``check("ID", variable)`` after the solution.
- A markdown cell tagged ``solution`` is a model written answer (its prompt is the
  markdown cell before it). The student version replaces its text with an empty answer
  box; a cell tagged ``rubric`` after it is the rubric.
- A cell tagged ``teacher-only`` is left out of the student version entirely.

Student versions also lose all outputs, execution counts and widget state. Handout,
the nbgrader export, grading and the tests all read notebooks through this module.
Standard library only, so the command line stays fast.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from koit_lessons.errors import KoitError

__all__ = [
    "BEGIN",
    "END",
    "SOLUTION_TAG",
    "TEACHER_TAG",
    "RUBRIC_TAG",
    "ANSWER_BOX",
    "cell_text",
    "cell_tags",
    "strip_solutions",
    "student_version",
    "Exercise",
    "WrittenQuestion",
    "exercises",
    "written_questions",
    "written_answers",
    "write_notebook",
    "write_set",
]

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
SOLUTION_TAG, TEACHER_TAG = "solution", "teacher-only"
ANSWER_BOX = "✏️ **Your answer:** *(double-click this cell and write here)*"
RUBRIC_TAG = "rubric"


def cell_text(cell: dict[str, Any]) -> str:
    """A cell's source as one string (notebooks store it as a string or a list of lines).

    Parameters
    ----------
    cell : dict
        A notebook cell.

    Returns
    -------
    str
        "" if the cell has no source.
    """
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def cell_tags(cell: dict[str, Any]) -> list[str]:
    """A cell's tags.

    Parameters
    ----------
    cell : dict
        A notebook cell.

    Returns
    -------
    list of str
        A new list; empty if the cell has no tags.
    """
    return list(cell.get("metadata", {}).get("tags", []))


def _norm(text: str) -> str:
    return " ".join(text.split())


def _lines(source: str | list[str]) -> list[str]:
    return source.splitlines(keepends=True) if isinstance(source, str) else list(source)


def strip_solutions(source: str | list[str]) -> str:
    """Remove every ``### BEGIN SOLUTION`` ... ``### END SOLUTION`` region from code.

    Parameters
    ----------
    source : str or list of str
        A code cell's source.

    Returns
    -------
    str
        The remaining lines, without the marker lines and without trailing newlines.

    Raises
    ------
    KoitError
        If a region is nested, an end marker has no start, or a region has no end.
    """
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
    """The student version of a teacher notebook: no solutions, no outputs.

    Parameters
    ----------
    nb : dict
        A teacher notebook (JSON dict); it is not changed.

    Returns
    -------
    dict
        A new notebook: ``teacher-only`` cells left out, code cells without solutions,
        outputs or execution counts, ``solution`` cells replaced by :data:`ANSWER_BOX`, and
        only the ``tags``, ``editable``, ``deletable`` and ``koit`` (objectives, skill) cell
        metadata and the
        ``kernelspec``, ``language_info`` and ``koit`` notebook metadata kept.

    Raises
    ------
    KoitError
        If a code cell's solution markers do not pair up (see :func:`strip_solutions`).
    """
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
            if k in ("tags", "editable", "deletable", "koit")
        }
        cells.append(cell)
    nb["cells"] = cells
    nb["metadata"] = {
        k: v for k, v in nb["metadata"].items() if k in ("kernelspec", "language_info", "koit")
    }
    return nb


# check("00-lithium-top", top_lithium)  -> ("00-lithium-top", "top_lithium")
CHECK_CALL = re.compile(
    r"""^\s*check\(\s*(['"])([\w.-]+)\1\s*,\s*([A-Za-z_]\w*)"""
    r"""(?:\s*,\s*([A-Za-z_]\w*)\s*=\s*([A-Za-z_]\w*))?\s*\)\s*$""",
    re.M,
)


@dataclass(frozen=True)
class Exercise:
    """A checked exercise: its question id, the variable checked, and its cell.

    Parameters
    ----------
    qid : str
        The question id.
    variable : str
        The name of the variable checked.
    cell_index : int
        The position of its cell in the notebook.
    source : str
        The cell's source.
    context : tuple of (str, str), optional
        For a question with a context: the keyword and the variable passed to it.
    """

    qid: str
    variable: str
    cell_index: int
    source: str
    #: for a question with a context (e.g. the capstone's topic): (keyword, variable)
    context: tuple[str, str] | None = None

    @property
    def variables(self) -> list[str]:
        """The notebook variables the check reads.

        Returns
        -------
        list of str
            ``variable``, then the context's variable if there is one.
        """
        return [self.variable] + ([self.context[1]] if self.context else [])

    @property
    def call(self) -> str:
        """The check call, e.g. ``check('01-x', x)`` or ``check('09-y', y, topic=TOPIC)``.

        Returns
        -------
        str
        """
        extra = f", {self.context[0]}={self.context[1]}" if self.context else ""
        return f"check({self.qid!r}, {self.variable}{extra})"


@dataclass(frozen=True)
class WrittenQuestion:
    """A written (Think!) question: the prompt cell, and the model answer after it.

    Parameters
    ----------
    qid : str
        "NN-think-K", counting from 1 in the lesson.
    title : str
        The first line of the prompt without "#" marks ("" for no prompt).
    prompt : str
        The markdown cell before the model answer ("" if there is none).
    model_answer : str
        The ``solution``-tagged cell's text.
    rubric : str
        The ``rubric`` cell after it and any lesson-wide rubric ("" for none).
    prompt_index : int
        The position of the prompt cell (-1 if there is none).
    """

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

    Parameters
    ----------
    nb : dict
        A teacher notebook (JSON dict).

    Returns
    -------
    list of Exercise

    Raises
    ------
    KoitError
        If a question id is checked twice in the notebook.
    """
    found = []
    for i, cell in enumerate(nb["cells"]):
        src = cell_text(cell)
        if cell["cell_type"] != "code" or BEGIN not in src:
            continue
        for m in CHECK_CALL.finditer(src.split(END)[-1]):
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

    Parameters
    ----------
    nb : dict
        A teacher notebook (JSON dict).
    number : str
        The lesson number, for the ids.

    Returns
    -------
    list of WrittenQuestion
        A lesson-wide rubric (cells tagged ``rubric`` after no model answer, or markdown
        cells headed "Rubric") is added to every question's rubric.
    """
    cells = nb["cells"]
    found = []
    attached = set()
    for i, cell in enumerate(cells):
        if cell["cell_type"] != "markdown" or SOLUTION_TAG not in cell_tags(cell):
            continue
        j = i - 1
        while j >= 0 and cells[j]["cell_type"] != "markdown":
            j -= 1
        prompt = cell_text(cells[j]) if j >= 0 else ""
        title = prompt.strip().splitlines()[0].lstrip("#").strip() if prompt.strip() else ""
        rubric = ""
        if i + 1 < len(cells) and RUBRIC_TAG in cell_tags(cells[i + 1]):
            rubric = cell_text(cells[i + 1])
            attached.add(i + 1)
        found.append(
            WrittenQuestion(
                f"{number}-think-{len(found) + 1}", title, prompt, cell_text(cell), rubric, j
            )
        )
    # a lesson-wide rubric (e.g. a capstone's): cells tagged "rubric" that follow no
    # model answer, or markdown cells headed "Rubric"; shown with every question
    general = "\n\n".join(
        cell_text(c)
        for k, c in enumerate(cells)
        if k not in attached
        and c["cell_type"] == "markdown"
        and (
            RUBRIC_TAG in cell_tags(c)
            or re.match(r"^#+\s*(\S+\s+)?rubric\b", cell_text(c).strip(), re.I)
        )
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


def written_answers(
    nb: dict[str, Any], teacher: dict[str, Any], questions: list[WrittenQuestion]
) -> dict[str, str | None]:
    """Each written question's answer in the submission (None if its prompt is gone).

    Parameters
    ----------
    nb : dict
        A student's submitted notebook (JSON dict).
    teacher : dict
        The teacher notebook of the lesson.
    questions : list of WrittenQuestion
        As from :func:`written_questions`.

    Returns
    -------
    dict of str to str or None
        By question id: the text of the markdown cells after the prompt, up to a cell of the
        student version, without the answer-box line; "" if nothing is written.
    """
    known = {_norm(cell_text(c)) for c in student_version(teacher)["cells"]}
    known.discard(_norm(ANSWER_BOX))
    cells = nb["cells"]
    answers: dict[str, str | None] = {}
    for q in questions:
        want = _norm(q.prompt)
        at = next((i for i, c in enumerate(cells) if _norm(cell_text(c)) == want), None)
        if at is None:
            answers[q.qid] = None
            continue
        parts = []
        for c in cells[at + 1 :]:
            if c.get("cell_type") != "markdown" or _norm(cell_text(c)) in known:
                break
            parts.append(cell_text(c).replace(ANSWER_BOX, "").strip())
        answers[q.qid] = "\n\n".join(p for p in parts if p)
    return answers


def write_notebook(nb: dict[str, Any], path: Path) -> None:
    """Write a notebook as JSON, the way Jupyter does (1-space indent, final newline).

    Parameters
    ----------
    nb : dict
        The notebook (JSON dict).
    path : pathlib.Path
        The file to write (UTF-8); its folder must exist.
    """
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def write_set(
    notebooks: Iterable[tuple[Path, dict[str, Any]]], overwrite: bool = False
) -> dict[str, list[Path]]:
    """Write each (path, notebook), creating folders; keep files already there unless
    ``overwrite``, so that nobody's work is lost. Returns the paths under "written" and
    "kept".

    Parameters
    ----------
    notebooks : iterable of (pathlib.Path, dict)
        Where to write each notebook, and the notebook.
    overwrite : bool, optional
        Replace files that already exist (default False).

    Returns
    -------
    dict of str to list of pathlib.Path
        The keys "written" and "kept".
    """
    result: dict[str, list[Path]] = {"written": [], "kept": []}
    for path, nb in notebooks:
        if path.exists() and not overwrite:
            result["kept"].append(path)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        write_notebook(nb, path)
        result["written"].append(path)
    return result
