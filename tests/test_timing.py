"""Honest times: every lesson's stated minutes (its numbered sections' headings, its
"Time:" line and its metadata) are the estimate of the stated method
(koit_lessons.timing), and the Korean and Italian editions state the same minutes."""

import json

import pytest

from koit_lessons import editions, lessons, timing

LESSONS = lessons.lessons()


def _md(text, **meta):
    return {"cell_type": "markdown", "metadata": meta, "source": text}


def _code(text, tags=(), **koit):
    meta = {"tags": list(tags)}
    if koit:
        meta["koit"] = koit
    return {"cell_type": "code", "metadata": meta, "source": text, "outputs": []}


def test_the_method_counts_reading_cells_items_and_think():
    words = " ".join(["word"] * 300)  # 2 minutes at 150 words a minute
    nb = {
        "cells": [
            _md("## 1. Read and do"),
            _md(words),
            _code("plots.barh(x)"),  # 0.5
            _code("widgets.mineral_explorer()"),  # 3
            _code(
                "answer = ...\n### BEGIN SOLUTION\nanswer = 1\n### END SOLUTION\n"
                'check("00-x", answer)',
                tags=["exercise"],
                objectives=[1],
                skill="code",
            ),  # 6
            _md("## 2. Think"),
            _md("### Think! (discussion)\nWhy?"),
            _md("Because.", tags=["solution"], koit={"objectives": [1], "skill": "interpret"}),
            _md("Rubric.", tags=["rubric"]),
            _md("## Sources\n" + words),
        ]
    }
    found = {s.title: s for s in timing.sections(nb)}
    assert found["1. Read and do"].minutes == round(2 + 0.5 + 3 + 6)
    assert found["2. Think"].minutes == timing.DISCUSSION  # the rubric is not read
    assert found["Sources"].minutes == 0  # skimmed, not counted
    assert timing.lesson_minutes(nb) == 20  # 12 + 6 = 18, rounded up to 5


def test_a_cell_can_state_its_own_minutes():
    nb = {
        "cells": [
            _md("## Part D — Write"),
            _md("### Brief 1\nWrite."),
            _md("Model.", tags=["solution"], koit={"objectives": [1], "minutes": 15}),
        ]
    }
    assert timing.sections(nb)[-1].minutes == 15


def test_a_dense_text_cell_can_state_its_own_minutes():
    """Regression (lesson 05's second reader): a table of five formulas in 266 words was
    timed at 2 minutes by its words; the cell's koit.minutes replaces its reading time,
    and a heading inside it still starts its section."""
    rules = "| rule | $s \\times c / 100$ |\n" * 20
    nb = {"cells": [_md("## 1. The rules\n" + rules, koit={"minutes": 6}), _md("## 2. Next")]}
    found = {s.title: s.minutes for s in timing.sections(nb)}
    assert found == {"1. The rules": 6, "2. Next": 0}


@pytest.mark.parametrize("item", LESSONS, ids=lambda x: x.number)
def test_each_lesson_states_the_estimate(item):
    nb = item.read()
    estimate = {s.title: s for s in timing.sections(nb)}
    wrong = [
        f"{s.title!r} states {s.stated}, the method gives {s.minutes}"
        for s in estimate.values()
        if s.states_time and s.stated != s.minutes
    ]
    assert not wrong, "run scripts/lesson_times.py --write " + item.number + ": " + "; ".join(wrong)
    total = timing.lesson_minutes(nb)
    assert timing.stated_lesson_minutes(nb) == (total, total), (
        f"lesson {item.number} states another time than {total} min"
    )
    assert item.minutes == total


def test_writing_the_estimate_twice_changes_nothing():
    nb = LESSONS[4].read()
    timing.write_times(nb)
    assert timing.write_times(nb) == []


@pytest.mark.parametrize("lang", ["ko", "it"])
def test_editions_state_the_english_minutes_in_their_own_words(lang):
    item = lessons.lesson("00")
    nb = item.read()
    ed = editions.edition(nb, lang, item.filename)
    words = {"ko": "분)*", "it": "min)*"}[lang]
    english = [s for s in timing.sections(nb) if s.states_time]
    headings = [
        line
        for cell in ed["cells"]
        if cell["cell_type"] == "markdown"
        for line in "".join(cell["source"]).splitlines()
        if line.startswith("## ") and words in line
    ]
    assert len(headings) == len(english)
    for line, section in zip(headings, english, strict=True):
        assert f" {section.minutes}" in line and "about" not in line


