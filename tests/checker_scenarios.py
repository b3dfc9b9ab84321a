"""Hostile and confused student functions, each with the verdict ``check`` must give.

The table is the checker's reliability review in executable form: endless
loops, sleeps, ``check`` indented into the function, escapes (``sys.exit``,
``KeyboardInterrupt``), ``input()``, half-written functions, huge prints,
float32 answers, wrong dtypes, strange return values and cheats (patched
NumPy and patched checker helpers).

``tests/test_checker_scenarios.py`` runs every scenario in-process. Run this
file to count right verdicts, each scenario in its own interpreter with a
wall-clock limit (so a hang counts as a wrong verdict instead of stopping the
count)::

    python tests/checker_scenarios.py                    # this checkout
    PYTHONPATH=/work/main python tests/checker_scenarios.py   # another one

A scenario's ``source`` is run in a fresh namespace holding ``np``, ``time``,
``sys``, ``itertools``, ``check``, ``reference`` and ``f32`` (a float32
version of a reference); it defines the student's function under the
exercise's name. ``setup`` (optional) runs first in the same namespace; every
change it makes to NumPy or to mlplab is undone after the scenario.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

FLOAT_EXERCISES = [  # every exercise whose answer holds floating-point numbers
    "add", "gd_step", "linreg_gradient", "linear_forward", "softmax", "one_hot", "cross_entropy",
    "sigmoid", "relu", "sigmoid_grad", "relu_grad", "tanh_grad", "mlp_forward", "dense_backward",
    "mlp_gradients", "sgd_step", "accuracy", "step", "bump", "sawtooth",
]


@dataclass(frozen=True)
class Scenario:
    id: str
    exercise: str
    source: str
    verdict: str  # passed | failed | not_attempted | error; "not passed" = failed or error
    phrase: str = ""  # must appear in the message (this checkout's wording)
    setup: str = ""

    def right(self, status):
        if self.verdict == "not passed":
            return status in ("failed", "error")
        return status == self.verdict


def _s(id, exercise, source, verdict, phrase="", setup=""):
    return Scenario(id, exercise, source.strip("\n"), verdict, phrase, setup.strip("\n"))


PATCH_NUMPY = """
np.allclose = lambda *a, **k: True
np.isclose = lambda a, b, *r, **k: np.ones(np.broadcast(a, b).shape, dtype=bool)
np.array_equal = lambda *a, **k: True
np.testing.assert_allclose = lambda *a, **k: None
"""

# what ipykernel's input() does when the frontend cannot send input (nbclient, the grader)
KERNEL_INPUT = """
import builtins
from IPython.core.error import StdinNotImplementedError
def _kernel_input(prompt=""):
    raise StdinNotImplementedError("raw_input was called, but this frontend does not support input requests.")
builtins.input = _kernel_input
"""

# every function of the checker whose name says it compares, made to say "equal"
PATCH_CHECKER = """
import mlplab.exercises
def _patch(answer):
    for modname, mod in list(sys.modules.items()):
        if not modname.startswith("mlplab.exercises") or ".catalogue" in modname:
            continue
        targets = [(mod, k, v) for k, v in vars(mod).items()]
        targets += [(v, k2, v2) for v in vars(mod).values() if isinstance(v, type)
                    and v.__module__ == modname for k2, v2 in vars(v).items()]
        for owner, k, v in targets:
            if callable(v) and not isinstance(v, type) and any(
                    w in k.lower() for w in ("diff", "close", "same", "compare", "equal", "match")):
                setattr(owner, k, (lambda *a, **kw: answer))
_patch({answer})
"""

SCENARIOS = [
    # ------------------------------------------------------------ hangs
    _s("endless-loop", "relu", """
def relu(x):
    while True:
        pass
""", "error", "took longer than"),
    _s("endless-loop-after-work", "softmax", """
def softmax(O):
    E = np.exp(O - O.max(axis=1, keepdims=True))
    i = 0
    while i < 10:
        E = E / E.sum(axis=1, keepdims=True)   # forgot i += 1
    return E
""", "error", "an endless loop?"),
    _s("sleep", "sigmoid", """
def sigmoid(x):
    time.sleep(3600)
    return 1 / (1 + np.exp(-x))
""", "error", "took longer than"),
    _s("sleep-in-a-loop", "relu_grad", """
