"""Grading a folder of submissions: every case a real class produces, and the batch
always completes. Fixture submissions are generated from the lesson itself
(tests/fixtures/make_submissions.py), so they follow the lesson when it changes."""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from koit_lessons import checks, grading, lessons, notebook
from koit_lessons.grading import sandbox

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from make_submissions import SPECIAL, Builder, make_case, make_submissions  # noqa: E402

LESSON = lessons.lessons()[0]  # grading runs kernels: one lesson is enough here
IDS = [e.qid for e in notebook.exercises(LESSON.read())]
TIMEOUT, CELL_TIMEOUT = 40, 8


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("submissions")
    made = make_submissions(folder, LESSON.number)
    # a cell that records where student code runs
    b = Builder(LESSON.number)
    where = tmp_path_factory.mktemp("where") / "pid.txt"
    nb = b.insert_code(
        b.notebook({q: "correct" for q in IDS}),
        f"import os\nopen({str(where)!r}, 'w').write(str(os.getpid()))",
    )
    (folder / f"records_pid_{LESSON.filename}").write_text(json.dumps(nb), encoding="utf-8")
    made["records_pid"] = f"records_pid_{LESSON.filename}"
    out = tmp_path_factory.mktemp("out") / "gradebook.csv"
    results = grading.grade(
        LESSON.number, folder, out, timeout=TIMEOUT, cell_timeout=CELL_TIMEOUT, jobs=2
    )
    by_file = {Path(r.file).name: r for r in results}
    return {case: by_file[name] for case, name in made.items()}, out, where, results


def _problems(r):
    return "; ".join(r.problems)


def test_every_submission_gets_a_row_and_the_batch_completes(graded):
    cases, out, _, results = graded
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == len(results) == len(cases) == len(SPECIAL) + 1
    assert list(rows[0]) == ["student", "file", *IDS, "total", "max", "problems", "protection"]
    for row in rows:
        assert float(row["total"]) == sum(float(row[q]) for q in IDS)
        assert row["max"] == str(len(IDS))


def test_all_correct_gets_full_points_and_no_problems(graded):
    r = graded[0]["all_correct"]
    assert r.total == len(IDS) and r.problems == []


def test_unanswered_and_wrong(graded):
    r = graded[0]["unanswered"]
    assert r.total == 0
    assert all(f"{q}: unanswered" in r.problems for q in IDS)
    r = graded[0]["wrong_values"]
    assert r.total == 0 and not any("unanswered" in p for p in r.problems)
    r = graded[0]["half_correct"]
    assert r.total == len(IDS) // 2


def test_pandas_and_numpy_answers_are_checked_like_in_the_notebook(graded):
    assert graded[0]["pandas_answers"].total == len(IDS)


def test_deleted_and_reordered_cells(graded):
    r = graded[0]["deleted_cell"]
    assert f"{IDS[0]}: exercise cell deleted" in _problems(r)
    assert r.points[IDS[0]] == 0 and r.total == len(IDS) - 1
    r = graded[0]["reordered"]
    assert "exercise cells are out of order" in _problems(r)


def test_renamed_file_is_graded_and_flagged(graded):
    r = graded[0]["renamed"]
    assert "renamed file (my homework (final).ipynb" in _problems(r)
    assert r.total == len(IDS) and r.student == "my homework (final)"


def test_invalid_json_other_lesson_and_not_a_notebook_are_not_run(graded):
    r = graded[0]["invalid_json"]
    assert "invalid JSON (line" in _problems(r) and r.total == 0 and r.seconds < 1
    r = graded[0]["other_lesson"]
    assert "another lesson" in _problems(r) and "not graded" in _problems(r) and r.total == 0
    r = graded[0]["not_a_notebook"]
    assert _problems(r) == "not a notebook (notes.txt); not graded"


def test_a_cell_that_raises_does_not_stop_the_notebook(graded):
    r = graded[0]["raises"]
    assert "raised ZeroDivisionError: division by zero" in _problems(r)
    assert r.total == len(IDS)  # later cells still ran


