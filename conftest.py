"""Loaded by pytest before anything it collects (tests/ and the nbval lesson runs).

No test, and no kernel a test starts, may touch the user's progress ledger or
follow an instructor's class-mode setting: recording is off, the data folder
is a temporary one (kernels started by ``tests/notebook_runner.py`` get their
own, with recording on), and the course mode is self-study.
"""

import atexit
import os
import shutil
import tempfile

_DATA = tempfile.mkdtemp(prefix="mlplab-test-data-")
atexit.register(shutil.rmtree, _DATA, ignore_errors=True)
os.environ["MLPLAB_DATA_DIR"] = _DATA
os.environ["MLPLAB_PROGRESS"] = "off"
os.environ["MLPLAB_MODE"] = "self"
