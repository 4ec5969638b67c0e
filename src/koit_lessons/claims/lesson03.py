"""The numbers in lesson 03's prose."""

from __future__ import annotations

from koit_lessons import chips, compute, memory, metrics
from koit_lessons.claims import Claim, Fixed

V6E = "Google TPU v6e (Trillium)"
V5P = "Google TPU v5p"
UNIT = "definition: the unit of bytes_per_kflop (bytes per 1,000 operations)"
TF_1Q25 = (
    "TrendForce, 'DRAM Revenue Drops 5.5% in the First Quarter of 2025' (June 2025), "
    "as published by I-Connect007"
)
TF_4Q25 = "TrendForce data, 'Price rally lifts 4Q25 DRAM revenue 29.4% QoQ', Evertiq (2026)"
TITLE = "the title of a source, as published"
MOTIE_2024 = "MOTIE, 'Korea's annual exports reach new highs in 2024' (January 2025)"
KCS_2025 = (
    "Korea Customs Service, 2025 trade yearbook, as reported in Japanese by livedoor news "
    "(early 2026; docs/research/chips_2026)"
)


def _bytes_per_kflop(chip: str) -> float:
    row = compute.accelerator(chip)
    return row["memory_bandwidth_gbps"] / row["peak_bf16_tflops"]


def _bandwidth(chip: str) -> float:
    return compute.accelerator(chip)["memory_bandwidth_gbps"]


def _dram(company: str, quarter: str) -> float:
    table = memory.dram_shares(quarter)
    return float(table.loc[table["company"] == company, "share_pct"].sum())


def _lead(quarter: str) -> float:
    shares = memory.dram_shares(quarter)["share_pct"]
    return float(shares.iloc[0] - shares.iloc[1])


def _history(column: str, which: str) -> float:
    values = memory.concentration_history()[column]
    return float(values.min() if which == "min" else values.max())


def _korea(which: str) -> float:
    values = [memory.korea_share(q) for q in memory.quarters()]
    return min(values) if which == "min" else max(values)


def _chip_exports(year: int) -> float:
    table = memory.exports().set_index("year")
    return float(table.loc[year, "semiconductor_exports_busd"])


def _total_exports(year: int) -> float:
    table = memory.exports().set_index("year")
    return float(table.loc[year, "total_exports_busd"])


def _export_share(year: int) -> float:
    row = memory.exports().set_index("year").loc[year]
    return 100 * row["semiconductor_exports_busd"] / row["total_exports_busd"]


