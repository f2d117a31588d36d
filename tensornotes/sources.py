"""Resolve source symbols to the exact lines of the pinned release.

A page writes ``[[transformers.models.bert.modeling_bert:BertEmbeddings.forward]]``
(``module:qualified.name``, the entry-point syntax) and the build turns it into
a link to that release's file and line range on GitHub; on a line of its own,
``[[source transformers.models.bert.modeling_bert:BertEmbeddings.forward]]``
shows the lines themselves in a collapsed block. Symbols are found by parsing the
installed package's files, so the build imports neither torch nor transformers.
"""

from __future__ import annotations

import ast
import functools
import importlib.util
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path

from tensornotes.versions import installed_version

__all__ = ["SYMBOL", "Source", "SourceError", "render", "resolve"]

SYMBOL = re.compile(r"\[\[(?P<source>source )?(?P<symbol>[A-Za-z_][\w.]*:[A-Za-z_][\w.]*)\]\]")
"""Matches ``[[module:qualname]]`` and ``[[source module:qualname]]`` in a page."""

# distribution -> (GitHub repository, folder of the package inside it)
_REPOSITORIES = {
    "transformers": ("huggingface/transformers", "src/transformers"),
    "torch": ("pytorch/pytorch", "torch"),
}


class SourceError(LookupError):
    """A symbol names no module, class or function of the installed release."""


@dataclass(frozen=True)
class Source:
    """Where a symbol is defined in the pinned release, and its lines."""

    symbol: str
    path: str
    """Path inside the GitHub repository, e.g. ``src/transformers/...py``."""
    start: int
    end: int
    lines: tuple[str, ...]
    package: str
    version: str
    url: str


@functools.cache
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _package_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise SourceError(f"package {package!r} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def _module_file(base: Path, module: str) -> Path:
    parts = module.split(".")[1:]
    candidates = [base.joinpath(*parts, "__init__.py")]
    if parts:
        candidates.insert(0, base.joinpath(*parts).with_suffix(".py"))
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise SourceError(f"module {module!r} does not exist in the installed {module.split('.')[0]}")


@functools.cache
def resolve(symbol: str) -> Source:
    """Find ``module:qualname`` in the installed package; raise ``SourceError`` if absent."""
    module, _, qualname = symbol.partition(":")
    package = module.split(".")[0]
    if package not in _REPOSITORIES:
        known = ", ".join(sorted(_REPOSITORIES))
        raise SourceError(f"{symbol!r}: only symbols of {known} are linked")
    base = _package_dir(package)
    path = _module_file(base, module)
    node: ast.AST = _tree(path)
    for part in qualname.split("."):
        body = getattr(node, "body", [])
        matches = [
            child
            for child in body
            if isinstance(child, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and child.name == part
        ]
        if not matches:
            raise SourceError(f"{symbol!r}: {module} has no {part!r} where the symbol names it")
        node = matches[-1]  # the last definition wins, as at import time
    start = min([node.lineno] + [d.lineno for d in node.decorator_list])
    end = node.end_lineno
    repository, folder = _REPOSITORIES[package]
    version = installed_version(package)
    relative = f"{folder}/{path.relative_to(base).as_posix()}"
    lines = tuple(path.read_text(encoding="utf-8").splitlines()[start - 1 : end])
    url = f"https://github.com/{repository}/blob/v{version}/{relative}#L{start}-L{end}"
    return Source(symbol, relative, start, end, lines, package, version, url)


def render(symbol: str, excerpt: bool) -> str:
    """Return Markdown for a symbol: an inline link, or a collapsed block of its source."""
    source = resolve(symbol)
    qualname = symbol.partition(":")[2]
    where = f"{source.path} L{source.start}-L{source.end}, {source.package} {source.version}"
    if not excerpt:
        return f'[`{qualname}`]({source.url} "{where}")'
    code = textwrap.dedent("\n".join(source.lines))
    body = f'[{where}]({source.url})\n\n```python linenums="{source.start}"\n{code}\n```'
    return f'??? quote "`{qualname}`"\n\n' + textwrap.indent(body, "    ") + "\n"
