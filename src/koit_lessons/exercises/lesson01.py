"""Checked exercises of lesson 01 (Why AI runs on special chips).

Every expected answer is computed from the shipped data with :mod:`koit_lessons.compute`
and :mod:`koit_lessons.metrics`; the inputs a question names in its prompt (a model's
size, a number of chips) are the only constants here.
"""

from __future__ import annotations

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
