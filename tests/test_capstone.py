"""The capstone's toolkit (lesson 09) and its topic-dependent checks."""

import math

import pandas as pd
import pytest

from koit_lessons import capstone, checks, chips, data, minerals
from koit_lessons.checks import check
from koit_lessons.errors import KoitError

ALL = [t for names in capstone.topics().values() for t in names]


def test_topics_are_every_mineral_and_every_chip_stage():
    assert capstone.topics() == {"mineral": minerals.mineral_names(), "chip stage": chips.stages()}
    assert len(ALL) == len(set(ALL)) == 15


@pytest.mark.parametrize(
    "given, canonical",
    [("  Gallium ", "gallium"), ("eda software", "EDA software"), ("RARE  earths", "rare earths")],
)
def test_pick_topic_normalises_spelling(given, canonical):
    assert capstone.pick_topic(given) == canonical


@pytest.mark.parametrize(
    "bad, words",
    [
        (..., "Pick your topic first"),
        (None, "Pick your topic first"),
        ("galium", "Did you mean 'gallium'"),
        ("gold", "no topic called 'gold'"),
        (7, "7"),
    ],
)
def test_bad_topic_gets_a_friendly_message(bad, words):
    with pytest.raises(KoitError, match=words) as err:
        capstone.pick_topic(bad)
    assert "fabrication" in str(err.value)  # the allowed topics are listed


def test_profile_of_a_mineral_comes_from_usgs_rows():
    table = data.load("mineral_production")
    rows = table[(table["mineral"] == "gallium") & (table["year"] == 2024)]
    world = float(rows.loc[rows["kind"] == "world", "production"].iloc[0])
    china = float(rows.loc[rows["iso3"] == "CHN", "production"].iloc[0])
    assert "KOR" not in set(rows["iso3"])  # MCS 2026 has no Korean row (MCS 2025: 3,000 kg)
    p = capstone.profile("gallium")
    assert p["kind"] == "mineral" and p["year"] == 2024
    assert p["top_supplier"] == "China"
    assert p["top1_pct"] == pytest.approx(china / world * 100)
    assert p["korea_pct"] is None and p["italy_pct"] is None  # not listed, which is not zero
    assert p["eu_list"].startswith("strategic raw material") and p["korea_list"] is None
    assert "primary production" in p["measure"] and "USGS estimates" in p["measure"]
    assert p["hhi_band"] == "highly concentrated"


def test_profile_of_a_chip_stage_leaves_out_other_countries():
    p = capstone.profile("fabrication")
    shares = chips.stage_shares("fabrication")
    named = shares[shares["kind"] != "other"]["share_pct"]
    assert p["top_supplier"] == "Mainland China" and p["year"] == 2022
    assert p["top3_pct"] == pytest.approx(sum(sorted(named, reverse=True)[:3]))
    assert p["hhi"] == pytest.approx(sum(s * s for s in named))
    assert p["korea_pct"] == 17.0 and p["europe_pct"] == 8.0
    assert "italy_pct" not in p  # CSET gives Europe, not Italy


@pytest.mark.parametrize(
    "topic, who, supplier",
    [
        ("fabrication", "China", "Mainland China"),
        ("EDA software", "US", "United States"),
        ("cobalt", "DRC", "Congo (Kinshasa)"),
        ("graphite", "South Korea", "Korea, Republic of"),
    ],
)
def test_usual_names_find_the_supplier(topic, who, supplier):
    want = capstone.suppliers(topic).set_index("supplier").loc[supplier, "share_pct"]
    assert capstone.share_of(topic, who) == pytest.approx(want)
    assert capstone.scenario(topic, 100, who)["supplier"] == supplier


def test_share_of_accepts_names_and_codes_and_says_none_when_unlisted():
    assert (
        capstone.share_of("fabrication", "South Korea")
        == capstone.share_of("fabrication", "KOR")
        == 17.0
    )
    assert capstone.share_of("lithium", "Korea") is None
    assert capstone.share_of("lithium", "Chile") == pytest.approx(
        capstone.suppliers("lithium").set_index("supplier").loc["Chile", "share_pct"]
    )
    with pytest.raises(KoitError, match="as text"):
        capstone.share_of("lithium", 3)


def test_scenario_is_share_times_cut_and_prices_only_minerals():
    r = capstone.scenario("cobalt", 40)
    assert r["supplier"] == "Congo (Kinshasa)"
    assert r["supply_lost_pct"] == pytest.approx(r["supplier_share_pct"] * 0.4)
    assert r["price_change_pct"] is None  # no elasticity given
    priced = capstone.scenario("cobalt", 40, elasticity=0.5, stockpile_months=3)
    assert priced["price_change_pct"] == pytest.approx(r["supply_lost_pct"] * 9 / 12 / 0.5)
    stage = capstone.scenario("design", 50, elasticity=0.5)
    assert stage["price_change_pct"] is None and "No price" in stage["note"]
    other = capstone.scenario("lithium", 100, "Chile")
    assert other["supply_lost_pct"] == pytest.approx(capstone.share_of("lithium", "Chile"))


