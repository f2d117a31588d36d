"""`mkdocs serve` rebuilds when a snippet, a hook or the package changes, and runs the new code."""

import subprocess
import sys
import textwrap

import pytest
from mkdocs.config import config_options
from mkdocs.exceptions import PluginError

from tensornotes.project import read_config
from tensornotes.serve import reloading
from tests.docs_tree import ROOT


def test_serve_watches_snippets_hooks_and_the_package():
    config = read_config(ROOT / "mkdocs.yml")
    watched = set(config["watch"])
    assert {"snippets", "hooks", "tensornotes"} <= watched
    assert all((ROOT / path).is_dir() for path in watched)
    assert "hooks/serve_reload.py" in config["hooks"]


def test_a_rebuild_under_serve_loads_hooks_and_the_package_anew():
    # in a fresh interpreter: the hook empties the import caches of this process
    script = textwrap.dedent(
        """
        import sys
        from mkdocs.config import config_options

        hooks = config_options.Hooks("plugins")
        load = lambda: hooks._load_hook("hooks/versions", "hooks/versions.py")
        first_hook, first_package = load(), sys.modules["tensornotes.versions"]
        from tensornotes.serve import reloading

        seen = []
        rebuild = reloading(lambda: seen.append((load(), sys.modules["tensornotes.versions"])))
        rebuild()
        hook, package = seen[0]
        assert hook is not first_hook and hook is load(), "the hook was not loaded anew"
        assert package is not first_package, "the package was not imported anew"
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_serve_reload_fails_loudly_when_mkdocs_loads_hooks_another_way(monkeypatch):
    monkeypatch.setattr(config_options.Hooks, "_load_hook", lambda *args: None)
    with pytest.raises(PluginError, match="no longer caches hooks"):
        reloading(lambda: None)
