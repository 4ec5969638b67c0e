#!/usr/bin/env python3
"""Execute lesson notebooks top to bottom in a fresh kernel and save them with outputs.

This is "Restart & Run All" for maintainers: run it after editing a lesson, then
commit the notebook. The stored outputs are what CI compares against (nbval).

    python scripts/execute_notebooks.py                 # every lesson
    python scripts/execute_notebooks.py notebooks/00_start_here.ipynb
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from koit_lessons._kernel import KernelManager

ROOT = Path(__file__).resolve().parents[1]


def execute(path: Path, timeout: int = 600) -> float:
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        kernel_manager_class=KernelManager,
        resources={"metadata": {"path": str(ROOT / "notebooks")}},
        record_timing=False,
    ).execute()
    elapsed = time.perf_counter() - start
    # Keep outputs free of run-specific metadata so diffs stay small.
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(nb, path)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args()
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    for path in paths:
        print(f"executing {path.name} ...", flush=True)
        print(f"  done in {execute(path):.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