def relu_grad(x):
    for _ in range(10**6):
        time.sleep(0.01)
    return (x > 0).astype(float)
""", "error", "took longer than"),
    _s("swallows-every-exception", "tanh_grad", """
def tanh_grad(x):
    while True:
        try:
            time.sleep(0.5)
        except BaseException:
            pass
""", "error", "took longer than"),
    _s("swallows-in-tight-loop", "relu", """
def relu(x):
    n = 0
    while True:
        try:
            n += 1
        except BaseException:
            n -= 1
""", "error", "took longer than"),
    _s("endless-recursion", "count_params", """
def count_params(sizes):
    return count_params(sizes)
""", "error", "RecursionError"),
    _s("check-indented-into-function", "relu", """
def relu(x):
    y = np.maximum(x, 0.0)
    check("relu")
    return y
""", "error", "calls `check("),
    _s("check-indented-explicit-fn", "sigmoid", """
def sigmoid(x):
    s = 1 / (1 + np.exp(-x))
    print(check("sigmoid", sigmoid))
    return s
""", "error", "calls `check("),
    _s("check-of-another-exercise-inside", "relu_grad", """
def relu(x):
    return np.maximum(x, 0.0)

def relu_grad(x):
    check("relu")
    return (x > 0).astype(float)
""", "error", "calls `check("),
    _s("endless-generator-minibatches", "minibatches", """
def minibatches(n, batch_size, rng):
    order = rng.permutation(n)
    while True:
        yield order[:batch_size]
""", "failed", "endless"),
    _s("endless-generator-function-minibatches", "minibatches", """
def minibatches(n, batch_size, rng):
    return itertools.cycle([rng.permutation(n)])
""", "failed", "endless"),
    _s("generator-that-hangs-minibatches", "minibatches", """
def minibatches(n, batch_size, rng):
    yield rng.permutation(n)
    while True:
        pass
""", "error", "took longer than"),
    _s("endless-generator-array", "relu", """
def relu(x):
    return itertools.count()
""", "failed", "count"),
    _s("endless-generator-pairs", "sgd_step", """
def sgd_step(params, grads, lr):
    return ((W, b) for W, b in itertools.cycle(params))
""", "failed", "generator"),
    _s("endless-generator-tuple", "dense_backward", """
def dense_backward(dO, X, W):
    return itertools.repeat(dO)
""", "failed", "repeat"),
    _s("yield-instead-of-return", "softmax", """
def softmax(O):
    E = np.exp(O - O.max(axis=1, keepdims=True))
    yield E / E.sum(axis=1, keepdims=True)
""", "failed", "generator"),
    _s("endless-loop-in-__array__", "relu", """
class Lazy:
    def __array__(self, *args, **kwargs):
        while True:
            pass

def relu(x):
    return Lazy()
""", "error", "took longer than"),
    _s("endless-__iter__-in-pairs", "sgd_step", """
class Forever(list):
    def __iter__(self):
        while True:
            pass

def sgd_step(params, grads, lr):
    return Forever([(W - lr * dW, b - lr * db) for (W, b), (dW, db) in zip(params, grads)])
""", "error", "took longer than"),
    _s("switches-the-alarm-off", "relu", """
import signal
def relu(x):
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, signal.SIG_IGN)
    while True:
        pass
""", "error", "took longer than"),
    _s("exception-whose-str-hangs", "relu", """
class Slow(Exception):
    def __str__(self):
        while True:
            pass

def relu(x):
    raise Slow()
""", "error", "took longer than"),
    _s("exception-whose-str-fails", "relu", """
class Broken(Exception):
    def __str__(self):
        raise RuntimeError("no text")

def relu(x):
    raise Broken()
""", "error", "Broken: (no message)"),
    _s("slow-but-finite", "relu", """
def relu(x):
    time.sleep(0.05)
    return np.maximum(x, 0.0)
""", "passed", "correct on all"),
    # ------------------------------------------------------------ escapes
    _s("sys-exit", "relu", """
def relu(x):
    sys.exit()
""", "error", "sys.exit"),
    _s("sys-exit-after-work", "gd_step", """
def gd_step(x, grad, lr):
    x_new = x - lr * grad
    sys.exit("done")
    return x_new
""", "error", "sys.exit"),
    _s("exit-builtin", "relu", """
