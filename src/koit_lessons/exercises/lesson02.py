"""Checked exercises of lesson 02 (The chip value chain and its chokepoints). Answers are
computed from the shipped data with :mod:`koit_lessons.chips`, never typed in.

Hints escalate (issue 20): each ``hint`` has two lines, a nudge for the first wrong answer
and a pointer to where the lesson shows the method; neither gives the finished line. Typical
wrong numbers are named as :class:`~koit_lessons.checks.Mistake`\\ s, and the wrong options
of a choice name the misconception behind them."""

from __future__ import annotations

from koit_lessons import chips, compute
from koit_lessons.checks import Choice, Mistake, Question, question

QUARTER = "2025Q2"
SEGMENT = "below 10 nm"

# --- retrieval starter: lesson 01 (training compute, its trend, memory bandwidth) ---------

#: the starter's model: 10 billion parameters trained on 1 trillion tokens (an example)
RECALL_PARAMETERS = 10e9
RECALL_TOKENS = 1e12
#: the starter's job: 200 operations per byte read, as in lesson 01's exercises
RECALL_FLOP_PER_BYTE = 200
V6E = "Google TPU v6e (Trillium)"


def _closest(value: float, options: dict[str, float]) -> str:
    """The letter of the option nearest to ``value`` (by ratio: the options differ by
    factors, not by steps)."""
    return min(options, key=lambda k: abs(options[k] / value - 1))


def _recall_flop() -> str:
    flop = compute.training_flop(RECALL_PARAMETERS, RECALL_TOKENS)
    return _closest(flop, {"a": 1e22, "b": 6e22, "c": 6e21})


question(
    Question(
        id="02-recall-1",
        prompt="With 6 × parameters × tokens (lesson 01), about how many FLOP does training "
        "a model of 10 billion parameters on 1 trillion tokens take?",
        kind="choice",
        expected=_recall_flop,
        choices=(
            Choice(
                "a",
                "1 × 10²² FLOP",
                "no-factor-six",
                "That is parameters × tokens: the rule has one more factor for the operations "
                "per parameter and token.",
                "the rule's factor 6 left out",
            ),
            Choice("b", "6 × 10²² FLOP"),
            Choice(
                "c",
                "6 × 10²¹ FLOP",
                "billion-exponent",
                "Count the zeros again: 10 billion is 10 × 10⁹.",
                "a power of ten lost in writing a number like 10 billion",
            ),
        ),
        hint="Write each number as a power of ten first, then multiply: powers of ten add."
        "\n"
        "Lesson 01, section 2: training FLOP ≈ 6 × parameters × tokens; 1 billion = 10⁹ and "
        "1 trillion = 10¹².",
        explain="You remembered lesson 01's rule of thumb.",
    )
)


def _recall_growth() -> str:
    months = compute.fit_trend(compute.models())["doubling_months"]
    return _closest(2 ** (12 / months), {"a": 12 / months, "b": 2.0, "c": 3.6})


question(
    Question(
        id="02-recall-2",
        prompt="In lesson 01's 44 models, training compute doubled about every 6.5 months. "
        "About how many times larger does it get in one year?",
        kind="choice",
        expected=_recall_growth,
        choices=(
            Choice(
                "a",
                "About ×1.8: a year holds 12 ÷ 6.5 ≈ 1.8 doublings.",
                "doublings-not-factor",
                "1.8 is how many doublings fit in a year, not the growth: each doubling "
                "multiplies by 2 again.",
                "the number of doublings taken for the growth factor",
            ),
            Choice(
                "b",
                "About ×2: it doubles, so it grows twice as large each year.",
                "doubling-read-as-yearly",
                "Twice a year would be a doubling time of 12 months. Here the doubling comes "
                "sooner than that.",
                "a doubling time read as one doubling a year",
            ),
            Choice("c", "About ×3.6: it doubles almost twice in a year."),
        ),
        hint="How many doublings fit in 12 months, and what does each doubling do?"
        "\n"
        "Lesson 01, section 1: a growth factor g a year doubles in log(2) ÷ log(g) years; "
        "turned round, 2 raised to (12 ÷ doubling months) is the factor for a year.",
        explain="You remembered how a doubling time and a yearly factor go together.",
    )
)


