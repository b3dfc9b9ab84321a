"""Build the two extra kernel environments the portability tests run lessons in.

    python tests/kernel_envs.py            # creates .venvs/oldest and .venvs/newest

- ``oldest``: every runtime dependency at exactly the lower bound pyproject.toml
  allows (``numpy>=1.26`` becomes ``numpy==1.26``, i.e. 1.26.0), on the oldest
  Python that pyproject allows if it is installed (``python3.10``), else on
  this one.
- ``newest``: the same packages at their newest release.

Only what a lesson kernel imports is installed (numpy, matplotlib, ipywidgets,
scikit-learn, ipykernel, threadpoolctl) plus mlplab itself, editable, without
its dependencies; JupyterLab and the test tools stay in the main environment.
``tests/test_portability.py`` finds the environments here (or through
``MLPLAB_OLDEST_PYTHON`` / ``MLPLAB_NEWEST_PYTHON``). ``.ci/run`` calls this
script before ``pytest``.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import re
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
VENVS = ROOT / ".venvs"
KERNEL_PACKAGES = ("numpy", "matplotlib", "ipywidgets", "scikit-learn", "ipykernel", "threadpoolctl")


def _pyproject_text():
    return (ROOT / "pyproject.toml").read_text()


def lower_bounds():
    """{package: lower bound} for the packages a lesson kernel imports, from pyproject
    (read as text: ``tomllib`` is not in Python 3.10)."""
    bounds = {}
    for name, version in re.findall(r'"([A-Za-z0-9_.-]+)\s*>=\s*([0-9][0-9.]*)"', _pyproject_text()):
        if name.lower() in KERNEL_PACKAGES:
            bounds.setdefault(name.lower(), version)
    missing = set(KERNEL_PACKAGES) - set(bounds)
    if missing:
        raise SystemExit(f"pyproject.toml has no '>=' lower bound for {sorted(missing)}")
    return bounds


def oldest_python():
    """The interpreter for the oldest set: the lowest Python pyproject allows, if installed."""
    m = re.search(r'requires-python\s*=\s*">=\s*(\d+)\.(\d+)', _pyproject_text())
    version = f"{m.group(1)}.{m.group(2)}"
    pyenv = pathlib.Path(os.environ.get("PYENV_ROOT", pathlib.Path.home() / ".pyenv"))
    candidates = [shutil.which(f"python{version}")]
    candidates += sorted(str(p) for p in pyenv.glob(f"versions/{version}.*/bin/python{version}"))
    for exe in filter(None, candidates):
        try:
            subprocess.run([exe, "-c", "import venv, ensurepip"], check=True, capture_output=True)
            return exe
        except (OSError, subprocess.CalledProcessError):
            continue
    print(f"(python{m.group(1)}.{m.group(2)} is not installed: the oldest set uses {sys.executable})")
    return sys.executable


def python_of(name):
    """The interpreter of kernel environment ``name`` ("oldest" or "newest"), or None."""
    exe = os.environ.get(f"MLPLAB_{name.upper()}_PYTHON")
    if exe:
        return exe
    candidate = VENVS / name / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    return str(candidate) if candidate.exists() else None


def _pip(python, *args):
    cmd = [python, "-m", "pip", "install", "--disable-pip-version-check", "-q", *args]
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)


def build(name, force=False):
    target = VENVS / name
    if target.exists() and not force:
        print(f"{target} exists (use --force to rebuild)")
        return target
    shutil.rmtree(target, ignore_errors=True)
    base = oldest_python() if name == "oldest" else sys.executable
    subprocess.run([base, "-m", "venv", str(target)], check=True)
    python = python_of(name)
    if name == "oldest":
        _pip(python, *[f"{pkg}=={version}" for pkg, version in lower_bounds().items()])
    else:
        _pip(python, "--upgrade", *KERNEL_PACKAGES)
    _pip(python, "--no-deps", "-e", str(ROOT))
    return target


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="oldest and/or newest (default: both)")
    parser.add_argument("--force", action="store_true", help="rebuild existing environments")
    args = parser.parse_args(argv)
    unknown = set(args.names) - {"oldest", "newest"}
    if unknown:
        parser.error(f"unknown environment(s) {sorted(unknown)}; choose oldest and/or newest")
    for name in args.names or ["oldest", "newest"]:
        build(name, args.force)
        out = subprocess.run([python_of(name), "-c", VERSIONS_SNIPPET], capture_output=True, text=True)
        print(f"{name}: {out.stdout.strip()}")
    return 0


VERSIONS_SNIPPET = (
    "import sys, json, importlib.metadata as m; "
    "print(json.dumps({'python': sys.version.split()[0], "
    + ", ".join(f"'{p}': m.version('{p}')" for p in KERNEL_PACKAGES)
    + "}))"
)


if __name__ == "__main__":
    sys.exit(main())
