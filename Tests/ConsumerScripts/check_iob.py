"""Read IOB2 exports and extract entities with seqeval in strict IOB2 mode; compare with Workbench's list.

Usage: python check_iob.py FOLDER EXPECTED_JSON
"""
import json
import sys

from seqeval.metrics.sequence_labeling import get_entities
from seqeval.scheme import IOB2, Entities


def main() -> int:
    folder, expected_path = sys.argv[1], sys.argv[2]
    expected = json.load(open(expected_path, encoding="utf-8"))
    failures = []
    for session, wanted in expected["iob"].items():
        path = f"{folder}/{session}.conll"
        sentences, current, document = [], [], None
        for number, line in enumerate(open(path, encoding="utf-8").read().split("\n"), 1):
            if line.startswith("-DOCSTART-"):
                document = len([s for s in sentences])
                continue
            if not line:
                if current:
                    sentences.append(current)
                    current = []
                continue
            parts = line.split(" ")
            if len(parts) != 4:
                failures.append(f"{path}:{number}: expected 4 fields: {line!r}")
                continue
            current.append(parts[3])
        if current:
            sentences.append(current)
        entities = Entities(sentences, IOB2, suffix=False)
        found = [[s, e.tag, e.start, e.end - 1] for s, sentence in enumerate(entities.entities) for e in sentence]
        wanted_flat = [[item[0], item[1], item[2], item[3]] for item in wanted]
        if found != wanted_flat:
            failures.append(f"{session}: seqeval found {found}, expected {wanted_flat}")
        lenient = [[t, s, e] for t, s, e in get_entities([tag for sentence in sentences for tag in sentence])]
        if len(lenient) != len(found):
            failures.append(f"{session}: lenient extraction finds {len(lenient)} entities, strict {len(found)}")
    for failure in failures:
        print(failure)
    if not failures:
        print("iob ok")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
