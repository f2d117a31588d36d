"""The offline copy: its download link on the home pages, and what differs in its own build.

``python -m tensornotes offline`` builds the site with ``OFFLINE=true``, which
turns on Material's offline plugin (no directory URLs, the search index inlined
in a script), and zips it. In that build, this hook loads the shim that runs
search's web worker from ``file://`` from the site itself, not from the CDN the
plugin names; drops the head's links to the other language, whose sitemap a page
on disk cannot fetch; and ``[[offline-copy]]`` says the reader holds the copy
instead of linking to it.
"""

import re

from mkdocs.exceptions import PluginError

from tensornotes.offline import SHIM, ZIP

_LINK = {
    "en": (
        '!!! tip "Read offline"\n\n'
        '    <a href="{href}" download>Download the whole site</a> as one zip file, unzip it\n'
        "    and open `text-to-tensors/index.html`: both languages, search and charts\n"
        "    work from your disk, with no server and no network.\n"
    ),
    "zh": (
        '!!! tip "离线阅读"\n\n'
        # one line: this text is added after hooks/cjk_line_breaks.py joined wrapped lines
        '    <a href="{href}" download>下载整个网站</a>（一个 zip 文件），解压后打开'
        "`text-to-tensors/index.html`：两种语言、搜索和图表都能直接从本地磁盘使用，"
        "不需要服务器，也不需要联网。\n"
    ),
}
_HELD = {
    "en": (
        '!!! info "Offline copy"\n\n'
        "    You are reading the offline copy of this site, from your disk. The published\n"
        "    site may be newer.\n"
    ),
    "zh": (
        '!!! info "离线副本"\n\n'
        "    你正在阅读本站的离线副本（来自本地磁盘），在线发布的网站可能更新。\n"
    ),
}


def _offline(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


# <link rel="alternate" hreflang> makes Material fetch each language's sitemap.xml,
# which a page opened from disk may not read (the switcher itself needs no sitemap)
_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">\s*')


def on_config(config):
    # the offline plugin adds the shim from a CDN, which a copy on disk cannot reach
    polyfills = config.extra.get("polyfills", [])
    config.extra["polyfills"] = [SHIM if "iframe-worker" in url else url for url in polyfills]
    return config


def on_page_markdown(markdown, page, config, **kwargs):
    if "[[offline-copy]]" not in markdown:
        return markdown
    language = config.theme["language"]
    if language not in _LINK:
        raise PluginError(f"no offline-copy text for the site language {language!r}")
    if _offline(config):
        text = _HELD[language]
    else:
        # relative to the page, so the link works under any site_url (zh/ is one level down)
        text = _LINK[language].format(href="../" * page.url.count("/") + ZIP)
    return markdown.replace("[[offline-copy]]", text)


def on_post_page(output, page, config, **kwargs):
    return _ALTERNATE.sub("", output) if _offline(config) else output
