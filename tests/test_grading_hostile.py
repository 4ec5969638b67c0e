"""Hostile submissions graded in one batch with honest ones (tests/fixtures/hostile.py),
a grader killed mid-batch and resumed, and the sandbox's walls one by one.

The corpus needs the sandbox (bubblewrap): without it student code runs with the
grading user's rights and the destructive cases would do real damage, so the test is
skipped unless bubblewrap works here, and fails instead when KOIT_REQUIRE_SANDBOX=1
(set by .ci/run, which installs bubblewrap).
"""

import csv
import hashlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from koit_lessons import grading, lessons, notebook
from koit_lessons.grading import collect, integrity, sandbox

sys.path.insert(0, str(Path(__file__).parent / "fixtures"))
from hostile import make_corpus  # noqa: E402
from make_submissions import Builder, make_case  # noqa: E402

LESSON = lessons.lessons()[0]
IDS = [e.qid for e in notebook.exercises(LESSON.read())]


def _need_sandbox():
    if not sandbox.detect().sandboxed:
        if os.environ.get("KOIT_REQUIRE_SANDBOX") == "1":
            pytest.fail(f"the sandbox is required here: {sandbox.detect().reason}")
        pytest.skip(f"no sandbox here: {sandbox.detect().reason}")


def _snapshot(folder: Path) -> dict[str, str]:
    out = {}
    for root, dirs, files in os.walk(folder):
        for name in files + dirs:
            p = Path(root, name)
            if p.is_symlink():
                out[str(p)] = "link:" + os.readlink(p)
            elif p.is_file():
                out[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
            elif p.is_dir():
                out[str(p)] = "dir"
            else:
                out[str(p)] = "other"
    return out


def _processes() -> dict[int, str]:
    found = {}
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                found[int(pid)] = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
            except OSError:
                pass
    return found


def _temp_folders() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("koit-grade-*")}


@pytest.fixture(scope="module")
def batch(tmp_path_factory):  # the corpus tests are marked slow (about 3 minutes)
    _need_sandbox()
    subs = tmp_path_factory.mktemp("hostile") / "submissions"
    expect = make_corpus(subs, LESSON.number)
    before = _snapshot(subs.parent)
    fingerprint = integrity.fingerprint()
    procs = set(_processes())
    temps = _temp_folders()
    out = tmp_path_factory.mktemp("book") / "gradebook.csv"
    started = time.monotonic()
    results = grading.grade(LESSON.number, subs, out, timeout=40, cell_timeout=6, jobs=2)
    return {
        "expect": expect,
        "results": {r.file: r for r in results},
        "out": out,
        "subs": subs,
        "before": before,
        "after": _snapshot(subs.parent),
        "fingerprint": fingerprint,
        "procs": procs,
        "temps": temps,
        "seconds": time.monotonic() - started,
    }


@pytest.mark.slow
def test_the_corpus_is_large_and_the_batch_completes(batch):
    assert len(batch["expect"]) >= 50
    rows = list(csv.DictReader(batch["out"].open(encoding="utf-8")))
    assert len(rows) == len(batch["expect"]) == len(batch["results"])
    assert {r["protection"] for r in rows} == {"sandbox"}


@pytest.mark.slow
@pytest.mark.parametrize("who", ["cheats", "honest"])
def test_every_cheat_scores_zero_and_every_honest_submission_full_marks(batch, who):
    wrong = []
    for name, want in batch["expect"].items():
        r = batch["results"][collect._clean(name)]
        full = len(IDS) if want.points is None else want.points
        honest = name.startswith("z")
        if (who == "honest") != honest:
            continue
        if r.total != full:
            wrong.append(f"{name}: {r.total} points, expected {full} ({'; '.join(r.problems)})")
    assert not wrong, "\n".join(wrong)


@pytest.mark.slow
def test_each_cheat_gets_a_problem_line_that_names_it(batch):
    missing = []
    for name, want in batch["expect"].items():
        r = batch["results"][collect._clean(name)]
        said = "; ".join(r.problems)
        if want.problem and not any(p in said for p in want.problem.split(" | ")):
            missing.append(f"{name}: wanted {want.problem!r}, got {'; '.join(r.problems)!r}")
    assert not missing, "\n".join(missing)


@pytest.mark.slow
def test_the_installed_package_is_unchanged(batch):
    assert integrity.fingerprint().changes(batch["fingerprint"]) == []
    integrity.verify_installed()  # raises if the package differs from its install record
    assert not Path("/tmp/pwned").exists()


@pytest.mark.slow
def test_no_file_outside_the_grader_temp_space_changed(batch):
    assert batch["after"] == batch["before"]


@pytest.mark.slow
def test_no_process_and_no_temporary_folder_is_left(batch):
    time.sleep(0.5)
    new = {p: c for p, c in _processes().items() if p not in batch["procs"]}
    left = {  # ours only: other programs on this machine may run kernels too
        p: c
        for p, c in new.items()
        if (sys.executable in c and ("ipykernel" in c or "_launch.py" in c))
        or c.startswith("sleep\x00600")
        or ("bwrap" in c and "koit-grade-" in c)
    }
    assert not left
    low, high = sandbox.UID_RANGE  # the kernels' own user ids, when grading as root
    for p in new:
        try:
            assert not low <= os.stat(f"/proc/{p}").st_uid < high, new[p]
        except FileNotFoundError:
            pass
    assert _temp_folders() <= batch["temps"]


