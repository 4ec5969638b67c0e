"""Interactive explorers for the lessons, one module per topic, all shown the same way.

A lesson imports ``widgets`` and calls the explorer of its topic::

    from koit_lessons import widgets

    widgets.mineral_explorer("nickel")

- ``mineral_explorer`` (class ``MineralExplorer``), lessons 00 and 04, in ``widgets.minerals``;
- ``training_run_calculator`` (``TrainingRunCalculator``), lesson 01, in ``widgets.compute``;
- ``shock_simulator`` (``ShockSimulator``), lesson 05, in ``widgets.shocks``;
- ``trade_growth_explorer`` (``TradeGrowthExplorer``), lesson 07, in ``widgets.partnership``;
- ``club_explorer`` (``ClubExplorer``, and ``club_view``: all it shows), lesson 08, in
  ``widgets.networks``.

Each function shows its explorer; each class is an
:class:`~koit_lessons.widgets.base.Explorer` whose ``update()`` does the work of one control
change, so that tests can drive it without a browser. The numbers come from the topic
module of the same name (e.g. :mod:`koit_lessons.shocks`), the figures from
:mod:`koit_lessons.plots`.

A topic's module is imported the first time one of its names is used, so a lesson
loads only the explorers it shows.

>>> from koit_lessons import widgets
>>> widgets.ShockSimulator.__module__
'koit_lessons.widgets.shocks'
"""

from __future__ import annotations

import importlib

from koit_lessons.widgets.base import Explorer, redraw

#: where each explorer lives (the module of its topic, below koit_lessons.widgets)
_MODULES = {
    "MineralExplorer": "minerals",
    "mineral_explorer": "minerals",
    "TrainingRunCalculator": "compute",
    "training_run_calculator": "compute",
    "ShockSimulator": "shocks",
    "shock_simulator": "shocks",
    "TradeGrowthExplorer": "partnership",
    "trade_growth_explorer": "partnership",
    "ClubExplorer": "networks",
    "club_explorer": "networks",
    "club_view": "networks",
}

__all__ = ["Explorer", "redraw", *_MODULES]


def __getattr__(name: str) -> object:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_MODULES[name]}"), name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
