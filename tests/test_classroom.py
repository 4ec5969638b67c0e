"""Hand-out of student and teacher sets, and the nbgrader export, for every lesson."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from koit_lessons import classroom, lessons, notebook
from koit_lessons._kernel import KernelManager
from koit_lessons.errors import KoitError
from koit_lessons.resources import notebooks_dir

LESSONS = lessons.lessons()
IDS = [item.number for item in LESSONS]


def _text(cell):
    src = cell["source"]
    return "".join(src) if isinstance(src, list) else src


def _secrets(teacher):
    """Every piece of teacher-only text of a lesson: solution lines, model answers
    (sentence by sentence), teacher-only cells, and their attachments."""
    found = []
    for c in teacher["cells"]:
        tags = c["metadata"].get("tags", [])
        src = _text(c)
        if c["cell_type"] == "code":
            for region in re.findall(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", src, re.S):
                found += [line.strip() for line in region.splitlines() if line.strip()]
        if notebook.SOLUTION_TAG in tags or notebook.TEACHER_TAG in tags:
            found += [s for s in re.split(r"(?<=[.!?])\s+", src) if len(s) > 25]
            for att in c.get("attachments", {}).values():
                found += [v for v in att.values() if isinstance(v, str) and len(v) > 20]
    return found


@pytest.fixture(scope="module")
def sets(tmp_path_factory):
    students = tmp_path_factory.mktemp("students")
    teachers = tmp_path_factory.mktemp("teachers")
    result = classroom.handout(students, teachers)
    return students, teachers, result


def test_handout_writes_both_sets_for_every_lesson(sets):
    students, teachers, result = sets
    for item in LESSONS:
        assert (students / item.filename).exists()
        # the teacher set is the source notebook itself: solutions and outputs
        assert json.loads((teachers / item.filename).read_text(encoding="utf-8")) == item.read()
    assert len(result["written"]) == 2 * len(LESSONS) and not result["kept"]


def test_no_solution_text_from_any_lesson_in_any_student_file(sets):
    students, _, _ = sets
    files = sorted(students.rglob("*"))
    assert files
    raw = {f.name: f.read_text(encoding="utf-8") for f in files if f.is_file()}
    secrets = [s for item in LESSONS for s in _secrets(item.read())]
    assert secrets, "the lessons should have solutions to hide"
    for name, text in raw.items():
        # the whole file: cells, cell and notebook metadata, attachments
        assert "BEGIN SOLUTION" not in text and "END SOLUTION" not in text, name
        for secret in secrets:
            assert secret not in text, (name, secret)
        nb = json.loads(text)
        assert "widgets" not in nb["metadata"]
        assert set(nb["metadata"]) <= {"kernelspec", "language_info", "koit"}
        for c in nb["cells"]:
            assert set(c["metadata"]) <= {"tags", "editable", "deletable", "koit"}
            if c["cell_type"] == "code":
                assert c["outputs"] == [] and c["execution_count"] is None
            if notebook.SOLUTION_TAG in c["metadata"].get("tags", []):
                assert _text(c) == notebook.ANSWER_BOX and "attachments" not in c


@pytest.mark.parametrize("item", LESSONS, ids=IDS)
def test_student_exercises_are_unanswered(sets, item):
    students, _, _ = sets
    nb = json.loads((students / item.filename).read_text(encoding="utf-8"))
    code = "\n".join(_text(c) for c in nb["cells"] if c["cell_type"] == "code")
    for ex in notebook.exercises(item.read()):
        assert re.search(rf"^{ex.variable} = \.\.\.$", code, re.M), ex.qid
        assert ex.call.replace("'", '"') in code


def test_hidden_solution_in_attachments_and_metadata_never_reaches_students(tmp_path, monkeypatch):
    # a made-up lesson with secrets in every place a notebook can hide them
    teacher = LESSONS[0].read()
    teacher = json.loads(json.dumps(teacher))
    teacher["metadata"]["secret_note"] = "SECRET-METADATA-42"
    teacher["cells"].append(
        {
            "cell_type": "markdown",
            "metadata": {"tags": ["solution"], "secret": "SECRET-CELL-META"},
            "source": "SECRET-MODEL-ANSWER ![x](attachment:a.png)",
            "attachments": {"a.png": {"image/png": "SECRET-ATTACHMENT"}},
        }
    )
    teacher["cells"].append(
        {"cell_type": "markdown", "metadata": {"tags": ["teacher-only"]}, "source": "SECRET-TO"}
    )
    source = tmp_path / "notebooks"
    source.mkdir()
    notebook.write_notebook(teacher, source / "99_made_up.ipynb")
    monkeypatch.setattr(lessons, "notebooks_dir", lambda: source)
    classroom.handout(tmp_path / "s", tmp_path / "t")
    text = (tmp_path / "s" / "99_made_up.ipynb").read_text(encoding="utf-8")
    assert "SECRET" not in text
    assert "SECRET-ATTACHMENT" in (tmp_path / "t" / "99_made_up.ipynb").read_text(encoding="utf-8")


def test_handout_keeps_existing_files_and_checks_folders(tmp_path):
    first = LESSONS[0].filename
    classroom.handout(tmp_path / "s", numbers=[LESSONS[0].number])
    assert [p.name for p in (tmp_path / "s").iterdir()] == [first]
    (tmp_path / "s" / first).write_text("student work", encoding="utf-8")
    result = classroom.handout(tmp_path / "s", numbers=[LESSONS[0].number])
    assert result["kept"] and (tmp_path / "s" / first).read_text(encoding="utf-8") == "student work"
    classroom.handout(tmp_path / "s", numbers=[LESSONS[0].number], overwrite=True)
    assert (tmp_path / "s" / first).read_text(encoding="utf-8") != "student work"
    with pytest.raises(KoitError, match="must be different"):
        classroom.handout(tmp_path / "x", tmp_path / "x")
    (tmp_path / "f").write_text("x")
    with pytest.raises(KoitError, match="is a file"):
        classroom.handout(tmp_path / "f")
    with pytest.raises(KoitError, match="no lesson called '99'"):
        classroom.handout(tmp_path / "s", numbers=["99"])


def test_handout_command(tmp_path):
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "koit_lessons",
            "handout",
            "--students",
            str(tmp_path / "s"),
            "--teachers",
            str(tmp_path / "t"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.count("wrote") == 2 * len(LESSONS)
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == [i.filename for i in LESSONS]


@pytest.mark.parametrize("item", LESSONS, ids=IDS)
def test_exercises_and_written_questions_are_found(item):
    teacher = item.read()
    exs = notebook.exercises(teacher)
    from koit_lessons.checks import questions

    assert sorted(e.qid for e in exs) == questions(item.number)
    written = notebook.written_questions(teacher, item.number)
    tagged = [c for c in teacher["cells"] if "solution" in c["metadata"].get("tags", [])]
    assert len(written) == len(tagged)
    for w in written:
        assert w.prompt and w.model_answer and w.qid.startswith(f"{item.number}-think-")


# -- nbgrader ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def nbgrader_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("course")
    classroom.export_nbgrader(folder)
    return folder


def _nbg(item, folder):
    return folder / "source" / item.filename.removesuffix(".ipynb") / item.filename


@pytest.mark.parametrize("item", LESSONS, ids=IDS)
def test_nbgrader_export_is_valid_for_nbgrader(item, nbgrader_dir):
    v3 = pytest.importorskip("nbgrader.nbgraderformat.v3")
    nb = nbformat.read(_nbg(item, nbgrader_dir), as_version=4)
    nbformat.validate(nb)
    v3.MetadataValidatorV3().validate_nb(nb)  # raises on any invalid cell metadata
    cells = [c for c in nb.cells if "nbgrader" in c.metadata]
    metas = [c.metadata.nbgrader for c in cells]
    for m in metas:
        assert m["schema_version"] == 3
        assert set(m) <= {
            "grade",
            "grade_id",
            "locked",
            "points",
            "schema_version",
            "solution",
            "task",
        }
        assert re.fullmatch(r"[\w-]+", m["grade_id"])
    exs = notebook.exercises(item.read())
    answers = [c for c in cells if c.metadata.nbgrader["solution"] and c.cell_type == "code"]
    tests = [c for c in cells if c.metadata.nbgrader["grade"] and c.cell_type == "code"]
    assert len(answers) == len(tests) == len(exs)
    for ex, answer, test in zip(exs, answers, tests, strict=True):
        assert "### BEGIN SOLUTION" in answer.source and "### END SOLUTION" in answer.source
        assert test.metadata.nbgrader["locked"] and test.metadata.nbgrader["points"] == 1
        assert ex.call in test.source and "assert" in test.source
    written = [c for c in cells if c.cell_type == "markdown" and c.metadata.nbgrader["grade"]]
    assert len(written) == len(notebook.written_questions(item.read(), item.number))
    assert all(c.metadata.nbgrader["solution"] for c in written)
    raw = _nbg(item, nbgrader_dir).read_text(encoding="utf-8")
    assert '"outputs": [{' not in raw and "widgets" not in json.loads(raw)["metadata"]


@pytest.mark.parametrize("item", LESSONS, ids=IDS)
def test_nbgrader_release_version_has_no_solutions(item, nbgrader_dir):
    pre = pytest.importorskip("nbgrader.preprocessors")
    nb = nbformat.read(_nbg(item, nbgrader_dir), as_version=4)
    nb, _ = pre.ClearSolutions().preprocess(nb, {})
    text = json.dumps(nb)
    for secret in _secrets(item.read()):
        assert secret not in text, secret


@pytest.mark.parametrize("item", LESSONS, ids=IDS)
def test_nbgrader_source_runs_and_its_tests_pass(item, nbgrader_dir):
    nb = nbformat.read(_nbg(item, nbgrader_dir), as_version=4)
    NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        kernel_manager_class=KernelManager,
        resources={"metadata": {"path": str(notebooks_dir())}},
    ).execute()
    tests = [
        c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"
    ]
    assert tests and all("✅" in json.dumps(c.outputs, ensure_ascii=False) for c in tests)


def test_export_nbgrader_command(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "koit_lessons", "export-nbgrader", str(tmp_path), LESSONS[0].number],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert _nbg(LESSONS[0], tmp_path).exists()


def test_export_nbgrader_keeps_a_teachers_edited_notebook(tmp_path):
    cmd = [sys.executable, "-m", "koit_lessons", "export-nbgrader", str(tmp_path), "00"]
    subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    target = _nbg(LESSONS[0], tmp_path)
    target.write_text("my edited source", encoding="utf-8")
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and f"kept   {target}" in again.stdout
    assert target.read_text(encoding="utf-8") == "my edited source"
    subprocess.run([*cmd, "--overwrite"], check=True, capture_output=True, timeout=120)
    assert target.read_text(encoding="utf-8") != "my edited source"


def test_nbgrader_generate_assignment_accepts_the_export(tmp_path):
    pytest.importorskip("nbgrader")
    classroom.export_nbgrader(tmp_path)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    for item in LESSONS:
        assignment = item.filename.removesuffix(".ipynb")
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "nbgrader",
                "generate_assignment",
                assignment,
                "--force",
                f"--CourseDirectory.root={tmp_path}",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=tmp_path,
            env=env,
        )
        assert out.returncode == 0, out.stderr[-2000:]
        release = (tmp_path / "release" / assignment / item.filename).read_text(encoding="utf-8")
        assert "BEGIN SOLUTION" not in release and "YOUR CODE HERE" in release
        for secret in _secrets(item.read()):
            assert secret not in release, secret


def _md(source, *tags):
    return {"cell_type": "markdown", "metadata": {"tags": list(tags)}, "source": source}


def test_rubrics_are_found_per_question_and_for_the_whole_lesson():
    nb = {
        "cells": [
            _md("### Think! one\nWhy?"),
            _md("Model one.", "solution"),
            _md("Rubric one: 2 points for a number.", "rubric", "teacher-only"),
            _md("### Think! two\nHow?"),
            _md("Model two.", "solution"),
            _md("## Capstone rubric\n| criterion | points |"),
        ],
        "metadata": {},
    }
    one, two = notebook.written_questions(nb, "09")
    assert (one.qid, one.title, one.model_answer) == ("09-think-1", "Think! one", "Model one.")
    assert one.rubric.startswith("Rubric one") and "Capstone rubric" in one.rubric
    assert two.rubric.startswith("## Capstone rubric")
    assert two.prompt == "### Think! two\nHow?"


def test_teacher_guide_covers_the_course_and_the_lessons_that_exist():
    guide = (Path(__file__).parents[1] / "docs" / "teacher-guide.md").read_text(encoding="utf-8")
    for number in [f"{n:02d}" for n in range(10)]:
        assert f"| {number} |" in guide, number
    existing = {item.number for item in LESSONS}
    for line in guide.splitlines():
        if line.startswith("| ") and "**available**" in line:
            assert line.split("|")[1].strip() in existing, line
    for plan in ("90-minute workshop", "two-week module", "in seven weeks", "50-minute periods"):
        assert plan in guide
    for word in (
        "Objectives",
        "Time",
        "Prerequisites",
        "Key figures",
        "misconceptions",
        "Discussion prompts",
        "Answer key",
    ):
        assert word in guide, word
