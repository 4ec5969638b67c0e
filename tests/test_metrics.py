import math

import numpy as np
import pandas as pd
import pytest

from koit_lessons import metrics
from koit_lessons.errors import KoitError


def test_shares_of_sum_and_of_total():
    assert metrics.shares([1, 3]).tolist() == [25.0, 75.0]
    s = metrics.shares(pd.Series({"AUS": 88_000, "CHL": 49_000}), total=240_000)
    assert list(s.index) == ["AUS", "CHL"]
    assert s["AUS"] == pytest.approx(36.6667, abs=1e-4)
    assert metrics.shares({"a": 2, "b": 2})["a"] == 50.0
    assert metrics.shares(np.array([1.0, 1.0, 2.0])).tolist() == [25.0, 25.0, 50.0]


def test_shares_rejects_values_above_total():
    with pytest.raises(KoitError, match="more than the total"):
        metrics.shares([60, 50], total=100)
    # a rounded total a little below the sum is accepted
    assert metrics.shares([381, 381], total=760).sum() == pytest.approx(100.26, abs=0.01)


@pytest.mark.parametrize(
    "bad, message",
    [
        ([], "empty"),
        ("lithium", "list, dict or Series"),
        (42, "list, dict or Series"),
        ([1, "two"], "must all be numbers"),
        ([1, float("nan")], "missing values"),
        ([1, -2], "must not be negative"),
        (pd.DataFrame({"x": [1]}), "not a whole table"),
    ],
)
def test_bad_values_get_a_sentence(bad, message):
    with pytest.raises(KoitError, match=message):
        metrics.shares(bad)


def test_top_k_share():
    assert metrics.top_k_share([20, 50, 30], 1) == 50
    assert metrics.top_k_share([20, 50, 30], 2) == 80
    assert metrics.top_k_share([20, 50, 30], 10) == 100
    for k in (0, -1, 1.5, True):
        with pytest.raises(KoitError, match="whole number"):
            metrics.top_k_share([1, 2], k)


def test_hhi_hand_computed():
    assert metrics.hhi([100]) == 10_000
    assert metrics.hhi([50, 50]) == 5_000
    assert metrics.hhi([50, 30, 20]) == 2_500 + 900 + 400
    assert metrics.hhi([10] * 10) == pytest.approx(1_000)


def test_hhi_rejects_fractions_and_over_100():
    with pytest.raises(KoitError, match="fractions"):
        metrics.hhi([0.5, 0.5])
    with pytest.raises(KoitError, match="more than 100"):
        metrics.hhi([80, 40])
    assert metrics.hhi([98.7, 0.4, 0.4, 0.8]) == pytest.approx(98.7**2 + 0.16 + 0.16 + 0.64)


def test_hhi_band_thresholds():
    assert metrics.hhi_band(999) == "unconcentrated"
    assert metrics.hhi_band(1000) == "moderately concentrated"
    assert metrics.hhi_band(1800) == "moderately concentrated"
    assert metrics.hhi_band(1801) == "highly concentrated"
    with pytest.raises(KoitError, match="between 0 and 10,000"):
        metrics.hhi_band(12_000)


def test_growth_cagr_doubling_hand_computed():
    assert metrics.growth_rate(200, 250) == 25
    assert metrics.growth_rate(200, 150) == -25
    assert metrics.cagr(100, 121, 2) == pytest.approx(10)
    assert metrics.cagr(100, 200, 1) == pytest.approx(100)
    assert metrics.doubling_time(100) == pytest.approx(1)
    assert metrics.doubling_time(10) == pytest.approx(math.log(2) / math.log(1.1))
    # the rule of 70 is a close approximation for small rates
    assert metrics.doubling_time(2) == pytest.approx(35.0, abs=0.1)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: metrics.growth_rate(0, 5), "start value is 0"),
        (lambda: metrics.growth_rate("1", 5), "must be a number"),
        (lambda: metrics.cagr(100, 200, 0), "more than 0"),
        (lambda: metrics.cagr(-1, 200, 3), "positive"),
        (lambda: metrics.doubling_time(0), "rate must be above 0"),
        (lambda: metrics.doubling_time(float("nan")), "must be a number"),
    ],
)
def test_growth_bad_input(call, message):
    with pytest.raises(KoitError, match=message):
        call()


def test_a_whole_table_is_refused_naming_a_column_of_numbers():
    """The message named the table's last column, often text (df['source_url'])."""
    import pandas as pd

    from koit_lessons.errors import KoitError

    table = pd.DataFrame(
        {"country": ["A", "B"], "year": [2024, 2024], "share_pct": [60.0, 40.0], "url": ["x", "y"]}
    )
    with pytest.raises(KoitError, match=r"e\.g\. df\['share_pct'\]\."):
        metrics.hhi(table)
    with pytest.raises(KoitError, match=r"e\.g\. df\['production'\]\."):
        metrics.shares(table.rename(columns={"share_pct": "production"}))