def _recall_waits() -> str:
    table = compute.accelerators().set_index("chip")
    need = float(table.loc[V6E, "flop_per_byte"])
    return "c" if need > RECALL_FLOP_PER_BYTE else "a"


question(
    Question(
        id="02-recall-3",
        prompt="A job does 200 operations per byte it reads. A TPU v6e needs about 560 "
        "operations per byte to run at its peak speed (lesson 01). What happens?",
        kind="choice",
        expected=_recall_waits,
        choices=(
            Choice(
                "a",
                "It runs at the v6e's peak: the v6e has the highest peak speed of the three TPUs.",
                "fastest-not-fed",
                "A high peak helps only if memory delivers bytes fast enough: compare the "
                "job's operations per byte with what the chip needs.",
            ),
            Choice(
                "b",
                "It runs below its peak: the chip has too little memory (too few GiB) for the "
                "job's data.",
                "capacity-not-bandwidth",
                "The size of the memory is not the limit here; the question is how many "
                "bytes per second it delivers.",
                "memory size taken for memory bandwidth",
            ),
            Choice(
                "c",
                "It runs below its peak: memory cannot deliver bytes fast enough, so the chip "
                "waits.",
            ),
        ),
        hint="Does the job bring the chip enough work for every byte it reads?"
        "\n"
        "Lesson 01, section 3: a chip is kept busy only when the job does at least as many "
        "operations per byte as the chip's flop_per_byte.",
        explain="You remembered why bandwidth matters as much as peak speed.",
    )
)


# --- section 1: the stages ---------------------------------------------------------------


def _company_share(company: str, quarter: str = QUARTER) -> float:
    table = chips.foundry_shares(quarter).set_index("company")
    return float(table.loc[company, "share_pct"])


def _capacity_share(iso3: str, period: int) -> float:
    table = chips.capacity_shares(SEGMENT, period).set_index("iso3")
    return float(table.loc[iso3, "share_pct"])


def _most_concentrated_stage() -> str:
    table = chips.stage_table()
    return str(table.loc[table["hhi"].idxmax(), "stage"])


def _least_concentrated_stage() -> str:
    table = chips.stage_table()
    return str(table.loc[table["hhi"].idxmin(), "stage"])


def _top_region_of_most_concentrated() -> str:
    table = chips.stage_table()
    return str(table.loc[table["hhi"].idxmax(), "top_region"])


def _stage_aliases() -> dict[str, str]:
    names = {s: s for s in chips.stages()}
    # The labels shown in the lesson's table, e.g. 'EDA software (2019)', also count.
    table = chips.stage_table()
    names.update(dict(zip(table["label"], table["stage"], strict=True)))
    names.update(
        {
            "EDA": "EDA software",
            "electronic design automation": "EDA software",
            "electronic design automation software": "EDA software",
            "EDA tools": "EDA software",
            "IP": "core IP",
            "wafers": "silicon wafers",
            "ATP": "assembly, test and packaging",
        }
    )
    return names


question(
    Question(
        id="02-most-concentrated-stage",
        mistakes=(
            Mistake(
                "region-not-stage",
                "the region that leads that stage; the question asks for a stage, as the "
                "stage column writes it",
                _top_region_of_most_concentrated,
                "a region given where a stage is asked",
            ),
            Mistake(
                "lowest-not-highest",
                "the stage with the lowest HHI, not the highest",
                _least_concentrated_stage,
                "the smallest value read where the largest is asked",
            ),
        ),
        prompt="Which stage or input of the chain in chip_value_chain_shares has the highest "
        "HHI by country or region?",
        kind="text",
        expected=_most_concentrated_stage,
        aliases=_stage_aliases,
        hint="The longest bar in the chart is the highest HHI; give its name as the stage "
        "column writes it."
        "\n"
        "Section 1's table and chart: the hhi column decides; a table's .sort_values() "
        "puts its rows in order of one column.",
        explain="That is the stage with the highest HHI.",
    )
)


