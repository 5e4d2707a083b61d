"""Validate Workbench session files against docs/session.schema.json with the jsonschema package.

Usage: python validate_session_schema.py SCHEMA SESSION...
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
    for path in sys.argv[2:]:
        document = json.load(open(path, encoding="utf-8"))
        for error in validator.iter_errors(document):
            failed = True
            print(f"{path}: {error.json_path}: {error.message[:300]}")
    if not failed:
        print(f"{len(sys.argv) - 2} valid")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
