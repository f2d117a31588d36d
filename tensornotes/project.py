"""The project: where it is, what it pins, and what its navigation lists.

Every path the package, the hooks, the scripts and the tests use starts from
[`root`][tensornotes.project.root], found by looking up from the working
directory for ``mkdocs.yml`` (so a non-editable install works from a checkout);
``mkdocs.yml`` and ``pyproject.toml`` are read once each.
"""

from __future__ import annotations

import functools
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

__all__ = [
    "Part",
    "ProjectError",
    "config",
    "docs",
    "nav_parts",
    "parts",
    "pin",
    "pins",
    "read_config",
    "root",
]

MARKER = "mkdocs.yml"
"""The file that marks the project's root directory."""


class ProjectError(RuntimeError):
    """The project cannot be found, or one of its files says something it cannot use."""


@functools.cache
def _root_from(start: Path) -> Path:
    for folder in (start, *start.parents):
        if (folder / MARKER).is_file():
            return folder
    raise ProjectError(
        f"no {MARKER} in {start} or any folder above it: run from inside the project's checkout"
    )


def root(start: Path | str | None = None) -> Path:
    """Return the project's root: the nearest folder at or above ``start`` holding ``mkdocs.yml``.

    ``start`` defaults to the working directory. Raises
    [`ProjectError`][tensornotes.project.ProjectError] when no folder above holds one.
    """
    return _root_from(Path(start or os.getcwd()).resolve())


def docs(at: Path | None = None) -> Path:
    """Return the pages' folder, ``docs/``, of the project (or of the project at ``at``)."""
    return (at or root()) / "docs"


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml: tags such as ``!ENV`` or ``!!python/name:`` become None."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(path: Path) -> dict:
    """Read an mkdocs.yml; values behind tags (``!ENV REPO_URL``) read as None."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


@functools.cache
def _config(path: Path) -> dict:
    return read_config(path)


def config(at: Path | None = None) -> dict:
    """Return the project's ``mkdocs.yml`` (or the one at ``at``), read once; tags read as None."""
    return _config((at or root()) / MARKER)


@functools.cache
def _pins(path: Path) -> dict[str, Requirement]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    requirements = (Requirement(line) for line in data["project"]["dependencies"])
    return {canonicalize_name(requirement.name): requirement for requirement in requirements}


def pins(at: Path | None = None) -> dict[str, Requirement]:
    """Return the dependencies in the project's ``pyproject.toml``, by normalized name."""
    return _pins((at or root()) / "pyproject.toml")


def pin(name: str, at: Path | None = None) -> str:
    """Return the version ``pyproject.toml`` pins ``name`` to (``==``); raise if it pins none."""
    requirement = pins(at).get(canonicalize_name(name))
    exact = [s.version for s in requirement.specifier if s.operator == "=="] if requirement else []
    if len(exact) != 1:
        raise ProjectError(f"pyproject.toml pins no single version of {name} ({requirement})")
    return exact[0]


@dataclass(frozen=True)
class Part:
    """A top-level section of the nav: its title, pages and notebook (paths under ``docs/``)."""

    title: str
    """The section's title in ``nav`` (English)."""
    pages: tuple[str, ...]
    """The section's Markdown pages, nested sections flattened, in nav order."""
    notebook: str | None
    """The section's notebook (``tokenizer/notebook.ipynb``), if it lists one."""

    @property
    def index(self) -> str | None:
        """The section's index page (``tokenizer/index.md``), if it has one."""
        return next((page for page in self.pages if page.endswith("/index.md")), None)


def _entries(items: list, where: str) -> list[str]:
    """Flatten a nav subtree into its file paths, in order."""
    found = []
    for item in items:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict) and len(item) == 1:
            ((title, value),) = item.items()
            nested = [value] if isinstance(value, str) else _entries(value, f"{where} > {title}")
            found.extend(nested)
        else:
            raise ProjectError(f"mkdocs.yml nav, {where}: cannot read the entry {item!r}")
    return found


def nav_parts(nav: list) -> list[Part]:
    """Read the parts of a ``nav`` (mkdocs.yml's list): each top-level section, in order.

    A section may nest sections; their pages count as the part's. Raises
    [`ProjectError`][tensornotes.project.ProjectError] on an entry it cannot read
    or a section that lists more than one notebook.
    """
    found = []
    for item in nav:
        if not isinstance(item, dict):
            continue
        ((title, value),) = item.items()
        if not isinstance(value, list):
            continue
        entries = _entries(value, title)
        notebooks = [entry for entry in entries if entry.endswith(".ipynb")]
        if len(notebooks) > 1:
            raise ProjectError(f"mkdocs.yml nav: section {title!r} lists more than one notebook")
        pages = tuple(entry for entry in entries if entry.endswith(".md"))
        found.append(Part(title, pages, notebooks[0] if notebooks else None))
    return found


def parts(at: Path | None = None) -> list[Part]:
    """Return the parts of the project's nav (or of the project at ``at``)."""
    return nav_parts(config(at).get("nav") or [])
