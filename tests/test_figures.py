"""Every figure of every lesson passes the figure audit (koit_lessons.plots._audit) and is
described from its data (plots.describe), and the audit catches each kind of problem it
looks for.

The lessons' figures come from running each notebook's code cells as the lesson does
(tests/lesson_figures.py): a figure a lesson gains is audited without a change here.
To look at them: ``python tests/lesson_figures.py /tmp/figures``.
"""

import json
import re
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from koit_lessons.plots import describe  # noqa: E402
from koit_lessons.plots._audit import audit, contrast_ratio  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import lesson_figures  # noqa: E402

LESSONS = lesson_figures.lessons()
#: how a figure's description starts: the kind of chart
KINDS = (
    r"(Horizontal bar chart|Grouped horizontal bar chart|Bar chart|Line chart|Scatter chart"
    r"|Timeline|Membership grid|Network) "
)


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_there_are_lessons_to_look_at():
    assert len(LESSONS) >= 10


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_every_figure_of_the_lesson_passes_the_audit(path):
    problems, cells, explorers = [], set(), set()
    for item in lesson_figures.lesson_figures(path, explorers):
        cells.add(item.cell)
        problems += [f"{item.name}: {p}" for p in audit(item.figure)]
        # described from its data: a kind of chart and at least one value
        text = describe(item.figure)
        if not re.match(KINDS, text) or not re.search(r"\d", text):
            problems.append(f"{item.name}: no description from its data ({text!r})")
    assert not problems, "\n".join(problems)
    # every cell that calls a figure function or builds an explorer with a figure area
    # showed a figure, and so had it audited
    missing = (set(lesson_figures.drawing_cells(path)) | explorers) - cells
    assert not missing, f"cells {sorted(missing)} should show a figure but showed none"


def _notebook(tmp_path, *sources):
    cells = [{"cell_type": "code", "metadata": {}, "source": s, "outputs": []} for s in sources]
    path = tmp_path / "99_test.ipynb"
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4}), "utf-8")
    return path


def test_the_collector_sees_plain_matplotlib_and_explorers_figures(tmp_path):
    path = _notebook(
        tmp_path,
        "import matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.plot([1, 2])",
        "x = 1",
        "from koit_lessons import widgets\nwidgets.mineral_explorer()",
    )
    explorers = set()
    seen = [(f.cell, f.number) for f in lesson_figures.lesson_figures(path, explorers)]
    assert seen == [(0, 0), (2, 0)]
    assert explorers == {2}


def test_a_cell_that_calls_a_figure_function_is_expected_to_draw(tmp_path):
    path = _notebook(tmp_path, "from koit_lessons import plots\nplots.use_style()", "plots.barh(t)")
    assert lesson_figures.drawing_cells(path) == [1]


# --- the audit catches what it should (each on a figure made bad on purpose) ---------


def _clean():
    fig, ax = plt.subplots(figsize=(6, 4), layout="constrained")
    ax.bar(["a", "b"], [1, 2], color="#0072B2")
    ax.set_title("A clean figure")
    ax.set_xlabel("Letter")
    return fig, ax


def test_a_clean_figure_has_no_problems():
    fig, _ = _clean()
    assert audit(fig) == []


def test_text_on_text():
    fig, ax = _clean()
    ax.text(0, 1.5, "one label here")
    ax.text(0, 1.5, "another label")
    assert any("overlaps the text 'another label'" in p for p in audit(fig))


def test_a_legend_over_a_value_label():
    fig, ax = _clean()
    ax.text(0.02, 0.97, "label under the legend", transform=ax.transAxes, va="top")
    ax.legend(ax.patches[:1], ["a legend entry"], loc="upper left")
    assert any("legend covers the text 'label under the legend'" in p for p in audit(fig))


def test_a_reference_line_through_a_value_label():
    fig, ax = _clean()
    ax.annotate("59.5%", (0, 1), xytext=(0, 3), textcoords="offset points", ha="center")
    ax.axhline(1.03, color="black", linestyle="--")
    assert any("reference line runs through the text '59.5%'" in p for p in audit(fig))


def test_a_name_over_another_point():
    fig, ax = plt.subplots(layout="constrained")
    ax.scatter([0, 0.05], [0, 0], color="#0072B2")
    ax.annotate("a long name", (0, 0), xytext=(-10, 0), textcoords="offset points")
    ax.set_xlim(-1, 1)
    assert any("covers a data point" in p for p in audit(fig))


def test_a_large_marker_half_under_a_name():
    # the marker's centre is just below the letters, but a large marker reaches into
    # them (lesson 01: a Korean model's diamond under another model's name)
    fig, ax = plt.subplots(layout="constrained")
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    fig.canvas.draw()
    text = ax.text(2, 5, "a long model name", va="bottom", fontsize=8)
    box = text.get_window_extent(fig.canvas.get_renderer())
    below = ax.transData.inverted().transform((box.x0 + 30, box.y0 - 1))
    ax.scatter([below[0]], [below[1]], s=70, marker="D", color="#0072B2")
    assert any("covers a data point" in p for p in audit(fig))
    ax.collections[0].set_sizes([4])  # a small dot there stays clear of the letters
    assert not any("covers a data point" in p for p in audit(fig))


