"""Checked exercises of lesson 03 (Memory, HBM and Korea's chip economy). Answers are
computed from the shipped data with :mod:`koit_lessons.memory`, never typed in."""

from __future__ import annotations

from koit_lessons import memory
from koit_lessons.checks import Mistake, Question, question

QUARTER = "2025Q2"


def _first_sk_hynix_lead() -> str:
    table = memory.leaders()
    return str(table.loc[table["leader"] == "SK hynix", "quarter"].iloc[0])


def _quarter_aliases() -> dict[str, str]:
    names = {q: q for q in memory.quarters()}
    for q in memory.quarters():
        year, n = q.split("Q")
        names[f"{n}Q{year[2:]}"] = q
        names[f"Q{n} {year}"] = q
    return names


question(
    Question(
        id="03-first-sk-hynix-lead",
        prompt="In which quarter of the data did SK hynix first have the largest share of "
        "world DRAM revenue? (Write it like 2024Q3.)",
        kind="text",
        expected=_first_sk_hynix_lead,
        aliases=_quarter_aliases,
        hint="Use memory.leaders() and find the first row whose leader is 'SK hynix'.",
        explain="Samsung had led the DRAM market for decades. In 2025Q1 SK hynix's revenue "
        "fell too, but Samsung's fell more (TrendForce: no direct HBM sales to China, fewer "
        "HBM3E shipments after a redesign), while SK hynix's HBM3E sales held up.",
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
        hint="Add up the share_pct of the rows of memory.dram_shares('2025Q2') whose iso3 "
        "is 'KOR'.",
        explain="More than two thirds of the money paid for DRAM went to two companies "
        "headquartered in Korea (headquarters, not where the chips were made).",
    )
)

question(
    Question(
        id="03-dram-hhi",
        prompt="What is the HHI of world DRAM revenue by company in 2025Q2, computed over "
        "the three listed makers?",
        kind="number",
        tolerance=10.0,
        expected=lambda: memory.dram_concentration(QUARTER)["hhi"],
        hint="The HHI adds up the squared market shares, in %, of every company in the DRAM "
        "table; metrics.hhi() does it for a column of shares.",
        explain="Now compare it with your prediction and with the foundry market's HHI.",
    )
)

question(
    Question(
        id="03-chip-export-share-2024",
        prompt="What share of Korea's total exports (in %) were semiconductors in 2024?",
        kind="number",
        unit="%",
        tolerance=0.2,
        expected=lambda: memory.chip_export_share(2024),
        hint="Divide semiconductor_exports_busd by total_exports_busd for 2024 and "
        "multiply by 100.",
        explain="About one dollar in five that Korea earned abroad came from chips.",
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
        expected=lambda: float(
            memory.exports().set_index("year").loc[2024, "semiconductor_exports_busd"]
            - memory.exports().set_index("year").loc[2023, "semiconductor_exports_busd"]
        ),
        hint="Take the 2024 value of semiconductor_exports_busd and subtract the 2023 value.",
        explain="Chip exports swing with memory prices: down by almost a quarter in 2023, up "
        "by more than 40 % in 2024.",
    )
)

#: the chip of exercise 1 and the size of its numbers (bf16: 16 bits, 2 bytes)
V6E = "Google TPU v6e (Trillium)"
BYTES_PER_NUMBER = 2
#: the quarter of exercise 3 (the same tool as exercise 2, on a later quarter)
LATER = "2025Q4"


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
        ),
        prompt="At peak, how many new bf16 numbers (2 bytes each) can a TPU v6e fetch from "
        "its HBM for every 1,000 operations?",
        kind="number",
        tolerance=0.02,
        expected=lambda: _bytes_per_kflop(V6E) / BYTES_PER_NUMBER,
        hint="The bytes_per_kflop column gives bytes per 1,000 operations; think how many "
        "bytes one bf16 number takes.",
        explain="Now say what that means for a program that uses each number only once.",
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
        ),
        prompt="What share of world DRAM revenue (in %) did the two Korean makers have "
        "together in 2025Q4?",
        kind="number",
        unit="%",
        tolerance=0.2,
        expected=lambda: memory.korea_share(LATER),
        hint="Do what you did for 2025Q2, on the table of another quarter.",
        explain="The same filter works for any quarter of the data.",
    )
)
