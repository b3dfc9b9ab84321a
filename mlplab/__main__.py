"""Command line: ``python -m mlplab progress`` and ``python -m mlplab grade``.

    python -m mlplab progress                 # your course map, as text
    python -m mlplab progress --lesson 04     # one lesson
    python -m mlplab grade submissions/ --out grades.csv --feedback feedback/
"""

from __future__ import annotations

import argparse
import os
import sys
import time

GRADE_HELP = """\
Grade students' lesson notebooks: one fresh Python kernel per notebook (this
machine's Python), several at once, each exercise function checked by the
same checker as check("name") in the lessons. Writes a CSV with the columns
student, lesson, exercise, verdict, message (UTF-8 with a byte-order mark)
and, with --feedback, one HTML page per student.

Which student and which lesson a notebook is, the first rule that answers:
  1. --pattern REGEX, searched in the file's path (with / separators): its
     named group (?P<student>...) and, optionally, (?P<lesson>NN);
  2. the notebook's metadata {"mlplab": {"student": "kim", "lesson": "04"}}
     (JupyterLab: Property Inspector -> Advanced Tools -> Notebook metadata);
  3. the file name: the lesson's name (04_activations) or, if it is the only
     two-digit number in the name, its number; the student is the rest of the
     name (kim_04_activations.ipynb -> kim), or, if nothing is left, the folder
     the file is in (kim/04_activations.ipynb -> kim). Jupyter's copy
     suffixes (-Copy1, " (1)") are ignored;
  4. the lesson only: the lesson whose exercise functions the notebook defines.

Verdicts: passed, failed, not_attempted, error (from the checker); timeout
(an exercise over --timeout-exercise, or the notebook over
--timeout-notebook), crashed (the kernel stopped, e.g. os._exit), invalid
(not a readable notebook, or the lesson could not be told). The grader runs
the notebook's import lines (not those of matplotlib, ipywidgets or the
explorers) and its exercise cells (tagged "exercise", or defining one of the
lesson's functions), never other cells.

It runs students' code: run it as a user with nothing secret to read. On a
JupyterHub, open a terminal in the course environment (environment.yml) and
run the same command there.
"""


def _progress(args):
    from .progress_map import progress

    _reconfigure_output()
    if args.language:
        from .i18n import set_language

        set_language(args.language)
    print(progress(args.lesson).text(show_path=True))
    return 0


def _grade(args):
    # jsonschema (imported by nbformat) builds an IRI parser from a grammar at import time when the
    # optional rfc3987-syntax is installed, as JupyterLab's dependencies do: 5-9 s on a busy
    # 2-core machine, for a format check notebooks never use. Not importing it saves that.
    sys.modules.setdefault("rfc3987_syntax", None)
    from .grading import duplicates, grade, write_csv, write_feedback

    _reconfigure_output()

    def log(line):
        if not args.quiet:
            print(line, file=sys.stderr, flush=True)

    start = time.perf_counter()
    try:
        rows, subs = grade(args.submissions, jobs=args.jobs, timeout_notebook=args.timeout_notebook,
                           timeout_exercise=args.timeout_exercise, language=args.language,
                           pattern=args.pattern, log=log)
    except (FileNotFoundError, ValueError) as exc:
        print(f"mlplab grade: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        # the notebooks being graded would run to their end first; their kernels stop with us
        print("mlplab grade: interrupted; nothing was written", file=sys.stderr, flush=True)
        os._exit(130)
    seconds = time.perf_counter() - start
    if not subs:
        print("mlplab grade: no notebooks found in " + " ".join(args.submissions), file=sys.stderr)
        return 2
    write_csv(rows, args.out)
    pages = write_feedback(rows, args.feedback, args.language, subs) if args.feedback else {}
    for (student, lesson), paths in sorted(duplicates(subs).items()):
        print(f"warning: {student!r} has {len(paths)} notebooks for lesson {lesson}: "
              f"{', '.join(paths)} (all are in the CSV)", file=sys.stderr)
    rate = len(subs) / seconds * 60 if seconds > 0 else float("inf")
    print(f"graded {len(subs)} notebooks of {len({s.student for s in subs})} students in "
          f"{seconds:.1f} s ({rate:.1f} notebooks per minute, {args.jobs or os.cpu_count()} at once); "
          f"wrote {args.out}" + (f" and {len(pages)} feedback pages in {args.feedback}" if pages else ""),
          file=sys.stderr)
    return 0


def _reconfigure_output():
    """Never fail on a terminal that cannot show Korean or the check marks."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError):
            pass


def _positive(kind):
    def parse(text):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}") from None
        if not value > 0:
            raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}")
        return value

    return parse


def parser():
    """The argument parser of ``python -m mlplab``."""
    from .i18n import LANGUAGES, get_language

    top = argparse.ArgumentParser(prog="python -m mlplab", description="mlplab's command line.")
    sub = top.add_subparsers(dest="command", required=True, metavar="{progress,grade}")

    p = sub.add_parser("progress", help="show your course map (what you have passed, tried, seen)",
                       description="Show the course map with the status of every exercise, read "
                                   "from your progress file (MLPLAB_DATA_DIR moves it; "
                                   "MLPLAB_PROGRESS=off stops recording).")
    p.add_argument("--lesson", help="only this lesson: its number (04), slug or name")
    p.add_argument("--language", choices=LANGUAGES, help="en or ko (default: MLPLAB_LANG or en)")
    p.set_defaults(run=_progress)

    g = sub.add_parser("grade", help="grade students' lesson notebooks into a CSV and feedback pages",
                       description=GRADE_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    g.add_argument("submissions", nargs="+", metavar="SUBMISSIONS",
                   help="notebook files, or folders searched for *.ipynb")
    g.add_argument("--out", required=True, help="the CSV to write, e.g. grades.csv")
    g.add_argument("--feedback", metavar="DIR", help="write one HTML feedback page per student here")
    g.add_argument("--jobs", type=_positive(int), default=None,
                   help=f"notebooks graded at once (default: one per core, here {os.cpu_count()})")
    g.add_argument("--timeout-notebook", type=_positive(float), default=300.0, metavar="S",
                   help="time limit per notebook in seconds, kernel start included (default 300)")
    g.add_argument("--timeout-exercise", type=_positive(float), default=30.0, metavar="S",
                   help="time limit per exercise cell and per check in seconds (default 30)")
    g.add_argument("--language", choices=LANGUAGES, default=get_language(),
                   help="language of the messages and feedback pages (default: MLPLAB_LANG or en)")
    g.add_argument("--pattern", metavar="REGEX",
                   help="regular expression with a (?P<student>...) group, searched in each path")
    g.add_argument("--quiet", action="store_true", help="no line per notebook while grading")
    g.set_defaults(run=_grade)
    return top


def main(argv=None):
    args = parser().parse_args(argv)
    if getattr(args, "pattern", None):
        import re

        try:
            compiled = re.compile(args.pattern)
        except re.error as exc:
            parser().error(f"--pattern is not a valid regular expression: {exc}")
        if "student" not in compiled.groupindex:
            parser().error("--pattern needs a named group (?P<student>...), e.g. "
                           r"'(?P<student>[^/]+)/\d\d_'")
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
