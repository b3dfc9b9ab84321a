"""The progress ledger, ``mlplab.progress()`` and class mode.

The ledger must survive what a classroom does to it: kernels killed mid-write,
two notebooks checking at once, a damaged file, a read-only folder, a full
disk, another kernel holding the lock. None of it may raise into a lesson.
"""

from __future__ import annotations

import errno
import json
import os
import pathlib
import random
import signal
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import warnings

import pytest

import mlplab
from mlplab import classmode, ledger
from mlplab import exercises as ex
from mlplab.exercises import check, hint, solution
from mlplab.exercises._display import Note
from mlplab.i18n import set_language
from mlplab.progress_map import STATUSES, summarise

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _env(**extra):
    """The environment for a child Python that imports this checkout's mlplab."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.update(extra)
    return env


def _reset():
    ledger._session.clear()
    ledger._unsaved.clear()
    ledger._warned.clear()
    ledger.set_recording(None)
    ex.reset_hints()


@pytest.fixture
def data(tmp_path, monkeypatch):
    """Recording on, into a fresh folder; self-study; a working directory without mlplab.ini."""
    folder = tmp_path / "data"
    monkeypatch.setenv("MLPLAB_DATA_DIR", str(folder))
    monkeypatch.setenv("MLPLAB_PROGRESS", "on")
    monkeypatch.setenv("MLPLAB_MODE", "self")
    work = tmp_path / "lessons"
    work.mkdir()
    monkeypatch.chdir(work)
    _reset()
    yield folder
    _reset()


def _file_records(folder):
    """(records, unreadable lines) of the ledger file, read without repairing it."""
    path = folder / ledger.FILE_NAME
    return ledger._parse(path.read_bytes()) if path.exists() else ([], 0)


def _progress_warnings(caught):
    return [w for w in caught if issubclass(w.category, ledger.ProgressWarning)]


# ------------------------------------------------------------------ where it lives
def test_the_data_folder_follows_each_platforms_convention(monkeypatch, tmp_path):
    monkeypatch.delenv("MLPLAB_DATA_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert ledger.data_dir() == tmp_path / ".local" / "share" / "mlplab"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert ledger.data_dir() == tmp_path / "xdg" / "mlplab"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/path")  # invalid by the XDG spec: ignored
    assert ledger.data_dir() == tmp_path / ".local" / "share" / "mlplab"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert ledger.data_dir() == tmp_path / "Library" / "Application Support" / "mlplab"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    assert ledger.data_dir() == tmp_path / "Roaming" / "mlplab"
    monkeypatch.setenv("MLPLAB_DATA_DIR", str(tmp_path / "mine"))
    assert ledger.ledger_path() == tmp_path / "mine" / "progress.jsonl"


def test_the_test_suite_and_its_kernels_never_use_the_users_ledger():
    import notebook_runner

    assert os.environ["MLPLAB_PROGRESS"] == "off"
    assert pathlib.Path(os.environ["MLPLAB_DATA_DIR"]).is_relative_to(tempfile.gettempdir())
    first, second = (notebook_runner.kernel_manager().kernel_spec.env for _ in range(2))
    assert first["MLPLAB_DATA_DIR"] != second["MLPLAB_DATA_DIR"]  # one ledger per kernel
    assert pathlib.Path(first["MLPLAB_DATA_DIR"]).is_relative_to(tempfile.gettempdir())
    assert first["MLPLAB_MODE"] == "self"


def test_recording_is_switched_by_the_environment_and_by_a_function(monkeypatch):
    _reset()
    for value, on in (("off", False), ("0", False), ("False", False), ("on", True), ("", True)):
        monkeypatch.setenv("MLPLAB_PROGRESS", value)
        assert ledger.recording() is on
    monkeypatch.setenv("MLPLAB_PROGRESS", "off")
    assert ledger.set_recording(True) is True and ledger.recording()
    assert ledger.set_recording(None) is False
    with pytest.raises(TypeError, match="True, False or None"):
        ledger.set_recording("yes")


# ------------------------------------------------------------------ what is recorded
def test_check_hint_and_solution_are_recorded_with_lesson_verdict_and_version(data):
    def relu(x):
        return x

    check("relu")
    hint("relu")
    solution("relu")
    check("softmax")  # no such function here: not attempted
    got = ledger.records()
    assert [(r["event"], r["exercise"], r.get("verdict"), r.get("hint")) for r in got] == [
        ("check", "relu", "failed", None), ("hint", "relu", None, 1),
        ("solution", "relu", None, None), ("check", "softmax", "not_attempted", None)]
    assert {r["lesson"] for r in got} == {"04", "03"}
    assert {r["version"] for r in got} == {mlplab.__version__} and {r["mode"] for r in got} == {"self"}
    assert got[0]["code"] == ledger.fingerprint(relu)
    assert _file_records(data) == (got, 0)


def test_the_fingerprint_ignores_comments_and_the_cell_but_not_the_code():
    def define(source):
        namespace = {}
        exec(compile(source, f"<cell {random.random()}>", "exec"), namespace)
        return namespace["f"]

    a = define("def f(x):\n    return x + 1\n")
    assert ledger.fingerprint(a) == ledger.fingerprint(define("\n\ndef f(x):  # mine\n    return x + 1\n"))
    assert ledger.fingerprint(a) != ledger.fingerprint(define("def f(x):\n    return x + 2\n"))
    assert ledger.fingerprint(a) != ledger.fingerprint(define("def f(x, k=1):\n    return x + 1\n"))
    assert ledger.fingerprint(len) is None


def test_with_recording_off_nothing_is_written_but_the_session_is_remembered(data):
    ledger.set_recording(False)

    def add(a, b):
        return a + b

    assert check("add").passed
    assert not (data / ledger.FILE_NAME).exists()
    assert mlplab.progress().statuses()["add"] == "passed"
    assert "Recording is off" in str(mlplab.progress())
    ledger.set_recording(True)  # on again: what happened while it was off stays unsaved
    hint("add")
    assert [r["event"] for r in _file_records(data)[0]] == ["hint"]


# ------------------------------------------------------------------ robustness
_KILLED_WRITER = textwrap.dedent("""
    import sys
    from mlplab.ledger import Ledger
    ledger, n, pad = Ledger(sys.argv[1]), int(sys.argv[2]), "x" * 50_000
    while True:
        ledger.append({"event": "check", "exercise": "add", "verdict": "passed", "n": n, "pad": pad})
        print(n, flush=True)
        n += 1
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_writer_killed_mid_write_never_damages_earlier_records(tmp_path):
    path = tmp_path / "progress.jsonl"
    rng = random.Random(7)
    acknowledged, leftovers = -1, 0
    for _ in range(8):
        present = [r["n"] for r in _file_records(tmp_path)[0]]
        child = subprocess.Popen([sys.executable, "-c", _KILLED_WRITER, str(path), str(len(present))],
                                 stdout=subprocess.PIPE, text=True, env=_env())
        for _ in range(rng.randint(2, 6)):
            acknowledged = int(child.stdout.readline())
        time.sleep(rng.uniform(0, 0.02))  # usually lands inside the next append
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        records, bad = _file_records(tmp_path)
        numbers = [r["n"] for r in records]
        assert bad == 0, "a killed writer left a damaged line"
        assert numbers == list(range(len(numbers))), "records lost or duplicated"
        assert len(numbers) - 1 >= acknowledged, "an acknowledged record is missing"
        leftovers += (tmp_path / "progress.jsonl.tmp").exists()
    assert len(numbers) >= 16
    print(f"{len(numbers)} records; a half-written temporary file was left behind {leftovers} of 8 times")