# --- section 2: foundries ----------------------------------------------------------------


question(
    Question(
        id="02-tsmc-share",
        mistakes=(
            Mistake(
                "rounded-share",
                "the share rounded to a whole number; give it with its decimal, as the table does",
                lambda: float(round(_company_share("TSMC"))),
                "a share rounded off (read from a chart) where the table's value is asked",
            ),
        ),
        prompt="What share of world foundry revenue (in %) did TSMC have in the second "
        "quarter of 2025?",
        kind="number",
        unit="%",
        tolerance=0.1,
        expected=lambda: _company_share("TSMC"),
        hint="Which table gives the shares of 2025Q2, and which column holds them?"
        "\n"
        "The table `foundries` (section 2): find TSMC's row and read its share_pct.",
        explain="That is TSMC's share in 2025Q2.",
    )
)


def _taiwan_foundries(columns: tuple[str, ...] = ("company", "share_pct")) -> object:
    """The foundries headquartered in Taiwan in 2025Q2, with ``columns`` (by default the
    two asked for; all of them is a typical mistake)."""
    table = chips.foundry_shares(QUARTER)
    rows = table.loc[table["headquarters"] == "Taiwan"]
    return rows[list(columns)] if columns else rows


question(
    Question(
        id="02-taiwan-foundry-table",
        mistakes=(
            Mistake(
                "all-columns",
                "the right rows with every column; keep only the two columns asked for, "
                "with double brackets [[...]]",
                lambda: _taiwan_foundries(()),
                "a filter's rows kept with all columns where two are asked",
            ),
        ),
        prompt="A table of the foundries headquartered in Taiwan in 2025Q2, with exactly the "
        "columns company and share_pct.",
        kind="frame",
        exact_columns=True,
        tolerance=0.05,
        expected=_taiwan_foundries,
        hint="Which column says where a company has its headquarters? The condition compares "
        "it with a name; names in the data start with a capital letter."
        "\n"
        "The worked example above it: keep its shape, change the condition (== compares, "
        "= assigns), then keep two columns with [[...]].",
        explain="Your filter picks the right rows and the two columns.",
    )
)


def _by_country(how: str = "sum") -> object:
    """Each headquarters country's foundries, combined: ``how`` is "sum" (the answer),
    "count" or "mean" (typical mistakes)."""
    groups = chips.foundry_shares(QUARTER).groupby("headquarters")["share_pct"]
    return getattr(groups, how)().reset_index()


question(
    Question(
        id="02-country-table",
        mistakes=(
            Mistake(
                "count-not-sum",
                "the number of foundries in each country, not their combined share",
                lambda: _by_country("count"),
                "a count of rows per group where a sum is asked",
            ),
            Mistake(
                "mean-not-sum",
                "the average share of each country's foundries, not their combined share",
                lambda: _by_country("mean"),
                "an average per group where a sum is asked",
            ),
        ),
        prompt="A table with one row per headquarters country and the combined share_pct "
        "of its foundries in 2025Q2.",
        kind="frame",
        tolerance=0.05,
        expected=_by_country,
        hint="Group the rows by the column that names the country, then add up the shares "
        "within each group."
        "\n"
        "The paragraph above the exercise names three steps, in this order: group the "
        "rows, add up one column per group, turn the result back into a table.",
        explain="Your group-by gives every country's combined share.",
    )
)


# --- section 3: concentration --------------------------------------------------------------


def _foundry_above_fabrication() -> str:
    foundry = chips.foundry_concentration(QUARTER)["hhi"]
    fabrication = chips.stage_concentration("fabrication")["hhi"]
    return "a" if foundry > fabrication else "b"


