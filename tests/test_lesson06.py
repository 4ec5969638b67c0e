"""Lesson 06: the checked exercises and the notebook's shape."""

import json

import pytest

from koit_lessons import checks, lessons, minerals, policy
from koit_lessons.resources import notebooks_dir

NOTEBOOK = "06_policy_answers.ipynb"
IDS = [
    "06-ceilings",
    "06-korea-lithium-gap",
    "06-minerals-over-cap",
    "06-processing-of-what",
    "06-rare-earth-excess",
    "06-refining-excess",
]


def test_questions_are_registered_and_computed_from_the_data():
    assert checks.questions("06") == IDS
    conc = minerals.concentration_table(2024).set_index("mineral")
    assert checks.expected("06-rare-earth-excess") == pytest.approx(
        conc.loc["rare earths", "top1_pct"] - 65
    )
    assert sorted(checks.expected("06-minerals-over-cap")) == sorted(
        conc.index[conc["top1_pct"] > 65]
    )
    assert checks.expected("06-refining-excess") == pytest.approx(92 - 65)
    assert checks.expected("06-korea-lithium-gap") == pytest.approx(79.6 - 50)


@pytest.mark.parametrize(
    "qid", ["06-korea-lithium-gap", "06-rare-earth-excess", "06-refining-excess"]
)
def test_number_questions_accept_the_answer_and_reject_a_wrong_one(qid):
    right = checks.expected(qid)
    assert checks.check(qid, right).correct
    assert not checks.check(qid, right + 5).correct
    assert checks.check(qid, ...).status != "correct"


def test_names_question():
    right = checks.expected("06-minerals-over-cap")
    assert checks.check("06-minerals-over-cap", list(reversed(right))).correct
    assert not checks.check("06-minerals-over-cap", right[:-1]).correct
    assert not checks.check("06-minerals-over-cap", [*right, "copper"]).correct


def test_notebook_metadata_exercises_and_think():
    nb = json.loads((notebooks_dir() / NOTEBOOK).read_text())
    meta = nb["metadata"]["koit"]
    assert 30 <= meta["minutes"] <= 120 and "Critical Raw Materials Act" in meta["title"]
    sources = ["".join(c["source"]) for c in nb["cells"]]
    for qid in IDS:
        assert any(f'check("{qid}"' in s for s in sources), qid
    assert any("Think!" in s for s in sources)
    assert any("solution" in c["metadata"].get("tags", []) for c in nb["cells"])
    figures = sum(s.count("ax = plots.") for s in sources)
    assert figures >= 3
    assert "06" in {lesson.number for lesson in lessons.lessons()}


def test_cap_value_in_the_notebook_comes_from_the_data():
    assert policy.target_value("eu-single-country") == 65
