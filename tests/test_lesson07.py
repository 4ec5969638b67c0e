"""Lesson 07: the checked exercises and the notebook's shape."""

import json

import pytest

from koit_lessons import checks, lessons, partnership
from koit_lessons.resources import notebooks_dir

NOTEBOOK = "07_korea_italy_partnership.ipynb"
IDS = [
    "07-before-after-shows",
    "07-days-to-dialogue",
    "07-italy-eu-rank",
    "07-italy-export-cagr",
    "07-italy-export-growth",
    "07-korea-balance-2018",
    "07-surplus-2008",
]


def test_questions_are_registered_and_computed_from_the_data():
    assert checks.questions("07") == IDS
    assert checks.expected("07-italy-export-growth") == pytest.approx((4.2 / 2.6 - 1) * 100)
    assert checks.expected("07-italy-export-cagr") == pytest.approx(
        ((4.2 / 2.6) ** (1 / 6) - 1) * 100
    )
    assert checks.expected("07-korea-balance-2018") == pytest.approx(4.493 - 6.303)
    assert checks.expected("07-surplus-2008") == "Korea"
    assert checks.expected("07-italy-eu-rank") == 4
    assert checks.expected("07-italy-eu-rank") == partnership.eu_rank(2014)
    # 19 January to 11 February 2026
    assert checks.expected("07-days-to-dialogue") == 23


def test_days_to_dialogue_follows_the_timeline(monkeypatch):
    """The answer is read from the timeline: a dialogue dated earlier moves it."""
    real = partnership.timeline()
    moved = real.copy()
    moved.loc[moved["category"] == "dialogue", "date"] = "2026-02-01"
    monkeypatch.setattr(partnership, "timeline", lambda *a, **k: moved)
    assert checks.expected("07-days-to-dialogue") == 13
    assert checks.check("07-days-to-dialogue", 13).correct
    assert not checks.check("07-days-to-dialogue", 23).correct


@pytest.mark.parametrize(
    "qid", ["07-italy-export-growth", "07-italy-export-cagr", "07-korea-balance-2018"]
)
def test_number_questions_accept_the_answer_and_reject_a_wrong_one(qid):
    right = checks.expected(qid)
    assert checks.check(qid, right).correct
    assert not checks.check(qid, right + 5).correct
    assert checks.check(qid, ...).status == "unanswered"
    assert checks.check(qid, "12").status == "invalid"


def test_growth_given_as_a_fraction_gets_a_hint():
    fb = checks.check("07-italy-export-growth", checks.expected("07-italy-export-growth") / 100)
    assert not fb.correct and "percent" in fb.message


def test_text_and_rank_questions():
    assert checks.check("07-surplus-2008", "South Korea").correct
    assert checks.check("07-surplus-2008", " korea ").correct
    assert not checks.check("07-surplus-2008", "Italy").correct
    assert checks.check("07-surplus-2008", 1).status == "invalid"
    assert checks.check("07-italy-eu-rank", 4).correct
    assert not checks.check("07-italy-eu-rank", 3).correct


def test_notebook_metadata_exercises_and_think():
    nb = json.loads((notebooks_dir() / NOTEBOOK).read_text(encoding="utf-8"))
    meta = nb["metadata"]["koit"]
    assert 30 <= meta["minutes"] <= 120 and "Korea and Italy" in meta["title"]
    sources = ["".join(c["source"]) for c in nb["cells"]]
    for qid in IDS:
        assert any(f'check("{qid}"' in s for s in sources), qid
    assert sum("Think!" in s for s in sources) >= 3
    assert sum("solution" in c["metadata"].get("tags", []) for c in nb["cells"]) >= 3
    assert sum(s.count("ax = plots.") for s in sources) >= 3
    text = "\n".join(sources)
    for must in ("official visit", "state visit", "KSIA", "not cause and effect", "Glossary",
                 "## Sources", "## Summary", "exchange rates", "No report found"):  # fmt: skip
        assert must in text, must
    assert "07" in {lesson.number for lesson in lessons.lessons()}
