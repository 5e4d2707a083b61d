"""Validate every line of the JSONL exports against the schemas in docs/ with jsonschema.

Usage: python check_jsonl.py ANNOTATIONS_JSONL SCHEMA ENTITIES_JSONL ENTITIES_SCHEMA EXPECTED_JSON
"""
import json
import sys

import jsonschema


def main() -> int:
    failures = []
    counts = {}
    expected = json.load(open(sys.argv[5], encoding="utf-8"))
    for data_path, schema_path in [(sys.argv[1], sys.argv[2]), (sys.argv[3], sys.argv[4])]:
        schema = json.load(open(schema_path, encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        for number, line in enumerate(open(data_path, encoding="utf-8"), 1):
            record = json.loads(line)
            for error in validator.iter_errors(record):
                failures.append(f"{data_path}:{number}: {error.json_path}: {error.message[:200]}")
            if "spans" in record:
                text = record["text"]
                for span in record["spans"]:
                    counts[span["label"]] = counts.get(span["label"], 0) + 1
                    tokens = record["tokens"]
                    if not (tokens[span["token_start"]]["start"] <= span["start"] and span["end"] <= tokens[span["token_end"]]["end"]):
                        failures.append(f"{data_path}:{number}: span {span} not covered by its tokens")
                for token in record["tokens"]:
                    if text[token["start"]:token["end"]] != token["text"]:
                        failures.append(f"{data_path}:{number}: token {token} does not match the text")
    if counts != expected["jsonl_pieces"]:
        failures.append(f"span pieces {counts}, expected {expected['jsonl_pieces']}")
    for failure in failures:
        print(failure)
    if not failures:
        print("jsonl ok")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
