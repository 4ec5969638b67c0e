"""Checked exercises of lesson 03 (Memory, HBM and Korea's chip economy). Answers are
computed from the shipped data with :mod:`koit_lessons.memory` and
:mod:`koit_lessons.chips`, never typed in.

Hints escalate (issue 20): each ``hint`` has two lines, a nudge for the first wrong answer
and a pointer to where the lesson shows the method; neither gives the finished line. Typical
wrong numbers are named as :class:`~koit_lessons.checks.Mistake`\\ s, wrong options of a
choice as :class:`~koit_lessons.checks.Choice`\\ s with their misconception."""

from __future__ import annotations

from koit_lessons import chips, data, memory, metrics
from koit_lessons.checks import Choice, Mistake, Question, question

QUARTER = "2025Q2"
#: the quarter of exercise 6 (the same filter as exercise 5, on a later quarter)
LATER = "2025Q4"
#: the HBM quarter of the transfer (the latest with all three makers' shares stated)
HBM_QUARTER = "2025Q3"
#: the chip of exercise 1 and the size of its numbers (bf16: 16 bits, 2 bytes)
V6E = "Google TPU v6e (Trillium)"
BYTES_PER_NUMBER = 2
#: Revenue change from 4Q24 to 1Q25, % (TrendForce, "DRAM Revenue Drops 5.5% in the First
#: Quarter of 2025", June 2025, as published by I-Connect007; claims/lesson03.py registers
#: the same figures in the prose). The shares in our data cannot say whether a maker sold
#: more, so the reason for the change of leader rests on these two sourced figures.
REVENUE_CHANGE_1Q25 = {"SK hynix": -7.1, "Samsung": -19.0}


# --- retrieval starter: lesson 02 (measures, concentration by stage) ----------------------


def _foundry_measure() -> str:
    """'c' when the foundry data set measures revenue (its share column says so)."""
    fields = data.describe("foundry_market_share")["schema"]["fields"]
    text = next(f["description"] for f in fields if f["name"] == "share_pct").lower()
    return "c" if "revenue" in text else "a"


question(
    Question(
        id="03-recall-1",
        prompt="Lesson 02: in 2025Q2 TSMC took 70.2 % of the world foundry market. 70.2 % of what?",
        kind="choice",
        expected=_foundry_measure,
        choices=(
            Choice(
                "a",
                "Of the world's capacity to make chips.",
                "revenue-is-capacity",
                "Capacity (how many wafers fabs can make) was lesson 02's other measure, with "
                "its own data set. Which measure did TrendForce rank foundries by?",
                "a revenue share read as a share of capacity",
            ),
            Choice(
                "b",
                "Of the chips made in Taiwan.",
                "headquarters-is-location",
                "A company's share is counted by company, wherever its fabs are: lesson 02 "
                "told headquarters from location. Which measure was it?",
                "a company's share read as a share of where chips are made",
            ),
            Choice("c", "Of the money all foundries earned in that quarter (revenue)."),
        ),
        hint="Lesson 02 named three measures: revenue, capacity and value added. Which one "
        "did the foundry ranking use?"
        "\n"
        "Lesson 02, section on foundries: the table's share_pct column and its title say what "
        "the share is of.",
        explain="You remembered the measure.",
    )
)


def _whole_hides_part() -> str:
    """'b' when fabrication as a whole is the least concentrated stage while capacity
    below 10 nm (2022) is highly concentrated."""
    stages = chips.stage_table().set_index("stage")["hhi"]
    sub10 = chips.capacity_concentration("below 10 nm", 2022)["hhi"]
    least = stages.idxmin() == "fabrication"
    return "b" if least and metrics.hhi_band(sub10) == "highly concentrated" else "a"


