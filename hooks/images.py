"""Give every image of a page its intrinsic size, and let a tap open a chart at full size.

Width and height attributes let the browser reserve the image's box before it loads
(no layout shift); CSS still scales it down to the column. Charts (the files under
``assets/generated/``) are linked to themselves: on a phone the column shrinks their
labels below a readable size, and the chart alone can be zoomed.
"""

import re
import struct
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError

_IMG = re.compile(r'(<a\b[^>]*>\s*)?<img\b([^>]*?)\bsrc="([^"]+)"([^>]*)>')
_SVG_SIZE = re.compile(r'<svg\b[^>]*?\bwidth="([\d.]+)(pt|px)?"[^>]*?\bheight="([\d.]+)(pt|px)?"')
_CHARTS = "assets/generated/"


def _size(path: Path) -> tuple[int, int]:
    """Width and height in CSS pixels of an SVG (its width/height) or a PNG (its header)."""
    if path.suffix == ".svg":
        found = _SVG_SIZE.search(path.read_text(encoding="utf-8"))
        if not found:
            raise PluginError(f"{path}: the <svg> element states no width and height")
        width, unit, height, _ = found.groups()
        scale = 4 / 3 if unit == "pt" else 1
        return round(float(width) * scale), round(float(height) * scale)
    if path.suffix == ".png":
        return struct.unpack(">II", path.read_bytes()[16:24])
    raise PluginError(f"{path}: no size reader for {path.suffix} images; add one")


def on_page_content(html, page, config, files, **kwargs):
    def sized(match: re.Match) -> str:
        link, before, src, after = match.groups()
        if src.startswith(("data:", "http:", "https:")) or "width=" in before + after:
            return match.group(0)
        url = urljoin("/" + page.url, src).lstrip("/")
        # by URL: mkdocs-static-i18n serves a chart's .zh.svg twin under the English name
        file = next((f for f in files if f.url == url), None)
        if file is None:
            raise PluginError(f"{page.file.src_uri}: no file for the image {src}")
        width, height = _size(Path(file.abs_src_path))
        chart = _CHARTS in url  # zh/assets/generated/ holds the Chinese twins
        classes = ' class="chart"' if chart else ""
        img = f'<img{before}src="{src}" width="{width}" height="{height}"{classes}{after}>'
        if chart and not link:
            return f'<a class="chart-full-size" href="{src}">{img}</a>'
        return (link or "") + img

    return _IMG.sub(sized, html)
