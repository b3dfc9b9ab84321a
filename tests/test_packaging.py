"""The install path: pyproject and environment.yml agree; the package imports."""

import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _pyproject_deps():
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return data["project"]["dependencies"]


def _conda_deps():
    deps = []
    text = (ROOT / "environment.yml").read_text()
    for line in text.split("dependencies:", 1)[1].splitlines():
        m = re.match(r"^  - ([A-Za-z][\w-]*)(.*)$", line)
        if m and m.group(1) not in ("python", "pip"):
            deps.append(m.group(1) + m.group(2).strip())
    return deps


def _normalise(dep):
    return re.sub(r"\s+", "", dep).lower()


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    assert sorted(map(_normalise, _pyproject_deps())) == sorted(map(_normalise, _conda_deps()))


def test_environment_yml_installs_the_package_with_dev_extras():
    assert '-e ".[dev]"' in (ROOT / "environment.yml").read_text()


def test_version_prints_from_a_fresh_interpreter():
    out = subprocess.run([sys.executable, "-c", "import mlplab; print(mlplab.__version__)"],
                         capture_output=True, text=True, check=True).stdout.strip()
    assert re.fullmatch(r"\d+\.\d+\.\d+", out)


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "```bash\npytest\n```" in readme
    assert re.search(r"^pytest$", ci, re.M)
    assert 'pip install -e ".[dev]"' in readme and 'pip install -e ".[dev]"' in ci


def test_every_public_function_has_a_docstring():
    import inspect

    import mlplab

    for name in mlplab.__all__:
        obj = getattr(mlplab, name)
        if callable(obj):
            assert inspect.getdoc(obj), f"mlplab.{name} has no docstring"
