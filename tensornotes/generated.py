"""Every committed generated file, remade or checked by one command.

``python -m tensornotes generate`` rewrites, and ``generate --check`` compares
without writing (the tests run the same checks):

* the shown output of every snippet (its ``#>`` lines) and the files snippets
  write (charts, ``journey.json``), by running each snippet
  ([`tensornotes.runner`][tensornotes.runner]);
* every part's notebooks, in each language ([`tensornotes.notebooks`][tensornotes.notebooks]);
* the tokenizer playground's data file ([`tensornotes.playground`][tensornotes.playground]).

Given snippet paths, only those snippets run; the notebooks and the playground
data, which are quick, are always remade (notebooks after the snippets, whose
outputs they hold).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tensornotes import project

__all__ = [
    "Stale",
    "check",
    "regenerate",
    "snippet_paths",
    "stale_notebooks",
    "stale_playground_data",
    "write_notebooks",
    "write_playground_data",
]

COMMAND = "python -m tensornotes generate"
"""The command that remakes every generated file."""


class Stale(AssertionError):
    """Committed generated files differ from a fresh generation; the message says which."""


def snippet_paths(paths: Iterable[Path | str] = ()) -> list[Path]:
    """Return the snippet files named (folders expand to their ``.py`` files), or all of them."""
    folders = [Path(path) for path in paths] or [project.root() / "snippets"]
    return [
        found
        for path in folders
        for found in (sorted(path.rglob("*.py")) if path.is_dir() else [path])
    ]


def stale_notebooks() -> list[str]:
    """Say, for each committed notebook that differs from a fresh generation, where."""
    from tensornotes import languages, notebooks

    problems = []
    for part in notebooks.parts():
        for language in languages.codes():
            path = notebooks.notebook_path(part, language)
            committed = path.read_text(encoding="utf-8") if path.is_file() else ""
            where = notebooks.first_difference(committed, notebooks.build(part, language))
            if where:
                problems.append(f"{path}: {where}")
    return problems


def stale_playground_data() -> str | None:
    """Say how the playground's data file is stale, or return None."""
    from tensornotes.playground import DATA_FILE, data_script

    path = project.root() / DATA_FILE
    if path.is_file() and path.read_text(encoding="utf-8") == data_script():
        return None
    return f"{path} differs from the hub cache's tokenizer files and the installed tokenizers"


def check(paths: Iterable[Path | str] = ()) -> None:
    """Raise [`Stale`][tensornotes.generated.Stale] naming every stale generated file."""
    from tensornotes import hub, runner

    hub.activate()
    problems = []
    for path in snippet_paths(paths):
        try:
            runner.check(path)
        except runner.OutputMismatch as mismatch:
            problems.append(str(mismatch))
    problems += stale_notebooks()
    problems += [problem] if (problem := stale_playground_data()) else []
    if problems:
        raise Stale("\n".join(problems) + f"\nRemake them with: {COMMAND}")


def write_notebooks() -> list[Path]:
    """Rewrite the notebooks that differ from a fresh generation; return them."""
    from tensornotes import notebooks

    return notebooks.generate()


def write_playground_data() -> list[Path]:
    """Rewrite the playground's data file if it is stale; return it if written."""
    from tensornotes.playground import DATA_FILE, data_script

    target = project.root() / DATA_FILE
    data = data_script()
    if target.is_file() and target.read_text(encoding="utf-8") == data:
        return []
    target.write_text(data, encoding="utf-8")
    return [target]


def regenerate(paths: Iterable[Path | str] = ()) -> list[Path]:
    """Rewrite every stale generated file (see the module's list); return those written."""
    from tensornotes import hub, runner

    hub.activate()
    written = [changed for path in snippet_paths(paths) for changed in runner.refresh(path)]
    return written + write_notebooks() + write_playground_data()
