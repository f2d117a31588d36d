"""Write the tokenizer playground's data: ``docs/assets/playground/bert-base-uncased.js``.

Run from the project root: ``python scripts/playground_data.py``. The file holds
bert-base-uncased's ``vocab.txt`` and ``tokenizer_config.json`` from the offline
hub cache and the Unicode tables read from the installed ``tokenizers``
(:mod:`tensornotes.playground`). ``tests/test_playground.py`` fails when the
file differs from a fresh run; rerun this after upgrading ``tokenizers``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tensornotes import project
from tensornotes.playground import DATA_FILE, data_script

ROOT = project.root(Path(__file__).parent)


def main() -> int:
    target = ROOT / DATA_FILE
    target.write_text(data_script(), encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
