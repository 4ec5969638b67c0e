import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from koit_lessons import minerals, plots  # noqa: E402
from koit_lessons.errors import KoitError  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _texts(ax):
    return [t.get_text() for t in ax.texts]


def test_barh_returns_axes_with_fixed_country_colours_and_source():
    table = minerals.producers("graphite", 2024)  # Korea mined graphite (MCS 2026)
    ax = plots.barh(table, "share_pct", "country")
    assert isinstance(ax, matplotlib.axes.Axes)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[-1] == "China"  # largest on top
    korea = ax.patches[labels.index("Korea, Republic of")]
    assert matplotlib.colors.to_hex(korea.get_facecolor()) == plots.COUNTRY_COLORS["KOR"].lower()
    assert any(t.startswith("Source: U.S. Geological Survey") for t in _texts(ax))


def test_barh_draws_into_a_given_axes():
    fig, (left, right) = plt.subplots(1, 2)
    out = plots.barh(minerals.producers("cobalt"), "share_pct", "country", ax=right)
    assert out is right and not left.patches


def test_use_style_is_opt_in():
    before = matplotlib.rcParams["axes.spines.top"]
    plots.barh(minerals.producers("cobalt"), "share_pct", "country")
    assert matplotlib.rcParams["axes.spines.top"] == before
    with matplotlib.rc_context():
        plots.use_style()
        assert matplotlib.rcParams["axes.spines.top"] is False


def test_hhi_bars_colour_by_band():
    ax = plots.hhi_bars(minerals.concentration_table(2024))
    assert len(ax.patches) == len(minerals.mineral_names())
    assert ax.get_xlim() == (0, 10_000)


def test_line_plot_groups_and_colours():
    df = pd.DataFrame(
        {
            "year": [2020, 2021, 2020, 2021],
            "v": [1, 2, 3, 4],
            "iso3": ["KOR", "KOR", "ITA", "ITA"],
            "name": ["Korea"] * 2 + ["Italy"] * 2,
        }
    )
    ax = plots.line(df, "year", "v", "name", iso3="iso3", source="Source: test.")
    colours = {ln.get_label(): matplotlib.colors.to_hex(ln.get_color()) for ln in ax.lines}
    assert colours == {
        "Italy": plots.COUNTRY_COLORS["ITA"].lower(),
        "Korea": plots.COUNTRY_COLORS["KOR"].lower(),
    }
    assert "Source: test." in _texts(ax)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: plots.barh("table", "a", "b"), "Pass a table"),
        (lambda: plots.barh(pd.DataFrame(), "a", "b"), "empty"),
        (lambda: plots.barh(minerals.producers("cobalt"), "share", "country"), "no column 'share'"),
        (
            lambda: plots.barh(minerals.producers("cobalt"), "country", "country"),
            "must hold numbers",
        ),
        (lambda: plots.barh(pd.DataFrame({"a": [1], "b": ["x"]}), "a", "b"), "no source note"),
        (lambda: plots.barh(minerals.producers("cobalt"), "share_pct", "country", ax=3), "ax="),
    ],
)
def test_bad_input_gets_a_sentence(call, message):
    with pytest.raises(KoitError, match=message):
        call()


def _draws_in_a_kernel(style: bool) -> tuple[int, list[str]]:
    """Run two cells in a real kernel (inline backend): draw a helper's figure, then
    count how often its canvas was drawn and what the cell showed."""
    import nbformat
    from nbclient import NotebookClient

    from koit_lessons._kernel import KernelManager

    setup = "import matplotlib.pyplot as plt\n\nfrom koit_lessons import minerals, plots\n"
    # without use_style, make pyplot set up its backend in this first cell as use_style
    # does (with Matplotlib 3.7 and IPython 9 the inline backend is ready only after
    # the cell in which pyplot first picks it)
    setup += "plots.use_style()\n" if style else "plt.close(plt.figure())\n"
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(setup + "draws = []"),
        nbformat.v4.new_code_cell(
            "ax = plots.barh(minerals.producers('cobalt'), 'share_pct', 'country')\n"
            "ax.figure.canvas.mpl_connect('draw_event', lambda event: draws.append(1))"
        ),
        nbformat.v4.new_code_cell("print(len(draws))"),
    ]
    NotebookClient(
        nb, timeout=300, kernel_name="python3", kernel_manager_class=KernelManager
    ).execute()
    shown = [k for o in nb.cells[1].outputs for k in o.get("data", {})]
    return int(nb.cells[2].outputs[0]["text"]), shown


def test_use_style_skips_the_hidden_redraw_in_a_notebook_and_still_shows_the_figure():
    plain, plain_shown = _draws_in_a_kernel(style=False)
    styled, styled_shown = _draws_in_a_kernel(style=True)
    assert "image/png" in plain_shown and "image/png" in styled_shown
    assert styled == plain - 1  # pyplot's redraw after the cell is gone, nothing else


def test_barh_can_keep_years_in_time_order():
    """Regression: lesson 03's export-share bars read 2025, 2024, 2022, 2023 (by size)."""
    from koit_lessons import memory

    k = memory.exports()
    k = k.assign(label=k["year"].astype(str))
    ax = plots.barh(k, "chip_share_pct", "label", iso3=None, order="given")
    top_to_bottom = [t.get_text() for t in ax.get_yticklabels()][::-1]
    assert top_to_bottom == [str(y) for y in k["year"]]
    by_size = [t.get_text() for t in plots.barh(k, "chip_share_pct", "label").get_yticklabels()]
    assert by_size[-1] == k.loc[k["chip_share_pct"].idxmax(), "label"]


def test_value_labels_inside_a_bar_pick_the_ink_that_reads():
    """White on the palette's vermillion is 3.9:1: a label inside such a bar is black
    (lesson 04's copper HHI label failed the figure audit)."""
    from koit_lessons.plots import basic
    from koit_lessons.plots._audit import contrast_ratio

    for fill in [*plots.PALETTE, plots.NEUTRAL, "#0072B2", "#007A5A"]:
        assert contrast_ratio(basic._ink(fill), fill) >= 4.5, fill
    assert basic._ink("#D55E00") == "black"
    assert basic._ink("#882255") == "white"


def test_barh_xmax_gives_charts_one_scale():
    mined = minerals.producers("copper", 2024)
    refined = minerals.producers("copper", 2024, dataset="mineral_processing")
    top = max(mined["share_pct"].max(), refined["share_pct"].max()) * 1.1
    a = plots.barh(mined, "share_pct", "country", xmax=top)
    b = plots.barh(refined, "share_pct", "country", xmax=top)
    assert a.get_xlim() == b.get_xlim() == (0.0, top)
    with pytest.raises(KoitError, match="at least the longest bar"):
        plots.barh(mined, "share_pct", "country", xmax=1)


def test_stage_bars_draw_a_projection_as_a_projection():
    from koit_lessons import chips

    advanced = chips.capacity_history("below 10 nm")
    ax = plots.stage_bars(
        advanced, "share_pct", "region", stage="when", projected=["2032 (projection)"]
    )
    n_projected = int((advanced["when"] == "2032 (projection)").sum())
    dashed = [p for p in ax.patches if p.get_hatch() and p.get_linestyle() == "--"]
    assert len(dashed) == n_projected > 0  # the projected bars, and only they
    assert "projection" in plots.describe(ax)
    with pytest.raises(KoitError):
        plots.stage_bars(advanced, "share_pct", "region", stage="when", projected=["2040"])
