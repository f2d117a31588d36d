"""`mkdocs serve` rebuilds when a snippet, a hook or the package changes, and runs the new code."""

import subprocess
import sys
import textwrap

from tensornotes.project import read_config
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
        import importlib.util, sys, types
        from mkdocs.config import config_options

        hooks = config_options.Hooks("plugins")
        load = lambda: hooks._load_hook("hooks/versions", "hooks/versions.py")
        first_hook, first_package = load(), sys.modules["tensornotes.versions"]
        spec = importlib.util.spec_from_file_location("serve_reload", "hooks/serve_reload.py")
        serve_reload = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(serve_reload)
        seen = []
        server = serve_reload.on_serve(
            types.SimpleNamespace(), config=None,
            builder=lambda: seen.append((load(), sys.modules["tensornotes.versions"])),
        )
        server.builder()
        hook, package = seen[0]
        assert hook is not first_hook and hook is load(), "the hook was not loaded anew"
        assert package is not first_package, "the package was not imported anew"
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
