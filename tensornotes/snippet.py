"""Parse a snippet file: its embedded sections, its ``print`` calls and their shown output.

A snippet is a plain Python script. Lines between ``# --8<-- [start:name]`` and
``# --8<-- [end:name]`` form a *section* that a page embeds. Under each
``print(...)`` sits what it printed, as ``#>`` comments, the way Pydantic's docs
show output; [`tensornotes.runner`][tensornotes.runner] checks and refreshes them.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["OUTPUT_LINE", "OUTPUT_PREFIX", "Section", "Snippet", "SnippetError", "format_output"]

OUTPUT_PREFIX = "#>"
"""Marks a comment line that holds printed output."""

_MARKER = re.compile(r"^# --8<-- \[(start|end):([\w-]+)\]\s*$")
OUTPUT_LINE = re.compile(r"^\s*#>( |$)")
"""A ``#>`` line: output shown under a print."""
_NEEDS = re.compile(r"^# needs (\w+(?:, \w+)*) from the block above\s*$")


class SnippetError(ValueError):
    """A snippet file is malformed: unbalanced or nested sections, a bad marker."""


@dataclass(frozen=True)
class Section:
    """A named, embeddable range of a snippet: lines ``first`` to ``last``, 1-based, inclusive."""

    name: str
    first: int
    last: int
    needs: tuple[str, ...] = ()
    """Names the section uses from an earlier block of its page, declared on its first
    line as ``# needs saved_for_backward from the block above``: what to paste first."""


@dataclass(frozen=True)
class PrintCall:
    """A ``print(...)`` statement spanning lines ``first`` to ``last``, and its ``#>`` lines."""

    first: int
    last: int
    indent: str
    shown: tuple[str, ...]


def format_output(text: str, indent: str = "") -> list[str]:
    """Turn printed text into ``#>`` comment lines."""
    lines = text[:-1].split("\n") if text.endswith("\n") else text.split("\n")
    return [f"{indent}{OUTPUT_PREFIX} {line}".rstrip() for line in lines]


class Snippet:
    """One snippet file, parsed: sections and print calls with their shown output."""

    def __init__(self, path: Path | str, text: str | None = None):
        self.path = Path(path)
        self.text = self.path.read_text(encoding="utf-8") if text is None else text
        self.lines = self.text.splitlines()
        self.sections = self._parse_sections()
        self.prints = self._parse_prints()

    def _fail(self, line: int, message: str) -> SnippetError:
        return SnippetError(f"{self.path}:{line}: {message}")

    def _parse_sections(self) -> list[Section]:
        sections: list[Section] = []
        open_name, open_line = None, 0
        for number, line in enumerate(self.lines, 1):
            if "--8<--" not in line:
                continue
            match = _MARKER.match(line)
            if not match:
                raise self._fail(number, f"malformed section marker {line.strip()!r}")
            kind, name = match.groups()
            if kind == "start":
                if open_name:
                    raise self._fail(number, f"section {name!r} starts inside {open_name!r}")
                if any(s.name == name for s in sections):
                    raise self._fail(number, f"section {name!r} is defined twice")
                open_name, open_line = name, number
            else:
                if name != open_name:
                    raise self._fail(number, f"end of {name!r} without its start")
                first = self.lines[open_line] if open_line < number - 1 else ""
                needs = _NEEDS.match(first)
                names = tuple(needs.group(1).split(", ")) if needs else ()
                sections.append(Section(name, open_line + 1, number - 1, names))
                open_name = None
        if open_name:
            raise self._fail(open_line, f"section {open_name!r} is never ended")
        return sections

    def _parse_prints(self) -> list[PrintCall]:
        try:
            tree = ast.parse(self.text, filename=str(self.path))
        except SyntaxError as error:
            raise self._fail(error.lineno or 0, f"syntax error: {error.msg}") from error
        calls = []
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Expr)
                and isinstance(node.value, ast.Call)
                and isinstance(node.value.func, ast.Name)
                and node.value.func.id == "print"
            ):
                line = self.lines[node.lineno - 1]
                indent = line[: len(line) - len(line.lstrip())]
                shown = []
                for following in self.lines[node.end_lineno :]:
                    if not OUTPUT_LINE.match(following):
                        break
                    shown.append(following.strip()[len(OUTPUT_PREFIX) :].removeprefix(" "))
                calls.append(PrintCall(node.lineno, node.end_lineno, indent, tuple(shown)))
        for node in ast.walk(tree):
            if isinstance(node, ast.For | ast.While | ast.AsyncFor):
                inside = sorted(c.first for c in calls if node.lineno <= c.first <= node.end_lineno)
                if len(inside) > 1:
                    raise self._fail(
                        node.lineno,
                        f"a loop with {len(inside)} prints (lines {inside}): their output "
                        "alternates, which `#>` lines under each cannot show; print once per "
                        'iteration, e.g. print(a, b, sep="\\n")',
                    )
        return sorted(calls, key=lambda call: call.first)

    def section(self, name: str) -> Section:
        """Return the section called ``name``, or raise ``SnippetError``."""
        for section in self.sections:
            if section.name == name:
                return section
        raise SnippetError(f"{self.path} has no section {name!r}")

    def defines(self, name: str) -> set[str]:
        """Return the names that section ``name`` defines at its top level (def, class, =)."""
        section = self.section(name)
        code = "\n".join(self.lines[section.first - 1 : section.last])
        names = set()
        for node in ast.parse(code).body:
            if isinstance(node, ast.FunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Assign):
                for target in node.targets:
                    names.update(n.id for n in ast.walk(target) if isinstance(n, ast.Name))
        return names

    def code_lines(self, name: str) -> int:
        """Count the lines of code a page shows for section ``name``: not blank, not ``#>``."""
        section = self.section(name)
        shown = self.lines[section.first - 1 : section.last]
        return sum(1 for line in shown if line.strip() and not OUTPUT_LINE.match(line))

    def print_at(self, line: int) -> PrintCall | None:
        """Return the print statement that spans ``line``, if any."""
        for call in self.prints:
            if call.first <= line <= call.last:
                return call
        return None

    def shown_output(self) -> str:
        """Return all the ``#>`` output the file shows, as one text."""
        return "\n".join(line for call in self.prints for line in call.shown)

    def with_outputs(self, outputs: dict[int, str]) -> str:
        """Return the file's text with each print's ``#>`` lines replaced.

        ``outputs`` maps a print's first line to what it printed; a print
        missing from it printed nothing.
        """
        new_lines: list[str] = []
        skip_until = 0
        by_last = {call.last: call for call in self.prints}
        for number, line in enumerate(self.lines, 1):
            if number <= skip_until:
                continue
            new_lines.append(line)
            call = by_last.get(number)
            if call is not None:
                skip_until = number + len(call.shown)
                text = outputs.get(call.first, "")
                if text:
                    new_lines.extend(format_output(text, call.indent))
        return "\n".join(new_lines) + "\n"