def test_a_name_s_line_through_another_name():
    fig, ax = plt.subplots(layout="constrained")
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    ax.text(5, 5, "in the way", ha="center", va="center")
    ax.annotate("far", (5, 2), xytext=(5, 8), arrowprops={"arrowstyle": "-"}, ha="center")
    assert any("the line from the text 'far' runs through the text 'in the way'" in p
               for p in audit(fig))  # fmt: skip


def test_names_of_a_crowded_cluster_of_points_keep_clear():
    # three highlighted points close together near the right edge, as lesson 01's
    # newest Korean models are: every name is placed clear of points, names and lines
    from koit_lessons.plots import log_trend

    df = pd.DataFrame(
        {
            "year": [2012.8, 2016, 2020, 2024.5, 2025.2, 2025.53, 2026.0],
            "flop": [5e17, 1e20, 1e23, 3e24, 1.26e24, 2.69e24, 1.52e24],
            "model": ["A", "B", "C", "D", "EXAONE Deep 32B", "EXAONE 4.0 (32B)", "K-EXAONE"],
            "korean": [False, False, False, False, True, True, True],
        }
    )
    ax = log_trend(df, "year", "flop", label="model", highlight="korean", source="Source: x.")
    assert audit(ax.figure) == []
    assert {t.get_text() for t in ax.texts} >= {"EXAONE Deep 32B", "EXAONE 4.0 (32B)", "K-EXAONE"}


def test_text_past_the_figure_edge():
    fig, ax = _clean()
    fig.text(0.9, 0.5, "runs off the right-hand side")
    assert any("runs past the figure's edge" in p for p in audit(fig))


def test_colours_without_a_legend_or_direct_labels():
    fig, ax = plt.subplots(layout="constrained")
    ax.bar(["a", "b", "c"], [1, 2, 3], color=["#0072B2", "#D55E00", "#882255"])
    assert any("come in 3 colours" in p for p in audit(fig))
    ax.legend(ax.patches, ["a", "b", "c"])
    assert not any("colours" in p for p in audit(fig))


def test_a_colour_named_in_its_own_colour_is_a_direct_label():
    fig, ax = plt.subplots(layout="constrained")
    ax.barh(["Italy", "Korea", "France"], [1, 2, 3], color=["#707070", "#0072B2", "#707070"])
    assert any("come in 2 colours" in p for p in audit(fig))
    ax.get_yticklabels()[1].set_color("#0072B2")  # Korea named in Korea's colour
    assert audit(fig) == []  # grey is "everything else": one colour may go unexplained
    ax.patches[0].set_facecolor("#D55E00")
    assert any("come in 3 colours" in p for p in audit(fig))
    ax.get_yticklabels()[0].set(color="#D55E00")  # named in its colour, but 3.9:1 text
    assert any("contrast of 3.9:1" in p for p in audit(fig))
    ax.patches[0].set_facecolor("#882255")
    ax.get_yticklabels()[0].set(color="#882255")  # a darker colour reads as text
    assert audit(fig) == []


def test_a_time_axis_with_half_years():
    fig, ax = plt.subplots(layout="constrained")
    ax.plot([2021.75, 2022.0, 2023.5], [1, 2, 3], color="#0072B2")
    ax.set_xlabel("Year")
    assert any("2022.5" in p and "not whole years" in p for p in audit(fig))
    ax.set_xticks([2022, 2023], ["2022", "2023 Q1"])
    assert audit(fig) == []


def test_a_unit_per_year_is_not_a_time_axis():
    fig, ax = plt.subplots(layout="constrained")
    ax.plot([0.5, 1.5], [1, 2], color="#0072B2")
    ax.set_xlabel("Electricity (TWh per year)")
    assert audit(fig) == []


@pytest.mark.parametrize("colour", ["#F0E442", "#56B4E9", "#E69F00", "#BBBBBB"])
def test_faint_marks(colour):
    fig, ax = _clean()
    ax.plot([0, 0.5, 1], [0.5, 1, 1.5], color=colour, marker="o")
    assert any(f"a line in {colour.lower()}" in p for p in audit(fig))


def test_faint_text():
    fig, ax = _clean()
    ax.text(0, 1.8, "light grey", color="#BBBBBB")
    assert any("'light grey' in #bbbbbb" in p for p in audit(fig))
    ax.texts[0].set_color("#555555")
    assert audit(fig) == []


def test_contrast_ratio_follows_wcag():
    assert contrast_ratio("white", "white") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "white") == pytest.approx(4.54, abs=0.01)
