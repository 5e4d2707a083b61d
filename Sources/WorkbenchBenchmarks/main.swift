import Annotations

print("workbench-benchmarks: nothing yet")
