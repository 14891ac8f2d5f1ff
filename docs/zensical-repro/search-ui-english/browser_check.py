"""Optional: open the built site in Chromium (Playwright), search, print what the dialog says.

Run `sh check.sh` first (it builds site/), then: python browser_check.py [/path/to/chromium]
"""

import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

site = Path(__file__).parent / "site"
chromium = sys.argv[1] if len(sys.argv) > 1 else "/usr/bin/chromium"
server = subprocess.Popen(
    [sys.executable, "-m", "http.server", "8765", "-d", str(site), "-b", "127.0.0.1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
)
time.sleep(1)
try:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto("http://127.0.0.1:8765/")
        page.click(".md-search__button")
        page.wait_for_timeout(500)
        page.keyboard.type("الشركات")
        page.wait_for_timeout(1500)
        labels = page.eval_on_selector_all(
            "dialog[open], dialog[open] [aria-label], dialog[open] [placeholder]",
            "els => els.map(e => [e.tagName, e.getAttribute('aria-label'), e.getAttribute('placeholder'), e.getAttribute('lang')])",
        )
        print("html lang:", page.get_attribute("html", "lang"))
        print("labels (tag, aria-label, placeholder, lang):", labels)
        print("dialog text:", " | ".join(t.strip() for t in page.locator("dialog[open]").inner_text().splitlines() if t.strip()))
        browser.close()
finally:
    server.terminate()