# -- the grader killed mid-batch, then resumed ------------------------------------------


def _grade_cmd(subs, out, *extra):
    return [
        sys.executable, "-m", "koit_lessons", "grade", LESSON.number, str(subs),
        "--out", str(out), "--jobs", "1", "--timeout", "60", *extra,
    ]  # fmt: skip


def test_a_killed_batch_resumes_and_every_row_is_there_once(tmp_path):
    subs = tmp_path / "subs"
    subs.mkdir()
    b = Builder(LESSON.number)
    cases = ["all_correct", "unanswered", "half_correct", "wrong_values", "raises", "renamed"]
    for case in cases:
        name, content = make_case(b, case)
        (subs / name).write_text(content, encoding="utf-8")
    out = tmp_path / "book.csv"
    proc = subprocess.Popen(_grade_cmd(subs, out), stdout=subprocess.PIPE, text=True)
    graded = 0
    for line in proc.stdout:
        graded += line.startswith("graded ")
        if graded == 2:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=60)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert 2 <= len(rows) < len(cases)
    again = subprocess.run(_grade_cmd(subs, out), capture_output=True, text=True, timeout=300)
    assert again.returncode == 2 and "--resume" in again.stderr  # never replaced silently
    done = subprocess.run(
        _grade_cmd(subs, out, "--resume"), capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    files = sorted(r["file"] for r in rows)
    assert files == sorted(p.name for p in subs.iterdir())  # each exactly once
    totals = {r["student"]: r["total"] for r in rows}
    assert totals["all_correct"] == str(len(IDS)) and totals["unanswered"] == "0"
    written = out.with_name("book_written")
    md = (written / "00-think-1.md").read_text(encoding="utf-8")
    assert md.count("### all_correct") == 1  # written answers of both runs, once each
    # the killed run's temporary folder is gone (removed by the next run)
    assert not list(Path(tempfile.gettempdir()).glob(f"koit-grade-{proc.pid}-*"))
    time.sleep(0.5)
    assert not [
        c for c in _processes().values() if "ipykernel_launcher" in c and str(tmp_path) in c
    ]


def test_the_gradebook_is_never_written_into_the_submissions_or_over_a_file(tmp_path):
    subs = tmp_path / "subs"
    subs.mkdir()
    name, content = make_case(Builder(LESSON.number), "all_correct")
    (subs / name).write_text(content, encoding="utf-8")
    with pytest.raises(grading.KoitError, match="inside the submissions folder"):
        grading.grade(LESSON.number, subs, subs / "book.csv")
    mine = tmp_path / "my_notes.ipynb"
    mine.write_text("{}")
    with pytest.raises(grading.KoitError, match="exists already"):
        grading.grade(LESSON.number, subs, mine)
    assert mine.read_text() == "{}"


def test_a_changed_package_is_refused_before_grading(tmp_path, monkeypatch):
    def changed():
        raise grading.KoitError(
            "The installed koit-lessons package was changed after it was installed"
        )

    monkeypatch.setattr(integrity, "verify_installed", changed)
    with pytest.raises(grading.KoitError, match="was changed"):
        grading.grade(LESSON.number, tmp_path, tmp_path.parent / "book.csv")


def test_require_sandbox_refuses_without_it(tmp_path, monkeypatch):
    weak = sandbox._weak("bubblewrap (bwrap) is not installed")
    monkeypatch.setattr(sandbox, "detect", lambda *a, **k: weak)
    with pytest.raises(grading.KoitError, match="sandbox is required"):
        grading.grade(LESSON.number, tmp_path, tmp_path / "b.csv", require_sandbox=True)


def test_without_the_sandbox_grading_still_works_and_says_so(tmp_path, monkeypatch):
    weak = sandbox._weak("bubblewrap (bwrap) is not installed")
    monkeypatch.setattr(sandbox, "detect", lambda *a, **k: weak)
    subs = tmp_path / "subs"
    subs.mkdir()
    b = Builder(LESSON.number)
    for case in ("all_correct", "unanswered"):
        name, content = make_case(b, case)
        (subs / name).write_text(content, encoding="utf-8")
    nb = b.insert_code(
        b.notebook({q: "correct" for q in IDS}),
        "import subprocess\nsubprocess.Popen(['setsid', 'sleep', '600'])",
    )
    (subs / f"spawns_{LESSON.filename}").write_text(__import__("json").dumps(nb))
    out = tmp_path / "book.csv"
    results = {r.student: r for r in grading.grade(LESSON.number, subs, out, jobs=2)}
    assert results["all_correct"].total == len(IDS) and results["unanswered"].total == 0
    assert "killed" in "; ".join(results["spawns"].problems)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {r["protection"] for r in rows} == {"processes"}
    time.sleep(0.5)
    assert not [c for c in _processes().values() if c.startswith("sleep\x00600")]