def test_a_syntax_error_names_the_line_of_the_cell_not_ipythons_file(graded):
    problems = _problems(graded[0]["syntax_error"])
    assert "raised SyntaxError" in problems and "line 2 of the cell)" in problems, problems
    assert ".py," not in problems


def test_endless_cell_is_stopped_and_the_rest_still_runs(graded):
    r = graded[0]["endless_cell"]
    assert f"ran longer than {CELL_TIMEOUT} s and was stopped" in _problems(r)
    assert r.total == len(IDS)


def test_endless_notebook_is_killed_at_the_time_limit(graded):
    r = graded[0]["endless_notebook"]
    assert f"timed out: the notebook ran longer than {TIMEOUT} s" in _problems(r)
    assert r.total == 0 and r.seconds < TIMEOUT + 20


def test_reading_the_answer_key_withholds_points(graded):
    r = graded[0]["prints_answers"]
    assert "reads the answer key" in _problems(r) and "points withheld" in _problems(r)
    assert r.total == 0


def test_fake_check_output_and_patched_check_earn_nothing(graded):
    for case in ("fake_output", "patches_check"):
        r = graded[0][case]
        assert r.total == 0, case
    assert "imitates check output" in _problems(graded[0]["fake_output"])
    assert "patches check()" in _problems(graded[0]["patches_check"])
    # the grader's own checker is untouched
    assert checks.check.__module__ == "koit_lessons.checks"
    assert checks.check(IDS[0], ...).status == checks.UNANSWERED


def test_a_dying_kernel_is_reported(graded):
    r = graded[0]["kernel_dies"]
    assert "answers could not be read" in _problems(r) and r.total == 0


def test_student_code_never_runs_in_the_grader_process(graded):
    _, _, where, _ = graded
    r = graded[0]["records_pid"]
    if sandbox.detect().sandboxed:
        # the sandbox shows student code nothing of the grader's folders
        assert not where.exists()
        assert "FileNotFoundError" in _problems(r)
    else:
        assert int(where.read_text()) != os.getpid()
    assert r.total == len(IDS)


def test_written_answers_one_file_per_question_side_by_side(graded):
    _, out, _, results = graded
    folder = out.with_name(out.stem + "_written")
    questions = notebook.written_questions(LESSON.read(), LESSON.number)
    assert questions
    for q in questions:
        md = (folder / f"{q.qid}.md").read_text(encoding="utf-8")
        assert q.prompt.strip() in md and q.model_answer.strip() in md
        assert "### all_correct" in md and "Because two importers share one risk." in md
        rows = list(csv.DictReader((folder / f"{q.qid}.csv").open(encoding="utf-8")))
        answers = {row["student"]: row["answer"] for row in rows}
        assert answers["all_correct"] == "Because two importers share one risk."
        assert answers["unanswered"] == "(no answer)"
        assert notebook.ANSWER_BOX not in md
    assert f"{questions[0].qid}: no written answer" in graded[0]["unanswered"].problems


# -- fast unit tests (no kernel) ---------------------------------------------------------


def test_find_submissions_understands_both_layouts(tmp_path):
    (tmp_path / "alice").mkdir()
    (tmp_path / "alice" / LESSON.filename).write_text("{}")
    (tmp_path / "alice" / "data.csv").write_text("x")
    (tmp_path / f"bob_{LESSON.filename}").write_text("{}")
    (tmp_path / ".ipynb_checkpoints").mkdir()
    (tmp_path / ".ipynb_checkpoints" / "x.ipynb").write_text("{}")
    found = grading.find_submissions(tmp_path, LESSON)
    assert [s for s, _ in found] == ["alice", "bob"]


def test_decoding_mirrors_the_notebook_values():
    arr = grading.decode({"__koit__": "array", "values": [1.5], "item": 1.5, "one": True})
    assert arr.size == 1 and arr.item() == 1.5 and list(arr) == [1.5]
    assert grading.decode({"__koit__": "ellipsis"}) is Ellipsis
    assert grading.decode({"__koit__": "tuple", "values": ["a"]}) == ("a",)
    assert "DataFrame" in repr(grading.decode({"__koit__": "other", "type": "DataFrame"}))


