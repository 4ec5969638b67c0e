"""Checked exercises of lesson 01 (Why AI runs on special chips).

Every expected answer is computed from the shipped data with :mod:`koit_lessons.compute`
and :mod:`koit_lessons.metrics`; the inputs a question names in its prompt (a model's
size, a number of chips) are the only constants here.

Hints escalate (issue 20): each ``hint`` has two lines, a nudge for the first wrong answer
and a pointer to where the lesson shows the method; neither gives the finished line. Typical
wrong numbers are named as :class:`~koit_lessons.checks.Mistake`\\ s, wrong options of a
choice as :class:`~koit_lessons.checks.Choice`\\ s with their misconception.
"""

from __future__ import annotations

import numpy as np

from koit_lessons import compute, metrics
from koit_lessons.checks import Choice, Mistake, Question, question

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


def _runner_up() -> str:
    m = compute.models().sort_values("training_compute_flop")
    return str(m["model"].iloc[-2])


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


def _iea_values() -> tuple[float, float]:
    dc = compute.data_centre_electricity().set_index("period")["electricity_twh"]
    return float(dc.loc[2024]), float(dc.loc[2030])


def _iea_cagr(years: int = 2030 - 2024) -> float:
    dc = compute.data_centre_electricity().set_index("period")["electricity_twh"]
    return metrics.cagr(dc.loc[2024], dc.loc[2030], years)


# --- retrieval starter: lesson 00 (the summit, the HHI) ------------------------------

question(
    Question(
        id="01-recall-1",
        prompt="Who signed the chip-industry memorandum of understanding (MoU) in Seoul on "
        "19 January 2026?",
        kind="choice",
        expected=lambda: "a",
        choices=(
            Choice(
                "a",
                "Korea's semiconductor industry association (KSIA) and Italy's electrical "
                "and electronics industry federation (ANIE).",
            ),
            Choice(
                "b",
                "The two governments: ministers signed it for Korea and for Italy.",
                "countries-signed",
                "The two leaders were present, but lesson 00 named the signatories: two "
                "organisations that speak for companies, not for the state.",
                "the chip MoU taken as signed by the governments",
            ),
            Choice(
                "c",
                "Lee Jae Myung and Giorgia Meloni, as a treaty that binds both countries.",
                "mou-binding",
                "An MoU sets out what each side means to do; lesson 00 said it is not legally "
                "binding. And who put their names on this one?",
                "an MoU taken for a binding treaty between the countries",
            ),
        ),
        hint="The two leaders were in the room. Who put their names on the chip MoU?"
        "\n"
        "Lesson 00, section 1 lists the three MoUs of the day and who signed each: find the "
        "one on the semiconductor industry.",
        explain="You remembered who signed it.",
    )
)


def _hhi_60_40() -> str:
    """The letter of the option that gives the HHI of a market shared 60 % and 40 %."""
    options = {"a": 100.0, "b": 5200.0, "c": 3600.0, "d": 2400.0}
    value = metrics.hhi([60, 40])
    return next(k for k, v in options.items() if np.isclose(v, value))


question(
    Question(
        id="01-recall-2",
        prompt="Two countries produce all of a mineral: one 60 %, the other 40 %. What is "
        "the Herfindahl–Hirschman index (HHI) of that market?",
        kind="choice",
        expected=_hhi_60_40,
        choices=(
            Choice(
                "a",
                "100: the shares add up to 100 %.",
                "sum-not-squares",
                "Shares always add up to 100 %, however concentrated a market is: the HHI "
                "adds up something else.",
                "the shares added where their squares are added",
            ),
            Choice("b", "5,200: highly concentrated (above 1,800)."),
            Choice(
                "c",
                "3,600: the largest share squared.",
                "top-share-squared",
                "That is the first country's part of the index. Does the second country count too?",
                "only the largest share squared, the others left out",
            ),
            Choice(
                "d",
                "2,400: the two shares multiplied.",
                "product-not-squares",
                "The HHI never multiplies one country's share by another's: each share is "
                "multiplied by itself.",
                "the shares multiplied by each other where each is squared",
            ),
        ),
        hint="The HHI adds up the squares of all the shares."
        "\n"
        "Lesson 00, section on the HHI: square each share (in %), then add; four equal "
        "shares of 25 % gave 2,500.",
        explain="You remembered how the HHI is built.",
    )
)


# --- section 1: training compute ------------------------------------------------------

