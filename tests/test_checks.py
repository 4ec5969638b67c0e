import json
import math
import re
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from koit_lessons import capstone, checks, minerals
from koit_lessons.checks import Choice, Question, check, judge
from koit_lessons.grading import prepare, score


@pytest.fixture(autouse=True)
def _registry_restored():
    """Questions a test registers (ids 99-...) are gone after it, so that another file's
    tests in the same process (pytest-xdist) never see them."""
    saved = set(checks._REGISTRY)
    yield
    for qid in set(checks._REGISTRY) - saved:
        if qid.startswith("99-"):
            del checks._REGISTRY[qid]


def _contexts(qid):
    """The context values to try a question with: none, or every capstone topic."""
    if checks._get(qid).context == "topic":
        return [{"topic": t} for names in capstone.topics().values() for t in names]
    assert not checks._get(qid).context, qid
    return [{}]


def test_placeholder_is_not_answered_yet_and_never_raises():
    for qid in checks.questions():
        for context in _contexts(qid):
            fb = check(qid, ..., **context)
            assert fb.status == "unanswered", qid
            assert "Not answered yet" in repr(fb)


def test_expected_answers_come_from_the_data():
    assert checks.expected("00-lithium-top") == minerals.producers("lithium", 2024)["country"][0]
    assert checks.expected("00-lithium-share") == pytest.approx(82_700 / 222_000 * 100)
    assert checks.expected("00-korea-minerals") == ["graphite"]  # MCS 2026: no Korean gallium


def draw(q, want):
    """The chart a student who gets figure question ``q`` right draws (titled, labelled)."""
    kind = "barh" if q.chart in ("barh", "bars") else q.chart
    fig, ax = plt.subplots()
    getattr(want.plot, kind)(ax=ax, title="A title")
    ax.set(xlabel="x label", ylabel="y label")
    return ax


def _new(s, kind, **labels):
    """``s`` drawn as ``kind`` on a new Axes (with ``title``, ``xlabel``, ``ylabel`` set)."""
    fig, ax = plt.subplots()
    getattr(s.plot, kind)(ax=ax)
    ax.set(xlabel="", ylabel="")
    ax.set(**labels)
    return ax


def right_answer(qid, **context):
    """The expected answer in the form a student gives it (a chart for a figure)."""
    want = checks.expected(qid, **context)
    q = checks._get(qid)
    return draw(q, want) if q.kind == "figure" else want


def test_every_question_accepts_its_own_expected_answer():
    for qid in checks.questions():
        for context in _contexts(qid):
            answer = right_answer(qid, **context)
            assert check(qid, answer, **context).correct, (qid, context)
            plt.close("all")


def test_number_tolerance_and_equivalent_forms():
    want = checks.expected("00-lithium-share")
    assert check("00-lithium-share", round(want, 1)).correct
    assert check("00-lithium-share", np.float64(want)).correct
    assert check("00-lithium-share", pd.Series([want])).correct
    assert not check("00-lithium-share", want + 2).correct


def test_wrong_value_gets_a_hint_and_direction():
    fb = check("00-lithium-share", 20)
    assert fb.status == "incorrect"
    assert "too low" in fb.message and "Hint" in fb.message  # "Hint 1 of 2: ..." (staged)


def test_fraction_instead_of_percent_is_spotted():
    fb = check("00-lithium-share", checks.expected("00-lithium-share") / 100)
    assert "multiply by 100" in fb.message


@pytest.mark.parametrize(
    "qid, answer, words",
    [
        ("00-lithium-share", "36.7", "without quotes"),
        ("00-lithium-share", [1, 2], "one number"),
        ("00-lithium-share", pd.Series([1.0, 2.0]), "2 values"),
        ("00-lithium-top", 3, "name in quotes"),
        ("00-lithium-top", ["Australia"], "single name"),
        ("00-korea-minerals", "graphite", "list of names"),
    ],
)
def test_wrong_type_or_shape_gets_a_sentence(qid, answer, words):
    fb = check(qid, answer)
    assert fb.status == "invalid"
    assert words in fb.message


