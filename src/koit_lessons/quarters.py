"""Calendar quarters as the data store them ('2025Q2'), read from the ways people write
them: '2025Q2', '2025-Q2', 'Q2 2025' or TrendForce's '2Q25'.

>>> pick_quarter("2Q25", ["2025Q1", "2025Q2"])
'2025Q2'
"""

from __future__ import annotations

import re

import pandas as pd

from koit_lessons import data
from koit_lessons.errors import unknown_name

__all__ = ["pick_quarter", "quarter_shares"]

_FORMS = [
    re.compile(r"^(?P<y>\d{4})\s*-?\s*Q(?P<q>[1-4])$"),  # 2025Q2, 2025-Q2
    re.compile(r"^Q(?P<q>[1-4])\s*-?\s*(?P<y>\d{4})$"),  # Q2 2025
    re.compile(r"^(?P<q>[1-4])Q(?P<y>\d{2})$"),  # 2Q25 (TrendForce's style)
]


def pick_quarter(quarter: object, known: list[str]) -> str:
    """The quarter of ``known`` that ``quarter`` names (the latest when it is None), or a
    friendly KoitError listing the quarters in the data.

    Parameters
    ----------
    quarter : str or None
        '2025Q2', '2025-Q2', 'Q2 2025' or '2Q25' (case and surrounding spaces are ignored);
        None for the latest.
    known : list of str
        The quarters in the data, oldest first, written like '2025Q2'.

    Returns
    -------
    str
        The quarter as the data write it, e.g. '2025Q2'.

    Raises
    ------
    KoitError
        If ``quarter`` is not text or None, or names no quarter in ``known``.

    Examples
    --------
    >>> pick_quarter("Q1 2025", ["2025Q1", "2025Q2"])
    '2025Q1'
    >>> pick_quarter(None, ["2025Q1", "2025Q2"])
    '2025Q2'
    """
    if quarter is None:
        return known[-1]
    if not isinstance(quarter, str):
        raise unknown_name("quarter", quarter, known)
    text = quarter.strip().upper()
    for form in _FORMS:
        m = form.match(text)
        if m:
            year = m["y"] if len(m["y"]) == 4 else "20" + m["y"]
            text = f"{year}Q{m['q']}"
            break
    if text not in known:
        raise unknown_name("quarter", quarter, known)
    return text


def quarter_shares(dataset: str, quarter: object, columns: list[str]) -> pd.DataFrame:
    """One quarter's rows of a data set of market shares by quarter, largest first.

    Parameters
    ----------
    dataset : str
        A data set with ``quarter`` and ``share_pct`` columns, e.g. ``"dram_market_share"``.
    quarter : str or None
        The quarter, written as :func:`pick_quarter` reads it; None for the latest.
    columns : list of str
        The columns to keep.

    Returns
    -------
    pandas.DataFrame
        A new frame, largest ``share_pct`` first, with ``attrs`` naming the data set,
        the quarter and the source.

    Examples
    --------
    >>> quarter_shares("dram_market_share", "1Q25", ["company", "share_pct"])["company"].tolist()
    ['SK hynix', 'Samsung', 'Micron']
    """
    df = data.table(dataset)
    q = pick_quarter(quarter, sorted(df["quarter"].unique()))
    out = df.loc[df["quarter"] == q, columns].sort_values(
        "share_pct", ascending=False, kind="stable"
    )
    out = out.reset_index(drop=True)
    out.attrs = {"dataset": dataset, "quarter": q, "source": data.source_line(dataset)}
    return out
