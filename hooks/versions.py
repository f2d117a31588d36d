"""State, on every page, the package versions that produced its outputs; expand ``[[versions]]``."""

from mkdocs.exceptions import PluginError

from tensornotes.versions import STATED, installed_version

_FOOTER = {
    "en": "Outputs on this page were produced with {}.",
    "zh": "本页输出由 {} 生成。",
}
_AND = {"en": " and ", "zh": " 与 "}
_TABLE_HEAD = {"en": "| Package | Version |", "zh": "| 包 | 版本 |"}


def on_page_markdown(markdown, page, config, **kwargs):
    language = config.theme["language"]
    if language not in _FOOTER:
        raise PluginError(f"no version footer for the site language {language!r}")
    versions = {name: installed_version(name) for name in STATED}
    table = "\n".join(
        [_TABLE_HEAD[language], "|---|---|"]
        + [f"| `{name}` | {version} |" for name, version in versions.items()]
    )
    stated = _AND[language].join(f"`{name}` {version}" for name, version in versions.items())
    footer = '\n\n<p class="versions" markdown>' + _FOOTER[language].format(stated) + "</p>\n"
    return markdown.replace("[[versions]]", table) + footer
