"""Running the student's code safely: time limits, captured prints, no escapes, no tampering.

A check calls code it does not control. Whatever that code does, the check
must end with a verdict, the notebook must stay usable, and nothing the
function does may change the verdict except the answers it returns:

- :class:`Guard` (one per check) runs each call of the student's function
  under a time limit (:data:`CASE_SECONDS` per call, :data:`CHECK_SECONDS` for
  the whole check), with its prints captured and capped, ``input()`` refused,
  NumPy's warnings recorded, and every exception -- ``sys.exit()``, a
  ``KeyboardInterrupt`` the code raised itself, ``GeneratorExit``, any other
  ``BaseException`` -- turned into an :class:`~._outcomes.Errored` outcome.
  A real interrupt (the Jupyter stop button) still stops the check. A check
  started from inside the student's function (``check(...)`` indented into
  the function body) is refused instead of recursing.
- :func:`is_stub` tells the untouched exercise stub (a body that is only
  ``raise NotImplementedError``) from a function with code in it.
- :class:`Seal` keeps the checker's own functions as they were at import and
  puts back any that were replaced; :class:`Shipped` does the same for NumPy
  while the checker computes the expected answers.

How a running function is stopped: in the main thread on Unix (where Jupyter
runs every cell) an ``ITIMER_REAL`` alarm whose handler raises the private
:class:`TimeLimit` into the running code, repeated every
:data:`REPEAT_SECONDS` in case the code swallows it (``except BaseException:``
around a ``time.sleep``); after :data:`TRACE_AFTER` swallowed stops a trace
function raises it again on every line the student's code runs, so it leaves
any ``except`` clause. Elsewhere a watchdog thread injects the same exception
with ``PyThreadState_SetAsyncExc`` (which cannot cut a ``time.sleep`` short).
A loop inside one C call (a huge NumPy operation) can only be stopped when
that call returns. On CPython 3.10 a loop whose whole body is a ``try`` with an
``except BaseException:`` and no calls (``while True: try: n += 1 except
BaseException: pass``) cannot be stopped at all: 3.10 never looks at pending
signals, injected exceptions or GIL requests right before ``SETUP_FINALLY``, so
the kernel must be restarted (3.11 and later stop it like any other loop).
Any previous alarm handler, timer, trace function and interrupt handler are
restored exactly afterwards.
"""

from __future__ import annotations

import _thread
import builtins
import contextlib
import ctypes
import dis
import functools
import io
import operator
import os
import signal
import sys
import threading
import time
import traceback
import types
import warnings

import numpy as np

from . import _messages as M
from ._outcomes import Errored

CASE_SECONDS = 3.0  # one call of the student's function (and reading its answer)
CHECK_SECONDS = 10.0  # all calls of one check together
REPEAT_SECONDS = 0.05  # after the limit, the stop is repeated this often until the code gives up
TRACE_AFTER = 3  # stops swallowed before every line of the student's code is made to stop (see below)
POLL_SECONDS = 0.02  # how often the watchdog thread looks at the clock
PRINT_KEEP = 4000  # characters of the student's prints kept for the message


@contextlib.contextmanager
def time_limits(case=None, check=None):
    """Temporarily change the time limits (seconds), e.g. for a grader on a slow machine or a test."""
    global CASE_SECONDS, CHECK_SECONDS
    saved = CASE_SECONDS, CHECK_SECONDS
    for value in (case, check):
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))
                                  or not 0 < value < 3600):
            raise ValueError(f"time limits are seconds between 0 and 3600, got {value!r}")
    CASE_SECONDS = saved[0] if case is None else float(case)
    CHECK_SECONDS = saved[1] if check is None else float(check)
    try:
        yield
    finally:
        CASE_SECONDS, CHECK_SECONDS = saved


def seconds(value):
    """'3 s', '0.5 s': a time limit as the messages show it."""
    return f"{value:g} s"


# ------------------------------------------------------------ private signals
class TimeLimit(BaseException):
    """Raised into the student's code when its time is up (a BaseException, so
    ``except Exception`` in the student's code does not swallow it)."""


class Reentered(BaseException):
    """Raised by a check started while another check runs the student's code."""


class InputRequested(BaseException):
    """Raised by ``input()`` while the student's code runs under a check."""


