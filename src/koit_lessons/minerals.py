"""Who mines a mineral, and how concentrated that is: views of the
``mineral_production`` data set (USGS Mineral Commodity Summaries) built with
:mod:`koit_lessons.metrics`.

>>> from koit_lessons import minerals
>>> table = minerals.producers("lithium", 2024)
>>> list(table.columns)
['country', 'iso3', 'production', 'unit', 'share_pct']
"""

from __future__ import annotations

import functools

import pandas as pd

from koit_lessons import data, metrics
from koit_lessons.errors import KoitError, unknown_name

__all__ = [
    "mineral_names",
    "years",
    "producers",
    "world_total",
    "concentration",
    "concentration_table",
]

DATASET = "mineral_production"


@functools.lru_cache(maxsize=1)
def _table() -> pd.DataFrame:
    # Cached read-only copy; every public function returns a new frame.
    return data.load(DATASET)


def mineral_names() -> list[str]:
    """The minerals in the data set, alphabetically."""
    return sorted(_table()["mineral"].unique())


def years() -> list[int]:
    """The data years in the data set."""
    return sorted(int(y) for y in _table()["year"].unique())


def _rows(mineral: str, year: int | None) -> tuple[pd.DataFrame, int]:
    if not isinstance(mineral, str) or mineral.strip().lower() not in mineral_names():
        raise unknown_name("mineral", mineral, mineral_names())
    mineral = mineral.strip().lower()
    if year is None:
        year = max(years())
    if isinstance(year, bool) or not isinstance(year, int) or year not in years():
        raise KoitError(
            f"There are no data for the year {year!r}. Years in the data: "
            f"{', '.join(map(str, years()))}."
        )
    df = _table()
    rows = df[(df["mineral"] == mineral) & (df["year"] == year)]
    return rows, year


def world_total(mineral: str, year: int | None = None) -> float:
    """The world total of mine production of ``mineral`` in ``year`` (latest by default)."""
    rows, year = _rows(mineral, year)
    world = rows.loc[rows["kind"] == "world", "production"]
    if world.empty or world.isna().all():
        raise KoitError(f"The data have no world total for {mineral} in {year}.")
    return float(world.iloc[0])


def producers(mineral: str, year: int | None = None) -> pd.DataFrame:
    """The producing countries of ``mineral`` in ``year``, largest first, each with its
    share of the world total in percent (``share_pct``).

    Countries whose production the source withholds are left out (see
    ``data.cite("mineral_production")``); "Other countries" is not a country and is
    left out too, so the shares add up to less than 100.
    """
    rows, year = _rows(mineral, year)
    countries = rows[(rows["kind"] == "country") & rows["production"].notna()]
    out = countries[["country", "iso3", "production", "unit"]].copy()
    out["share_pct"] = metrics.shares(out["production"], total=world_total(mineral, year)).values
    out = out.sort_values("production", ascending=False, kind="stable").reset_index(drop=True)
    out.attrs = {"dataset": DATASET, "source": data.source_line(DATASET)}
    return out


def concentration(mineral: str, year: int | None = None) -> dict[str, object]:
    """Top producer, top-1 and top-3 shares (%) and the HHI of country mine production.

    The HHI is computed over the listed countries only ("Other countries" are many
    small producers), so it is a slight underestimate.
    """
    table = producers(mineral, year)
    shares = table["share_pct"]
    return {
        "mineral": mineral.strip().lower(),
        "top_country": table["country"].iloc[0],
        "top1_pct": metrics.top_k_share(shares, 1),
        "top3_pct": metrics.top_k_share(shares, 3),
        "hhi": metrics.hhi(shares),
    }


def concentration_table(year: int | None = None) -> pd.DataFrame:
    """:func:`concentration` for every mineral, most concentrated first."""
    out = pd.DataFrame([concentration(m, year) for m in mineral_names()])
    out = out.sort_values("hhi", ascending=False).reset_index(drop=True)
    out.attrs = {"dataset": DATASET, "source": data.source_line(DATASET)}
    return out
