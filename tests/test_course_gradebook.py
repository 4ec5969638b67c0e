"""The course gradebook: lesson gradebooks merged per student, and its Canvas and Moodle
layouts checked against the columns their import documentation names (see
koit_lessons.grading.course for the sources)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from koit_lessons import checks, cli
from koit_lessons.grading import course
from koit_lessons.grading.report import write_gradebook
from koit_lessons.grading.score import Result

# Canvas Gradebook import: the identifying columns, in this order, then one column per
# assignment, and a "Points Possible" row as in a Canvas export (Ohio State's guide to
# Canvas grade import; Canvas "How do I import grades in the Gradebook?")
CANVAS_DOCUMENTED = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
# Moodle CSV grade import: a column mapped to one of these user fields (MoodleDocs,
# "Grade import": map to userid, username, useridnumber or useremail)
MOODLE_USER_FIELDS = {"userid", "username", "useridnumber", "useremail"}


def _book(folder: Path, lesson: str, points: dict[str, int]) -> Path:
    ids = checks.questions(lesson)
    results = []
    for student, k in points.items():
        results.append(
            Result(student, f"{student}.ipynb", {q: (1 if i < k else 0) for i, q in enumerate(ids)})
        )
    path = folder / f"gradebook-{lesson}.csv"
    write_gradebook(results, ids, path, "sandbox")
    return path


@pytest.fixture
def books(tmp_path):
    a = _book(tmp_path, "00", {"ana": 5, "ben": 3, "=cmd": 1})
    b = _book(tmp_path, "01", {"ana": 4, "chloe": 2})
    return a, b


def test_merged_per_student_with_missing_work(books):
    t = course.course_gradebook(list(books)).set_index("student")
    assert list(t.index) == ["=cmd", "ana", "ben", "chloe"]
    assert t.loc["ana", "total"] == 9 and t.loc["ana", "missing"] == ""
    assert t.loc["ben", "missing"] == "01" and t.loc["chloe", "missing"] == "00"
    assert t.loc["ana", "max"] == len(checks.questions("00")) + len(checks.questions("01"))


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def test_plain_layout(books, tmp_path):
    rows = _rows(course.write_course_gradebook(list(books), tmp_path / "c.csv"))
    assert rows[0] == ["student", "lesson 00", "lesson 01", "total", "max", "missing"]
    assert rows[1][0] == "'=cmd"  # never a formula


def test_canvas_layout_matches_its_documented_header(books, tmp_path):
    rows = _rows(course.write_course_gradebook(list(books), tmp_path / "c.csv", "canvas"))
    assert rows[0][:5] == CANVAS_DOCUMENTED
    assert rows[0][5].startswith("Lesson 00: ") and rows[0][6].startswith("Lesson 01: ")
    assert rows[1][0] == "Points Possible" and rows[1][5:] == [
        str(len(checks.questions("00"))),
        str(len(checks.questions("01"))),
    ]
    ana = next(r for r in rows if r[0] == "ana")
    assert ana[3] == "ana" and ana[5:] == ["5", "4"]
    assert all(len(r) == len(rows[0]) for r in rows)


def test_moodle_layout_matches_its_documented_mapping(books, tmp_path):
    rows = _rows(course.write_course_gradebook(list(books), tmp_path / "m.csv", "moodle"))
    assert rows[0][0].lower() in MOODLE_USER_FIELDS
    assert len(rows[0]) == 3 and all(h.startswith("Lesson ") for h in rows[0][1:])
    chloe = next(r for r in rows if r[0] == "chloe")
    assert chloe == ["chloe", "", "2"]


def test_bad_input_is_one_sentence(books, tmp_path, capsys):
    a, _ = books
    for argv in (
        ["gradebook", str(a), str(a), "--out", str(tmp_path / "x.csv")],
        ["gradebook", "--out", str(tmp_path / "x.csv")],
        ["gradebook", str(a), "--layout", "excel", "--out", str(tmp_path / "x.csv")],
        ["gradebook", str(tmp_path / "none.csv"), "--out", str(tmp_path / "x.csv")],
    ):
        assert cli.main(argv) == 2
        err = capsys.readouterr().err
        assert err.startswith("koit-lessons: ") and err.count("\n") == 1, err
    assert cli.main(["gradebook", str(a), "--out", str(tmp_path / "y.csv")]) == 0
    assert cli.main(["gradebook", str(a), "--out", str(tmp_path / "y.csv")]) == 2
    assert "exists already" in capsys.readouterr().err