def relu(x):
    raise SystemExit(0)
""", "error", "sys.exit"),
    _s("exit-call", "relu", """
def relu(x):
    exit()
""", "error", "sys.exit"),
    _s("quit-call", "softmax", """
def softmax(O):
    quit(1)
""", "error", "sys.exit"),
    _s("keyboard-interrupt-raised", "softmax", """
def softmax(O):
    raise KeyboardInterrupt
""", "error", "KeyboardInterrupt"),
    _s("generator-exit-raised", "relu", """
def relu(x):
    raise GeneratorExit
""", "error", "GeneratorExit"),
    _s("own-base-exception", "relu", """
class Oops(BaseException):
    pass

def relu(x):
    raise Oops("custom")
""", "error", "Oops"),
    _s("base-exception-from-generator", "minibatches", """
def minibatches(n, batch_size, rng):
    yield rng.permutation(n)
    raise SystemExit
""", "error", "sys.exit"),
    _s("stop-iteration", "relu", """
def relu(x):
    raise StopIteration
""", "error", "StopIteration"),
    _s("memory-error", "relu", """
def relu(x):
    raise MemoryError
""", "error", "MemoryError"),
    _s("keyboard-interrupt-swallowed-then-correct", "relu", """
def relu(x):
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        pass
    return np.maximum(x, 0.0)
""", "passed", "correct on all"),
    # ------------------------------------------------- NotImplementedError
    _s("stub", "relu", """
def relu(x):
    # YOUR CODE HERE
    raise NotImplementedError
""", "not_attempted", "not attempted yet"),
    _s("stub-with-docstring", "softmax", '''
def softmax(O):
    """Row-wise softmax."""
    # YOUR CODE HERE
    raise NotImplementedError
''', "not_attempted", "not attempted yet"),
    _s("stub-with-message", "gd_step", """
def gd_step(x, grad, lr):
    raise NotImplementedError("write the update")
""", "not_attempted", "not attempted yet"),
    _s("stub-called-instance", "relu", """
def relu(x):
    raise NotImplementedError()
""", "not_attempted", "not attempted yet"),
    _s("partial-not-implemented", "softmax", """
def softmax(O):
    E = np.exp(O - O.max(axis=1, keepdims=True))
    raise NotImplementedError
    return E / E.sum(axis=1, keepdims=True)
""", "error", "NotImplementedError"),
    _s("not-implemented-for-some-cases", "relu", """
def relu(x):
    if x.ndim == 2:
        raise NotImplementedError
    return np.maximum(x, 0.0)
""", "error", "NotImplementedError"),
    _s("helper-not-written-yet", "bump", """
def step(x, position, steepness):
    raise NotImplementedError

def bump(x, left, right, height, steepness=200.0):
    return height * (step(x, left, steepness) - step(x, right, steepness))
""", "error", "`step`"),
    _s("input-call", "relu", """
def relu(x):
    answer = input("value? ")
    return np.maximum(x, float(answer))
""", "error", "input()", setup=KERNEL_INPUT),
    _s("input-after-work", "minibatches", """
def minibatches(n, batch_size, rng):
    order = rng.permutation(n)
    input("press enter")
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]
""", "error", "input()", setup=KERNEL_INPUT),
    _s("returns-NotImplemented", "relu", """
def relu(x):
    return NotImplemented
""", "failed", "NotImplementedType"),
    # ------------------------------------------------------------ prints
    _s("print-22MB", "relu", """
def relu(x):
    print("x" * 22_000_000)
    return np.maximum(x, 0.0)
""", "passed", "printed"),
    _s("print-22MB-stderr", "softmax", """
def softmax(O):
    sys.stderr.write("y" * 22_000_000)
    E = np.exp(O - O.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)
""", "passed", "printed"),
    _s("print-every-case", "relu", """
def relu(x):
    print("shape", x.shape)
    return np.maximum(x, 0.0)
""", "passed", "shape (5,)"),
    _s("print-then-wrong", "relu", """
def relu(x):
    print("debug:", x.sum())
    return x
""", "failed", "debug:"),
    _s("print-in-endless-loop", "relu", """
def relu(x):
    while True:
        print("again")
