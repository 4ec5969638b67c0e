import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

from koit_lessons import minerals, widgets  # noqa: E402
from koit_lessons.errors import KoitError  # noqa: E402


def test_explorer_default_state():
    ex = widgets.MineralExplorer()
    assert ex.mineral.value == "lithium"
    assert ex.year.value == max(minerals.years())
    assert "Australia" in ex.summary.value and "HHI" in ex.summary.value


def test_changing_a_control_updates_the_summary_and_figure():
    ex = widgets.MineralExplorer()
    before = ex.summary.value
    ex.mineral.value = "cobalt"
    assert ex.summary.value != before
    assert "Congo (Kinshasa)" in ex.summary.value
    ax = ex.draw()
    assert "cobalt" in ax.get_title()
    ex.year.value = 2024
    assert "2024" in ex.summary.value


def test_bad_start_values_get_a_friendly_error():
    with pytest.raises(KoitError, match="Did you mean 'lithium'"):
        widgets.MineralExplorer("lithum")
    with pytest.raises(KoitError, match="no data for the year 1999"):
        widgets.MineralExplorer("lithium", 1999)


def test_the_explorer_says_produced_for_a_mineral_not_measured_by_mining():
    """Regression (second reader of lesson 00): the explorer said China 'mined' gallium,
    whose data are primary (refinery) production, as lesson 00 itself says."""
    from koit_lessons.widgets.minerals import MineralExplorer

    ex = MineralExplorer("gallium", 2024)
    assert " produced " in ex.summary_text() and " mined " not in ex.summary_text()
    ax = ex.draw()
    assert ax.get_title().startswith("Who produces gallium?") and "mine" not in ax.get_xlabel()
    ex.mineral.value = "lithium"
    assert " mined " in ex.summary_text()
