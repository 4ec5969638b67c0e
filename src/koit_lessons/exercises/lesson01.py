"""Checked exercises of lesson 01 (Why AI runs on special chips).

Every expected answer is computed from the shipped data with :mod:`koit_lessons.compute`
and :mod:`koit_lessons.metrics`; the inputs a question names in its prompt (a model's
size, a number of chips) are the only constants here.
"""

from __future__ import annotations

import numpy as np

from koit_lessons import compute, metrics
from koit_lessons.checks import Mistake, Question, question

# Llama 3.1 405B, as Epoch AI's notes give them: 405 billion parameters, 15.6 trillion tokens.
LLAMA_PARAMETERS = 405e9
LLAMA_TOKENS = 15.6e12
# A hypothetical run: the Llama 3.1 405B compute on 6,144 TPU v5p chips at 40 % utilisation.
# 6,144 chips (a 16 x 16 x 24 slice) is the largest job Google says can be scheduled on a v5p
# pod; 40 % is the utilisation Epoch records for Llama 3.1 405B on NVIDIA H100s.
RUN_CHIP = "Google TPU v5p"
RUN_CHIPS = 6144
RUN_UTILISATION = 0.4


def _largest_model() -> str:
    m = compute.models()
    return str(m.loc[m["training_compute_flop"].idxmax(), "model"])


def _model_aliases() -> dict[str, str]:
    names = list(compute.models()["model"])
    aliases = {
        "Grok 3": "Grok-3",
        "Grok3": "Grok-3",
        "Grok-4": "Grok 4",
        "Grok4": "Grok 4",
        "Llama 4 Behemoth": "Llama 4 Behemoth (preview)",
        "Behemoth": "Llama 4 Behemoth (preview)",
    }
    return {k: v for k, v in aliases.items() if v in names}


def _doubling_months() -> float:
    return compute.fit_trend(compute.models())["doubling_months"]


def _run_days() -> float:
    flop = compute.training_flop(LLAMA_PARAMETERS, LLAMA_TOKENS)
    peak = float(compute.accelerator(RUN_CHIP)["peak_bf16_tflops"]) * 1e12
    return compute.training_time_days(flop, peak, RUN_UTILISATION, RUN_CHIPS)


def _iea_total_growth() -> float:
    dc = compute.data_centre_electricity().set_index("period")["electricity_twh"]
    return float((dc.loc[2030] / dc.loc[2024] - 1) * 100)


def _iea_cagr() -> float:
    dc = compute.data_centre_electricity().set_index("period")["electricity_twh"]
    return metrics.cagr(dc.loc[2024], dc.loc[2030], 2030 - 2024)


question(
    Question(
        id="01-largest-model",
        prompt="Which model in the data set used the most training compute?",
        kind="text",
        expected=_largest_model,
        aliases=_model_aliases,
        hint="Find the row with the largest training_compute_flop (sort the table by it, or "
        "look up .idxmax() for a column) and read that row's model name.",
        explain="Epoch labels this estimate 'Speculative' (see the confidence column): it "
        "assumes Grok 4 had the same pre-training as Grok 3 plus extra reinforcement-learning "
        "compute. Grok 3's own estimate, from about 100 days on 100,000 NVIDIA H100 GPUs, is "
        "'Confident'.",
    )
)

question(
    Question(
        id="01-doubling-months",
        mistakes=(
            Mistake(
                "years-not-months",
                "the doubling time in years, not months",
                lambda: _doubling_months() / 12,
                "a time in years where months are asked",
            ),
        ),
        prompt="From the fitted annual growth factor of training compute, how many months "
        "does it take training compute to double?",
        kind="number",
        unit="months",
        tolerance=0.1,
        expected=_doubling_months,
        hint="Growing g times a year, compute is g**t times larger after t years: solve g**t ="
        " 2 for t with logarithms (np.log), then turn years into months.",
        explain=f"About every {_doubling_months():.1f} months, the training compute of "
        "notable models doubles in our sample.",
    )
)

question(
    Question(
        id="01-llama-flop",
        prompt="With 6 × parameters × tokens, how many FLOP did training Llama 3.1 405B take "
        "(405 billion parameters, 15.6 trillion tokens)?",
        kind="number",
        unit="FLOP",
        tolerance=0.02e25,
        expected=lambda: compute.training_flop(LLAMA_PARAMETERS, LLAMA_TOKENS),
        hint="Training compute is about 6 × parameters × training tokens. Write big numbers "
        "with e: 405 billion is 405e9.",
        explain="Close to the 3.8 × 10^25 FLOP that Meta reports and Epoch records.",
    )
)

question(
    Question(
        id="01-run-days",
        mistakes=(
            Mistake(
                "no-utilisation",
                "the time at full utilisation (the 40 % left out)",
                lambda: _run_days() * RUN_UTILISATION,
                "a run time that leaves out the utilisation",
            ),
        ),
        prompt="How many days would 6,144 TPU v5p chips at 40 % utilisation need for that compute?",
        kind="number",
        unit="days",
        tolerance=1.0,
        expected=_run_days,
        hint="days = FLOP ÷ (peak FLOP/s per chip × utilisation × chips) ÷ 86,400. "
        "v5p_peak is already in FLOP/s.",
        explain="More than a year, even on thousands of specialised chips.",
    )
)

