"""Vendor Tokenizers.js (``@huggingface/tokenizers`` on npm) for the tokenizer playground.

Run from the project root: ``python scripts/vendor_tokenizers_js.py``. It asks
``npm pack`` for the pinned version from the npm registry that npm is set up
with, checks the tarball against its pinned integrity hash (the ``integrity``
field of the registry's metadata, sha512), and writes:

* ``docs/assets/playground/vendor/tokenizers.js``: the package's
  ``dist/tokenizers.min.cjs``, byte for byte, between two wrapper lines that
  give it a ``module`` object and expose its exports as
  ``window.TokenizersJS``. The package ships CommonJS and an ES module; a plain
  script is what also runs when the site is opened from disk, where browsers
  refuse ES modules.
* ``docs/assets/playground/vendor/LICENSE``: the package's licence (Apache-2.0).

To move to another version, change ``VERSION`` and ``INTEGRITY`` (from
``npm view @huggingface/tokenizers@VERSION dist.integrity``), run the script,
update ``BUNDLE_SHA256`` to what it prints, and rerun the playground's tests.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "@huggingface/tokenizers"
VERSION = "0.2.0"
INTEGRITY = (
    "sha512-"
    "LidMHe1FpcSYH4vcSjXooda34pC0M8m1gmDOv7SQi6Iv+ib1zX7J3sHBCC9/3FPCkn2k1b55FneVqMRxrr99pg=="
)
BUNDLE = "package/dist/tokenizers.min.cjs"
BUNDLE_SHA256 = "823659581561e4845b2f5b08b86d2289614dc2a392be35ae6b49a45e284966a6"
"""sha256 of ``dist/tokenizers.min.cjs`` in the tarball above; tests check the vendored copy."""

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "assets" / "playground" / "vendor"

HEADER = (
    f"/*! {PACKAGE} {VERSION}, Apache-2.0 (LICENSE beside this file). Between the two wrapper\n"
    " lines: dist/tokenizers.min.cjs of the npm package, unchanged. */\n"
    "(function () { var module = { exports: {} }, exports = module.exports;\n"
)
FOOTER = "\nwindow.TokenizersJS = module.exports; })();\n"


def wrap(bundle: str) -> str:
    """Return the vendored script for the package's CommonJS bundle."""
    return HEADER + bundle + FOOTER


def unwrap(script: str) -> str:
    """Return the bundle inside a vendored script (raises ``ValueError`` if it was edited)."""
    if not (script.startswith(HEADER) and script.endswith(FOOTER)):
        raise ValueError("the wrapper lines of the vendored Tokenizers.js were changed")
    return script[len(HEADER) : -len(FOOTER)]


def _pack(workdir: Path) -> bytes:
    result = subprocess.run(
        ["npm", "pack", f"{PACKAGE}@{VERSION}", "--json", "--pack-destination", str(workdir)],
        cwd=workdir,
        capture_output=True,
        text=True,
        check=True,
    )
    (packed,) = json.loads(result.stdout)
    if packed["integrity"] != INTEGRITY:
        raise SystemExit(f"npm reports {packed['integrity']}, expected {INTEGRITY}")
    return (workdir / packed["filename"]).read_bytes()


def main() -> int:
    with tempfile.TemporaryDirectory() as workdir:
        tarball = _pack(Path(workdir))
    algorithm, expected = INTEGRITY.split("-", 1)
    actual = base64.b64encode(hashlib.new(algorithm, tarball).digest()).decode()
    if actual != expected:
        raise SystemExit(f"the tarball's {algorithm} is {actual}, expected {expected}")
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        bundle = archive.extractfile(BUNDLE).read()
        licence = archive.extractfile("package/LICENSE").read()
    digest = hashlib.sha256(bundle).hexdigest()
    TARGET.mkdir(parents=True, exist_ok=True)
    (TARGET / "tokenizers.js").write_text(wrap(bundle.decode("utf-8")), encoding="utf-8")
    (TARGET / "LICENSE").write_bytes(licence)
    print(f"{PACKAGE} {VERSION}: {BUNDLE} sha256 {digest} -> {TARGET.relative_to(ROOT)}")
    if digest != BUNDLE_SHA256:
        print(f"BUNDLE_SHA256 is {BUNDLE_SHA256}: update it if the version changed on purpose")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