question(
    Question(
        id="03-recall-2",
        prompt="Lesson 02: fabrication as a whole was the least concentrated stage of the chip "
        "value chain (2022). What does that tell you about the most advanced fabs (below "
        "10 nm)?",
        kind="choice",
        expected=_whole_hides_part,
        choices=(
            Choice(
                "a",
                "They are spread over many countries too.",
                "whole-equals-part",
                "A stage counts every kind of chip, old and new. Lesson 02 looked inside it: "
                "which regions had capacity below 10 nm in 2022?",
                "a whole stage's concentration taken for each of its parts",
            ),
            Choice(
                "b",
                "Nothing by itself: a stage that counts all chips can hide a highly "
                "concentrated part.",
            ),
            Choice(
                "c",
                "Nobody can control them, because fabrication is not concentrated.",
                "not-concentrated-no-chokepoint",
                "A chokepoint can sit inside a stage. Lesson 02 computed an HHI for the "
                "capacity below 10 nm alone: which band was it in?",
                "no chokepoint seen inside a stage that is not concentrated as a whole",
            ),
        ),
        hint="A stage counts every kind of chip. Could one part of it be concentrated?"
        "\n"
        "Lesson 02, sections 3 and 4: the HHI of fabrication as a whole, then the HHI of "
        "capacity below 10 nm in 2022. Compare their bands.",
        explain="You remembered that a whole can hide a part.",
    )
)


# --- section 1: memory bandwidth -----------------------------------------------------------


def _bytes_per_kflop(chip: str) -> float:
    table = memory.bandwidth_per_flop()
    return float(table.loc[table["chip"] == chip, "bytes_per_kflop"].iloc[0])


question(
    Question(
        id="03-numbers-per-kflop",
        mistakes=(
            Mistake(
                "bytes-not-numbers",
                "bytes, not numbers (a bf16 number takes 2 bytes)",
                lambda: _bytes_per_kflop(V6E),
                "a count of bytes where a count of numbers is asked",
            ),
            Mistake(
                "times-not-divided",
                "the bytes multiplied by 2, not divided",
                lambda: _bytes_per_kflop(V6E) * BYTES_PER_NUMBER,
                "a unit conversion done the wrong way round",
            ),
        ),
        prompt="At peak, how many new bf16 numbers (2 bytes each) can a TPU v6e fetch from "
        "its HBM for every 1,000 operations?",
        kind="number",
        tolerance=0.02,
        expected=lambda: _bytes_per_kflop(V6E) / BYTES_PER_NUMBER,
        hint="The bytes_per_kflop column gives bytes per 1,000 operations; think how many "
        "bytes one bf16 number takes."
        "\n"
        "Section 1: pick the v6e row of the bandwidth table (the filter of lesson 02), then "
        "turn bytes into numbers.",
        explain="Keep that number: exercise 2 uses it.",
    )
)


def _uses_once() -> str:
    """'c' when a program that uses each fetched number once can do about a thousandth of
    the peak (numbers per operation between 1/10,000 and 1/100)."""
    per_operation = _bytes_per_kflop(V6E) / BYTES_PER_NUMBER / 1000
    return "c" if 1e-4 <= per_operation <= 1e-2 else "a"


question(
    Question(
        id="03-uses-once",
        prompt="A program does one operation on each number it fetches, then never uses the "
        "number again. How fast does it run on a TPU v6e?",
        kind="choice",
        expected=_uses_once,
        choices=(
            Choice(
                "a",
                "At its peak, 918 TFLOP/s: the peak is what the chip can do.",
                "peak-is-speed",
                "The peak counts operations; each operation here needs a new number first. "
                "How many numbers arrive per 1,000 operations of peak?",
                "peak compute taken for the speed of any program",
            ),
            Choice(
                "b",
                "Memory does not matter here: HBM is a separate kind of memory from DRAM.",
                "hbm-not-dram",
                "HBM is DRAM, stacked beside the processor (section 1). Its bandwidth is "
                "what feeds this program.",
                "HBM thought to be something other than DRAM",
            ),
            Choice(
                "c",
                "At roughly a thousandth of its peak: it waits for memory.",
            ),
            Choice(
                "d",
                "Faster than on TPU v5p, because v6e has more FLOP/s.",
                "more-flops-faster",
                "More FLOP/s help only if the numbers arrive. Which chip gets more bytes per "
                "1,000 operations?",
                "more peak compute taken to mean faster on every program",
            ),
        ),
        hint="Each operation needs one new number. How many new numbers arrive for 1,000 "
        "operations of peak?"
        "\n"
        "Use your answer to exercise 1: if fewer than one number arrives per 1,000 "
        "operations, how many of those 1,000 can this program actually do?",
        explain="Read on: the next cell compares the three chips.",
    )
)


