"""The site's languages, read from the i18n plugin's configuration in ``mkdocs.yml``.

mkdocs-static-i18n's suffix structure names a page's translation by a suffix
before the extension (``page.md``, ``page.zh.md``; ``notebook.zh.ipynb``,
``chart.zh.svg``). [`localized`][tensornotes.languages.localized] adds it,
[`source_of`][tensornotes.languages.source_of] takes it off, and
[`strings`][tensornotes.languages.strings] returns a language's texts from the
one catalog, ``tensornotes/strings.py``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TypeVar

from tensornotes import project
from tensornotes.strings import CATALOG

__all__ = [
    "Language",
    "UnknownLanguage",
    "build_strings",
    "check",
    "codes",
    "default",
    "language_of",
    "localized",
    "nav_title",
    "pages_in",
    "source_of",
    "strings",
]

P = TypeVar("P", str, PurePath)


class UnknownLanguage(ValueError):
    """A language the site does not build."""


@dataclass(frozen=True)
class Language:
    """One language of the site, as the i18n plugin lists it."""

    code: str
    """The plugin's ``locale``: ``en``, ``zh``."""
    name: str
    """The name the language switcher shows."""
    default: bool
    """Whether its pages are the unsuffixed ones, served at the site's root."""
    nav_translations: tuple[tuple[str, str], ...] = ()
    """The plugin's ``nav_translations``: (English nav title, title in this language)."""


@functools.cache
def languages() -> tuple[Language, ...]:
    """Return the languages of the site, the default first, from mkdocs.yml's i18n plugin."""
    for plugin in project.config().get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            found = [
                Language(
                    item["locale"],
                    item["name"],
                    bool(item.get("default")),
                    tuple((item.get("nav_translations") or {}).items()),
                )
                for item in plugin["i18n"]["languages"]
            ]
            if [language.default for language in found].count(True) != 1:
                raise project.ProjectError("mkdocs.yml: the i18n plugin needs one default language")
            return tuple(sorted(found, key=lambda language: not language.default))
    raise project.ProjectError("mkdocs.yml lists no i18n plugin, so the site has no languages")


def codes() -> tuple[str, ...]:
    """Return the codes of the site's languages, the default first: ``("en", "zh")``."""
    return tuple(language.code for language in languages())


def default() -> str:
    """Return the default language's code."""
    return languages()[0].code


def check(code: str) -> str:
    """Return ``code`` if the site builds that language, else raise ``UnknownLanguage``."""
    if code not in codes():
        raise UnknownLanguage(f"unknown language {code!r}: the site builds {', '.join(codes())}")
    return code


def nav_title(title: str, language: str) -> str:
    """Return a nav section's title (as ``nav`` writes it) in ``language``."""
    check(language)
    language_entry = next(entry for entry in languages() if entry.code == language)
    return dict(language_entry.nav_translations).get(title, title)


def localized(path: P, language: str) -> P:
    """Return the name of ``path`` (a default-language file) in ``language``.

    ``tokenizer/index.md`` in ``zh`` is ``tokenizer/index.zh.md``; in the default
    language the path itself. Works on strings and paths alike.
    """
    if check(language) == default():
        return path
    pure = PurePath(path)
    name = pure.with_name(f"{pure.stem}.{language}{pure.suffix}")
    return type(path)(name) if not isinstance(path, str) else name.as_posix()


def language_of(path: str | PurePath) -> str:
    """Return the language of a file by its suffix: ``x.zh.md`` is ``zh``, ``x.md`` the default."""
    suffixes = PurePath(path).suffixes
    if len(suffixes) >= 2 and suffixes[-2][1:] in codes():
        return suffixes[-2][1:]
    return default()


def source_of(path: P) -> P:
    """Return the default-language file that ``path`` translates (``x.zh.md`` -> ``x.md``)."""
    language = language_of(path)
    if language == default():
        return path
    pure = PurePath(path)
    name = pure.with_name(pure.name.replace(f".{language}{pure.suffix}", pure.suffix))
    return type(path)(name) if not isinstance(path, str) else name.as_posix()


def pages_in(language: str, docs: Path | None = None) -> list[Path]:
    """Return the Markdown pages of ``language`` under ``docs`` (the project's), sorted."""
    check(language)
    return sorted(
        path
        for path in (docs or project.docs()).rglob("*.md")
        if language_of(path) == language
    )


def strings(language: str) -> dict:
    """Return a language's texts from the catalog (``tensornotes/strings.py``), by topic."""
    return CATALOG[check(language)]


def build_strings(config, topic: str) -> dict:
    """Return the texts of ``topic`` in the language a build writes (a hook's ``config``).

    Raises MkDocs's ``PluginError`` naming the language when the catalog lacks it.
    """
    from mkdocs.exceptions import PluginError

    language = config.theme["language"]
    try:
        return strings(language)[topic]
    except UnknownLanguage as error:
        raise PluginError(f"no {topic} texts: {error}") from error
