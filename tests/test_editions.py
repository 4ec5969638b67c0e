"""Translated editions: catalogue units, fingerprints, stale and missing reports, and the
Korean and Italian notebooks generated from the English source and a catalogue."""

import copy
import io

import pytest
from babel.messages.pofile import read_po, write_po

from koit_lessons import editions, notebook
from koit_lessons.errors import KoitError
from koit_lessons.lessons import lesson, lessons
from koit_lessons.resources import notebooks_dir

LESSON = lesson("00")


def _fill(path, translate):
    """Translate every entry of the catalogue at ``path`` with ``translate(english)``."""
    cat = read_po(io.BytesIO(path.read_bytes()))
    for m in cat:
        if m.id:
            m.string = translate(m.id)
    buffer = io.BytesIO()
    write_po(buffer, cat, width=0)
    path.write_bytes(buffer.getvalue())


@pytest.fixture
def translated(tmp_path):
    """Lesson 00 with a complete (mock) Italian catalogue: each unit prefixed with «IT»."""
    nb = LESSON.read()
    path = tmp_path / "it.po"
    editions.update_catalogue(nb, "it", path)
    _fill(path, lambda text: "«IT» " + text)
    editions.update_catalogue(nb, "it", path)  # records the fingerprints
    return nb, path


def test_units_cover_every_paragraph_figure_title_and_comment():
    nb = LESSON.read()
    found = {u.key: u.text for u in editions.units(nb)}
    assert found["title"] == nb["metadata"]["koit"]["title"]
    for cell in nb["cells"]:
        text = notebook.cell_text(cell)
        if cell["cell_type"] == "markdown":
            paragraphs = [p for p in text.split("\n\n") if p.strip()]
            keys = [k for k in found if k.startswith(cell["id"] + "/")]
            assert len(keys) == len(paragraphs), cell["id"]
    assert found["5d0a0bda/title"] == "Who mined lithium in 2024?"
    assert found["5d0a0bda/xlabel"] == "Share of world mine production (%)"
    assert found["39d0b1ba/#0"] == "one decimal, never 7.5e+01"
    assert not any("BEGIN SOLUTION" in t for t in found.values())


def test_a_figure_text_in_several_literals_is_one_unit_and_translated_whole():
    src = 'ax = f(\n    title="Top-3 share\\n"\n    "(data year 2023)",\n    xlabel="Share (%)",\n)'
    nb = {"metadata": {}, "cells": [{"id": "a", "cell_type": "code", "source": src}]}
    found = {u.key: u.text for u in editions.units(nb)}
    assert found == {"a/title": "Top-3 share\\n(data year 2023)", "a/xlabel": "Share (%)"}
    table = {"a/title": "Quota dei primi tre\\n(anno dei dati 2023)", "a/xlabel": "Quota (%)"}
    assert editions._translate_code("a", src, table, "it") == (
        'ax = f(\n    title="Quota dei primi tre\\n"\n    "(anno dei dati 2023)",\n'
        '    xlabel="Quota (%)",\n)'
    )


def test_reference_line_names_are_units_and_an_f_string_keeps_its_fields():
    src = (
        'ax = plots.barh(df, "v", "l", title="T",\n'
        '    lines={65: "65%: cap", goal: f"{goal:.0f}% (Korea\'s goal)"},\n'
        "    xmax=100)  # a note"
    )
    assert dict(editions._code_units("c", src)) == {
        "c/title": "T",
        "c/line0": "65%: cap",
        "c/line1": "{goal:.0f}% (Korea's goal)",
        "c/#0": "a note",
    }
    table = {
        "c/title": "T2",
        "c/line0": "65%: 상한",
        "c/line1": "{goal:.0f}% (한국의 목표)",
        "c/#0": "메모",
    }
    out = editions._translate_code("c", src, table, "ko")
    assert 'lines={65: "65%: 상한", goal: f"{goal:.0f}% (한국의 목표)"},' in out
    assert 'title="T2"' in out and out.endswith("xmax=100)  # 메모")


