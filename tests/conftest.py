import os
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # tests never open windows
os.environ.setdefault("MPLBACKEND", "Agg")

# plain `pytest` (unlike `python -m pytest`) does not put the repository root on
# sys.path; the benchmark smoke tests import the `benchmarks` package from it.
ROOT = str(Path(__file__).resolve().parents[1])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
