"""Lesson 03: checked exercises, notebook metadata and figures from the memory data."""

import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from koit_lessons import checks, chips, lessons, memory, metrics, plots  # noqa: E402

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "03_memory_hbm_korea.ipynb"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_lesson03_questions_are_registered_and_computed_from_data():
    assert len(checks.questions("03")) >= 3
    assert checks.expected("03-first-sk-hynix-lead") == "2025Q1"
    assert checks.expected("03-korea-dram-share") == pytest.approx(38.7 + 32.7)
    assert checks.expected("03-dram-hhi") == pytest.approx(metrics.hhi([38.7, 32.7, 22.0]))
    assert checks.expected("03-chip-export-share-2024") == pytest.approx(20.8)
    assert checks.expected("03-chip-export-change") == pytest.approx(141.9 - 98.6)


@pytest.mark.parametrize(
    "qid, answer, status",
    [
        ("03-first-sk-hynix-lead", ..., "unanswered"),
        ("03-first-sk-hynix-lead", "2025Q1", "correct"),
        ("03-first-sk-hynix-lead", "1Q25", "correct"),
        ("03-first-sk-hynix-lead", "2025Q2", "incorrect"),
        ("03-korea-dram-share", 71.4, "correct"),
        ("03-korea-dram-share", 38.7, "incorrect"),
        ("03-korea-dram-share", "71.4", "invalid"),
        ("03-dram-hhi", 3051, "correct"),
        ("03-dram-hhi", 5051, "incorrect"),
        ("03-chip-export-share-2024", 20.75, "correct"),
        ("03-chip-export-share-2024", 15.6, "incorrect"),
        ("03-chip-export-change", 43.3, "correct"),
        ("03-chip-export-change", -43.3, "incorrect"),
        ("03-first-sk-hynix-lead", "2025 Q1", "correct"),
        ("03-first-sk-hynix-lead", "2025-Q1", "correct"),
        ("03-recall-1", "c", "correct"),
        ("03-recall-2", "b", "correct"),
        ("03-uses-once", "c", "correct"),
        ("03-why-lead-changed", "b", "correct"),
        ("03-dram-vs-foundry", "a", "correct"),
        ("03-forecast-direction", "a", "correct"),
        ("03-hbm-vs-dram", "b", "correct"),
        ("03-hbm-hhi", 4174, "correct"),
        ("03-forecast-miss-pct", 2.53, "correct"),
        ("03-forecast-miss-pct", 2.5, "correct"),
    ],
)
def test_feedback(qid, answer, status):
    assert checks.check(qid, answer).status == status


def test_new_answers_are_computed_from_the_data():
    dram = memory.dram_concentration("2025Q2")["hhi"]
    foundry = chips.foundry_concentration("2025Q2")["hhi"]
    assert checks.expected("03-dram-vs-foundry") == ("a" if dram < foundry else "b")
    hbm = memory.hbm_shares().loc["2025Q3"].dropna().astype(float)
    assert checks.expected("03-hbm-hhi") == pytest.approx(metrics.hhi(hbm))
    assert checks.expected("03-hbm-hhi") == pytest.approx(57**2 + 22**2 + 21**2)
    sales = chips.world_sales()
    in_2025 = sales[sales["year"] == 2025].set_index("status")["world_sales_busd"]
    miss = 100 * (in_2025["actual"] - in_2025["forecast"]) / in_2025["forecast"]
    assert checks.expected("03-forecast-miss-pct") == pytest.approx(miss)
    assert checks.expected("03-forecast-direction") == "a"  # 791.7 actual > 772.2 forecast
    assert checks.expected("03-recall-1") == "c"  # the foundry data measure revenue
    assert checks.expected("03-recall-2") == "b"  # fabrication least, below 10 nm high
    assert checks.expected("03-uses-once") == "c"
    hbm_hhi = checks.expected("03-hbm-hhi")
    assert checks.expected("03-hbm-vs-dram") == (
        "b" if hbm_hhi > memory.dram_concentration("2025Q3")["hhi"] else "a"
    )
    assert checks.expected("03-hbm-vs-dram") == "b"  # 4,174 against 2,825


def test_section_4_shows_no_share_before_exercise_9_and_asks_exercise_11_before_the_actual():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    sources = ["".join(c["source"]) for c in nb["cells"]]
    ex9 = next(k for k, s in enumerate(sources) if 'check("03-chip-export-share-2024"' in s)
    sec4 = next(k for k, s in enumerate(sources) if s.startswith("## 4."))
    assert not any("chip_share_pct" in s or "20.8" in s for s in sources[sec4:ex9])
    ex11 = next(k for k, s in enumerate(sources) if 'check("03-forecast-direction"' in s)
    assert not any("791.7" in s or "world_sales()" in s for s in sources[:ex11])
    sec5 = next(k for k, s in enumerate(sources) if s.startswith("## 5."))
    assert sec4 < ex11 < sec5