ENTRIES = [
    # section 1: memory bandwidth per operation
    Fixed("for every 1,000 operations the chip could do", UNIT),
    Fixed("its HBM for every 1,000 operations? Use", UNIT + " (exercise 1)"),
    Claim(
        "the most peak compute (918 TFLOP/s)", lambda: compute.accelerator(V6E)["peak_bf16_tflops"]
    ),
    Claim("(1,638 against", lambda: _bandwidth(V6E)),
    Claim("against 2,765 GB/s)", lambda: _bandwidth(V5P)),
    Claim("under 2 bytes per 1,000 operations", lambda: _bytes_per_kflop(V6E), relation="under"),
    Claim("against about 6 for v5p", lambda: _bytes_per_kflop(V5P)),
    # "fewer than one" 2-byte number is the claim "under 2 bytes" above
    Fixed("fewer than one new number for every 1,000 operations", UNIT),
    # section 2: the change of leader
    Fixed("SK hynix's DRAM revenue **fell 7.1 %**", TF_1Q25 + " (exercise 4)"),
    Fixed("Samsung's **fell 19 %**", TF_1Q25 + " (exercise 4)"),
    Claim("e.g. 42.3 %", lambda: _dram("Samsung", "2021Q4"), digits=1),
    Claim("− 29.7 % = 12.6 points", lambda: _dram("SK hynix", "2021Q4"), digits=1),
    Claim("= 12.6 points", lambda: _lead("2021Q4"), digits=1),
    Claim("(38.7 % against 32.7 %", lambda: _dram("SK hynix", "2025Q2"), digits=1),
    Claim("32.7 % in 2025Q2; 33.2", lambda: _dram("Samsung", "2025Q2"), digits=1),
    Claim("33.2 % against 32.6 % in 2025Q3", lambda: _dram("SK hynix", "2025Q3"), digits=1),
    Claim("32.6 % in 2025Q3, a lead", lambda: _dram("Samsung", "2025Q3"), digits=1),
    Claim("a lead of only 0.6 points", lambda: _lead("2025Q3"), digits=1),
    Claim("back in front (36 %", lambda: _dram("Samsung", "2025Q4")),
    Claim("against 32.1 %)", lambda: _dram("SK hynix", "2025Q4"), digits=1),
    Fixed("up 45–50 %, and Samsung's", TF_4Q25),
    Fixed("(its revenue divided by the amount it sold) up about 40 %", TF_4Q25),
    # section 3: concentration
    Claim("between 90.5 % (2025Q4)", lambda: _history("covered_pct", "min"), digits=1),
    Claim("and 98.3 % (2024Q4)", lambda: _history("covered_pct", "max"), digits=1),
    Claim("HHI between 2,825 in 2025Q3", lambda: _history("hhi", "min")),
    Claim("and 3,450 in 2023Q4", lambda: _history("hhi", "max")),
    Claim(
        "(about 5,050 in 2025Q2)",
        lambda: chips.foundry_concentration("2025Q2")["hhi"],
        digits=-1,
    ),
    Claim("one company took 70 %", lambda: chips.foundry_concentration("2025Q2")["top1_pct"]),
    Claim("between 65.8 % (2025Q3)", lambda: _korea("min"), digits=1),
    Claim("and 77.4 % (2024Q2)", lambda: _korea("max"), digits=1),
    Claim("25.7 % in 2025Q3", lambda: _dram("Micron", "2025Q3"), digits=1),
    Claim("22.4 % in 2025Q4", lambda: _dram("Micron", "2025Q4"), digits=1),
    # section 4: Korea's exports
    Claim(r"from \$129.2 billion in 2022", lambda: _chip_exports(2022), digits=1),
    Claim(r"to \$98.6 billion in 2023", lambda: _chip_exports(2023), digits=1),
    Claim(r"record \$141.9 billion in 2024", lambda: _chip_exports(2024), digits=1),
    Claim(r"and to \$173.4 billion in 2025", lambda: _chip_exports(2025), digits=1),
    Claim("were 24.4 % of Korea's exports", lambda: _export_share(2025), digits=1),
    # the model answer of the Think! question
    Claim(
        "together had 71.4 % of world DRAM revenue", lambda: memory.korea_share("2025Q2"), digits=1
    ),
    Claim(
        "under 2 bytes of HBM traffic per 1,000 operations",
        lambda: _bytes_per_kflop(V6E),
        relation="under",
    ),
    Claim("chips were 20.8 % of its exports in 2024", lambda: _export_share(2024), digits=1),
    Claim(r"(from \$129.2 billion", lambda: _chip_exports(2022), digits=1),
    Claim(r"to \$98.6 billion)", lambda: _chip_exports(2023), digits=1),
    # summary
    Claim("has 918 TFLOP/s of peak", lambda: compute.accelerator(V6E)["peak_bf16_tflops"]),
    Claim("but 1,638 GB/s of HBM bandwidth", lambda: _bandwidth(V6E)),
    Claim(
        "together held more than 90 % in every quarter",
        lambda: _history("covered_pct", "min"),
        relation="over",
    ),
    Claim("HHI between 2,825", lambda: _history("hhi", "min")),
    Claim("and 3,450: highly concentrated", lambda: _history("hhi", "max")),
    Claim("between 65.8 %", lambda: _korea("min"), digits=1),
    Claim("and 77.4 % in the quarters", lambda: _korea("max"), digits=1),
    Claim("Micron (22.4 % in 2025Q4)", lambda: _dram("Micron", "2025Q4"), digits=1),
    Claim("were 18.9 % (2022)", lambda: _export_share(2022), digits=1),
    Claim("15.6 % (2023)", lambda: _export_share(2023), digits=1),
    Claim("20.8 % (2024) and", lambda: _export_share(2024), digits=1),
    Claim("24.4 % (2025, preliminary, the latest", lambda: _export_share(2025), digits=1),
    # what the data could not tell us
    Claim(r"(semiconductors, \$173.4 billion)", lambda: _chip_exports(2025), digits=1),
    Claim(r"(total exports, \$709.7 billion)", lambda: _total_exports(2025), digits=1),
    Fixed("(704.9 billion dollars)", KCS_2025),
    Fixed(r"China \$133.0 billion", MOTIE_2024),
    Fixed(r"the United States \$127.8 billion", MOTIE_2024),
    # sources
    Fixed("2Q25 DRAM Revenue Jumps 17.1%", TITLE),
    Fixed("DRAM Revenue Drops 5.5% in the First Quarter", TITLE),
    Claim("Micron 24.3 % in 1Q25", lambda: _dram("Micron", "2025Q1"), digits=1),
    Fixed("4Q25 DRAM revenue 29.4% QoQ", TITLE),
    Fixed("3Q24 DRAM Industry Revenue by 13.6% QoQ", TITLE),
    Fixed("revenue grows by 13.6 %", TITLE),
]


def _hbm(quarter: str, company: str) -> float:
    return float(memory.hbm_shares().loc[quarter, company])


ENTRIES += [
    # section 2: HBM shares (Counterpoint Research, as reported)
    Claim("with 57 % in 2025Q3", lambda: _hbm("2025Q3", "SK hynix")),
    Claim("fell from 40 % in 2024Q4", lambda: _hbm("2024Q4", "Samsung")),
    Claim("to 13 % in 2025Q1", lambda: _hbm("2025Q1", "Samsung")),
    Claim("back to 22 % in 2025Q3", lambda: _hbm("2025Q3", "Samsung")),
]


