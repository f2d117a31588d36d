"""Run snippets in this interpreter, then check or refresh what their pages show.

One run proves three things about a snippet:

* it runs top to bottom and its ``assert`` statements hold;
* every embedded section runs *alone*, in a fresh namespace, as a reader pastes
  it: sections execute one by one, each in its own namespace, so a section that
  leans on a name from an earlier one fails with ``NameError`` here too. Code
  outside sections (checks the page does not show) sees every name defined so far;
* what each ``print`` printed equals the ``#>`` lines under it, and every file
  the snippet generates (a chart) equals the committed one.

[`refresh`][tensornotes.runner.refresh] rewrites the ``#>`` lines and generated
files from a fresh run; it is the only way shown output changes.
"""

from __future__ import annotations

import builtins
import contextlib
import difflib
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tensornotes import project
from tensornotes.snippet import PrintCall, Snippet, SnippetError, format_output

__all__ = [
    "OutputMismatch",
    "Run",
    "check",
    "emit_file",
    "refresh",
    "run",
    "stale_files",
    "stale_prints",
]

_ADDRESS = re.compile(r"0x[0-9a-fA-F]{6,}")
_active: list[Run] = []


class OutputMismatch(AssertionError):
    """Shown output or a generated file differs from a fresh run."""


@dataclass
class Run:
    """What one run of a snippet produced."""

    snippet: Snippet
    outputs: dict[int, str] = field(default_factory=dict)
    """Printed text, by the first line of the print statement."""
    files: dict[Path, bytes] = field(default_factory=dict)
    """Generated files, by absolute path."""


def emit_file(path: Path | str, data: bytes) -> Path:
    """Write a generated file, such as a chart, relative to the project root.

    Under the runner the bytes are collected instead, to be compared with the
    committed file (or written by [`refresh`][tensornotes.runner.refresh]).
    """
    target = (project.root() / path).resolve()
    if _active:
        _active[-1].files[target] = data
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return target


def _make_deterministic(seed: int = 0) -> None:
    """Fix the seeds, and run torch on one thread.

    One thread makes a check compute exactly what the refresh computed, whatever
    the number of cores, and lets test workers share the cores without contention.
    """
    random.seed(seed)
    with contextlib.suppress(ImportError):
        import numpy

        numpy.random.seed(seed)
    with contextlib.suppress(ImportError):
        import torch

        torch.manual_seed(seed)
        torch.set_num_threads(1)


def _chunks(snippet: Snippet) -> list[tuple[str | None, int, int]]:
    """Split the file into (section name or None, first line, last line) pieces."""
    pieces, line = [], 1
    for section in snippet.sections:
        if line <= section.first - 2:
            pieces.append((None, line, section.first - 2))
        pieces.append((section.name, section.first, section.last))
        line = section.last + 2
    if line <= len(snippet.lines):
        pieces.append((None, line, len(snippet.lines)))
    return pieces


def _source(snippet: Snippet, first: int, last: int) -> str:
    """Return lines first..last with every other line blank, so line numbers hold."""
    return "\n" * (first - 1) + "\n".join(snippet.lines[first - 1 : last]) + "\n"


def provider(snippet: Snippet, name: str, before: str | None = None) -> tuple[Snippet, str]:
    """Find the section that defines ``name`` for a later block.

    A section that starts with ``# needs saved_for_backward from the block above`` runs
    after that section, as a reader who pastes both blocks in order would run it. The
    nearest section above ``before`` in the same file defines it, or else exactly one
    section of the snippet's folder.
    """
    names = [s.name for s in snippet.sections]
    above = names[: names.index(before)] if before in names else []
    for section in reversed(above):
        if name in snippet.defines(section):
            return snippet, section
    found = []
    for path in sorted(snippet.path.parent.glob("*.py")):
        other = snippet if path == snippet.path else Snippet(path)
        found += [(other, s.name) for s in other.sections if name in other.defines(s.name)]
    if len(found) != 1:
        where = ", ".join(f"{o.path.name}:{n}" for o, n in found) or "no section"
        raise SnippetError(
            f"{snippet.path}: a section needs {name!r} from the block above, which must be "
            f"defined by exactly one section in {snippet.path.parent}; found {where}"
        )
    return found[0]