@pytest.mark.parametrize(
    "call, words",
    [
        (lambda: capstone.scenario("lithium", 150), "between 0 and 100"),
        (lambda: capstone.scenario("lithium", 50, "Chle"), "Did you mean 'Chile'"),
        (lambda: capstone.scenario("lithium", 50, elasticity=0), "elasticity"),
        (lambda: capstone.scenario_table("lithium", top=0), "top must be"),
        (lambda: capstone.scenario_table("lithium", step=0), "step must be"),
        (lambda: capstone.scenario("lithium", 50, stockpile_months=-3), "cannot be negative"),
        (lambda: capstone.exposure("gallium", cut_pct=-5), "between 0 and 100"),
        (lambda: capstone.exposure("fabrication", "Atlantis"), "no supplier of fabrication"),
    ],
)
def test_bad_scenarios_get_friendly_messages(call, words):
    with pytest.raises(KoitError, match=words):
        call()


def test_scenario_table_is_one_line_per_supplier():
    table = capstone.scenario_table("lithium", top=3, step=25)
    assert (
        table["supplier"].unique().tolist()
        == capstone.suppliers("lithium")["supplier"].head(3).tolist()
    )
    last = table[table["cut_pct"] == 100].set_index("supplier")["supply_lost_pct"]
    assert last.tolist() == pytest.approx(
        capstone.suppliers("lithium")["share_pct"].head(3).tolist()
    )
    assert table.attrs["source"].startswith("Model: koit_lessons.shocks (teaching model")
    assert "U.S. Geological Survey" in table.attrs["source"]


def test_scenario_table_keeps_a_supplier_tied_with_the_third():
    # fabrication, 2022: Japan and South Korea both 17 %; neither is dropped silently
    names = capstone.scenario_table("fabrication")["supplier"].unique().tolist()
    assert names == ["Mainland China", "Taiwan", "Japan", "South Korea"]


def test_a_scenario_prints_rounded_and_says_how_to_take_a_number_out():
    r = capstone.scenario("gallium", 50, elasticity=0.5, stockpile_months=3)
    assert r.supply_lost_pct == r["supply_lost_pct"]  # attribute, as in lesson 05, or name
    text = repr(r)
    assert f"{r.supply_lost_pct:.1f} % of world supply" in text
    assert str(r.supply_lost_pct) not in text  # no raw float
    assert f"{r.net_loss_pct:.1f} %" in text and '["supply_lost_pct"]' in text
    stage = capstone.scenario("fabrication", 50, stockpile_months=3)
    assert "stockpile_months= are not used" in stage.note
    assert "elasticity=" in capstone.scenario("lithium", 50, stockpile_months=3).note


def test_measure_says_what_the_shares_are_and_its_year():
    assert "does not say whether of value added, sales or capacity" in capstone.measure(
        "fabrication"
    )
    assert "(2022;" in capstone.measure("fabrication")
    assert "(2019;" in capstone.measure("EDA software")
    assert "estimated)" not in capstone.measure("gallium")  # 2024 is revised, not 'estimated'


def test_fact_sheet_shows_long_labels_in_full():
    sheet = capstone.fact_sheet("rare earths")
    label = "Korea's neodymium permanent magnets imports from Philippines (2023)"
    assert label in repr(sheet) and label in sheet._repr_html_()
    assert isinstance(sheet, pd.DataFrame)


def test_exposure_uses_sourced_import_shares_or_is_empty():
    rare = capstone.exposure("rare earths")
    imports = data.load("import_sources")
    korea = imports[
        (imports["importer"] == "Korea")
        & (imports["mineral"] == "rare earths")
        & (imports["partner_iso3"] == "CHN")
    ]
    latest = korea[korea["year"] == korea["year"].max()]
    row = rare[rare["importer"] == "Korea"].iloc[0]
    assert row["share_from_country_pct"] == pytest.approx(float(latest["share_pct"].iloc[0]))
    assert capstone.exposure("copper").empty and capstone.exposure("fabrication").empty