def test_fenced_code_stays_one_unit():
    nb = {
        "metadata": {},
        "cells": [
            {
                "id": "a",
                "cell_type": "markdown",
                "metadata": {},
                "source": "Intro\n\n```python\nx = 1\n\ny = 2\n```\n\nEnd",
            }
        ],
    }
    assert [u.text for u in editions.units(nb)] == [
        "Intro",
        "```python\nx = 1\n\ny = 2\n```",
        "End",
    ]


def test_an_annotation_drawn_on_a_figure_is_a_unit():
    code = (
        'ax.axhline(1_800)\n'
        'ax.text(2021.8, 1_800 + 120, "1,800: highly concentrated", fontsize=9)\n'
        "ax.text(2021.8, top + 120, 'Foundry revenue (lesson 02)')  # a note\n"
        'print(df.text("not a note"))\n'
    )
    nb = {"metadata": {}, "cells": [{"id": "f", "cell_type": "code", "metadata": {},
                                     "source": code, "outputs": [], "execution_count": None}]}
    found = {u.key: u.text for u in editions.units(nb)}
    assert found == {
        "f/text0": "1,800: highly concentrated",
        "f/text1": "Foundry revenue (lesson 02)",
        "f/#0": "a note",
    }
    table = {"f/text0": "1.800: molto concentrato", "f/text1": "l'altro", "f/#0": "una nota"}
    it = editions._translate_code("f", code, table, "it")
    assert 'ax.text(2021.8, 1_800 + 120, "1.800: molto concentrato", fontsize=9)' in it
    assert "ax.text(2021.8, top + 120, \"l'altro\")  # una nota" in it
    assert 'df.text("not a note")' in it
    # lesson 03's two notes on its HHI chart
    found = {u.key: u.text for u in editions.units(lesson("03").read())}
    assert found["bbf92e8b/text1"] == "Foundry revenue, 2025Q2 (lesson 02)"


def test_catalogue_records_a_fingerprint_per_unit(translated):
    nb, path = translated
    text = path.read_text(encoding="utf-8")
    for unit in editions.units(nb):
        assert f"#. fingerprint: {editions.fingerprint(unit.text)}" in text
    assert editions.status(nb, "it", path).complete


def test_edition_translates_text_and_keeps_code(translated):
    nb, path = translated
    it = editions.edition(nb, "it", path=path)
    assert it["metadata"]["koit"]["lang"] == "it"
    assert it["metadata"]["koit"]["title"].startswith("«IT» ")
    assert len(it["cells"]) == len(nb["cells"]) + 1
    assert notebook.cell_text(it["cells"][-1]) == editions.GLOSSARY_CODE
    for en_cell, it_cell in zip(nb["cells"], it["cells"][:-1], strict=True):
        assert en_cell["id"] == it_cell["id"]
        if en_cell["cell_type"] == "markdown":
            paragraphs = [p for p in notebook.cell_text(it_cell).split("\n\n") if p.strip()]
            assert all(p.startswith("«IT» ") for p in paragraphs), en_cell["id"]
        else:
            assert it_cell["outputs"] == [] and it_cell["execution_count"] is None
    share = notebook.cell_text(next(c for c in it["cells"] if c["id"] == "e20e8097"))
    assert 'lithium["country"] == "Australia"' in share  # Italian writes it the same
    ko = editions._translate_code(
        "x", 'df["country"] == "Australia" or "Chile" != "Chil"', {}, "ko"
    )
    assert ko == 'df["country"] == "호주" or "칠레" != "Chil"'
    plot = notebook.cell_text(next(c for c in it["cells"] if c["id"] == "5d0a0bda"))
    assert 'title="«IT» Who mined lithium in 2024?"' in plot
    setup = notebook.cell_text(next(c for c in it["cells"] if c["id"] == "39d0b1ba"))
    assert "# «IT» one decimal, never 7.5e+01" in setup
    assert (
        "from koit_lessons.checks import check\n"
        "from koit_lessons.language import set_language\n\n"
        'set_language("it")\nplots.use_style()' in setup
    )
    # the same checked exercises, and a student version with no solution
    assert [e.qid for e in notebook.exercises(it)] == [e.qid for e in notebook.exercises(nb)]
    student = notebook.student_version(it)
    assert not any("BEGIN SOLUTION" in notebook.cell_text(c) for c in student["cells"])
    assert "widgets" not in it["metadata"]


