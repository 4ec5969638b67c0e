"""Notebook hygiene, and the student versions: no solutions, and they run unanswered.

The teacher notebooks themselves are run by nbval (``pytest --nbval``), which
compares every stored output with a fresh run.
"""

import json
import re
import subprocess
import sys

import nbformat
import pytest
from nbclient import NotebookClient

from koit_lessons import lessons, notebook
from koit_lessons._kernel import KernelManager
from koit_lessons.resources import notebooks_dir

LESSONS = lessons.lessons()
IDS = [item.number for item in LESSONS]
IGNORE_TAG = "nbval-ignore-output"


def _code(nb):
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def _text(cell):
    src = cell["source"]
    return "".join(src) if isinstance(src, list) else src


@pytest.mark.parametrize("item", LESSONS, ids=IDS)
def test_metadata_and_kernel(item):
    nb = item.read()
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert item.title and 20 <= item.minutes <= 120


@pytest.mark.parametrize("item", LESSONS, ids=IDS)
def test_executed_in_order_without_errors(item):
    cells = _code(item.read())
    assert [c["execution_count"] for c in cells] == list(range(1, len(cells) + 1))
    for c in cells:
        assert all(o["output_type"] != "error" for o in c["outputs"]), _text(c)[:60]


@pytest.mark.parametrize("item", LESSONS, ids=IDS)
def test_no_private_paths_or_debug_leftovers(item):
    raw = (notebooks_dir() / item.filename).read_text(encoding="utf-8")
    for pattern in (r"/home/\w+", r"/root/", r"/work/", r"/tmp/", r"C:\\\\Users", r"site-packages"):
        assert not re.search(pattern, raw), pattern
    for c in _code(item.read()):
        src = _text(c)
        assert "breakpoint()" not in src and "import pdb" not in src
        assert not re.search(r"^\s*print\(\s*['\"]debug", src, re.M | re.I)


@pytest.mark.parametrize("item", LESSONS, ids=IDS)
def test_ignored_outputs_are_only_widget_cells(item):
    for c in _code(item.read()):
        if IGNORE_TAG in c["metadata"].get("tags", []) or "NBVAL_IGNORE_OUTPUT" in _text(c):
            assert any("widget-view" in json.dumps(o) for o in c["outputs"]), _text(c)[:60]


@pytest.mark.parametrize("item", LESSONS, ids=IDS)
def test_every_exercise_has_placeholder_solution_and_check(item):
    exercises = [c for c in _code(item.read()) if "### BEGIN SOLUTION" in _text(c)]
    assert len(exercises) >= 2
    for c in exercises:
        src = _text(c)
        assert re.search(r"^\w+ = \.\.\.$", src, re.M), src
        assert "check(" in src.split("### END SOLUTION")[-1]


@pytest.mark.parametrize("item", LESSONS, ids=IDS)
def test_student_version_contains_no_solution(item):
    teacher = item.read()
    student = json.dumps(notebook.student_version(teacher), ensure_ascii=False)
    for c in teacher["cells"]:
        src = _text(c)
        if c["cell_type"] == "code":
            for region in re.findall(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", src, re.S):
                for line in region.strip().splitlines():
                    assert line.strip() not in student, line
        elif "solution" in c["metadata"].get("tags", []):
            for sentence in re.split(r"(?<=[.!?])\s+", src):
                if len(sentence) > 25:
                    assert sentence not in student, sentence
    assert "BEGIN SOLUTION" not in student and '"outputs": [{' not in student


@pytest.fixture(scope="module")
def student_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("student")
    lessons.write_student_set(folder)
    return folder


@pytest.mark.parametrize("item", LESSONS, ids=IDS)
def test_student_version_runs_unanswered(item, student_dir):
    nb = nbformat.read(student_dir / item.filename, as_version=4)
    NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        kernel_manager_class=KernelManager,
        resources={"metadata": {"path": str(student_dir)}},
    ).execute()
    feedback = [
        json.dumps(o)
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if "[" + item.number + "-" in json.dumps(o)
    ]
    assert feedback, "no check output found"
    assert all("Not answered yet" in f for f in feedback)
    # every figure of the lesson is shown, the first one too (nbval does not compare
    # images, so a figure that silently fails to appear would pass unnoticed otherwise)
    assert _figures(nb) == _figures(item.read())


def _figures(nb) -> int:
    return sum("image/png" in o.get("data", {}) for c in _code(nb) for o in c["outputs"])


def test_student_set_passes_nbval_lax(student_dir):
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--nbval-lax",
            "--nbval-current-env",
            "-q",
            "-p",
            "no:cacheprovider",
            "-o",
            "addopts=",
            "--rootdir",
            str(student_dir),
            str(student_dir),
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert out.returncode == 0, out.stdout[-3000:]
    assert f"{len(LESSONS)} passed" in out.stdout or "passed" in out.stdout