def test_fact_sheet_says_not_listed_and_names_the_data_set():
    sheet = capstone.fact_sheet("lithium").set_index("fact")["value"]
    assert sheet["Korea's share"] == "not listed in the source"
    # every sourced import partner is shown, not only the top mining country
    assert sheet["Korea's lithium hydroxide imports from China (2023)"] == "79.6%"
    assert sheet["among Korea's 10 strategic critical minerals (2023)"].startswith("strategic")
    assert sheet["top supplier"] == "Australia (37.3%)"
    # every data set the sheet used: the import shares are KITA's, not USGS's
    assert sheet["cite"] == (
        "data.cite('mineral_production'), data.cite('strategic_minerals'), "
        "data.cite('import_sources')"
    )
    cite = capstone.fact_sheet("gallium").set_index("fact")["value"]["cite"]
    assert "import_sources" not in cite  # no import rows for gallium
    stage = capstone.fact_sheet("design").set_index("fact")["value"]
    assert stage["Europe's share (Italy not shown separately)"] == "10.0%"


def test_overview_covers_every_topic_most_concentrated_first():
    table = capstone.overview()
    assert sorted(table["topic"]) == sorted(ALL)
    assert table["hhi"].is_monotonic_decreasing
    assert table.loc[0, "topic"] == "gallium"
    assert all(isinstance(v, str) for v in table["label"])


def test_capstone_checks_depend_on_the_topic():
    gallium = checks.expected("09-top3-share", topic="gallium")
    lithium = checks.expected("09-top3-share", topic="lithium")
    assert gallium != lithium
    assert check("09-top3-share", gallium, topic="gallium").correct
    assert not check("09-top3-share", gallium, topic="lithium").correct
    assert check("09-top-supplier", "China", topic="fabrication").correct  # CSET: Mainland China
    assert check("09-top-supplier", "cod", topic="cobalt").correct  # ISO code
    assert check("09-korea-share", 0, topic="lithium").correct  # not listed: answer 0
    assert checks.expected("09-supply-lost", topic="gallium") == pytest.approx(
        capstone.profile("gallium")["top1_pct"] / 2
    )


@pytest.mark.parametrize(
    "kwargs, words",
    [
        ({}, "depends on your topic"),
        ({"topic": ...}, "Pick your topic first"),
        ({"topic": "gold"}, "no topic called 'gold'"),
        ({"mineral": "gold"}, "takes only topic="),
    ],
)
def test_capstone_check_without_a_good_topic_is_feedback_not_a_traceback(kwargs, words):
    fb = check("09-hhi", 5000, **kwargs)
    assert fb.status == "invalid" and words in fb.message


def test_helpers_never_change_the_data():
    before = data.load("mineral_production").copy()
    capstone.fact_sheet("gallium")
    table = capstone.suppliers("gallium")
    table.loc[0, "share_pct"] = math.inf
    pd.testing.assert_frame_equal(data.load("mineral_production"), before)
    assert capstone.suppliers("gallium").loc[0, "share_pct"] < 100


def test_a_cut_written_as_a_fraction_is_flagged():
    """Re-review 12-03: scenario("cobalt", 0.5) gave 0.37 % silently; the Ex 7 check then
    blamed the answer for looking like a fraction."""
    assert "did you mean 50 %" in capstone.scenario("cobalt", 0.5).note
    assert capstone.scenario("cobalt", 50).note is None


@pytest.mark.parametrize("lang", ["ko", "it"])
def test_the_capstone_tables_speak_the_edition_language_with_the_same_numbers(lang):
    """The fact sheet, the measure, the scenario and the overview's labels in the
    edition's language (English stays as it was); every number as in English."""
    import re

    from koit_lessons import language

    def numbers(text):  # as the edition-output test reads them ("top-3" holds "-3");
        # "1차 생산" (primary production) is a word, not a number
        return re.findall(r"-?\d[\d,]*(?:\.\d+)?", text.replace("1차", ""))

    def shown(topic):
        return [
            capstone.measure(topic),
            " | ".join(capstone.fact_sheet(topic).to_numpy().ravel()),
            repr(capstone.scenario(topic, 50, elasticity=0.5, stockpile_months=3)),
            repr(capstone.scenario(topic, 0.5, stockpile_months=2)),
            capstone.scenario_table(topic).attrs["source"],
        ]

    english = {t: shown(t) for t in ["cobalt", "rare earths", "gallium", "fabrication"]}
    labels = capstone.overview()["label"].tolist()
    try:
        language.set_language(lang)
        for topic, texts in english.items():
            for en, text in zip(texts, shown(topic), strict=True):
                assert numbers(text) == numbers(en), (topic, text)
        sheet = capstone.fact_sheet("cobalt")
        word = {"ko": "비중", "it": "quota"}[lang]
        facts = sheet["fact"].tolist()
        assert not any("share" in f for f in facts) and any(word in f for f in facts)
        absent = {"ko": "출처에 없음", "it": "non elencato nella fonte"}[lang]
        assert absent in sheet["value"].tolist()
        mined = {"ko": "광산 생산", "it": "produzione mineraria"}[lang]
        assert mined in capstone.measure("cobalt")
        said = repr(capstone.scenario("cobalt", 50, elasticity=0.5))
        assert {"ko": "교육용 모델", "it": "modello didattico"}[lang] in said
        assert "[supply_lost_pct]" in said and "supply lost" not in said
        local = capstone.overview()["label"].tolist()
        assert numbers(" ".join(local)) == numbers(" ".join(labels))
        assert {"ko": "코발트 (광물, 2024)", "it": "cobalto (minerale, 2024)"}[lang] in local
        # a chip stage as lesson 02's figures name it
        stage = {"ko": "제조 (칩 단계, 2022)", "it": "fabbricazione (fase dei chip, 2022)"}[lang]
        assert stage in local
    finally:
        language._chosen = None
    assert capstone.fact_sheet("cobalt").iloc[0].tolist() == ["topic", "cobalt (mineral, 2024)"]


