import json

import pytest

from koit_lessons import lessons, notebook
from koit_lessons.errors import KoitError

TEACHER = {
    "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": "# Title"},
        {
            "cell_type": "code",
            "metadata": {"tags": ["exercise"], "koit": {"objectives": [1], "skill": "code"}},
            "execution_count": 3,
            "outputs": [{"output_type": "stream", "name": "stdout", "text": "secret 42"}],
            "source": (
                "x = ...\n### BEGIN SOLUTION\nx = 42  # secret\n### END SOLUTION\ncheck('q', x)"
            ),
        },
        {
            "cell_type": "markdown",
            "metadata": {"tags": ["solution"]},
            "source": "Model answer",
            "attachments": {"a.png": {"image/png": "AAAA"}},
        },
        {"cell_type": "markdown", "metadata": {"tags": ["teacher-only"]}, "source": "Teacher note"},
    ],
    "metadata": {
        "kernelspec": {"name": "python3"},
        "widgets": {"state": "x"},
        "koit": {"title": "T"},
    },
    "nbformat": 4,
    "nbformat_minor": 5,
}


def test_strip_solutions_keeps_placeholder_and_check():
    code = TEACHER["cells"][1]["source"]
    assert notebook.strip_solutions(code) == "x = ...\ncheck('q', x)"


@pytest.mark.parametrize(
    "code, message",
    [
        ("### BEGIN SOLUTION\nx\n", "has no"),
        ("x\n### END SOLUTION\n", "without"),
        ("### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION\n", "inside another"),
    ],
)
def test_unbalanced_markers_are_reported(code, message):
    with pytest.raises(KoitError, match=message):
        notebook.strip_solutions(code)


def test_student_version_has_no_solutions_outputs_or_teacher_cells():
    student = notebook.student_version(TEACHER)
    text = json.dumps(student)
    for secret in ("secret", "42", "Model answer", "Teacher note", "AAAA", "widgets"):
        assert secret not in text
    code = student["cells"][1]
    assert code["outputs"] == [] and code["execution_count"] is None
    assert student["cells"][2]["source"] == notebook.ANSWER_BOX
    assert len(student["cells"]) == 3
    # an item's objectives and skill stay with it (issue 20)
    assert code["metadata"]["koit"] == {"objectives": [1], "skill": "code"}
    # the teacher notebook itself is untouched
    assert "secret" in json.dumps(TEACHER)


def test_catalogue_lists_lesson_00_first():
    found = lessons.lessons()
    assert found[0].number == "00"
    assert found[0].filename == "00_start_here.ipynb"
    assert 20 <= found[0].minutes <= 120
    assert lessons.lesson("0") == found[0]
    with pytest.raises(KoitError, match="no lesson called '99'"):
        lessons.lesson("99")


def test_write_student_set_never_overwrites_without_permission(tmp_path):
    result = lessons.write_student_set(tmp_path)
    assert result["written"] and not result["kept"]
    target = result["written"][0]
    target.write_text("my work", encoding="utf-8")
    result = lessons.write_student_set(tmp_path)
    assert not result["written"] and target in result["kept"]
    assert target.read_text(encoding="utf-8") == "my work"
    lessons.write_student_set(tmp_path, overwrite=True)
    assert target.read_text(encoding="utf-8") != "my work"


def test_no_lesson_calls_an_existing_lesson_planned():
    """Regression: lessons 01 and 02 called lesson 03 "planned" after it was written."""
    import re

    from koit_lessons import lessons as catalogue

    numbers = {x.number for x in catalogue.lessons()}
    pattern = re.compile(r"planned lesson (\d\d)|lesson (\d\d)[ ,(]{1,3}planned", re.I)
    for item in catalogue.lessons():
        for cell in item.read()["cells"]:
            for match in pattern.finditer("".join(cell["source"])):
                number = match.group(1) or match.group(2)
                assert number not in numbers, f"{item.filename} calls lesson {number} planned"


def test_the_readme_lessons_table_is_one_table_with_every_lesson():
    """Regression: a blank line split the table, so rows 07-09 rendered as raw pipes."""
    from pathlib import Path

    from koit_lessons import lessons as catalogue

    text = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    start = text.index("| # | Lesson | Time | Data |")
    block = text[start:].split("\n\n")[0].splitlines()
    numbers = [row.split("|")[1].strip() for row in block[2:]]
    assert numbers == [x.number for x in catalogue.lessons()]
    for row, item in zip(block[2:], catalogue.lessons(), strict=True):
        assert f"~{item.minutes} min" in row, f"README gives another time for lesson {item.number}"