""", "error", "took longer than"),
    # ------------------------------------------------------------ dtypes
    *[_s(f"float32-correct-{name}", name, f"{name} = f32(reference({name!r}))", "passed",
         "correct on all") for name in FLOAT_EXERCISES],
    _s("float32-correct-message", "tanh_grad", "tanh_grad = f32(reference('tanh_grad'))", "passed",
       "float32"),
    _s("float32-wrong-values", "sigmoid_grad", """
def sigmoid_grad(x):
    s = 1 / (1 + np.exp(-x.astype(np.float32)))
    return s * (1 + s)
""", "failed", "sign slip"),
    _s("bool-where-floats-expected", "relu_grad", """
def relu_grad(x):
    return x > 0
""", "failed", "dtype bool"),
    _s("int-where-floats-expected", "sawtooth", """
def sawtooth(x, k):
    for _ in range(k):
        x = 2 * np.maximum(x, 0) - 4 * np.maximum(x - 0.5, 0)
    return (x * 0).astype(int)
""", "failed", ""),
    _s("int-one-hot-named", "one_hot", """
def one_hot(y, k):
    return np.eye(k, dtype=int)[y]
""", "failed", "holds integers"),
    _s("float16", "relu", """
def relu(x):
    return np.maximum(x, 0).astype(np.float16)
""", "failed", "float16"),
    _s("complex", "softmax", """
def softmax(O):
    E = np.exp(O - O.max(axis=1, keepdims=True))
    return (E / E.sum(axis=1, keepdims=True)).astype(complex)
""", "failed", "complex"),
    _s("object-array", "relu", """
def relu(x):
    return np.maximum(x, 0).astype(object)
""", "failed", "object"),
    _s("int-count-as-float", "count_params", """
def count_params(sizes):
    return float(sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:])))
""", "failed", "whole number"),
    _s("accuracy-as-python-int-count", "accuracy", """
def accuracy(P, y):
    return int((P.argmax(axis=1) == y).sum())
""", "failed", "*number* of correct rows"),
    # ------------------------------------------------------ strange outputs
    _s("returns-none", "mlp_gradients", """
def mlp_gradients(X, Y, params, activation, activation_grad):
    grads = []
""", "failed", "returns None"),
    _s("returns-string", "relu", "def relu(x):\n    return 'relu'", "failed", "str"),
    _s("returns-dict", "dense_backward", """
def dense_backward(dO, X, W):
    return {"dX": dO @ W.T, "dW": X.T @ dO, "db": dO.sum(axis=0)}
""", "failed", "dict"),
    _s("returns-set", "relu", "def relu(x):\n    return {1, 2}", "failed", "set"),
    _s("ragged-list", "softmax", "def softmax(O):\n    return [[1.0, 2.0], [3.0]]", "failed", ""),
    _s("list-of-right-values", "softmax", """
def softmax(O):
    E = np.exp(O - O.max(axis=1, keepdims=True))
    return (E / E.sum(axis=1, keepdims=True)).tolist()
""", "passed", "correct on all"),
    _s("unreadable-object", "relu", """
class Weird:
    def __array__(self, *args, **kwargs):
        raise RuntimeError("no array")
    def __eq__(self, other):
        raise RuntimeError("no comparing")

def relu(x):
    return Weird()
""", "failed", "Weird"),
    _s("array-like-object-right-values", "relu", """
class Box:
    def __init__(self, a):
        self.a = a
    def __array__(self, dtype=None, copy=None):
        return self.a

def relu(x):
    return Box(np.maximum(x, 0.0))
""", "passed", "correct on all"),
    _s("matrix-subclass", "linear_forward", """
def linear_forward(X, W, b):
    return np.asmatrix(X @ W + b)
""", "passed", "correct on all"),
    _s("huge-output", "relu", "def relu(x):\n    return np.ones((3000, 3000))", "failed", "wrong shape"),
    _s("shape-and-value-both-wrong", "linear_forward", """
def linear_forward(X, W, b):
    if len(X) == 1:
        return (X @ W + b).ravel()
    return 2 * X @ W + b
""", "failed", "wrong shape"),
    _s("tuple-of-two-for-three", "dense_backward", """
def dense_backward(dO, X, W):
    return dO @ W.T, X.T @ dO
""", "failed", "tuple of 3"),
    _s("pairs-wrong-in-second-layer", "mlp_gradients", """
