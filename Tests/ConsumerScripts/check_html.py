"""Render the review page with headless Chromium and check it holds every annotation.

Usage: python check_html.py PAGE PNG EXPECTED_JSON
"""
import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser


class Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.annotations = {}
        self.tags = []
        self.stack = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append(tag)
        key = attributes.get("data-ann")
        self.stack.append(key if tag == "span" else None)
        if key is not None:
            self.annotations.setdefault(key, "")

    def handle_endtag(self, tag):
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        for key in set(k for k in self.stack if k):
            self.annotations[key] += data


def main() -> int:
    page, png, expected_path = sys.argv[1], sys.argv[2], sys.argv[3]
    expected = json.load(open(expected_path, encoding="utf-8"))
    failures = []
    html = open(page, encoding="utf-8").read()
    collector = Collector()
    collector.feed(html)
    for tag in ("script", "link", "img", "iframe"):
        if tag in collector.tags:
            failures.append(f"the page has a <{tag}> element")
    for span in expected["spans"]:
        key = f"{span['session']}:{span['id']}"
        if key not in collector.annotations:
            failures.append(f"{key} missing from the page")
        elif collector.annotations[key] != "".join(span["pieces"]):
            failures.append(f"{key}: page text {collector.annotations[key]!r} != {''.join(span['pieces'])!r}")
    for key in expected["stances"]:
        if f'data-ann="{key}"' not in html:
            failures.append(f"stance {key} missing from the page")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        failures.append("chromium is not installed (scripts/setup --test installs it)")
    else:
        result = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1200,2400",
             f"--screenshot={png}", "file://" + os.path.abspath(page)],
            capture_output=True, text=True, timeout=120)
        if result.returncode != 0 or not os.path.exists(png) or os.path.getsize(png) < 1000:
            failures.append(f"chromium failed ({result.returncode}): {result.stderr[-500:]}")
        elif open(png, "rb").read(8) != b"\x89PNG\r\n\x1a\n":
            failures.append("the screenshot is not a PNG")
    for failure in failures:
        print(failure)
    if not failures:
        print(f"html ok: {len(collector.annotations)} annotations, screenshot {png}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