def test_text_answers_accept_case_spaces_and_iso_codes():
    assert check("00-lithium-top", "  australia ").correct
    assert check("00-lithium-top", "AUS").correct
    assert not check("00-lithium-top", "Chile").correct


def test_names_in_any_order_but_right_count():
    # MCS 2026: Korea mined graphite only (no gallium row; copper mining printed as zero)
    assert check("00-korea-minerals", ["Graphite"]).correct
    fb = check("00-korea-minerals", ["graphite", "gallium"])
    assert "has 1 name, you gave 2" in fb.message
    fb = check("00-korea-minerals", ["lithium"])
    assert "0 of 1 name is right" in fb.message


def test_unknown_question_suggests_the_right_id():
    fb = check("00-lithum-top", "x")
    assert fb.status == "invalid"
    assert "Did you mean '00-lithium-top'" in fb.message
    assert check(42, "x").status == "invalid"


def test_all_names_right_in_the_wrong_order_says_so():
    # the message said "... are right in the right order" for exactly the opposite case
    # (second readers of the Korean and Italian editions)
    from koit_lessons.checks import Question, check, question

    question(
        Question(
            id="99-order",
            prompt="Largest first?",
            expected=lambda: ["Chile", "Peru", "China"],
            kind="names",
            ordered=True,
        )
    )
    wrong = check("99-order", ["China", "Peru", "Chile"])
    assert wrong.status == "incorrect"
    assert "3 of 3 names are right, but not in the right order" in str(wrong)
    assert check("99-order", ["Chile", "Peru", "China"]).status == "correct"


# --- choice, frame and figure (issue 20) ---------------------------------------------


def _lithium():
    return minerals.producers("lithium", 2024)


CHOICE = Question(
    id="99-choice",
    prompt="Which stage is more concentrated?",
    kind="choice",
    # the right letter is computed from the data: which stage's top share is larger
    expected=lambda: "b" if _lithium()["share_pct"].max() < 100 else "a",
    choices=(
        Choice("a", "Mining", "test-mining-first", "Mining is not the narrower stage here."),
        Choice("b", "Refining"),
        Choice("c", "Both equal", "test-equal", "The two stages have different leaders."),
    ),
    hint="Compare the top shares.",
)
FRAME = Question(
    id="99-frame",
    prompt="The countries with over 10% of lithium mining in 2024, with their shares.",
    kind="frame",
    tolerance=0.05,
    expected=lambda: _lithium().query("share_pct > 10")[["country", "share_pct"]],
    hint="Filter with a condition on share_pct.",
)
FIGURE = Question(
    id="99-figure",
    prompt="A horizontal bar chart of the five largest lithium shares.",
    kind="figure",
    chart="barh",
    tolerance=0.05,
    expected=lambda: _lithium().set_index("country")["share_pct"].head(5),
    hint="Plot the share column with .plot.barh.",
)
LINE = Question(
    id="99-line",
    prompt="A line of the doubling shares.",
    kind="figure",
    chart="line",
    expected=lambda: pd.Series([1.0, 2.0, 4.0], index=[2020, 2021, 2022]),
    hint="ax.plot",
)


def _sentences(text):
    return len(re.findall(r"[.!?](\s|$)", text.replace("e.g.", "eg")))


@pytest.fixture(scope="module")
def crowded():
    """A chart with 10,000 bars (made once: drawing them takes seconds)."""
    fig, ax = plt.subplots()
    ax.barh(range(10_000), range(10_000))
    yield ax
    plt.close(fig)


@pytest.fixture
def closing():
    yield
    plt.close("all")


def test_new_kinds_need_their_parts():
    with pytest.raises(ValueError, match="choices"):
        checks.question(Question(id="99-x", prompt="?", expected=lambda: "a", kind="choice"))
    with pytest.raises(ValueError, match="chart="):
        checks.question(Question(id="99-x", prompt="?", expected=lambda: 1, kind="figure"))


