"""Lesson 01: its questions are computed from the data, and its notebook follows the conventions."""

import json

import numpy as np
import pytest

from koit_lessons import compute, lessons, metrics
from koit_lessons.checks import check, expected, questions

IDS = [
    "01-behemoth-flop",
    "01-doubling-months",
    "01-energy-double-chips",
    "01-faster-at-200",
    "01-gridline-count",
    "01-iea-growth",
    "01-kept-busy",
    "01-largest-model",
    "01-llama-flop",
    "01-orders-of-magnitude",
    "01-predict-faster",
    "01-recall-1",
    "01-recall-2",
    "01-run-days",
    "01-v6e-at-200",
]


def test_questions_are_registered():
    assert questions("01") == IDS


@pytest.mark.parametrize("qid", IDS)
def test_unanswered_is_not_an_error(qid):
    assert check(qid, ...).status == "unanswered"


def test_largest_model_comes_from_the_data():
    m = compute.models()
    assert expected("01-largest-model") == m.sort_values("training_compute_flop")["model"].iloc[-1]
    assert check("01-largest-model", "Grok 4").correct
    assert check("01-largest-model", "grok-4").correct
    # the largest of the May 2025 snapshot, overtaken by Grok 4 (July 2025)
    assert check("01-largest-model", "Grok-3").status == "incorrect"
    assert check("01-largest-model", "Llama 4 Behemoth").status == "incorrect"
    assert check("01-largest-model", "GPT-4").status == "incorrect"
    assert check("01-largest-model", 5).status == "invalid"


def test_doubling_time_matches_the_student_route():
    fit = compute.fit_trend(compute.models())
    student = 12 * np.log(2) / np.log(fit["annual_growth"])
    assert check("01-doubling-months", student).correct
    assert check("01-doubling-months", fit["doubling_years"]).status == "incorrect"


def test_llama_flop_and_run_days():
    assert check("01-llama-flop", 6 * 405e9 * 15.6e12).correct
    assert check("01-llama-flop", 2 * 405e9 * 15.6e12).status == "incorrect"
    peak = compute.accelerator("Google TPU v5p")["peak_bf16_tflops"] * 1e12
    days = 6 * 405e9 * 15.6e12 / (peak * 0.4 * 6144) / 86_400
    assert check("01-run-days", days).correct
    assert expected("01-run-days") == pytest.approx(days)
    assert 365 < days < 400  # "more than a year" in the feedback


def test_iea_growth_uses_the_data():
    df = compute.data_centre_electricity().set_index("period")["electricity_twh"]
    want = metrics.cagr(df[2024], df[2030], 6)
    assert expected("01-iea-growth") == pytest.approx(want)
    assert check("01-iea-growth", want / 100).status == "incorrect"  # fraction, not percent


def test_lesson_is_listed_with_title_and_time():
    item = lessons.lesson("01")
    assert item.filename == "01_why_ai_needs_chips.ipynb"
    assert 30 <= item.minutes <= 120


