"""Where the project's pages and snippets are, for the tests."""

from pathlib import Path

from tensornotes import project

ROOT = project.root(Path(__file__).parent)
DOCS = ROOT / "docs"
SNIPPETS = sorted((ROOT / "snippets").rglob("*.py"))
PAGES = sorted(DOCS.rglob("*.md"))


def relative(path: Path) -> str:
    """Name a path relative to the project root, for test ids and messages."""
    return path.relative_to(ROOT).as_posix()
