"""Each grading stage on its own (collect, prepare, sandbox, run, score, report), without
a batch: fast tests of what the whole-batch tests rely on."""

import asyncio
import csv
import json
import os
import sys
from pathlib import Path

import pytest

from koit_lessons import checks, lessons, notebook
from koit_lessons.grading import collect, integrity, prepare, report, run, sandbox, score

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from make_submissions import Builder  # noqa: E402

LESSON = lessons.lesson("00")
TEACHER = LESSON.read()
EXERCISES = notebook.exercises(TEACHER)
QUESTIONS = notebook.written_questions(TEACHER, "00")


# -- collect ------------------------------------------------------------------------------


def test_collect_reads_files_and_skips_what_is_not_one(tmp_path):
    (tmp_path / "alice").mkdir()
    (tmp_path / "alice" / LESSON.filename).write_text("{}")
    (tmp_path / f"bob_{LESSON.filename}").write_text("[]")
    os.symlink("/etc/hostname", tmp_path / f"carol_{LESSON.filename}")
    os.mkfifo(tmp_path / f"dan_{LESSON.filename}")
    (tmp_path / ".hidden.ipynb").write_text("{}")
    subs = {s.student: s for s in collect.collect(tmp_path, LESSON)}
    assert sorted(subs) == ["alice", "bob", "carol", "dan"]
    assert subs["alice"].data == b"{}" and len(subs["alice"].sha256) == 64
    assert subs["alice"].file == f"alice/{LESSON.filename}"
    assert subs["carol"].data is None and "a link" in subs["carol"].problem
    assert subs["dan"].data is None and "not a regular file" in subs["dan"].problem


def test_collect_refuses_files_too_large_to_be_a_notebook(tmp_path, monkeypatch):
    monkeypatch.setattr(collect, "MAX_BYTES", 10)
    (tmp_path / f"eve_{LESSON.filename}").write_text("x" * 11)
    (sub,) = collect.collect(tmp_path, LESSON)
    assert sub.data is None and "too large" in sub.problem


def test_names_with_control_characters_are_shown_on_one_line(tmp_path):
    (tmp_path / f"fay\nx_{LESSON.filename}").write_text("{}")
    (sub,) = collect.collect(tmp_path, LESSON)
    assert sub.student == "fay?x" and "\n" not in sub.file


# -- prepare ------------------------------------------------------------------------------


def _prepared(data: bytes, name: str = LESSON.filename) -> prepare.Prepared:
    sub = collect.Submission("s", name, data, "")
    return prepare.prepare(sub, LESSON, TEACHER, EXERCISES, QUESTIONS)


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"\xff\xfe\x00garbage", "not a text file"),
        (b'{"cells": [', "invalid JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"cells": [{"cell_type": "code", "source": 5}]}', "not a Jupyter notebook"),
        (b'{"cells": "none"}', "not a Jupyter notebook"),
    ],
)
def test_prepare_does_not_run_what_is_not_a_notebook(data, problem):
    p = _prepared(data)
    assert problem in p.not_run and p.notebook is None


def test_prepare_builds_code_only_with_the_grader_cell_last():
    b = Builder("00")
    nb = b.insert_code(b.notebook({}), "!rm -rf ~\nx = 1")
    p = _prepared(json.dumps(nb).encode())
    assert not p.not_run
    sources = [c.source for c in p.notebook.cells]
    assert "# (not run by the grader) !rm -rf ~" in "\n".join(sources)
    assert p.marker in sources[-1] and p.marker.startswith("KOIT-")
    assert len(p.notebook.cells) == len(p.code) + 1
    assert set(p.positions) == {e.qid for e in EXERCISES}


def test_prepare_cuts_a_huge_written_answer():
    b = Builder("00")
    p = _prepared(json.dumps(b.notebook({}, written="w" * 50_000)).encode())
    q = QUESTIONS[0].qid
    assert len(p.written[q]) < prepare.MAX_WRITTEN + 10
    assert any("written answer too large" in x for x in p.written_problems)


# -- sandbox and run ----------------------------------------------------------------------


def test_limits_and_the_kernel_command():
    limits = sandbox.Limits(memory_mb=512)
    text = limits.rlimits(30, nproc=True, orphan=True)
    assert "as=536870912" in text and "nproc=128" in text and "orphan=1" in text
    weak = sandbox._weak("none here")
    cmd = sandbox.kernel_command(weak, "/j", 61000, limits, 30, ["python", "-m", "k"])
    assert cmd[:2] == [sys.executable, str(sandbox.LAUNCH)] and cmd[-3:] == ["python", "-m", "k"]
    assert "bwrap" not in cmd
    env = sandbox.clean_env("/h", "tok")
    assert env["HOME"] == "/h" and env["KOIT_GRADE_JOB"] == "tok" and "HOSTNAME" not in env


def test_the_kernel_environment_holds_nothing_of_the_graders(monkeypatch):
    monkeypatch.setenv("GITHUB_TOKEN", "secret")
    assert "GITHUB_TOKEN" not in sandbox.clean_env("/h")