question(
    Question(
        id="02-predict-foundry-hhi",
        prompt="Predict before you compute: is the HHI of world foundry revenue by company in "
        "2025Q2 lower or higher than the 1,642 of fabrication as a whole (2022)?",
        kind="choice",
        expected=_foundry_above_fabrication,
        choices=(
            Choice(
                "a",
                "Higher: one company took over two thirds of the revenue, and the index "
                "squares each share.",
            ),
            Choice(
                "b",
                "Lower: ten foundries compete for the revenue, and more firms usually mean a "
                "lower index.",
                "many-firms-low-hhi",
                "The number of firms matters less than their sizes: the HHI adds up squared "
                "shares. Look at the largest bar in the foundry chart.",
                "concentration judged by the number of firms, not their shares",
            ),
            Choice(
                "c",
                "About the same: foundry revenue is a part of fabrication, so it is about as "
                "concentrated.",
                "same-stage-same-index",
                "The two indices measure different things: shares of all fabrication by country "
                "(CSET does not say of what), and revenue of ten foundries by company.",
                "two indices of different measures taken as the same",
            ),
        ),
        hint="What does one large share do to a sum of squares?"
        "\n"
        "Section 3: the HHI is the sum of the squared shares; square the largest share in "
        "the foundry table and compare it with 1,642.",
        explain="Now compute the index and see how far above it lies.",
    )
)


def _hhi_top_only() -> float:
    return _company_share("TSMC") ** 2


question(
    Question(
        id="02-foundry-hhi",
        mistakes=(
            Mistake(
                "hhi-from-fractions",
                "an HHI from shares as fractions (0 to 1), not in % (0 to 10,000)",
                lambda: chips.foundry_concentration(QUARTER)["hhi"] / 10_000,
            ),
            Mistake(
                "top1-squared-only",
                "the largest company's square only, not the sum over all ten",
                _hhi_top_only,
                "one squared share where the sum of all of them is asked",
            ),
            Mistake(
                "capacity-not-revenue",
                "the HHI of capacity below 10 nm (2022), not of foundry revenue",
                lambda: chips.capacity_concentration(SEGMENT, 2022)["hhi"],
                "an index of capacity where one of revenue is asked",
            ),
        ),
        prompt="What is the HHI of world foundry revenue by company in 2025Q2, computed "
        "over the ten listed foundries?",
        kind="number",
        tolerance=10.0,
        expected=lambda: chips.foundry_concentration(QUARTER)["hhi"],
        hint="The HHI squares each company's share (in %) and adds them all up."
        "\n"
        "Lesson 00 and section 3: metrics.hhi() takes a column of shares in %; which table "
        "holds the ten foundries?",
        explain="How much of it is TSMC's squared share alone?",
    )
)


def _top3_by_country() -> float:
    by_country = chips.foundry_by_country(QUARTER)["share_pct"]
    return float(by_country.nlargest(3).sum())


question(
    Question(
        id="02-foundry-top3",
        mistakes=(
            Mistake(
                "top1-not-top3",
                "the largest company only, not the three largest",
                lambda: _company_share("TSMC"),
            ),
            Mistake(
                "rounded-top3",
                "the top-3 share rounded to a whole number; give it with its decimal",
                lambda: float(round(chips.foundry_concentration(QUARTER)["top3_pct"])),
                "a share rounded off where the value with its decimal is asked",
            ),
            Mistake(
                "countries-not-companies",
                "the three largest headquarters countries, not the three largest companies",
                _top3_by_country,
                "groups (countries) counted where single companies are asked",
            ),
        ),
        prompt="What share of world foundry revenue (in %) did the three largest foundries "
        "hold together in 2025Q2? Give it with its decimal.",
        kind="number",
        unit="%",
        tolerance=0.2,
        expected=lambda: chips.foundry_concentration(QUARTER)["top3_pct"],
        hint="Which three bars of the foundry chart are the longest? Add up their shares."
        "\n"
        "Lesson 00 and section 3: the top-3 share adds the three largest shares; "
        "metrics.top_k_share() does it for a column of shares.",
        explain="That is the top-3 share of 2025Q2.",
    )
)


