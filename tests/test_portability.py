"""The lessons hold on other machines' arithmetic, not just this one's.

A lesson's claims (accuracies, "deeper wins", "loss falls") must not depend on
the last bits of rounding. Two things change those bits between machines: the
BLAS kernel OpenBLAS picks for the CPU, and the versions of NumPy & co. So
every lesson runs, solved (every cell and every check), again

- under four OpenBLAS kernels, forced with ``OPENBLAS_CORETYPE`` (a kernel
  whose instructions this CPU lacks is skipped, and the skip says so);
- in the ``oldest`` environment (every dependency at pyproject's lower bound,
  on the oldest allowed Python) and the ``newest`` one (every dependency at its
  latest release), built by ``python tests/kernel_envs.py``.

Locally a missing environment is skipped with that how-to; under ``CI=true``
it is a failure (``.ci/run`` builds both).
"""

import json
import os
import pathlib
import subprocess
import sys

import pytest
from kernel_envs import KERNEL_PACKAGES, VERSIONS_SNIPPET, lower_bounds, python_of
from lesson_jobs import Families, lesson_id, notebooks, solved_job

pytestmark = pytest.mark.notebooks

# kernel -> the /proc/cpuinfo flags its code needs
KERNELS = {
    "Haswell": {"avx2", "fma"},
    "SkylakeX": {"avx512f", "avx512bw", "avx512vl", "avx512dq"},
    "Sandybridge": {"avx"},
    "Prescott": {"pni"},  # SSE3
}
LESSONS = notebooks("en")  # the Korean lessons' code cells are the same (tests/test_translation.py)
# what threadpoolctl reports for each forced kernel: OpenBLAS builds that have no
# separate Prescott kernel run their plain-SSE "Katmai" one for it (still not the default)
REPORTED = {"Prescott": {"prescott", "katmai"}}
FAMILIES = Families()
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _cpu_flags():
    try:
        text = pathlib.Path("/proc/cpuinfo").read_text()
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("flags"):
            return set(line.split(":", 1)[1].split())
    return set()


def _blas_architecture(env, python=None):
    """What OpenBLAS runs under ``env``: (architecture, library) or (None, reason)."""
    code = ("import json, numpy, threadpoolctl; "
            "print(json.dumps([i for i in threadpoolctl.threadpool_info() if i['user_api'] == 'blas']))")
    out = subprocess.run([python or sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, **env}, timeout=120)
    if out.returncode:
        return None, out.stderr.strip()[-300:]
    infos = json.loads(out.stdout)
    blas = [i for i in infos if i.get("internal_api") == "openblas"]
    if not blas:
        return None, f"NumPy here does not use OpenBLAS ({[i.get('internal_api') for i in infos]})"
    return blas[0].get("architecture"), blas[0].get("filepath")


def _kernel_param(name):
    flags = _cpu_flags()
    missing = sorted(KERNELS[name] - flags) if flags is not None else []
    marks = [pytest.mark.skip(reason=f"this CPU lacks {', '.join(missing)}, which OpenBLAS's "
                                     f"{name} kernel needs")] if missing else []
    return pytest.param(name, marks=marks, id=name)


KERNEL_PARAMS = [_kernel_param(k) for k in KERNELS]


@pytest.mark.parametrize("kernel", KERNEL_PARAMS)
def test_openblas_honours_the_forced_kernel(kernel):
    arch, where = _blas_architecture({"OPENBLAS_CORETYPE": kernel})
    if arch is None:
        pytest.skip(where)
    default, _ = _blas_architecture({})
    print(f"default kernel here: {default}; OPENBLAS_CORETYPE={kernel} runs {arch}")
    assert arch.lower() in REPORTED.get(kernel, {kernel.lower()}), \
        f"OPENBLAS_CORETYPE={kernel} ran {arch} ({where})"


@pytest.mark.parametrize("path", LESSONS, ids=lesson_id)
@pytest.mark.parametrize("kernel", KERNEL_PARAMS)
def test_lesson_under_blas_kernel(kernel, path):
    env = {"OPENBLAS_CORETYPE": kernel}
    report = FAMILIES.get(f"blas:{kernel}", str(path),
                          lambda: {str(p): solved_job(p, env=env) for p in LESSONS})
    assert report.ok, f"under OPENBLAS_CORETYPE={kernel}:\n{report}"


# --------------------------------------------------------- dependency sets
def _python_for(name):
    python = python_of(name)
    if python is None:
        message = (f"no '{name}' kernel environment: run `python tests/kernel_envs.py` "
                   f"(or set MLPLAB_{name.upper()}_PYTHON)")
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return python


def _versions(python):
    out = subprocess.run([python, "-c", VERSIONS_SNIPPET], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def _release(version):
    return tuple(int(p) for p in version.split("+")[0].split(".")[:3] if p.isdigit())


def test_oldest_environment_is_at_the_lower_bounds():
    versions = _versions(_python_for("oldest"))
    print("oldest:", versions)
    for pkg, bound in lower_bounds().items():
        want = _release(bound)
        assert _release(versions[pkg])[:len(want)] == want, \
            f"{pkg} {versions[pkg]} in the oldest environment; pyproject's lower bound is {bound}"


def test_newest_environment_is_not_older_than_this_one():
    versions = _versions(_python_for("newest"))
    here = _versions(sys.executable)
    print("newest:", versions, "\nthis environment:", here)
    for pkg in KERNEL_PACKAGES:
        assert _release(versions[pkg]) >= _release(here[pkg]), (pkg, versions[pkg], here[pkg])


@pytest.mark.parametrize("path", LESSONS, ids=lesson_id)
@pytest.mark.parametrize("name", ["oldest", "newest"])
def test_lesson_in_dependency_set(name, path):
    python = _python_for(name)
    report = FAMILIES.get(f"deps:{name}", str(path),
                          lambda: {str(p): solved_job(p, python=python) for p in LESSONS})
    assert report.ok, f"in the {name} environment ({python}):\n{report}"
