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
    assert len(capsys.readouterr().out.strip().splitlines()) == 4
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
