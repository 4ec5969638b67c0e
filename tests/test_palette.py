"""The house palette stays distinguishable with the common colour-vision deficiencies.

Each colour is simulated with full protan, deutan and tritan deficiency
(colorspacious, Machado et al. 2009) and the distance of every pair that can stand for
different things in one figure is measured in CAM02-UCS (about 1 is just noticeable).
Categories need 10 or more. A few pairs come closer for one deficiency; each is listed
with the second cue that tells them apart in every figure, and must still be 5 apart.
"""

import itertools

import numpy as np
import pytest

from koit_lessons.plots import COUNTRY_COLORS, NEUTRAL, PALETTE
from koit_lessons.plots.basic import _BAND_COLORS, _STAGE_COLORS
from koit_lessons.plots.time import _EVENT_STYLES

colorspacious = pytest.importorskip("colorspacious", reason="the site extra installs colorspacious")

DEFICIENCIES = ["deuteranomaly", "protanomaly", "tritanomaly"]
CATEGORIES = {"Korea": COUNTRY_COLORS["KOR"], "Italy": COUNTRY_COLORS["ITA"]}
CATEGORIES |= {f"PALETTE[{i}]": c for i, c in enumerate(PALETTE)}
#: pairs that come closer than 10 for some deficiency, and what else tells them apart
SECOND_CUE = {
    # Italy's green and the grey of every other country (and of diplomatic events)
    frozenset({COUNTRY_COLORS["ITA"], NEUTRAL}): "Italy's name is written in bold, in its colour",
    frozenset(
        {COUNTRY_COLORS["KOR"], COUNTRY_COLORS["ITA"]}
    ): "both names in bold, in their colour",
    # trade agreements and dialogues in the timeline
    frozenset({PALETTE[0], _EVENT_STYLES["dialogue"][0]}): "a marker per kind of event (D, v)",
}


def _rgb(hex_color: str) -> np.ndarray:
    return np.array([int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)])


def _seen(hex_color: str, deficiency: str | None) -> np.ndarray:
    rgb = _rgb(hex_color)
    if deficiency is None:
        return rgb
    space = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
    return np.clip(colorspacious.cspace_convert(rgb, space, "sRGB1"), 0, 1)


def _closest(colors: dict[str, str]) -> list[tuple[float, str, str, str]]:
    found = []
    for deficiency in [None, *DEFICIENCIES]:
        for a, b in itertools.combinations(colors, 2):
            d = colorspacious.deltaE(
                _seen(colors[a], deficiency), _seen(colors[b], deficiency), input_space="sRGB1"
            )
            found.append((float(d), a, b, deficiency or "normal vision"))
    return found


def test_categories_stay_apart_with_every_deficiency():
    colors = CATEGORIES | {"NEUTRAL": NEUTRAL}
    colors |= {kind: color for kind, (color, _marker) in _EVENT_STYLES.items()}
    problems = []
    for d, a, b, seen in _closest(colors):
        if colors[a] == colors[b]:
            continue  # the same colour under two names (an event kind in a palette colour)
        need = 5 if frozenset({colors[a], colors[b]}) in SECOND_CUE else 10
        if d < need:
            problems.append(f"{a} {colors[a]} and {b} {colors[b]}: {d:.1f} ({seen})")
    assert not problems, "\n".join(problems)


def test_figures_colour_sets_come_from_the_palette():
    # the bands of hhi_bars and the stages of stage_bars use palette colours (and grey),
    # so the test above covers them
    allowed = set(PALETTE) | {NEUTRAL}
    assert set(_BAND_COLORS.values()) <= allowed and set(_STAGE_COLORS) <= allowed


def test_the_simulation_finds_the_confusion_it_was_written_for():
    # the palette's old dark orange next to its vermillion: protan readers see one colour
    old = {"vermillion": "#D55E00", "dark orange": "#B26B00"}
    protan = [d for d, _a, _b, seen in _closest(old) if seen == "protanomaly"]
    assert protan[0] < 1