# --- section 2: who sells DRAM -------------------------------------------------------------


def _first_sk_hynix_lead() -> str:
    table = memory.leaders()
    return str(table.loc[table["leader"] == "SK hynix", "quarter"].iloc[0])


def _quarter_aliases() -> dict[str, str]:
    """Other spellings of a quarter: 1Q25, Q1 2025, 2025 Q1, 2025-Q1 (case is ignored)."""
    names = {q: q for q in memory.quarters()}
    for q in memory.quarters():
        year, n = q.split("Q")
        for other in (f"{n}Q{year[2:]}", f"Q{n} {year}", f"{year} Q{n}", f"{year}-Q{n}"):
            names[other] = q
    return names


question(
    Question(
        id="03-first-sk-hynix-lead",
        prompt="In which quarter of the data did SK hynix first have the largest share of "
        "world DRAM revenue? (Write it like 2024Q3.)",
        kind="text",
        expected=_first_sk_hynix_lead,
        aliases=_quarter_aliases,
        mistakes=(
            Mistake(
                "latest-not-first",
                "a later quarter of SK hynix's lead, not the first",
                lambda: "2025Q2",
                "a later period where the first is asked",
            ),
            Mistake(
                "year-not-quarter",
                "a year without its quarter: write both, like 2024Q3",
                lambda: _first_sk_hynix_lead()[:4],
                "a year given where a quarter is asked",
            ),
            Mistake(
                "quarter-not-year",
                "a quarter without its year: write both, like 2024Q3",
                lambda: "Q" + _first_sk_hynix_lead().split("Q")[1],
                "a quarter given without its year",
            ),
        ),
        hint="Look for the first row, in time order, whose leader is SK hynix."
        "\n"
        "Section 2: the table of memory.leaders() has one row per quarter, oldest first.",
        explain="Did SK hynix sell more that quarter? The next question asks.",
    )
)


def _why_lead_changed() -> str:
    """'b' when both leaders' revenue fell in 1Q25 and Samsung's fell more."""
    sk, sam = REVENUE_CHANGE_1Q25["SK hynix"], REVENUE_CHANGE_1Q25["Samsung"]
    if sk < 0 and sam < sk:
        return "b"
    return "a"


question(
    Question(
        id="03-why-lead-changed",
        prompt="TrendForce: from 2024Q4 to 2025Q1 SK hynix's DRAM revenue fell 7.1 % and "
        "Samsung's fell 19 %. Why did SK hynix take the lead?",
        kind="choice",
        expected=_why_lead_changed,
        choices=(
            Choice(
                "a",
                "It sold more DRAM than in the quarter before.",
                "lead-by-growth",
                "Read the sign: its revenue fell. A share can rise while sales fall.",
                "a gain in share taken for a gain in sales",
            ),
            Choice("b", "Both fell, and Samsung's revenue fell more."),
            Choice(
                "c",
                "Micron's revenue collapsed, and SK hynix took its customers.",
                "misread-third",
                "The two figures are about SK hynix and Samsung; Micron stayed third, with "
                "about a quarter of the market in 2025Q1.",
                "the change of leader explained by the third maker",
            ),
        ),
        hint="Both numbers are falls. What happens to the shares when one company's revenue "
        "falls more than another's?"
        "\n"
        "Lesson 00: a share is a company's revenue divided by the whole market's. Work it "
        "out for two companies of 100 that lose 7 and 19.",
        explain="Read the next cell for the reasons TrendForce gives.",
    )
)

