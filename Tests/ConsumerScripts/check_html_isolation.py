"""Load a review page in headless Chromium and check, on the DOM Chromium built, that nothing from
the corpus or the sessions became markup or left its element.

Usage: python check_html_isolation.py PAGE EXPECTED_JSON

EXPECTED_JSON: {"spans": {"SESSION:ID": "text as the page shows it", ...},
                "bidi": [code points of the bidi controls, as the workbench defines them (InvisibleScalar)]}
- no element runs anything or loads anything (no script, iframe, object, embed, img, link, base,
  form; no on* attribute; every href a fragment of the page), no comment;
- Chromium's elements are the page's elements as Python's html.parser reads the file (tbody, which
  Chromium adds, left out): no text closed an element or opened one;
- every annotation's text on the page is the expected text;
- every text holding a bidi embedding, override or isolate outside the document texts is the
  whole content of a <bdi>, so its effect ends there.
"""
import json
import shutil
import subprocess
import sys
from html.parser import HTMLParser

BIDI = set()  # the bidi controls: given by the test in EXPECTED_JSON, from the workbench's one definition
FORBIDDEN = {"script", "iframe", "object", "embed", "img", "link", "base", "form", "frame", "svg", "math"}
VOID = {"meta", "br", "hr", "input", "link", "img", "wbr"}


class Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.stack, self.failures = [], [], []
        self.annotations = {}

    def handle_starttag(self, tag, attrs):
        if tag in ("html", "head", "body", "tbody"):
            return
        attributes = dict(attrs)
        self.tags.append(tag)
        if tag in FORBIDDEN:
            self.failures.append(f"a <{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.failures.append(f"<{tag} {name}=…>: an event handler attribute")
            if name in ("href", "src", "action", "formaction") and not (value or "").startswith("#"):
                self.failures.append(f"<{tag} {name}={value!r}>: not a fragment of the page")
        if tag not in VOID:
            self.stack.append((tag, attributes))
            key = attributes.get("data-ann") if tag == "span" else None
            if key is not None:
                self.annotations.setdefault(key, "")

    def handle_endtag(self, tag):
        if tag in ("html", "head", "body", "tbody") or tag in VOID:
            return
        if self.stack:
            self.stack.pop()

    def handle_comment(self, data):
        self.failures.append(f"a comment <!--{data[:40]}")

    def handle_data(self, data):
        for tag, attributes in self.stack:
            if tag == "span" and attributes.get("data-ann") is not None:
                self.annotations[attributes["data-ann"]] += data
        if any(c in BIDI for c in data):
            in_text = any(tag == "div" and "text" in (attributes.get("class") or "").split() for tag, attributes in self.stack)
            if not in_text and (not self.stack or self.stack[-1][0] != "bdi"):
                where = "/".join(tag for tag, _ in self.stack)
                self.failures.append(f"bidi control outside <bdi> in {where}: {data[:60]!r}")


def main() -> int:
    page, expected_path = sys.argv[1], sys.argv[2]
    expected = json.load(open(expected_path, encoding="utf-8"))
    BIDI.update(chr(c) for c in expected["bidi"])
    failures = []
    source = Reader()
    source.feed(open(page, encoding="utf-8").read())
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("chromium is not installed (scripts/setup --test installs it)")
        return 1
    result = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://" + page],
        capture_output=True, text=True, timeout=120)
    if result.returncode != 0 or "<body" not in result.stdout:
        print(f"chromium failed ({result.returncode}): {result.stderr[-500:]}")
        return 1
    dom = Reader()
    dom.feed(result.stdout)
    failures += [f"page: {f}" for f in source.failures] + [f"Chromium's DOM: {f}" for f in dom.failures]
    if dom.tags != source.tags:
        first = next((i for i, (a, b) in enumerate(zip(dom.tags, source.tags)) if a != b), min(len(dom.tags), len(source.tags)))
        failures.append(f"Chromium built other elements than the page holds, from element {first}: "
                        f"{dom.tags[first:first + 5]} != {source.tags[first:first + 5]}")
    for key, text in expected["spans"].items():
        if dom.annotations.get(key) != text:
            failures.append(f"{key}: Chromium shows {dom.annotations.get(key)!r}, expected {text!r}")
    for failure in failures:
        print(failure)
    if not failures:
        print(f"html isolation ok: {len(dom.tags)} elements, {len(dom.annotations)} annotations")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