def mlp_gradients(X, Y, params, activation, activation_grad):
    grads = reference("mlp_gradients")(X, Y, params, activation, activation_grad)
    if len(grads) > 1:
        grads[1] = (grads[1][0] * 1.5, grads[1][1])
    return grads
""", "failed", "in dW2"),
    _s("nan-output", "tanh_grad", "def tanh_grad(x):\n    return np.full_like(x, np.nan)", "failed",
       "nan or inf"),
    _s("mutates-input", "relu", """
def relu(x):
    x[x < 0] = 0.0
    return x
""", "failed", "in place"),
    _s("warning-mistake", "sigmoid", "def sigmoid(x):\n    return 1 / (1 + np.exp(-x))", "failed",
       "overflows"),
    _s("warns-but-passes", "relu", """
import warnings
def relu(x):
    warnings.warn("just saying")
    return np.maximum(x, 0.0)
""", "passed", "correct on all"),
    _s("not-a-function", "relu", "relu = np.zeros(3)", "error", "expected a function"),
    _s("mlplabs-own-function", "relu", "from mlplab.activations import relu", "not_attempted",
       "mlplab's own function"),
    # ------------------------------------------------------------ cheats
    _s("patched-numpy-wrong-answer", "softmax", "def softmax(O):\n    return O * 2", "failed",
       "wrong values", setup=PATCH_NUMPY),
    _s("patched-numpy-right-answer", "softmax", "softmax = reference('softmax')", "passed",
       "correct on all", setup=PATCH_NUMPY),
    _s("patched-numpy-minibatches-not-reproducible", "minibatches", """
def minibatches(n, batch_size, rng):
    order = np.random.permutation(n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]
""", "failed", "not reproducible", setup=PATCH_NUMPY),
    _s("patches-numpy-inside-function", "relu", """
def relu(x):
    np.allclose = lambda *a, **k: True
    np.isclose = lambda a, b, *r, **k: np.ones(np.broadcast(a, b).shape, dtype=bool)
    return x * 3
""", "failed", "wrong values"),
    _s("patched-exp-reference-unaffected", "sigmoid",
       "def sigmoid(x):\n    return 0.5 * (1 + np.tanh(x / 2))", "passed", "correct on all",
       setup="np.exp = lambda x: 0 * x"),
    _s("patched-exp-used-by-student", "sigmoid", "sigmoid = reference('sigmoid')", "failed", "wrong values",
       setup="np.exp = lambda x: 0 * x"),
    _s("patched-checker-says-equal-None", "relu", "def relu(x):\n    return x * 3", "not passed", "",
       setup=PATCH_CHECKER.replace("{answer}", "None")),
    _s("patched-checker-says-equal-True", "relu", "def relu(x):\n    return x * 3", "not passed", "",
       setup=PATCH_CHECKER.replace("{answer}", "True")),
    _s("patched-checker-right-answer", "relu", "relu = reference('relu')", "passed", "correct on all",
       setup=PATCH_CHECKER.replace("{answer}", "True")),
    _s("patches-checker-inside-function", "softmax", """
def softmax(O):
    import mlplab.exercises as ex
    for mod in [m for n, m in sys.modules.items() if n.startswith("mlplab.exercises")]:
        for k, v in list(vars(mod).items()):
            if callable(v) and not isinstance(v, type) and ("diff" in k or "close" in k):
                setattr(mod, k, lambda *a, **kw: None)
    return O
""", "failed", ""),
    _s("zero-cases-impossible", "relu", "def relu(x):\n    return x * 3", "not passed", "",
       setup="import mlplab.exercises._core as c\nc.compare_with_reference = lambda *a, **k: "
             "('passed', 'correct on all 0 cases')"),
]


# ------------------------------------------------------------------- running
PRELUDE = """
import itertools, sys, time
import numpy as np
from mlplab.exercises import check, reference

def _to32(v):
    if isinstance(v, np.ndarray) and v.dtype.kind == "f":
        return v.astype(np.float32)
    if isinstance(v, float):
        return np.float32(v)
    if isinstance(v, (list, tuple)):
        return type(v)(_to32(x) for x in v)
    return v

def f32(ref):
    def solution(*args, **kwargs):
        return _to32(ref(*_to32(args), **{k: _to32(v) for k, v in kwargs.items()}))
    return solution
