"""china_export_controls: a dated, sourced list of measures (issue 15)."""

from __future__ import annotations

import re

from koit_lessons import data, minerals

TABLE = data.load("china_export_controls")


def test_dates_are_in_order_and_in_the_period():
    dated = TABLE[TABLE["effective"].notna()]
    assert (dated["effective"] >= dated["announced"]).all()
    assert TABLE["announced"].between("2023-01-01", "2026-12-31").all()
    assert TABLE["announced"].is_monotonic_increasing


def test_every_suspension_names_a_measure_in_the_list():
    numbers = set(TABLE["document"].str.extract(r"(No\. \d+ of \d{4})")[0].dropna())
    for text in TABLE["suspended"].dropna():
        for named in re.findall(r"No\. \d+ of \d{4}", text):
            assert named in numbers, f"{named} is named as suspending but not listed"


def test_lesson_minerals_are_minerals_of_the_usgs_data():
    known = set(minerals.mineral_names())
    for cell in TABLE["lesson_minerals"].dropna():
        assert set(cell.split("; ")) <= known, cell


def test_every_row_has_its_source_text():
    assert TABLE["quote"].str.len().min() > 20
    assert TABLE["source_url"].str.match(r"https?://").all()