question(
    Question(
        id="01-largest-model",
        mistakes=(
            Mistake(
                "runner-up",
                "the runner-up: close, but one model in the table is higher (compare the two "
                "values)",
                _runner_up,
                "the second largest value taken for the largest",
            ),
            Mistake(
                "famous-not-largest",
                "a famous model: it is in the table, but is its compute the largest? "
                "Compare the training_compute_flop column",
                lambda: "GPT-5",
                "a well-known name given where the table's largest value is asked",
            ),
        ),
        prompt="Which model in the data set used the most training compute?",
        kind="text",
        expected=_largest_model,
        aliases=_model_aliases,
        hint="Which column holds the training compute? Find the row where it is largest and "
        "read that row's model name, in quotes."
        "\n"
        "Look down the training_compute_flop column of the table above Exercise 1 for the "
        "largest power of ten after the e, and read that row's model.",
        explain="Epoch labels this estimate 'Speculative' (see the confidence column): it "
        "assumes Grok 4 was trained like Grok 3, plus extra training on top. Grok 3's own "
        "estimate, from about 100 days on 100,000 NVIDIA H100 chips, is 'Confident'.",
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
            Mistake(
                "mixed-logs",
                "two different logarithms mixed (np.log and np.log10): use the same one twice",
                lambda: _doubling_months() * np.log(10),
                "a natural and a base-10 logarithm mixed in one ratio",
            ),
            Mistake(
                "mixed-logs",
                "two different logarithms mixed (np.log and np.log10): use the same one twice",
                lambda: _doubling_months() / np.log(10),
                "a natural and a base-10 logarithm mixed in one ratio",
            ),
        ),
        prompt="From the fitted annual growth factor of training compute, how many months "
        "does it take training compute to double?",
        kind="number",
        unit="months",
        tolerance=0.1,
        expected=_doubling_months,
        hint="Growing g times a year, compute is g**t times larger after t years. For which t "
        "is that 2? Then turn years into months."
        "\n"
        "The formula just above Exercise 3 gives the doubling time in years; np.log is a "
        "logarithm you can use for it.",
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
        mistakes=(
            Mistake(
                "billion-not-trillion",
                "1,000 times too small: a trillion tokens written as a billion (e9, not e12)",
                lambda: compute.training_flop(LLAMA_PARAMETERS, LLAMA_TOKENS) / 1000,
                "a trillion written as a billion (e9 for e12)",
            ),
            Mistake(
                "no-six",
                "6 times too small: the 6 of the rule left out",
                lambda: compute.training_flop(LLAMA_PARAMETERS, LLAMA_TOKENS) / 6,
                "the 6 FLOP per parameter and token left out of the rule",
            ),
        ),
        hint="Check the powers of ten: a billion is e9, a trillion is e12. Then multiply all "
        "three numbers of the rule."
        "\n"
        "The rule is in the box above Exercise 4: 6 × parameters × training tokens.",
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
            Mistake(
                "hours-not-days",
                "the time in hours, not days",
                lambda: _run_days() * 24,
                "a time in hours where days are asked",
            ),
            Mistake(
                "seconds-not-days",
                "the time in seconds, not days",
                lambda: _run_days() * 86_400,
                "a time in seconds where days are asked",
            ),
            Mistake(
                "one-chip",
                "the time on one chip, not on all 6,144",
                lambda: _run_days() * RUN_CHIPS,
                "the time one chip would need, with the number of chips left out",
            ),
            Mistake(
                "utilisation-as-percent",
                "the utilisation typed as 40, not 0.4 (a percent where a fraction is needed)",
                lambda: _run_days() * RUN_UTILISATION / 40,
                "a percentage typed where the formula needs a fraction (40 for 0.4)",
            ),
            Mistake(
                "years-not-days",
                "the time in years, not days",
                lambda: _run_days() / 365,
                "a time in years where days are asked",
            ),
        ),
        prompt="How many days would 6,144 TPU v5p chips at 40 % utilisation need for that compute?",
        kind="number",
        unit="days",
        tolerance=1.0,
        expected=_run_days,
        hint="Which of your numbers are per second? How many FLOP do all 6,144 chips do "
        "together in one second at 40 %?"
        "\n"
        "Divide the FLOP by that, then turn seconds into days (86,400 seconds in a day). The "
        "formulas above Exercise 6 take the same steps through chip-hours.",
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
            Mistake(
                "years-counted-inclusive",
                "7 years counted (2024 to 2030 inclusive), not 2030 − 2024",
                lambda: _iea_cagr(years=2030 - 2024 + 1),
                "the years of a period counted inclusively, one too many",
            ),
            Mistake(
                "start-end-swapped",
                "start and end swapped: a fall, where the IEA projects growth",
                lambda: metrics.cagr(
                    *_iea_values()[::-1],
                    2030 - 2024,
                ),
                "the start and end values of a growth rate swapped",
            ),
        ),
        prompt="By what percentage per year does data-centre electricity use grow between "
        "2024 and 2030 in the IEA's Base Case (compound annual growth rate)?",
        kind="number",
        unit="%",
        tolerance=0.2,
        expected=_iea_cagr,
        hint="A compound rate is the same percentage every year, not the whole growth shared "
        "out. How many years lie between the two values?"
        "\n"
        "The worked example above Exercise 11 shows metrics.cagr(): it takes the start value, "
        "the end value and the number of years, and returns a percentage.",
        explain="That is the IEA's Base Case as a yearly rate.",
    )
)

