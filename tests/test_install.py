"""From a fresh install: build the wheel, install it (not editable) into a new virtual
environment, and run the CLI and the lesson notebooks from the installed copy while
proving that nothing writes into the installed package."""

import hashlib
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SANITIZE = ROOT / "tests" / "nbval_sanitize.cfg"


def _tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _make_read_only(folder: Path) -> None:
    for p in [folder, *folder.rglob("*")]:
        mode = p.stat().st_mode
        p.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    work = tmp_path_factory.mktemp("install")
    wheels = work / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(wheels), str(ROOT)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    wheel = next(wheels.glob("koit_lessons-*.whl"))
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / "bin" / "python"
    # The new environment sees this one's dependencies through a .pth file (added after
    # its own site-packages), so the test measures our wheel, not the network.
    site = Path(
        subprocess.run(
            [str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    deps = [p for p in sys.path if p.endswith("site-packages")]
    (site / "zz_test_dependencies.pth").write_text("\n".join(deps) + "\n", encoding="utf-8")
    subprocess.run(
        [str(py), "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    pkg = Path(
        subprocess.run(
            [str(py), "-c", "import koit_lessons, os; print(os.path.dirname(koit_lessons.__file__))"],
            check=True, capture_output=True, text=True, cwd=work,
        ).stdout.strip()
    )  # fmt: skip
    assert str(pkg).startswith(str(venv)), pkg  # the installed copy, not the source tree
    # compile once, then freeze the package: no file may change from here on
    subprocess.run([str(py), "-m", "compileall", "-q", str(pkg)], check=True)
    _make_read_only(pkg)
    before = _tree_digest(pkg)
    yield {"python": py, "package": pkg, "work": work}
    after = _tree_digest(pkg)
    for p in [pkg, *pkg.rglob("*")]:
        p.chmod(p.stat().st_mode | stat.S_IWUSR)
    assert after == before, "something wrote into the installed package"


def test_wheel_ships_data_and_notebooks(installed):
    pkg = installed["package"]
    assert (pkg / "_data" / "datapackage.json").is_file()
    assert any((pkg / "_notebooks").glob("00_*.ipynb"))


def test_installed_cli_start_print_only(installed):
    work = installed["work"] / "workspace"
    out = subprocess.run(
        [str(installed["python"]), "-m", "koit_lessons", "start", str(work), "--print-command"],
        capture_output=True, text=True, cwd=installed["work"],
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert (work / "00_start_here.ipynb").is_file()
    assert "jupyterlab" in out.stdout


def test_installed_notebooks_pass_nbval(installed):
    """The shipped (teacher) notebooks pass strict nbval when run from the installed copy
    (lenient --nbval-lax where KOIT_NBVAL_LAX is set: the oldest-dependency run, where
    pandas 2 prints some tables differently)."""
    mode = "--nbval-lax" if os.environ.get("KOIT_NBVAL_LAX") else "--nbval"
    nb_copy = installed["work"] / "nbval"
    shutil.copytree(installed["package"] / "_notebooks", nb_copy)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    out = subprocess.run(
        [str(installed["python"]), "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "addopts=",
         mode, "--nbval-current-env", f"--nbval-sanitize-with={SANITIZE}",
         "--rootdir", str(nb_copy), str(nb_copy)],
        capture_output=True, text=True, cwd=nb_copy, env=env, timeout=1800,
    )  # fmt: skip
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
    assert "passed" in out.stdout
