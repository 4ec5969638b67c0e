"""Figures in the koit-lessons house style, grouped by kind.

Each figure function takes a tidy DataFrame and column names, accepts ``ax=`` to
draw into an existing Axes, returns the Axes, and writes a source line under the
figure. The source comes from ``df.attrs["source"]`` (set by
:func:`koit_lessons.data.load`) unless you pass ``source=``.

The style is opt-in: call :func:`use_style` once; nothing changes matplotlib's
global settings until you do.

Every name is used as ``plots.<name>``; the modules behind them:

- ``_core``: colours, :func:`use_style`, :func:`add_source`, and what every figure
  shares (the checks of its table, one finishing step: labels, title, source line);
- ``_describe``: :func:`describe`, each figure's description in words, from its data
  (a screen reader's text, the site's alt text);
- ``basic``: :func:`barh`, :func:`stage_bars`, :func:`hhi_bars`, :func:`line`;
- ``time``: :func:`log_trend` (lesson 01), :func:`timeline` (lesson 07);
- ``trade``: :func:`trade_bars` (lesson 07);
- ``networks``: :func:`membership_grid`, :func:`network` (lesson 08).

Korea and Italy have the same colours in every lesson::

    >>> from koit_lessons.plots import COUNTRY_COLORS
    >>> COUNTRY_COLORS["KOR"], COUNTRY_COLORS["ITA"]
    ('#0072B2', '#007A5A')
"""

from koit_lessons.plots._core import (
    COUNTRY_COLORS,
    NEUTRAL,
    PALETTE,
    SOURCE_WIDTH,
    add_source,
    color_for,
    use_style,
)
from koit_lessons.plots._describe import describe
from koit_lessons.plots.basic import barh, hhi_bars, line, stage_bars
from koit_lessons.plots.networks import membership_grid, network
from koit_lessons.plots.time import log_trend, timeline
from koit_lessons.plots.trade import trade_bars

__all__ = [
    "COUNTRY_COLORS",
    "PALETTE",
    "NEUTRAL",
    "SOURCE_WIDTH",
    "use_style",
    "color_for",
    "add_source",
    "describe",
    "barh",
    "stage_bars",
    "hhi_bars",
    "line",
    "log_trend",
    "timeline",
    "trade_bars",
    "membership_grid",
    "network",
]