# --- section 4: the calculator's energy -------------------------------------------------

#: the calculator's default run: the Llama 3.1 405B compute on 8,192 TPU v4 chips at 40 %
CALC_CHIP = "Google TPU v4"
CALC_CHIPS = 8192


def _energy_when_chips_double() -> str:
    """'c' when doubling the chips leaves the chips' energy unchanged (twice the chips for
    half the time), 'a' if it doubles, 'b' if it halves."""

    def run(chips: int) -> float:
        r = compute.training_run(LLAMA_PARAMETERS, LLAMA_TOKENS, CALC_CHIP, RUN_UTILISATION, chips)
        return float(r.energy_mwh)

    base, doubled = run(CALC_CHIPS), run(2 * CALC_CHIPS)
    if np.isclose(doubled, base):
        return "c"
    return "a" if np.isclose(doubled, 2 * base) else "b"


question(
    Question(
        id="01-energy-double-chips",
        prompt="In the calculator's run (the Llama 3.1 405B compute on 8,192 TPU v4 chips at "
        "40 %), you double the number of chips. What happens to the energy the chips use?",
        kind="choice",
        expected=_energy_when_chips_double,
        choices=(
            Choice(
                "a",
                "It doubles: twice as many chips draw twice the power.",
                "more-chips-more-energy",
                "Twice the power, yes. But for how long? Look at what happens to the days "
                "when you double the chips.",
                "more chips taken to mean more energy, the shorter run left out",
            ),
            Choice(
                "b",
                "It halves: the run finishes in half the time.",
                "shorter-time-less-energy",
                "Half the time, yes. But how many chips draw power during that time?",
                "a shorter run taken to mean less energy, the extra chips left out",
            ),
            Choice(
                "c",
                "It stays the same: twice the chips for half the time, so the chip-hours, "
                "and the energy, do not change.",
            ),
        ),
        hint="Energy = power per chip × number of chips × hours. What happens to each of "
        "the three when the chips double?"
        "\n"
        "The calculator of section 4 writes the energy as W × chips × h: double the chips "
        "there and compare the hours and the MWh.",
        explain="You can check it in the calculator.",
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


def _gridlines_between() -> int:
    """The gridlines (one at every power of ten) between AlexNet and the largest model."""
    top = float(compute.models()["training_compute_flop"].max())
    low = _model("AlexNet", "training_compute_flop")
    return sum(1 for k in range(0, 40) if low < 10.0**k < top)


question(
    Question(
        id="01-gridline-count",
        mistakes=(
            Mistake(
                "largest-alone",
                "the power of ten of the largest model alone; count only the gridlines "
                "between the two points",
                lambda: float(np.log10(compute.models()["training_compute_flop"].max())),
                "the power of ten of one value where the steps between two values are asked",
            ),
        ),
        prompt="Count on the chart: how many gridlines lie between AlexNet and the largest model?",
        kind="number",
        tolerance=1.0,
        expected=_gridlines_between,
        hint="Find AlexNet (2012) and the largest model on the chart, and count the "
        "horizontal gridlines between their two heights."
        "\n"
        "The gridlines are labelled with powers of ten on the left: read the power just "
        "above AlexNet and the one just below the largest model, and count from one to the "
        "other.",
        explain="Your count is close enough. Now compute the exact number from the two values.",
    )
)

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
            Mistake(
                "largest-alone",
                "the power of ten of the largest model alone; AlexNet's is still to be subtracted",
                lambda: float(np.log10(compute.models()["training_compute_flop"].max())),
                "the power of ten of one value where the steps between two values are asked",
            ),
        ),
        prompt="How many steps of ×10 (orders of magnitude) lie between AlexNet's training "
        "compute and the largest model's on the log axis?",
        kind="number",
        tolerance=0.1,
        expected=_orders_of_magnitude,
        hint="Each step of ×10 is one power of ten. How many powers of ten does the ratio "
        "of the two values hold?"
        "\n"
        "Section 1 printed the ratio (about a billion); np.log10 of a number gives its power "
        "of ten. On the chart, count the gridlines between the two points.",
        explain="Compare it with your count of gridlines: the same, give or take one.",
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
        hint="The same rule as for Llama 3.1, with the parameters that work on each token."
        "\n"
        "Section 2's rule of thumb: for a mixture of experts, count the active parameters "
        "(288 billion), not all 2 trillion.",
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
        "the chips that need no more than that."
        "\n"
        "The worked filter above Exercise 7 keeps rows by a condition; change its column "
        "and its test, then take the chip column and wrap it in list().",
        explain="You kept the chips whose memory is fast enough for this job.",
    )
)


