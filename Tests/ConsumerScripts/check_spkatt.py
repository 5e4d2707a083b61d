"""Compare SpkAtt-2023 task 2 JSON files: the exported ones against the originals.

Usage: python check_spkatt.py ORIGINAL_DIR EXPORTED_DIR

Checks the shape of every exported file (Annotations, DocumentName, Sentences with SentenceId and
Tokens; each annotation with Addr, Cue, Form, Frame, HasNested, IsNested, Message, STWR, Source,
span fields as "sentence:token" references to tokens that exist) and that it holds the same
sentences, tokens and annotations as the original. Span fields are compared as sets of references
(the originals list a few references twice or out of order); annotations as a multiset.
Prints the figures (files, annotations, mismatches); exit status 1 on any mismatch.
"""
import json
import os
import sys
from collections import Counter

FIELDS = {"Addr": list, "Cue": list, "Form": str, "Frame": list, "HasNested": bool, "IsNested": bool,
          "Message": list, "STWR": str, "Source": list}
SPANS = ["Addr", "Cue", "Frame", "Message", "Source"]


def shape(path, doc):
    problems = []
    if set(doc) != {"Annotations", "DocumentName", "Sentences"}:
        problems.append(f"{path}: top-level keys {sorted(doc)}")
        return problems
    sizes = []
    for i, s in enumerate(doc["Sentences"]):
        if set(s) != {"SentenceId", "Tokens"} or s["SentenceId"] != i or not all(isinstance(t, str) and t for t in s["Tokens"]):
            problems.append(f"{path}: Sentences[{i}] has the wrong shape")
        sizes.append(len(s["Tokens"]))
    for j, a in enumerate(doc["Annotations"]):
        if set(a) != set(FIELDS):
            problems.append(f"{path}: Annotations[{j}] keys {sorted(a)}")
            continue
        for key, kind in FIELDS.items():
            if not isinstance(a[key], kind):
                problems.append(f"{path}: Annotations[{j}].{key} is not {kind.__name__}")
        for key in SPANS:
            for ref in a[key]:
                s, t = map(int, ref.split(":"))
                if s >= len(sizes) or t >= sizes[s]:
                    problems.append(f"{path}: Annotations[{j}].{key} refers to missing token {ref}")
    return problems


def key(a):
    def refs(x):
        return tuple(sorted(set(x), key=lambda r: tuple(map(int, r.split(":")))))
    return tuple((k, refs(a[k]) if k in SPANS else a[k]) for k in sorted(FIELDS))


def main():
    original_dir, exported_dir = sys.argv[1], sys.argv[2]
    files = annotations = mismatches = 0
    problems = []
    for name in sorted(os.listdir(original_dir)):
        if not name.endswith(".json"):
            continue
        files += 1
        original = json.load(open(os.path.join(original_dir, name), encoding="utf-8"))
        path = os.path.join(exported_dir, name)
        if not os.path.exists(path):
            problems.append(f"{name}: not exported")
            mismatches += len(original["Annotations"])
            continue
        exported = json.load(open(path, encoding="utf-8"))
        problems += shape(name, exported)
        annotations += len(original["Annotations"])
        if original["DocumentName"] != exported["DocumentName"]:
            problems.append(f"{name}: DocumentName differs")
        if [s["Tokens"] for s in original["Sentences"]] != [s["Tokens"] for s in exported["Sentences"]]:
            problems.append(f"{name}: sentences or tokens differ")
        a, b = Counter(map(key, original["Annotations"])), Counter(map(key, exported["Annotations"]))
        missing, extra = a - b, b - a
        if missing or extra:
            mismatches += sum(missing.values())
            problems.append(f"{name}: {sum(missing.values())} annotations not exported, {sum(extra.values())} not in the original")
    for p in problems[:30]:
        print(p)
    print(f"spkatt: {files} files, {annotations} annotations, {mismatches} mismatches, {len(problems)} problems")
    return 1 if problems or mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
