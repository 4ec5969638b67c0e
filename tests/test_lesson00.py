"""Lesson 00: the checked exercises, their named mistakes and staged hints, and a second
period that starts at section 4."""

import json

import nbformat
import pytest
from nbclient import NotebookClient

from koit_lessons import checks, data, lessons, metrics, minerals
from koit_lessons._kernel import KernelManager

NOTEBOOK = lessons.lesson("00")
IDS = [
    "00-cobalt-top3",
    "00-data-source",
    "00-graphite-hhi",
    "00-graphite-highly-concentrated",
    "00-hhi-four-equal",
    "00-hhi-four-guess",
    "00-korea-minerals",
    "00-latest-data-year",
    "00-latest-year-guess",
    "00-lithium-share",
    "00-lithium-top",
    "00-mattarella-visit",
]


@pytest.fixture(autouse=True)
def _fresh_hint_stages():
    checks._WRONG.clear()
    yield
    checks._WRONG.clear()


def test_the_lesson_checks_these_items():
    assert sorted(checks.questions("00")) == IDS


@pytest.mark.parametrize("qid", IDS)
def test_every_hint_has_a_nudge_and_a_pointer(qid):
    stages = [s for s in checks._get(qid).hint.split("\n") if s.strip()]
    assert len(stages) == 2


def test_a_second_wrong_answer_gets_the_second_hint():
    first = checks.check("00-lithium-top", "Zimbabwe").message
    second = checks.check("00-lithium-top", "Zimbabwe").message
    assert "Hint 1 of 2" in first and "Hint 2 of 2" in second


def test_predictions_are_checked_and_computed_from_the_data():
    latest = int(data.load("mineral_production")["year"].max())
    letter = checks.expected("00-latest-year-guess")
    assert {"a": 2024, "b": 2025, "c": 2026}[letter] == latest
    assert checks.check("00-latest-year-guess", "c").diagnosis == "publication-not-data-year"
    assert checks.check("00-latest-year-guess", "a").diagnosis == "lag-overestimated"
    assert metrics.hhi([25] * 4) < metrics.hhi([50, 30, 20])
    assert checks.expected("00-hhi-four-guess") == "b"
    assert checks.check("00-hhi-four-guess", "a").diagnosis == "more-producers-higher"
    assert checks.check("00-hhi-four-guess", "c").diagnosis == "shares-sum-same"


def test_the_source_item_names_the_publisher():
    assert checks.expected("00-data-source") == "U.S. Geological Survey"
    for right in ("USGS", "US Geological Survey", "u.s. geological survey", "미국 지질조사국"):
        assert checks.check("00-data-source", right).correct
    assert checks.check("00-data-source", "China").diagnosis == "publisher-not-producer"
    for title in ("Mineral Commodity Summaries", "Mineral Commodity Summaries 2026"):
        assert checks.check("00-data-source", title).diagnosis == "paper-not-agency"


def test_counting_a_zero_row_is_named_not_counted():
    assert checks.expected("00-korea-minerals") == ["graphite"]
    fb = checks.check("00-korea-minerals", ["graphite", "copper"])
    assert fb.diagnosis == "zero-row-counted"
    assert "1 name" not in fb.message  # the count no longer gives the answer away


def test_the_other_named_mistakes():
    lithium = minerals.producers("lithium", 2024)
    assert checks.check("00-lithium-top", lithium["country"].iloc[1]).diagnosis == "runner-up"
    chile = float(lithium["share_pct"].iloc[1])
    assert checks.check("00-lithium-share", chile).diagnosis == "wrong-row"
    top1 = minerals.concentration("graphite", 2024)["top1_pct"]
    for squared in (top1**2, round(top1, 1) ** 2):
        assert checks.check("00-graphite-hhi", squared).diagnosis == "top1-squared-only"
    assert checks.check("00-mattarella-visit", "a state visit").correct


def test_tables_show_no_scientific_notation():
    setup = next(c for c in NOTEBOOK.read()["cells"] if "import pandas" in "".join(c["source"]))
    assert "float_format" in "".join(setup["source"])


def test_the_explorer_opens_on_the_year_the_lesson_uses():
    cells = ["".join(c["source"]) for c in NOTEBOOK.read()["cells"]]
    assert any('mineral_explorer("lithium", 2024)' in c for c in cells)


def test_a_second_period_can_start_at_section_4(tmp_path):
    """The Setup cell, then sections 4 to 6 only, in a fresh kernel: nothing fails."""
    nb = nbformat.reads(json.dumps(NOTEBOOK.read()), as_version=4)
    cells = nb.cells
    setup = next(i for i, c in enumerate(cells) if c.source.startswith("## Setup"))
    start = next(i for i, c in enumerate(cells) if c.source.startswith("## 4."))
    end = next(i for i, c in enumerate(cells) if c.source.startswith("## Summary"))
    nb.cells = cells[setup : setup + 2] + cells[start:end]
    for c in nb.cells:
        if c.cell_type == "code":
            c.outputs = []
    NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        kernel_manager_class=KernelManager,
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
    errors = [
        o
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if o.get("output_type") == "error"
    ]
    assert not errors
