"""The course gradebook: lesson gradebooks merged into one row per student.

:func:`course_gradebook` reads the gradebooks ``koit-lessons grade`` wrote (one per
lesson) and gives, per student, the points of each lesson, the total, the points
possible and the lessons with no submission ("missing"). A student who handed in
more than one notebook for a lesson gets the best of them.

:func:`write_course_gradebook` writes it in one of three layouts (:data:`LAYOUTS`):

- ``plain``: ``student``, a column per lesson (``lesson 00`` ...), ``total``, ``max``,
  ``missing``;
- ``canvas``: the columns Canvas's Gradebook import reads: ``Student``, ``ID``,
  ``SIS User ID``, ``SIS Login ID``, ``Section``, then a column per lesson (an
  assignment; an unknown name becomes a new assignment), and a ``Points Possible`` row
  under the header, as in a Canvas Gradebook export. The grader's student names go in
  ``Student`` and ``SIS Login ID``; the ID columns left empty. (Canvas: "How do I import
  grades in the Gradebook?"; the columns as Ohio State's guide lists them,
  https://teaching.resources.osu.edu/toolsets/carmencanvas/guides/calculating-final-grades/import-csv-file-carmen-grades)
- ``moodle``: ``Username`` and a column per lesson, for Moodle's CSV grade import,
  where the teacher maps the ``Username`` column to the user field ``username`` and
  each lesson column to a grade item (or a new one) on the import page (MoodleDocs,
  "Grade import", https://docs.moodle.org/405/en/Grade_import).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from koit_lessons import lessons
from koit_lessons.errors import KoitError, pick_name
from koit_lessons.grading.analysis import read_gradebook
from koit_lessons.grading.report import spreadsheet_text

__all__ = [
    "LAYOUTS",
    "CANVAS_COLUMNS",
    "MOODLE_IDENTIFIER",
    "course_gradebook",
    "write_course_gradebook",
]

LAYOUTS = ["plain", "canvas", "moodle"]
#: the first columns of a Canvas Gradebook import file, in order
CANVAS_COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
#: the column a Moodle import maps to the user field ``username``
MOODLE_IDENTIFIER = "Username"


def _read_points(path: Path) -> tuple[str, pd.DataFrame, int]:
    """(lesson number, points per student, points possible) of one lesson gradebook."""
    book, ids, _ = read_gradebook(path, answers=False)
    numbers = sorted({q.split("-", 1)[0] for q in ids})
    if len(numbers) != 1:
        raise KoitError(f"{path} mixes questions of lessons {', '.join(numbers)}.")
    totals = pd.DataFrame(
        {"student": book["student"], "points": pd.to_numeric(book["total"], errors="coerce")}
    ).fillna({"points": 0})
    best = totals.groupby("student", sort=False)["points"].max()
    return numbers[0], best, len(ids)


def course_gradebook(gradebooks: list[Path]) -> pd.DataFrame:
    """One row per student: ``student``, ``lesson NN`` points for each lesson (empty
    where nothing was handed in), ``total``, ``max`` and ``missing`` (the lessons with
    no submission, e.g. "03 05"). Raises a ``KoitError`` for two gradebooks of one
    lesson."""
    if not gradebooks:
        raise KoitError(
            "Give the lesson gradebooks to merge, e.g. gradebook-00.csv gradebook-01.csv."
        )
    columns: dict[str, pd.Series] = {}
    possible: dict[str, int] = {}
    where: dict[str, Path] = {}
    for path in gradebooks:
        number, points, top = _read_points(Path(path))
        if number in where:
            raise KoitError(
                f"{where[number]} and {path} are both gradebooks of lesson {number}; give one."
            )
        where[number] = Path(path)
        columns[number] = points
        possible[number] = top
    order = sorted(columns)
    table = pd.DataFrame({f"lesson {n}": columns[n] for n in order})
    table.index.name = "student"
    table = table.sort_index().reset_index()
    lesson_cols = [f"lesson {n}" for n in order]
    table["total"] = table[lesson_cols].sum(axis=1, min_count=0)
    table["max"] = sum(possible.values())
    table["missing"] = [
        " ".join(n for n in order if pd.isna(row[f"lesson {n}"])) for _, row in table.iterrows()
    ]
    table.attrs["possible"] = {f"lesson {n}": possible[n] for n in order}
    return table


def _number(x) -> str:
    return "" if pd.isna(x) else f"{x:g}"


def write_course_gradebook(
    gradebooks: list[Path], out: Path, layout: str = "plain", overwrite: bool = False
) -> Path:
    """Merge the lesson gradebooks (:func:`course_gradebook`) and write them to ``out``
    in ``layout`` ("plain", "canvas" or "moodle", see the module docstring). An
    existing file is replaced only with ``overwrite``. Returns ``out``."""
    layout = pick_name("gradebook layout", layout, LAYOUTS)
    out = Path(out)
    if out.exists() and not overwrite:
        raise KoitError(f"{out} exists already. Pass --overwrite to replace it, or another --out.")
    table = course_gradebook(gradebooks)
    lesson_cols = [c for c in table.columns if c.startswith("lesson ")]
    possible = table.attrs["possible"]
    rows: list[list[str]] = []
    if layout == "plain":
        rows.append(["student", *lesson_cols, "total", "max", "missing"])
        for _, r in table.iterrows():
            rows.append(
                [
                    spreadsheet_text(r["student"]),
                    *(_number(r[c]) for c in lesson_cols),
                    _number(r["total"]),
                    _number(r["max"]),
                    r["missing"],
                ]
            )
    elif layout == "canvas":
        titles = [_title(c) for c in lesson_cols]
        rows.append([*CANVAS_COLUMNS, *titles])
        rows.append(["Points Possible", "", "", "", "", *(str(possible[c]) for c in lesson_cols)])
        for _, r in table.iterrows():
            name = spreadsheet_text(r["student"])
            rows.append([name, "", "", name, "", *(_number(r[c]) for c in lesson_cols)])
    else:
        rows.append([MOODLE_IDENTIFIER, *(_title(c) for c in lesson_cols)])
        for _, r in table.iterrows():
            rows.append([spreadsheet_text(r["student"]), *(_number(r[c]) for c in lesson_cols)])
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return out


def _title(column: str) -> str:
    number = column.split(" ", 1)[1]
    try:
        return f"Lesson {number}: {lessons.lesson(number).title}"
    except KoitError:
        return f"Lesson {number}"