def test_a_new_estimate_does_not_make_a_translation_stale(tmp_path):
    item = lessons.lesson("00")
    nb = item.read()
    for lang in ("ko", "it"):
        path = tmp_path / f"{lang}.po"
        path.write_bytes(editions.catalogue_file(item.filename, lang).read_bytes())
        changed = json.loads(json.dumps(nb))
        for cell in changed["cells"]:
            text = "".join(cell["source"])
            if "**Time:** about " in text:
                cell["source"] = text.replace(f"about {item.minutes} minutes", "about 95 minutes")
            cell["source"] = "".join(cell["source"]).replace("*(about 6 min)*", "*(about 9 min)*")
        assert editions.update_catalogue(changed, lang, path).complete
        ed = editions.edition(changed, lang, path=path)
        text = "\n".join("".join(c["source"]) for c in ed["cells"])
        assert "95" in text and ("9분)*" in text or "circa 9 min)*" in text)


def test_renumbered_needs_each_changed_number_once():
    assert editions.renumbered("6 of 6", "6 of 7", "sei su 6") is None  # '6' is not unique
    assert editions.renumbered("a 1 b", "a 2 c", "x 1") is None  # words changed too
    again = editions.renumbered("about 45 min", "about 50 min", "circa 45 minuti")
    assert again == "circa 50 minuti"


def _plans_script():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "scripts" / "course_plans.py"
    spec = importlib.util.spec_from_file_location("course_plans", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_guide_shows_the_course_map_and_plans_of_today():
    script = _plans_script()
    guide = script.GUIDE.read_text(encoding="utf-8")
    assert script.render_map() in guide, "run: python scripts/course_plans.py --write"
    assert script.render() in guide, "run: python scripts/course_plans.py --write"


def test_every_plan_fits_its_sessions_and_respects_prerequisites():
    script = _plans_script()
    for plan in script.plans():
        title = plan["title"]
        sessions, home = plan["sessions"], plan["homework"]
        if plan["available"]:
            assert len(sessions) <= plan["available"], f"{title}: too many sessions"
        for s in sessions:
            assert 0 < s.minutes <= plan["length"] - script.BUFFER, f"{title}: {s.number}"
        done = [c for s in sessions for c in s.chunks] + home
        for number in plan["numbers"]:
            nb = lessons.lesson(number).read()
            mine = [c for c in done if c.lesson == number]
            assert mine == timing.chunks(number, nb), f"{title}: lesson {number} not whole"
            assert sum(c.minutes for c in mine) == sum(s.minutes for s in timing.sections(nb))
            before = plan["numbers"][: plan["numbers"].index(number)]
            missing = set(timing.prerequisites(nb)) - set(before)
            assert not missing, f"{title}: lesson {number} comes before {sorted(missing)}"


def test_pack_refuses_a_section_longer_than_a_session():
    with pytest.raises(ValueError, match="longer than a 20-minute session"):
        timing.pack(["08"], 20)


def test_prerequisites_read_what_a_lesson_needs():
    assert timing.prerequisites(lessons.lesson("09").read()) == ["00", "02", "04", "05", "06"]
    assert timing.prerequisites(lessons.lesson("08").read()) == ["00", "06"]  # "helpers"
    assert timing.prerequisites(lessons.lesson("00").read()) == []


@pytest.mark.parametrize("item", LESSONS, ids=[x.number for x in LESSONS])
def test_the_guide_states_each_lesson_s_time(item):
    """Regression (second reader of the Korean and Italian guide summaries): the guide's
    lesson 00 section still said 45 minutes after the estimate had become 65."""
    import re
    from pathlib import Path

    guide = (Path(__file__).parents[1] / "docs" / "teacher-guide.md").read_text(encoding="utf-8")
    section = re.search(
        rf"^### Lesson {item.number} — .*?(?=^### |^## )", guide, re.M | re.S
    ).group(0)
    stated = re.search(r"\*\*Time:\*\* about (\d+) minutes", section)
    assert stated and int(stated.group(1)) == item.minutes, stated and stated.group(0)