question(
    Question(
        id="02-sub10-hhi-2022",
        mistakes=(
            Mistake(
                "wrong-year",
                "the 2019 index, not the 2022 one",
                lambda: chips.capacity_concentration(SEGMENT, 2019)["hhi"],
                "a value of another year than the one asked",
            ),
            Mistake(
                "projection-not-2022",
                "the 2032 projection, not the 2022 figures",
                lambda: chips.capacity_concentration(SEGMENT, 2032)["hhi"],
                "a projection where a measured year is asked",
            ),
            Mistake(
                "hhi-from-fractions",
                "an HHI from shares as fractions (0 to 1), not in % (0 to 10,000)",
                lambda: chips.capacity_concentration(SEGMENT, 2022)["hhi"] / 10_000,
                "shares squared as fractions where the HHI uses shares in %",
            ),
            Mistake(
                "top1-not-hhi",
                "the largest region's share, not the HHI",
                lambda: chips.capacity_concentration(SEGMENT, 2022)["top1_pct"],
                "the top-1 share given where the index is asked",
            ),
        ),
        prompt="What is the HHI of world capacity below 10 nm by region in 2022?",
        kind="number",
        tolerance=5.0,
        expected=lambda: chips.capacity_concentration(SEGMENT, 2022)["hhi"],
        hint="Which regions had capacity below 10 nm in 2022, and with what shares?"
        "\n"
        "The HHI squares each share and adds them up, as in Exercise 4; capacity_2022 holds "
        "the 2022 rows only.",
        explain="That is the 2022 index; compare it with the chart below.",
    )
)


def _lower_bound() -> str:
    """'b': shares of one world total that add up to less than 100 % give an HHI that the
    missing share can only raise (it adds a square or enlarges a share already counted)."""
    covered = chips.capacity_concentration(SEGMENT, 2032)["covered_pct"]
    return "b" if covered <= 100 else "c"


question(
    Question(
        id="02-lower-bound",
        prompt="The 2032 shares we could read add up to 95 %, and their HHI is 3,135. With "
        "the missing 5 % included, what would the HHI of 2032 be?",
        kind="choice",
        expected=_lower_bound,
        choices=(
            Choice(
                "a",
                "At most 3,135: the missing 5 % spreads the capacity over more regions, so "
                "it lowers the index.",
                "missing-lowers-index",
                "The shares already counted stay as they are; the missing 5 % adds one more "
                "squared share to the sum, or makes a counted share bigger. Can either lower "
                "a sum of squares?",
                "a missing share taken to lower an index of squared shares",
            ),
            Choice(
                "b",
                "At least 3,135: whoever holds the missing 5 %, it can only add to the sum of "
                "squares.",
            ),
            Choice(
                "c",
                "Either way: that depends on who holds the missing 5 %, one large region or "
                "many small ones.",
                "either-way",
                "Who holds it decides how much the index rises, not whether it rises: the "
                "95 % already counted stays in the sum either way.",
                "a bound's size taken for its direction",
            ),
        ),
        hint="The HHI adds up squared shares. What can adding one more share do to a sum?"
        "\n"
        "Section 3, after Exercise 4b: the ten listed foundries hold about 97 %, and the "
        "lesson says which way the true index can differ.",
        explain="A sum of squares over part of the market is a lower bound.",
    )
)


question(
    Question(
        id="02-asml-stage",
        prompt="ASML builds the EUV lithography scanners. In section 1's table of stages, "
        "where does ASML belong?",
        kind="choice",
        expected=lambda: "a",  # a reading of the stage table's definitions, not a data fact
        choices=(
            Choice(
                "a",
                "Equipment: ASML builds the scanners that fabs buy to print chip patterns on "
                "wafers.",
            ),
            Choice(
                "b",
                "Materials: the scanners use light and chemicals, the inputs that every fab "
                "consumes.",
                "tool-as-material",
                "Materials are what a fab uses up (wafers, gases, chemicals); a scanner is a "
                "machine it buys once and keeps.",
                "a machine taken for a material a fab consumes",
            ),
            Choice(
                "c",
                "Wafer fabrication: the scanners print each chip's pattern inside the fab, "
                "where wafers are made.",
                "tool-user-not-tool-maker",
                "The scanner works in the fab, but ASML does not run fabs: which stage makes "
                "the machines a fab uses?",
                "the stage that uses a tool taken for the stage that makes it",
            ),
        ),
        hint="Does ASML make chips, or something that chip-makers buy?"
        "\n"
        "Section 1's table of stages: which row's examples are machines?",
        explain="ASML is an equipment maker.",
    )
)


