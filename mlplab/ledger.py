"""The progress ledger: a small local file that remembers your checks, hints and solutions.

Every ``check``, ``hint`` and ``solution`` call in a lesson adds one record::

    {"time": "2025-03-04T09:12:33+00:00", "event": "check", "lesson": "04",
     "exercise": "sigmoid", "verdict": "failed", "code": "3f2a9c1e0b7d",
     "mode": "self", "version": "0.1.0"}

``mlplab.progress()`` reads them back as the course map. The file is
``progress.jsonl`` (one JSON record per line) in mlplab's data directory:

==========  ===========================================================
Linux       ``$XDG_DATA_HOME/mlplab`` or ``~/.local/share/mlplab``
macOS       ``~/Library/Application Support/mlplab``
Windows     ``%APPDATA%\\mlplab``
==========  ===========================================================

``MLPLAB_DATA_DIR=/some/folder`` puts it elsewhere; ``MLPLAB_PROGRESS=off``
(or ``set_recording(False)``) stops recording.

How the file stays intact:

- **Atomic writes.** A record is added by writing the whole new file next to
  the old one, flushing it to disk and renaming it over the old one. A kernel
  killed mid-write, or a full disk, leaves the previous file untouched.
- **Concurrent kernels.** Writers take an exclusive lock on ``progress.lock``
  (``fcntl`` / ``msvcrt``), so two kernels writing at once lose nothing. A
  lock that cannot be had within a few seconds is reported, never waited on
  forever.
- **Damage.** A file with unreadable lines (edited by hand, a bad sync) is
  moved aside to ``progress-unreadable-<time>.jsonl``, one warning says so, and
  a fresh ledger starts with every record that could still be read.
- **Never in the way.** Recording never raises into a lesson: a read-only
  folder or a full disk gives one warning, the check still answers, and the
  records wait in memory until a later write succeeds.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import pathlib
import sys
import threading
import time
import types
import warnings
from contextlib import contextmanager
from datetime import datetime, timezone

from .i18n import Text

__all__ = [
    "DATA_DIR_ENV", "RECORDING_ENV", "EVENTS", "ProgressWarning", "Ledger", "LedgerBusy",
    "data_dir", "ledger_path", "recording", "set_recording", "ledger", "records",
    "session_records", "record", "record_check", "record_hint", "record_solution", "fingerprint",
]

DATA_DIR_ENV = "MLPLAB_DATA_DIR"
RECORDING_ENV = "MLPLAB_PROGRESS"
FILE_NAME = "progress.jsonl"
LOCK_NAME = "progress.lock"
EVENTS = ("check", "hint", "solution")
LOCK_TIMEOUT = 5.0  # seconds a writer waits for another kernel's write
_OFF = ("0", "off", "false", "no")


class ProgressWarning(UserWarning):
    """Something went wrong with the progress file; the lesson carries on."""


class LedgerBusy(OSError):
    """Another process held the ledger's lock for longer than ``LOCK_TIMEOUT``."""


# ------------------------------------------------------------------ location
def data_dir():
    """mlplab's per-user data folder (``MLPLAB_DATA_DIR``, else the platform's usual place).

    Returns
    -------
    pathlib.Path  (not created here)
    """
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        return pathlib.Path(override).expanduser()
    home = pathlib.Path.home()
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(home / "AppData" / "Roaming")
        return pathlib.Path(base) / "mlplab"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "mlplab"
    base = os.environ.get("XDG_DATA_HOME", "").strip()
    # the XDG spec: a relative XDG_DATA_HOME is invalid and must be ignored
    if not base or not os.path.isabs(base):
        base = str(home / ".local" / "share")
    return pathlib.Path(base) / "mlplab"


def ledger_path():
    """The progress file: ``data_dir() / "progress.jsonl"``."""
    return data_dir() / FILE_NAME


_recording = None  # None: follow MLPLAB_PROGRESS


def set_recording(on):
    """Turn recording of checks, hints and solutions on (True) or off (False).

    ``set_recording(None)`` goes back to the environment's choice
    (``MLPLAB_PROGRESS=off`` turns it off; on by default). Returns the new state.
    """
    global _recording
    if on is not None and not isinstance(on, bool):
        raise TypeError(f"set_recording expects True, False or None; got {type(on).__name__} {on!r}")
    _recording = on
    return recording()