question(
    Question(
        id="03-korea-dram-share",
        prompt="What share of world DRAM revenue (in %) did the two Korean makers, Samsung "
        "and SK hynix, have together in 2025Q2?",
        kind="number",
        unit="%",
        tolerance=0.2,
        expected=lambda: memory.korea_share(QUARTER),
        mistakes=(
            Mistake(
                "top1-not-all",
                "SK hynix alone, not both Korean makers",
                lambda: memory.dram_concentration(QUARTER)["top1_pct"],
                "one company's share where a group's is asked",
            ),
            Mistake(
                "all-not-korean",
                "all three makers, Micron (United States) included",
                lambda: memory.dram_concentration(QUARTER)["top3_pct"],
                "a total that includes rows outside the group asked for",
            ),
            Mistake(
                "empty-filter",
                "a sum over no rows: your filter kept none (iso3 holds 3-letter codes)",
                lambda: 0.0,
                "a filter that matches no row, so the sum is 0",
            ),
        ),
        hint="Which rows of the 2025Q2 table belong to Korea? Only those count."
        "\n"
        "Lesson 02's worked filter (foundries by country) is the pattern: the same two "
        "steps, on this table.",
        explain="Keep your filter: exercise 6 reuses it.",
    )
)

question(
    Question(
        id="03-korea-dram-share-2025q4",
        mistakes=(
            Mistake(
                "wrong-quarter",
                "the 2025Q2 share, not the 2025Q4 one",
                lambda: memory.korea_share(QUARTER),
                "a figure of another quarter than the one asked",
            ),
            Mistake(
                "top1-not-all",
                "Samsung alone, not both Korean makers",
                lambda: memory.dram_concentration(LATER)["top1_pct"],
            ),
            Mistake(
                "empty-filter",
                "a sum over no rows: your filter kept none (iso3 holds 3-letter codes)",
                lambda: 0.0,
            ),
        ),
        prompt="What share of world DRAM revenue (in %) did the two Korean makers have "
        "together in 2025Q4?",
        kind="number",
        unit="%",
        tolerance=0.2,
        expected=lambda: memory.korea_share(LATER),
        hint="Do what you did for 2025Q2, on the table of another quarter."
        "\n"
        "memory.dram_shares() takes the quarter as text; then the same filter and sum as in "
        "exercise 5.",
        explain="The same filter works for any quarter of the data.",
    )
)


# --- section 3: concentration -------------------------------------------------------------


def _dram_vs_foundry() -> str:
    """The letter of the true comparison of the 2025Q2 HHIs (DRAM vs foundry revenue)."""
    dram = memory.dram_concentration(QUARTER)["hhi"]
    foundry = chips.foundry_concentration(QUARTER)["hhi"]
    return "a" if dram < foundry else "b"


question(
    Question(
        id="03-dram-vs-foundry",
        prompt="Predict: in 2025Q2, was DRAM revenue more or less concentrated (HHI) than "
        "foundry revenue?",
        kind="choice",
        expected=_dram_vs_foundry,
        choices=(
            Choice("a", "Less concentrated."),
            Choice(
                "b",
                "More concentrated: only three makers share DRAM.",
                "three-makers-more-concentrated",
                "The HHI squares each share, so one very large share weighs more than the "
                "number of firms. Compare TSMC's 70 % with the largest DRAM share.",
                "fewer firms taken to mean a higher HHI, whatever their shares",
            ),
            Choice(
                "c",
                "The same: both are above 1,800, so both are highly concentrated.",
                "band-is-value",
                "Both may be in the same band, but the index still has a value. Which value "
                "is larger?",
                "two indices in the same band taken to be equal",
            ),
        ),
        hint="The HHI adds up the squared shares. Which market has one very large share?"
        "\n"
        "Lesson 02: TSMC had 70.2 % of foundry revenue in 2025Q2. Compare 70² with the "
        "squares of the DRAM shares in the table above.",
        explain="Your prediction is right; now compute the DRAM index.",
    )
)


