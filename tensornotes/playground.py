"""Data of the in-page tokenizer playground: bert-base-uncased's files and Unicode tables.

The playground (``docs/assets/playground/playground.js``) tokenizes in the
reader's browser exactly as ``AutoTokenizer.from_pretrained("google-bert/bert-base-uncased")``
does. It needs two things, which ``python -m tensornotes generate`` writes into one
generated script, ``docs/assets/playground/bert-base-uncased.js`` (a script,
not JSON, so that the site also works when opened from disk, where browsers
refuse ``fetch``); a test fails when that file differs from a fresh run:

* the tokenizer's own files, ``vocab.txt`` and ``tokenizer_config.json``, as
  the offline hub cache (:mod:`tensornotes.hub`) holds them;
* what the Rust ``BertNormalizer`` and ``BertPreTokenizer`` of the installed
  ``tokenizers`` do to each code point. They carry Unicode tables of their own,
  older than a browser's, so JavaScript's ``toLowerCase``, ``normalize("NFD")``
  and ``\\p{...}`` classes answer differently on some characters. The tables
  are read out of the Rust code, one call per code point, stage by stage, and
  :func:`tables` checks the staged model against the whole normalizer on every
  code point it changes and on marks of every combining class side by side.
"""

from __future__ import annotations

import itertools
import json
import unicodedata
from functools import cache
from pathlib import Path

from tensornotes import hub

__all__ = ["DATA_FILE", "REPO_ID", "data_script", "tables", "tokenizer_files"]

REPO_ID = "google-bert/bert-base-uncased"
DATA_FILE = "docs/assets/playground/bert-base-uncased.js"
"""The generated data, relative to the project root (``tensornotes.generated`` writes it)."""

_FILES = ("vocab.txt", "tokenizer_config.json")
_HANGUL = range(0xAC00, 0xD7A4)
_SURROGATES = range(0xD800, 0xE000)


def tokenizer_files(cache_dir: Path | str | None = None) -> dict[str, str]:
    """Return the text of the tokenizer files of ``REPO_ID``, from the offline hub cache."""
    folder = hub.seed(cache_dir) / "hub" / ("models--" + REPO_ID.replace("/", "--"))
    snapshot = folder / "snapshots" / (folder / "refs" / "main").read_text().strip()
    return {name: (snapshot / name).read_text(encoding="utf-8") for name in _FILES}


def _ranges(code_points) -> list[list[int]]:
    """Compress sorted code points into ``[first, last]`` pairs."""
    out: list[list[int]] = []
    for cp in code_points:
        if out and out[-1][1] == cp - 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def _hangul_nfd(cp: int) -> str:
    """Decompose a Hangul syllable, as Unicode defines it (the algorithm the tables leave out)."""
    index = cp - 0xAC00
    lead, vowel, trail = index // 588, index % 588 // 28, index % 28
    return chr(0x1100 + lead) + chr(0x1161 + vowel) + (chr(0x11A7 + trail) if trail else "")


@cache
def tables() -> dict:
    """Return what the Rust normalizer and pre-tokenizer do, code point by code point.

    The normalizer is modelled in the stages the Rust code runs: ``clean``
    (removed code points, whitespace to a space), ``chinese`` (a space on each
    side), ``nfd`` (canonical decomposition, then runs of marks sorted by their
    combining class ``ccc``), ``mn`` (nonspacing marks removed) and ``lower``.
    Each table is read from the Rust code, and the model is checked against the
    whole normalizer on every code point it changes.
    """
    from tokenizers.normalizers import NFD, BertNormalizer, Lowercase
    from tokenizers.pre_tokenizers import BertPreTokenizer

    def bert(clean=False, chinese=False, strip=False, lower=False):
        return BertNormalizer(
            clean_text=clean, handle_chinese_chars=chinese, strip_accents=strip, lowercase=lower
        ).normalize_str

    whole = bert(clean=True, chinese=True, strip=True, lower=True)
    chars = [chr(cp) for cp in range(0x110000) if cp not in _SURROGATES]
    changed = [c for c, out in zip(chars, map(whole, chars), strict=True) if out != c]

    clean, chinese, nfd = bert(clean=True), bert(chinese=True), NFD().normalize_str
    strip, lower = bert(strip=True), Lowercase().normalize_str
    removed = [c for c in changed if clean(c) == ""]
    spaces = [c for c in changed if clean(c) == " "]
    cjk = [c for c in changed if chinese(c) == f" {c} "]
    decomposed = {c: nfd(c) for c in changed if nfd(c) != c and ord(c) not in _HANGUL}
    for cp in _HANGUL:
        if nfd(chr(cp)) != _hangul_nfd(cp):
            raise AssertionError(f"U+{cp:04X} is not decomposed as the Hangul algorithm says")
    # code points that reach the last two stages: undecomposed ones and the parts of the others
    parts = sorted({c for c in changed if c not in decomposed} | set("".join(decomposed.values())))
    marks = [c for c in parts if strip(c) == "" and clean(c) != ""]
    lowered = {c: lower(c) for c in parts if lower(c) != c}
    ccc = _combining_classes(nfd)

    data = {
        "removed": _ranges(map(ord, removed)),
        "spaces": [ord(c) for c in spaces],
        "chinese": _ranges(map(ord, cjk)),
        "nfd": {str(ord(c)): out for c, out in decomposed.items()},
        "ccc": [[first, last, value] for (first, last), value in _class_ranges(ccc)],
        "mn": _ranges(map(ord, marks)),
        "lower": {str(ord(c)): out for c, out in lowered.items()},
    }
    model = _Model(data)
    for c in changed:
        if model.normalize(c) != whole(c):
            raise AssertionError(f"the tables do not model U+{ord(c):04X}")
    # one mark of each class, and one removed mark of each class, in every order
    samples = {}
    for cp in sorted(ccc):
        samples.setdefault((ccc[cp], strip(chr(cp)) == ""), chr(cp))
    for x, y in itertools.product(samples.values(), repeat=2):
        if model.normalize("a" + x + y) != whole("a" + x + y):
            raise AssertionError(f"the tables do not model U+{ord(x):04X} U+{ord(y):04X}")

    # The pre-tokenizer on "a" + c + "a" for every c at once: a punctuation character is
    # a word of its own, a whitespace character is in no word.
    text = "a" + "a".join(chars) + "a"
    covered = bytearray(len(text))
    punctuation = []
    for word, (start, end) in BertPreTokenizer().pre_tokenize_str(text):
        covered[start:end] = b"\x01" * (end - start)
        if end - start == 1 and start % 2 == 1:
            punctuation.append(ord(word))
    data["whitespace"] = [ord(text[i]) for i in range(1, len(text), 2) if not covered[i]]
    data["punctuation"] = _ranges(punctuation)
    return data