def recording():
    """True if checks, hints and solutions are being recorded."""
    if _recording is not None:
        return _recording
    return os.environ.get(RECORDING_ENV, "").strip().lower() not in _OFF


# ------------------------------------------------------------------ messages
_warned = set()


def _warn_once(kind, message, **fields):
    """One ProgressWarning per kind and process; never raises."""
    if kind in _warned:
        return
    _warned.add(kind)
    try:
        warnings.warn(message.format(**fields), ProgressWarning, stacklevel=4)
    except Exception:  # a warnings filter set to "error" must not break a lesson either
        pass


_CANNOT_SAVE = Text(
    "mlplab could not save your progress to {path} ({reason}). Your checks, hints and solutions "
    "still work; this session's records are kept in memory and saved when writing works again. "
    "To keep the progress file elsewhere, set MLPLAB_DATA_DIR to a folder you can write to; to "
    "stop recording, set MLPLAB_PROGRESS=off. (This warning is shown once.)",
    "mlplab이 진행 기록을 {path}에 저장하지 못했습니다({reason}). check, hint, solution은 그대로 "
    "동작합니다. 이번 세션의 기록은 메모리에 두었다가 저장할 수 있게 되면 저장합니다. 기록 파일을 다른 "
    "곳에 두려면 MLPLAB_DATA_DIR에 쓰기 가능한 폴더를 지정하고, 기록을 끄려면 MLPLAB_PROGRESS=off로 "
    "설정하세요. (이 경고는 한 번만 표시됩니다.)",
)
_DAMAGED = Text(
    "Your progress file {path} had {bad} unreadable line(s). It was moved aside to {aside} (nothing "
    "is deleted) and a fresh progress file was started with the {good} record(s) that could be read. "
    "(This warning is shown once.)",
    "진행 기록 파일 {path}에 읽을 수 없는 줄이 {bad}개 있었습니다. 원래 파일은 {aside}(으)로 옮겨 "
    "두었고(지운 것은 없습니다), 읽을 수 있었던 기록 {good}개로 새 기록 파일을 시작했습니다. "
    "(이 경고는 한 번만 표시됩니다.)",
)
_CANNOT_RECOVER = Text(
    "Your progress file {path} has {bad} unreadable line(s) and could not be repaired ({reason}); "
    "the progress map shows the records that could be read. (This warning is shown once.)",
    "진행 기록 파일 {path}에 읽을 수 없는 줄이 {bad}개 있는데 고치지 못했습니다({reason}). 진행 지도에는 "
    "읽을 수 있었던 기록만 보입니다. (이 경고는 한 번만 표시됩니다.)",
)
_CANNOT_READ = Text(
    "mlplab could not read your progress file {path} ({reason}); the progress map shows only this "
    "session. (This warning is shown once.)",
    "mlplab이 진행 기록 파일 {path}을(를) 읽지 못했습니다({reason}). 진행 지도에는 이번 세션의 기록만 "
    "보입니다. (이 경고는 한 번만 표시됩니다.)",
)


def _reason(exc):
    if isinstance(exc, LedgerBusy):
        return str(exc)
    text = exc.strerror or str(exc) if isinstance(exc, OSError) else str(exc)
    return f"{type(exc).__name__}: {text}"


# ------------------------------------------------------------------ locking
if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd):
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd):
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

    _BUSY = (errno.EACCES, errno.EDEADLK)
else:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - e.g. WebAssembly builds of Python
        fcntl = None

    def _try_lock(fd):
        if fcntl is None:
            raise OSError(errno.ENOTSUP, "no file locking on this platform")
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd):
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)

    _BUSY = (errno.EAGAIN, errno.EACCES, getattr(errno, "EWOULDBLOCK", errno.EAGAIN))

_thread_lock = threading.Lock()  # one writer per process at a time; flock excludes the others