def _refuse_input(prompt=""):
    raise InputRequested


def _refuse_exit(*args, **kwargs):
    raise SystemExit(*args)  # IPython's exit() would instead ask the kernel to shut down


# ------------------------------------------------------------- the stub test
_STUB_OPS = {
    "RESUME", "NOP", "CACHE", "EXTENDED_ARG", "COPY_FREE_VARS", "MAKE_CELL",  # bookkeeping
    "LOAD_GLOBAL", "LOAD_NAME", "LOAD_CONST", "PUSH_NULL", "KW_NAMES",  # NotImplementedError("...")
    "PRECALL", "CALL", "CALL_FUNCTION", "CALL_KW",
    "RAISE_VARARGS",
}


def is_stub(fn):
    """True for the untouched exercise stub: a body that is only ``raise NotImplementedError``.

    Comments and a docstring do not count as code; ``raise NotImplementedError("...")`` is a stub
    too. Read from the bytecode, so it works for functions defined anywhere (a notebook cell, exec).
    A function with any other code -- even code below the ``raise`` that never runs -- is not a stub.
    """
    code = getattr(fn, "__code__", None)
    if not isinstance(code, types.CodeType) or code.co_names != ("NotImplementedError",):
        return False
    ops = {ins.opname for ins in dis.get_instructions(code)}
    return "RAISE_VARARGS" in ops and ops <= _STUB_OPS


# ----------------------------------------------------------- captured prints
class CappedText(io.TextIOBase):
    """A text stream that keeps the first ``keep`` characters and counts the rest."""

    def __init__(self, keep=PRINT_KEEP):
        super().__init__()
        self.keep, self.total, self._parts = keep, 0, []

    def writable(self):
        return True

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        room = self.keep - min(self.total, self.keep)
        if room > 0:
            self._parts.append(text[:room])
        self.total += len(text)
        return len(text)

    @property
    def text(self):
        return "".join(self._parts)


# --------------------------------------------------------------- the timers
class _Clock:
    """State shared by a timer and its alarm: is the student's code running, how often was it stopped."""

    def __init__(self):
        self.armed = False
        self.fired = 0


class _AlarmTimer:
    """ITIMER_REAL + SIGALRM, main thread only. Restores the previous handler and timer exactly."""

    def __init__(self, clock):
        self.clock = clock

    def __enter__(self):
        clock = self.clock

        def on_alarm(signum, frame):
            if clock.armed:
                clock.fired += 1
                if clock.fired >= TRACE_AFTER:
                    _stop_every_line(frame)
                raise TimeLimit

        self._on_alarm = on_alarm
        self._started = time.monotonic()
        self._old_handler = signal.signal(signal.SIGALRM, on_alarm)
        self._old_timer = signal.setitimer(signal.ITIMER_REAL, 0, 0)
        return self

    def start(self, limit):
        signal.signal(signal.SIGALRM, self._on_alarm)  # again: the last call may have replaced it
        signal.setitimer(signal.ITIMER_REAL, limit, REPEAT_SECONDS)

    def stop(self):
        signal.setitimer(signal.ITIMER_REAL, 0, 0)

    def __exit__(self, *exc):
        self.clock.armed = False
        signal.setitimer(signal.ITIMER_REAL, 0, 0)
        signal.signal(signal.SIGALRM, self._old_handler)
        delay, interval = self._old_timer
        if delay > 0:  # someone else's timer was running: give it back its remaining time
            remaining = delay - (time.monotonic() - self._started)
            signal.setitimer(signal.ITIMER_REAL, max(remaining, 1e-6), interval)
        return False

    @staticmethod
    def usable():
        return (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
                and signal.getsignal(signal.SIGALRM) is not None)  # None: a handler we cannot restore


def _stop_every_line(frame):
    """Make every further line (and call) of the student's code raise TimeLimit.

    For code that swallows the alarm: the next line it runs -- the body of its ``except``
    clause -- raises again, outside the ``try``. Only the frames above :func:`_attempt` are
    traced; ``Guard.call`` puts the previous trace function back before it calls anything.
    """
    def stop(frame, event, arg):
        if event in ("line", "call"):
            raise TimeLimit
        return stop

    _settrace(stop)
    while frame is not None and frame.f_code is not _attempt.__code__:
        frame.f_trace, frame.f_trace_lines = stop, True
        frame = frame.f_back


