"""Unit tests of koit_lessons.compute, the log-trend plot and the training-run calculator."""

import math

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from koit_lessons import compute, metrics, plots  # noqa: E402
from koit_lessons.errors import KoitError  # noqa: E402
from koit_lessons.widgets import TrainingRunCalculator  # noqa: E402


def test_training_flop_is_six_n_d():
    assert compute.training_flop(1e9, 20e9) == pytest.approx(1.2e20)
    assert compute.training_flop(405e9, 15.6e12) == pytest.approx(3.7908e25)


@pytest.mark.parametrize(
    "args, match",
    [
        ((-1, 10), "parameters must be more than 0"),
        ((0, 10), "parameters must be more than 0"),
        (("1e9", 10), "must be a number, not '1e9'"),
        ((1e9, float("nan")), "tokens must be a number"),
        ((True, 10), "must be a number"),
        ((1e9, float("inf")), "finite"),
    ],
)
def test_training_flop_rejects_bad_input(args, match):
    with pytest.raises(KoitError, match=match):
        compute.training_flop(*args)


def test_chip_time_arithmetic():
    # 1e18 FLOP at 1e12 FLOP/s and 50 % utilisation: 2e6 chip-seconds
    assert compute.chip_seconds(1e18, 1e12, 0.5) == pytest.approx(2e6)
    assert compute.chip_hours(3.6e18, 1e12, 1.0) == pytest.approx(1000)
    # one day of one chip at full speed
    assert compute.training_time_days(8.64e16, 1e12, 1.0, 1) == pytest.approx(1.0)
    # twice the chips, half the time
    one = compute.training_time_days(1e22, 1e14, 0.4, 100)
    two = compute.training_time_days(1e22, 1e14, 0.4, 200)
    assert two == pytest.approx(one / 2)


def test_chips_needed_rounds_up_and_matches_time():
    flop = 8.64e16 * 10  # ten chip-days at 1 TFLOP/s
    assert compute.chips_needed(flop, 1e12, 1.0, 2) == 5
    assert compute.chips_needed(flop, 1e12, 1.0, 3) == 4
    assert compute.chips_needed(flop, 1e12, 1.0, 100) == 1
    n = compute.chips_needed(3.8e25, 459e12, 0.4, 90)
    assert compute.training_time_days(3.8e25, 459e12, 0.4, n) <= 90
    assert compute.training_time_days(3.8e25, 459e12, 0.4, n - 1) > 90


def test_utilisation_must_be_a_fraction():
    with pytest.raises(KoitError, match="Did you mean 0.4"):
        compute.chip_seconds(1e18, 1e12, 40)
    with pytest.raises(KoitError, match="utilisation must be more than 0"):
        compute.chip_seconds(1e18, 1e12, 0)


def test_chip_counts_must_be_whole():
    assert compute.training_time_days(1e18, 1e12, 1, 2.0) > 0
    with pytest.raises(KoitError, match="whole number"):
        compute.training_time_days(1e18, 1e12, 1, 2.5)
    with pytest.raises(KoitError, match="1 or more"):
        compute.training_time_days(1e18, 1e12, 1, 0)


def test_energy_is_power_times_chips_times_hours():
    assert compute.energy_mwh(500, 1000, 24) == pytest.approx(12.0)
    assert compute.energy_mwh(500, 1000, 0) == 0
    with pytest.raises(KoitError, match="power per chip"):
        compute.energy_mwh(-5, 10, 1)


def test_decimal_year():
    d = pd.Series(pd.to_datetime(["2020-01-01", "2021-07-02", "2023-12-31"]))
    out = compute.decimal_year(d)
    assert out.iloc[0] == 2020.0
    assert out.iloc[1] == pytest.approx(2021.5, abs=0.01)
    assert 2023.99 < out.iloc[2] < 2024
    with pytest.raises(KoitError, match="Series"):
        compute.decimal_year(["2020-01-01"])


def test_fit_trend_recovers_a_known_exponential():
    years = np.arange(2010, 2021)
    df = pd.DataFrame({"year": years, "flop": 1e18 * 4.0 ** (years - 2010)})
    fit = compute.fit_trend(df, date="year", value="flop")
    assert fit["annual_growth"] == pytest.approx(4.0)
    assert fit["doubling_months"] == pytest.approx(6.0)
    assert fit["doubling_years"] == pytest.approx(metrics.doubling_time(300))
    assert fit["r2"] == pytest.approx(1.0)
    assert fit["n"] == len(years)


def test_fit_trend_friendly_errors():
    df = pd.DataFrame({"year": [2020, 2021], "flop": [1e20, 0]})
    with pytest.raises(KoitError, match="positive numbers"):
        compute.fit_trend(df, date="year", value="flop")
    with pytest.raises(KoitError, match="no column 'flops'"):
        compute.fit_trend(df, date="year", value="flops")
    with pytest.raises(KoitError, match="same date"):
        compute.fit_trend(pd.DataFrame({"year": [2020, 2020], "f": [1, 2]}), "year", "f")
    with pytest.raises(KoitError, match="at least two rows"):
        compute.fit_trend(pd.DataFrame({"year": [2020], "f": [1]}), "year", "f")
    with pytest.raises(KoitError, match="DataFrame"):
        compute.fit_trend([1, 2])


