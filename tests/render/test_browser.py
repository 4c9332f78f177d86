"""The review page in a real browser (headless Chromium, where installed:
bootstrap.sh installs Debian's chromium for the tests when it can): it
renders, its script runs under its Content-Security-Policy, every link
between a finding and its spans lands, and markup in article text stays text."""

import re
import shutil
import subprocess

import pytest

from mtcheck.pipeline import Options, Session, check_article
from mtcheck.readers.text import read_text
from mtcheck.render import render
from mtcheck.types import Article

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium on this machine")


def art(text, id="x"):
    return Article(id, text, paragraphs=read_text(text).paragraphs)


def dom(path) -> str:
    out = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--no-first-run", "--disable-extensions", f"--user-data-dir={path.parent / 'profile'}",
         "--virtual-time-budget=2000", "--dump-dom", path.as_uri()],
        capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-500:]
    return out.stdout


def test_the_page_renders_runs_its_script_and_keeps_article_markup_as_text(tmp_path):
    src = "Antony Blinken said 94,000 soldiers left. <img src=x onerror=\"document.title='pwned'\">"
    mt = "Antony Blink dijo que 49.000 soldados se fueron. <script>document.title='pwned'</script>"
    s = Session(Options(src_lang="en", tgt_lang="es", use_models=False))
    page = tmp_path / "r.html"
    page.write_text(render(s.report([check_article(s, art(src), art(mt, id="<b>x</b>"))], "check"), "html"))
    html = dom(page)
    assert "pwned" not in re.search(r"<title>(.*?)</title>", html).group(1)
    assert "<img" not in html and html.count("<script") == 1 and "<b>x</b>" not in html
    # the script ran (it fills the false-alarm count): the CSP admitted it by its hash
    assert '<span id="fa-count">0</span>' in html
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    hrefs = re.findall(r'href="#([^"]+)"', html)
    assert hrefs and set(hrefs) <= ids  # every link lands
    assert {"a1-f1", "a1-m1", "a1-s1"} <= ids and {"a1-f1", "a1-m1", "a1-s1"} <= set(hrefs)  # and back
