"""A matplotlib configuration folder whose font list lacks the CJK fonts, as on a machine
that ran matplotlib before ``fonts-noto-cjk`` was installed.

matplotlib writes that list (``fontlist-*.json``) once and never looks again; the
test run points ``MPLCONFIGDIR`` here, so every chart snippet proves that
``tensornotes.figures`` finds the font on the system all the same.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

_WRITE_FONT_LIST = "from matplotlib import font_manager; font_manager.fontManager"


def stale_font_list() -> Path:
    """Return a new configuration folder holding matplotlib's font list without CJK fonts."""
    folder = Path(tempfile.mkdtemp(prefix="stale-matplotlib-"))
    env = {"MPLCONFIGDIR": str(folder), "PATH": "/usr/bin:/bin", "HOME": str(folder)}
    subprocess.run([sys.executable, "-c", _WRITE_FONT_LIST], env=env, check=True)
    (font_list,) = folder.glob("fontlist-*.json")
    fonts = json.loads(font_list.read_text(encoding="utf-8"))
    fonts["ttflist"] = [font for font in fonts["ttflist"] if "CJK" not in font["name"]]
    font_list.write_text(json.dumps(fonts), encoding="utf-8")
    return folder


def cjk_fonts_listed(folder: Path) -> list[str]:
    """Return the CJK font names in the font list of matplotlib's configuration ``folder``."""
    (font_list,) = Path(folder).glob("fontlist-*.json")
    fonts = json.loads(font_list.read_text(encoding="utf-8"))["ttflist"]
    return [font["name"] for font in fonts if "CJK" in font["name"]]