def _text(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def test_notebook_has_the_parts_of_a_lesson():
    nb = lessons.lesson("01").read()
    md = "\n".join(_text(c) for c in nb["cells"] if c["cell_type"] == "markdown")
    for heading in (
        "## What you will be able to do",
        "## Setup",
        "## Summary",
        "## Sources",
        "## Glossary",
    ):
        assert heading in md
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    figures = [c for c in code if any("image/png" in o.get("data", {}) for o in c["outputs"])]
    assert len(figures) >= 3
    checks = [c for c in code if 'check("01-' in _text(c)]
    assert len(checks) >= 3
    solutions = [c for c in nb["cells"] if "solution" in c["metadata"].get("tags", [])]
    assert len(solutions) >= 1
    for c in code:
        for o in c["outputs"]:
            if "[01-" in json.dumps(o):
                assert "Correct!" in json.dumps(o)  # the teacher version answers every exercise


def test_doubling_feedback_uses_the_data():
    months = compute.fit_trend(compute.models())["doubling_months"]
    fb = check("01-doubling-months", months)
    assert fb.correct and f"{months:.1f} months" in fb.message


# --- the starter, the choice item and the named mistakes (second readers, issue 20) ----


@pytest.mark.parametrize(
    "qid, wrong",
    [
        ("01-recall-1", {"b": "countries-signed", "c": "mou-binding"}),
        (
            "01-recall-2",
            {"a": "sum-not-squares", "c": "top-share-squared", "d": "product-not-squares"},
        ),
        (
            "01-energy-double-chips",
            {"a": "more-chips-more-energy", "b": "shorter-time-less-energy"},
        ),
        (
            "01-faster-at-200",
            {"a": "peak-is-speed", "b": "same-family-same-speed", "d": "misread-bandwidth"},
        ),
        ("01-predict-faster", {"b": "peak-is-speed"}),
    ],
)
def test_choices_name_their_misconceptions(qid, wrong):
    right = expected(qid)
    assert check(qid, right).correct
    for letter, code in wrong.items():
        assert check(qid, letter).diagnosis == code


def test_starter_hhi_comes_from_the_metric():
    assert metrics.hhi([60, 40]) == pytest.approx(5200)
    assert expected("01-recall-2") == "b"


def test_faster_chip_is_computed_from_the_table():
    chips = compute.accelerators().set_index("chip")

    def speed(chip):
        row = chips.loc[chip]
        return min(row["peak_bf16_tflops"], 200 * row["memory_bandwidth_gbps"] / 1000)

    v5p, v6e = speed("Google TPU v5p"), speed("Google TPU v6e (Trillium)")
    assert v5p > v6e  # memory holds v6e below v5p on this job
    assert expected("01-faster-at-200") == "c"
    # the distractor d must stay false: v6e's bandwidth is lower than v5p's
    assert (
        chips.loc["Google TPU v6e (Trillium)", "memory_bandwidth_gbps"]
        < chips.loc["Google TPU v5p", "memory_bandwidth_gbps"]
    )


def _days():
    peak = compute.accelerator("Google TPU v5p")["peak_bf16_tflops"] * 1e12
    return 6 * 405e9 * 15.6e12 / (peak * 0.4 * 6144) / 86_400


@pytest.mark.parametrize(
    "qid, answer, code",
    [
        ("01-llama-flop", lambda: 6 * 405e9 * 15.6e9, "billion-not-trillion"),
        ("01-llama-flop", lambda: 405e9 * 15.6e12, "no-six"),
        ("01-run-days", lambda: _days() * 24, "hours-not-days"),
        ("01-run-days", lambda: _days() * 86_400, "seconds-not-days"),
        ("01-run-days", lambda: _days() * 6144, "one-chip"),
        ("01-run-days", lambda: _days() * 0.4, "no-utilisation"),
        (
            "01-orders-of-magnitude",
            lambda: np.log10(compute.models()["training_compute_flop"].max()),
            "largest-alone",
        ),
        ("01-v6e-at-200", lambda: 200 * 1638e9, "flops-not-tflops"),
        (
            "01-iea-growth",
            lambda: metrics.cagr(
                *compute.data_centre_electricity().set_index("period")["electricity_twh"][
                    [2024, 2030]
                ],
                7,
            ),
            "years-counted-inclusive",
        ),
    ],
)
def test_typical_mistakes_are_named(qid, answer, code):
    fb = check(qid, answer())
    assert (fb.status, fb.diagnosis) == ("incorrect", code)


def test_a_count_of_gridlines_is_accepted():
    """Exercise 2: the chart has a gridline at every power of ten, so counting the
    gridlines between AlexNet and the largest model gives the answer."""
    m = compute.models()
    alexnet = m.loc[m["model"] == "AlexNet", "training_compute_flop"].iloc[0]
    top = m["training_compute_flop"].max()
    lines = sum(1 for k in range(10, 40) if alexnet < 10**k < top)
    assert check("01-orders-of-magnitude", lines).correct


def test_log_chart_has_a_gridline_at_every_power_of_ten():
    import matplotlib.pyplot as plt

    from koit_lessons import plots

    m = compute.models()
    ax = plots.log_trend(m, "decimal_year", "training_compute_flop", label="model")
    ticks = [t for t in ax.get_yticks() if ax.get_ylim()[0] <= t <= ax.get_ylim()[1]]
    assert np.allclose(np.diff(np.log10(ticks)), 1.0)
    plt.close(ax.figure)


def test_log_chart_keeps_its_source_line():
    """The source line sits below the axes: log_trend re-adds it last, and it must not be
    clipped to the axes (it was: the Epoch chart of lesson 01 lost its source)."""
    import io

    import matplotlib.pyplot as plt

    from koit_lessons import plots

    m = compute.models()
    ax = plots.log_trend(m, "decimal_year", "training_compute_flop", label="model")
    text = ax.texts[-1]
    assert text.get_text().startswith("Source: Epoch AI")
    assert not text.get_clip_on()
    fig = ax.figure
    fig.savefig(io.BytesIO(), format="png", bbox_inches="tight")  # lays the figure out
    box = text.get_window_extent(fig.canvas.get_renderer())
    whole = fig.get_tightbbox(fig.canvas.get_renderer()).transformed(fig.dpi_scale_trans)
    assert box.y0 >= whole.y0 - 1 and box.y1 <= whole.y1 + 1
    assert box.y1 <= ax.get_window_extent().y0  # below the axes, where clipping hid it
    plt.close(fig)


def test_hints_are_staged():
    for qid in IDS:
        from koit_lessons.checks import _get

        assert len([x for x in _get(qid).hint.split("\n") if x.strip()]) == 2, qid


def test_energy_does_not_change_with_the_chips():
    runs = [compute.training_run(405e9, 15.6e12, "Google TPU v4", 0.4, n) for n in (8192, 16384)]
    assert runs[1].days == pytest.approx(runs[0].days / 2)
    assert runs[1].energy_mwh == pytest.approx(runs[0].energy_mwh)
    assert expected("01-energy-double-chips") == "c"


def test_run_days_names_the_percent_and_the_years():
    """Exercise 6: 40 typed for 0.4, and the answer in years, are named (re-review)."""
    days = expected("01-run-days")
    assert check("01-run-days", days * 0.4 / 40).diagnosis == "utilisation-as-percent"
    assert check("01-run-days", days / 365).diagnosis == "years-not-days"
    assert check("01-run-days", days * 24).diagnosis == "hours-not-days"


def test_gridline_count_is_checked_give_or_take_one():
    """Exercise 2: the count read off the chart is checked first, within one, as the
    feedback of the computed answer says."""
    m = compute.models()
    alexnet = m.loc[m["model"] == "AlexNet", "training_compute_flop"].iloc[0]
    top = m["training_compute_flop"].max()
    count = sum(1 for k in range(10, 40) if alexnet < 10**k < top)
    assert expected("01-gridline-count") == count
    for n in (count - 1, count, count + 1):
        assert check("01-gridline-count", n).correct
    assert check("01-gridline-count", count + 2).status == "incorrect"
    assert check("01-gridline-count", np.log10(top)).diagnosis == "largest-alone"


def test_prediction_is_checked_before_the_computation():
    """Exercise 8: the prediction is a checked item placed before the v6e computation."""
    assert expected("01-predict-faster") == "a"  # v5p: 459 TFLOP/s against v6e's 327.6
    cells = ["".join(c["source"]) for c in lessons.lesson("01").read()["cells"]]
    predict = next(i for i, c in enumerate(cells) if 'check("01-predict-faster"' in c)
    compute_ = next(i for i, c in enumerate(cells) if 'check("01-v6e-at-200"' in c)
    why = next(i for i, c in enumerate(cells) if 'check("01-faster-at-200"' in c)
    assert predict < compute_ < why
    count = next(i for i, c in enumerate(cells) if 'check("01-gridline-count"' in c)
    orders = next(i for i, c in enumerate(cells) if 'check("01-orders-of-magnitude"' in c)
    assert count < orders


def test_the_full_citation_is_at_the_end():
    """Section 1 prints the short source line; the full record follows the Sources."""
    cells = ["".join(c["source"]) for c in lessons.lesson("01").read()["cells"]]
    short = next(i for i, c in enumerate(cells) if 'source_line("ai_training_compute")' in c)
    full = next(i for i, c in enumerate(cells) if 'data.cite("ai_training_compute")' in c)
    sources = next(i for i, c in enumerate(cells) if c.startswith("## Sources"))
    assert short < sources < full


def test_more_typical_slips_are_named():
    """Re-review finding 17 and 11: the runner-up and a famous name in Exercise 1, mixed
    logarithms in Exercise 3, start and end swapped in Exercise 11."""
    m = compute.models().sort_values("training_compute_flop")
    assert check("01-largest-model", m["model"].iloc[-2]).diagnosis == "runner-up"
    assert check("01-largest-model", "GPT-5").diagnosis == "famous-not-largest"
    g = compute.fit_trend(compute.models())["annual_growth"]
    assert check("01-doubling-months", 12 * np.log(2) / np.log10(g)).diagnosis == "mixed-logs"
    assert check("01-doubling-months", 12 * np.log10(2) / np.log(g)).diagnosis == "mixed-logs"
    df = compute.data_centre_electricity().set_index("period")["electricity_twh"]
    swapped = metrics.cagr(df[2030], df[2024], 6)
    assert check("01-iea-growth", swapped).diagnosis == "start-end-swapped"