def test_choice_accepts_the_letter_in_any_case_and_names_the_misconception():
    checks.question(CHOICE)
    try:
        for right in ("b", " B ", "(b)", "b."):
            assert judge(CHOICE, right).correct, right
        fb = judge(CHOICE, "a")
        assert (fb.status, fb.diagnosis) == ("incorrect", "test-mining-first")
        assert "not the narrower stage" in fb.message and "Refining" not in fb.message
        assert checks.DIAGNOSES["test-equal"]  # the report can count it
        assert judge(CHOICE, "z").diagnosis == "not-an-option"
        for bad in (2, ["b"]):
            fb = judge(CHOICE, bad)
            assert not fb.correct and _sentences(fb.message) == 1
    finally:
        checks._REGISTRY.pop("99-choice", None)


def test_frame_ignores_row_order_and_index_and_says_what_differs():
    want = FRAME.expected()
    assert judge(FRAME, want.sample(frac=1, random_state=1)).correct
    assert judge(FRAME, want.set_index("country")).correct  # the index as a column
    assert judge(FRAME, _lithium().query("share_pct > 10")).correct  # extra columns ignored
    loose, strict = _lithium().query("share_pct > 5"), _lithium().query("share_pct > 20")
    assert judge(FRAME, loose).diagnosis == "extra-rows"
    assert judge(FRAME, strict).diagnosis == "missing-rows"
    off = want.assign(share_pct=want["share_pct"] * 2)
    fb = judge(FRAME, off)
    assert fb.diagnosis == "values-off" and "share_pct" in fb.message
    assert judge(FRAME, want[["country"]]).diagnosis == "missing-column"
    # the message never prints the answer's numbers
    for value in want["share_pct"]:
        assert f"{value:.1f}" not in fb.message
    ordered = Question(**{**FRAME.__dict__, "ordered": True})
    assert judge(ordered, want).correct
    assert judge(ordered, want.iloc[::-1]).diagnosis == "wrong-order-rows"


def test_frame_wrong_kinds_get_one_plain_sentence():
    fb = judge(FRAME, FRAME.expected()["share_pct"])
    assert (fb.status, fb.diagnosis) == ("invalid", "series-not-frame")
    assert judge(FRAME, 3).status == "invalid"
    assert judge(FRAME, [["Chile", 22.0]]).status == "invalid"


def test_figure_reads_the_kind_values_title_and_labels(closing):
    s = FIGURE.expected()
    assert judge(FIGURE, draw(FIGURE, s)).correct
    assert judge(FIGURE, draw(FIGURE, s).figure).correct  # the Figure will do too
    assert judge(FIGURE, _new(s, "barh", xlabel="a", ylabel="b")).diagnosis == "no-title"
    assert judge(FIGURE, _new(s, "barh", title="t")).diagnosis == "no-axis-labels"
    assert judge(FIGURE, _new(s, "bar", title="t")).diagnosis == "wrong-chart-kind"
    assert judge(FIGURE, _new(s.head(3), "barh", title="t")).diagnosis == "wrong-bars"
    assert judge(FIGURE, _new(s / 100, "barh", title="t")).diagnosis == "fraction-not-percent"
    fig, ax = plt.subplots()
    ax.barh(s.index[::-1], s.to_numpy())  # names and values mixed up
    ax.set(title="t", xlabel="x", ylabel="y")
    assert judge(FIGURE, ax).diagnosis == "values-off"
    fb = judge(FIGURE, s)
    assert fb.status == "invalid" and "Axes" in fb.message


def test_figure_line(closing):
    fig, ax = plt.subplots()
    ax.plot([2020, 2021, 2022], [1, 2, 4])
    ax.axhline(2)  # a reference line is not the data
    ax.set(title="t", xlabel="year", ylabel="y")
    assert judge(LINE, ax).correct
    fig, ax = plt.subplots()
    ax.plot([2020, 2021, 2022], [1, 2, 5])
    assert judge(LINE, ax).diagnosis == "values-off"
    fig, ax = plt.subplots()
    ax.bar([2020, 2021, 2022], [1, 2, 4])
    assert judge(LINE, ax).diagnosis == "wrong-chart-kind"


