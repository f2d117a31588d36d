"""Fetch one pinned npm package and check it, for files the project vendors.

[`pack`][tensornotes.npm.pack] asks ``npm pack`` for an exact version from the
registry npm is set up with, checks the tarball against the pinned integrity
hash (the ``dist.integrity`` field of the registry's metadata), and returns the
members asked for. Nothing is installed and no package code runs.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

__all__ = ["NpmError", "Package", "pack", "sha256"]


class NpmError(RuntimeError):
    """npm is missing, or the package it returns is not the pinned one."""


@dataclass(frozen=True)
class Package:
    """An exact npm release: its name, version and ``dist.integrity``."""

    name: str
    version: str
    integrity: str
    """``sha512-…``, from ``npm view NAME@VERSION dist.integrity``."""

    @property
    def spec(self) -> str:
        """``name@version``, as npm takes it."""
        return f"{self.name}@{self.version}"


def sha256(data: bytes) -> str:
    """Return the hex sha256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def pack(package: Package, members: tuple[str, ...]) -> dict[str, bytes]:
    """Return ``members`` (paths inside the tarball, ``package/...``) of the pinned release.

    Raises [`NpmError`][tensornotes.npm.NpmError] if npm fails, if the tarball's
    hash is not the pinned integrity, or if a member is missing.
    """
    with tempfile.TemporaryDirectory() as workdir:
        try:
            result = subprocess.run(
                ["npm", "pack", package.spec, "--json", "--pack-destination", workdir],
                cwd=workdir,
                capture_output=True,
                text=True,
                check=True,
            )
        except (OSError, subprocess.CalledProcessError) as error:
            detail = getattr(error, "stderr", "") or error
            raise NpmError(f"npm pack {package.spec} failed: {detail}") from error
        (packed,) = json.loads(result.stdout)
        tarball = (Path(workdir) / packed["filename"]).read_bytes()
    algorithm, expected = package.integrity.split("-", 1)
    actual = base64.b64encode(hashlib.new(algorithm, tarball).digest()).decode()
    if actual != expected:
        raise NpmError(
            f"{package.spec}: the tarball's {algorithm} is {actual}, expected {expected}"
        )
    found = {}
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        for member in members:
            try:
                found[member] = archive.extractfile(member).read()
            except (KeyError, AttributeError) as error:
                raise NpmError(f"{package.spec} has no file {member}") from error
    return found