class _WatchdogTimer:
    """A thread that injects TimeLimit into the checking thread (``PyThreadState_SetAsyncExc``).

    The only timer outside the main thread; in the main thread a backup ``delay`` seconds behind
    the alarm, for code that switched the alarm off (``signal.setitimer(..., 0)``). An injected
    exception lands between two bytecodes, so it cannot cut a ``time.sleep`` short.

    The checking thread touches only a C lock, in ``with`` blocks, never a ``threading.Condition``
    whose Python code an exception could interrupt half-way; the watchdog polls every
    :data:`POLL_SECONDS`. An injection made just before :meth:`stop` is let land inside
    :func:`_absorb_stray` instead of being cancelled: cancelling with ``SetAsyncExc(id, NULL)``
    made CPython 3.11 spin in the checking thread when a trace function was active (seen in
    ``tests/test_checker_limits.py``; the exact mechanism was not pinned down).
    """

    def __init__(self, clock, delay=0.0):
        self.clock, self.delay = clock, delay
        self._target = threading.get_ident()
        self._lock = _thread.allocate_lock()
        self._deadline = None
        self._closed = False
        self._injected = False

    def __enter__(self):
        self._thread = threading.Thread(target=self._watch, daemon=True, name="mlplab-check-watchdog")
        self._thread.start()
        return self

    def _watch(self):
        while True:
            time.sleep(POLL_SECONDS)
            with self._lock:
                if self._closed:
                    return
                if self._deadline is not None and time.monotonic() >= self._deadline:
                    if self.clock.armed:
                        self.clock.fired += 1
                        self._injected = True
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self._target),
                                                                   ctypes.py_object(TimeLimit))
                    self._deadline = time.monotonic() + REPEAT_SECONDS

    def start(self, limit):
        with self._lock:
            self._deadline = time.monotonic() + limit + self.delay

    def stop(self, closing=False):
        with self._lock:  # no injection is in flight once this lock is ours
            self._deadline = None
            self._closed = self._closed or closing
            injected, self._injected = self._injected, False
        if injected:
            _absorb_stray()

    def __exit__(self, *exc):
        self.clock.armed = False
        self.stop(closing=True)  # the thread sees it within POLL_SECONDS and ends; no need to wait
        return False


def _absorb_stray():
    """Let an injected TimeLimit that has not landed yet land here, where it does no harm."""
    try:
        _nothing()  # entering a Python function is a point where a pending exception is raised
    except TimeLimit:
        pass


def _nothing():
    pass


class _Timers:
    """Several timers started and stopped together (the alarm and its backup watchdog)."""

    def __init__(self, *timers):
        self.timers = timers

    def start(self, limit):
        for timer in self.timers:
            timer.start(limit)

    def stop(self):
        for timer in self.timers:
            timer.stop()


# ---------------------------------------------------------------- the guard
_ACTIVE = threading.local()  # .guard: the Guard running in this thread, if any


def refuse_reentry():
    """Raise Reentered if a check is already running in this thread (``check`` inside the function)."""
    if getattr(_ACTIVE, "guard", None) is not None:
        raise Reentered


