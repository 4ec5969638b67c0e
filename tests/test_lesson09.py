"""Lesson 09, the capstone: the grader checks each student against their own topic,
the rubric reaches the teacher, and the model answers quote the data."""

import json
import re

import pytest

from koit_lessons import capstone, checks, grading, lessons, metrics, notebook
from koit_lessons.checks import questions
from koit_lessons.exercises import lesson09

LESSON = lessons.lesson("09")
#: the checks that take the student's topic (parts B and C)
TOPIC_IDS = [
    "09-big-suppliers",
    "09-hhi",
    "09-hhi-band",
    "09-korea-share",
    "09-second-predict",
    "09-second-supplier-lost",
    "09-supply-lost",
    "09-top-supplier",
    "09-top3-share",
]
#: the starter's questions, on lessons 04, 05 and 08: the same for every student
RECALL_IDS = ["09-recall-1", "09-recall-2", "09-recall-3"]
#: the transfer item: the top-3 share of a second topic, OTHER_TOPIC, checked with
#: TWO_TOPICS = (TOPIC, OTHER_TOPIC) so that the check can refuse OTHER_TOPIC = TOPIC
OTHER_IDS = ["09-other-top3"]
IDS = sorted(TOPIC_IDS + RECALL_IDS + OTHER_IDS)


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


def test_every_check_of_parts_b_and_c_takes_the_topic():
    exs = notebook.exercises(LESSON.read())
    assert sorted(e.qid for e in exs) == questions("09") == IDS
    assert all(e.context == ("topic", "TOPIC") for e in exs if e.qid in TOPIC_IDS)
    assert all(not e.context for e in exs if e.qid in RECALL_IDS)
    assert [e.context for e in exs if e.qid in OTHER_IDS] == [("topic", "TWO_TOPICS")]


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
    assert sum(dee.points[q] for q in TOPIC_IDS) < 5
    assert any(
        "wrong for topic='gallium' (its value at the end of the notebook)" in p
        for p in dee.problems
    ), dee.problems


def test_a_missing_topic_is_a_problem_line_not_a_crash(graded):
    cy = graded["cy"]
    assert sum(cy.points[q] for q in TOPIC_IDS) == 0
    assert any("TOPIC is not defined" in p for p in cy.problems), cy.problems


# --- the starter: answers computed from the data, each wrong option diagnosed ---------


def test_starter_shock_is_half_the_largest_nickel_share():
    from koit_lessons import minerals

    top = minerals.producers("nickel", 2024).iloc[0]
    assert top["country"] == "Indonesia" and round(top["share_pct"]) == 62
    lost = top["share_pct"] * 50 / 100
    letter = checks.expected("09-recall-1")
    assert abs(lesson09.RECALL_OPTIONS[letter] - lost) < 1
    for wrong, code in (("a", "cut-not-loss"), ("c", "no-cut")):
        assert checks.check("09-recall-1", wrong).diagnosis == code


def test_starter_clubs_are_the_ones_korea_and_italy_share():
    from koit_lessons import networks

    assert sorted(networks.shared("Korea", "Italy")[0]) == ["G20", "MSP", "OECD"]
    assert checks.check("09-recall-2", "a").correct
    assert checks.check("09-recall-2", "b").diagnosis == "partner-as-member"
    assert checks.check("09-recall-2", "c").diagnosis == "blocs-never-overlap"


def test_starter_sources_question_names_its_misconceptions():
    assert checks.check("09-recall-3", "c").correct
    assert checks.check("09-recall-3", "a").diagnosis == "larger-source-safer"
    assert checks.check("09-recall-3", "b").diagnosis == "average-sources"


# --- parts B and C: named mistakes for the student's own topic ------------------------


BIG_STRICT = ["Mainland China", "Taiwan", "Japan", "South Korea"]


def LOST_TOP(topic):  # noqa: N802 - a constant-like helper of the table below
    return capstone.scenario(topic, 50).supply_lost_pct


def _p(topic, field):
    return lambda: capstone.profile(topic)[field]


def _all_shares(topic):
    return lambda: capstone.suppliers(topic)["share_pct"]


