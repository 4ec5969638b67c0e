"""Lesson 07: the checked exercises and the notebook's shape."""

import json

import pytest

from koit_lessons import checks, lessons, partnership
from koit_lessons.resources import notebooks_dir

NOTEBOOK = "07_korea_italy_partnership.ipynb"
IDS = [
    "07-after-summit",
    "07-before-after-shows",
    "07-claim-measure",
    "07-days-to-dialogue",
    "07-italy-eu-rank-2008",
    "07-italy-export-cagr",
    "07-italy-export-growth",
    "07-korea-balance-2018",
    "07-mixed-series",
    "07-predict-cagr",
    "07-recall-1",
    "07-recall-2",
    "07-surplus-2008",
    "07-visit-kind",
]


def test_questions_are_registered_and_computed_from_the_data():
    assert checks.questions("07") == IDS
    assert checks.expected("07-italy-export-growth") == pytest.approx((4.2 / 2.6 - 1) * 100)
    assert checks.expected("07-italy-export-cagr") == pytest.approx(
        ((4.2 / 2.6) ** (1 / 6) - 1) * 100
    )
    assert checks.expected("07-korea-balance-2018") == pytest.approx(4.493 - 6.303)
    assert checks.expected("07-surplus-2008") == "Korea"
    # 2008 importers from Korea: Germany, the United Kingdom, then Italy; the exporters'
    # lists (2008 and 2014) put Italy fourth, the number the lesson states before
    assert checks.expected("07-italy-eu-rank-2008") == 3
    assert checks.expected("07-italy-eu-rank-2008") == partnership.eu_rank(
        2008, "imports from Korea"
    )
    assert partnership.eu_rank(2008) == partnership.eu_rank(2014) == 4
    assert checks.expected("07-claim-measure") == "c"
    assert checks.expected("07-mixed-series") == "c"
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
    assert checks.check("07-italy-eu-rank-2008", 3).correct
    assert not checks.check("07-italy-eu-rank-2008", 4).correct


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


def test_starter_answers_come_from_lesson_06_data():
    from koit_lessons import policy

    row = policy.targets().set_index("target_id").loc["eu-single-country"]
    assert row["direction"] == "at most" and row["value"] == 65
    assert checks.expected("07-recall-1") == "b"
    gap = policy.single_country_check(
        policy.import_portfolio("Korea", "lithium hydroxide", 2023),
        policy.target_value("kor-single-country"),
    ).excess_pp
    assert gap == pytest.approx(29.6)
    assert checks.expected("07-recall-2") == "a"


def test_visit_kind_is_read_from_the_timeline(monkeypatch):
    """The terms come from the timeline's official_term column: a state visit for the head
    of state (Mattarella, 2023), an official visit for the head of government (Meloni)."""
    assert checks.expected("07-visit-kind") == "a"
    real = partnership.timeline()
    changed = real.copy()
    changed.loc[changed["event"].str.contains("Mattarella"), "official_term"] = "official visit"
    monkeypatch.setattr(partnership, "timeline", lambda *a, **k: changed)
    assert checks.expected("07-visit-kind") != "a"


def test_the_timeline_words_the_2026_visit_and_the_invitation_as_the_lesson_does():
    """Lesson 07 (and lesson 09) say: Meloni's 2026 trip was an official visit; the state
    visit to Italy is President Mattarella's invitation to Lee, renewed by Meloni."""
    tl = partnership.timeline()
    meloni = tl[(tl["category"] == "visit") & (tl["year"] == 2026)].iloc[0]
    assert meloni["official_term"].startswith("official visit")
    nb = json.loads((notebooks_dir() / NOTEBOOK).read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"])
    assert "made an **official visit** (공식 방한) to Korea on 17–19 January 2026" in text
    assert "**President Mattarella's invitation** to a **state visit to Italy**" in text
    assert "Meloni invited" not in text


def test_predict_item_names_the_simple_average():
    assert checks.expected("07-predict-cagr") == "b"
    assert checks.check("07-predict-cagr", "b").correct
    fb = checks.check("07-predict-cagr", "c")
    assert not fb.correct and fb.diagnosis == "simple-average"


@pytest.mark.parametrize(
    "qid, answer, code",
    [
        ("07-korea-balance-2018", 1.81, "sign-flipped"),
        ("07-korea-balance-2018", -1810, "millions-not-billions"),
        ("07-italy-export-growth", 4.2 / 2.6 * 100, "ratio-not-growth"),
        ("07-italy-export-cagr", (4.2 / 2.6 - 1) * 100 / 6, "simple-average"),
        ("07-italy-export-cagr", (4.2 / 2.6 - 1) * 100, "total-not-annual"),
        ("07-italy-export-cagr", ((4.2 / 2.6) ** (1 / 7) - 1) * 100, "years-miscounted"),
        ("07-italy-eu-rank-2008", 4, "claim-not-data"),
        ("07-italy-eu-rank-2008", 2, "count-not-position"),
        ("07-surplus-2008", "Italy", "reporter-for-seller"),
        ("07-korea-balance-2018", 4.49, "exports-only"),
        ("07-korea-balance-2018", 6.30, "imports-only"),
        ("07-italy-export-growth", 4.2 / 2.6, "ratio-as-fraction"),
        ("07-italy-export-growth", (2.6 / 4.2 - 1) * 100, "start-end-swapped"),
        ("07-italy-export-cagr", 8, "rounded-whole"),
        ("07-mixed-series", "a", "same-flow-one-series"),
        ("07-mixed-series", "b", "currency-only"),
        ("07-claim-measure", "a", "same-rank-same-measure"),
        ("07-claim-measure", "b", "measure-as-contradiction"),
        ("07-days-to-dialogue", 24, "both-ends-counted"),
        ("07-recall-1", "a", "floor-for-ceiling"),
        ("07-recall-1", "c", "world-share-cap"),
        ("07-recall-2", "b", "relative-for-pp"),
        ("07-recall-2", "c", "gap-to-100"),
        ("07-visit-kind", "b", "visit-by-importance"),
        ("07-visit-kind", "c", "terms-interchangeable"),
        ("07-predict-cagr", "a", "compounding-reversed"),
    ],
)
def test_each_named_mistake_is_recognised(qid, answer, code):
    fb = checks.check(qid, answer)
    assert not fb.correct and fb.diagnosis == code, fb.message


def test_balance_tolerance_accepts_the_rounded_deficit():
    assert checks.check("07-korea-balance-2018", -1.8).correct


def test_after_summit_checks_the_filter_itself():
    """Exercise 11's first step: the rows after the summit, not from it, not all of 2026."""
    tl = partnership.timeline()
    assert checks.check("07-after-summit", tl[tl["date"] > "2026-01-19"]).correct
    fb = checks.check("07-after-summit", tl[tl["date"] >= "2026-01-19"])
    assert fb.diagnosis == "summit-day-included"
    fb = checks.check("07-after-summit", tl[tl["year"] == 2026])
    assert fb.diagnosis == "year-not-date"
    # two rows share the dialogue's date; both give the same number of days
    after = checks.expected("07-after-summit")
    assert len(after) == 2 and after["date"].nunique() == 1


def test_cagr_to_one_decimal():
    assert checks.check("07-italy-export-cagr", 8.3).correct
