"""Lesson 06: the checked exercises and the notebook's shape."""

import json

import pytest

from koit_lessons import checks, lessons, minerals, policy, shocks
from koit_lessons.resources import notebooks_dir

NOTEBOOK = "06_policy_answers.ipynb"
IDS = [
    "06-ceilings",
    "06-eu-rare-earth-margin",
    "06-korea-lithium-gap",
    "06-korea-not-crma",
    "06-minerals-over-cap",
    "06-pass-not-safe",
    "06-predict-refining",
    "06-processing-of-what",
    "06-rare-earth-excess",
    "06-recall-1",
    "06-recall-2",
    "06-stage-that-fails",
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
    assert checks.expected("06-stage-that-fails") == pytest.approx(92 - 65)  # refining fails
    assert checks.expected("06-korea-lithium-gap") == pytest.approx(79.6 - 50)


@pytest.mark.parametrize(
    "qid",
    [
        "06-eu-rare-earth-margin",
        "06-korea-lithium-gap",
        "06-rare-earth-excess",
        "06-stage-that-fails",
    ],
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
    # "rare earth" typed by hand is the same mineral as the table's "rare earths"
    singular = [("rare earth" if n == "rare earths" else n) for n in right]
    assert "rare earth" in singular
    assert checks.check("06-minerals-over-cap", singular).correct


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


def test_starter_answers_come_from_lesson_05s_rules():
    cut = shocks.simulate("cobalt", "Congo (Kinshasa)", 25, elasticity=0.5, year=2024)
    assert cut.supply_lost_pct == pytest.approx(cut.producer_share_pct * 25 / 100)
    assert checks.expected("06-recall-1") == "b"  # about 19 %, the option the lesson prints
    assert round(cut.supply_lost_pct) == 19
    assert checks.check("06-recall-1", "a").diagnosis == "cut-not-loss"
    assert checks.check("06-recall-1", "c").diagnosis == "share-minus-cut"
    assert checks.expected("06-recall-2") == "b"
    assert checks.check("06-recall-2", "a").diagnosis == "stockpile-adds-supply"
    assert checks.check("06-recall-2", "C").diagnosis == "stockpile-lowers-price-for-good"


def test_new_items_are_computed_from_the_data():
    eu = policy.import_portfolio("European Union", "rare earth elements (REE+)", 2024)
    assert checks.expected("06-eu-rare-earth-margin") == pytest.approx(65 - eu.max())
    assert checks.expected("06-predict-refining") == "c"  # 92 % refining vs 62-71 % mining
    t = policy.targets()
    korea_only = set(t.loc[t["jurisdiction"] == "Korea", "stage"]) - set(
        t.loc[t["jurisdiction"] == "European Union", "stage"]
    )
    assert "stockpile" in korea_only
    assert checks.expected("06-korea-not-crma") == "c"


@pytest.mark.parametrize(
    ("qid", "answer", "code"),
    [
        ("06-rare-earth-excess", 71.05, "share-not-excess"),
        ("06-rare-earth-excess", -6.05, "cap-minus-share"),
        ("06-rare-earth-excess", 0.0605, "fraction-not-points"),
        ("06-stage-that-fails", -3, "mining-not-refining"),
        ("06-stage-that-fails", 6.05, "usgs-mining-excess"),
        ("06-stage-that-fails", 92, "share-not-excess"),
        ("06-stage-that-fails", 0.27, "fraction-not-points"),
        ("06-processing-of-what", "40", "number-not-measure"),
        ("06-stage-that-fails", -27, "cap-minus-share"),
        ("06-stage-that-fails", 3, "mining-margin"),
        ("06-korea-lithium-gap", 37.9, "wrong-year"),
        ("06-korea-lithium-gap", 79.6, "share-not-excess"),
        ("06-korea-lithium-gap", 30, "rounded-share"),
        ("06-korea-lithium-gap", 0.296, "fraction-not-points"),
        ("06-korea-lithium-gap", 14.6, "eu-cap-for-korea"),
        ("06-eu-rare-earth-margin", 0, "excess-for-margin"),
        ("06-eu-rare-earth-margin", 46.3, "share-not-margin"),
        ("06-eu-rare-earth-margin", -18.7, "share-minus-cap"),
        ("06-eu-rare-earth-margin", 0.187, "fraction-not-points"),
        ("06-eu-rare-earth-margin", 3.7, "korea-goal-for-eu"),
        (
            "06-minerals-over-cap",
            ["China", "China", "Congo (Kinshasa)", "China"],
            "countries-not-minerals",
        ),
        ("06-minerals-over-cap", ["China", "Congo (Kinshasa)"], "countries-not-minerals"),
        ("06-pass-not-safe", "b", "pass-means-safe"),
        ("06-pass-not-safe", "c", "cap-on-sum"),
        ("06-predict-refining", "a", "refining-less-concentrated"),
        ("06-predict-refining", "b", "mined-where-refined"),
        ("06-korea-not-crma", "a", "recycling-korea-only"),
        ("06-korea-not-crma", "b", "ceiling-korea-only"),
        ("06-korea-not-crma", "d", "eu-target-as-korean"),
        ("06-processing-of-what", "A", "world-not-eu-consumption"),
        ("06-processing-of-what", "C", "cap-not-benchmark"),
    ],
)
def test_typical_wrong_answers_are_named(qid, answer, code):
    feedback = checks.check(qid, answer)
    assert not feedback.correct
    assert feedback.diagnosis == code


def test_the_over_cap_filter_names_the_complement():
    under = sorted(
        set(policy.cap_table(2024)["mineral"]) - set(checks.expected("06-minerals-over-cap"))
    )
    assert checks.check("06-minerals-over-cap", under).diagnosis == "passes-not-fails"


def test_tables_before_the_exercises_hide_what_the_student_computes():
    nb = json.loads((notebooks_dir() / NOTEBOOK).read_text())
    sources = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    caps_cell = next(s for s in sources if s.startswith("caps = policy.cap_table"))
    assert "excess_pp" not in caps_cell and "passes" not in caps_cell
    korea_cell = next(s for s in sources if "korea_lithium = pd.DataFrame" in s)
    assert "excess_pp" not in korea_cell.splitlines()[-1]


def test_new_items_of_the_rereview_are_computed_from_the_data():
    # Exercise 6: the one IEA stage over the cap is refining (62 % mining, 92 % refining)
    assert checks.expected("06-stage-that-fails") == pytest.approx(92 - 65)
    # Exercise 9: the EU's rare-earth imports pass, two suppliers together do not
    eu = policy.import_portfolio("European Union", "rare earth elements (REE+)", 2024)
    assert eu.max() <= 65 < eu.nlargest(2).sum()
    assert checks.expected("06-pass-not-safe") == "a"
    assert checks.check("06-pass-not-safe", "A").correct
    # Exercise 7: the rounded share (80) gives 30, which the check names
    kor = policy.import_portfolio("Korea", "lithium hydroxide", 2023)
    assert round(kor.max()) - 50 == 30


def test_caps_holds_only_the_columns_shown():
    nb = json.loads((notebooks_dir() / NOTEBOOK).read_text())
    sources = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]
    caps_cell = next(s for s in sources if s.startswith("caps = policy.cap_table"))
    assert caps_cell.splitlines()[0].endswith('[["mineral", "top_country", "top_share_pct"]]')


@pytest.mark.parametrize("lang", ["en", "ko", "it"])
@pytest.mark.parametrize(
    ("answer", "code"),
    [(79.6, "share-not-excess"), (37.9, "wrong-year"), (14.6, "eu-cap-for-korea")],
)
def test_korea_lithium_mistakes_are_named_in_every_edition(lang, answer, code):
    """import_portfolio names China in the edition's language (중국, Cina): the mistakes
    of Exercise 7, computed from China's share, must still be found there."""
    from koit_lessons import language

    language.set_language(lang)
    try:
        feedback = checks.check("06-korea-lithium-gap", answer)
    finally:
        language.set_language("en")
    assert not feedback.correct
    assert feedback.diagnosis == code