def test_changed_english_makes_the_translation_stale_and_names_the_cell(translated):
    nb, path = translated
    changed = copy.deepcopy(nb)
    cell = next(c for c in changed["cells"] if c["id"] == "54d0d47f")
    cell["source"] = notebook.cell_text(cell) + " One more sentence."
    state = editions.status(changed, "it", path)
    assert state.stale == ["54d0d47f/0"] and state.missing == []
    assert "1 stale (cells 54d0d47f)" in state.describe()
    with pytest.raises(KoitError, match="not offered in Italian yet.*54d0d47f"):
        editions.edition(changed, "it", path=path)
    # update keeps the old translation, flags it fuzzy, and it stays stale until revised
    editions.update_catalogue(changed, "it", path)
    entry = editions.read_catalogue(path)["54d0d47f/0"]
    assert entry.fuzzy and entry.translation.startswith("«IT» ")
    assert "#| msgid" in path.read_text(encoding="utf-8")
    assert editions.status(changed, "it", path).stale == ["54d0d47f/0"]


def test_a_new_paragraph_is_missing(translated):
    nb, path = translated
    changed = copy.deepcopy(nb)
    changed["cells"].append(
        {"id": "newcell1", "cell_type": "markdown", "metadata": {}, "source": "New."}
    )
    state = editions.status(changed, "it", path)
    assert state.missing == ["newcell1/0"] and not state.complete


def test_no_shipped_translation_is_stale():
    """Fails when the English of a lesson changed and its translation did not."""
    problems = []
    for item in lessons():
        for lang in ("ko", "it"):
            path = editions.catalogue_file(item.filename, lang)
            if path.is_file():
                state = editions.status(item.read(), lang, path)
                if state.stale:
                    problems.append(f"{item.number} {state.describe()}")
    assert not problems, "\n".join(problems)


def test_a_lesson_is_offered_only_where_its_catalogue_is_complete_and_second_read():
    for item in lessons():
        offered = editions.offered(item.read(), item.filename)
        assert offered[0] == "en"
        for lang in ("ko", "it"):
            path = editions.catalogue_file(item.filename, lang)
            complete = path.is_file() and editions.status(item.read(), lang, path).complete
            assert (lang in item.translations()) == complete, (item.number, lang)
            read = editions.second_read(item.filename, lang)
            assert (lang in offered) == (complete and read), (item.number, lang)


def test_second_readings_are_recorded_beside_the_catalogues(tmp_path):
    (tmp_path / "locales").mkdir()
    assert not editions.second_read("05_x.ipynb", "ko", tmp_path)  # no record at all
    (tmp_path / "locales" / editions.SECOND_READERS).write_text(
        "lesson,lang,date,reader,corrected\n05,ko,2026-12-03,a reader,two words\n"
        "01,it,2026-12-03,,\n",
        encoding="utf-8",
    )
    assert editions.second_read("05_x.ipynb", "ko", tmp_path)
    assert not editions.second_read("05_x.ipynb", "it", tmp_path)
    assert not editions.second_read("01_y.ipynb", "it", tmp_path)  # a row with no reader
    # every offered translation names its reader and what they corrected
    import csv

    from koit_lessons.resources import notebooks_dir

    with (notebooks_dir() / "locales" / editions.SECOND_READERS).open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and all(r["reader"].strip() and r["corrected"].strip() for r in rows)


def test_a_complete_translation_not_yet_second_read_is_not_handed_out(monkeypatch, tmp_path):
    from koit_lessons import classroom

    monkeypatch.setattr(editions, "second_read", lambda *a, **k: False)
    assert LESSON.languages() == ["en"] and "ko" in LESSON.translations()
    with pytest.raises(KoitError, match="awaits a second reader"):
        classroom.handout(tmp_path / "s", numbers=["00"], lang="ko")
    assert not (tmp_path / "s").exists()


def test_bad_language_is_one_sentence():
    with pytest.raises(KoitError, match=r"^There is no edition in 'fr': .*\.$"):
        editions.edition(LESSON.read(), "fr")


