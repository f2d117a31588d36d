"""Fixtures shared by the test modules."""

import json
import subprocess

import pytest
from filelock import FileLock

from tests.docs_tree import ROOT
from tests.test_site_build import build


@pytest.fixture(scope="session")
def site(tmp_path_factory, worker_id):
    """Build the site once per test run, shared by the xdist workers through a file lock."""
    # each worker's base temp lies inside the run's; without xdist, the run's is the base
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent
    site_dir, log = shared / "site", shared / "site-build.json"
    with FileLock(str(shared / "site.lock")):
        if not log.is_file():
            result = build(ROOT / "mkdocs.yml", site_dir)
            log.write_text(json.dumps([result.returncode, result.stderr]), encoding="utf-8")
    returncode, stderr = json.loads(log.read_text(encoding="utf-8"))
    return site_dir, subprocess.CompletedProcess([], returncode, "", stderr)
