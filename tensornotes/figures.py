"""Save charts that snippets generate, byte for byte reproducible, in each language of the site."""

from __future__ import annotations

import io
from pathlib import Path

from tensornotes import languages
from tensornotes.runner import emit_file

__all__ = [
    "CHART_DIR",
    "CJK_FONT",
    "LANGUAGES",
    "chart_name",
    "chart_style",
    "save_charts",
    "save_svg",
]

CHART_DIR = Path("docs/assets/generated")
"""Where generated charts go, relative to the project root; pages link them from there."""

LANGUAGES = languages.codes()
"""The site's languages: a chart is drawn once per language, with labels in that language."""

CJK_FONT = "Noto Sans CJK SC"
"""The font matplotlib measures Chinese labels with (Debian's ``fonts-noto-cjk``)."""


def chart_name(name: str, lang: str = "en") -> str:
    """Return the file name of a chart in a language: ``name.svg`` (en), ``name.zh.svg`` (zh)."""
    return languages.localized(f"{name}.svg", lang)


def _has_cjk_font() -> bool:
    from matplotlib import font_manager

    return any(font.name == CJK_FONT for font in font_manager.fontManager.ttflist)


def _check_cjk_font() -> None:
    """Make sure matplotlib knows [`CJK_FONT`][tensornotes.figures.CJK_FONT], or raise.

    matplotlib writes its font list once (``fontlist-*.json`` in its cache) and
    never looks again, so a font installed after that is missing from the list:
    then the system's font files are searched once more and added.
    """
    from matplotlib import font_manager

    if _has_cjk_font():
        return
    for path in font_manager.findSystemFonts():
        if "CJK" in Path(path).name:
            font_manager.fontManager.addfont(path)
    if not _has_cjk_font():
        raise RuntimeError(
            f"no {CJK_FONT!r} font among matplotlib's fonts or the system's, so Chinese labels "
            "would be measured with a font that lacks their glyphs: install it (Debian: "
            "apt-get install fonts-noto-cjk)"
        )


def chart_style(lang: str = "en"):
    """Return a matplotlib style context to draw a chart in ``lang`` with.

    Text is laid out when it is created, so draw the whole figure inside it::

        for lang in LANGUAGES:
            with chart_style(lang):
                figure = draw(LABELS[lang])
                save_svg(figure, "my-chart", lang)

    (or let [`save_charts`][tensornotes.figures.save_charts] run that loop).

    Chinese labels get [`CJK_FONT`][tensornotes.figures.CJK_FONT] as a fallback
    after DejaVu Sans; a missing font is an error, never a silent substitute.
    """
    import matplotlib

    chart_name(name="", lang=lang)
    return matplotlib.rc_context(_rc(lang))


def _rc(lang: str) -> dict:
    """The matplotlib settings that lay out and save a chart in ``lang``."""
    rc = {"svg.hashsalt": "tensornotes", "svg.fonttype": "none"}
    if lang == "zh":
        _check_cjk_font()
        rc["font.family"] = ["DejaVu Sans", CJK_FONT]
    return rc


def save_svg(figure, name: str, lang: str = "en") -> Path:
    """Save a matplotlib ``figure`` as ``docs/assets/generated/<name>.svg`` and return its path.

    ``lang`` names the language of the figure's labels: the English chart is
    ``<name>.svg``, its Chinese twin ``<name>.zh.svg`` (see
    [`chart_name`][tensornotes.figures.chart_name]); the Chinese page embeds the
    twin. A snippet draws the figure once per language in
    [`LANGUAGES`][tensornotes.figures.LANGUAGES].

    The SVG carries no date and fixed element ids, so the same figure gives the
    same bytes on every run; the test harness compares them with the committed
    file. Text stays text (``svg.fonttype: none``): no font is embedded or fetched.
    Chinese labels are laid out with [`CJK_FONT`][tensornotes.figures.CJK_FONT]
    as a fallback after DejaVu Sans.
    """
    import matplotlib

    filename = chart_name(name, lang)
    buffer = io.BytesIO()
    with matplotlib.rc_context(_rc(lang)):
        figure.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    return emit_file(CHART_DIR / filename, buffer.getvalue())


def save_charts(name: str, draw) -> list[Path]:
    """Draw a chart once per language and save each; return the paths.

    ``draw(lang)`` returns the figure with labels in ``lang``; it is called inside
    [`chart_style`][tensornotes.figures.chart_style], saved with
    [`save_svg`][tensornotes.figures.save_svg] and closed.
    """
    import matplotlib.pyplot as plt

    paths = []
    for lang in LANGUAGES:
        with chart_style(lang):
            figure = draw(lang)
            paths.append(save_svg(figure, name, lang))
        plt.close(figure)
    return paths
