"""Write one section of benchmarks/RESULTS.md without touching the others.

Each benchmark script owns a section delimited by
``<!-- section:NAME -->`` ... ``<!-- /section:NAME -->`` and rewrites only it,
so the training benchmark, the explorer timings and the browser latencies can
be refreshed independently.
"""

from __future__ import annotations

import pathlib
import re

RESULTS = pathlib.Path(__file__).with_name("RESULTS.md")
HEADER = "# mlplab benchmark results\n\nEach section is written by the script named in it.\n"


def write_section(name, markdown, path=RESULTS):
    """Replace (or append) section ``name`` of ``path`` with ``markdown``."""
    path = pathlib.Path(path)
    text = path.read_text() if path.exists() else HEADER
    block = f"<!-- section:{name} -->\n{markdown.strip()}\n<!-- /section:{name} -->"
    pattern = re.compile(
        rf"<!-- section:{re.escape(name)} -->.*?<!-- /section:{re.escape(name)} -->", re.S
    )
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text)
    return path
