"""Fetch the vendored npm files again from their pinned releases (see ``tensornotes.vendored``).

Run from the project's root: ``python scripts/vendor.py``. It needs ``npm`` and
the registry npm is set up with; each tarball is checked against its pinned
integrity and each file against its recorded sha256 before it is written.
"""

import sys

from tensornotes import project, vendored


def main() -> int:
    for item in vendored.VENDORED:
        for path in vendored.write(item):
            print(f"{item.package.spec}: {path.relative_to(project.root())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