@pytest.mark.parametrize(
    "qid, topic, answer, code",
    [
        # fabrication has an 'other countries' row of 7 %: 1,642 + 49 = 1,691
        ("09-hhi", "fabrication", lambda: metrics.hhi(_all_shares("fabrication")()), "other-included"),  # noqa: E501
        ("09-hhi", "cobalt", lambda: _all_shares("cobalt")().sum(), "shares-not-squared"),
        ("09-hhi", "cobalt", lambda: _p("cobalt", "hhi")() / 10_000, "fraction-shares"),
        ("09-top3-share", "cobalt", _p("cobalt", "top1_pct"), "top1-not-top3"),
        ("09-supply-lost", "cobalt", _p("cobalt", "top1_pct"), "no-cut"),
        ("09-supply-lost", "cobalt", lambda: _p("cobalt", "top1_pct")() * 50, "cut-not-fraction"),
        ("09-supply-lost", "cobalt", lambda: 50, "cut-not-loss"),
        # the United States has exactly 10 % of fabrication: '> 10' leaves it out
        ("09-big-suppliers", "fabrication", lambda: BIG_STRICT, "strict-not-at-least"),
        ("09-big-suppliers", "cobalt", lambda: ["Congo (Kinshasa)"], "top-only"),
        ("09-second-supplier-lost", "cobalt", lambda: LOST_TOP("cobalt"), "top-not-second"),
        # Indonesia, cobalt's second supplier, halving instead of stopping
        ("09-second-supplier-lost", "cobalt", lambda: capstone.share_of("cobalt", "Indonesia") / 2, "half-not-stop"),  # noqa: E501
        ("09-other-top3", "fabrication", _p("fabrication", "top1_pct"), "top1-not-top3"),
    ],
)  # fmt: skip
def test_each_named_mistake_is_recognised(qid, topic, answer, code):
    fb = checks.check(qid, answer(), topic=topic)
    assert not fb.correct and fb.diagnosis == code, fb.message


def test_the_hhi_band_and_the_prediction_follow_the_topic():
    letters = {"unconcentrated": "a", "moderately concentrated": "b", "highly concentrated": "c"}
    for topic in ("cobalt", "fabrication", "design"):
        band = metrics.hhi_band(capstone.profile(topic).hhi)
        assert checks.expected("09-hhi-band", topic=topic) == letters[band]
    assert checks.expected("09-hhi-band", topic="fabrication") == "b"  # 1,642
    assert checks.check("09-hhi-band", "c", topic="fabrication").diagnosis == "top-share-as-band"


def test_the_prediction_depends_on_the_topic():
    """Ex 8: the second supplier stopping against the largest halving, share x cut: the
    key differs by topic (cobalt: Congo halving 37.4 against Indonesia stopping 11.6;
    fabrication: China halving 12 against Taiwan stopping 18)."""
    keys = {}
    for topic in capstone._all_topics():
        named = capstone.suppliers(topic).query("kind != 'other'")["share_pct"]
        keys[topic] = "a" if named.iloc[1] > named.iloc[0] / 2 else "b"
        assert checks.expected("09-second-predict", topic=topic) == keys[topic]
    assert set(keys.values()) == {"a", "b"}
    assert checks.check("09-second-predict", "b", topic="cobalt").correct
    assert checks.check("09-second-predict", "a", topic="cobalt").diagnosis == "stop-always-worse"
    assert checks.check("09-second-predict", "a", topic="fabrication").correct
    wrong = checks.check("09-second-predict", "b", topic="fabrication")
    assert wrong.diagnosis == "largest-always-worse"
    assert checks.check("09-second-predict", "c", topic="cobalt").diagnosis == "any-shock-same"
    stop = capstone.scenario("fabrication", 100, supplier="Taiwan").supply_lost_pct
    assert checks.check("09-second-supplier-lost", stop, topic="fabrication").correct


def test_congo_is_a_name_for_congo_kinshasa():
    assert checks.check("09-top-supplier", "Congo", topic="cobalt").correct
    assert capstone.scenario("cobalt", 50, supplier="Congo").supplier == "Congo (Kinshasa)"


def test_a_list_typed_by_hand_with_the_usual_names_is_read_like_exercise_1():
    # fabrication's table says "Mainland China" and "South Korea"; Exercise 1 accepts
    # "China" and "Korea", so Exercise 2's list does too
    right = checks.expected("09-big-suppliers", topic="fabrication")
    usual = {"Mainland China": "China", "South Korea": "Korea"}
    typed = [usual.get(name, name) for name in right]
    assert typed != right
    assert checks.check("09-big-suppliers", typed, topic="fabrication").correct
    assert not checks.check("09-big-suppliers", typed[:-1], topic="fabrication").correct


def test_the_scenario_answer_can_be_read_as_in_lesson_05():
    r = capstone.scenario("cobalt", 50)
    assert checks.check("09-supply-lost", r.supply_lost_pct, topic="cobalt").correct
    assert checks.check("09-supply-lost", r["supply_lost_pct"], topic="cobalt").correct


def test_the_transfer_item_is_checked_for_the_second_topic():
    assert checks.expected("09-other-top3", topic="fabrication") == pytest.approx(59.0)
    assert checks.check("09-other-top3", 59, topic="fabrication").correct
    assert not checks.check("09-other-top3", 59, topic="cobalt").correct
    assert "set OTHER_TOPIC" in checks.check("09-other-top3", 50.0, topic=...).message
    assert checks.check("09-other-top3", 59, topic=("cobalt", "fabrication")).correct
    same = checks.check("09-other-top3", 89.1, topic=("cobalt", " Cobalt"))
    assert same.status == checks.INVALID and "other than TOPIC" in same.message
    assert "set OTHER_TOPIC" in checks.check("09-other-top3", 50.0, topic=("cobalt", ...)).message
    # both still ...: the item is simply not answered yet (the student copy as handed out)
    assert checks.check("09-other-top3", ..., topic=...).status == checks.UNANSWERED
