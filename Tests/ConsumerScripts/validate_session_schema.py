"""Validate Workbench session files against docs/session.schema.json with the jsonschema package.

Usage: python validate_session_schema.py SCHEMA SESSION...

A SESSION ending in .jsonl is a session log: its first line is checked against $defs/logHeader,
every other line against $defs/logLine.
Prints one line per error and exits 1 if any file is invalid.
"""
import json
import sys

import jsonschema


def main() -> int:
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failed = False
    header = jsonschema.Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/logHeader"})
    line = jsonschema.Draft202012Validator({"$defs": schema["$defs"], "$ref": "#/$defs/logLine"})
    for path in sys.argv[2:]:
        if path.endswith(".jsonl"):
            with open(path, encoding="utf-8") as lines:
                for number, text in enumerate(lines, 1):
                    for error in (header if number == 1 else line).iter_errors(json.loads(text)):
                        failed = True
                        print(f"{path}:{number}: {error.json_path}: {error.message[:300]}")
            continue
        document = json.load(open(path, encoding="utf-8"))
        for error in validator.iter_errors(document):
            failed = True
            print(f"{path}: {error.json_path}: {error.message[:300]}")
    if not failed:
        print(f"{len(sys.argv) - 2} valid")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
