"""pytest collects the package's docstring examples (--doctest-modules in pyproject.toml);
modules that do something when imported are left out."""

collect_ignore = ["koit_lessons/__main__.py"]
