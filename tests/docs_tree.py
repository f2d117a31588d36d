"""Where the project's pages and snippets are, and how the tests build the site."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = sorted((ROOT / "snippets").rglob("*.py"))
PAGES = sorted(DOCS.rglob("*.md"))


def relative(path: Path) -> str:
    """Name a path relative to the project root, for test ids and messages."""
    return path.relative_to(ROOT).as_posix()


def build(config: Path, site_dir: Path, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run a strict build (never -q: it hides the warnings strict mode counts)."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(config),
            "-d",
            str(site_dir),
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
