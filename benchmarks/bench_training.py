"""Training speed: one SGD step of mlplab vs PyTorch CPU vs scikit-learn.

Run from the repository root::

    python -m benchmarks.bench_training            # full run, rewrites RESULTS.md "training"
    python -m benchmarks.bench_training --smoke    # seconds; writes to a temp file
    python benchmarks/bench_training.py --no-write # full run, print only

What is timed (per library, same data, same float32 dtype, same batches):

* one training step = forward + loss + backward + parameter update,
  plain SGD (no momentum, no weight decay), mean loss over the batch:
  mean squared error for regression, softmax cross-entropy for classification;
* mlplab: ``mlplab.fast.sgd_step`` -- literally the inner loop of ``sgd``
  (``fast.loss_and_grads(model, X, Y, scale=lr)`` then ``W -= λ∂𝓛/∂W``) on already-checked arrays;
* PyTorch: ``zero_grad(set_to_none=True)``, ``loss_fn(model(X), y)``,
  ``loss.backward()``, ``optimizer.step()`` with ``torch.optim.SGD``;
* scikit-learn: ``MLPClassifier``/``MLPRegressor`` (solver="sgd", momentum=0,
  alpha=0), measured two ways: ``partial_fit`` on one batch per step, and
  ``fit`` time divided by the number of steps it took (``n_iter_`` epochs ×
  batches per epoch; its own loop, including its per-epoch shuffle);
  the ratio uses the faster of the two.

Everything runs on one thread (threadpoolctl ``threadpool_limits(1)`` and
``torch.set_num_threads(1)``), with the garbage collector paused while timing.
Libraries are interleaved round by round, in a new (seeded) shuffled order each round,
so a load spike on a shared machine hits all of them alike and no library always runs
right after the same one (the first NumPy calls after another library's big matrix
products find cold caches); each round times a block of consecutive steps, and the
table reports the median round.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import pathlib
import platform
import random
import statistics
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass, field

import numpy as np

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from threadpoolctl import threadpool_info, threadpool_limits  # noqa: E402

import mlplab  # noqa: E402
from benchmarks._results import RESULTS, write_section  # noqa: E402
from mlplab import MLP  # noqa: E402
from mlplab.data import load_digits_split, make_dataset, make_regression_1d  # noqa: E402
from mlplab.fast import sgd_step  # noqa: E402
from mlplab.optim import minibatches, sgd  # noqa: E402

try:
    import torch
except ImportError:  # torch is optional: its column becomes "-"
    torch = None

try:
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier, MLPRegressor
except ImportError:  # pragma: no cover - scikit-learn is a dependency of mlplab
    MLPClassifier = MLPRegressor = None

DTYPE = np.float32
SECTION = "training"
SPEEDUP_TARGET = 2.5  # cases a-c: mlplab at least this much faster per step
GEMM_TARGET = 0.90  # case d: mlplab's step within bound / 0.9 (the developers' guide)
RETRAIN_TARGET_MS = 100.0  # case e
RETRAIN_STEPS = 2000


# ----------------------------------------------------------------- settings
@dataclass
class Settings:
    rounds: int = 31  # timed rounds per library (median taken)
    inner: int = 40  # steps per round for the small nets
    warmup: int = 50  # untimed steps first
    big_rounds: int = 61  # case d
    big_inner: int = 2
    fit_epochs: int = 100  # sklearn fit(): epochs per fit (small nets)
    fit_repeats: int = 3
    retrain_repeats: int = 11  # case e
    retrain_steps: int = RETRAIN_STEPS
    smoke: bool = False


SMOKE = Settings(rounds=2, inner=2, warmup=1, big_rounds=1, big_inner=1, fit_epochs=2,
                 fit_repeats=1, retrain_repeats=1, retrain_steps=20, smoke=True)


# ----------------------------------------------------------------- timing
def timed_rounds(steps, rounds, inner, warmup, samples_out=None):
    """Median seconds per call of each zero-argument callable in ``steps``.

    Every round runs ``inner`` calls of each library, in an order shuffled anew each
    round (seeded by the round number). ``samples_out``, a dict, receives every
    round's time per call (the same round index in every list).
    """
    for step in steps.values():
        for _ in range(warmup):
            step()
    samples = {name: [] for name in steps}
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for round_ in range(rounds):
            for name in random.Random(round_).sample(list(steps), len(steps)):
                step = steps[name]
                start = time.perf_counter()
                for _ in range(inner):
                    step()
                samples[name].append((time.perf_counter() - start) / inner)
    finally:
        if gc_was_enabled:
            gc.enable()
    if samples_out is not None:
        samples_out.update(samples)
    return {name: statistics.median(s) for name, s in samples.items()}


def median_time(fn, repeats, cpu=False):
    """Median wall time (s) of ``fn()`` over ``repeats`` calls (after one warm-up).

    With ``cpu=True`` return (wall, thread CPU time, fastest wall): on a shared
    machine the CPU time shows how much of the wall time was spent waiting for
    a core, and the fastest run how fast it goes with the least contention.
    """
    fn()
    walls, cpus = [], []
    for _ in range(repeats):
        gc.disable()
        try:
            start, start_cpu = time.perf_counter(), time.thread_time()
            fn()
            walls.append(time.perf_counter() - start)
            cpus.append(time.thread_time() - start_cpu)
        finally:
            gc.enable()
    if cpu:
        return statistics.median(walls), statistics.median(cpus), min(walls)
    return statistics.median(walls)


# ----------------------------------------------------------------- cases
@dataclass
class Case:
    label: str  # short name for the verdict line
    title: str
    sizes: list
    activation: str
    output: str  # "softmax" or "identity"
    X: np.ndarray
    Y: np.ndarray  # int labels (n,) or targets (n, k)
    batch_size: int
    lr: float
    big: bool = False
    results: dict = field(default_factory=dict)  # library -> seconds per step
    bound_fraction: float = 0.0  # case d: median over rounds of GEMM bound / mlplab step

    @property
    def n(self):
        return self.X.shape[0]

    def batches(self, seed=0):
        """The same list of (X_b, Y_b) batches for every library (contiguous copies)."""
        if self.batch_size >= self.n:
            return [(self.X, self.Y)]
        idx = minibatches(self.n, self.batch_size, np.random.default_rng(seed))
        return [(np.ascontiguousarray(self.X[i]), np.ascontiguousarray(self.Y[i]))
                for i in idx if len(i) == self.batch_size]


def make_cases():
    Xa, ya = make_regression_1d("sine", n=200, noise=0.1, seed=0)
    Xb, yb = make_dataset("moons", n=1000, noise=0.2, seed=0)
    Xc, _, yc, _ = load_digits_split(seed=0)
    rng = np.random.default_rng(0)
    Xd = rng.standard_normal((512, 784))
    yd = rng.integers(0, 10, 512)
    f = lambda a: np.ascontiguousarray(a, dtype=DTYPE)  # noqa: E731
    return [
        Case("a", "a) 1-10-1 tanh, regression, 200 points, full batch",
             [1, 10, 1], "tanh", "identity", f(Xa), f(ya), 200, 0.1),
        Case("b (full batch)", "b) 2-16-16-2 ReLU, moons 1,000 points, full batch",
             [2, 16, 16, 2], "relu", "softmax", f(Xb), yb.astype(np.int64), 1000, 0.1),
        Case("b (batch 32)", "b) 2-16-16-2 ReLU, moons 1,000 points, batch 32",
             [2, 16, 16, 2], "relu", "softmax", f(Xb), yb.astype(np.int64), 32, 0.1),
        Case("c", f"c) 64-32-10 ReLU, digits ({len(yc)} train images), batch 64",
             [64, 32, 10], "relu", "softmax", f(Xc), yc.astype(np.int64), 64, 0.1),
        Case("d", "d) 784-256-256-10 ReLU, random data, batch 512",
             [784, 256, 256, 10], "relu", "softmax", f(Xd), yd.astype(np.int64), 512, 0.01,
             big=True),
    ]


# ----------------------------------------------------------------- steppers
def cycle_step(batches, step):
    """A zero-argument callable running ``step(X_b, Y_b)`` on the next batch."""
    it = itertools.cycle(batches)

    def run():
        Xb, Yb = next(it)
        step(Xb, Yb)

    return run


def mlplab_step(case, batches, dtype=DTYPE):
    model = MLP(case.sizes, case.activation, output=case.output, seed=0, dtype=dtype)
    batches = [(Xb.astype(dtype), Yb.astype(dtype) if case.output == "identity" else Yb)
               for Xb, Yb in batches]
    return cycle_step(batches, lambda Xb, Yb: sgd_step(model, Xb, Yb, case.lr)), model


def torch_model(case, init=None):
    layers = []
    act = {"tanh": torch.nn.Tanh, "relu": torch.nn.ReLU}[case.activation]
    for i, (d_in, d_out) in enumerate(zip(case.sizes[:-1], case.sizes[1:])):
        layers.append(torch.nn.Linear(d_in, d_out))
        if i < len(case.sizes) - 2:
            layers.append(act())
    model = torch.nn.Sequential(*layers)
    if init is not None:  # start from mlplab's weights: the very same computation
        linears = [m for m in model if isinstance(m, torch.nn.Linear)]
        with torch.no_grad():
            for lin, (W, b) in zip(linears, init.params):
                lin.weight.copy_(torch.from_numpy(W.T.astype(np.float32)))
                lin.bias.copy_(torch.from_numpy(b.astype(np.float32)))
    return model


def torch_step(case, batches, init=None):
    model = torch_model(case, init)
    opt = torch.optim.SGD(model.parameters(), lr=case.lr)
    loss_fn = torch.nn.MSELoss() if case.output == "identity" else torch.nn.CrossEntropyLoss()
    tbatches = [(torch.from_numpy(Xb), torch.from_numpy(Yb)) for Xb, Yb in batches]

    def step(Xb, Yb):
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(Xb), Yb)
        loss.backward()
        opt.step()

    return cycle_step(tbatches, step)


def sklearn_estimator(case, batch_size, max_iter=1):
    cls = MLPRegressor if case.output == "identity" else MLPClassifier
    return cls(hidden_layer_sizes=tuple(case.sizes[1:-1]), activation=case.activation,
               solver="sgd", alpha=0.0, momentum=0.0, nesterovs_momentum=False,
               learning_rate="constant", learning_rate_init=case.lr,
               batch_size=batch_size, max_iter=max_iter, shuffle=True, tol=0.0,
               n_iter_no_change=10**9, early_stopping=False, random_state=0)


def _sk_target(Y):
    return Y.ravel() if Y.ndim == 2 and Y.shape[1] == 1 else Y


def sklearn_partial_fit_step(case, batches):
    est = sklearn_estimator(case, batch_size=len(batches[0][0]))
    est.set_params(shuffle=False)
    sk = [(Xb, _sk_target(Yb)) for Xb, Yb in batches]
    Xb, yb = sk[0]
    if case.output == "softmax":
        est.partial_fit(Xb, yb, classes=np.arange(case.sizes[-1]))
    else:
        est.partial_fit(Xb, yb)
    return cycle_step(sk, est.partial_fit)


def sklearn_fit_per_step(case, epochs, repeats):
    """fit() seconds / number of SGD steps it made (its own training loop)."""
    X, y = case.X, _sk_target(case.Y)
    est = sklearn_estimator(case, batch_size=case.batch_size, max_iter=epochs)
    steps_per_epoch = -(-case.n // min(case.batch_size, case.n))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        seconds = median_time(lambda: est.fit(X, y), repeats)
    return seconds / (est.n_iter_ * steps_per_epoch)


# ----------------------------------------------------------------- GEMM bound
def gemm_products(case):
    """The step's matrix products alone, same shapes, dtype and BLAS: (callable, flops).

    Forward H⁽ˡ⁻¹⁾W⁽ˡ⁾ (3), backward ∂W = H⁽ˡ⁻¹⁾ᵀδ⁽ˡ⁾ (3) and δ⁽ˡ⁾W⁽ˡ⁾ᵀ (2, not for the
    input layer), into preallocated outputs -- exactly the products mlplab calls.
    """
    rng = np.random.default_rng(1)
    n, sizes = case.batch_size, case.sizes
    H = [case.X[:n]] + [rng.standard_normal((n, d)).astype(DTYPE) for d in sizes[1:-1]]
    W = [rng.standard_normal((a, b)).astype(DTYPE) for a, b in zip(sizes[:-1], sizes[1:])]
    D = [rng.standard_normal((n, d)).astype(DTYPE) for d in sizes[1:]]
    Z = [np.empty((n, d), DTYPE) for d in sizes[1:]]
    dW = [np.empty_like(w) for w in W]
    dX = [np.empty((n, d), DTYPE) for d in sizes[1:-1]]
    L = len(W)

    def products():
        for l in range(L):
            np.matmul(H[l], W[l], out=Z[l])
        for l in range(L):
            np.matmul(H[l].T, D[l], out=dW[l])
        for l in range(1, L):
            np.matmul(D[l], W[l].T, out=dX[l - 1])

    flops = 2 * n * sum(a * b for a, b in zip(sizes[:-1], sizes[1:])) * 2
    flops += 2 * n * sum(a * b for a, b in zip(sizes[1:-1], sizes[2:]))
    return products, flops


# ----------------------------------------------------------------- case e
def retrain_mlplab(steps):
    X, y = make_regression_1d("sine", n=200, noise=0.1, seed=0)

    def run():
        model = MLP([1, 10, 1], "tanh", output="identity", seed=0)
        sgd(model, X, y, lr=0.1, batch_size=200, epochs=steps)

    return run


def retrain_mlplab32(steps):
    X, y = make_regression_1d("sine", n=200, noise=0.1, seed=0)
    X, y = X.astype(DTYPE), y.astype(DTYPE)

    def run():
        model = MLP([1, 10, 1], "tanh", output="identity", seed=0, dtype=DTYPE)
        sgd(model, X, y, lr=0.1, batch_size=200, epochs=steps)

    return run


def retrain_torch(case, steps):
    X = torch.from_numpy(case.X)
    Y = torch.from_numpy(case.Y)

    def run():
        model = torch_model(case)
        opt = torch.optim.SGD(model.parameters(), lr=case.lr)
        loss_fn = torch.nn.MSELoss()
        for _ in range(steps):
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(X), Y)
            loss.backward()
            opt.step()

    return run


def retrain_sklearn(case, steps):
    est = sklearn_estimator(case, batch_size=case.n, max_iter=steps)
    y = _sk_target(case.Y)

    def run():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            est.fit(case.X, y)

    return run


# ----------------------------------------------------------------- environment
def machine_info():
    cpu = "unknown"
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "unknown"
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        usable = os.cpu_count()
    blas = []
    for lib in threadpool_info():
        if lib.get("user_api") == "blas" and "numpy" in lib.get("filepath", ""):
            blas.append(f"{lib['internal_api']} {lib.get('version')} "
                        f"(kernel {lib.get('architecture')}, "
                        f"threading {lib.get('threading_layer')}, "
                        f"{lib['num_threads']} thread(s) while timing)")
    if not blas:
        blas = [f"{lib['internal_api']} {lib.get('version')}" for lib in threadpool_info()
                if lib.get("user_api") == "blas"]
    try:
        cfg = np.show_config(mode="dicts")["Build Dependencies"]["blas"]
        blas.append(f"numpy build: {cfg.get('name')} {cfg.get('version')}")
    except Exception:  # pragma: no cover - older numpy
        pass
    env = {k: os.environ.get(k, "unset") for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    versions = {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "mlplab": getattr(mlplab, "__version__", "dev"),
        "torch": torch.__version__ if torch is not None else "not installed",
    }
    try:
        import sklearn
        import threadpoolctl

        versions["scikit-learn"] = sklearn.__version__
        versions["threadpoolctl"] = threadpoolctl.__version__
    except ImportError:  # pragma: no cover
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "usable": usable, "blas": blas,
            "env": env, "versions": versions}


# ----------------------------------------------------------------- run
def run_all(settings):
    cases = make_cases()
    notes = {}
    for case in cases:
        print(f"{case.title} ...", flush=True)
        batches = case.batches()
        steps = {}
        steps["mlplab"], model = mlplab_step(case, batches)
        steps["mlplab float64"], _ = mlplab_step(case, batches, dtype=np.float64)
        if torch is not None:
            steps["torch"] = torch_step(case, batches, init=model)
        if MLPClassifier is not None:
            steps["sklearn partial_fit"] = sklearn_partial_fit_step(case, batches)
        if case.big:  # timed in the same interleaved rounds as the steps
            steps["gemm bound"], case.flops = gemm_products(case)
        rounds, inner = ((settings.big_rounds, settings.big_inner) if case.big
                         else (settings.rounds, settings.inner))
        warmup = max(1, settings.warmup // (20 if case.big else 1))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            samples = {}
            case.results = timed_rounds(steps, rounds, inner, warmup, samples)
        if case.big:  # same-round pairs: a slow spell slows both sides of a pair
            case.bound_fraction = statistics.median(
                bound / step for bound, step in zip(samples["gemm bound"], samples["mlplab"]))
        if MLPClassifier is not None:
            epochs = max(1, settings.fit_epochs // (10 if case.big else 1))
            if case.batch_size < case.n:  # many steps per epoch already
                epochs = max(1, epochs // 10)
            case.results["sklearn fit"] = sklearn_fit_per_step(case, epochs, settings.fit_repeats)
        for lib, sec in case.results.items():
            print(f"   {lib:20s} {sec * 1e6:10.1f} µs/step", flush=True)

    base = cases[0]
    print("e) retrain case a from scratch ...", flush=True)
    steps = settings.retrain_steps
    repeats = settings.retrain_repeats
    retrain = {"mlplab float32": median_time(retrain_mlplab32(steps), repeats, cpu=True),
               "mlplab float64": median_time(retrain_mlplab(steps), repeats, cpu=True)}
    if torch is not None:
        retrain["torch float32"] = median_time(retrain_torch(base, steps),
                                               max(1, repeats // 2), cpu=True)
    if MLPClassifier is not None:
        retrain["sklearn fit float32"] = median_time(retrain_sklearn(base, steps),
                                                     max(1, repeats // 3), cpu=True)
    for lib, (wall, cpu, best) in retrain.items():
        print(f"   {lib:20s} {wall * 1e3:10.1f} ms (CPU {cpu * 1e3:.1f} ms, best {best * 1e3:.1f} ms)",
              flush=True)
    # the one transcendental in case a: np.tanh over the 200 x 10 hidden layer
    z = base.X @ np.random.default_rng(0).standard_normal((1, 10)).astype(DTYPE)
    z32, z64 = z.astype(np.float32), z.astype(np.float64)
    tanh_steps = {"tanh float32": lambda: np.tanh(z32), "tanh float64": lambda: np.tanh(z64)}
    notes["tanh"] = timed_rounds(tanh_steps, settings.rounds, settings.inner, settings.warmup)
    return cases, retrain, notes


def fmt_us(sec):
    if sec is None:
        return "–"
    us = sec * 1e6
    return f"{us:,.0f}" if us >= 100 else f"{us:.1f}"


def ratio(num, den):
    return None if num is None or den is None else num / den


def fmt_ratio(r):
    return "–" if r is None else f"{r:.1f}×"


def render(cases, retrain, notes, info, settings, load_before, load_after):
    lines = []
    add = lines.append
    add("## Training speed: one SGD step (`benchmarks/bench_training.py`)")
    add("")
    if settings.smoke:
        add("**SMOKE RUN — tiny repeat counts, numbers are not meaningful.**")
        add("")
    add("One training step = forward + mean loss + backward + SGD update, float32 for every "
        "library, the same batches, one thread each. Times are medians of "
        f"{settings.rounds} interleaved rounds (libraries in a new shuffled order each round) "
        f"of {settings.inner} steps "
        f"({settings.big_rounds} rounds of {settings.big_inner} for case d), after warm-up. "
        "µs per step; ratio = peer time / mlplab time (higher = mlplab faster).")
    add("")
    add("| case | mlplab | mlplab float64 | PyTorch | sklearn partial_fit | sklearn fit/steps "
        "| torch / mlplab | sklearn / mlplab | target |")
    add("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    verdicts = []
    for case in cases:
        r = case.results
        ml, torch_t = r["mlplab"], r.get("torch")
        sk_candidates = [r[k] for k in ("sklearn partial_fit", "sklearn fit") if k in r]
        sk_best = min(sk_candidates) if sk_candidates else None
        rt, rs = ratio(torch_t, ml), ratio(sk_best, ml)
        if case.big:
            frac = case.bound_fraction
            ok = frac >= GEMM_TARGET
            target = f"≥ {GEMM_TARGET:.0%} of GEMM bound: {frac:.0%} {'met' if ok else 'MISSED'}"
        else:
            checks = [x for x in (rt, rs) if x is not None]
            ok = all(x >= SPEEDUP_TARGET for x in checks)
            target = f"≥ {SPEEDUP_TARGET}× both: {'met' if ok else 'MISSED'}"
            if rt is None:
                target += " (torch absent: sklearn only)"
        verdicts.append((case.label, ok))
        add(f"| {case.title} | {fmt_us(ml)} | {fmt_us(r.get('mlplab float64'))} | "
            f"{fmt_us(torch_t)} | {fmt_us(r.get('sklearn partial_fit'))} | "
            f"{fmt_us(r.get('sklearn fit'))} | {fmt_ratio(rt)} | {fmt_ratio(rs)} | {target} |")
    big = next(c for c in cases if c.big)
    gb = big.results["gemm bound"]
    add("")
    add(f"**GEMM lower bound, case d**: the step's 8 matrix products alone (forward 3, "
        f"backward ∂W 3 and ∂X 2) into preallocated outputs with the same BLAS and dtype, "
        f"timed in the same interleaved rounds as the steps: "
        f"{fmt_us(gb)} µs ({big.flops / 1e6:.0f} MFLOP, {big.flops / gb / 1e9:.1f} GFLOP/s). "
        f"mlplab's step: {fmt_us(big.results['mlplab'])} µs. Within each round the bound "
        f"takes **{big.bound_fraction:.1%} of mlplab's step time** at the median over the "
        f"{settings.big_rounds} rounds (target ≥ {GEMM_TARGET:.0%}; the ratio of the two "
        f"medians is {gb / big.results['mlplab']:.1%}).")
    add("")
    steps = settings.retrain_steps
    add(f"**e) Retrain case a from scratch, {steps:,} full-batch steps** (what a slider does: "
        f"build the model, then `sgd(model, X, y, lr, batch_size=200, epochs={steps})`, which also "
        "evaluates the training loss after every epoch; with no callback, as here, the next "
        "full-batch step reuses that evaluation's forward pass, while a callback costs one "
        "more forward pass per epoch); median of "
        f"{settings.retrain_repeats} runs. Target ≤ {RETRAIN_TARGET_MS:.0f} ms.")
    add("")
    add("| library | wall ms for the whole retrain (median) | its CPU time, ms (median) "
        "| fastest run, ms | target (median wall) |")
    add("|---|---:|---:|---:|---|")
    for lib, (sec, cpu, best) in retrain.items():
        verdict = ""
        if lib.startswith("mlplab") and steps == RETRAIN_STEPS:
            ok_e = sec * 1e3 <= RETRAIN_TARGET_MS
            dtype = lib.split()[-1]
            label = f"e ({dtype}{', the package default' if dtype == 'float64' else ''})"
            verdicts.append((label, ok_e))
            verdict = "met" if ok_e else "MISSED"
        add(f"| {lib} | {sec * 1e3:,.1f} | {cpu * 1e3:,.1f} | {best * 1e3:,.1f} | {verdict} |")
    if steps != RETRAIN_STEPS:
        add("")
        add("(Smoke run: too few steps to judge case e.)")
    tanh = notes.get("tanh")
    if tanh:
        t32, t64 = tanh["tanh float32"], tanh["tanh float64"]
        add("")
        add(f"Where case e's time goes: `sgd` evaluates `np.tanh` on the 200×10 hidden layer "
            f"once per epoch (the full-batch step reuses the evaluation's forward pass), "
            f"{steps + 1:,} times in all. One call costs {t32 * 1e6:.1f} µs in float32 and "
            f"{t64 * 1e6:.1f} µs in float64 here ({t64 / t32:.0f}× slower in this NumPy build), i.e. "
            f"{t32 * (steps + 1) * 1e3:.0f} ms and {t64 * (steps + 1) * 1e3:.0f} ms of the "
            "totals above; the rest is ~30 small NumPy calls per epoch (matrix products, "
            "bias adds, the update), about 1 µs each on an idle core.")
    add("")
    met = [name for name, ok in verdicts if ok]
    missed = [name for name, ok in verdicts if not ok]
    add(f"**Targets met:** {', '.join(met) or 'none'}"
        + (f"; **missed:** {', '.join(missed)}" if missed else " (all)") + ".")
    add("")
    add("Notes")
    add("")
    add("- mlplab times `mlplab.fast.sgd_step` (the inner loop of `sgd`: "
        "`fast.loss_and_grads(model, X, Y, scale=lr)`, which returns λ∂L/∂W, then `W -= λ∂L/∂W`) "
        "on already-checked arrays; "
        "its float64 column is the package default, for reference (ratios use float32).")
    add("- PyTorch: `nn.Sequential` of `nn.Linear` + activation, `MSELoss`/`CrossEntropyLoss`, "
        "`optim.SGD`; a step is `zero_grad(set_to_none=True)`, forward, loss, `backward()`, "
        "`step()` (the loss is not copied to Python, which favours torch slightly). "
        "It starts from mlplab's initial weights.")
    add("- scikit-learn: `MLPRegressor`/`MLPClassifier(solver='sgd', momentum=0, alpha=0, "
        "learning_rate='constant')`. *partial_fit* = one `partial_fit` call per batch "
        "(includes its input validation); *fit/steps* = `fit` wall time / "
        "(`n_iter_` × batches per epoch), its own loop with per-epoch shuffling. "
        "The sklearn ratio uses the faster of the two. For the two-class moons, sklearn uses "
        "one logistic output unit instead of a 2-way softmax (2-16-16-1).")
    add("- Batches: the same pre-cut contiguous batches go to every library "
        "(gathering rows is not timed); mini-batch cases cycle through one shuffled epoch.")
    add(f"- Measured on a **shared 2-core machine** (other jobs running; load average "
        f"{load_before[0]:.2f} at start, {load_after[0]:.2f} at end), so absolute numbers "
        "vary from run to run (by up to 2× for case e, whose repeats are not interleaved "
        "with the other libraries); the ratios come from the same interleaved rounds, so "
        "they are steadier than the absolute times.")
    add("")
    add("Machine")
    add("")
    add(f"- CPU: {info['cpu']}, {info['cores']} logical cores ({info['usable']} usable); "
        f"{platform.system()} {platform.release()}")
    for b in info["blas"]:
        add(f"- BLAS: {b}")
    add("- Environment: " + ", ".join(f"`{k}` {v}" for k, v in info["env"].items()))
    add("- Versions: " + ", ".join(f"{k} {v}" for k, v in info["versions"].items()))
    add(f"- Run: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
        f"`python -m benchmarks.bench_training{' --smoke' if settings.smoke else ''}`")
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--smoke", action="store_true",
                        help="tiny repeat counts (seconds); never writes benchmarks/RESULTS.md "
                             "unless --output says so")
    parser.add_argument("--output", type=pathlib.Path, default=None,
                        help="markdown file whose 'training' section is written "
                             "(default: benchmarks/RESULTS.md, or a temp file with --smoke)")
    parser.add_argument("--no-write", action="store_true", help="print the section only")
    args = parser.parse_args(argv)
    settings = SMOKE if args.smoke else Settings()

    if torch is not None:
        torch.set_num_threads(1)
    load_before = os.getloadavg()
    with threadpool_limits(limits=1):
        info = machine_info()
        cases, retrain, notes = run_all(settings)
    load_after = os.getloadavg()
    markdown = render(cases, retrain, notes, info, settings, load_before, load_after)
    print()
    print(markdown)
    if args.no_write:
        return None
    output = args.output
    if output is None:
        if settings.smoke:
            output = pathlib.Path(tempfile.mkdtemp(prefix="mlplab-bench-")) / "RESULTS.md"
        else:
            output = RESULTS
    path = write_section(SECTION, markdown, output)
    print(f"wrote section '{SECTION}' of {path}")
    return path


if __name__ == "__main__":
    main()
