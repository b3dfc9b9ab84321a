"""The checker's guard: time limits, re-entrant checks, real interrupts, prints, input(), the stub test.

Each test checks the verdict and that the interpreter is left as it was
(signal handlers, timers, trace function, sys.stdout, builtins.input), so the
notebook stays usable after a runaway function.
"""

import builtins
import os
import signal
import sys
import threading
import time

import numpy as np
import pytest

from mlplab.exercises import check, reference
from mlplab.exercises._display import MAX_MESSAGE
from mlplab.exercises._guard import CASE_SECONDS, CHECK_SECONDS, is_stub, time_limits

UNIX = hasattr(signal, "setitimer")


@pytest.fixture
def fast():
    """Short limits, so a runaway function costs half a second."""
    with time_limits(case=0.5, check=2.0):
        yield


def endless(x):
    while True:
        pass


def _relu(x):
    return np.maximum(x, 0.0)


def _usable():
    """A correct function passes right after whatever the test did."""
    result = check("relu", _relu)
    assert result.status == "passed", result


# ---------------------------------------------------------------- time limits
def test_the_limits_are_a_few_seconds():
    assert 1 <= CASE_SECONDS <= 5 and CASE_SECONDS < CHECK_SECONDS <= 15


def test_endless_loop_is_stopped_with_the_default_limit():
    start = time.monotonic()
    result = check("relu", endless)
    elapsed = time.monotonic() - start
    assert result.status == "error"
    assert result.message.startswith(f"your function took longer than {CASE_SECONDS:g} s on one case — "
                                     "an endless loop?"), result
    assert CASE_SECONDS <= elapsed < CASE_SECONDS + 2
    _usable()


def test_sleep_is_cut_short(fast):
    start = time.monotonic()
    result = check("sigmoid", lambda x: time.sleep(3600))
    assert result.status == "error" and "took longer than 0.5 s" in result.message
    assert time.monotonic() - start < 2
    assert "case: sigmoid(x)" in result.message  # which case it was stuck on


def test_the_total_limit_covers_all_cases_together():
    def slow_relu(x):
        time.sleep(0.3)
        return np.maximum(x, 0.0)

    with time_limits(case=0.5, check=0.8):
        result = check("relu", slow_relu)
    assert result.status == "error"
    assert "took longer than 0.8 s over all cases together" in result.message


def test_a_slow_but_finite_function_still_passes(fast):
    def relu(x):
        time.sleep(0.05)
        return np.maximum(x, 0.0)

    assert check("relu", relu).status == "passed"


@pytest.mark.parametrize("body", [
    "while True:\n        try:\n            time.sleep(0.2)\n        except BaseException:\n            pass",
    "while True:\n        try:\n            pass\n        except BaseException:\n            continue",
    "for _ in iter(int, 1):\n        try:\n            while True: pass\n        finally:\n            pass",
], ids=["sleep", "tight", "finally"])
def test_code_that_swallows_the_stop_is_still_stopped(fast, body):
    namespace = {"time": time}
    exec(f"def relu(x):\n    {body}\n", namespace)
    start = time.monotonic()
    result = check("relu", namespace["relu"])
    assert result.status == "error" and "took longer than 0.5 s" in result.message, result
    assert time.monotonic() - start < 3
    assert sys.gettrace() is None or "coverage" in type(sys.gettrace()).__module__
    _usable()


def test_swallowing_the_stop_then_returning_is_still_too_slow(fast):
    def relu(x):
        try:
            while True:
                pass
        except BaseException:
            return np.maximum(x, 0.0)

    result = check("relu", relu)
    assert result.status == "error" and "took longer than" in result.message


@pytest.mark.skipif(not UNIX, reason="ITIMER_REAL is Unix-only")
def test_a_previous_alarm_handler_and_timer_are_restored(fast):
    fired = []

    def theirs(signum, frame):
        fired.append(signum)

    old = signal.signal(signal.SIGALRM, theirs)
    try:
        signal.setitimer(signal.ITIMER_REAL, 30.0, 0.0)
        start = time.monotonic()
        check("relu", endless)
        remaining, interval = signal.getitimer(signal.ITIMER_REAL)
        assert signal.getsignal(signal.SIGALRM) is theirs
        assert interval == 0.0
        assert abs(remaining - (30.0 - (time.monotonic() - start))) < 0.2
        assert fired == []
        signal.setitimer(signal.ITIMER_REAL, 0.05, 0.0)  # theirs still works
        time.sleep(0.2)
        assert fired == [signal.SIGALRM]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0, 0)
        signal.signal(signal.SIGALRM, old)


