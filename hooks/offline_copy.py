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

from tensornotes.languages import build_strings
from tensornotes.markers import expand
from tensornotes.offline import SHIM, ZIP


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
    def text():
        strings = build_strings(config, "offline")
        if _offline(config):
            return strings["held"]
        # relative to the page, so the link works under any site_url (zh/ is one level down)
        return strings["link"].format(href="../" * page.url.count("/") + ZIP)

    return expand(markdown, "offline-copy", text, page.file.src_uri)


def on_post_page(output, page, config, **kwargs):
    return _ALTERNATE.sub("", output) if _offline(config) else output
