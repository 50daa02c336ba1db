"""The independent side of the oracle tests: every answer recomputed from the graph's raw facts
(the `export_*` dumps) with networkx and plain Python, shared by the tests and bench/."""