def _combining_classes(nfd) -> dict[int, int]:
    """The combining class of every mark that the Rust normalization reorders.

    A mark it does not know is a starter: between U+0301 (class 230) and U+0327
    (class 202) it keeps the two apart, where a known mark is sorted with them.
    """
    acute, cedilla = "\u0301", "\u0327"
    if nfd("a" + acute + cedilla) != "a" + cedilla + acute:
        raise AssertionError("the Rust normalization does not reorder marks")
    found = {}
    for cp in range(0x110000):
        if cp in _SURROGATES or not unicodedata.combining(chr(cp)):
            continue
        probe = "a" + acute + chr(cp) + cedilla
        if nfd(probe) != probe:
            found[cp] = unicodedata.combining(chr(cp))
    return found


def _class_ranges(ccc: dict[int, int]):
    """Runs of consecutive code points with the same class: ``((first, last), class)``."""
    runs: list[tuple[list[int], int]] = []
    for cp in sorted(ccc):
        if runs and runs[-1][0][1] == cp - 1 and runs[-1][1] == ccc[cp]:
            runs[-1][0][1] = cp
        else:
            runs.append(([cp, cp], ccc[cp]))
    return [((first, last), value) for (first, last), value in runs]


class _Model:
    """The normalizer as the playground runs it (a Python twin of playground.js)."""

    def __init__(self, data: dict):
        self.removed = {cp for a, b in data["removed"] for cp in range(a, b + 1)}
        self.spaces = set(data["spaces"])
        self.chinese = {cp for a, b in data["chinese"] for cp in range(a, b + 1)}
        self.nfd = {int(cp): out for cp, out in data["nfd"].items()}
        self.ccc = {cp: v for a, b, v in data["ccc"] for cp in range(a, b + 1)}
        self.mn = {cp for a, b in data["mn"] for cp in range(a, b + 1)}
        self.lower = {int(cp): out for cp, out in data["lower"].items()}

    def normalize(self, text: str) -> str:
        entries: list[tuple[str, int]] = []
        for char in text:
            cp = ord(char)
            if cp in self.removed:
                continue
            if cp in self.spaces:
                entries.append((" ", 0))
                continue
            parts = self.nfd.get(cp) or (_hangul_nfd(cp) if cp in _HANGUL else char)
            cjk = cp in self.chinese
            entries += [(" ", 0)] * cjk + [(p, self.ccc.get(ord(p), 0)) for p in parts]
            entries += [(" ", 0)] * cjk
        out, run = [], []
        for entry in [*entries, ("", 0)]:
            if entry[1]:
                run.append(entry)
                continue
            out += [*sorted(run, key=lambda e: e[1]), entry]
            run = []
        return "".join(self.lower.get(ord(p), p) for p, _ in out if p and ord(p) not in self.mn)


def data_script(cache_dir: Path | str | None = None) -> str:
    """Return the script that hands the tokenizer files and the tables to the playground."""
    data = {"repo_id": REPO_ID, "files": tokenizer_files(cache_dir), "tables": tables()}
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        f"// {REPO_ID}: vocab.txt and tokenizer_config.json from the offline hub cache, and\n"
        "// what the Rust BertNormalizer and BertPreTokenizer do to each code point.\n"
        f"window.playgroundData = {payload};\n"
    )