_CONCURRENT_WRITER = textwrap.dedent("""
    import os, sys, time
    from mlplab import ledger
    writer, go = sys.argv[1], sys.argv[2]
    print("ready", flush=True)
    while not os.path.exists(go):
        time.sleep(0.001)
    for n in range(int(sys.argv[3])):
        assert ledger.record("check", "add", verdict="failed", writer=writer, n=n) is not None
""")


def _two_writers(folder, go, count):
    """Run the two writer processes into ``folder``; return the records they left."""
    children = [subprocess.Popen([sys.executable, "-W", "error::UserWarning", "-c", _CONCURRENT_WRITER,
                                  name, str(go), str(count)],
                                 env=_env(MLPLAB_DATA_DIR=str(folder)), stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
                for name in ("a", "b")]
    assert [child.stdout.readline().strip() for child in children] == ["ready", "ready"]
    go.touch()  # both start writing now
    errors = [child.communicate(timeout=300)[1] for child in children]
    assert [child.returncode for child in children] == [0, 0], errors
    records, bad = _file_records(folder)
    assert bad == 0
    got = sorted((r["writer"], r["n"]) for r in records)
    assert got == sorted((w, n) for w in "ab" for n in range(count)), "records were lost"
    return records


def test_two_kernels_writing_at_once_lose_nothing(data, tmp_path):
    # nothing may be lost in any run; the proof needs a run in which the two writers really
    # overlapped (a busy machine can run one to the end before the other starts: try again)
    for attempt in range(5):
        records = _two_writers(tmp_path / f"data{attempt}", tmp_path / f"go{attempt}", 200)
        switches = sum(1 for x, y in zip(records, records[1:]) if x["writer"] != y["writer"])
        if switches >= 2:
            break
    assert switches >= 2, "the two writers never overlapped in 5 runs; the test proved nothing"
    print(f"{len(records)} records, the writers took turns {switches} times")


def test_threads_of_one_kernel_writing_at_once_lose_nothing(data):
    def work(name):
        for n in range(40):
            ledger.record("hint", "relu", hint=1, thread=name, n=n)

    threads = [threading.Thread(target=work, args=(str(i),)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    records, bad = _file_records(data)
    assert bad == 0 and len(records) == 160 and not ledger._unsaved


def test_a_damaged_ledger_is_kept_aside_and_a_fresh_one_starts_with_what_could_be_read(data):
    data.mkdir(parents=True)
    good = [{"time": "t", "event": "check", "lesson": "00", "exercise": "add", "verdict": "passed"},
            {"time": "t", "event": "hint", "lesson": "04", "exercise": "relu", "hint": 1}]
    damaged = (json.dumps(good[0]).encode() + b"\n{\"event\": \"che\n\xff\xfe garbage\n"
               + b'{"no": "record"}\n' + json.dumps(good[1]).encode())  # no final newline
    (data / ledger.FILE_NAME).write_bytes(damaged)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert ledger.records() == good
        assert ledger.records() == good
    assert len(_progress_warnings(caught)) == 1
    message = str(_progress_warnings(caught)[0].message)
    assert "3 unreadable line(s)" in message and "2 record(s)" in message
    aside = list(data.glob("progress-unreadable-*.jsonl"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged and aside[0].name in message
    assert _file_records(data) == (good, 0)

    def add(a, b):
        return a + b

    assert check("add").passed  # recording carries on in the fresh file
    assert len(_file_records(data)[0]) == 3


def test_a_ledger_of_pure_garbage_gives_an_empty_map_not_a_traceback(data):
    data.mkdir(parents=True)
    (data / ledger.FILE_NAME).write_bytes(os.urandom(4096).replace(b"\n", b"x"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert set(mlplab.progress().statuses().values()) == {"not_started"}
    assert len(_progress_warnings(caught)) == 1
    assert _file_records(data) == ([], 0)


def test_an_unwritable_folder_warns_once_and_the_check_still_answers(tmp_path, monkeypatch, data):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MLPLAB_DATA_DIR", str(blocker / "mlplab"))  # cannot be created, even as root

    def add(a, b):
        return a - b

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert check("add").status == "failed"
        assert hint("add").text
        assert check("add").status == "failed"
        assert mlplab.progress().statuses()["add"] == "hint_used"  # this session's records count
    assert len(_progress_warnings(caught)) == 1
    assert "could not save your progress" in str(_progress_warnings(caught)[0].message)


def test_a_full_disk_keeps_the_old_file_intact_and_saves_later(data, monkeypatch):
    def add(a, b):
        return a + b

    check("add")
    before = (data / ledger.FILE_NAME).read_bytes()

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as disk, warnings.catch_warnings(record=True) as caught:
        disk.setattr(os, "fsync", full)
        warnings.simplefilter("always")
        assert check("add").passed and hint("add")
        assert (data / ledger.FILE_NAME).read_bytes() == before
        assert sorted(p.name for p in data.iterdir()) == ["progress.jsonl", "progress.lock"]
        assert len(ledger.records()) == 3  # the file's one, and two waiting in memory
    assert len(_progress_warnings(caught)) == 1
    assert "No space left on device" in str(_progress_warnings(caught)[0].message)
    check("add")  # space again: what waited is saved too
    assert [r["event"] for r in _file_records(data)[0]] == ["check", "check", "hint", "check"]
    assert not ledger._unsaved


@pytest.mark.skipif(os.name == "nt", reason="uses fcntl to hold the lock")
def test_a_lock_held_too_long_is_reported_not_waited_on(data, monkeypatch):
    import fcntl

    monkeypatch.setattr(ledger, "LOCK_TIMEOUT", 0.2)
    data.mkdir(parents=True)
    fd = os.open(data / ledger.LOCK_NAME, os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)  # another kernel, stuck in its write

    def add(a, b):
        return a + b

    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            start = time.monotonic()
            assert check("add").passed
            assert time.monotonic() - start < 5
        assert "held progress.lock" in str(_progress_warnings(caught)[0].message)
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
    check("add")
    assert len(_file_records(data)[0]) == 2


def test_an_unreadable_ledger_path_shows_this_session(data):
    (data / ledger.FILE_NAME).mkdir(parents=True)  # a folder where the file should be

    def add(a, b):
        return a + b

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert check("add").passed
        assert mlplab.progress().statuses()["add"] == "passed"
    messages = sorted(str(w.message) for w in _progress_warnings(caught))
    assert len(messages) == 2  # one for saving, one for reading
    assert "could not read your progress file" in messages[0]
    assert "could not save your progress" in messages[1]


# ------------------------------------------------------------------ the map
def _recs(*events):
    out = []
    for event in events:
        kind, _, rest = event.partition(":")
        rec = {"event": kind, "exercise": "relu"}
        if kind == "check":
            rec["verdict"] = rest
        elif kind == "hint":
            rec["hint"] = int(rest) if rest.isdigit() else None
            rec["withheld"] = rest == "withheld"
        elif kind == "solution":
            rec["withheld"] = rest == "withheld"
        out.append(rec)
    return out


@pytest.mark.parametrize("events, status", [
    ((), "not_started"),
    (("check:not_attempted",), "not_started"),
    (("hint:withheld", "solution:withheld"), "not_started"),
    (("check:failed",), "attempted"),
    (("check:error", "hint:1"), "hint_used"),
    (("hint:1", "hint:2", "check:failed", "solution:"), "solution_seen"),
    (("solution:", "check:passed"), "passed"),
    (("check:passed", "check:failed"), "passed"),
])
def test_the_status_is_the_first_that_holds_passed_solution_hint_attempted(events, status):
    assert summarise("relu", _recs(*events)).status == status


def test_the_details_count_checks_and_hints_and_note_a_solution_seen_before_passing():
    progress = summarise("relu", _recs("check:failed", "hint:1", "hint:2", "solution:", "check:passed"))
    assert (progress.checks, progress.hints, progress.solution_seen) == (2, 2, True)
    assert progress.details() == "2 checks · 2 hints · solution seen"
    assert summarise("relu", _recs("check:failed", "hint:1")).details() == "1 check · 1 hint"
    assert STATUSES[0] == "passed" and STATUSES[-1] == "not_started"


def test_the_map_lists_every_lesson_and_exercise_in_text_and_html(data):
    def relu(x):
        return x * (x > 0)

    check("relu")
    solution("sigmoid")
    course_map = mlplab.progress()
    text = str(course_map)
    total = sum(len(item.exercises) for item in mlplab.course.LESSONS)
    assert text.splitlines()[0] == f"Your progress — 1 of {total} exercises passed"
    for item in mlplab.course.LESSONS:
        assert f"{item.number} {item.title}" in text
        for name in item.exercises:
            assert name in text
    assert "[x] relu" in text and "[s] sigmoid" in text and "[ ] tanh_grad" in text
    assert "Self-study mode" in text and "10 Playground  (no exercises" in text
    assert str(ledger.ledger_path()) not in text  # the notebook shows no machine's paths
    assert str(ledger.ledger_path()) in course_map.text(show_path=True)
    page = course_map._repr_html_()
    assert page.count("<tr") == len(mlplab.course.LESSONS) and 'title="passed' in page
    assert mlplab.progress("04").statuses() == {
        "sigmoid": "solution_seen", "relu": "passed", "sigmoid_grad": "not_started",
        "relu_grad": "not_started", "tanh_grad": "not_started"}
    assert mlplab.progress(4).statuses() == mlplab.progress("activations").statuses()
    with pytest.raises(ValueError, match="unknown lesson '99'; choose one of: 00_start_here"):
        mlplab.progress("99")


def test_the_map_speaks_korean(data):
    set_language("ko")
    try:
        text = str(mlplab.progress())
    finally:
        set_language("en")
    assert text.startswith("진행 상황 — 연습문제") and "자습 모드" in text and "활성함수" in text
    assert "passed" not in text and "not started" not in text


def test_python_m_mlplab_progress_prints_the_map_and_the_files_place(data):
    def add(a, b):
        return a + b

    check("add")
    out = subprocess.run([sys.executable, "-m", "mlplab", "progress", "--lesson", "00"],
                         capture_output=True, text=True, env=_env(), timeout=120)
    assert out.returncode == 0, out.stderr
    assert "[x] add" in out.stdout and f"Progress file: {ledger.ledger_path()}" in out.stdout
    ko = subprocess.run([sys.executable, "-m", "mlplab", "progress", "--language", "ko"],
                        capture_output=True, text=True, env=_env(), timeout=120)
    assert "[x] add" in ko.stdout and "통과" in ko.stdout


# ------------------------------------------------------------------ class mode
def test_class_mode_comes_from_the_environment_or_the_nearest_mlplab_ini(data, monkeypatch, tmp_path):
    monkeypatch.delenv("MLPLAB_MODE")
    assert classmode.settings().mode == "self"
    (tmp_path / "mlplab.ini").write_text("[course]\nmode = class   ; no solutions\nname = DL 101\n")
    deep = tmp_path / "lessons" / "en"
    deep.mkdir()
    monkeypatch.chdir(deep)  # the kernel starts in the notebook's folder; the file is two up
    assert classmode.settings() == classmode.Settings("class", str(tmp_path / "mlplab.ini"), "DL 101")
    monkeypatch.setenv("MLPLAB_MODE", "self-study")  # the environment wins
    assert classmode.settings() == classmode.Settings("self", "MLPLAB_MODE")
    monkeypatch.delenv("MLPLAB_MODE")
    (tmp_path / "mlplab.ini").write_text("[course]\nmode = self-study\n")
    assert not classmode.settings().is_class


@pytest.mark.parametrize("content", ["[course]\nmode = clas\n", "not an ini file at all\n",
                                     "[other]\nx = 1\n"])
def test_a_config_that_is_unclear_means_class_mode_so_solutions_stay_hidden(data, monkeypatch,
                                                                             content):
    monkeypatch.delenv("MLPLAB_MODE")
    pathlib.Path("mlplab.ini").write_text(content)
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        assert classmode.settings().is_class


def test_class_mode_withholds_the_solution_kindly(data, monkeypatch):
    monkeypatch.setenv("MLPLAB_MODE", "class")
    shown = solution("relu")
    source = ex.solution_source("relu")
    assert isinstance(shown, Note) and shown.tone == "held"
    assert "not shown" in str(shown) and "ask your instructor" in str(shown)
    assert "def relu" not in str(shown) and "def relu" not in shown._repr_html_()
    assert source.strip().splitlines()[-1].strip() not in str(shown)
    assert mlplab.progress().statuses()["relu"] == "not_started"  # asked, but not seen
    assert ledger.records()[-1]["withheld"] is True
    set_language("ko")
    try:
        assert "풀이를 보여 주지 않습니다" in str(solution("relu"))
    finally:
        set_language("en")


def test_class_mode_unlocks_one_hint_per_different_failing_attempt(data, monkeypatch):
    monkeypatch.setenv("MLPLAB_MODE", "class")
    total = len(ex.CATALOGUE["relu"].hints)
    assert total >= 2
    assert f"if it does not pass, hint 1 of {total} opens" in hint("relu").text  # nothing tried yet

    def relu(x):
        return x

    check("relu")  # first failing attempt: hint 1 opens
    first = hint("relu")
    assert first.text == str(ex.CATALOGUE["relu"].hints[0])
    assert "Hint 2 opens after your next attempt" in hint("relu").text
    check("relu")  # the same code again does not count
    assert "Hint 2 opens" in hint("relu").text

    def relu(x):  # noqa: F811 - a second, different attempt
        return abs(x)

    check("relu")
    assert hint("relu").text == str(ex.CATALOGUE["relu"].hints[1])

    def relu(x):  # noqa: F811 - a passing version opens nothing
        return x * (x > 0)

    assert check("relu").passed
    after = hint("relu").text
    assert ("Hint 3 opens" in after) if total > 2 else ("that's all the hints" in after)
    assert mlplab.progress().statuses()["relu"] == "passed"
    assert "Class mode" in str(mlplab.progress()) and "solutions are not shown" in str(mlplab.progress())


def test_class_mode_unlocks_survive_a_kernel_restart_and_end_without_a_solution(data, monkeypatch):
    monkeypatch.setenv("MLPLAB_MODE", "class")
    total = len(ex.CATALOGUE["add"].hints)
    for k in range(total):
        def add(a, b, k=k):  # a different failing version each time
            return a - b + k

        check("add")
    _reset()  # a new kernel: the session is gone, the ledger remains
    texts = [hint("add").text for _ in range(total + 1)]
    assert texts[:total] == [str(h) for h in ex.CATALOGUE["add"].hints]
    assert "that's all the hints" in texts[-1] and "solution(" not in texts[-1]


def test_self_study_mode_gives_every_hint_and_the_solution_at_once(data):
    total = len(ex.CATALOGUE["add"].hints)
    texts = [hint("add").text for _ in range(total)]
    assert texts == [str(h) for h in ex.CATALOGUE["add"].hints]
    assert "def add" in str(solution("add"))


# ------------------------------------------------------------------ in a real kernel
@pytest.mark.notebooks
def test_lesson_00_in_a_kernel_records_into_the_folder_it_is_given(tmp_path):
    import notebook_runner

    path = ROOT / "lessons" / "en" / "00_start_here.ipynb"
    report = notebook_runner.run_notebook(path, env={"MLPLAB_DATA_DIR": str(tmp_path)})
    assert report.ok, report
    records, bad = _file_records(tmp_path)
    assert bad == 0
    assert [(r["event"], r["exercise"]) for r in records if r["event"] != "check"] == [
        ("hint", "add"), ("solution", "add")]
    assert {r.get("verdict") for r in records if r["event"] == "check"} >= {"not_attempted", "failed"}