"""


def namespace():
    ns = {"__name__": "student_cell"}
    exec(PRELUDE, ns)
    return ns


def _patchable():
    """The namespaces a scenario may patch: NumPy's, builtins and mlplab's checker (modules and classes)."""
    import builtins

    import numpy as np
    import numpy.testing

    spaces = [np, numpy.testing, builtins]
    for name, mod in list(sys.modules.items()):
        if name.startswith("mlplab.exercises") and mod is not None:
            spaces.append(mod)
            spaces += [v for v in vars(mod).values() if isinstance(v, type) and v.__module__ == name]
    return spaces


def run(scenario):
    """Run one scenario in this interpreter; returns the CheckResult. Puts back what the scenario replaced."""
    saved = [(space, dict(vars(space))) for space in _patchable()]
    try:
        ns = namespace()
        if scenario.setup:
            exec(scenario.setup, ns)
        exec(scenario.source, ns)
        return ns["check"](scenario.exercise, ns[scenario.exercise])
    finally:
        for space, before in saved:
            now = vars(space)
            for key, value in before.items():
                if now.get(key, _NOTHING) is not value:
                    setattr(space, key, value)


_NOTHING = object()


_CHILD = """
import json, sys
sys.path.insert(0, {tests!r})
import checker_scenarios as S
sc = next(s for s in S.SCENARIOS if s.id == {id!r})
r = S.run(sc)
import mlplab
sys.__stdout__.write("\\n@@RESULT@@" + json.dumps([r.status, str(r.message)[:3000], mlplab.__file__]) + "\\n")
"""


LEAK_LIMIT = 10_000  # characters the student's code may put on stdout/stderr before it counts as flooding


def run_in_child(scenario, timeout=60.0, expect_mlplab=None):
    """(status, message, seconds) from a fresh interpreter.

    status is "hang" or "crash" if there was no verdict, "leaked" if the verdict came but the
    student's prints (over LEAK_LIMIT characters) reached the output.
    """
    code = _CHILD.format(tests=os.path.dirname(os.path.abspath(__file__)), id=scenario.id)
    start = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              timeout=timeout, stdin=subprocess.DEVNULL, cwd=tempfile.gettempdir(),
                              env={**os.environ, "MLPLAB_LANG": "en", "OPENBLAS_NUM_THREADS": "1"})
    except subprocess.TimeoutExpired:
        return "hang", f"no verdict after {timeout:.0f} s", time.perf_counter() - start
    seconds = time.perf_counter() - start
    marker = proc.stdout.rfind("@@RESULT@@")
    if marker < 0:
        tail = (proc.stderr or proc.stdout)[-300:].strip().replace("\n", " | ")
        return "crash", f"exit code {proc.returncode}: {tail}", seconds
    status, message, where = json.loads(proc.stdout[marker + len("@@RESULT@@"):].strip().splitlines()[0])
    if expect_mlplab and os.path.dirname(where) != expect_mlplab:
        raise RuntimeError(f"the child imported mlplab from {where}, not from {expect_mlplab}")
    leaked = marker + len(proc.stderr)
    if leaked > LEAK_LIMIT:
        return "leaked", f"{leaked:,} characters of output reached the notebook; verdict {status}", seconds
    return status, message, seconds


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-k", default="", help="only scenarios whose id contains this")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("-v", action="store_true", help="print every message")
    args = parser.parse_args(argv)
    import mlplab

    where = os.path.dirname(mlplab.__file__)
    print(f"mlplab from {where}")
    chosen = [s for s in SCENARIOS if args.k in s.id]
    right = worded = 0
    for sc in chosen:
        status, message, seconds = run_in_child(sc, args.timeout, expect_mlplab=where)
        ok = sc.right(status)
        says = ok and sc.phrase in message
        right += ok
        worded += says
        mark = "ok  " if says else ("ok? " if ok else "BAD ")
        print(f"{mark} {sc.id:44s} want {sc.verdict:13s} got {status:13s} {seconds:5.1f}s")
        if args.v or not ok:
            print("       " + message[:300].replace("\n", "\n       "))
    print(f"\n{right} of {len(chosen)} scenarios got the right verdict; "
          f"{worded} also with the expected wording")
    return 0 if right == len(chosen) else 1


if __name__ == "__main__":
    sys.exit(main())
