"""Lay out a review page in headless Chromium and check that every line separator (U+2028) and
paragraph separator (U+2029) of the document texts shows as a break: the text after it starts on
a lower line than the text before it (a paragraph separator leaves an empty line between), and the
page's text still holds the separator itself.

Usage: python check_html_breaks.py PAGE EXPECTED_JSON

EXPECTED_JSON: {"separators": N}  (how many separators the document texts hold)

The page has no scripts; the check copies it and adds one that measures the layout and writes the
result into the DOM, which Chromium prints with --dump-dom.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

MEASURE = """
<script>
(function () {
  var results = [];
  var seps = document.querySelectorAll('.text .ls, .text .ps');
  for (var i = 0; i < seps.length; i++) {
    var sep = seps[i];
    var kind = sep.classList.contains('ps') ? 'ps' : 'ls';
    var text = sep.textContent;
    // The character before the separator and the one after it.
    var before = null, after = null;
    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    var inside = sep.firstChild;
    var at = nodes.indexOf(inside);
    for (var j = at - 1; j >= 0 && !before; j--) if (nodes[j].length) { var r = document.createRange(); r.setStart(nodes[j], nodes[j].length - 1); r.setEnd(nodes[j], nodes[j].length); before = r.getBoundingClientRect(); }
    for (var k = at + 1; k < nodes.length && !after; k++) if (nodes[k].length) { var r2 = document.createRange(); r2.setStart(nodes[k], 0); r2.setEnd(nodes[k], 1); after = r2.getBoundingClientRect(); }
    results.push({kind: kind, text: text, before: before ? before.top : null, after: after ? after.top : null, height: before ? before.height : null});
  }
  var out = document.createElement('pre');
  out.id = 'break-results';
  out.textContent = JSON.stringify(results);
  document.body.appendChild(out);
})();
</script>
"""


def main() -> int:
    page, expected_path = sys.argv[1], sys.argv[2]
    expected = json.load(open(expected_path, encoding="utf-8"))
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("chromium is not installed (scripts/setup --test installs it)")
        return 1
    html = open(page, encoding="utf-8").read()
    with tempfile.TemporaryDirectory() as folder:
        measured = os.path.join(folder, "measured.html")
        with open(measured, "w", encoding="utf-8") as f:
            f.write(html.replace("</body>", MEASURE + "</body>"))
        result = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1200,2400", "--dump-dom", "file://" + measured],
            capture_output=True, text=True, timeout=120)
    match = re.search(r'<pre id="break-results">(.*?)</pre>', result.stdout, re.S)
    if result.returncode != 0 or not match:
        print(f"chromium failed ({result.returncode}): {result.stderr[-500:]}")
        return 1
    results = json.loads(match.group(1).replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"))
    failures = []
    if len(results) != expected["separators"]:
        failures.append(f"found {len(results)} separators in the document texts, expected {expected['separators']}")
    for number, item in enumerate(results, 1):
        want = "\u2029" if item["kind"] == "ps" else "\u2028"
        if item["text"] != want:
            failures.append(f"separator {number}: the page's text is {item['text']!r}, not {want!r}")
        if item["before"] is None or item["after"] is None:
            failures.append(f"separator {number}: no text around it")
            continue
        lines = (item["after"] - item["before"]) / max(item["height"] or 1, 1)
        least = 1.5 if item["kind"] == "ps" else 0.5
        if lines < least:
            failures.append(f"separator {number} ({item['kind']}): the text after it is {item['after'] - item['before']:.1f}px lower, "
                            f"not on a {'later paragraph' if item['kind'] == 'ps' else 'new line'}")
    for failure in failures:
        print(failure)
    if not failures:
        print(f"html breaks ok: {len(results)} separators shown as breaks")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