question(
    Question(
        id="02-which-measure",
        prompt="TSMC had 70.2% of world foundry revenue in 2025Q2; Taiwan had 69% of world "
        "capacity below 10 nm in 2022. What do the two numbers tell you together?",
        kind="choice",
        expected=lambda: "c",  # a reading of definitions, not a data fact
        choices=(
            Choice(
                "a",
                "Nearly the same fact twice: about 70 % of the world's advanced chips are made "
                "in Taiwan, by revenue and by capacity alike.",
                "revenue-is-capacity",
                "One number is money a company took in, the other is what fabs in one place "
                "could make. Which is which, and are they of the same year?",
                "a revenue share and a capacity share taken for the same thing",
            ),
            Choice(
                "b",
                "The 70.2 % is Taiwan's share of chip-making too: TSMC is a Taiwanese company, "
                "so its revenue counts as Taiwan's production.",
                "headquarters-is-location",
                "Headquarters is not location: section 2 said these firms run fabs in "
                "several countries.",
                "a company's headquarters taken for where it makes chips",
            ),
            Choice(
                "c",
                "Two measures of different years: one company's share of money taken in, and "
                "one place's share of what fabs could make.",
            ),
        ),
        hint="For each number, ask: a share of what, of whom, and when?"
        "\n"
        "Section 1, 'Three different measures', and the axis labels of the foundry and "
        "capacity charts.",
        explain="Say the measure and the year each time you quote one.",
    )
)


# --- section 4: Korea, Italy and Europe ----------------------------------------------------


question(
    Question(
        id="02-korea-sub10-change",
        mistakes=(
            Mistake(
                "sign-flipped",
                "the change with its sign flipped (2022 minus 2032)",
                lambda: _capacity_share("KOR", 2022) - _capacity_share("KOR", 2032),
                "a change with the wrong sign (start minus end)",
            ),
            Mistake(
                "fraction-not-points",
                "the change as a fraction, not in percentage points (the shares are in %)",
                lambda: (_capacity_share("KOR", 2032) - _capacity_share("KOR", 2022)) / 100,
                "a difference of shares divided by 100 where percentage points are asked",
            ),
            Mistake(
                "percent-not-points",
                "a percent change of the share, not a change in percentage points",
                lambda: (_capacity_share("KOR", 2032) / _capacity_share("KOR", 2022) - 1) * 100,
                "a relative change in % where a difference in percentage points is asked",
            ),
        ),
        prompt="By how many percentage points is South Korea's share of world capacity "
        "below 10 nm projected to change from 2022 to 2032? (A fall is negative.)",
        kind="number",
        unit="percentage points",
        tolerance=0.5,
        expected=lambda: _capacity_share("KOR", 2032) - _capacity_share("KOR", 2022),
        hint="A change is the later value minus the earlier one; in percentage points you "
        "subtract the two shares as they are."
        "\n"
        "The printed `korea` shows one share per year; pick two of them by their year "
        "with square brackets.",
        explain="That is the change in percentage points.",
    )
)


def _share_alone_cannot_tell() -> str:
    """'b': Korea's share falls while the regions with capacity grow from two to five."""
    before = len(chips.capacity_shares(SEGMENT, 2022).query("share_pct > 0"))
    after = len(chips.capacity_shares(SEGMENT, 2032).query("share_pct > 0"))
    return "b" if after > before else "a"


