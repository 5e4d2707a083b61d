"""Load a brat export with bratly and pybrat and compare it with what Workbench exported.

Usage: python check_brat.py BRAT_DIR EXPECTED_JSON
"""
import json
import sys

from bratly.io import read_document_collection_from_folder
from bratly import EntityAnnotation, RelationAnnotation, AttributeAnnotation, NormalizationAnnotation, NoteAnnotation
from pybrat.parser import BratParser


def main() -> int:
    root, expected_path = sys.argv[1], sys.argv[2]
    expected = json.load(open(expected_path, encoding="utf-8"))
    failures = []
    for session, documents in expected["brat"].items():
        failures += check(f"{root}/{session}", documents)
    for failure in failures:
        print(failure)
    if not failures:
        print(f"brat ok: {', '.join(expected['brat'])}")
    return 1 if failures else 0


def check(folder, documents):
    failures = []
    collection = read_document_collection_from_folder(folder, renumerotize_ann=False, no_duplicates_ann=False)
    if collection is None:
        return [f"{folder}: bratly could not read the folder"]
    docs = {d.fullpath.rsplit("/", 1)[-1].rsplit(".", 1)[0]: d for d in collection.documents}
    for doc_id, counts in documents.items():
        doc = docs.get(doc_id)
        if doc is None:
            failures.append(f"{folder}/{doc_id}: not read by bratly")
            continue
        if doc.check_ann_compatibility_with_txt() is False:
            failures.append(f"{folder}/{doc_id}: check_ann_compatibility_with_txt failed")
        found = {}
        for collection_ in doc.annotation_collections:
            for kind, cls in [("T", EntityAnnotation), ("R", RelationAnnotation), ("A", AttributeAnnotation), ("N", NormalizationAnnotation), ("#", NoteAnnotation)]:
                found[kind] = found.get(kind, 0) + len(collection_.get_annotations(descendant_type=cls))
        for kind, count in counts.items():
            if found.get(kind, 0) != count:
                failures.append(f"{folder}/{doc_id}: bratly read {found.get(kind, 0)} {kind} lines, expected {count}")
    examples = BratParser(error="raise").parse(folder)
    entities = 0
    for example in examples:
        text = example.text
        for entity in example.entities:
            entities += 1
            pieces = [text[span.start:span.end].replace("\n", " ") for span in entity.spans]
            # pybrat strips each line's trailing whitespace (line.rstrip()): a span ending in
            # whitespace reads with a shorter mention, its offsets unchanged (see the README's brat row).
            if entity.mention not in (" ".join(pieces), " ".join(pieces).rstrip()):
                failures.append(f"{example.id} {entity.id}: text at offsets {pieces!r} != mention {entity.mention!r}")
    wanted = sum(c["T"] for c in documents.values())
    if entities != wanted:
        failures.append(f"{folder}: pybrat read {entities} entities, expected {wanted}")
    return failures


if __name__ == "__main__":
    sys.exit(main())