@contextmanager
def _locked(directory, timeout=None):
    """Hold the ledger's exclusive lock in ``directory``.

    Yields True if locked, False if this file system cannot lock (then writes
    still are atomic, but two simultaneous writers could lose one record).
    Raises LedgerBusy after ``timeout`` seconds, OSError if the lock file
    cannot be created (a read-only folder).
    """
    timeout = LOCK_TIMEOUT if timeout is None else timeout
    if not _thread_lock.acquire(timeout=timeout):
        raise LedgerBusy(errno.EBUSY, f"another thread held {LOCK_NAME} for more than {timeout:g} s")
    try:
        fd = os.open(os.path.join(directory, LOCK_NAME), os.O_RDWR | os.O_CREAT, 0o666)
        try:
            deadline = time.monotonic() + timeout
            locked = True
            while True:
                try:
                    _try_lock(fd)
                    break
                except OSError as exc:
                    if exc.errno not in _BUSY:  # ENOLCK, ENOTSUP: no locks here
                        locked = False
                        break
                    if time.monotonic() > deadline:
                        raise LedgerBusy(errno.EBUSY, f"another process held {LOCK_NAME} for "
                                                      f"more than {timeout:g} s") from None
                    time.sleep(0.005)
            try:
                yield locked
            finally:
                if locked:
                    try:
                        _unlock(fd)
                    except OSError:
                        pass
        finally:
            os.close(fd)
    finally:
        _thread_lock.release()


# ------------------------------------------------------------------ records
def _valid(record):
    return (isinstance(record, dict) and record.get("event") in EVENTS
            and isinstance(record.get("exercise"), str))


def _parse(data):
    """(records, number of unreadable lines) of the file's bytes."""
    good, bad = [], 0
    for line in data.split(b"\n"):
        if not line.strip():
            continue
        try:
            record = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            bad += 1
            continue
        if _valid(record):
            good.append(record)
        else:
            bad += 1
    return good, bad


def _encode(record):
    text = json.dumps(record, ensure_ascii=False, separators=(",", ":"), default=str)
    return (text + "\n").encode("utf-8")


def _write_atomically(path, chunks, locked):
    """Write ``chunks`` (bytes) to a temporary file beside ``path``, flush it to disk and
    rename it over ``path``: readers see the old file or the new one, never a part."""
    if locked:  # under the lock one fixed name is safe, and a killed writer's leftover is reused
        tmp = path.with_name(path.name + ".tmp")
    else:  # no lock: a name of our own so two writers never share the temporary file
        tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with open(tmp, "wb") as f:
            for chunk in chunks:
                f.write(chunk)
            f.flush()
            os.fsync(f.fileno())
        _replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_directory(path.parent)


def _fsync_directory(directory):
    """Make the rename itself durable (POSIX); best effort, nothing depends on it."""
    if os.name == "nt":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _replace(src, dst, attempts=20):
    """os.replace, retried briefly when Windows reports the target as in use."""
    for i in range(attempts):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if os.name != "nt" or i == attempts - 1:
                raise
            time.sleep(0.01 * (i + 1))


class Ledger:
    """The progress file at ``path``: append records, read them back.

    ``append`` and ``read`` raise OSError (a read-only folder, a full disk) or
    LedgerBusy; the module-level ``record`` and ``records`` turn those into one
    warning each.
    """

    def __init__(self, path):
        self.path = pathlib.Path(path)
        self.directory = self.path.parent

    def __repr__(self):
        return f"Ledger({str(self.path)!r})"

    def append(self, *new):
        """Add records (dicts) atomically: write the new file beside the old one, then rename."""
        if not new:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        with _locked(self.directory) as locked:
            try:
                with open(self.path, "rb") as f:
                    old = f.read()
            except FileNotFoundError:
                old = b""
            if old and not old.endswith(b"\n"):  # a hand-edited file without the last newline
                old += b"\n"
            _write_atomically(self.path, [old, b"".join(_encode(r) for r in new)], locked)

    def read(self):
        """All readable records, oldest first.

        A file with unreadable lines is moved aside and replaced by one holding
        the readable records (one warning); if that is impossible (a read-only
        folder), the readable records are still returned.
        """
        try:
            with open(self.path, "rb") as f:
                data = f.read()
        except (FileNotFoundError, NotADirectoryError):  # no ledger (yet, or ever: saving says why)
            return []
        good, bad = _parse(data)
        if bad:
            try:
                self._recover()
            except Exception as exc:
                _warn_once("recover", str(_CANNOT_RECOVER), path=self.path, bad=bad,
                           reason=_reason(exc))
        return good

    def _recover(self):
        """Copy a damaged file aside, then replace it by its readable records."""
        with _locked(self.directory) as locked:
            try:
                data = self.path.read_bytes()
            except FileNotFoundError:
                return
            good, bad = _parse(data)
            if not bad:  # another kernel has just repaired it
                return
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            aside, n = self.path.with_name(f"progress-unreadable-{stamp}.jsonl"), 1
            while aside.exists():
                n += 1
                aside = self.path.with_name(f"progress-unreadable-{stamp}-{n}.jsonl")
            aside.write_bytes(data)  # the copy first: if anything below fails, nothing is lost
            _write_atomically(self.path, [_encode(r) for r in good], locked)
        _warn_once("damaged", str(_DAMAGED), path=self.path, bad=bad, aside=aside, good=len(good))


