"""The strict build the tests run: one function, shared by the site fixture and the tests."""

import os
import subprocess
import sys

from tests.docs_tree import ROOT


def build(config, site_dir, cwd=ROOT):
    """Run a strict build (never -q: it hides the warnings strict mode counts)."""
    command = ["mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)]
    return subprocess.run(
        [sys.executable, "-m", *command],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