def _predict_faster() -> str:
    """'a' when TPU v5p is the faster chip on the job, 'b' when TPU v6e is."""
    v5p = _reachable_tflops("Google TPU v5p")
    return "a" if v5p > _reachable_tflops("Google TPU v6e (Trillium)") else "b"


question(
    Question(
        id="01-predict-faster",
        prompt=f"Predict before you compute: on the job doing {JOB_FLOP_PER_BYTE} operations "
        "per byte, which chip is faster?",
        kind="choice",
        expected=_predict_faster,
        choices=(
            Choice("a", "TPU v5p."),
            Choice(
                "b",
                "TPU v6e.",
                "peak-is-speed",
                "That is what the peaks say: v6e's is about twice v5p's. Keep your guess in "
                "mind and compute below whether this job lets v6e reach its peak.",
                "the peak speed taken for the speed on every job",
            ),
        ),
        hint="On this job, does the peak set the speed, or what memory can feed?"
        "\n"
        "Exercise 7 found the chips this job can keep busy; a chip it cannot keep busy "
        "waits on its memory.",
        explain="Now compute below whether the numbers bear your prediction out.",
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
            Mistake(
                "flops-not-tflops",
                "a speed counted in FLOP/s, 10¹² times the same speed in TFLOP/s",
                lambda: _reachable_tflops("Google TPU v6e (Trillium)") * 1e12,
                "a speed in FLOP/s where TFLOP/s are asked",
            ),
        ),
        prompt=f"On a job doing {JOB_FLOP_PER_BYTE} operations per byte, how many TFLOP/s can "
        "a TPU v6e reach at most (operations per byte × bytes per second, never above its "
        "peak)?",
        kind="number",
        unit="TFLOP/s",
        tolerance=1.0,
        expected=lambda: _reachable_tflops("Google TPU v6e (Trillium)"),
        hint="Two limits: the peak, and what memory can feed. Which is lower for TPU v6e?"
        "\n"
        "Memory delivers the bandwidth in bytes per second (GB/s × 10⁹); each byte allows 200 "
        "operations. That gives FLOP/s: turn it into TFLOP/s (10¹² FLOP/s) before comparing.",
        explain="Now compare it with TPU v5p's peak and with your prediction.",
    )
)


def _faster_at_200() -> str:
    """'c' when TPU v5p reaches more TFLOP/s than TPU v6e on the job, 'a' if v6e does."""
    v5p = _reachable_tflops("Google TPU v5p")
    v6e = _reachable_tflops("Google TPU v6e (Trillium)")
    return "c" if v5p > v6e else "a"


question(
    Question(
        id="01-faster-at-200",
        prompt=f"On the job doing {JOB_FLOP_PER_BYTE} operations per byte, which chip is "
        "faster, and why?",
        kind="choice",
        expected=_faster_at_200,
        choices=(
            Choice(
                "a",
                "TPU v6e: its peak is about twice TPU v5p's.",
                "peak-is-speed",
                "The peak is reached only when memory feeds the chip fast enough. Is that so "
                "for v6e on this job? Look at your answer to Exercise 8.",
                "the peak speed taken for the speed on every job",
            ),
            Choice(
                "b",
                "Neither: both are Google TPUs, so they run the job at the same speed.",
                "same-family-same-speed",
                "Same maker, different chips: the table gives them different peaks and "
                "different memory bandwidths.",
                "chips of one family taken to be equally fast",
            ),
            Choice(
                "c",
                "TPU v5p: on this job memory holds TPU v6e far below its peak, while TPU "
                "v5p's memory feeds it fast enough to reach its own peak.",
            ),
            Choice(
                "d",
                "TPU v6e: its memory bandwidth is higher.",
                "misread-bandwidth",
                "Read the memory_bandwidth_gbps column again: which of the two has more?",
                "a column of the chip table misread",
            ),
        ),
        hint="Which limit holds each chip back on this job: its peak, or what its memory "
        "can feed?"
        "\n"
        "Exercise 8 gave TPU v6e's speed on this job. Do the same for TPU v5p (200 × its "
        "bandwidth, never above its peak) and compare.",
        explain="You compared the two speeds on this job.",
    )
)
