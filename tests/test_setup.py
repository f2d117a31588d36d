"""``python -m tests.browser setup`` fails, and says what to install, without CJK fonts."""

from tests import browser


def test_setup_fails_when_no_cjk_font_can_be_installed(monkeypatch, capsys):
    monkeypatch.setattr(browser, "chromium_path", lambda: "/usr/bin/chromium")
    monkeypatch.setattr(browser, "_cjk_fonts", lambda: False)
    # not root: setup cannot install Debian's fonts-noto-cjk
    monkeypatch.setattr(browser.os, "geteuid", lambda: 1000)
    assert browser.setup() == 1
    assert "fonts-noto-cjk" in capsys.readouterr().err


def test_setup_passes_with_chromium_and_a_cjk_font(monkeypatch):
    monkeypatch.setattr(browser, "chromium_path", lambda: "/usr/bin/chromium")
    monkeypatch.setattr(browser, "_cjk_fonts", lambda: True)
    assert browser.setup() == 0
