"""The GitHub Actions workflows pass actionlint and run what the README and mkdocs.yml expect."""

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from tensornotes.offline import ZIP
from tests.docs_tree import ROOT

BIN = Path(sys.executable).parent
WORKFLOWS = ROOT / ".github" / "workflows"


def workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps_running(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def test_workflows_pass_actionlint():
    # actionlint checks the run: scripts with shellcheck, both installed by the test extra
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    workflows = sorted(WORKFLOWS.glob("*.yml"))
    assert [path.name for path in workflows] == ["ci.yml", "drift.yml"]
    result = subprocess.run(
        [BIN / "actionlint", "-no-color", *workflows],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: echo ${{ github.no_such_thing }}\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [BIN / "actionlint", "-no-color", broken], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1 and "no_such_thing" in result.stdout


def test_ci_runs_the_readme_test_command_on_pushes_and_pull_requests():
    ci = workflow("ci.yml")
    assert {"push", "pull_request"} <= set(ci["on"])
    assert "bash .ci/run" in steps_running(ci["jobs"]["test"])
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"Run every test.*?```bash\n(.*?)\n```", readme, re.S).group(1)
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for part in command.split(" && "):
        assert part.strip() in script, f".ci/run does not run {part!r} of the README"
    # no cache of the machine's may hide a missing install step
    assert script.index('HOME="$(mktemp -d)"\nexport HOME') < script.index(command)


def test_pages_are_built_with_the_addresses_mkdocs_yml_reads():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    variables = dict(re.findall(r"(?m)^(site_url|repo_url): !ENV \[?\s*(\w+)", config))
    assert set(variables) == {"site_url", "repo_url"}
    pages = workflow("ci.yml")["jobs"]["pages"]
    assert pages["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    build = next(step for step in pages["steps"] if "mkdocs build --strict" in step.get("run", ""))
    assert set(variables.values()) <= set(build["env"])
    # the zip where both home pages link to it
    assert f"python -m tensornotes offline site/{ZIP}" in build["run"]
    assert [step.get("uses", "").split("@")[0] for step in pages["steps"]][-2:] == [
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ]


def test_drift_runs_weekly_offline_and_online_and_files_an_issue():
    drift = workflow("drift.yml")
    (cron,) = [entry["cron"] for entry in drift["on"]["schedule"]]
    assert cron.split()[2:] == ["*", "*", "1"]  # every Monday
    job, issue = drift["jobs"]["drift"], drift["jobs"]["issue"]
    script = steps_running(job)
    assert "scripts/drift.py ${RELEASE:+--transformers" in script
    assert "scripts/drift.py --online" in script
    assert issue["needs"] == "drift" and "needs.drift.outputs.changed" in str(issue)
    assert "gh issue create" in steps_running(issue) and "gh issue edit" in steps_running(issue)
    assert job["permissions"] == {"contents": "read"}
    assert issue["permissions"] == {"issues": "write"}


def test_drift_runs_in_the_test_jobs_container_with_its_set_up():
    # a bare runner lacks the CJK font: every Chinese chart would raise there
    test = workflow("ci.yml")["jobs"]["test"]
    drift = workflow("drift.yml")["jobs"]["drift"]
    assert drift["container"] == test["container"]
    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    install = '.venv/bin/pip install -e ".[test]"'
    for part in (install, ".venv/bin/python -m tests.browser setup"):
        assert part in ci_run and part in steps_running(drift)


def test_every_job_that_installs_torch_gets_the_cpu_build_by_default():
    jobs = {**workflow("ci.yml")["jobs"], **workflow("drift.yml")["jobs"]}
    for name, job in jobs.items():
        if "pip install" in steps_running(job) or "bash .ci/run" in steps_running(job):
            index = job["env"]["PIP_EXTRA_INDEX_URL"]
            assert index.startswith("${{ vars.PIP_EXTRA_INDEX_URL || '"), name
            assert index.rstrip("' }").endswith("/whl/cpu"), name