def test_one_case_without_a_kernel(tmp_path):
    name, content = make_case(Builder(LESSON.number), "invalid_json")
    (tmp_path / name).write_text(content, encoding="utf-8")
    r = grading.grade_one(tmp_path / name, "x", LESSON)
    assert r.total == 0 and "invalid JSON" in r.problems[0]


def test_grade_errors_are_friendly(tmp_path):
    with pytest.raises(grading.KoitError, match="holds no submissions"):
        grading.grade(LESSON.number, tmp_path, tmp_path / "g.csv")
    with pytest.raises(grading.KoitError, match="not a folder"):
        grading.grade(LESSON.number, tmp_path / "missing", tmp_path / "g.csv")
    with pytest.raises(grading.KoitError, match="must be more than 0"):
        grading.grade(LESSON.number, tmp_path, tmp_path / "g.csv", timeout=0)


def test_grade_command(tmp_path):
    subs = tmp_path / "subs"
    subs.mkdir()
    b = Builder(LESSON.number)
    for case in ("all_correct", "invalid_json"):
        name, content = make_case(b, case)
        (subs / name).write_text(content, encoding="utf-8")
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "koit_lessons",
            "grade",
            LESSON.number,
            str(subs),
            "--out",
            str(tmp_path / "book.csv"),
            "--timeout",
            "60",
            "--feedback",
            str(tmp_path / "feedback"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    assert "2 submissions graded" in out.stdout
    assert "2 feedback pages in" in out.stdout
    assert len(list((tmp_path / "feedback").glob("*.html"))) == 2
    rows = list(csv.DictReader((tmp_path / "book.csv").open(encoding="utf-8")))
    assert {r["student"]: r["total"] for r in rows} == {
        "all_correct": str(len(IDS)),
        "invalid_json": "0",
    }
    bad = subprocess.run(
        [sys.executable, "-m", "koit_lessons", "grade", "99", str(subs)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 2 and "no lesson called '99'" in bad.stderr
    lonely = subprocess.run(
        [sys.executable, "-m", "koit_lessons", "grade", "00", str(subs), "--show-answers"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert lonely.returncode == 2 and "--show-answers goes with --feedback" in lonely.stderr


def test_written_answers_are_read_below_the_prompt():
    teacher = LESSON.read()
    questions = notebook.written_questions(teacher, LESSON.number)
    nb = notebook.student_version(teacher)
    cells = nb["cells"]
    q = questions[0]
    at = next(i for i, c in enumerate(cells) if "".join(c["source"]) == q.prompt)
    # the student kept the box line, wrote below it, and added a second cell
    cells[at + 1]["source"] = notebook.ANSWER_BOX + "\n\nFirst part."
    cells.insert(at + 2, {"cell_type": "markdown", "metadata": {}, "source": "Second part."})
    answers = notebook.written_answers(nb, teacher, questions)
    assert answers[q.qid] == "First part.\n\nSecond part."
    assert all(answers[w.qid] == "" for w in questions[1:])
    del cells[at]  # the prompt is gone
    assert notebook.written_answers(nb, teacher, questions)[q.qid] is None


def test_gradebook_cells_are_never_spreadsheet_formulas(tmp_path):
    r = grading.Result("=cmd|' /C calc'!A0", "=x.ipynb", {IDS[0]: 1}, ["-1 problems"])
    grading.write_gradebook([r], IDS, tmp_path / "g.csv")
    row = next(csv.DictReader((tmp_path / "g.csv").open(encoding="utf-8")))
    assert row["student"].startswith("'=") and row["file"] == "'=x.ipynb"
    assert row["problems"] == "'-1 problems" and row["total"] == "1"


def test_a_notebook_from_another_course_is_not_run(tmp_path):
    # a small static fixture: a notebook with no koit metadata and no lesson exercises
    # (stored as .json so that nbval does not collect it as a notebook to test)
    path = tmp_path / f"carol_{LESSON.filename}"
    path.write_bytes((Path(__file__).parent / "fixtures" / "foreign_course.json").read_bytes())
    r = grading.grade_one(path, "carol", LESSON)
    assert f"this is not lesson {LESSON.number}" in _problems(r) and r.total == 0
    assert r.seconds == 0.0  # never started a kernel


def test_shell_escapes_and_magics_are_not_run(graded):
    r = graded[0]["shell_escape"]
    assert "runs shell commands or magics (not run)" in _problems(r)
    assert r.total == len(IDS) and "raised" not in _problems(r)


def test_the_answers_file_keeps_each_value_status_and_diagnosis(graded):
    from koit_lessons.grading.report import ANSWERS_HEADER, answers_path

    cases, out, _, results = graded
    with answers_path(out).open(encoding="utf-8") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == ANSWERS_HEADER
        rows = list(reader)
    assert len(rows) == len(results) * len(IDS)
    mine = {r["question"]: r for r in rows if r["file"] == cases["wrong_values"].file}
    for q in IDS:
        assert mine[q]["status"] == "incorrect" and mine[q]["diagnosis"], mine[q]
    right = {r["question"]: r for r in rows if r["file"] == cases["all_correct"].file}
    assert {r["status"] for r in right.values()} == {"correct"}
    assert right["00-lithium-top"]["answer"] == "'Australia'"
    left = {r["question"]: r for r in rows if r["file"] == cases["unanswered"].file}
    assert {r["status"] for r in left.values()} <= {"unanswered", "missing"}
    not_run = {r["status"] for r in rows if r["file"] == cases["invalid_json"].file}
    assert not_run == {"not-read"}


def test_a_real_batch_feeds_the_report_and_the_feedback_pages(graded, tmp_path):
    from koit_lessons.grading import analysis, feedback

    cases, out, _, results = graded
    a = analysis.item_analysis(out)
    assert a.students == len(results)
    pages = feedback.write_feedback(out, tmp_path / "fb")
    assert len(pages) == len(results)
    text = "".join(p.read_text(encoding="utf-8") for p in pages)
    assert "<script" not in text and "Expected" not in text


def test_frames_charts_and_choices_are_graded_in_a_real_kernel(tmp_path):
    """Issue 20: lesson 04's own-code and choice items, graded from submitted notebooks."""
    lesson = lessons.lesson("04")
    right = lesson.read()
    wrong = json.loads(json.dumps(right))
    for cell in wrong["cells"]:
        text = notebook.cell_text(cell)
        if 'check("04-alumina-chart"' in text:
            text = text.replace('alumina_chart.set_title("Who refined alumina in 2024?")\n', "")
        if 'check("04-stages-reading"' in text:
            text = text.replace('stages_reading = "b"', 'stages_reading = "a"')
        if 'check("04-copper-refiners"' in text:
            text = text.replace('["share_pct"] > 5]', '["share_pct"] > 2]')
        cell["source"] = text
    folder = tmp_path / "subs"
    for name, nb in (("ann", right), ("bob", wrong)):
        (folder / name).mkdir(parents=True)
        (folder / name / lesson.filename).write_text(json.dumps(nb), encoding="utf-8")
    out = tmp_path / "book.csv"
    grading.grade("04", folder, out, timeout=120, cell_timeout=60, jobs=1)
    answers = {
        (r["student"], r["question"]): r
        for r in csv.DictReader((tmp_path / "book_answers.csv").open(encoding="utf-8"))
    }
    for qid in ("04-copper-refiners", "04-alumina-chart", "04-stages-reading"):
        assert answers[("ann", qid)]["status"] == "correct", qid
    assert answers[("bob", "04-alumina-chart")]["diagnosis"] == "no-title"
    assert answers[("bob", "04-stages-reading")]["diagnosis"] == "miner-is-refiner"
    assert answers[("bob", "04-copper-refiners")]["diagnosis"] == "extra-rows"
    assert answers[("ann", "04-alumina-chart")]["answer"].startswith("<barh chart of")
