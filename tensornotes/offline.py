"""Build the offline copy: the whole site, working from ``file://``, in one zip.

``python -m tensornotes offline [ZIP]`` runs a strict build with ``OFFLINE=true``
(mkdocs.yml turns Material's offline plugin on with it; ``hooks/offline_copy.py``
does the rest) and writes the site into ``ZIP`` under one folder,
``text-to-tensors/``. The publishing workflow puts the zip at
``site/downloads/text-to-tensors.zip``, where both home pages link to it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from tensornotes import project

__all__ = ["FOLDER", "SHIM", "ZIP", "OfflineBuildError", "build"]

FOLDER = "text-to-tensors"
"""The folder the zip holds; readers open ``text-to-tensors/index.html``."""

ZIP = "downloads/text-to-tensors.zip"
"""Where the published site serves the zip, relative to its root."""

SHIM = "assets/vendor/iframe-worker/shim.js"
"""The shim that runs search's web worker from ``file://`` (iframe-worker), served locally."""

_EPOCH = (1980, 1, 1, 0, 0, 0)  # zip entries carry no build time: equal builds, equal zips


class OfflineBuildError(RuntimeError):
    """The offline build failed; the message holds the end of its log."""


def build(zip_path: Path | str, config: Path | str | None = None) -> Path:
    """Build the offline copy of the site described by ``config`` into ``zip_path``."""
    zip_path = Path(zip_path).resolve()
    config = Path(config) if config is not None else project.root() / project.MARKER
    # no site_url: a copy on disk has no address, and nothing may point back to a server
    env = {**os.environ, "OFFLINE": "true", "SITE_URL": "", "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / FOLDER
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
        result = subprocess.run(
            [*command, "-d", str(site)],
            cwd=config.parent,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise OfflineBuildError(f"the offline build failed:\n{result.stderr[-3000:]}")
        zip_path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for path in sorted(site.rglob("*")):
                if path.is_file():
                    entry = zipfile.ZipInfo(path.relative_to(folder).as_posix(), _EPOCH)
                    entry.compress_type = zipfile.ZIP_DEFLATED
                    entry.external_attr = 0o644 << 16
                    archive.writestr(entry, path.read_bytes())
    return zip_path
