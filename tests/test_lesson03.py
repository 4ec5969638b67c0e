"""Lesson 03: checked exercises, notebook metadata and figures from the memory data."""

import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from koit_lessons import checks, lessons, memory, metrics, plots  # noqa: E402

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
    ],
)
def test_feedback(qid, answer, status):
    assert checks.check(qid, answer).status == status


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