def test_a_previous_trace_function_is_restored(fast):
    calls = []

    def tracer(frame, event, arg):
        calls.append(event)
        return None

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        namespace = {"time": time}
        exec("def relu(x):\n    while True:\n        try:\n            time.sleep(0.2)\n"
             "        except BaseException:\n            pass\n", namespace)
        result = check("relu", namespace["relu"])
        assert sys.gettrace() is tracer
    finally:
        sys.settrace(previous)
    assert result.status == "error"


def test_the_watchdog_stops_code_outside_the_main_thread(fast):
    results = []
    worker = threading.Thread(target=lambda: results.append(check("relu", endless)))
    start = time.monotonic()
    worker.start()
    worker.join(10)
    assert not worker.is_alive()
    assert results[0].status == "error" and "took longer than 0.5 s" in results[0].message
    assert time.monotonic() - start < 3
    _usable()


def test_the_watchdog_stops_code_that_swallows_it(fast):
    def relu(x):
        n = 0
        while True:
            try:
                n += 1
            except BaseException:
                n -= 1

    results = []
    worker = threading.Thread(target=lambda: results.append(check("relu", relu)))
    worker.start()
    worker.join(15)
    assert not worker.is_alive() and results[0].status == "error"


def test_the_watchdog_does_not_touch_a_function_that_finishes(fast):
    results = []
    worker = threading.Thread(target=lambda: results.extend(check("relu", _relu) for _ in range(3)))
    worker.start()
    worker.join(10)
    time.sleep(0.7)  # longer than the limit: no late exception may land anywhere
    assert [r.status for r in results] == ["passed"] * 3


# ------------------------------------------------------------ re-entrant check
def test_check_indented_into_the_function_is_an_error_not_a_recursion():
    def relu(x):
        check("relu")  # the check cell's line, indented by mistake
        return np.maximum(x, 0.0)

    result = check("relu", relu)
    assert result.status == "error"
    assert result.message.startswith("your function calls `check(...)` itself — the check line seems to "
                                     "be indented into the function's body")
    _usable()


# ---------------------------------------------------------------- interrupts
@pytest.mark.skipif(not UNIX, reason="needs SIGINT delivery to this process")
def test_a_real_interrupt_still_stops_the_check():
    def relu(x):
        while True:
            time.sleep(0.01)

    handler = signal.getsignal(signal.SIGINT)
    timer = threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    start = time.monotonic()
    with time_limits(case=5.0, check=10.0), pytest.raises(KeyboardInterrupt):
        check("relu", relu)
    assert time.monotonic() - start < 2  # stopped by the interrupt, not by the time limit
    assert signal.getsignal(signal.SIGINT) is handler
    _usable()


def test_a_keyboard_interrupt_the_code_raises_itself_is_a_verdict():
    def relu(x):
        raise KeyboardInterrupt

    result = check("relu", relu)
    assert result.status == "error"
    assert result.message.startswith("your function raised KeyboardInterrupt")


# ------------------------------------------------------------- prints, input
def test_a_22_MB_print_never_reaches_the_notebook(capfd):
    stdout = sys.stdout

    def relu(x):
        print("x" * 22_000_000)
        return np.maximum(x, 0.0)

    result = check("relu", relu)
    out, err = capfd.readouterr()
    assert out == err == ""
    assert sys.stdout is stdout
    assert result.status == "passed"
    assert "your function printed 88,000,004 characters; the first 300:" in result.message
    assert len(result.message) <= MAX_MESSAGE


def test_short_prints_are_shown_in_the_message(capfd):
    def relu(x):
        print("shape", x.shape)
        return x

    result = check("relu", relu)
    assert capfd.readouterr().out == ""
    assert result.status == "failed"
    assert "your function printed:\n    shape (5,)\n    shape (1,)" in result.message