def run(path: Path | str, record: Run | None = None) -> Run:
    """Run the snippet at ``path`` section by section and return what it produced.

    Pass ``record``, a ``Run(Snippet(path))``, to keep what the snippet produced
    before an error: it is filled as the snippet runs.
    """
    result = record if record is not None else Run(Snippet(path))
    snippet = result.snippet
    filename = str(snippet.path.resolve())

    def capture(*args, sep=" ", end="\n", file=None, flush=False):
        if file is not None and file is not sys.stdout:
            return builtins.print(*args, sep=sep, end=end, file=file, flush=flush)
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename != filename:
            frame = frame.f_back
        call = snippet.print_at(frame.f_lineno) if frame is not None else None
        if call is None:
            raise SnippetError(f"{snippet.path}: print() called outside a print statement")
        text = sep.join(str(arg) for arg in args) + end
        result.outputs[call.first] = result.outputs.get(call.first, "") + text

    def namespace() -> dict:
        return {"__name__": "__main__", "__file__": filename, "print": capture}

    shared = namespace()
    scopes: dict[str, dict] = {}
    _make_deterministic()
    _active.append(result)
    sys.path.insert(0, str(snippet.path.resolve().parent))  # as `python snippet.py` does
    try:
        for name, first, last in _chunks(snippet):
            code = compile(_source(snippet, first, last), filename, "exec")
            if name is None:
                exec(code, shared)
                continue
            scope = namespace()
            _make_deterministic()  # a block pasted alone starts from the same seeds
            for needed in snippet.section(name).needs:
                other, section = provider(snippet, needed, before=name)
                if other is snippet:  # a block above in the same file: what it left behind
                    if section not in scopes:
                        raise SnippetError(
                            f"{snippet.path}: section {name!r} needs {needed!r} from the block "
                            f"above, but {section!r}, which defines it, comes after it"
                        )
                    scope.update(scopes[section])
                    continue
                where = other.section(section)  # a helper of another file, which prints nothing
                exec(compile(_source(other, where.first, where.last), str(other.path.resolve()),
                             "exec"), scope)
            try:
                exec(code, scope)
            except NameError as error:
                if error.name not in shared:  # defined nowhere above: a typo, say so as such
                    raise
                raise SnippetError(
                    f"{snippet.path}: section {name!r} is not copy-safe, it runs alone "
                    f"in a fresh namespace: {error}"
                ) from error
            shared.update(scope)
            scopes[name] = scope
    finally:
        _active.pop()
        sys.path.remove(str(snippet.path.resolve().parent))
    for line, text in result.outputs.items():
        if _ADDRESS.search(text):
            raise SnippetError(
                f"{snippet.path}:{line}: output shows a memory address, which changes "
                f"from run to run: {_ADDRESS.search(text).group()}"
            )
    return result


def _diff(label: str, shown: list[str], fresh: list[str]) -> str:
    return "\n".join(
        difflib.unified_diff(shown, fresh, f"{label} (shown)", f"{label} (fresh run)", lineterm="")
    )


def stale_prints(result: Run) -> list[tuple[PrintCall, list[str], list[str]]]:
    """Return each print whose shown ``#>`` lines differ from the run's, with both."""
    stale = []
    for call in result.snippet.prints:
        fresh = format_output(result.outputs[call.first]) if call.first in result.outputs else []
        shown = format_output("\n".join(call.shown)) if call.shown else []
        if fresh != shown:
            stale.append((call, shown, fresh))
    return stale


def stale_files(result: Run) -> list[Path]:
    """Return each generated file that is missing or differs from the run's bytes."""
    return [
        target
        for target, data in result.files.items()
        if not target.is_file() or target.read_bytes() != data
    ]


def check(path: Path | str) -> Run:
    """Run a snippet and raise ``OutputMismatch`` where a page would show stale output."""
    result = run(path)
    problems = [
        _diff(f"{result.snippet.path}:{call.first}", shown, fresh)
        for call, shown, fresh in stale_prints(result)
    ]
    for target in stale_files(result):
        if not target.is_file():
            problems.append(f"{target} is generated by {result.snippet.path} but missing")
        else:
            problems.append(f"{target} differs from what {result.snippet.path} generates")
    if problems:
        raise OutputMismatch(
            "\n".join(problems) + "\nRemake with: python -m tensornotes generate " + str(path)
        )
    return result


def refresh(path: Path | str) -> list[Path]:
    """Run a snippet and rewrite its ``#>`` output and generated files; return what changed."""
    result = run(path)
    changed = []
    text = result.snippet.with_outputs(result.outputs)
    if text != result.snippet.text:
        result.snippet.path.write_text(text, encoding="utf-8")
        changed.append(result.snippet.path)
    for target, data in result.files.items():
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            changed.append(target)
    return changed
