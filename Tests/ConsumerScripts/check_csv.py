"""Read claims.csv with Python's csv module (as spreadsheets and pandas read it) and compare with Workbench.

Checks the header, one row per claim, that no cell would start a spreadsheet formula
(= + - @ tab CR: such cells must begin with a single quote), and that the stances column of each
claim lists exactly the stances whose evidence includes that claim.

Usage: python check_csv.py CLAIMS_CSV EXPECTED_JSON
"""
import csv
import json
import sys


def main() -> int:
    path, expected_path = sys.argv[1], sys.argv[2]
    expected = json.load(open(expected_path, encoding="utf-8"))
    failures = []
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, strict=True))
    header, body = rows[0], rows[1:]
    if header != expected["csv_columns"]:
        failures.append(f"header {header!r} != {expected['csv_columns']!r}")
    wanted = expected["csv_stances"]
    if len(body) != len(wanted):
        failures.append(f"{len(body)} rows, expected {len(wanted)} (one per claim)")
    column = {name: index for index, name in enumerate(header)}
    for number, row in enumerate(body, 2):
        if len(row) != len(header):
            failures.append(f"row {number}: {len(row)} cells, expected {len(header)}")
            continue
        for name, cell in zip(header, row):
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                failures.append(f"row {number} {name}: {cell!r} would run as a formula")
        key = f"{row[column['session']]}:{row[column['claim']]}"
        if key not in wanted:
            failures.append(f"row {number}: unexpected claim {key}")
        elif row[column["stances"]] != wanted[key]:
            failures.append(f"row {number} {key}: stances {row[column['stances']]!r} != {wanted[key]!r}")
    for failure in failures:
        print(failure)
    if not failures:
        print(f"csv ok: {len(body)} rows")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
