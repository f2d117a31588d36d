"""The site states the versions pyproject.toml pins, and those are the installed ones."""

import tomllib

from tensornotes.versions import STATED, installed_version
from tests.docs_tree import ROOT


def test_stated_versions_are_the_pinned_ones():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = dict(line.split("==") for line in project["dependencies"])
    for name in STATED:
        assert installed_version(name) == pins[name], name
