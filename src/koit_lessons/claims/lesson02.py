"""The numbers in lesson 02's prose."""

from __future__ import annotations

from koit_lessons import chips, memory
from koit_lessons.claims import Claim, Fixed

QUARTER = "2025Q2"
SUB10 = "below 10 nm"
GUIDELINES = (
    "U.S. Department of Justice and Federal Trade Commission, Merger Guidelines (2023), Guideline 1"
)
SIA_2021 = (
    "Semiconductor Industry Association and Boston Consulting Group, Strengthening the "
    "Global Semiconductor Supply Chain in an Uncertain Era (2021)"
)
CSET_SALES = (
    "CSET, Supply Chain Explorer data, provision.csv (sourced sales rows: WSTS and SIA, "
    "2022), rows the chip_value_chain_shares data set does not keep"
)
CSET_EUV = (
    "CSET, Supply Chain Explorer data, provision.csv (CSET analysis of TechInsights data, 2024)"
)
EC_2022 = (
    "European Commission, approval of Italian aid for STMicroelectronics in Catania "
    "(October 2022), as reproduced by VLAIO EU Monitor"
)
EC_2024 = (
    "European Commission, approval of Italian aid for ST's silicon-carbide campus in "
    "Catania (May 2024), as summarised by Green Forum"
)
COUNCIL = "Council of the EU, Chips Act approved (July 2023), as quoted by Evertiq"
AUDITORS = "European Court of Auditors, 'Microchips: EU off the pace in a global race' (2025)"
FORECAST = "Commission forecast (July 2024), as reported by Bits&Chips (2025)"


def _stage_share(stage: str, region: str) -> float:
    table = chips.stage_shares(stage)
    return float(table.loc[table["region"] == region, "share_pct"].sum())


def _stage_hhi(stage: str) -> float:
    return chips.stage_concentration(stage)["hhi"]


def _capacity(region: str, period: int, segment: str = SUB10) -> float:
    table = chips.capacity_shares(segment, period)
    return float(table.loc[table["region"] == region, "share_pct"].sum())


def _capacity_hhi(period: int) -> float:
    return chips.capacity_concentration(SUB10, period)["hhi"]


def _capacity_covered(period: int) -> float:
    return float(chips.capacity_shares(SUB10, period)["share_pct"].sum())


def _foundry(company: str, quarter: str = QUARTER) -> float:
    table = chips.foundry_shares(quarter)
    return float(table.loc[table["company"] == company, "share_pct"].sum())


def _foundry_covered() -> float:
    return float(chips.foundry_shares(QUARTER)["share_pct"].sum())


def _foundry_hhi() -> float:
    return chips.foundry_concentration(QUARTER)["hhi"]


def _dram(company: str, quarter: str = "2025Q1") -> float:
    table = memory.dram_shares(quarter)
    return float(table.loc[table["company"] == company, "share_pct"].sum())