class Guard:
    """Runs the student's function for one check: ``with Guard() as guard: guard.call(...)``.

    While the guard is open a real SIGINT is flagged (so a ``KeyboardInterrupt`` the student's
    code raises itself can be told from the stop button), and a second check in the same thread
    is refused. :meth:`call` runs one call under the time limits.
    """

    def __init__(self):
        self.clock = _Clock()
        self.printed = CappedText()
        self.interrupted = False
        self._timer = None
        self._deadline = None

    # -- opening and closing
    def __enter__(self):
        refuse_reentry()
        self._stack = contextlib.ExitStack()
        try:
            if _AlarmTimer.usable():
                self._timer = _Timers(self._stack.enter_context(_AlarmTimer(self.clock)),
                                      self._stack.enter_context(_WatchdogTimer(self.clock, delay=1.0)))
            else:
                self._timer = self._stack.enter_context(_WatchdogTimer(self.clock))
            self._flag_interrupts()
        except BaseException:
            self._stack.close()
            raise
        _ACTIVE.guard = self
        self._deadline = time.monotonic() + CHECK_SECONDS
        return self

    def __exit__(self, *exc):
        _ACTIVE.guard = None
        self._stack.close()
        return False

    def _flag_interrupts(self):
        if threading.current_thread() is not threading.main_thread():
            return  # a real interrupt only ever reaches the main thread
        previous = signal.getsignal(signal.SIGINT)
        if previous is None:
            return

        def on_interrupt(signum, frame):
            self.interrupted = True
            if callable(previous):
                previous(signum, frame)
            elif previous == signal.SIG_DFL:
                raise KeyboardInterrupt

        signal.signal(signal.SIGINT, on_interrupt)
        self._stack.callback(signal.signal, signal.SIGINT, previous)

    # -- one call
    def call(self, fn, args, kwargs, freeze):
        """``freeze(fn(*args, **kwargs))`` under the time limit; returns (answer, warning texts).

        ``freeze`` reads the answer into private arrays while the time limit still runs (reading
        can run the student's code too: ``__array__``, a generator). Raises Errored for anything
        that is not an answer; re-raises a real KeyboardInterrupt.
        """
        limit = min(CASE_SECONDS, self._deadline - time.monotonic())
        if limit <= 0:
            raise Errored(M.TOO_SLOW_CHECK.format(seconds=seconds(CHECK_SECONDS)))
        clock, timer, fired, trace = self.clock, self._timer, self.clock.fired, _gettrace()
        with _redirected(self.printed), warnings.catch_warnings(record=True) as caught, \
                np.errstate(over="warn", invalid="warn", divide="warn", under="ignore"):
            warnings.simplefilter("always")
            try:
                clock.armed = True
                timer.start(limit)
                try:
                    kind, value = _attempt(fn, args, kwargs, freeze)
                finally:
                    clock.armed = False  # first: from here on the alarm does nothing
                    _settrace(trace)  # (a C function: not traced) before any Python call
                    timer.stop()
            except TimeLimit:  # (it may have landed before timer.stop() ran: stop again)
                timer.stop()
                kind, value = "timeout", None
            except Reentered:
                raise Errored(M.REENTERED) from None
            noisy = [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)]
        if kind == "timeout" or clock.fired > fired:  # also when the code swallowed the stop
            if limit < CASE_SECONDS:
                raise Errored(M.TOO_SLOW_CHECK.format(seconds=seconds(CHECK_SECONDS)))
            raise Errored(M.TOO_SLOW_CASE.format(seconds=seconds(CASE_SECONDS)))
        if kind == "raised":
            if value.type is KeyboardInterrupt and self.interrupted:
                raise KeyboardInterrupt  # the stop button: stop the check, as any cell stops
            raise Errored(*value.explain(fn))
        return value, noisy


def _attempt(fn, args, kwargs, freeze):
    """("returned", frozen answer) or ("raised", _Raised); runs with the timer armed."""
    try:
        return "returned", freeze(fn(*args, **kwargs))
    except (TimeLimit, Reentered):
        raise
    except BaseException as exc:  # noqa: BLE001 -- every escape becomes a verdict
        return "raised", _Raised(exc)


_REFUSED = {"input": _refuse_input, "exit": _refuse_exit, "quit": _refuse_exit}


@contextlib.contextmanager
def _redirected(stream):
    """Prints go to ``stream``; ``input()`` is refused; ``exit()``/``quit()`` raise SystemExit.

    In a Jupyter kernel ``exit()`` is IPython's exiter, which does not raise but asks the kernel
    to shut down after the cell; its ``ask_exit`` is replaced for the call, so it raises too.
    """
    saved_streams = sys.stdout, sys.stderr
    saved = [(builtins, name, vars(builtins).get(name, _GONE)) for name in _REFUSED]
    shell = _ipython_shell()
    if shell is not None:
        saved += [(shell, name, vars(shell).get(name, _GONE)) for name in ("ask_exit", "keepkernel_on_exit")]
    sys.stdout = sys.stderr = stream
    for name, refusal in _REFUSED.items():
        setattr(builtins, name, refusal)
    if shell is not None:
        shell.ask_exit = _refuse_exit
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved_streams
        for owner, name, value in saved:
            if value is _GONE:
                vars(owner).pop(name, None)
            else:
                setattr(owner, name, value)