def test_input_is_an_error_and_input_is_given_back():
    original = builtins.input

    def relu(x):
        return np.maximum(x, float(input("threshold? ")))

    result = check("relu", relu)
    assert builtins.input is original
    assert result.status == "error"
    assert result.message.startswith("your function calls `input()` — the checker cannot type")


def test_ipythons_stdin_error_is_not_not_attempted():
    IPython = pytest.importorskip("IPython")
    from IPython.core.error import StdinNotImplementedError

    assert IPython

    def relu(x):
        raise StdinNotImplementedError("raw_input was called, but this frontend does not support input")

    result = check("relu", relu)
    assert result.status == "error" and "input()" in result.message


# ---------------------------------------------------------- NotImplementedError
def _define(source):
    namespace = {"np": np}
    exec(source, namespace)
    return namespace["f"]


@pytest.mark.parametrize("source", [
    "def f(x):\n    raise NotImplementedError",
    'def f(x):\n    """Docstring."""\n    # YOUR CODE HERE\n    raise NotImplementedError',
    'def f(x):\n    raise NotImplementedError("write me")',
    "def f(x):\n    raise NotImplementedError()",
    "def f(*args, **kwargs):\n    raise NotImplementedError",
])
def test_the_untouched_stub_is_recognised(source):
    assert is_stub(_define(source))


@pytest.mark.parametrize("source", [
    "def f(x):\n    y = x\n    raise NotImplementedError",
    "def f(x):\n    raise NotImplementedError\n    return np.maximum(x, 0)",
    "def f(x):\n    if x is None:\n        raise NotImplementedError\n    return x",
    "def f(x):\n    return x",
    "def f(x):\n    raise ValueError",
])
def test_code_around_the_raise_is_not_a_stub(source):
    assert not is_stub(_define(source))


def test_builtins_and_partials_are_not_stubs():
    import functools

    assert not is_stub(np.maximum) and not is_stub(functools.partial(np.maximum, 0.0))


def test_code_below_a_leftover_raise_is_an_error_that_says_so():
    relu = _define("def f(x):\n    # YOUR CODE HERE\n    raise NotImplementedError\n"
                   "    return np.maximum(x, 0)")
    result = check("relu", relu)
    assert result.status == "error"
    assert result.message.startswith("your function still raises NotImplementedError — the line "
                                     "`raise NotImplementedError` from the exercise template is still there")
    assert "at line 3 in f" in result.message


def test_an_unwritten_helper_is_named():
    namespace = {"np": np}
    exec("def step(x, position, steepness):\n    raise NotImplementedError\n\n"
         "def bump(x, left, right, height, steepness=200.0):\n"
         "    return height * (step(x, left, steepness) - step(x, right, steepness))\n", namespace)
    result = check("bump", namespace["bump"])
    assert result.status == "error"
    assert result.message.startswith("`step`, which your function calls, raises NotImplementedError")


# ------------------------------------------------------------------ escapes
@pytest.mark.parametrize("raise_it, phrase", [
    (lambda: sys.exit(), "calls `sys.exit()`"),
    (lambda: sys.exit("bye"), "calls `sys.exit()`"),
    (lambda: (_ for _ in ()).throw(GeneratorExit), "raised GeneratorExit"),
    (lambda: (_ for _ in ()).throw(type("Oops", (BaseException,), {})("no")), "raised Oops: no"),
], ids=["exit", "exit-message", "GeneratorExit", "BaseException"])
def test_escapes_become_verdicts(raise_it, phrase):
    result = check("softmax", lambda O: raise_it())
    assert result.status == "error"
    assert phrase in result.message
    _usable()


def test_the_reference_is_never_shown_in_feedback():
    source = "E = np.exp(O - O.max(axis=1, keepdims=True))"
    for student in (lambda O: O, lambda O: 1 / 0, lambda O: None, endless):
        with time_limits(case=0.3):
            message = check("softmax", student).message
        assert source not in message and "Traceback" not in message
    assert reference("softmax")