def test_doubling_months():
    assert compute.doubling_months(4.0) == pytest.approx(6.0)
    assert compute.doubling_months(2.0) == pytest.approx(12.0)
    with pytest.raises(KoitError, match="above 1"):
        compute.doubling_months(0.9)


def test_trend_of_the_shipped_data_is_a_fast_exponential():
    fit = compute.fit_trend(compute.models())
    assert fit["n"] == len(compute.models())
    assert 2 < fit["annual_growth"] < 6  # Epoch AI, with many more models: about 4-5x a year
    assert fit["doubling_months"] == pytest.approx(compute.doubling_months(fit["annual_growth"]))
    assert 0.5 < fit["r2"] <= 1


def test_accelerators_and_intensity():
    chips = compute.accelerators()
    assert set(chips["chip"]) == set(compute.accelerator_names())
    v4 = chips.set_index("chip").loc["Google TPU v4"]
    assert v4["memory_gb"] == pytest.approx(32 * 2**30 / 1e9)  # GiB converted
    assert v4["flop_per_byte"] == pytest.approx(275e12 / 1200e9)
    assert compute.arithmetic_intensity(100e12, 2e12) == 50
    assert chips.attrs["source"].startswith("Source: Google Cloud")


def test_accelerator_lookup_is_friendly():
    assert compute.accelerator("google tpu v5p")["peak_bf16_tflops"] == 459
    assert compute.accelerator("Google TPU v5p")["power_w"] is None
    with pytest.raises(KoitError, match="Did you mean 'Google TPU v5p'"):
        compute.accelerator("Google TPU v5")
    with pytest.raises(KoitError, match="as text"):
        compute.accelerator(5)


def test_training_run_puts_it_together():
    run = compute.training_run(1e9, 20e9, "Google TPU v4", 0.5, 8)
    assert run["flop"] == pytest.approx(1.2e20)
    assert run["chip_hours"] == pytest.approx(1.2e20 / (275e12 * 0.5) / 3600)
    assert run["days"] == pytest.approx(run["chip_hours"] / 8 / 24)
    assert run["energy_mwh"] == pytest.approx(192 * 8 * run["days"] * 24 / 1e6)
    assert compute.training_run(1e9, 20e9, "Google TPU v5p")["energy_mwh"] is None


def test_data_centre_electricity_labels():
    df = compute.data_centre_electricity()
    assert list(df["label"]) == ["2024 (IEA estimate)", "2030 (IEA projection)"]


def test_log_trend_plot():
    m = compute.models()
    m["korean"] = m["country"].fillna("").str.contains("Korea")
    fit = compute.fit_trend(m)
    ax = plots.log_trend(
        m,
        "decimal_year",
        "training_compute_flop",
        fit=fit,
        label="model",
        highlight="korean",
        highlight_name="Korea",
        annotate=["AlexNet"],
        title="T",
    )
    assert ax.get_yscale() == "log"
    texts = [t.get_text() for t in ax.texts]
    assert "AlexNet" in texts and "EXAONE Deep 32B" in texts
    assert any(t.startswith("Source: Epoch AI") for t in texts)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "Korea" in legend and any("per year" in t for t in legend)
    line = ax.get_lines()[0]
    x0 = line.get_xdata()[0]
    assert line.get_ydata()[0] == pytest.approx(
        10 ** (fit["intercept_log10"] + fit["slope_log10"] * x0)
    )
    matplotlib.pyplot.close(ax.figure)


def test_log_trend_plot_errors():
    m = compute.models()
    with pytest.raises(KoitError, match="no column 'flop'"):
        plots.log_trend(m, "decimal_year", "flop")
    bad = pd.DataFrame({"x": [1, 2], "y": [1.0, -1.0]})
    with pytest.raises(KoitError, match="positive numbers"):
        plots.log_trend(bad, "x", "y", source="s")


def test_calculator_default_and_update():
    calc = TrainingRunCalculator()
    html = calc.result.value
    assert "6 × parameters × tokens" in html and "MWh" in html and "days" in html
    assert (
        f"{compute.training_run(405e9, 15.6e12, 'Google TPU v4', 0.4, 8192)['days']:,.1f}" in html
    )
    days_before = calc.run()["days"]
    calc.chips.value = 16384
    assert calc.run()["days"] == pytest.approx(days_before / 2)
    assert calc.result.value != html
    calc.chip.value = "Google TPU v5p"
    assert "no vendor power figure" in calc.result.value
    calc.chips.value = 0  # a typo in the box never raises inside the widget
    assert calc.run()["chips"] == 1


def test_calculator_bad_start_values():
    with pytest.raises(KoitError, match="Did you mean"):
        TrainingRunCalculator(chip="TPU v4")
    with pytest.raises(KoitError, match="utilisation"):
        TrainingRunCalculator(utilisation=40)
    assert math.isfinite(TrainingRunCalculator(parameters=1e7, tokens=1e9).run()["days"])