def _two_korean_squares() -> float:
    table = memory.dram_shares(QUARTER)
    return float(metrics.hhi(table.loc[table["iso3"] == "KOR", "share_pct"]))


question(
    Question(
        id="03-dram-hhi",
        prompt="What is the HHI of world DRAM revenue by company in 2025Q2, computed over "
        "the three listed makers?",
        kind="number",
        tolerance=10.0,
        expected=lambda: memory.dram_concentration(QUARTER)["hhi"],
        mistakes=(
            Mistake(
                "foundry-not-dram",
                "the foundry market's HHI from lesson 02, not DRAM's",
                lambda: chips.foundry_concentration(QUARTER)["hhi"],
                "another market's index where this one's is asked",
            ),
            Mistake(
                "missing-maker",
                "the two Korean makers only, without Micron",
                _two_korean_squares,
                "an HHI that leaves out a listed company",
            ),
        ),
        hint="The HHI adds up the squared market shares, in %, of every company listed."
        "\n"
        "Lesson 00 and lesson 02 used metrics.hhi() on a column of shares: which column of "
        "the 2025Q2 DRAM table holds them?",
        explain="Now compare it with your prediction.",
    )
)


def _hbm_shares(quarter: str) -> list[float]:
    return [float(v) for v in memory.hbm_shares().loc[quarter].dropna()]


question(
    Question(
        id="03-hbm-hhi",
        prompt="Transfer: compute the HHI of world HBM revenue in 2025Q3 from Counterpoint's "
        "three shares.",
        kind="number",
        tolerance=10.0,
        expected=lambda: metrics.hhi(_hbm_shares(HBM_QUARTER)),
        mistakes=(
            Mistake(
                "dram-not-hbm",
                "the HHI of DRAM in 2025Q3, not of HBM",
                lambda: memory.dram_concentration(HBM_QUARTER)["hhi"],
                "the index of the whole market where one product's is asked",
            ),
            Mistake(
                "wrong-quarter",
                "the 2025Q2 HBM shares, not the 2025Q3 ones",
                lambda: metrics.hhi(_hbm_shares(QUARTER)),
            ),
            Mistake(
                "missing-maker",
                "SK hynix and Samsung only, Micron left out",
                lambda: metrics.hhi(_hbm_shares(HBM_QUARTER)[:2]),
            ),
            Mistake(
                "top1-only",
                "SK hynix's share squared alone, not all three makers'",
                lambda: _hbm_shares(HBM_QUARTER)[0] ** 2,
                "an HHI of the largest company only",
            ),
            Mistake(
                "sum-not-squares",
                "the three shares added, not squared and added",
                lambda: sum(_hbm_shares(HBM_QUARTER)),
                "shares added where their squares are asked",
            ),
            Mistake(
                "fraction",
                "shares as fractions (0.57), not in % (57): the HHI is on a 0–10,000 scale",
                lambda: metrics.hhi(_hbm_shares(HBM_QUARTER)) / 10_000,
                "an HHI computed on fractions instead of percentages",
            ),
            Mistake(
                "incomplete-quarter",
                "the 2024Q4 row with its empty share dropped, not 2025Q3",
                lambda: metrics.hhi(_hbm_shares("2024Q4")),
                "an HHI from a quarter where a company's share is missing",
            ),
        ),
        hint="The same index as for DRAM, on another table: one row of the HBM table is one "
        "quarter, and only 2025Q2 and 2025Q3 have all three shares."
        "\n"
        "The HBM table is indexed by quarter: pick the 2025Q3 row with .loc, then use the "
        "same function as in exercise 7.",
        explain="Now compare it with DRAM's index in the same quarter.",
    )
)


