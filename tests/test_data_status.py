"""How current each data set is (issue 15): every data set states its edition, publication
date, data years, access date, rhythm and next edition; the data years are read from the
rows; `koit-lessons data status` lists them; the README's data table agrees."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from koit_lessons import cli, data

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_data_set_says_how_current_it_is():
    table = data.status(date(2026, 12, 2))
    assert table["name"].tolist() == data.names()
    for column in ("edition", "published", "data_years", "accessed", "cadence", "next"):
        empty = table.loc[table[column].str.strip() == "", "name"].tolist()
        assert not empty, f"{column} missing for {empty}"
    assert table["accessed"].str.fullmatch(r"\d{4}-\d\d-\d\d").all()


def test_data_years_are_read_from_the_rows():
    # quarters with a gap, years with a gap, and a run
    assert data.data_years("dram_market_share").startswith("2021Q4, ")
    quarters = sorted(set(data.load("dram_market_share")["quarter"]))
    assert data.data_years("dram_market_share").endswith(quarters[-1])
    years = sorted(set(data.load("ai_training_compute")["year"]))
    assert data.data_years("ai_training_compute").endswith(f"–{years[-1]}")
    assert data._runs(["2019", "2020", "2022"], lambda y: str(int(y) + 1)) == "2019–2020, 2022"
    assert data._runs(["2024Q4", "2025Q1", "2025Q3"], data._next_quarter) == (
        "2024Q4–2025Q1, 2025Q3"
    )


@pytest.mark.parametrize(
    "published, age",
    [("2025-09-02", "15 months"), ("2025", "1 year"), ("2015-09-11", "11 years 3 months"),
     ("2026-12", "0 months"), ("not dated on the pages", "")],
)  # fmt: skip
def test_age_at_the_precision_of_the_date(published, age):
    assert data._age(published, date(2026, 12, 2)) == age


def _readme_table() -> dict[str, list[str]]:
    text = README.read_text(encoding="utf-8")
    start = text.index("| Data set | Source | Data years | Published |")
    rows = text[start:].split("\n\n")[0].splitlines()[2:]
    table = {}
    for row in rows:
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        table[cells[0].strip("`")] = cells
    return table


def test_the_readme_data_table_matches_the_status():
    """Regression: the README gave dram_market_share a range its rows did not have."""
    readme = _readme_table()
    status = data.status().set_index("name")
    assert sorted(readme) == sorted(status.index)
    for name, cells in readme.items():
        assert cells[2] == status.loc[name, "data_years"], name
        assert cells[3] == status.loc[name, "published"], name


def test_data_status_command_fits_and_flags_newer_editions():
    out = subprocess.run(
        [sys.executable, "-m", "koit_lessons", "data", "status"],
        capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": "90"},
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert max(cli.columns(line) for line in lines) <= 90
    newer = (data.status()["newer"] != "").sum()
    assert out.stdout.count("NEWER EDITION OUT") == newer
    assert re.search(rf"{len(data.names())} data sets; {newer} with a newer edition", out.stdout)


def test_status_refuses_a_today_that_is_not_a_date():
    import pytest as _pytest

    from koit_lessons.errors import KoitError

    with _pytest.raises(KoitError, match="today= must be a date"):
        data.status("2026-12-02")