question(
    Question(
        id="01-iea-growth",
        mistakes=(
            Mistake(
                "total-not-annual",
                "the growth over the whole period, not per year",
                lambda: _iea_total_growth(),
                "the growth over the whole period where a yearly (compound) rate is asked",
            ),
        ),
        prompt="By what percentage per year does data-centre electricity use grow between "
        "2024 and 2030 in the IEA's Base Case (compound annual growth rate)?",
        kind="number",
        unit="%",
        tolerance=0.2,
        expected=_iea_cagr,
        hint="This is a compound annual growth rate over the 6 years from 2024 to 2030: "
        "metrics.cagr() takes the start value, the end value and the number of years.",
        explain="About 15 % a year: more than doubling in six years.",
    )
)

# Exercise: a job that does few operations per byte read (e.g. writing text token by token).
JOB_FLOP_PER_BYTE = 200
# Llama 4 Behemoth: Epoch AI counts 288 billion active parameters (of 2 trillion) and
# 30 trillion training tokens.
BEHEMOTH = "Llama 4 Behemoth (preview)"
BEHEMOTH_TOKENS = 30e12


def _model(name: str, column: str) -> float:
    m = compute.models()
    return float(m.loc[m["model"] == name, column].iloc[0])


def _orders_of_magnitude() -> float:
    m = compute.models()
    return float(
        np.log10(m["training_compute_flop"].max() / _model("AlexNet", "training_compute_flop"))
    )


def _kept_busy() -> list[str]:
    chips = compute.accelerators()
    return sorted(chips.loc[chips["flop_per_byte"] <= JOB_FLOP_PER_BYTE, "chip"])


def _fastest_at_peak() -> list[str]:
    chips = compute.accelerators()
    return [str(chips.loc[chips["peak_bf16_tflops"].idxmax(), "chip"])]


def _reachable_tflops(chip: str) -> float:
    row = compute.accelerator(chip)
    by_memory = JOB_FLOP_PER_BYTE * float(row["memory_bandwidth_gbps"]) * 1e9 / 1e12
    return min(float(row["peak_bf16_tflops"]), by_memory)


def _chip_aliases() -> dict[str, str]:
    names = list(compute.accelerators()["chip"])
    aliases = {}
    for name in names:
        short = name.replace("Google ", "").split(" (")[0]  # "TPU v6e"
        aliases[short] = name
        aliases[short.replace("TPU ", "")] = name  # "v6e"
    return aliases


question(
    Question(
        id="01-orders-of-magnitude",
        mistakes=(
            Mistake(
                "ratio-not-powers",
                "the ratio itself, not the number of steps of ×10 between the two",
                lambda: 10 ** _orders_of_magnitude(),
                "a ratio where its number of powers of ten (orders of magnitude) is asked",
            ),
            Mistake(
                "natural-log",
                "a natural logarithm (np.log), not a base-10 one",
                lambda: _orders_of_magnitude() * np.log(10),
            ),
        ),
        prompt="How many steps of ×10 (orders of magnitude) lie between AlexNet's training "
        "compute and the largest model's on the log axis?",
        kind="number",
        tolerance=0.1,
        expected=_orders_of_magnitude,
        hint="Each step of ×10 is one power of ten: a base-10 logarithm counts them (np.log10).",
        explain="Your count of gridlines on the chart should be the same number, give or "
        "take one.",
    )
)

question(
    Question(
        id="01-behemoth-flop",
        mistakes=(
            Mistake(
                "all-not-active-parameters",
                "all the parameters, not those active for each token",
                lambda: compute.training_flop(_model(BEHEMOTH, "parameters"), BEHEMOTH_TOKENS),
                "all of a mixture-of-experts model's parameters where the active ones are asked",
            ),
        ),
        prompt="With 6 × active parameters × tokens, how many FLOP did training Llama 4 "
        "Behemoth take (288 billion active parameters, 30 trillion tokens)?",
        kind="number",
        unit="FLOP",
        tolerance=0.02e25,
        expected=lambda: _model(BEHEMOTH, "training_compute_flop"),
        hint="The same rule as for Llama 3.1, with the parameters that work on each token.",
        explain="The same figure as Epoch's table records for the model.",
    )
)

question(
    Question(
        id="01-kept-busy",
        mistakes=(
            Mistake(
                "fastest-not-fed",
                "the fastest chip at peak, not the chips the job can keep busy",
                _fastest_at_peak,
                "the chip with the highest peak speed where the memory limit is asked",
            ),
        ),
        prompt=f"A job does {JOB_FLOP_PER_BYTE} operations per byte read. Which chips can it "
        f"keep busy (those needing at most {JOB_FLOP_PER_BYTE} FLOP per byte)?",
        kind="names",
        expected=_kept_busy,
        aliases=_chip_aliases,
        hint="Compare the flop_per_byte column with the job's operations per byte, and keep "
        "the chips that need no more than that.",
        explain="You kept the chips whose memory is fast enough for this job.",
    )
)

question(
    Question(
        id="01-v6e-at-200",
        mistakes=(
            Mistake(
                "peak-not-reachable",
                "the peak speed, which a job short of data cannot reach",
                lambda: float(compute.accelerator("Google TPU v6e (Trillium)")["peak_bf16_tflops"]),
                "a chip's peak speed where the speed its memory allows is asked",
            ),
        ),
        prompt=f"On a job doing {JOB_FLOP_PER_BYTE} operations per byte, how many TFLOP/s can "
        "a TPU v6e reach at most (operations per byte × bytes per second, never above its "
        "peak)?",
        kind="number",
        unit="TFLOP/s",
        tolerance=1.0,
        expected=lambda: _reachable_tflops("Google TPU v6e (Trillium)"),
        hint="Memory delivers the bandwidth in bytes per second (GB/s × 10⁹); each byte allows "
        "that many operations. Give the result in TFLOP/s (10¹² FLOP/s).",
        explain="Now compare it with your prediction and with TPU v5p's peak.",
    )
)
