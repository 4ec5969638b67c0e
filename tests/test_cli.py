import json
import os
import shlex
import subprocess
import sys

import pytest

from koit_lessons import cli


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "koit_lessons", *args], capture_output=True, text=True, timeout=120
    )


def test_help_does_not_import_pandas_or_matplotlib():
    code = (
        "import sys\nfrom koit_lessons import cli\n"
        "try:\n    cli.main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('pandas' in sys.modules, 'matplotlib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip().splitlines()[-1] == "False False"


def test_list_shows_lessons_in_order(capsys):
    assert cli.main(["list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("00  Start here")
    assert "min)" in lines[0]


def test_data_commands(capsys):
    assert cli.main(["data", "list"]) == 0
    assert "mineral_production" in capsys.readouterr().out
    assert cli.main(["data", "show", "mineral_production", "-n", "3"]) == 0
    assert capsys.readouterr().out.count("Mine production, bauxite (dry weight)") == 3
    assert cli.main(["data", "cite", "mineral_production"]) == 0
    assert "U.S. Geological Survey" in capsys.readouterr().out


def test_unknown_data_set_is_a_clear_error_and_nonzero_exit():
    out = run("data", "show", "mineral_prodution")
    assert out.returncode == 2
    assert "Did you mean 'mineral_production'" in out.stderr
    assert "Traceback" not in out.stderr


@pytest.mark.parametrize(
    "args", [[], ["lessons"], ["data"], ["data", "show"], ["data", "show", "x", "-n", "many"]]
)
def test_bad_arguments_exit_nonzero_with_usage(args):
    out = run(*args)
    assert out.returncode == 2
    assert "usage:" in out.stderr and "Traceback" not in out.stderr


def test_start_writes_student_set_and_prints_command(tmp_path):
    work = tmp_path / "work"
    out = run("start", str(work), "--print-command")
    assert out.returncode == 0, out.stderr
    assert (work / "00_start_here.ipynb").exists()
    assert "jupyterlab" in out.stdout and str(work) in out.stdout
    (work / "00_start_here.ipynb").write_text("student work", encoding="utf-8")
    out = run("start", str(work), "--print-command")
    assert "kept" in out.stdout
    assert (work / "00_start_here.ipynb").read_text(encoding="utf-8") == "student work"


def test_start_refuses_a_file_as_folder(tmp_path):
    f = tmp_path / "file.txt"
    f.write_text("x")
    out = run("start", str(f), "--print-command")
    assert out.returncode == 2 and "is a file, not a folder" in out.stderr


def run_in(folder, *args, **env):
    return subprocess.run(
        [sys.executable, "-m", "koit_lessons", *args],
        capture_output=True, text=True, timeout=120, cwd=folder, env={**os.environ, **env},
    )  # fmt: skip


def test_start_with_a_lesson_number_opens_that_lesson_not_a_folder_named_so(tmp_path):
    """Regression: `start 00` made a folder named 00."""
    out = run_in(tmp_path, "start", "04", "--print-command")
    assert out.returncode == 0, out.stderr
    assert not (tmp_path / "04").exists()
    assert (tmp_path / cli.DEFAULT_WORKSPACE / "04_who_mines_who_refines.ipynb").exists()
    assert "--LabApp.default_url=/lab/tree/04_who_mines_who_refines.ipynb" in out.stdout
    out = run_in(tmp_path, "start", "./04", "--lesson", "3", "--print-command")
    assert out.returncode == 0 and (tmp_path / "04" / "00_start_here.ipynb").exists()
    assert "/lab/tree/03_memory_hbm_korea.ipynb" in out.stdout


@pytest.mark.parametrize(
    "args, message",
    [
        (["12"], "There is no lesson 12 (lessons are 00 to 09; 'koit-lessons list' shows"),
        (["04", "--lesson", "03"], "To use a folder named 04, write it as ./04."),
        (["--lesson", "x"], "There is no lesson called 'x'"),
    ],
)
def test_start_says_what_is_wrong_with_a_lesson_number(tmp_path, args, message):
    out = run_in(tmp_path, "start", *args, "--print-command")
    assert out.returncode == 2 and message in out.stderr and "Traceback" not in out.stderr
    assert list(tmp_path.iterdir()) == []  # nothing made


def test_start_switches_off_the_jupyter_news_question_in_its_workspace(tmp_path):
    work = tmp_path / "work"
    out = run_in(tmp_path, "start", str(work), "--print-command")
    command = shlex.split(out.stdout.strip().splitlines()[-1])
    config = work / ".koit-lessons" / "jupyter-config"
    assert command[:2] == ["env", f"JUPYTER_CONFIG_PATH={config}"]
    overrides = config / "labconfig" / "default_setting_overrides.json"
    assert json.loads(overrides.read_text()) == cli.LAB_DEFAULTS
    assert cli.LAB_DEFAULTS["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    overrides.write_text('{"my": "own"}')  # a teacher's edit is kept
    run_in(tmp_path, "start", str(work), "--print-command", JUPYTER_CONFIG_PATH="/etc/x")
    assert overrides.read_text() == '{"my": "own"}'


@pytest.mark.parametrize("width", ["80", "100"])
def test_data_list_fits_the_terminal(tmp_path, width):
    """Regression: lines up to 1,574 characters wide."""
    out = run_in(tmp_path, "data", "list", COLUMNS=width)
    lines = out.stdout.splitlines()
    assert out.returncode == 0 and len(lines) > 60
    assert max(cli.columns(line) for line in lines) <= int(width)
    assert "koit-lessons data cite NAME" in out.stdout and "[...]" in out.stdout


def test_data_show_fits_100_columns_and_forgives_case_and_spaces(tmp_path):
    out = run_in(tmp_path, "data", "show", " Alliance_Memberships ", "-n", "3", COLUMNS="100")
    assert out.returncode == 0, out.stderr
    assert max(cli.columns(line) for line in out.stdout.splitlines()) <= 100


@pytest.mark.parametrize("action", ["show", "cite"])
def test_command_line_messages_name_commands_not_python_calls(tmp_path, action):
    out = run_in(tmp_path, "data", action, "nonsense")
    assert out.returncode == 2
    assert "(koit-lessons data list shows them all)" in out.stderr
    assert "data.list_datasets()" not in out.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["--jobs", "0"], "--jobs must be 1 or more, not 0."),
        (["--timeout", "-1"], "--timeout must be more than 0 (seconds), not -1."),
        (["--timeout", "nan"], "--timeout must be more than 0 (seconds), not nan."),
        (["--cell-timeout", "0"], "--cell-timeout must be more than 0 (seconds), not 0."),
        (["--memory", "100"], "--memory must be 256 (MiB) or more, not 100."),
    ],
)
def test_grade_options_get_one_sentence_naming_the_option(tmp_path, args, message):
    out = run_in(tmp_path, "grade", "00", str(tmp_path), *args)
    assert out.returncode == 2 and out.stderr.strip() == f"koit-lessons: {message}"
    assert out.stdout == ""  # said before anything else happens


def test_grade_names_an_unknown_lesson_before_starting(tmp_path):
    out = run_in(tmp_path, "grade", "12", str(tmp_path))
    assert out.returncode == 2 and "There is no lesson called '12'" in out.stderr
    assert out.stdout == ""


def test_export_nbgrader_without_a_folder_says_only_the_folder_is_needed(tmp_path):
    """Regression: argparse said both dir and LESSON were required."""
    out = run_in(tmp_path, "export-nbgrader")
    assert out.returncode == 2 and "LESSON" not in out.stderr
    assert "export-nbgrader needs the nbgrader course folder" in out.stderr