def _ipython_shell():
    """The running IPython shell, if there is one (IPython itself is never imported here)."""
    get = getattr(sys.modules.get("IPython"), "get_ipython", None)
    try:
        return get() if get is not None else None
    except Exception:  # noqa: BLE001
        return None


_settrace, _gettrace = sys.settrace, sys.gettrace  # bound at import, like everything the guard relies on
_HERE = os.path.dirname(os.path.abspath(__file__))
_NUMPY = os.path.dirname(np.__file__)


class _Raised:
    """What the student's code raised, read while the time limit still runs."""

    def __init__(self, exc):
        self.type = type(exc)
        self.name = self.type.__name__
        self.lineage = {k.__name__ for k in self.type.__mro__}
        try:
            self.text = str(exc).strip()
        except Exception:  # noqa: BLE001 -- a broken __str__ is the student's
            self.text = ""
        self.code = None
        frames = [(f, lineno) for f, lineno in traceback.walk_tb(exc.__traceback__)
                  if not os.path.abspath(f.f_code.co_filename).startswith((_HERE, _NUMPY))]
        self.where = ""
        if frames:
            frame, lineno = frames[-1]
            self.code = frame.f_code
            line = traceback.FrameSummary(frame.f_code.co_filename, lineno, frame.f_code.co_name).line
            self.where = M.LINE_IN.format(line=lineno, function=frame.f_code.co_name)
            self.where += f": {line.strip()}" if line else ""
        del exc, frames

    def explain(self, fn):
        """The headline and detail lines of the Errored outcome."""
        at = M.AT.format(where=self.where) if self.where else ""
        if self.type is InputRequested or "StdinNotImplementedError" in self.lineage:
            return M.ASKS_FOR_INPUT, at
        if issubclass(self.type, SystemExit):
            return M.EXITS, at
        if issubclass(self.type, NotImplementedError):
            if self.code is not None and self.code is not getattr(fn, "__code__", None):
                return M.HELPER_NOT_WRITTEN.format(helper=self.code.co_name), at
            return M.NOT_IMPLEMENTED_LEFT, at
        text = self.text or str(M.NO_MESSAGE)
        if not issubclass(self.type, Exception):
            return M.RAISED_BASE.format(kind=self.name, text=text), at
        headline = M.RAISED.format(kind=self.name, text=text)
        if issubclass(self.type, RecursionError):
            return headline, at, M.RECURSION
        return headline, at


# --------------------------------------------------------------- the seals
def _is_code(value):
    """Values the seal keeps: code and the checker's own objects, not plain data."""
    return (callable(value)  # functions of every make (NumPy's dispatchers, ufuncs, builtins), classes
            or isinstance(value, (types.ModuleType, staticmethod, classmethod, property,
                                  types.MappingProxyType))
            or type(value).__module__.startswith("mlplab."))


def _watchers(space, is_class, exempt=()):
    """Two functions that know ``space``'s code as it is now: ``replaced()`` lists
    (space, name, original, current) for every name bound to something else since, and
    ``put_back()`` rebinds those (and removes names added where they matter) and returns
    "module.name" for each change.

    They are closures over their own locals: replacing any function or method of this module
    later cannot change what they do.
    """
    now = vars(space)
    sealed = {k: v for k, v in now.items() if (is_class or _is_code(v)) and k not in exempt}
    names, values, keys, label = tuple(sealed), tuple(sealed.values()), frozenset(now), space.__name__
    exempt, same, gone, shadows = frozenset(exempt), operator.is_, _GONE, frozenset(vars(builtins))

    def replaced():
        current = vars(space)
        if all(map(same, map(current.get, names), values)):  # the usual case, at C speed
            return []
        return [(space, k, v, current.get(k, gone)) for k, v in zip(names, values)
                if current.get(k, gone) is not v]

    def put_back():
        changed = []
        for _, name, original, _ in replaced():
            setattr(space, name, original)
            changed.append(name)
        current = vars(space)
        if current.keys() != keys:  # something was added: a class's new method, a module's `len`
            for name in [k for k in current if k not in keys and k not in exempt
                         and not k.startswith("__") and (is_class or k in shadows)]:
                delattr(space, name)
                changed.append(name)
        return [f"{label}.{name}" for name in changed]

    return replaced, put_back