def test_catalogues_live_beside_the_notebooks():
    path = editions.catalogue_file(LESSON.filename, "ko")
    assert str(path).endswith("locales/ko/00_start_here.po")
    assert (notebooks_dir() / "locales" / "ko").is_dir()


@pytest.mark.parametrize("lang", ["en", "ko", "it"])
def test_the_grader_identifies_the_edition_and_finds_its_written_answers(lang):
    import json

    from koit_lessons.grading import prepare
    from koit_lessons.grading.collect import Submission

    teacher = LESSON.edition(lang)
    student = notebook.student_version(teacher)
    written = next(
        i for i, c in enumerate(student["cells"]) if notebook.cell_text(c) == notebook.ANSWER_BOX
    )
    student["cells"][written]["source"] = "My own answer."
    student["metadata"].get("koit", {}).pop("lang", None)  # the text alone tells
    assert prepare.identify_edition(student, LESSON) == lang
    en_teacher = LESSON.read()
    p = prepare.prepare(
        Submission("s1", LESSON.filename, json.dumps(student).encode()),
        LESSON,
        en_teacher,
        notebook.exercises(en_teacher),
        notebook.written_questions(en_teacher, "00"),
    )
    assert p.edition == lang and not p.not_run
    assert "My own answer." in p.written.values()


@pytest.mark.parametrize("lang", ["ko", "it"])
def test_handout_writes_the_edition(lang, tmp_path, capsys, monkeypatch):
    from koit_lessons.cli import main

    assert main(["handout", "--students", str(tmp_path / "s"), "--lang", lang, "00"]) == 0
    import json

    nb = json.loads((tmp_path / "s" / LESSON.filename).read_text(encoding="utf-8"))
    assert nb["metadata"]["koit"]["lang"] == lang
    assert any(f'set_language("{lang}")' in notebook.cell_text(c) for c in nb["cells"])
    assert not any("BEGIN SOLUTION" in notebook.cell_text(c) for c in nb["cells"])
    # a lesson not offered in the language is refused in one sentence, nothing written
    untranslated = next((i.number for i in lessons() if lang not in i.translations()), None)
    if untranslated is None:  # every lesson is translated: take one lesson's catalogue away
        untranslated = "01"
        monkeypatch.setattr(editions, "catalogue_file", lambda *a, **k: tmp_path / "none.po")
    assert main(["handout", "--students", str(tmp_path / "t"), "--lang", lang, untranslated]) == 2
    err = capsys.readouterr().err
    assert "is not translated into" in err and err.count("\n") == 1
    assert not (tmp_path / "t").exists()


def test_an_f_string_figure_text_is_a_unit_that_keeps_its_fields(tmp_path):
    code = (
        "ax = plots.barh(\n"
        "    table,\n"
        '    title=f"{TOPIC}: who supplies it?",\n'
        '    xlabel=f"{capstone.measure(TOPIC)}, %",\n'
        ")"
    )
    nb = {
        "metadata": {},
        "cells": [
            {
                "id": "f",
                "cell_type": "code",
                "metadata": {},
                "source": code,
                "outputs": [],
                "execution_count": None,
            }
        ],
    }
    # a field and punctuation only: nothing to translate
    found = [(u.key, u.text) for u in editions.units(nb)]
    assert found == [("f/title", "{TOPIC}: who supplies it?")]
    path = tmp_path / "it.po"
    editions.update_catalogue(nb, "it", path)
    _fill(path, lambda text: "{TOPIC}: chi lo fornisce?")
    editions.update_catalogue(nb, "it", path)  # records the fingerprint
    it = editions.edition(nb, "it", path=path)
    src = notebook.cell_text(it["cells"][0])
    assert 'title=f"{TOPIC}: chi lo fornisce?"' in src
    assert 'xlabel=f"{capstone.measure(TOPIC)}, %"' in src
    _fill(path, lambda text: "{ARGOMENTO}: chi lo fornisce?")  # a field translated by mistake
    editions.update_catalogue(nb, "it", path)
    with pytest.raises(KoitError, match="must keep the fields"):
        editions.edition(nb, "it", path=path)
