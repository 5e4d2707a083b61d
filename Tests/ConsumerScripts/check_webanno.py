"""Load every WebAnno TSV file of an export with web-anno-tsv (wrong offset units raise "Bad offsets").

Usage: python check_webanno.py FOLDER EXPECTED_JSON
"""
import glob
import json
import sys

from web_anno_tsv import open_web_anno_tsv


def main() -> int:
    folder, expected_path = sys.argv[1], sys.argv[2]
    expected = json.load(open(expected_path, encoding="utf-8"))
    failures = []
    files = sorted(glob.glob(folder + "/**/*.tsv", recursive=True))
    if len(files) != expected["webanno_files"]:
        failures.append(f"found {len(files)} files, expected {expected['webanno_files']}")
    annotations = 0
    for path in files:
        lines = open(path, encoding="utf-8").read().split("\n")
        if lines[0] != "#FORMAT=WebAnno TSV 3.3":
            failures.append(f"{path}: bad header {lines[0]!r}")
        for number, line in enumerate(lines, 1):
            if line and not line.startswith("#") and len(line.split("\t")) != 8:
                failures.append(f"{path}:{number}: expected 8 columns: {line!r}")
        try:
            with open_web_anno_tsv(path) as reader:
                for sentence in reader:
                    annotations += len(sentence.annotations)
                    for annotation in sentence.annotations:
                        if sentence.text[annotation.start:annotation.stop] != annotation.text:
                            failures.append(f"{path}: {annotation}")
        except Exception as error:  # noqa: BLE001 - report every failure
            failures.append(f"{path}: {str(error)[:400]}")
    if annotations != expected["webanno_pieces"]:
        failures.append(f"read {annotations} annotations, expected {expected['webanno_pieces']}")
    for failure in failures:
        print(failure)
    if not failures:
        print(f"webanno ok: {len(files)} files, {annotations} annotations")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
