"""check's messages in Korean and Italian, the language setting, and --lang on the command
line."""

import importlib.util
from pathlib import Path

import pytest

from koit_lessons import checks, language
from koit_lessons.checks import check, expected
from koit_lessons.cli import main
from koit_lessons.errors import KoitError

ROOT = Path(__file__).resolve().parents[1]
LESSON00 = checks.questions("00")


def _catalogues_script():
    spec = importlib.util.spec_from_file_location("catalogues", ROOT / "scripts" / "catalogues.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def _english_afterwards(monkeypatch):
    monkeypatch.delenv(language.ENV_VAR, raising=False)
    yield
    language._chosen = None


def _wrong(qid):
    want = expected(qid)
    q = checks._get(qid)
    if q.kind == "choice":  # a wrong letter, not a word
        return next(c.letter for c in q.choices if c.letter != want)
    if isinstance(want, str):
        return "Atlantis"
    if isinstance(want, list):
        return ["Atlantis"] * len(want)
    return want * 3 + 7


def _wrong_type(qid):
    return 3.5 if isinstance(expected(qid), (str, list)) else "twelve"


@pytest.mark.parametrize("lang", ["ko", "it"])
def test_every_message_of_the_package_is_translated(lang):
    """A message added in English without its translation fails here: the package's
    own messages, and the questions of every lesson that has a catalogue in the language
    (offered, or awaiting its second reader, who reads the messages too)."""
    translated = _catalogues_script().translated_lessons(lang)
    assert "00" in translated
    ids = _catalogues_script().message_ids(translated)
    table = language.catalogue(lang)
    missing = [f"{context or ''} {text!r}" for context, text in ids if (context, text) not in table]
    assert not missing, "\n".join(missing)
    # the placeholders of each translation are those of its English
    import string

    def fields(s):
        return sorted(f for _, f, _, _ in string.Formatter().parse(s) if f)

    assert all(fields(table[k]) == fields(k[1]) for k in ids)


@pytest.mark.parametrize("lang", ["ko", "it"])
@pytest.mark.parametrize("qid", LESSON00)
def test_check_speaks_the_edition_language(lang, qid):
    answers = {
        "unanswered": ...,
        "correct": expected(qid),
        "incorrect": _wrong(qid),
        "invalid": _wrong_type(qid),
    }
    english = {status: check(qid, a) for status, a in answers.items()}
    language.set_language(lang)
    q = checks._get(qid)
    for status, answer in answers.items():
        said = check(qid, answer)
        assert said.status == english[status].status == status
        assert said.message != english[status].message, (status, said.message)
        assert said.diagnosis == english[status].diagnosis
    assert checks.text_of(q, "explain") in check(qid, expected(qid)).message
    # a staged hint shows one stage at a time: the first wrong answer its first line
    checks._WRONG.pop(qid, None)
    first_stage = checks.text_of(q, "hint").split("\n")[0].strip()
    assert first_stage in check(qid, _wrong(qid)).message
    for part in ("prompt", "hint", "explain"):
        assert checks.text_of(q, part) != getattr(q, part)


def test_korean_and_italian_words():
    language.set_language("ko")
    assert check("00-lithium-top", ...).message.startswith("아직 답하지 않았어요")
    assert check("00-lithium-top", expected("00-lithium-top")).message.startswith("정답이에요!")
    language.set_language("it")
    assert check("00-lithium-top", ...).message.startswith("Non hai ancora risposto")
    # Italian writes a decimal comma and a dot between thousands
    assert "12,35 % è troppo basso" in check("00-lithium-share", 12.345).message
    assert "1.234 è troppo" in check("00-graphite-hhi", 1234.0).message
    language.set_language("en")
    assert "12.35 % is too low" in check("00-lithium-share", 12.345).message


def test_the_environment_sets_the_language_and_set_language_wins(monkeypatch):
    monkeypatch.setenv(language.ENV_VAR, "it")
    assert language.current() == "it"
    assert check("00-lithium-top", ...).message.startswith("Non hai ancora")
    language.set_language("ko")
    assert language.current() == "ko"
    monkeypatch.setenv(language.ENV_VAR, "fr")  # unknown: English
    language._chosen = None
    assert language.current() == "en"


def test_an_unknown_language_is_one_sentence():
    with pytest.raises(KoitError) as err:
        language.set_language("fr")
    assert str(err.value).count(".") == 1 and "ko (Korean)" in str(err.value)


@pytest.mark.parametrize("command", [["list"], ["handout", "--students", "s"], ["start"]])
def test_cli_refuses_an_unknown_language_in_one_line(command, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main([*command, "--lang", "fr"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("koit-lessons: There is no edition in 'fr'")
    assert not (tmp_path / "s").exists()


_DRAW = """
import sys, warnings
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot  # before the filter: Matplotlib 3.7 with a newer pyparsing warns
warnings.simplefilter("error")  # a missing glyph warns: make it fail
from koit_lessons import minerals, plots
plots.use_style()
ax = plots.barh(minerals.producers("lithium", 2024), "share_pct", "country",
                title={title!r}, xlabel={xlabel!r})
ax.figure.canvas.draw()
ax = plots.hhi_bars(minerals.concentration_table(2024, minerals=["cobalt", "lithium"]))
ax.figure.canvas.draw()
print(ax.get_xlabel().replace(chr(10), " "))
print("pylopdf_fonts_ko" in sys.modules, "babel" in sys.modules)
"""


def _draw(lang, title, xlabel, tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, language.ENV_VAR: lang, "MPLCONFIGDIR": str(tmp_path / "mpl")}
    code = _DRAW.format(title=title, xlabel=xlabel)
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "findfont" not in done.stderr  # no font reports (e.g. a missing bold weight)
    return done.stdout.splitlines()


def test_korean_figures_draw_hangul_on_a_fresh_font_cache(tmp_path):
    """A new Matplotlib config folder (no font cache), as on a fresh machine."""
    label, loaded = _draw("ko", "2024년에 리튬을 캔 나라는?", "세계 광산 생산량 비중 (%)", tmp_path)
    assert label.startswith("허핀달-허시먼 지수")
    assert loaded == "True True"  # the font, and Babel for the translations


def test_english_figures_load_no_font_and_no_babel(tmp_path):
    label, loaded = _draw("en", "Who mined lithium in 2024?", "Share (%)", tmp_path)
    assert label.startswith("Herfindahl–Hirschman index")
    assert loaded == "False False"


def test_importing_the_package_loads_no_translation_machinery():
    import subprocess
    import sys

    code = (
        "import sys, koit_lessons, koit_lessons.checks, koit_lessons.language;"
        "print(sorted(m for m in ('babel', 'pylopdf_fonts_ko', 'matplotlib') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr


def test_mineral_explorer_speaks_italian():
    from koit_lessons.widgets.minerals import MineralExplorer

    language.set_language("it")
    ex = MineralExplorer("lithium", 2024)
    assert ex.mineral.description == "Minerale" and ex.year.description == "Anno"
    assert "del totale mondiale" in ex.summary_text() and "HHI = " in ex.summary_text()
    assert ex.summary_text().startswith("<b>Litio, 2024:</b>")
    assert ("litio", "lithium") in ex.mineral.options
    assert ex.draw().get_title().startswith("Chi estrae litio?")


def test_mineral_explorer_names_the_unit_in_the_lesson_language():
    # second reader of lesson 04 in Korean: the axis label said "(t nickel content 기준)"
    from koit_lessons import minerals
    from koit_lessons.widgets.minerals import UNITS, MineralExplorer

    units = {minerals.producers(m, 2024)["unit"].iloc[0] for m in minerals.mineral_names()}
    assert units == set(UNITS)
    language.set_language("ko")
    try:
        ex = MineralExplorer("nickel", 2024)
        label = " ".join(ex.draw().get_xlabel().split())
        assert label == "세계 광산 생산량에서 차지하는 비중, % (니켈 함유량 t 기준)"
        assert ex.draw().get_title() == "니켈: 누가 캘까? (2024년)"
        assert "세계 합계의 62%를 인도네시아에서 캤고" in ex.summary_text()
        language.set_language("it")
        label = " ".join(MineralExplorer("nickel", 2024).draw().get_xlabel().split())
        assert label.endswith("(misurata in t di nichel contenuto)")
    finally:
        language.set_language("en")
    label = " ".join(MineralExplorer("nickel", 2024).draw().get_xlabel().split())  # wrapped
    assert label.endswith("(measured in t nickel content)")


def test_italian_hhi_figure_writes_thousands_with_a_dot():
    # "1,000" and "9,789" read as 1 and 9.8 in Italian (second reader of lesson 00)
    import matplotlib

    matplotlib.use("Agg")
    from koit_lessons import minerals, plots

    table = minerals.concentration_table(2024)
    language.set_language("it")
    try:
        ax = plots.hhi_bars(table, source="Fonte: USGS.")
        texts = [t.get_text() for t in ax.texts]
        assert "1.000" in texts and "1,000" not in texts
        gallium = round(float(table.set_index("mineral").loc["gallium", "hhi"]))
        assert f"{gallium:,}".replace(",", ".") in texts
        assert not any(t.count(",") and t.replace(",", "").isdigit() for t in texts)
    finally:
        language.set_language("en")
    ax = plots.hhi_bars(table, source="Source: USGS.")
    assert "1,000" in [t.get_text() for t in ax.texts]


@pytest.mark.parametrize(
    ("lang", "right", "mistaken"),
    [("ko", "국빈 방문", "공식 방문"), ("it", "Visita di Stato", "visita ufficiale")],
)
def test_text_answers_are_accepted_in_the_edition_language(lang, right, mistaken):
    """A Korean or Italian student answers in their language: glossary terms and yes/no
    are read as the English answer, and a named mistake is still recognised."""
    from koit_lessons.checks import check

    language.set_language(lang)
    try:
        assert check("00-mattarella-visit", right).status == "correct"
        wrong = check("00-mattarella-visit", mistaken)
        assert wrong.status == "incorrect" and wrong.diagnosis not in ("", "wrong-name")
        yes = {"ko": "네", "it": "sì"}[lang]
        assert check("00-graphite-highly-concentrated", yes).status == "correct"
    finally:
        language.set_language("en")


@pytest.mark.parametrize("lang", ["ko", "it"])
def test_every_answer_of_an_offered_lesson_is_the_same_in_the_edition(lang):
    """Regression (translator of lesson 05): in Korean, 9 of the lesson's 13 checks
    rejected the right answer, because their answers looked up "China" in a table that
    the edition shows as 중국. The numbers and letters must be the English ones."""
    from koit_lessons import lessons

    offered = [x.number for x in lessons.offered(lang)]
    ids = [
        q
        for n in offered
        for q in checks.questions(n)
        if checks._get(q).kind in ("number", "choice") and not checks._get(q).context
    ]
    english = {q: expected(q) for q in ids}
    language.set_language(lang)
    for q in ids:
        assert expected(q) == english[q], q
        assert check(q, english[q]).correct, q


@pytest.mark.parametrize("lang, word", [("ko", "정련"), ("it", "raffinazione")])
def test_a_wrong_option_s_feedback_is_in_the_edition_s_language(lang, word):
    """Regression (translator of lesson 05): a wrong option's feedback stayed English in
    the Korean edition, after a Korean hint."""
    language.set_language(lang)
    wrong = next(c.letter for c in checks._get("05-recall-1").choices if c.feedback)
    message = check("05-recall-1", wrong).message
    assert word in message and "Ore and concentrate" not in message, message
    assert "Ore" not in check("05-recall-1", "z").message


def test_the_wrong_answer_prefix_and_units_are_in_the_edition_s_language():
    """Regression (second reader of lesson 05 in Italian): 'Not quite:' and units such as
    'percentage points' stayed English in Italian messages."""
    language.set_language("it")
    wrong = next(c.letter for c in checks._get("05-recall-1").choices if c.feedback)
    assert check("05-recall-1", wrong).message.startswith("Non proprio:")
    message = check("05-compare-shocks", -5).message
    assert "punti percentuali" in message and "percentage points" not in message, message


def test_korean_messages_write_a_unit_against_its_number():
    """Regression (Korean second reader of lesson 05): '71 %은(는)', '8.6 months은(는)'."""
    language.set_language("ko")
    assert checks._fmt(71.0, "%") == "71%" and checks._fmt(8.6, "months") == "8.6개월"
    # a unit in Latin letters keeps its space (translator of lesson 01: '3.79e+25FLOP')
    assert checks._fmt(3.79e25, "FLOP") == "3.79e+25 FLOP"
    language.set_language("it")
    assert checks._fmt(8.6, "months") == "8,6 mesi"


@pytest.mark.parametrize(
    "lang, series_word, chart_word", [("ko", "표", "그래프"), ("it", "tabella", "grafico")]
)
def test_table_and_chart_messages_are_in_the_edition_s_language(lang, series_word, chart_word):
    """Regression: the table and figure checks wrote English in both editions."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    language.set_language(lang)
    try:
        table = checks.expected("05-suspended-rare-earth-measures")
        message = check("05-suspended-rare-earth-measures", table.iloc[:, 0]).message
        assert series_word in message and "the answer should be" not in message.lower()
        message = check("05-suspended-rare-earth-measures", table.iloc[:0]).message
        assert "missing" not in message and series_word in message, message
        fig, ax = plt.subplots()
        message = check("04-alumina-chart", ax).message  # nothing drawn yet
        plt.close(fig)
        assert chart_word in message and "empty" not in message, message
        assert check("04-alumina-chart", "x").message.count("Axes") == 1
    finally:
        language.set_language("en")


def test_the_calculator_and_the_simulator_speak_the_edition_s_language():
    """Regression (translator of lesson 01): the training-run calculator and the
    supply-shock simulator stayed English in the Korean edition."""
    from koit_lessons.widgets.compute import TrainingRunCalculator
    from koit_lessons.widgets.shocks import ShockSimulator

    try:
        language.set_language("ko")
        calc = TrainingRunCalculator()
        assert calc.parameters.description == "매개변수"
        assert "칩-시간" in calc.summary_text() and "486.9일" in calc.summary_text()
        sim = ShockSimulator("gallium", "China", cut_pct=80)
        assert ("갈륨", "gallium") in sim.mineral.options
        assert "갈륨" in sim.summary_text() and "cuts" not in sim.summary_text()
        language.set_language("it")
        calc = TrainingRunCalculator()
        assert "486,9 giorni" in calc.summary_text() and "8.192 chip" in calc.summary_text()
        sim = ShockSimulator("gallium", "China", cut_pct=80)
        assert sim.cut.description == "Taglio (%)" and "80,0 %" in sim.summary_text()
        assert sim.draw() is None or "Importazioni" in sim.draw().get_title()
    finally:
        language.set_language("en")


def test_lesson_01_figure_legends_and_labels_are_in_the_edition_s_language():
    """Regression (second reader of lesson 01 in Korean): the legend's highlighted group,
    'Notable models', the trend line and the IEA bars' labels stayed English."""
    from koit_lessons import compute, lessons
    from koit_lessons.plots.time import log_trend

    code = "".join("".join(c["source"]) for c in lessons.lesson("01").edition("ko")["cells"])
    assert "한국 개발사" in code and "Korean developers" not in code
    try:
        language.set_language("it")
        assert compute.data_centre_electricity()["label"].tolist() == [
            "2024 (stima IEA)",
            "2030 (proiezione IEA)",
        ]
        language.set_language("ko")
        df = compute.models()
        ax = log_trend(
            df,
            "decimal_year",
            "training_compute_flop",
            fit=compute.fit_trend(df),
            source="Source: x.",
        )
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert legend[0] == "주요 모델" and legend[1].startswith("추세선: 해마다 ×")
    finally:
        language.set_language("en")


@pytest.mark.parametrize(
    "lang, words", [("ko", ["가로 막대그래프", "제목"]), ("it", ["Grafico a barre orizzontali"])]
)
def test_figure_descriptions_are_in_the_edition_s_language(lang, words):
    """The figure in words (what a screen reader reads, in a 'details' under each figure)
    was English in every edition."""
    import matplotlib

    matplotlib.use("Agg")
    from koit_lessons import minerals, plots
    from koit_lessons.plots import _describe

    try:
        language.set_language(lang)
        ax = plots.barh(minerals.producers("lithium", 2024), "share_pct", "country", title="t")
        text = _describe.describe(ax)
        for word in words:
            assert word in text, text
        assert "Horizontal bar chart" not in text and " of " not in text
        out = _describe.details_output([text])["data"]["text/plain"]
        assert out.startswith({"ko": "그림을 글로", "it": "La figura a parole"}[lang])
        source = [t.get_text() for t in ax.texts][-1]
        assert source.startswith({"ko": "출처: ", "it": "Fonte: "}[lang]), source
        assert "(data year" not in source
    finally:
        language.set_language("en")


def test_lesson_02_figures_name_regions_stages_and_periods_in_the_edition_s_words():
    """Regression (second reader of lesson 02 in Korean): the figures showed 'United
    States', 'Mainland China', 'EDA software (2019)', '2032 (projection)' and '(data year
    2019 (inputs) ...' in English; the tables keep the data's English, which the
    exercises compare against ('Taiwan'), and the English figures stay as they were."""
    import matplotlib

    matplotlib.use("Agg")
    from koit_lessons import chips, plots
    from koit_lessons.plots import _describe

    design = chips.stage_shares("design")
    advanced = chips.capacity_history("below 10 nm")
    stages = chips.stage_table()
    try:
        language.set_language("ko")
        ax = plots.barh(design, "share_pct", "region", title="t", source="Source: x.")
        ticks = [t.get_text() for t in ax.get_yticklabels()]
        assert {"미국", "한국", "중국 본토", "기타 국가"} <= set(ticks), ticks
        assert "United States" not in _describe.describe(ax)
        ax = plots.stage_bars(
            advanced, "share_pct", "region", stage="when", projected=["2032 (projection)"]
        )
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        # the source line wraps by its drawn width: compare its words, not its line breaks
        assert "(데이터 연도 2022 (전망 2032))" in " ".join(ax.texts[-1].get_text().split())
        assert legend[-1] == "2032 (전망)"
        assert "대만" in [t.get_text() for t in ax.get_yticklabels()]
        ax = plots.hhi_bars(stages, label="label", title="t")
        ticks = [t.get_text() for t in ax.get_yticklabels()]
        assert "EDA 소프트웨어 (2019)" in ticks
        assert "조립·테스트·패키징 (2022)" in ticks
        assert "(inputs)" not in [t.get_text() for t in ax.texts][-1]
        language.set_language("it")
        ax = plots.barh(design, "share_pct", "region", title="t", source="Source: x.")
        assert "Cina continentale" in [t.get_text() for t in ax.get_yticklabels()]
        assert chips.foundry_shares("2025Q2")["headquarters"].iloc[0] == "Taiwan"
    finally:
        language.set_language("en")
    ax = plots.barh(design, "share_pct", "region", title="t", source="Source: x.")
    assert "United States" in [t.get_text() for t in ax.get_yticklabels()]


def test_italian_bar_values_and_forecast_legend():
    """Regression (second reader of lesson 03 in Italian): the bars' values kept a decimal
    point (6.02, 791.7) and the world-sales chart said 'actual' and 'forecast' in English."""
    import matplotlib

    matplotlib.use("Agg")
    from koit_lessons import chips, memory, plots

    sales = chips.world_sales()
    sales = sales.assign(year=sales["year"].astype(str))
    try:
        language.set_language("it")
        ax = plots.stage_bars(
            sales, "world_sales_busd", "year", "status", projected=["forecast"], fmt="{:,.1f}"
        )
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert legend == ["dato effettivo", "previsione"]
        texts = [t.get_text() for t in ax.texts]
        assert "791,7" in texts and "791.7" not in texts
        assert "previsione 772,2" in plots.describe(ax)
        ax = plots.barh(memory.bandwidth_per_flop(), "bytes_per_kflop", "chip", iso3=None,
                        fmt="{:.2f}")  # fmt: skip
        assert "1,78" in [t.get_text() for t in ax.texts]
        language.set_language("ko")
        ax = plots.stage_bars(sales, "world_sales_busd", "year", "status", fmt="{:,.1f}")
        assert [t.get_text() for t in ax.get_legend().get_texts()] == ["실적", "전망"]
        assert "791.7" in [t.get_text() for t in ax.texts]
    finally:
        language.set_language("en")
    ax = plots.stage_bars(sales, "world_sales_busd", "year", "status", fmt="{:,.1f}")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["actual", "forecast"]
    assert "791.7" in [t.get_text() for t in ax.texts]


def test_lesson_07_trade_figures_and_explorer_speak_italian():
    """Regression (second reader of lesson 07 in Italian): the trade chart's legend read
    'esportazioni di Repubblica di Corea'; its bar labels and the EU exporters' '€15.7 bn'
    kept English decimal points; a measure began with a capital inside the figure's
    description ('in Miliardi di USD'); the trade explorer and the timeline's source line
    spoke only English."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from koit_lessons import partnership, plots
    from koit_lessons.plots import _describe
    from koit_lessons.widgets.partnership import TradeGrowthExplorer

    try:
        language.set_language("it")
        ax = plots.trade_bars(
            partnership.trade("korea_usd"), ylabel="Miliardi di USD (prezzi correnti)"
        )
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert "Repubblica di Corea → Italia (Repubblica di Corea: esportazioni)" in legend
        assert "esportazioni di Repubblica" not in " ".join(legend), legend
        texts = [t.get_text() for t in ax.texts]
        assert "4,5" in texts and "-1,81" in texts and "4.5" not in texts, texts
        words = _describe.describe(ax)
        assert "in miliardi di USD (prezzi correnti)" in words and "4,49" in words, words
        ax = plots.barh(
            partnership.eu_partners(2014, "exports to Korea"),
            "value",
            "member_state",
            fmt="€{:.1f} bn",
            xlabel="Esportazioni verso la Corea, miliardi di euro",
        )
        words = _describe.describe(ax)
        assert "Germania €15,7 bn" in words and "di esportazioni verso la Corea" in words, words
        ex = TradeGrowthExplorer()
        assert ex.flow.description == "Flusso" and ("Italia → Corea", "Italy to Korea") in (
            ex.flow.options
        )
        summary = ex.summary_text()
        assert "Italia → Corea" in summary and "+61,5 % in tutto" in summary, summary
        assert "+8,3 % all'anno" in summary and "miliardi di euro" in summary, summary
        ex.series.value = "press_usd"
        assert "una fonte diversa" in ex.summary_text() and "publisher" not in ex.summary_text()
        ax = ex.draw()
        assert " ".join(ax.get_title().split()).startswith("Commercio di beni tra Corea e Italia")
        assert " ".join(ax.get_ylabel().split()) == "Miliardi di USD (prezzi correnti)"
        source = " ".join(partnership.timeline().attrs["source"].split())
        assert source.startswith("Fonte: una fonte per evento (") and "publishers" not in source
    finally:
        language.set_language("en")
        plt.close("all")
    ax = plots.trade_bars(partnership.trade("korea_usd"), ylabel="USD billion (current prices)")
    assert "-1.81" in [t.get_text() for t in ax.texts]
    assert "Korea to Italy (Korea's exports)" in [
        t.get_text() for t in ax.get_legend().get_texts()
    ]
    plt.close("all")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["gallium — China", "rare earths, refining (2023)", "lithium hydroxide, 2022"]),
        ("ko", ["갈륨 — China", "희토류, 정련 (2023)", "수산화리튬, 2022"]),
        ("it", ["gallio — China", "terre rare, raffinazione (2023)", "idrossido di litio, 2022"]),
    ],
)
def test_a_bar_label_joined_from_parts_is_shown_in_the_edition_s_words(lang, expected):
    """Lesson 06 joins its bar labels in code (mineral + ' — ' + country; 'rare earths, ' +
    stage + ' (year)'; 'lithium hydroxide, ' + year): each part the glossary or the
    catalogue names is shown in the edition's words, the rest (here a country the data
    left in English, a year) as it is. English figures do not change."""
    from koit_lessons.plots._core import shown_name

    language.set_language(lang)
    try:
        shown = [
            shown_name(label)
            for label in ("gallium — China", "rare earths, refining (2023)", "lithium hydroxide, 2022")
        ]
        whole = shown_name("copper")
    finally:
        language.set_language("en")
    assert shown == expected
    assert whole == {"en": "copper", "ko": "구리", "it": "rame"}[lang]


def test_lesson_06_bar_names_joined_in_a_code_cell_are_in_the_edition_s_words():
    """Regression (second reader of lesson 06 in Italian): bars named by joining words in
    a code cell ("rare earths, refining (2023)", "gallium — Cina", "lithium hydroxide,
    2022") stayed English in the edition; each part is now shown as a bar's name is,
    and the English figures stay as they were."""
    import matplotlib

    matplotlib.use("Agg")
    import pandas as pd

    from koit_lessons import plots
    from koit_lessons.plots import _describe

    rows = pd.DataFrame(
        {
            "label": ["rare earths, refining (2023)", "gallium — Cina", "lithium hydroxide, 2022"],
            "share_pct": [92.0, 98.9, 79.6],
        }
    )
    try:
        language.set_language("it")
        ax = plots.barh(rows, "share_pct", "label", iso3=None, title="t", source="Source: x.")
        ticks = {t.get_text() for t in ax.get_yticklabels()}
        assert ticks == {
            "terre rare, raffinazione (2023)",
            "gallio — Cina",
            "idrossido di litio, 2022",
        }
        assert "refining" not in _describe.describe(ax)
        language.set_language("ko")
        ax = plots.barh(rows, "share_pct", "label", iso3=None, title="t", source="Source: x.")
        assert "희토류, 정련 (2023)" in {t.get_text() for t in ax.get_yticklabels()}
    finally:
        language.set_language("en")
    ax = plots.barh(rows, "share_pct", "label", iso3=None, title="t", source="Source: x.")
    assert "rare earths, refining (2023)" in {t.get_text() for t in ax.get_yticklabels()}