# ------------------------------------------------------------------ this process
_session = []  # every record made in this process, in order
_unsaved = []  # those made with recording on but not yet in the file (a failed write)
_state_lock = threading.Lock()  # guards the two lists
_save_lock = threading.Lock()  # one write of the waiting records at a time


def ledger():
    """The Ledger at ``ledger_path()``."""
    return Ledger(ledger_path())


def session_records():
    """The records made in this process (kernel), saved or not."""
    with _state_lock:
        return list(_session)


def records():
    """Every record this user has: the progress file's, plus this session's unsaved ones.

    With recording off, only this session's records. Never raises; an
    unreadable file gives one warning.
    """
    if not recording():
        return session_records()
    try:
        stored = ledger().read()
    except Exception as exc:
        _warn_once("read", str(_CANNOT_READ), path=ledger_path(), reason=_reason(exc))
        return session_records()
    with _state_lock:
        return stored + list(_unsaved)


def record(event, exercise, **fields):
    """Record one event now; returns the record (a dict). Never raises.

    event    : "check", "hint" or "solution"
    exercise : the catalogue name, e.g. "softmax"
    fields   : e.g. verdict="failed", code=fingerprint(fn), hint=2
    """
    try:
        rec = {"time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
               "event": event, "lesson": _lesson_number(exercise), "exercise": exercise}
        rec.update(fields)
        rec.setdefault("mode", _mode())
        rec["version"] = _version()
        on = recording()
        with _state_lock:
            _session.append(rec)
            if on:  # made while recording is off, a record is never saved, not even later
                _unsaved.append(rec)
        if on:
            _save()
        return rec
    except Exception:  # recording must never break a lesson
        return None


def _save():
    """Write every record still waiting; one thread at a time, so none is written twice."""
    with _save_lock:
        with _state_lock:
            pending = list(_unsaved)
        if not pending:  # another thread's write took ours along
            return
        try:
            ledger().append(*pending)
        except Exception as exc:
            _warn_once("save", str(_CANNOT_SAVE), path=ledger_path(), reason=_reason(exc))
            return
        with _state_lock:
            saved = {id(r) for r in pending}
            _unsaved[:] = [r for r in _unsaved if id(r) not in saved]


def record_check(result, fn=None):
    """Record a ``CheckResult`` (and a fingerprint of the function checked); returns ``result``."""
    try:
        code = fingerprint(fn)
        record("check", result.name, verdict=result.status, **({"code": code} if code else {}))
    except Exception:
        pass
    return result


def record_hint(exercise, number=None, withheld=False):
    """Record a hint request: ``number`` is the hint shown (1-based), None if none was."""
    fields = {"hint": number} if number is not None else {}
    if withheld:
        fields["withheld"] = True
    return record("hint", exercise, **fields)


def record_solution(exercise, withheld=False):
    """Record a solution request (``withheld`` in class mode)."""
    return record("solution", exercise, **({"withheld": True} if withheld else {}))


def fingerprint(fn):
    """A short hash of a function's code, the same for the same code defined again.

    Comments, blank lines and the cell it was defined in do not change it;
    a changed expression, constant or default argument does. None for
    objects without Python code (builtins, NumPy ufuncs).
    """
    code = getattr(fn, "__code__", None)
    if not isinstance(code, types.CodeType):
        return None
    h = hashlib.sha256()

    def feed(c):
        h.update(c.co_code)
        h.update(repr((c.co_names, c.co_varnames, c.co_freevars, c.co_argcount)).encode())
        for const in c.co_consts:
            if isinstance(const, types.CodeType):
                feed(const)
            else:
                h.update(repr(const).encode("utf-8", "replace"))

    feed(code)
    h.update(repr(getattr(fn, "__defaults__", None)).encode("utf-8", "replace"))
    return h.hexdigest()[:12]


def _lesson_number(exercise):
    from .course import lesson_of_exercise

    try:
        return lesson_of_exercise(exercise).number
    except ValueError:
        return ""


def _mode():
    try:
        from .classmode import settings

        return settings().mode
    except Exception:
        return "self"


def _version():
    from . import __version__

    return __version__