def _sales(year: int, status: str) -> float:
    table = chips.world_sales()
    row = table[(table["year"] == year) & (table["status"] == status)]
    return float(row["world_sales_busd"].iloc[0])


def _sales_growth_2025() -> float:
    return 100 * (_sales(2025, "actual") / _sales(2024, "actual") - 1)


def _forecast_growth_2025() -> float:
    return 100 * (_sales(2025, "forecast") / _sales(2024, "actual") - 1)


ENTRIES += [
    # section 4: a forecast against the actual (WSTS data via SIA; WSTS Autumn 2025 forecast)
    Claim(r"of \$791.7 billion in 2025", lambda: _sales(2025, "actual"), digits=1),
    Claim("up 25.6 % on 2024", _sales_growth_2025, digits=1),
    Claim(r"WSTS forecast \$772.2 billion for 2025", lambda: _sales(2025, "forecast"), digits=1),
    Claim("+22.5 % on 2024", _forecast_growth_2025, digits=1),
    Claim("market's growth of 25.6 % in 2025", _sales_growth_2025, digits=1),
    Claim(r"the same edition, \$975.5 billion", lambda: _sales(2026, "forecast"), digits=1),
    # summary
    Claim("grew 25.6 % in 2025", _sales_growth_2025, digits=1),
    Claim(r"to \$791.7 billion (WSTS data, SIA)", lambda: _sales(2025, "actual"), digits=1),
    Claim(r"the same year was \$772.2 billion", lambda: _sales(2025, "forecast"), digits=1),
]


EC_2024 = (
    "European Commission, approval of Italian aid for ST's silicon-carbide campus in "
    "Catania (May 2024), as summarised by Green Forum (lesson 02)"
)
CSET_DAO = (
    "CSET, Supply Chain Explorer data, provision.csv, 'DAO chip design' row (WSTS and SIA "
    "sales, 2022), as in lesson 02"
)
AUDITORS = "European Court of Auditors, 'Microchips: EU off the pace in a global race' (2025)"
FORECAST = "Commission forecast (July 2024), as reported by Bits&Chips (2025), as in lesson 02"
GUIDELINES = (
    "U.S. Department of Justice and Federal Trade Commission, Merger Guidelines (2023): "
    "above 1,800 'highly concentrated'"
)


def _hbm_hhi(quarter: str) -> float:
    return float(metrics.hhi(memory.hbm_shares().loc[quarter].dropna().astype(float)))


def _forecast_miss_pct() -> float:
    return 100 * (_sales(2025, "actual") - _sales(2025, "forecast")) / _sales(2025, "forecast")


def _foundry(company: str, quarter: str = "2025Q2") -> float:
    table = chips.foundry_shares(quarter)
    return float(table.loc[table["company"] == company, "share_pct"].sum())


ENTRIES += [
    # starter (lesson 02 recalled)
    Claim("TSMC took **70.2 %** of the world foundry market", lambda: _foundry("TSMC"), digits=1),
    Claim("(TrendForce). 70.2 % of what?", lambda: _foundry("TSMC"), digits=1),
    # exercise 2 and section 3
    Fixed("1,000 ÷ 560.4 ≈ 1.78 bytes per 1,000 operations", UNIT),
    Claim("one foundry (TSMC) took 70.2 %", lambda: _foundry("TSMC"), digits=1),
    Fixed("both are above 1,800", GUIDELINES),
    # back to Seoul
    Claim(
        "makers took 71.4 % of world DRAM revenue",
        lambda: memory.korea_share("2025Q2"),
        digits=1,
    ),
    Claim(
        "they had 79 % of HBM revenue",
        lambda: _hbm("2025Q3", "SK hynix") + _hbm("2025Q3", "Samsung"),
    ),
    # summary: HBM and the forecast miss
    Claim("HBM is more concentrated still: HHI 4,174", lambda: _hbm_hhi("2025Q3")),
    Claim("2.5 % too low", _forecast_miss_pct, digits=1),
    # section 5: what Italy brings (lesson 02's numbers)
    Fixed("about €2 billion of Italian aid for STMicroelectronics' €5 billion", EC_2024),
    Fixed("Europe has 17 % of discrete, analog, sensor", CSET_DAO),
    Fixed("The EU aims at 20 % of the world's chip production by value", AUDITORS),
    Fixed("forecast (July 2024) is 11.7 % by 2030", FORECAST),
    # model answer and sources
    Fixed("ST's €5 billion campus in Catania, with about €2 billion", EC_2024),
    Fixed("approval of €2 billion Italian aid", EC_2024 + " (source title)"),
    # glossary
    Claim("to 33.2 % is 0.6 points", lambda: _dram("SK hynix", "2025Q3"), digits=1),
    Claim("from 32.6 %", lambda: _dram("Samsung", "2025Q3"), digits=1),
]