def _hbm_vs_dram() -> str:
    """'b' when HBM's 2025Q3 HHI is above DRAM's, 'a' when below."""
    hbm = metrics.hhi(_hbm_shares(HBM_QUARTER))
    return "b" if hbm > memory.dram_concentration(HBM_QUARTER)["hhi"] else "a"


question(
    Question(
        id="03-hbm-vs-dram",
        prompt="In 2025Q3, was HBM revenue more or less concentrated (HHI) than DRAM revenue "
        "as a whole?",
        kind="choice",
        expected=_hbm_vs_dram,
        choices=(
            Choice(
                "a",
                "Less concentrated: HBM is only a part of DRAM.",
                "part-less-concentrated",
                "A part of a market can be more concentrated than the whole (starter "
                "question 2). Put your HBM index next to DRAM's for 2025Q3.",
                "a part of a market assumed to be less concentrated than the whole",
            ),
            Choice("b", "More concentrated."),
            Choice(
                "c",
                "They cannot be compared: the two sets of shares come from different firms.",
                "different-source",
                "Different sources, but both are revenue shares of the same three makers: "
                "compare with care, and say so. Which index is larger?",
                "two sources' figures taken to be impossible to compare",
            ),
        ),
        hint="Put the two numbers side by side: your HBM index and DRAM's for the same quarter."
        "\n"
        "Section 3: the concentration table has DRAM's HHI for each quarter; find the 2025Q3 "
        "row.",
        explain="Your comparison is right; say which source each index comes from.",
    )
)


# --- section 4: Korea's exports ------------------------------------------------------------


def _export(year: int, column: str = "semiconductor_exports_busd") -> float:
    return float(memory.exports().set_index("year").loc[year, column])


question(
    Question(
        id="03-chip-export-share-2024",
        prompt="What share of Korea's total exports (in %) were semiconductors in 2024?",
        kind="number",
        unit="%",
        tolerance=0.2,
        expected=lambda: memory.chip_export_share(2024),
        mistakes=(
            Mistake(
                "latest-not-asked",
                "the 2025 share, the latest year's, not the 2024 one",
                lambda: memory.chip_export_share(2025),
                "the latest period's figure where an earlier one is asked",
            ),
            Mistake(
                "wrong-year",
                "the 2023 share, not the 2024 one",
                lambda: memory.chip_export_share(2023),
            ),
        ),
        hint="A share is a part divided by the whole. Which column is the part, which the "
        "whole?"
        "\n"
        "Section 4's table has one row per year: take the 2024 row, then the share as in "
        "lesson 00 (times 100 for percent).",
        explain="Check it against the 2024 bar of the chart below.",
    )
)

question(
    Question(
        id="03-chip-export-change",
        prompt="By how many billion US$ did Korea's semiconductor exports change from 2023 "
        "to 2024? (A fall is negative.)",
        kind="number",
        unit="billion US$",
        tolerance=0.2,
        expected=lambda: _export(2024) - _export(2023),
        mistakes=(
            Mistake(
                "sign-flipped",
                "the change with its sign flipped (2023 minus 2024)",
                lambda: _export(2023) - _export(2024),
                "a change with the wrong sign (start minus end)",
            ),
            Mistake(
                "percent-not-absolute",
                "a change in percent, not in billion US$",
                lambda: 100 * (_export(2024) - _export(2023)) / _export(2023),
                "a relative change (%) where an absolute one is asked",
            ),
            Mistake(
                "wrong-years",
                "the change from 2024 to 2025, not from 2023 to 2024",
                lambda: _export(2025) - _export(2024),
                "a change between other years than the ones asked",
            ),
            Mistake(
                "wrong-start-year",
                "the change from 2022 to 2024, not from 2023 to 2024",
                lambda: _export(2024) - _export(2022),
                "a change measured from another starting year than the one asked",
            ),
            Mistake(
                "share-not-value",
                "the change in the chip share of exports (points), not in billion US$",
                lambda: memory.chip_export_share(2024) - memory.chip_export_share(2023),
                "a change of a share where a change of a value is asked",
            ),
        ),
        hint="A change is the later value minus the earlier one, in the column of chip "
        "exports."
        "\n"
        "Section 4's table has one row per year: pick the 2023 and 2024 rows the way you "
        "picked the 2024 row in exercise 9.",
        explain="Now say in one sentence what happened to chip exports in 2023 and 2024.",
    )
)