@pytest.mark.parametrize("name", ["cobalto", "코발트", " Cobalto "])
def test_a_mineral_topic_can_be_named_as_the_edition_names_it(name):
    """The Italian and Korean editions show minerals by their glossary names."""
    assert capstone.pick_topic(name) == "cobalt"
    assert capstone.profile(name).topic == "cobalt"
    assert check("09-top3-share", 89.1, topic=name).correct


@pytest.mark.parametrize("lang, word", [("it", "Fonte: "), ("ko", "출처: ")])
def test_the_scenario_figure_names_its_source_once(lang, word):
    """Second reading of 09 (it): the footer read 'quote: Fonte: U.S. Geological
    Survey ...': the translated 'Source: ' of the shares' line was kept."""
    from koit_lessons import language

    english = capstone.scenario_table("cobalt").attrs["source"]
    assert "shares: U.S. Geological Survey" in english
    try:
        language.set_language(lang)
        shown = capstone.scenario_table("cobalt").attrs["source"]
    finally:
        language._chosen = None
    assert word not in shown and "U.S. Geological Survey" in shown


def test_a_chip_stage_fact_sheet_and_scenario_name_the_supplier_in_the_edition_words():
    """CSET's regions ("Mainland China") as lesson 02's figures name them; English as it was."""
    from koit_lessons import language

    def said():
        top = capstone.fact_sheet("fabrication").set_index("fact")["value"].iloc[2]
        return top, repr(capstone.scenario("fabrication", 50)).splitlines()[1]

    assert all("Mainland China" in text for text in said())
    try:
        language.set_language("ko")
        assert all("중국 본토" in text and "Mainland" not in text for text in said())
    finally:
        language._chosen = None
    assert all("Mainland China" in text for text in said())


def test_a_korean_scenario_lines_up_its_values_as_the_english_one_does():
    """A Korean character takes two terminal columns: the values of a Korean scenario
    still start in one column, the English one's."""
    import re

    from koit_lessons import cli, language

    def value_columns(result):
        rows = [re.match(r"^  (.+?)\s{2,}(\S.*)$", line) for line in repr(result).splitlines()]
        return {cli.columns(m.group(0)) - cli.columns(m.group(2)) for m in rows if m}

    english = value_columns(capstone.scenario("nickel", 50, elasticity=0.5, stockpile_months=3))
    try:
        language.set_language("ko")
        korean = value_columns(capstone.scenario("nickel", 50, elasticity=0.5, stockpile_months=3))
    finally:
        language.set_language("en")
    assert english == korean == {22}


@pytest.mark.parametrize("lang, word", [("en", "Source:"), ("ko", "출처:"), ("it", "Fonte:")])
def test_a_scenario_table_names_its_source_once(lang, word):
    from koit_lessons import language

    try:
        language.set_language(lang)
        source = capstone.scenario_table("cobalt").attrs["source"]
    finally:
        language.set_language("en")
    assert word.lower() not in source.lower() and "U.S. Geological Survey" in source


def test_a_supplier_given_in_the_edition_words_is_found():
    """A Korean student gives CSET's 'South Korea' as 한국 and 'Mainland China' as 중국 or
    중국 본토: share_of finds them (not None, which would read as 'not listed'), and the
    checks accept them; English answers as before."""
    from koit_lessons import language

    assert capstone.share_of("fabrication", "한국") == capstone.share_of("fabrication", "Korea")
    assert check("09-top-supplier", "중국", topic="fabrication").correct
    try:
        language.set_language("ko")
        assert capstone.share_of("fabrication", "유럽") == 8.0
        assert check("09-top-supplier", "중국 본토", topic="fabrication").correct
        assert not check("09-top-supplier", "대만", topic="fabrication").correct
        typed = ["중국 본토", "대만", "일본", "한국", "미국"]
        assert check("09-big-suppliers", typed, topic="fabrication").correct
    finally:
        language._chosen = None
    assert capstone.share_of("fabrication", "Europe") == 8.0
    assert check("09-top-supplier", "Mainland China", topic="fabrication").correct
