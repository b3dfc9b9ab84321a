"""The checker in a real Jupyter kernel: runaway student code ends in a verdict and the kernel stays usable.

One kernel (this interpreter, as ``tests/notebook_runner.py`` starts it) runs
cells the way a student would: an endless loop, ``getpass``/``input`` (which
ipykernel refuses when the frontend sends no input), a 22 MB print,
``sys.exit()``, ``check`` indented into the function, and the stop button
(a real interrupt) during a long check. After each, the next cell runs.
"""

import sys
import time

import pytest

sys.path.insert(0, __import__("os").path.dirname(__file__))
from notebook_runner import kernel_manager  # noqa: E402

pytestmark = pytest.mark.notebooks


class Kernel:
    """A started kernel and a blocking client; ``run(code)`` returns (text shown, error name, seconds)."""

    def __init__(self):
        self.km = kernel_manager()
        self.km.start_kernel()
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=120)

    def send(self, code):
        return self.kc.execute(code, allow_stdin=False)

    def collect(self, msg_id, timeout=60):
        texts, error, start = [], None, time.monotonic()
        while True:
            msg = self.kc.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "stream":
                texts.append(content["text"])
            elif kind in ("execute_result", "display_data"):
                texts.append(content["data"].get("text/plain", ""))
            elif kind == "error":
                error = content["ename"]
            elif kind == "status" and content["execution_state"] == "idle":
                return "".join(texts), error, time.monotonic() - start

    def run(self, code, timeout=60):
        return self.collect(self.send(code), timeout)

    def close(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


@pytest.fixture(scope="module")
def kernel():
    k = Kernel()
    text, error, _ = k.run("import sys, time, getpass\nimport numpy as np\n"
                           "from mlplab.exercises import check\n"
                           "from mlplab.exercises._guard import CASE_SECONDS, time_limits\n"
                           "print(CASE_SECONDS)")
    assert error is None, text
    k.case_seconds = float(text)
    yield k
    k.close()


def _usable(kernel):
    text, error, _ = kernel.run("def relu(x):\n    return np.maximum(x, 0.0)\n\ncheck('relu')")
    assert error is None and text.startswith("[passed] relu: correct on all"), text


def test_an_endless_loop_is_stopped_with_the_default_time_limit(kernel):
    text, error, seconds = kernel.run("def relu(x):\n    while True:\n        pass\n\ncheck('relu')")
    assert error is None, text
    assert text.startswith(f"[error] relu: your function took longer than {kernel.case_seconds:g} s on one "
                           "case — an endless loop?"), text
    assert seconds < kernel.case_seconds + 5
    _usable(kernel)


def test_asking_for_input_is_an_error_not_not_attempted(kernel):
    for call in ("input('t? ')", "getpass.getpass()"):
        text, error, _ = kernel.run(f"def relu(x):\n    t = {call}\n    return np.maximum(x, float(t))\n\n"
                                    "check('relu')")
        assert error is None and text.startswith("[error] relu: your function calls `input()`"), text
    _usable(kernel)


def test_a_22_MB_print_stays_out_of_the_notebook(kernel):
    text, error, _ = kernel.run("def relu(x):\n    print('x' * 22_000_000)\n    return np.maximum(x, 0.0)\n\n"
                                "check('relu')")
    assert error is None and text.startswith("[passed] relu: correct on all"), text[:300]
    assert len(text) < 3000


@pytest.mark.parametrize("call", ["sys.exit()", "exit()", "quit()", "raise SystemExit(0)"])
def test_exiting_does_not_stop_the_kernel(kernel, call):
    text, error, _ = kernel.run(f"def relu(x):\n    {call}\n\ncheck('relu')")
    assert error is None and text.startswith("[error] relu: your function calls `sys.exit()`"), text
    _usable(kernel)


def test_check_indented_into_the_function(kernel):
    text, error, _ = kernel.run("def relu(x):\n    y = np.maximum(x, 0.0)\n    check('relu')\n"
                                "    return y\n\ncheck('relu')")
    assert error is None and text.startswith("[error] relu: your function calls `check(...)` itself"), text
    _usable(kernel)


def test_the_stop_button_still_stops_a_check(kernel):
    msg_id = kernel.send("def relu(x):\n    while True:\n        time.sleep(0.01)\n\n"
                         "with time_limits(case=30, check=60):\n    check('relu')")
    time.sleep(1.5)
    start = time.monotonic()
    kernel.km.interrupt_kernel()
    text, error, _ = kernel.collect(msg_id, timeout=30)
    assert error == "KeyboardInterrupt", text
    assert time.monotonic() - start < 10
    _usable(kernel)