question(
    Question(
        id="02-share-falls",
        prompt="Korea's share of world capacity below 10 nm is projected to fall from 31% "
        "(2022) to 9% (2032). Does that mean Korea will have less capacity?",
        kind="choice",
        expected=_share_alone_cannot_tell,
        choices=(
            Choice(
                "a",
                "Yes: a share of 9 % instead of 31 % means Korea's fabs will make less than a "
                "third as much as they did in 2022.",
                "falling-share-falling-capacity",
                "A share is a part of a total. What happens to the total in the projection? "
                "Count the regions with capacity in 2022 and in 2032.",
                "a falling share taken for falling capacity",
            ),
            Choice(
                "b",
                "Not necessarily: a share also falls when other regions build fabs faster, so "
                "the shares alone cannot tell.",
            ),
            Choice(
                "c",
                "No: the world builds many new fabs by 2032, so Korea's capacity must grow "
                "with the world's total.",
                "total-grows-all-grow",
                "The shares do not say that either: they give no capacity in wafers, "
                "for Korea or for the world.",
                "growth of a total taken as growth of every part",
            ),
        ),
        hint="A share is a part divided by a total: which of the two can change?"
        "\n"
        "The capacity chart in section 3: which regions appear only in the 2032 bars?",
        explain="A share is always a share of a total.",
    )
)


def _target_and_projection() -> str:
    """'a': the EU target (production value, 2030) and the capacity projection (below
    10 nm, 2032) measure different things; the projection is in the data."""
    europe = chips.capacity_shares(SEGMENT, 2032).set_index("region")["share_pct"]
    return "a" if "Europe" in europe.index else "b"


question(
    Question(
        id="02-target-vs-projection",
        prompt="The Chips Act aims at 20% of the world market by 2030; SIA/BCG project "
        "Europe at 6% of world capacity below 10 nm in 2032. Can both be true?",
        kind="choice",
        expected=_target_and_projection,
        choices=(
            Choice(
                "a",
                "Yes: they measure different things, the value of chips produced and the "
                "capacity below 10 nm.",
            ),
            Choice(
                "b",
                "No: Europe cannot hold 20 % and 6 % of the same world market at once, so one "
                "of them is wrong.",
                "one-must-be-wrong",
                "Two numbers contradict each other only if they measure the same thing. Do they?",
                "two figures on different measures taken to contradict each other",
            ),
            Choice(
                "c",
                "Yes: the 20 % is a forecast for 2030, and forecasts like it are often revised "
                "down before 2032.",
                "target-is-forecast",
                "The 20 % is a goal the EU set itself, not a forecast; the Commission's own "
                "forecast is a different number.",
                "a policy target taken for a forecast",
            ),
        ),
        hint="Before comparing two shares, ask: a share of what?"
        "\n"
        "Section 4, the paragraph on the Chips Act: how does the Digital Decade programme "
        "define the target?",
        explain="Same word, share, two different measures.",
    )
)


question(
    Question(
        id="02-catania-dates",
        prompt="Full capacity of ST's silicon-carbide campus in Catania: which source gives "
        "which year?",
        kind="choice",
        expected=lambda: "a",  # as the lesson quotes the two sources
        choices=(
            Choice("a", "The European Commission gives 2032; ST's announcement (Evertiq) 2033."),
            Choice(
                "b",
                "The European Commission gives 2033; ST's announcement (Evertiq) 2032.",
                "sources-swapped",
                "Read the sentence under the Catania table in section 4 again ('Two sources, "
                "two dates'): which source is named with which year?",
                "two sources' figures attributed the wrong way round",
            ),
            Choice(
                "c",
                "Both give 2032, as the Commission's decision is the official source; 2033 is "
                "a mistake.",
                "one-must-be-wrong",
                "The lesson quotes two sources with two dates; neither is called a mistake.",
            ),
        ),
        hint="The two dates come from two different sources."
        "\n"
        "Section 4, the sentence under the Catania table: 'Two sources, two dates'.",
        explain="Quote the one you use, with its source.",
    )
)
