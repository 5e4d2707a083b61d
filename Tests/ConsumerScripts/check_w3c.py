"""Expand W3C Web Annotations with pyld (local context, no network) and check the selectors.

Usage: python check_w3c.py ANNOTATIONS_JSONLD CONTEXT_JSONLD EXPECTED_JSON
"""
import json
import sys
import urllib.parse

from pyld import jsonld

OA = "http://www.w3.org/ns/oa#"


def main() -> int:
    path, context_path, expected_path = sys.argv[1], sys.argv[2], sys.argv[3]
    expected = json.load(open(expected_path, encoding="utf-8"))
    context = json.load(open(context_path, encoding="utf-8"))

    def loader(url, options=None):
        if url.rstrip("/") == "http://www.w3.org/ns/anno.jsonld":
            return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": context}
        raise RuntimeError(f"network access refused for {url}")

    jsonld.set_document_loader(loader)
    annotations = json.load(open(path, encoding="utf-8"))
    failures = []
    texts = expected["texts"]
    for annotation in annotations:
        expanded = jsonld.expand(annotation)
        if len(expanded) != 1 or OA + "Annotation" not in expanded[0].get("@type", []):
            failures.append(f"{annotation.get('id')}: not an oa:Annotation after expansion")
            continue
        node = expanded[0]
        if OA + "hasBody" not in node or OA + "hasTarget" not in node:
            failures.append(f"{annotation['id']}: body or target lost in expansion")
        for target in annotation["target"]:
            if isinstance(target, str):
                continue
            document = urllib.parse.unquote(target["source"].split(":", 3)[3])
            position, quote = target["selector"]
            text = texts[document]
            exact = text[position["start"]:position["end"]]
            if quote["exact"] != exact:
                failures.append(f"{annotation['id']}: exact {quote['exact']!r} != text {exact!r}")
            if not text[:position["start"]].endswith(quote["prefix"]) or not text[position["end"]:].startswith(quote["suffix"]):
                failures.append(f"{annotation['id']}: prefix or suffix does not match")
    if len(annotations) != expected["w3c"]:
        failures.append(f"{len(annotations)} annotations, expected {expected['w3c']}")
    for failure in failures:
        print(failure)
    if not failures:
        print(f"w3c ok: {len(annotations)} annotations expanded")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
