"""Pure functions for shares, concentration and growth, used across the lessons.

Every function takes plain numbers (a list, a dict, a NumPy array or a pandas
Series), checks them, and returns numbers. Nothing here reads data or draws.

>>> from koit_lessons import metrics
>>> metrics.shares({"A": 30, "B": 10})
A    75.0
B    25.0
dtype: float64
>>> metrics.hhi([50, 30, 20])
3800.0
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from numbers import Real

import numpy as np
import pandas as pd

from koit_lessons.errors import KoitError, require_number, require_whole

__all__ = ["shares", "top_k_share", "hhi", "hhi_band", "growth_rate", "cagr", "doubling_time"]

Values = pd.Series | Sequence[float] | Mapping[str, float] | np.ndarray


def _series(values: Values, what: str = "values") -> pd.Series:
    """Turn ``values`` into a float Series, or raise a friendly KoitError."""
    if isinstance(values, pd.DataFrame):
        raise KoitError(
            f"The {what} should be one column of numbers (a Series or a list), "
            f"not a whole table. Pick a column, e.g. df['{values.columns[-1]}']."
        )
    if isinstance(values, (str, bytes)) or not isinstance(
        values, (pd.Series, Sequence, Mapping, np.ndarray)
    ):
        raise KoitError(
            f"The {what} should be a list, dict or Series of numbers, "
            f"not {type(values).__name__} {values!r}."
        )
    s = pd.Series(values) if not isinstance(values, pd.Series) else values
    if len(s) == 0:
        raise KoitError(f"The {what} are empty: there is nothing to compute from.")
    if s.dtype == bool or not (
        pd.api.types.is_numeric_dtype(s) or s.map(lambda v: isinstance(v, Real)).all()
    ):
        bad = [v for v in s.tolist() if not isinstance(v, Real) or isinstance(v, bool)][:3]
        raise KoitError(f"The {what} must all be numbers, but got {bad}.")
    s = s.astype("float64")
    if s.isna().any():
        missing = list(s[s.isna()].index[:3])
        raise KoitError(
            f"The {what} contain missing values (at {missing}). "
            "Drop them first, e.g. with .dropna(), and say so in your answer."
        )
    if (s < 0).any():
        raise KoitError(f"The {what} must not be negative, but got {s[s < 0].tolist()[:3]}.")
    return s


def shares(values: Values, total: float | None = None) -> pd.Series:
    """Each value as a percentage of ``total`` (by default, of the sum of the values).

    Use ``total`` when the values do not cover everything, for example country
    production against the world total. Published totals are often rounded, so
    shares of a rounded total may add up to a little more than 100; values that add
    up to more than 105 % of ``total`` are refused as a mistake.

    Parameters
    ----------
    values : list, dict, numpy.ndarray or pandas.Series of float
        Non-negative numbers with no missing values.
    total : float, optional
        The whole to divide by; None (the default) uses the sum of ``values``.

    Returns
    -------
    pandas.Series
        The shares in percent (float), with the index of ``values``.

    Raises
    ------
    KoitError
        If the values are not numbers, empty, missing or negative, or the total is not above 0.

    Examples
    --------
    >>> shares([1, 3]).tolist()
    [25.0, 75.0]
    >>> shares({"Chile": 49_000}, total=240_000).round(1).tolist()
    [20.4]
    """
    s = _series(values)
    denominator = s.sum() if total is None else require_number(total, "total")
    if denominator <= 0:
        raise KoitError("The total must be greater than zero to compute shares.")
    if total is not None and s.sum() > denominator * 1.05:
        raise KoitError(
            f"The values add up to {s.sum():,.0f}, more than the total {denominator:,.0f}: "
            "check that the total covers all of them."
        )
    return s / denominator * 100


def top_k_share(shares_pct: Values, k: int = 1) -> float:
    """The combined share (in %) of the ``k`` largest shares.

    Parameters
    ----------
    shares_pct : list, dict, numpy.ndarray or pandas.Series of float
        Percentage shares: non-negative, no missing values.
    k : int, optional
        How many of the largest shares to add up (a whole number of 1 or more; default 1).

    Returns
    -------
    float
        The sum of the ``k`` largest shares, in %; all of them if there are fewer than ``k``.

    Raises
    ------
    KoitError
        If ``k`` is not a whole number of 1 or more, or the shares are not valid numbers.

    Examples
    --------
    >>> top_k_share([50, 30, 20], k=2)
    80.0
    """
    k = require_whole(k, minimum=1, message=f"k must be a whole number of 1 or more, not {k!r}.")
    s = _series(shares_pct, "shares")
    return float(s.nlargest(k).sum())


def hhi(shares_pct: Values) -> float:
    """The Herfindahl–Hirschman index: the sum of squared percentage shares.

    It runs from near 0 (many small suppliers) to 10,000 (one supplier has it all).
    Shares must be in percent (0–100), not fractions.

    Parameters
    ----------
    shares_pct : list, dict, numpy.ndarray or pandas.Series of float
        Percentage shares of one total: non-negative, no missing values, at most 105 in all.

    Returns
    -------
    float
        The index, from 0 to 10,000.

    Raises
    ------
    KoitError
        If the shares are not valid numbers, add up to more than 105, or look like fractions.

    Examples
    --------
    >>> hhi([100])
    10000.0
    >>> hhi([25, 25, 25, 25])
    2500.0
    """
    s = _series(shares_pct, "shares")
    if s.sum() > 105:
        raise KoitError(
            f"The shares add up to {s.sum():.1f} %, more than 100 %. "
            "Pass percentage shares of one total, e.g. from metrics.shares()."
        )
    if 0 < s.sum() <= 1.0001 and len(s) > 1:
        raise KoitError(
            "The shares look like fractions (they add up to 1 or less). "
            "Multiply by 100 first: the HHI uses percentages."
        )
    return float((s**2).sum())


def hhi_band(index: float) -> str:
    """Name the concentration band of an HHI value, using the thresholds of the
    U.S. merger guidelines: above 1,800 is 'highly concentrated' (Department of
    Justice and FTC, Merger Guidelines, 2023); the 1992 Horizontal Merger Guidelines
    called 1,000–1,800 'moderately concentrated' and below 1,000
    'unconcentrated'.

    Parameters
    ----------
    index : float
        An HHI value from 0 to 10,000.

    Returns
    -------
    str
        'highly concentrated' (above 1,800), 'moderately concentrated' (1,000 to 1,800)
        or 'unconcentrated' (below 1,000).

    Raises
    ------
    KoitError
        If ``index`` is not a number from 0 to 10,000.

    Examples
    --------
    >>> hhi_band(2500)
    'highly concentrated'
    """
    value = require_number(index, "HHI")
    if not 0 <= value <= 10_000:
        raise KoitError(f"An HHI lies between 0 and 10,000, not {value:,.0f}.")
    if value > 1800:
        return "highly concentrated"
    if value >= 1000:
        return "moderately concentrated"
    return "unconcentrated"


def growth_rate(start: float, end: float) -> float:
    """The change from ``start`` to ``end`` in percent.

    Parameters
    ----------
    start : float
        The value at the start; must not be 0.
    end : float
        The value at the end.

    Returns
    -------
    float
        ``(end - start) / abs(start) * 100``.

    Raises
    ------
    KoitError
        If either value is not a number, or ``start`` is 0.

    Examples
    --------
    >>> growth_rate(200, 250)
    25.0
    """
    a, b = require_number(start, "start value"), require_number(end, "end value")
    if a == 0:
        raise KoitError("The start value is 0, so a growth rate in percent is undefined.")
    return (b - a) / abs(a) * 100


def cagr(start: float, end: float, years: float) -> float:
    """The compound annual growth rate in percent per year.

    Parameters
    ----------
    start, end : float
        The values at the start and the end; both must be positive.
    years : float
        The number of years between them; must be more than 0.

    Returns
    -------
    float
        ``((end / start) ** (1 / years) - 1) * 100``.

    Raises
    ------
    KoitError
        If a value is not a number, ``years`` is not above 0 or a value is not positive.

    Examples
    --------
    >>> round(cagr(100, 121, 2), 6)
    10.0
    """
    a, b = require_number(start, "start value"), require_number(end, "end value")
    n = require_number(years, "years")
    if n <= 0:
        raise KoitError(f"The number of years must be more than 0, not {n:g}.")
    if a <= 0 or b <= 0:
        raise KoitError("Start and end values must be positive to compute a CAGR.")
    return ((b / a) ** (1 / n) - 1) * 100


def doubling_time(rate_pct: float) -> float:
    """How long something growing at ``rate_pct`` % per period takes to double.

    Parameters
    ----------
    rate_pct : float
        The growth rate in percent per period; must be above 0.

    Returns
    -------
    float
        The number of periods to double, ``log(2) / log(1 + rate_pct / 100)``.

    Raises
    ------
    KoitError
        If ``rate_pct`` is not a number above 0.

    Examples
    --------
    >>> round(doubling_time(100), 6)
    1.0
    >>> round(doubling_time(7), 2)
    10.24
    """
    r = require_number(rate_pct, "growth rate")
    if r <= 0:
        raise KoitError(f"Only something that grows doubles: the rate must be above 0, not {r:g}.")
    return math.log(2) / math.log(1 + r / 100)
