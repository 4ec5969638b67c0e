"""Lesson 02: checked exercises, figures from the chip data, and claims in the prose."""

import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from koit_lessons import checks, chips, lessons, metrics, notebook, plots  # noqa: E402

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "02_chip_value_chain.ipynb"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_lesson02_questions_are_registered_and_computed_from_data():
    ids = checks.questions("02")
    assert len(ids) >= 3
    assert checks.expected("02-most-concentrated-stage") == "EDA software"
    assert checks.expected("02-tsmc-share") == pytest.approx(70.2)
    assert checks.expected("02-taiwan-foundries") == pytest.approx(70.2 + 4.4 + 0.9 + 0.8)
    shares = chips.foundry_shares("2025Q2")["share_pct"]
    assert checks.expected("02-foundry-hhi") == pytest.approx(metrics.hhi(shares))
    assert checks.expected("02-sub10-hhi-2022") == pytest.approx(69**2 + 31**2)
    assert checks.expected("02-korea-sub10-change") == pytest.approx(9 - 31)


@pytest.mark.parametrize(
    "qid, answer, status",
    [
        ("02-most-concentrated-stage", ..., "unanswered"),
        ("02-most-concentrated-stage", "EDA software", "correct"),
        ("02-most-concentrated-stage", "eda", "correct"),
        ("02-most-concentrated-stage", "fabrication", "incorrect"),
        ("02-tsmc-share", ..., "unanswered"),
        ("02-tsmc-share", 70.2, "correct"),
        ("02-tsmc-share", 67.6, "incorrect"),
        ("02-tsmc-share", "70.2", "invalid"),
        ("02-taiwan-foundries", 76.3, "correct"),
        ("02-taiwan-foundries", 70.2, "incorrect"),
        ("02-foundry-hhi", 5051, "correct"),
        ("02-foundry-hhi", 4928, "incorrect"),
        ("02-sub10-hhi-2022", 5722, "correct"),
        ("02-sub10-hhi-2022", 8528, "incorrect"),
        ("02-korea-sub10-change", -22, "correct"),
        ("02-korea-sub10-change", 22, "incorrect"),
    ],
)
def test_feedback(qid, answer, status):
    assert checks.check(qid, answer).status == status


def test_figures_of_the_lesson_draw_with_a_source():
    foundries = chips.foundry_shares("2025Q2")
    ax = plots.barh(foundries, "share_pct", "company")
    assert len(ax.patches) == 10
    assert any("TrendForce" in t.get_text() for t in ax.texts)
    ax = plots.barh(chips.foundry_by_country("2025Q2"), "share_pct", "headquarters")
    assert len(ax.patches) == 5
    history = chips.capacity_history()
    ax = plots.stage_bars(history, "share_pct", "region", stage="when")
    assert len(ax.patches) == len(history)
    assert any("Semiconductor Industry Association" in t.get_text() for t in ax.texts)
    ax = plots.hhi_bars(chips.concentration_table(), label="label")
    assert len(ax.patches) == 3
    ax = plots.hhi_bars(chips.stage_table(), label="label")
    assert len(ax.patches) == len(chips.stages())
    ax = plots.barh(chips.stage_shares("design"), "share_pct", "region")
    assert any("CSET" in t.get_text() for t in ax.texts)


def test_lesson02_prose_claims_hold_in_the_data():
    stages = chips.stage_table().set_index("stage")
    # "Every stage but one is above the 1,800 line"; fabrication is the one below
    assert (stages["hhi"] > 1800).sum() == len(stages) - 1
    assert round(stages.loc["fabrication", "hhi"], -1) == 1640
    # leaders named in section 1
    leaders = stages["top_region"]
    assert {leaders[s] for s in ("EDA software", "core IP", "design")} == {"United States"}
    assert {leaders[s] for s in ("silicon wafers", "photomasks")} == {"Japan"}
    design = chips.stage_shares("design")
    assert design.loc[1, "region"] == "South Korea" and design.loc[1, "share_pct"] == 13
    table = chips.concentration_table().set_index("period")
    # "Even the 2032 projection stays above 1,800" and the HHI falls over time
    assert table.loc[2032, "hhi"] > 1800
    assert table.loc[2019, "hhi"] > table.loc[2022, "hhi"] > table.loc[2032, "hhi"]
    assert round(table.loc[2032, "hhi"]) == 3135
    assert table.loc[2032, "covered_pct"] == 95
    # "about three quarters" for Taiwan-headquartered foundries; Samsung second
    assert 74 < chips.foundry_concentration("2025Q2", by="country")["top1_pct"] < 78
    assert chips.foundry_shares("2025Q2")["company"].iloc[1] == "Samsung"
    # model answer: HHI about 5,700 (2022 capacity) and about 5,050 (foundries)
    assert round(chips.capacity_concentration("below 10 nm", 2022)["hhi"], -2) == 5700
    assert round(chips.foundry_concentration("2025Q2")["hhi"], -1) == 5050
    # "most of the index comes from TSMC alone"
    assert 70.2**2 > chips.foundry_concentration("2025Q2")["hhi"] / 2


def test_notebook_metadata_and_structure():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert nb["metadata"]["koit"]["title"] == "The chip value chain and its chokepoints"
    assert 30 <= nb["metadata"]["koit"]["minutes"] <= 120
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    sources = ["".join(c["source"]) for c in nb["cells"]]
    exercises = [c for c in nb["cells"] if "exercise" in c["metadata"].get("tags", [])]
    assert len(exercises) >= 3
    for cell in exercises:
        text = "".join(cell["source"])
        assert "### BEGIN SOLUTION" in text and 'check("02-' in text
    assert sum("plots." in s and s.startswith("ax = ") for s in sources) >= 3
    assert any("solution" in c["metadata"].get("tags", []) for c in nb["cells"])
    for heading in ("## Summary", "## Sources", "## Glossary", "Think!"):
        assert any(heading in s for s in sources), heading


def test_student_version_has_no_solutions():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    student = notebook.student_version(nb)
    text = json.dumps(student)
    assert "BEGIN SOLUTION" not in text
    assert "Model answer" not in text
    assert "02" in [lesson.number for lesson in lessons.lessons()]


def test_the_filter_exercise_is_computed_from_the_data():
    """Issue 20: the completed filter is compared as a table, row order ignored."""
    from koit_lessons import checks, chips

    want = checks.expected("02-taiwan-foundry-table")
    table = chips.foundry_shares("2025Q2")
    assert set(want["company"]) == set(table.loc[table["headquarters"] == "Taiwan", "company"])
    assert "TSMC" in set(want["company"]) and len(want) < len(table)
    assert checks.check("02-taiwan-foundry-table", want.iloc[::-1]).correct
    assert checks.check("02-taiwan-foundry-table", table).diagnosis == "extra-rows"
