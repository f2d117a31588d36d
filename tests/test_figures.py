"""Charts find the CJK font although matplotlib's font list predates it."""

import os
import subprocess
import sys

from tests.docs_tree import ROOT
from tests.stale_fonts import cjk_fonts_listed, stale_font_list

_DRAW_ZH = """
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from tensornotes.figures import chart_style
with chart_style("zh"):
    figure, axes = plt.subplots()
    axes.set_title("分词")
    figure.canvas.draw()
print("drawn")
"""


def test_the_run_uses_a_font_list_without_the_cjk_font():
    # every chart snippet of the run is drawn with this list (tests/conftest.py)
    assert cjk_fonts_listed(os.environ["MPLCONFIGDIR"]) == []


def test_a_chinese_chart_is_drawn_with_a_stale_font_list():
    folder = stale_font_list()
    env = {**os.environ, "MPLCONFIGDIR": str(folder)}
    result = subprocess.run(
        [sys.executable, "-c", _DRAW_ZH], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "findfont" not in result.stderr, result.stderr[-2000:]
    assert cjk_fonts_listed(folder) == [], "the list on disk stays stale; the font is found anyway"