@pytest.mark.parametrize(
    "ename, evalue, said",
    [
        ("MemoryError", "", "hit the memory limit"),
        ("BlockingIOError", "[Errno 11] Resource temporarily unavailable", "process limit"),
        ("OSError", "[Errno 27] File too large", "file size limit"),
        ("OSError", "[Errno 28] No space left on device", "disk limit"),
        ("URLError", "<urlopen error>", "network"),
        ("ZeroDivisionError", "division by zero", "raised ZeroDivisionError: division by zero"),
    ],
)
def test_errors_are_named_by_the_wall_they_hit(ename, evalue, said):
    assert said in run.describe_error(ename, evalue)


def test_a_kernel_runs_and_its_leftovers_are_killed(tmp_path):
    import nbformat

    cells = [
        "import subprocess\np = subprocess.Popen(['sleep', '600'])",
        "y = 6 * 7",
        "print('done', y)",
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    protection = sandbox.detect()
    result = asyncio.run(
        run.run_notebook(
            nb,
            tmp_path / "job",
            protection=protection,
            limits=sandbox.Limits(),
            uid=sandbox.job_uids(1)[0],
            timeout=60,
            cell_timeout=30,
        )
    )
    assert result.dump == "done 42\n" and result.errors == {} and result.leftover == 1
    assert not (tmp_path / "job").exists()


def test_an_error_whose_output_is_lost_is_read_from_the_execute_reply(tmp_path, monkeypatch):
    """Regression (seen once in CI, under load): a cell that printed without end and then
    failed had its error output lost on the flooded iopub channel, and the gradebook said
    nothing about it. The execute reply on the shell channel still names the error."""
    import nbformat

    real_output = run._Client.output

    def drop_errors(self, outs, msg, display_id, cell_index):  # a flooded iopub channel
        if msg["msg_type"] == "error":
            return None
        return real_output(self, outs, msg, display_id, cell_index)

    monkeypatch.setattr(run._Client, "output", drop_errors)
    cells = ["x = 1", "raise MemoryError('too much output')", "print('done', x)"]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    result = asyncio.run(
        run.run_notebook(
            nb,
            tmp_path / "job",
            protection=sandbox.detect(),
            limits=sandbox.Limits(),
            uid=sandbox.job_uids(1)[0],
            timeout=60,
            cell_timeout=30,
        )
    )
    assert result.errors == {1: ("MemoryError", "too much output")}
    assert result.dump == "done 1\n"


# -- score --------------------------------------------------------------------------------


def test_the_answer_key_is_computed_before_and_never_read_again(monkeypatch):
    key = score.AnswerKey(EXERCISES)
    qid = EXERCISES[0].qid
    right = checks.expected(qid)

    def poisoned(*a, **k):
        raise AssertionError("the key was read again")

    monkeypatch.setattr(checks, "_get", poisoned)
    monkeypatch.setattr(checks, "expected", poisoned)
    assert key.judge(qid, right).correct
    assert not key.judge(qid, "Atlantis").correct


def test_decoding_rebuilds_values():
    arr = score.decode({"__koit__": "array", "values": [1.5], "item": 1.5, "one": True})
    assert arr.size == 1 and arr.item() == 1.5
    assert score.decode({"__koit__": "missing"}) is score.MISSING


# -- report -------------------------------------------------------------------------------


def test_the_gradebook_is_appended_and_resumed(tmp_path):
    ids = ["q1", "q2"]
    path = tmp_path / "book.csv"
    book = report.Gradebook(path, ids, "sandbox", tmp_path / "w")
    book.add(score.Result("ann", "ann.ipynb", {"q1": 1, "q2": 0}, written={"t": "A"}))
    book.close()
    with open(path, "ab") as f:  # a row cut off by a kill
        f.write(b"bob,bob.ipynb,1")
    with pytest.raises(Exception, match="exists already"):
        report.Gradebook(path, ids, "sandbox", tmp_path / "w")
    book = report.Gradebook(path, ids, "sandbox", tmp_path / "w", resume=True)
    assert book.done == {"ann.ipynb"}
    book.add(score.Result("bob", "bob.ipynb", {"q1": 1, "q2": 1}))
    book.close()
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert [r["student"] for r in rows] == ["ann", "bob"] and rows[1]["total"] == "2"
    assert [r.student for r in book.written([])] == ["ann"]


def test_integrity_notices_a_changed_file(tmp_path, monkeypatch):
    pkg = tmp_path / "koit_lessons"
    pkg.mkdir()
    (pkg / "a.py").write_text("x = 1")
    monkeypatch.setattr(integrity, "PACKAGE", pkg)
    before = integrity.fingerprint()
    (pkg / "a.py").write_text("x = 2")
    (pkg / "b.py").write_text("")
    assert [Path(p).name for p in before.changes(integrity.fingerprint())] == ["a.py", "b.py"]