class _Hostile:
    def __eq__(self, other):
        raise RuntimeError("no")

    def __len__(self):
        raise RuntimeError("no")

    __hash__ = object.__hash__


class _BadFrame(pd.DataFrame):
    @property
    def shape(self):
        raise RuntimeError("no")


@pytest.mark.parametrize("q", [CHOICE, FRAME, FIGURE], ids=lambda q: q.id)
def test_hostile_input_gets_one_sentence_quickly(q, crowded):
    ax = crowded
    answers = [
        _Hostile(),
        _BadFrame({"a": [1]}),
        math.nan,
        pd.DataFrame(np.zeros((200_000, 3))),  # a huge frame
        pd.DataFrame({"country": ["Chile", math.nan], "share_pct": [math.nan, 1.0]}),
        ax,
        ax.figure,
    ]
    for answer in answers:
        start = time.perf_counter()
        fb = judge(q, answer)
        assert time.perf_counter() - start < 5
        assert not fb.correct and fb.message and "Traceback" not in fb.message
        assert _sentences(fb.message.split(" Hint:")[0]) == 1, fb.message


def _through_the_grader(**values):
    """What the grader decodes of kernel variables: the dump code of prepare run on them."""
    import contextlib
    import io

    names = sorted(values)
    code = prepare._figure_code() + prepare._DUMP % {
        "names": names,
        "marker": "@@",
        "max": prepare.MAX_LIST,
    }
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<dump>", "exec"), dict(values))  # noqa: S102 - our own code
    raw = score._values(out.getvalue(), "@@")
    json.dumps(raw)  # it travelled as JSON
    return {n: score.decode(raw[n]) for n in names}


def test_the_grader_grades_frames_and_figures(closing):
    want = FRAME.expected()
    s = FIGURE.expected()
    got = _through_the_grader(
        right=want.set_index("country"),
        wrong=_lithium().query("share_pct > 5"),
        huge=pd.DataFrame(np.zeros((prepare.MAX_LIST + 1, 2))),
        chart=draw(FIGURE, s),
        untitled=_new(s, "barh", xlabel="x", ylabel="y"),
    )
    assert judge(FRAME, got["right"]).correct
    assert judge(FRAME, got["wrong"]).diagnosis == "extra-rows"
    assert not judge(FRAME, got["huge"]).correct
    assert judge(FIGURE, got["chart"]).correct
    assert judge(FIGURE, got["untitled"]).diagnosis == "no-title"
    # a dict that looks like a summary, given in a notebook, is not a chart
    assert judge(FIGURE, dict(got["chart"])).status == "invalid"
    # the answers CSV keeps a short summary, not the table or the chart's data
    text = score.shown(got["right"])
    assert text.startswith("<DataFrame 3 rows") and len(text) <= score.SHOWN_LIMIT
    assert score.shown(got["chart"]).startswith("<barh chart of 5")
    assert score.shown(judge(CHOICE, "a").diagnosis)


def test_a_year_is_shown_as_a_year():
    # "2,026 looks like the year the edition was published" (worker B saw it)
    fb = check("00-latest-data-year", 2026)
    assert fb.status == "incorrect" and "2026" in str(fb) and "2,026" not in str(fb)
    assert "2,020" not in str(check("00-latest-data-year", 2020))


def test_a_chart_needs_a_label_on_the_axis_of_its_values_only(closing):
    # a student who drew lesson 04's chart with plots.barh (no label on the names' axis)
    # was told "an axis has no label" (student reviewer, issue 20)
    checks.question(FIGURE)
    fig, ax = plt.subplots()
    top = _lithium().set_index("country")["share_pct"].head(5)
    ax.barh(top.index, top.to_numpy())
    ax.set_title("Lithium")
    assert judge(FIGURE, ax).diagnosis == "no-axis-labels"
    ax.set_xlabel("Share of world mine production (%)")
    assert judge(FIGURE, ax).correct


