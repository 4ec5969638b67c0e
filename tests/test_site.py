"""The course website's parts, without building it: the lesson pages (the student
version with the outputs a student sees), the data catalogue, the launch links and the
command line. ``tests/test_site_build.py`` builds the site and checks it in Chromium.
"""

import json
import re

import pytest

from koit_lessons import cli, data, lessons, notebook
from koit_lessons.resources import data_dir
from koit_lessons.site import Launch, catalogue, home
from koit_lessons.site.lesson_pages import WIDGET_MIME, figure_description, published_version

LESSONS = lessons.lessons()
IDS = [item.number for item in LESSONS]


def solution_texts(teacher: dict) -> list[str]:
    """What must never reach a student: each line of solution code, each sentence of a
    model answer, and the text of teacher-only and rubric cells (the leak test of the
    student version, ``tests/test_notebooks.py``, checks the same)."""
    found = []
    for c in teacher["cells"]:
        src = notebook.cell_text(c)
        tags = notebook.cell_tags(c)
        if c["cell_type"] == "code":
            for region in re.findall(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", src, re.S):
                found += [line.strip() for line in region.strip().splitlines() if line.strip()]
        if notebook.SOLUTION_TAG in tags or notebook.TEACHER_TAG in tags:
            found += [s for s in re.split(r"(?<=[.!?])\s+", src) if len(s) > 25]
    return found


@pytest.mark.parametrize("item", LESSONS, ids=IDS)
def test_lesson_page_has_no_solution(item):
    teacher = item.read()
    page = json.dumps(published_version(teacher, "https://example.org/live"), ensure_ascii=False)
    for text in solution_texts(teacher):
        # a solution line may be a plain expression a student also writes elsewhere
        # (e.g. "lithium"); lines and sentences of some length must not appear
        if len(text) > 25:
            assert json.dumps(text, ensure_ascii=False)[1:-1] not in page, text
    assert "BEGIN SOLUTION" not in page and "Correct!" not in page


@pytest.mark.parametrize("item", LESSONS, ids=IDS)
def test_lesson_page_keeps_the_outputs_a_student_sees(item):
    teacher = item.read()
    page = published_version(teacher, "https://example.org/live")
    student = notebook.student_version(teacher)
    assert [notebook.cell_text(c) for c in page["cells"]] == [
        notebook.cell_text(c) for c in student["cells"]
    ]
    exercises = {e.qid for e in notebook.exercises(teacher)}
    feedback = [
        o["data"]["text/plain"]
        for c in page["cells"]
        for o in c.get("outputs", [])
        if re.search(r"\[\d\d-[\w-]+\]", str(o.get("data", {}).get("text/plain", "")))
    ]
    assert len(feedback) == len(exercises)
    assert all("Not answered yet" in f or "Pick your topic" in f for f in feedback), feedback
    # every figure the lesson shows is on the page, a widget's default figure too
    figures = sum(
        "image/png" in o.get("data", {}) for c in page["cells"] for o in c.get("outputs", [])
    )
    widgets = sum(
        WIDGET_MIME in o.get("data", {}) for c in teacher["cells"] for o in c.get("outputs", [])
    )
    shown = sum(
        "image/png" in o.get("data", {}) for c in teacher["cells"] for o in c.get("outputs", [])
    )
    assert figures >= shown
    # a widget is a picture of its default state with a link to run it live
    text = json.dumps(page)
    assert WIDGET_MIME not in text
    assert text.count("shown here in its default state") == widgets
    assert text.count("(https://example.org/live)") == widgets


def test_figure_description_is_never_matplotlibs_repr():
    fig = {"data": {"text/plain": "<Figure size 800x450 with 1 Axes>", "image/png": "x"}}
    assert figure_description(fig) == ""
    fig["metadata"] = {"image/png": {"alt": "Bar chart of a, b."}}
    assert figure_description(fig) == "Bar chart of a, b."


def test_catalogue_lists_every_data_set_with_its_page_and_csv(tmp_path):
    names = catalogue.write_catalogue(tmp_path)
    assert names == data.names()
    index = (tmp_path / "index.md").read_text(encoding="utf-8")
    for name in names:
        res = data.describe(name)
        assert f"[`{name}`]({name}.md)" in index
        assert data.data_years(name) in index
        page = (tmp_path / f"{name}.md").read_text(encoding="utf-8")
        for heading in ("## Fields", "## Sources", "## Licence", "rows"):
            assert heading in page, (name, heading)
        for field in res["schema"]["fields"]:
            assert f"| `{field['name']}` | {field.get('type', '')} |" in page
        for source in res["sources"]:
            if source.get("path", "").startswith("http"):
                assert source["path"] in page
            if source.get("edition"):
                assert source["edition"] in page
        if res.get("notes"):
            assert "## Notes" in page
        if res.get("koit_status"):
            assert "## How current it is" in page
        assert f"<{res['path']}>`" in page  # the download link
        assert (tmp_path / res["path"]).read_bytes() == (data_dir() / res["path"]).read_bytes()


def test_catalogue_names_the_lessons_that_use_a_data_set(tmp_path):
    catalogue.write_catalogue(tmp_path)
    page = (tmp_path / "mineral_production.md").read_text(encoding="utf-8")
    assert "Used in lessons: [00](../lessons/00_start_here.ipynb)" in page
    index = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert "| Lessons |" in index


def test_catalogue_preview_shows_the_first_rows(tmp_path):
    catalogue.write_catalogue(tmp_path)
    page = (tmp_path / "mineral_production.md").read_text(encoding="utf-8")
    first = data.load("mineral_production").iloc[0]
    assert f"| {first['mineral']} | {first['country']} |" in page


def test_launch_links_come_from_deploy():
    from koit_lessons import deploy

    launch = Launch(
        hub="https://hub.example.edu",
        student_repo="https://github.com/you/class",
        binder_repo="https://github.com/you/koit",
        branch="spring",
    )
    links = launch.links("00_start_here.ipynb")
    assert links["JupyterHub"] == deploy.nbgitpuller_link(
        "https://hub.example.edu", "https://github.com/you/class", "spring", "00_start_here.ipynb"
    )
    assert links["Binder"] == deploy.binder_link(
        "https://github.com/you/koit", "spring", "koit-lessons-work/00_start_here.ipynb"
    )
    assert Launch().links("00_start_here.ipynb") == {}
    with pytest.raises(ValueError, match="both the hub and the student repository"):
        Launch(hub="https://hub.example.edu").links("00_start_here.ipynb")


def test_launch_box_names_every_link_and_the_download():
    cell = home.launch_cell(LESSONS[0], {"Binder": "https://mybinder.org/x"})
    assert "[on Binder](https://mybinder.org/x)" in cell["source"]
    assert f"<../_downloads_src/{LESSONS[0].filename}>" in cell["source"]


def test_home_page_lists_every_lesson():
    page = home.home_page(LESSONS, Launch())
    for item in LESSONS:
        assert f"lessons/{item.filename.removesuffix('.ipynb')}" in page
    for heading in ("What the course is", "The summit in brief", "Who it is for", "How to start"):
        assert f"## {heading}" in page


def test_site_command_keeps_a_folder_that_is_not_empty(tmp_path, capsys):
    (tmp_path / "mine.txt").write_text("keep me")
    assert cli.main(["site", str(tmp_path)]) == 2
    assert "--overwrite" in capsys.readouterr().err
    assert (tmp_path / "mine.txt").read_text() == "keep me"


def test_site_command_checks_launch_addresses_before_building(tmp_path, capsys):
    assert cli.main(["site", str(tmp_path / "out"), "--binder-repo", "not a url"]) == 2
    assert "https://" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
