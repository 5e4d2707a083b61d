"""Load a Label Studio export with label-studio-sdk and check every annotation against the config.

Usage: python check_labelstudio.py EXPORT_DIR

Reads labeling-config.xml and tasks.json; each annotation must pass
LabelInterface(config).validate_annotation, and each label region's text must be the task text at
its start/end (Python str offsets: Unicode scalars). Prints "labelstudio ok: N tasks, M results".
"""
import json
import sys

from label_studio_sdk.label_interface import LabelInterface


def main() -> int:
    folder = sys.argv[1]
    config = open(f"{folder}/labeling-config.xml", encoding="utf-8").read()
    tasks = json.load(open(f"{folder}/tasks.json", encoding="utf-8"))
    interface = LabelInterface(config)
    failures = []
    results = 0
    for task in tasks:
        text = task["data"]["text"]
        for number, annotation in enumerate(task.get("annotations", [])):
            errors = interface._validate_object(annotation, return_errors=True)
            if not interface.validate_annotation(annotation):
                failures.append(f"task {task['id']} annotation {number}: {errors}")
            for result in annotation["result"]:
                results += 1
                if result.get("type") == "labels":
                    value = result["value"]
                    if text[value["start"]:value["end"]] != value["text"]:
                        failures.append(f"task {task['id']} {result['id']}: text at {value['start']}–{value['end']} is not {value['text']!r}")
    for failure in failures[:20]:
        print(failure)
    if not failures:
        print(f"labelstudio ok: {len(tasks)} tasks, {results} results")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
