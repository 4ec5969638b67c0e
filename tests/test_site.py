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


@pytest.mark.parametrize("lang", ["en", "ko", "it"])
def test_home_pages_give_the_lessons_real_range_of_times(lang):
    """Regression: every home page said 35 to 55 minutes a lesson, long after the
    lessons' estimated times had grown to 50-105 minutes."""
    from koit_lessons.site import languages

    times = [i.minutes for i in LESSONS]
    if lang == "en":
        page = home.home_page(LESSONS, Launch())
    else:
        page = languages.home_page(lessons.offered(lang), lang)
    low, high = min(times), max(times)
    said = {"en": f"{low} to {high}", "ko": f"{low}~{high}분", "it": f"da {low} a {high} minuti"}
    assert said[lang] in " ".join(page.split())


def test_site_command_keeps_a_folder_that_is_not_empty(tmp_path, capsys):
    (tmp_path / "mine.txt").write_text("keep me")
    assert cli.main(["site", str(tmp_path)]) == 2
    assert "--overwrite" in capsys.readouterr().err
    assert (tmp_path / "mine.txt").read_text() == "keep me"


def test_site_command_checks_launch_addresses_before_building(tmp_path, capsys):
    assert cli.main(["site", str(tmp_path / "out"), "--binder-repo", "not a url"]) == 2
    assert "https://" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


# --- the site in Korean and Italian (koit_lessons.site.languages) --------------------------


def _no_kernel(monkeypatch):
    """Lesson pages from the edition without running it (the slow test runs it)."""
    from koit_lessons.site import languages

    monkeypatch.setattr(languages, "_execute", lambda nb, item, lang, timeout=600: nb)


@pytest.mark.parametrize("lang", ["ko", "it"])
def test_sources_are_written_per_language(lang, tmp_path, monkeypatch):
    from koit_lessons import language
    from koit_lessons.site import write_source

    _no_kernel(monkeypatch)
    offered = lessons.offered(lang)
    assert offered, f"no lesson is offered in {lang}"
    pages = write_source(tmp_path, lang=lang, languages=["en", "ko", "it"])
    stems = [i.filename.removesuffix(".ipynb") for i in offered]
    assert pages == ["index", "teacher-guide", *(f"lessons/{s}" for s in stems)]
    # the teacher's guide in brief, in the language, linked from the home page
    summary = (tmp_path / "teacher-guide.md").read_text(encoding="utf-8")
    assert summary.startswith({"ko": "# 교사용 안내서", "it": "# Guida per l'insegnante"}[lang])
    conf = (tmp_path / "conf.py").read_text(encoding="utf-8")
    assert f"'lang': '{lang}'" in conf
    home_md = (tmp_path / "index.md").read_text(encoding="utf-8")
    assert home_md.startswith(
        "# " + language.tr("AI chips, critical minerals and alliances", lang=lang)
    )
    for english in ("What the course is", "The summit in brief", "Who it is for", "How to start"):
        assert "## " + language.tr(english, lang=lang) in home_md
        assert f"## {english}" not in home_md
    # the lessons offered, in their language, and the rest in English, linked
    for item in offered:
        assert f"[{item.title_in(lang)}](lessons/" in home_md
    assert '<a href="teacher-guide.html">' in home_md
    for target in ("../index.html", "../teacher-guide.html", "../data/index.html"):
        assert f'<a href="{target}" hreflang="en">' in home_md
    # each lesson page: the edition as students get it, check's words in the language
    for item in offered:
        page = json.loads((tmp_path / "lessons" / item.filename).read_text(encoding="utf-8"))
        text = json.dumps(page, ensure_ascii=False)
        assert "BEGIN SOLUTION" not in text
        assert language.tr("Correct!", lang=lang) not in text
        assert language.tr("Work through this lesson", lang=lang) in text
        assert f"--lang {lang}" in text
        student = json.loads((tmp_path / "_downloads_src" / item.filename).read_text("utf-8"))
        assert student["metadata"]["koit"]["lang"] == lang
    # the Korean pages serve Hangul's font, with its licence
    fonts = tmp_path / "_static" / "fonts"
    assert (fonts / "NotoSansKR-OFL.txt").read_text("utf-8").count("Open Font License") >= 1
    css = (tmp_path / "_static" / "koit.css").read_text(encoding="utf-8")
    assert "Noto Sans KR" in css and "unicode-range" in css


def test_switcher_targets_exist_in_every_language():
    from koit_lessons.site import _documents
    from koit_lessons.site.languages import switch_links

    langs = ["en", "ko", "it"]
    pages = {code: set(_documents(code)) for code in langs}
    root = {code: "" if code == "en" else f"{code}/" for code in langs}
    import posixpath

    for lang in langs:
        for page in pages[lang]:
            entries = switch_links(page, lang, pages)
            assert [e["code"] for e in entries] == langs
            for e in entries:
                if e["current"]:
                    assert e["href"] == "" and e["code"] == lang
                    continue
                # resolve the link from the page's place in the built site
                where = posixpath.dirname(root[lang] + page)
                target = posixpath.normpath(posixpath.join(where, e["href"]))
                other = root[e["code"]]
                assert target.startswith(other) or other == ""
                doc = target.removeprefix(other).removesuffix(".html")
                assert doc in pages[e["code"]], (lang, page, e)
                # the same page where it exists, else that language's home
                assert doc == (page if page in pages[e["code"]] else "index")


@pytest.mark.parametrize("bad", ["fr", "ko,xx", "english"])
def test_site_command_refuses_a_bad_language_in_one_sentence(bad, tmp_path, capsys):
    assert cli.main(["site", str(tmp_path / "out"), "--lang", bad]) == 2
    err = capsys.readouterr().err.strip()
    assert "ko (Korean)" in err and err.count(". ") == 0 and err.endswith(".")
    assert not (tmp_path / "out").exists()


def test_default_languages_are_those_a_lesson_is_offered_in():
    from koit_lessons.site.languages import site_languages

    want = ["en"] + [code for code in ("ko", "it") if lessons.offered(code)]
    assert site_languages() == want
    assert site_languages("ko") == ["en", "ko"]  # English is always built
    assert site_languages(" it , EN ") == ["en", "it"]


def test_a_failing_cell_of_an_edition_fails_the_build_in_one_sentence():
    from koit_lessons.errors import KoitError
    from koit_lessons.site.languages import _execute

    nb = {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {},
        "cells": [
            {
                "id": "boom",
                "cell_type": "code",
                "metadata": {},
                "execution_count": None,
                "outputs": [],
                "source": "raise ValueError('no such mineral')",
            }
        ],
    }
    with pytest.raises(KoitError) as err:
        _execute(nb, LESSONS[0], "ko", timeout=60)
    said = str(err.value)
    assert said.startswith("Lesson 00 in Korean failed while the site was built")
    assert "no such mineral" in said and "\n" not in said
