"""The run's two builds, the strict site and its offline copy, made once, in the background.

Both take seconds of one core. Built inside a fixture, they kept one worker busy
while the other, needing the site too, sat on the lock; started in the
background as soon as the first worker sets up, they run beside the tests that
need neither, and the ``site`` and ``offline_copy`` fixtures wait for them.

- :func:`start` launches one process (``python -m tests.site_builds SHARED JOB...``)
  for the jobs not yet started in this run; it is safe to call from every worker;
- :func:`result` waits for a job's result, and fails with the process's own log
  when the process ended without one.

The offline copy's build comes after the site's, in the same process: it reuses
the site build's notebook renders (``NOTEBOOK_CACHE_DIR`` under ``SHARED``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from filelock import FileLock

from tests.docs_tree import ROOT
from tests.strict_build import build

JOBS = ("site", "offline")
"""In the order one process runs them."""

_WAIT_S = 900


def shared_dir(tmp_path_factory, worker_id: str) -> Path:
    """The folder all workers of the run share: each worker's base temp lies inside it."""
    base = tmp_path_factory.getbasetemp()
    return base if worker_id == "master" else base.parent


def site_dir(shared: Path) -> Path:
    """Where the strict build of the site goes."""
    return shared / "site"


def offline_paths(shared: Path) -> tuple[Path, Path]:
    """The offline copy's zip, and the folder it is unzipped into."""
    return shared / "offline" / "text-to-tensors.zip", shared / "offline" / "copy"


def start(shared: Path, jobs: tuple[str, ...]) -> None:
    """Start, in one background process, those of ``jobs`` no worker has started yet."""
    unknown = set(jobs) - set(JOBS)
    if unknown:
        raise ValueError(f"unknown build jobs {sorted(unknown)}; known: {JOBS}")
    with FileLock(str(shared / "builds.lock")):
        todo = [job for job in JOBS if job in jobs and not (shared / f"{job}.started").exists()]
        if not todo:
            return
        log = (shared / f"builds-{'-'.join(todo)}.log").open("w", encoding="utf-8")
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.site_builds", str(shared), *todo],
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NOTEBOOK_CACHE": "true"},
        )
        for job in todo:
            (shared / f"{job}.started").write_text(f"{process.pid} {log.name}", encoding="utf-8")


def result(shared: Path, job: str) -> dict:
    """Wait for ``job``'s result (the dict its build wrote); start the job if none has."""
    start(shared, (job,))
    done = shared / f"{job}.json"
    pid, log = (shared / f"{job}.started").read_text(encoding="utf-8").split(" ", 1)
    deadline = time.monotonic() + _WAIT_S
    while not done.exists():
        if not _alive(int(pid)) and not done.exists():
            text = Path(log).read_text(encoding="utf-8") if Path(log).is_file() else ""
            raise RuntimeError(f"the {job} build ended without a result:\n{text[-3000:]}")
        if time.monotonic() > deadline:
            raise TimeoutError(f"the {job} build gave no result within {_WAIT_S} s (log: {log})")
        time.sleep(0.2)
    return json.loads(done.read_text(encoding="utf-8"))


def _alive(pid: int) -> bool:
    """Whether the process is still running (a finished child not yet reaped counts as ended)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
        return stat.read().rsplit(")", 1)[1].split()[0] != "Z"


def _write(shared: Path, job: str, value: dict) -> None:
    """Write a job's result in one step: a reader never sees half of it."""
    partial = shared / f"{job}.json.partial"
    partial.write_text(json.dumps(value), encoding="utf-8")
    partial.replace(shared / f"{job}.json")


def _build_site(shared: Path) -> dict:
    completed = build(ROOT / "mkdocs.yml", site_dir(shared))
    return {"returncode": completed.returncode, "stderr": completed.stderr}


def _build_offline(shared: Path) -> dict:
    from tensornotes.offline import OfflineBuildError
    from tensornotes.offline import build as build_offline

    result(shared, "site")  # its notebook renders first: the copy renders none again
    archive, unzipped = offline_paths(shared)
    try:
        build_offline(archive)
    except OfflineBuildError as error:
        return {"error": str(error)}
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(unzipped)
    return {"error": None}


def main(argv: list[str]) -> None:
    """Run the named jobs in order; each writes ``SHARED/<job>.json`` when it ends."""
    shared, jobs = Path(argv[0]), argv[1:]
    os.environ["NOTEBOOK_CACHE_DIR"] = str(shared / "notebook-renders")
    builders = {"site": _build_site, "offline": _build_offline}
    for job in jobs:
        _write(shared, job, builders[job](shared))


if __name__ == "__main__":
    main(sys.argv[1:])