class Seal:
    """The checker's own code as it was at import, put back before it judges.

    A cell of the notebook, or the student's function during a check, could replace a function
    of the checker (``Array.diff = lambda *a: None``) and so make any answer pass. The seal
    remembers, for each sealed module and each class defined in it, every name bound to code
    (functions, classes, modules, the checker's own objects) and :meth:`restore` puts back what
    was replaced. Names added to a class, or added to a module where they shadow a builtin
    (``len``), are removed. Plain data is not sealed: module state that changes by design (the
    hint counters) keeps working, and the verdict never depends on module-level data. A module
    that rebinds a function-valued global on purpose (a hook set at run time) lists its name in
    ``__unsealed__ = ("name",)``.

    ``restore`` works through closures made by :func:`_watchers` and kept in a list that
    :func:`sealed` also holds, so it keeps working even if this class is patched.
    """

    def __init__(self):
        self.put_backs = []  # filled in place by take()
        self.restored = []  # names put back since the last drain()

    def take(self, modules):
        put_backs = []
        for module in modules:
            put_backs.append(_watchers(module, False, getattr(module, "__unsealed__", ()))[1])
            put_backs += [_watchers(value, True)[1] for value in vars(module).values()
                          if isinstance(value, type) and value.__module__ == module.__name__]
        self.put_backs[:] = put_backs

    def restore(self):
        """Put back every replaced name; returns the names that had been changed."""
        return _restore(self.put_backs, self.restored)

    def drain(self):
        """The names put back since the last call (for the verdict's message)."""
        restored = list(self.restored)
        self.restored.clear()
        return restored


def _restore(put_backs, restored):
    changed = [name for put_back in put_backs for name in put_back()]
    restored += changed
    return changed


_GONE = object()


class Shipped:
    """NumPy's functions as they were when mlplab was imported.

    Inside ``with SHIPPED:`` NumPy's replaced functions (``np.exp = ...`` in a cell) are swapped
    back to the originals, so the expected answers and the typical mistakes are computed with
    real NumPy; :meth:`students` swaps the student's replacements in again around a call of the
    student's function (their kernel, their NumPy). Both swaps put everything back on exit.
    """

    def __init__(self, modules):
        self._replaced = [_watchers(m, False)[0] for m in modules]
        self._theirs = []

    def _swap_in_originals(self):
        theirs = []
        for replaced in self._replaced:
            for module, name, original, current in replaced():
                theirs.append((module, name, current))
                setattr(module, name, original)
        return theirs

    @staticmethod
    def _put(items):
        for module, name, value in items:
            if value is _GONE:
                delattr(module, name)
            else:
                setattr(module, name, value)

    def __enter__(self):
        self._theirs.append(self._swap_in_originals())
        return self

    def __exit__(self, *exc):
        theirs = self._theirs.pop()
        self._swap_in_originals()
        self._put(theirs)
        return False

    @contextlib.contextmanager
    def students(self):
        """Around a call of the student's code inside ``with SHIPPED``: NumPy as they left it."""
        self._put(self._theirs[-1] if self._theirs else [])
        try:
            yield
        finally:
            if self._theirs:
                self._theirs[-1] = self._swap_in_originals()


SEAL = Seal()  # filled at the end of mlplab/exercises/__init__.py, when every module is loaded
SHIPPED = Shipped([np, np.linalg, np.random])


def restorer():
    """A function that restores the checker's sealed code (``SEAL.restore`` as a closure).

    It holds the seal's closures and lists themselves: once made, neither rebinding a module
    name nor patching :class:`Seal` or this module can switch it off.
    """
    put_backs, restored = SEAL.put_backs, SEAL.restored

    def restore():
        restored.extend(name for put_back in put_backs for name in put_back())

    return restore


def sealed(fn):
    """Decorator: restore the checker's sealed code before every call of ``fn``."""
    restore = restorer()

    @functools.wraps(fn)
    def sealed_fn(*args, **kwargs):
        try:
            restore()
        except Exception:  # noqa: BLE001 -- a broken namespace must not make check() raise
            pass
        return fn(*args, **kwargs)

    return sealed_fn
