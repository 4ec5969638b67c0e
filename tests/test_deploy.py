"""The classroom deployment paths: the Binder environment and the one-click links."""

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from koit_lessons import deploy, lessons
from koit_lessons.errors import KoitError

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).resolve().parents[1]
BINDER = ROOT / "binder"


def _requirements(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    return sorted(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def test_binder_installs_the_same_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    # plus nbgitpuller from the hub extra: the image is also a JupyterHub single-user image
    pulled = [r for r in project["optional-dependencies"]["hub"] if r.startswith("nbgitpuller")]
    assert len(pulled) == 1
    assert _requirements(BINDER / "requirements.txt") == sorted(project["dependencies"] + pulled)


def test_binder_postbuild_installs_the_package_and_hands_out_the_student_set():
    post = BINDER / "postBuild"
    assert os.access(post, os.X_OK)
    text = post.read_text(encoding="utf-8")
    assert text.startswith("#!/bin/bash") and "set -e" in text
    assert re.search(r"pip install .*--no-deps \.$", text, re.M)
    assert "koit_lessons handout --students" in text
    runtime = (BINDER / "runtime.txt").read_text(encoding="utf-8").strip()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = tuple(int(x) for x in re.findall(r"\d+", project["requires-python"]))
    assert re.fullmatch(r"python-3\.\d+", runtime)
    assert tuple(int(x) for x in runtime.removeprefix("python-").split(".")) >= wanted


def test_postbuild_handout_step_works(tmp_path):
    # the step Binder runs after installing, here into a temporary folder
    line = next(x for x in (BINDER / "postBuild").read_text().splitlines() if "handout" in x)
    args = line.split("koit_lessons", 1)[1].split()
    args[args.index("--students") + 1] = str(tmp_path / "work")
    out = subprocess.run(
        [sys.executable, "-m", "koit_lessons", *args], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert sorted(p.name for p in (tmp_path / "work").iterdir()) == [
        x.filename for x in lessons.lessons()
    ]


def test_nbgitpuller_link_is_a_valid_url_with_the_right_query():
    first = lessons.lessons()[0].filename
    link = deploy.nbgitpuller_link(
        "https://hub.example.edu/", "https://github.com/teacher/koit-class.git", path=first
    )
    parts = urlsplit(link)
    assert parts.scheme == "https" and parts.netloc == "hub.example.edu"
    assert parts.path == "/hub/user-redirect/git-pull"
    query = parse_qs(parts.query, strict_parsing=True)
    assert query == {
        "repo": ["https://github.com/teacher/koit-class.git"],
        "branch": ["main"],
        "urlpath": [f"lab/tree/koit-class/{first}"],
        # nbgitpuller would clone into koit-class.git: the link names the folder it opens
        "targetpath": ["koit-class"],
    }
    assert " " not in link and "://" not in parts.query  # fully percent-encoded


def test_nbgitpuller_link_options():
    link = deploy.nbgitpuller_link(
        "https://x.org/jupyter",
        "https://gitlab.com/a/b",
        branch="spring-2026",
        path="/lessons/",
        app="notebook",
        target="koit",
    )
    query = parse_qs(urlsplit(link).query)
    assert urlsplit(link).path == "/jupyter/hub/user-redirect/git-pull"
    assert query["branch"] == ["spring-2026"] and query["targetpath"] == ["koit"]
    assert query["urlpath"] == ["tree/koit/lessons"]
    # a hub address that already ends in /hub is not doubled
    assert "/hub/hub/" not in deploy.nbgitpuller_link("https://x.org/hub", "https://g.com/a/b")


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"hub": "hub.example.edu"}, "must be a web address"),
        ({"repo": "git@github.com:a/b.git"}, "must be a web address"),
        ({"branch": "a b"}, "not a valid branch"),
        ({"branch": "../x"}, "not a valid branch"),
        ({"app": "vscode"}, "Unknown app 'vscode'"),
    ],
)
def test_nbgitpuller_link_errors(kwargs, message):
    args = {"hub": "https://hub.example.edu", "repo": "https://github.com/a/b", **kwargs}
    with pytest.raises(KoitError, match=message):
        deploy.nbgitpuller_link(**args)


def test_binder_link():
    link = deploy.binder_link("https://github.com/owner/koit-lessons", path="koit-lessons-work")
    parts = urlsplit(link)
    assert parts.netloc == "mybinder.org" and parts.path == "/v2/gh/owner/koit-lessons/main"
    assert parse_qs(parts.query) == {"urlpath": ["lab/tree/koit-lessons-work"]}
    with pytest.raises(KoitError, match="GitHub repository"):
        deploy.binder_link("https://gitlab.com/owner/koit-lessons")


def test_link_command():
    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "koit_lessons", "link", *args],
            capture_output=True,
            text=True,
            timeout=60,
        )

    out = run("--hub", "https://hub.example.edu", "--repo", "https://github.com/t/c")
    assert out.returncode == 0 and out.stdout.startswith("https://hub.example.edu/hub/")
    out = run("--binder", "--repo", "https://github.com/t/c")
    assert out.returncode == 0 and out.stdout.startswith("https://mybinder.org/v2/gh/t/c/main")
    out = run("--repo", "https://github.com/t/c")
    assert out.returncode == 2 and "either --hub" in out.stderr and "Traceback" not in out.stderr
