"""Reference agreement coefficients for the Swift agreement tests.

Reads a JSON file of cases (argv[1]) and prints {"name": value-or-null, ...}. Each case has a
"kind" (cohen, fleiss, alpha) and "data":
  cohen:  [labels of annotator 1, labels of annotator 2]
  fleiss: items, each the list of labels its annotators gave
  alpha:  one row per annotator, one value per unit, null for missing
A coefficient the reference leaves undefined (nan, or an error it raises) is printed as null.
"""
import json
import math
import sys
import warnings

import numpy as np
import krippendorff
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import fleiss_kappa

warnings.simplefilter("ignore")


def finite(value):
    value = float(value)
    return value if math.isfinite(value) else None


def cohen(data):
    return finite(cohen_kappa_score(data[0], data[1]))


def fleiss(items):
    labels = sorted({label for item in items for label in item})
    table = np.array([[item.count(label) for label in labels] for item in items], dtype=float)
    with np.errstate(all="ignore"):
        return finite(fleiss_kappa(table, method="fleiss"))


def alpha(rows):
    labels = sorted({value for row in rows for value in row if value is not None})
    code = {label: float(i) for i, label in enumerate(labels)}
    matrix = np.array([[np.nan if value is None else code[value] for value in row] for row in rows], dtype=float)
    try:
        with np.errstate(all="ignore"):
            return finite(krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal"))
    except ValueError:
        return None


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        cases = json.load(handle)
    compute = {"cohen": cohen, "fleiss": fleiss, "alpha": alpha}
    print(json.dumps({case["name"]: compute[case["kind"]](case["data"]) for case in cases}))


if __name__ == "__main__":
    main()
