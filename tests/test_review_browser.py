"""The review page in a real browser: headless Chromium runs its script, shows the highlights and the charts,
and draws a screenshot that is not blank, with Chinese in real glyphs.

Needs Debian's `chromium` (and `fonts-noto-cjk` for the glyph check); `.ci/run` installs both when it can.
Skips, saying why, only where no browser is installed.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from fangkong.cli.main import cli
from fangkong.output.review import FONT_STACK

pytest.importorskip("matplotlib", reason="the review page needs matplotlib (the html extra)")
Image = pytest.importorskip("PIL.Image", reason="reading the screenshot needs Pillow (the test extra)")

BROWSER = next((found for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
                if (found := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="no headless Chromium on this machine: apt-get install chromium fonts-noto-cjk "
                            "(.ci/run does so when it runs as root with apt)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--hide-scrollbars"]
REPORT = """<html><body><h1>东坪镇：疫情防控简报</h1><p>2020年02月15日</p>
<p>截至2月10日，全镇共设卡点12个，其中村级卡点9个。南桥村发放宣传单3000份，组织志愿者48名。</p>
<p>&lt;script&gt;document.title = "pwned"&lt;/script&gt;北桥村发放宣传单1200份。</p></body></html>
"""
HIGHLIGHT = (0xFF, 0xE0, 0x66)  # mark.fact's background
BAR = (0x3B, 0x7D, 0xD8)  # the charts' bars


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    """Run headless Chromium with a fresh profile; kill its whole process group if it hangs."""
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    process = subprocess.Popen([BROWSER, *FLAGS, f"--user-data-dir={profile}", *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, err = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail("chromium did not finish within 120 s")
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("review")
    (folder / "reports").mkdir()
    (folder / "reports" / "town.html").write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(folder / "reports"), "-o", str(folder / "facts.csv"),
                                      "--html", str(folder / "review.html")])
    assert result.exit_code == 0, result.output
    return folder / "review.html"


def near(pixels: np.ndarray, colour: tuple[int, int, int], slack: int = 12) -> int:
    """How many pixels (an array of RGB rows) are within `slack` of `colour` in each channel."""
    return int((np.abs(pixels.astype(int) - np.array(colour)) <= slack).all(axis=-1).sum())


def test_rendered_dom_holds_highlights_and_charts(page, tmp_path):
    facts = pd.read_csv(page.parent / "facts.csv")
    result = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    assert 'data-ready="yes"' in dom  # the page's script ran to its end
    assert dom.count('<mark class="fact"') == len(facts) >= 5
    assert dom.count('<figure class="metric-chart"') == facts["metric"].nunique()
    assert dom.count("<svg") == facts["metric"].nunique() and "<path" in dom
    assert "<title>fangkong review</title>" in dom  # the report's script did not run …
    assert "&lt;script&gt;document.title" in dom  # … it is shown as text


# Run in the page after its own script: click the first highlight, then filter by one metric, and write
# what the page shows into <body data-…> for --dump-dom to report.
PROBE = """<script>
var mark = document.querySelector("mark.fact");
mark.click();
var panel = document.getElementById("details");
document.body.dataset.panel = panel.hidden ? "hidden" : panel.querySelector("dl").textContent;
panel.querySelector("button.close").click();
document.body.dataset.closed = panel.hidden ? "yes" : "no";
var menu = document.getElementById("metric-filter");
menu.value = "volunteers";
menu.dispatchEvent(new Event("change"));
document.body.dataset.dimmed = document.querySelectorAll("mark.fact.dim").length;
document.body.dataset.charts = Array.from(document.querySelectorAll("figure.metric-chart"))
  .filter(function (f) { return !f.hidden; }).map(function (f) { return f.dataset.metric; }).join(" ");
</script>"""


def test_clicking_a_highlight_shows_its_details_and_the_filter_dims_the_rest(page, tmp_path):
    facts = pd.read_csv(page.parent / "facts.csv")
    probed = tmp_path / "probed.html"
    probed.write_text(page.read_text("utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = chromium(tmp_path, "--dump-dom", probed.as_uri()).stdout
    panel = re.search(r'data-panel="([^"]*)"', dom).group(1)
    first = facts.iloc[0]
    assert panel.startswith(f"id{first['id']}metric{first['metric']}value12")  # dt/dd pairs, as text
    assert "rulecheckpoints." in panel and "roletotal" in panel and "as_of2020-02-10" in panel
    assert 'data-closed="yes"' in dom
    assert re.search(r'data-dimmed="(\d+)"', dom).group(1) == str((facts["metric"] != "volunteers").sum())
    assert re.search(r'data-charts="([^"]*)"', dom).group(1) == "volunteers"


def test_screenshot_is_not_blank_and_shows_highlights_and_bars(page, tmp_path):
    shot = tmp_path / "shot.png"
    result = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1200,3000", page.as_uri())
    assert shot.exists(), result.stderr[-2000:]
    pixels = np.asarray(Image.open(shot).convert("RGB"))
    count = pixels.shape[0] * pixels.shape[1]
    assert near(pixels, (255, 255, 255), slack=10) < 0.97 * count  # something is drawn
    assert len(np.unique(pixels.reshape(-1, 3)[::7], axis=0)) > 50  # text, charts, highlights: not a flat page
    assert near(pixels, HIGHLIGHT) > 500  # the highlighted numbers
    assert near(pixels, BAR) > 2000  # the bars


def test_chinese_renders_in_real_glyphs(tmp_path):
    fonts = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout if shutil.which(
        "fc-list") else ""
    if not fonts.strip():
        pytest.skip("no Chinese font installed (apt-get install fonts-noto-cjk)")
    shots = []
    for character in ("国", "图"):
        html = tmp_path / f"{ord(character)}.html"
        html.write_text(f'<html><body style="margin:0;font: 120px {FONT_STACK}">{character}</body></html>',
                        encoding="utf-8")
        shot = tmp_path / f"{ord(character)}.png"
        chromium(tmp_path, f"--screenshot={shot}", "--window-size=200,200", html.as_uri())
        shots.append(np.asarray(Image.open(shot).convert("L")))
    assert shots[0].min() < 100  # a glyph is drawn …
    assert (shots[0] != shots[1]).sum() > 50  # … and two characters differ: no identical missing-glyph boxes
