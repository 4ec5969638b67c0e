"""In a real browser: JupyterLab on a student workspace made by ``koit-lessons start``,
each lesson opened in headless Chromium, every cell run, no cell showing an error,
widgets rendered, and a widget control moved to check that its output changes.

Needs Debian's ``chromium`` (``.ci/run`` installs it) and the ``playwright`` Python
package (in the ``test`` extra), which drives that browser: no browser is downloaded.
Screenshots go to ``test-artifacts/browser/``.
"""

from __future__ import annotations

import json
import os
import secrets
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from koit_lessons import lessons
from koit_lessons.plots._describe import SUMMARY

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if CHROMIUM is None and os.environ.get("KOIT_REQUIRE_BROWSER"):
    raise RuntimeError("KOIT_REQUIRE_BROWSER is set but Chromium is not installed")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"
    ),
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "browser"
LESSONS = lessons.lessons()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("lab")
    workspace = tmp / "workspace"
    out = subprocess.run(
        [sys.executable, "-m", "koit_lessons", "start", str(workspace), "--print-command"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    command = shlex.split(out.stdout.strip().splitlines()[-1])
    port, token = _free_port(), secrets.token_hex(16)
    command += [
        f"--ServerApp.port={port}",
        "--ServerApp.ip=127.0.0.1",
        f"--IdentityProvider.token={token}",
        "--ServerApp.open_browser=False",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    # Render every cell (JupyterLab 4 otherwise only renders the cells in view).
    settings = tmp / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    env = {**os.environ, "HOME": str(tmp), "JUPYTER_CONFIG_DIR": str(tmp / "config"),
           "JUPYTERLAB_SETTINGS_DIR": str(tmp / "settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(tmp / "workspaces")}  # fmt: skip
    log = (tmp / "lab.log").open("w")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        server.terminate()
        pytest.fail("JupyterLab did not start: " + (tmp / "lab.log").read_text())
    yield {"base": base, "token": token, "workspace": workspace}
    server.terminate()
    server.wait(timeout=30)


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        yield b
        b.close()


def _wait_all_run(page, timeout_s: float = 240) -> None:
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        prompts = page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()
        if prompts and all(
            p.strip().startswith("[") and p.strip()[1:-2].isdigit() for p in prompts
        ):
            return
        time.sleep(0.5)
    raise AssertionError(f"not every cell ran: prompts {prompts}")


def _wait_kernel_idle(page, timeout_s: float = 90) -> None:
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        if "Idle" in page.locator(".jp-StatusBar-Widget").all_inner_texts().__str__():
            return
        time.sleep(0.5)
    raise AssertionError("the kernel did not become idle")


def _started(page, timeout_s: float = 20) -> bool:
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        prompts = page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()
        if any(p.strip() not in ("[ ]:", "") for p in prompts):
            return True
        time.sleep(0.5)
    return False


def _widget_text(page) -> str:
    return page.locator(".jupyter-widgets, .widget-output, .jp-OutputArea-output").evaluate_all(
        "els => els.map(e => e.innerText + (e.querySelector('img') ? e.querySelector('img').src.slice(-200) : '')).join('|')"
    )  # fmt: skip


def _shut_down_kernels(lab) -> None:
    """Stop the kernels a lesson started, so lessons do not compete for the CPU."""
    url = f"{lab['base']}/api/sessions?token={lab['token']}"
    for session in json.loads(urllib.request.urlopen(url, timeout=10).read()):
        request = urllib.request.Request(
            f"{lab['base']}/api/sessions/{session['id']}?token={lab['token']}", method="DELETE"
        )
        urllib.request.urlopen(request, timeout=30)


@pytest.fixture()
def clean_lab(lab):
    yield lab
    _shut_down_kernels(lab)


@pytest.mark.parametrize("item", LESSONS, ids=[x.number for x in LESSONS])
def test_lesson_runs_in_the_browser(item, clean_lab, browser):
    lab = clean_lab
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # a fresh JupyterLab workspace per lesson, so no other notebook is open in the page
    page.goto(
        f"{lab['base']}/lab/workspaces/lesson{item.number}/tree/{item.filename}"
        f"?reset&token={lab['token']}"
    )
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60_000)
    _wait_kernel_idle(page)
    for _attempt in range(3):  # the first click can land before the notebook is ready
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-item", has_text="Run All Cells").first.click()
        if _started(page):
            break
        page.keyboard.press("Escape")
    _wait_all_run(page)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)
    page.screenshot(path=str(ARTIFACTS / f"{item.number}-after-run.png"), full_page=False)
    # the workspace `start` makes switches off JupyterLab's news question, which otherwise
    # covers the lesson (regression)
    assert page.get_by_text("official Jupyter news").count() == 0

    stderr = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    shown = [t for t in stderr.all_inner_texts() if "Error" in t or "Traceback" in t]
    assert not shown, shown[0][:2000]

    # JupyterLab puts no alt text on output images: each figure's description is in the
    # page as a closed "details" element under it, which opens to its words (issue 17)
    if page.locator(".jp-OutputArea-output img").count():
        words = page.locator(".jp-OutputArea-output details.koit-figure-description")
        assert words.count() >= 1, "no figure description in the page"
        first = words.first
        first.scroll_into_view_if_needed()
        assert first.locator("summary").inner_text().strip() == SUMMARY
        first.locator("summary").click()
        assert len(first.inner_text()) > len(SUMMARY) + 40, first.inner_text()

    # the teacher version's stored outputs say whether this lesson shows widgets
    if "widget-view" not in json.dumps(item.read()):
        page.close()
        return
    # widgets rendered (not the "Loading widget..." placeholder), then move a control
    page.wait_for_selector(".jupyter-widgets select, .jupyter-widgets .noUi-handle", timeout=30_000)
    # move every menu and slider in turn: each must change what the widget shows
    controls = page.locator(".jupyter-widgets select, .jupyter-widgets .noUi-handle")
    moved = 0
    for index in range(controls.count()):
        control = controls.nth(index)
        control.scroll_into_view_if_needed()
        before = _widget_text(page)
        if control.evaluate("e => e.tagName.toLowerCase()") == "select":
            options = control.locator("option").all_inner_texts()
            # an option no menu shows now: moving Country A to Country B's country (or
            # both to the first name, Albania) would only test the "pick two different
            # countries" sentence
            taken = set(page.locator(".jupyter-widgets select option:checked").all_inner_texts())
            fresh = [o for o in options if o not in taken]
            if not fresh:
                continue
            control.select_option(label=fresh[0])
        else:
            control.focus()
            at_max = control.get_attribute("aria-valuenow") == control.get_attribute(
                "aria-valuemax"
            )
            page.keyboard.press("ArrowLeft" if at_max else "ArrowRight")
        deadline = time.time() + 30
        while time.time() < deadline and _widget_text(page) == before:
            time.sleep(0.3)
        assert _widget_text(page) != before, f"control {index} changed nothing"
        moved += 1
    assert moved >= 1
    assert "pick two different" not in _widget_text(page)
    page.screenshot(path=str(ARTIFACTS / f"{item.number}-after-control.png"), full_page=False)
    assert not errors, errors
    page.close()
