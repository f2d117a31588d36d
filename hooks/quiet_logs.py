"""Keep builds and ``mkdocs serve`` to MkDocs's own messages and real warnings.

jieba (the search plugin's Chinese segmenter) prints its dictionary loading on
stderr, mkdocs-jupyter logs every notebook it converts, caches and copies, and
mkdocs-static-i18n every setting it overrides: informational lines, per file or
per build. Warnings and errors of all three still come through.
"""

import logging

_CHATTY = (
    "jieba",
    "mkdocs.mkdocs-jupyter",
    "mkdocs.plugins.mkdocs_jupyter",
    "mkdocs.plugins.mkdocs_static_i18n",
)


def on_startup(command, dirty):
    import jieba

    # jieba sets its own logger to DEBUG when it is imported: quiet it after that
    jieba.setLogLevel(logging.WARNING)
    for name in _CHATTY:
        logging.getLogger(name).setLevel(logging.WARNING)
