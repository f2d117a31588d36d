"""Check the notes against another transformers release, or online: ``tensornotes.drift``.

    python scripts/drift.py [--transformers VERSION] [--output drift-report.md]
    python scripts/drift.py --online [--output online-report.md]
"""

import sys

from tensornotes.drift import main

if __name__ == "__main__":
    sys.exit(main())