ENTRIES = [
    # introduction and section 1: quoted from SIA/BCG
    Fixed("more than **50 points** across the value chain", SIA_2021),
    Fixed("more than **65%** of the global market share", SIA_2021),
    Fixed("about **75%** of global semiconductor manufacturing capacity", SIA_2021),
    # the starter (lesson 01's rule on an example model)
    Fixed("a model of 10 billion parameters on 1 trillion tokens", "worked example"),
    # section 1: the design stage
    Claim("second with 13 % in 2022", lambda: _stage_share("design", "South Korea")),
    Claim("so the 13 % depends", lambda: _stage_share("design", "South Korea")),
    Fixed("give Korea 60 % of memory chip design", CSET_SALES + " ('Memory chip design')"),
    Fixed("but only 3 % of chip design overall", CSET_SALES + " ('Chip design')"),
    Fixed("Every stage but one is above the 1,800 line", GUIDELINES),
    # section 2: the quarters since 2025Q2 (TrendForce, as reported)
    Claim("TSMC's share was 71.0 % in 2025Q3", lambda: _foundry("TSMC", "2025Q3"), digits=1),
    Claim("and 70.4 % in 2025Q4;", lambda: _foundry("TSMC", "2025Q4"), digits=1),
    Claim("Samsung's 6.8 % and", lambda: _foundry("Samsung", "2025Q3"), digits=1),
    Claim("7.1 % (TrendForce, as reported", lambda: _foundry("Samsung", "2025Q4"), digits=1),
    # section 2: back to Seoul
    Claim("Samsung alone gave it 7.3 %", lambda: _foundry("Samsung"), digits=1),
    # section 3: concentration
    Claim("an HHI of 1,642 in 2022 (section 1)", lambda: _stage_hhi("fabrication")),
    Claim("A bar labelled 0% (the US in 2022)", lambda: _capacity("United States", 2022)),
    # Exercise 5d: two measures
    Claim("TSMC had 70.2 % of world foundry revenue", lambda: _foundry("TSMC"), digits=1),
    Fixed(
        "about 70 % of the world's advanced chips",
        "a wrong option of Exercise 5d: the misconception it names, not a claim",
    ),
    Claim("The 70.2 % is Taiwan's", lambda: _foundry("TSMC"), digits=1),
    Fixed("above 1,800 counts as highly concentrated", GUIDELINES),
    Claim("hold about 97 % of the market", _foundry_covered),
    Claim("in Taiwan (92 %)", lambda: _capacity("Taiwan", 2019)),
    Claim("South Korea (8 %) in 2019", lambda: _capacity("South Korea", 2019)),
    Claim("(69 % and", lambda: _capacity("Taiwan", 2022)),
    Claim("and 31 %). The 2019", lambda: _capacity("South Korea", 2022)),
    Claim("add up to 95 %", lambda: _capacity_covered(2032)),
    Claim("so 5 % is unaccounted for", lambda: 100 - _capacity_covered(2032)),
    Claim("an HHI of about 1,640 in 2022", lambda: _stage_hhi("fabrication"), digits=-1),
    Claim("an HHI of 5,722 (SIA/BCG)", lambda: _capacity_hhi(2022)),
    Claim("projection stays above 1,800", lambda: _capacity_hhi(2032), relation="over"),
    Claim("its 3,135 is a lower bound", lambda: _capacity_hhi(2032)),
    # Exercise 5b: a lower bound
    Claim("gives an HHI of 3,135 for the 2032", lambda: _capacity_hhi(2032)),
    Claim("read add up to 95 %", lambda: _capacity_covered(2032)),
    Claim("The missing 5 % belongs", lambda: 100 - _capacity_covered(2032)),
    Claim("At most 3,135: the missing 5 %", lambda: _capacity_hhi(2032)),
    Claim("At least 3,135: whoever holds the missing 5 %", lambda: _capacity_hhi(2032)),
    Claim("who holds the missing 5 %, one large", lambda: 100 - _capacity_covered(2032)),
    # section 4: Korea
    Claim("(7.3 % of revenue in 2025Q2)", lambda: _foundry("Samsung"), digits=1),
    Claim("with a 36 % share", lambda: _dram("SK hynix")),
    Claim("against Samsung's 33.7 %", lambda: _dram("Samsung"), digits=1),
    Fixed("from 10 % to 12 % is +2 percentage points", "definition (worked example)"),
    Claim("fall from 31 % (2022)", lambda: _capacity("South Korea", 2022)),
    Claim("Yes: a share of 9 %", lambda: _capacity("South Korea", 2032)),
    Claim("instead of 31 % means", lambda: _capacity("South Korea", 2022)),
    Claim("to 9 % (2032)", lambda: _capacity("South Korea", 2032)),
    # section 4: Italy and Europe
    Claim("projects **6 %** for Europe by 2032", lambda: _capacity("Europe", 2032)),
    Fixed("it has 17 % of discrete, analog, sensor", CSET_SALES + " ('DAO chip design')"),
    Fixed("against 9 % of chip design overall", CSET_SALES + " ('Chip design')"),
    Claim("(the 10 % in section 1's chart", lambda: _stage_share("design", "Europe")),
    Fixed("| **€292.5 million** | **€730 million** |", EC_2022),
    Fixed("| about **€2 billion** | **€5 billion** |", EC_2024),
    Fixed('"from 10% now to at least 20% by 2030"', COUNCIL),
    Fixed("is 11.7 % by 2030 (Bits&Chips)", FORECAST),
    Fixed("supplied **100 %** of EUV lithography tools in 2024", CSET_EUV),
    # Exercise 7: a target and a projection
    Fixed("aims at 20 % of the world market by 2030", COUNCIL),
    Claim("Europe at 6 % of world capacity", lambda: _capacity("Europe", 2032)),
    Fixed("cannot hold 20 % and 6 % of the same", "a wrong option of Exercise 7, not a claim"),
    Fixed("the 20 % is a forecast for 2030", "a wrong option of Exercise 7, not a claim"),
    # the model answer of the Think! question
    Claim("Taiwan had 69 %", lambda: _capacity("Taiwan", 2022)),
    Claim("South Korea 31 % of the world's capacity", lambda: _capacity("South Korea", 2022)),
    Claim("(HHI about 5,700)", lambda: _capacity_hhi(2022), digits=-2),
    Claim("TSMC, took 70.2 % of all foundry revenue", lambda: _foundry("TSMC"), digits=1),
    Claim("(HHI of the top ten about 5,050)", _foundry_hhi, digits=-1),
    Claim("falls from 31 %", lambda: _capacity("South Korea", 2022)),
    Claim("to 9 %, a share of a growing total", lambda: _capacity("South Korea", 2032)),
    Fixed("ASML supplied 100 % in 2024", CSET_EUV),
    Claim(
        "where the United States had 96 % in 2019",
        lambda: _stage_share("EDA software", "United States"),
    ),
    Claim("(HHI 9,228, CSET)", lambda: _stage_hhi("EDA software")),
    Claim(
        "EDA shares add up to 102 %",
        lambda: float(chips.stage_shares("EDA software")["share_pct"].sum()),
    ),
    Claim("software HHI of 9,228", lambda: _stage_hhi("EDA software")),
    # summary
    Claim(
        "(the United States had 96 % in 2019)",
        lambda: _stage_share("EDA software", "United States"),
    ),
    Claim("TSMC took 70.2 % of world foundry revenue", lambda: _foundry("TSMC"), digits=1),
    Claim("an HHI still above 1,800", lambda: _capacity_hhi(2032), relation="over"),
    Fixed("the EU aims at 20 % of the world's chip production by value", AUDITORS),
    # what the data could not tell us
    Claim("(10 % in 2022", lambda: _capacity("United States", 2022, "all nodes")),
    Claim("14 % projected for 2032)", lambda: _capacity("United States", 2032, "all nodes")),
    Claim("Mainland China (24 %", lambda: _capacity("Mainland China", 2022, "all nodes")),
    Claim(", 21 %).", lambda: _capacity("Mainland China", 2032, "all nodes")),
    # glossary
    Fixed("a rise of 20 %)", "definition (worked example: 2 of 10)"),
    # sources
    Fixed("75 % of manufacturing capacity in China and East Asia", SIA_2021),
    Fixed("ASML's 100 % of EUV lithography tools", CSET_EUV),
    Fixed("Approval of €292.5 million Italian aid", EC_2022),
    Fixed("Approval of €2 billion Italian aid", EC_2024),
    Fixed("\"doubling the EU's global market share in semiconductors, from 10% now", COUNCIL),
    Fixed('to at least 20% by 2030"', COUNCIL),
    Fixed("(20 % of global production value", AUDITORS),
    Fixed("forecast of 11.7 % by 2030", FORECAST),
]
