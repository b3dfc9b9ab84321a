"""Regenerate docs/overview.png, the picture at the top of the README.

    python docs/make_overview.py

It stacks three explorers' static figures (made by the same compute functions
the lessons use): gradient descent regimes, a sum of bumps approximating the
wiggly target, and the sawtooth that depth makes cheap.
"""

import io
import pathlib

from PIL import Image

from mlplab.widgets.bump_builder import BumpBuilderExplorer
from mlplab.widgets.gd_1d import GD1DExplorer
from mlplab.widgets.sawtooth import SawtoothExplorer

OUT = pathlib.Path(__file__).with_name("overview.png")


def main():
    figures = [GD1DExplorer.static_figure(lr=0.8),
               BumpBuilderExplorer.static_figure(),
               SawtoothExplorer.static_figure(k=4)]
    images = [Image.open(io.BytesIO(fig._repr_png_())).convert("RGB") for fig in figures]
    width = max(im.width for im in images)
    sheet = Image.new("RGB", (width, sum(im.height for im in images)), "white")
    y = 0
    for im in images:
        sheet.paste(im, ((width - im.width) // 2, y))
        y += im.height
    sheet.save(OUT, optimize=True)
    print(f"wrote {OUT} ({width}x{y})")


if __name__ == "__main__":
    main()