def test_a_table_that_is_a_typical_mistake_is_named():
    # lesson 04: counting the rows with a production of 0 as producers
    from koit_lessons.exercises import lesson04

    wrong = lesson04._countries_per_mineral(above_zero=False)
    fb = check("04-countries-per-mineral", wrong)
    assert fb.status == "incorrect" and fb.diagnosis == "counted-zero-rows"
    assert check("04-countries-per-mineral", lesson04._countries_per_mineral()).correct
    # lesson 08: the EU, the African Union and a guest are not counted as members
    from koit_lessons.exercises import lesson08

    fb = check("08-korea-club-sizes", lesson08._korea_club_sizes(members_only=False))
    assert fb.diagnosis == "counted-non-members"
    sizes = lesson08._korea_club_sizes().set_index("grouping")["members"]
    assert sizes["G20"] == 19 and sizes["APEC"] == 21  # as networks.dated() counts them


def test_a_table_for_a_list_of_names_or_a_number_is_named_a_table():
    """Iterating a table gives its column names: it must not be read as names (a student
    passing a table was told 'the answer has 2 names, you gave 10')."""
    import pandas as pd

    table = pd.DataFrame({"country": ["Chile", "China"], "share_pct": [1.0, 2.0]})
    names = checks.Question(id="99-tnames", prompt="?", expected=lambda: ["Chile"], kind="names")
    number = checks.Question(id="99-tnum", prompt="?", expected=lambda: 3.0)
    try:
        for q in (names, number):
            checks._REGISTRY[q.id] = q
        said = checks.check("99-tnames", table)
        assert said.status == checks.INVALID and "table (2 rows, 2 columns)" in said.message
        said = checks.check("99-tnum", table)
        assert said.status == checks.INVALID and "table (2 rows, 2 columns)" in said.message
        assert checks.check("99-tnames", table["country"].head(1)).status == checks.CORRECT
    finally:
        for q in (names, number):
            checks._REGISTRY.pop(q.id)


@pytest.mark.parametrize("given", [39.6, 40.0])
def test_an_answer_exactly_at_the_tolerance_counts_on_both_sides(given):
    """Regression (lesson 05, Exercise 5): 79.6 × 50 / 100 is 39.8; 39.6 passed a
    tolerance of 0.2 but 40 failed, by 3e-15 of floating-point error."""
    q = checks.Question(id="99-edge", prompt="?", expected=lambda: 79.6 * 50 / 100, tolerance=0.2)
    checks._REGISTRY[q.id] = q
    try:
        assert checks.check("99-edge", given).correct
        assert not checks.check("99-edge", 40.3).correct
    finally:
        checks._REGISTRY.pop("99-edge", None)


def test_a_rounded_typical_mistake_is_still_named():
    """Regression (lesson 01's re-review): a mistake matched only within the item's
    absolute tolerance, so the rounded 1.06e9 of a 1.0638e9 mistake lost its name."""
    q = checks.Question(
        id="99-rounded-mistake",
        prompt="?",
        expected=lambda: 2.0,
        tolerance=0.01,
        mistakes=(checks.Mistake("big", "the big one", lambda: 1.0638e9, "too big"),),
    )
    checks._REGISTRY[q.id] = q
    try:
        assert checks.check(q.id, 1.06e9).diagnosis == "big"
        assert checks.check(q.id, 1.2e9).diagnosis != "big"
    finally:
        checks._REGISTRY.pop(q.id, None)


def test_an_unanswered_topic_item_says_not_answered_before_asking_for_the_topic():
    """Regression (the capstone's student copy): with OTHER_TOPIC and the answer both
    still ..., the check asked for the topic instead of saying 'Not answered yet'."""
    assert checks.check("09-other-top3", ..., topic=...).status == checks.UNANSWERED
    assert checks.check("09-other-top3", 50.0, topic=...).status == checks.INVALID
