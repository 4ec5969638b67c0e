"""Lesson 09, the capstone: the grader checks each student against their own topic,
the rubric reaches the teacher, and the model answers quote the data."""

import json
import re

import pytest

from koit_lessons import capstone, grading, lessons, notebook
from koit_lessons.checks import questions

LESSON = lessons.lesson("09")
IDS = [
    "09-big-suppliers",
    "09-hhi",
    "09-highly-concentrated",
    "09-korea-share",
    "09-second-supplier-lost",
    "09-supply-lost",
    "09-top-supplier",
    "09-top3-share",
]


def _text(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _with_topic(nb, topic):
    """The notebook with TOPIC set to ``topic`` (the answers are then computed for it)."""
    nb = json.loads(json.dumps(nb))
    for cell in nb["cells"]:
        src = _text(cell)
        if src.startswith("TOPIC = "):
            cell["source"] = re.sub(r'^TOPIC = "[^"]*"', f"TOPIC = {topic!r}", src)
    return nb


def test_every_check_of_the_capstone_takes_the_topic():
    exs = notebook.exercises(LESSON.read())
    assert sorted(e.qid for e in exs) == questions("09") == IDS
    assert all(e.context == ("topic", "TOPIC") for e in exs)


def test_rubric_and_model_answers_reach_the_teacher():
    written = notebook.written_questions(LESSON.read(), "09")
    assert [w.qid for w in written] == [f"09-think-{i}" for i in range(1, 5)]
    for w in written:
        assert "| **Evidence** |" in w.rubric and "Model answer" in w.model_answer
    student = json.dumps(notebook.student_version(LESSON.read()))
    assert "| **Evidence** |" in student  # students see the rubric
    assert "Model answer" not in student


def test_model_answers_quote_the_data():
    text = "\n".join(
        _text(c) for c in LESSON.read()["cells"] if "solution" in c["metadata"].get("tags", [])
    )
    p = capstone.profile("gallium")
    assert (
        f"{p['top1_pct']:.1f} %" in text and f"{round(p['hhi'], -1):,.0f}" in text
    )  # 'about 9,790'
    assert f"{capstone.scenario('gallium', 50)['supply_lost_pct']:.0f} %" in text
    priced = capstone.scenario("gallium", 50, elasticity=0.5, stockpile_months=3)
    assert f"{priced['price_change_pct']:.0f} %" in text


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("capstone")
    teacher = LESSON.read()
    # full marks for lithium: the solutions, run with TOPIC = "lithium"
    (folder / "ana_09_capstone_brief.ipynb").write_text(json.dumps(_with_topic(teacher, "lithium")))
    # lithium as topic, but gallium's numbers typed in: wrong for this student's topic
    copied = _with_topic(teacher, "lithium")
    for cell in copied["cells"]:
        src = _text(cell)
        if "top3_share = metrics.top_k_share" in src:
            value = capstone.profile("gallium")["top3_pct"]
            cell["source"] = src.replace('metrics.top_k_share(named["share_pct"], 3)', repr(value))
    (folder / "ben_09_capstone_brief.ipynb").write_text(json.dumps(copied))
    # the topic deleted: the checks cannot know which topic the answers are for
    gone = _with_topic(teacher, "lithium")
    gone["cells"].append(
        {
            "cell_type": "code",
            "metadata": {},
            "source": "del TOPIC",
            "outputs": [],
            "execution_count": None,
        }
    )
    (folder / "cy_09_capstone_brief.ipynb").write_text(json.dumps(gone))
    # right for copper, but TOPIC changed again further down: graded for the last value
    later = _with_topic(teacher, "copper")
    later["cells"].append(
        {
            "cell_type": "code",
            "metadata": {},
            "source": 'TOPIC = "gallium"',
            "outputs": [],
            "execution_count": None,
        }
    )
    (folder / "dee_09_capstone_brief.ipynb").write_text(json.dumps(later))
    results = grading.grade(
        "09", folder, folder.with_name("gradebook.csv"), timeout=90, cell_timeout=30, jobs=2
    )
    return {r.student: r for r in results}


def test_grader_checks_each_student_against_their_own_topic(graded):
    assert graded["ana"].points == {q: 1 for q in IDS}, graded["ana"].problems
    ben = graded["ben"].points
    assert ben["09-top3-share"] == 0 and sum(ben.values()) == len(IDS) - 1


def test_a_topic_changed_later_is_named_in_the_problems(graded):
    dee = graded["dee"]
    assert sum(dee.points.values()) < 5
    assert any(
        "wrong for topic='gallium' (its value at the end of the notebook)" in p
        for p in dee.problems
    ), dee.problems


def test_a_missing_topic_is_a_problem_line_not_a_crash(graded):
    cy = graded["cy"]
    assert sum(cy.points.values()) == 0
    assert any("TOPIC is not defined" in p for p in cy.problems), cy.problems