# --- section 4: a forecast against the actual ----------------------------------------------


def _sales_2025() -> dict[str, float]:
    sales = chips.world_sales()
    return sales[sales["year"] == 2025].set_index("status")["world_sales_busd"].to_dict()


def _forecast_direction() -> str:
    got = _sales_2025()
    return "a" if got["actual"] > got["forecast"] else "b"


question(
    Question(
        id="03-forecast-direction",
        prompt="Predict: WSTS's forecast of 2 December 2025 for the year 2025, compared with "
        "the actual sales announced in February 2026, was it too low or too high?",
        kind="choice",
        expected=_forecast_direction,
        choices=(
            Choice("a", "Too low: sales turned out higher."),
            Choice(
                "b",
                "Too high: forecasters are optimists.",
                "forecast-always-high",
                "A forecast can miss either way. What happened to memory prices late in 2025 "
                "(section 2)? The next cells show the actual.",
                "forecasts assumed to err upwards",
            ),
            Choice(
                "c",
                "Exactly right: with one month left, the year was already known.",
                "late-forecast-exact",
                "A month of sales was still unknown, and the market was growing fast. The "
                "next cells show the actual.",
                "a late forecast taken for a measurement",
            ),
        ),
        hint="A forecast made in early December must still guess the last month. Was the "
        "market speeding up or slowing down?"
        "\n"
        "Section 2, 2025Q4: what TrendForce reports about DRAM contract prices. Then read on: "
        "the next cells show the actual.",
        explain="Now check your prediction against the actual in the next cells.",
    )
)


def _miss_pct(base: str) -> float:
    got = _sales_2025()
    return 100 * (got["actual"] - got["forecast"]) / got[base]


question(
    Question(
        id="03-forecast-miss-pct",
        prompt="By how many percent of the forecast was WSTS's December 2025 forecast for "
        "2025 too low?",
        kind="number",
        unit="%",
        tolerance=0.03,
        expected=lambda: _miss_pct("forecast"),
        mistakes=(
            Mistake(
                "actual-as-base",
                "the miss as a share of the actual, not of the forecast",
                lambda: _miss_pct("actual"),
                "a percentage computed on the wrong base",
            ),
            Mistake(
                "absolute-not-percent",
                "the miss in billion US$, not in percent",
                lambda: _sales_2025()["actual"] - _sales_2025()["forecast"],
                "an absolute difference where a percentage is asked",
            ),
            Mistake(
                "ratio-not-miss",
                "the actual as a percentage of the forecast, not the miss",
                lambda: 100 * _sales_2025()["actual"] / _sales_2025()["forecast"],
                "a ratio where a difference (the miss) is asked",
            ),
            Mistake(
                "growth-not-miss",
                "the market's growth in 2025, not the forecast's miss",
                lambda: float(
                    chips.world_sales().set_index("label").loc["2025, actual", "growth_pct"]
                ),
                "a growth rate where a forecast error is asked",
            ),
        ),
        hint="First the miss in billion US$, then as a percentage: of which of the two "
        "numbers?"
        "\n"
        "'Percent of the forecast': divide the miss by the forecast, as a share in lesson 00, "
        "times 100.",
        explain="Now compare the size of the miss with the market's growth that year.",
    )
)