@pytest.mark.parametrize(
    "qid, answer, code",
    [
        ("03-recall-1", "a", "revenue-is-capacity"),
        ("03-recall-1", "b", "headquarters-is-location"),
        ("03-recall-2", "a", "whole-equals-part"),
        ("03-recall-2", "c", "not-concentrated-no-chokepoint"),
        ("03-uses-once", "a", "peak-is-speed"),
        ("03-uses-once", "b", "hbm-not-dram"),
        ("03-uses-once", "d", "more-flops-faster"),
        ("03-why-lead-changed", "a", "lead-by-growth"),
        ("03-why-lead-changed", "c", "misread-third"),
        ("03-dram-vs-foundry", "b", "three-makers-more-concentrated"),
        ("03-dram-vs-foundry", "c", "band-is-value"),
        ("03-forecast-direction", "b", "forecast-always-high"),
        ("03-forecast-direction", "c", "late-forecast-exact"),
        ("03-numbers-per-kflop", 1.78, "bytes-not-numbers"),
        ("03-numbers-per-kflop", 3.56, "times-not-divided"),
        ("03-first-sk-hynix-lead", "2025Q2", "latest-not-first"),
        ("03-korea-dram-share", 38.7, "top1-not-all"),
        ("03-korea-dram-share", 93.4, "all-not-korean"),
        ("03-korea-dram-share-2025q4", 71.4, "wrong-quarter"),
        ("03-korea-dram-share-2025q4", 36.0, "top1-not-all"),
        ("03-dram-hhi", 5051, "foundry-not-dram"),
        ("03-dram-hhi", 2567, "missing-maker"),
        ("03-hbm-hhi", 2825, "dram-not-hbm"),
        ("03-hbm-hhi", 4762, "wrong-quarter"),
        ("03-chip-export-share-2024", 24.4, "latest-not-asked"),
        ("03-chip-export-share-2024", 15.6, "wrong-year"),
        ("03-chip-export-change", -43.3, "sign-flipped"),
        ("03-chip-export-change", 43.91, "percent-not-absolute"),
        ("03-chip-export-change", 5.2, "share-not-value"),
        ("03-forecast-miss-pct", 2.46, "actual-as-base"),
        ("03-forecast-miss-pct", 19.5, "absolute-not-percent"),
        ("03-forecast-miss-pct", 25.6, "growth-not-miss"),
        ("03-forecast-miss-pct", 102.5, "ratio-not-miss"),
        ("03-hbm-hhi", 3733, "missing-maker"),
        ("03-hbm-hhi", 3249, "top1-only"),
        ("03-hbm-hhi", 100, "sum-not-squares"),
        ("03-hbm-hhi", 0.4174, "fraction"),
        ("03-hbm-hhi", 4201, "incomplete-quarter"),
        ("03-hbm-vs-dram", "a", "part-less-concentrated"),
        ("03-hbm-vs-dram", "c", "different-source"),
        ("03-chip-export-change", 31.5, "wrong-years"),
        ("03-chip-export-change", 12.7, "wrong-start-year"),
        ("03-first-sk-hynix-lead", "2025", "year-not-quarter"),
        ("03-first-sk-hynix-lead", "Q1", "quarter-not-year"),
        ("03-korea-dram-share", 0, "empty-filter"),
        ("03-korea-dram-share-2025q4", 0.0, "empty-filter"),
    ],
)
def test_named_mistakes_are_recognised(qid, answer, code):
    feedback = checks.check(qid, answer)
    assert (feedback.status, feedback.diagnosis) == ("incorrect", code)


def test_hints_escalate_in_two_stages():
    for qid in checks.questions("03"):
        assert len(checks._get(qid).hint.split("\n")) == 2, qid


def test_notebook_metadata_and_structure():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    meta = nb["metadata"]["koit"]
    assert meta["title"] == "Memory, HBM and Korea's chip economy"
    assert 30 <= meta["minutes"] <= 120
    sources = ["".join(c["source"]) for c in nb["cells"]]
    code = [s for c, s in zip(nb["cells"], sources, strict=True) if c["cell_type"] == "code"]
    assert sum(s.startswith("ax = plots.") for s in code) >= 3
    assert sum('check("03-' in s for s in code) >= 3
    text = "\n".join(sources)
    for heading in ("## Summary", "## Sources", "## Glossary", "### Think!"):
        assert heading in text
    assert any("solution" in c["metadata"].get("tags", []) for c in nb["cells"])
    assert "KSIA" in text and "ANIE" in text and "19 January 2026" in text


def test_listed_as_a_lesson():
    assert "03" in [lesson.number for lesson in lessons.lessons()]


def test_figures_draw_from_shipped_data():
    ax = plots.line(memory.dram_history(), "time", "share_pct", group="company")
    assert len(ax.lines) == 3
    ax = plots.hhi_bars(memory.concentration_history(), label="quarter")
    assert ax.get_title() == "" or ax.get_title()
    ax = plots.barh(memory.bandwidth_per_flop(), "bytes_per_kflop", "chip", iso3=None)
    assert len(ax.patches) == 3
