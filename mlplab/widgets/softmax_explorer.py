"""Explorer ``softmax_explorer``: three scores and a temperature -> probabilities.

    p_j = exp(o_j / T) / Σ_k exp(o_k / T)

The scores o = (o_1, o_2, o_3) are what a linear model outputs for one sample;
softmax turns them into a probability vector (entries in [0, 1], sum 1) without
changing their order, so argmax (the predicted class) stays the same. The
temperature T only sharpens (T → 0: one-hot on the largest score) or flattens
(T → ∞: uniform 1/3 each) the distribution.

    from mlplab.widgets import softmax_explorer
    softmax_explorer.show(s1=2.0, s2=1.0, s3=0.1, temperature=1.0)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..i18n import Text
from ..softmax import softmax
from ..validation import as_array, check_number
from ._base import Explorer, html

__all__ = ["compute", "SoftmaxResult", "SoftmaxExplorer", "show"]


@dataclass
class SoftmaxResult:
    """scores (k,), temperature, probs (k,) = softmax(scores / T), their sum,
    the argmax class and the one-hot vector of it, and the entropy −Σ p log p."""

    scores: np.ndarray
    temperature: float
    probs: np.ndarray
    total: float
    label: int
    one_hot: np.ndarray
    entropy: float


def compute(scores=(2.0, 1.0, 0.1), temperature=1.0):
    """Softmax of ``scores / temperature`` (stable: the max is subtracted first).

    Parameters
    ----------
    scores : (k,) array of real scores o_j (finite)
    temperature : float > 0 (scores / temperature must stay finite)

    Returns
    -------
    SoftmaxResult
    """
    scores = as_array(scores, "scores", ndim=1)
    if scores.size < 2:
        raise ValueError(f"scores needs at least 2 entries (classes), got {scores.size}.")
    T = check_number(temperature, "temperature", 0.0, lo_open=True, example=1.0)
    with np.errstate(over="ignore"):
        z = scores / T
    if not np.all(np.isfinite(z)):
        raise ValueError(
            f"scores / temperature overflows (largest |score| {np.abs(scores).max():.3g}, "
            f"temperature {T:.3g}); expected finite numbers. Use a larger temperature or "
            "smaller scores."
        )
    p = softmax(z)
    label = int(np.argmax(scores))
    hot = np.zeros_like(p)
    hot[label] = 1.0
    nz = p[p > 0]
    return SoftmaxResult(scores=scores, temperature=T, probs=p, total=float(p.sum()),
                         label=label, one_hot=hot, entropy=float(-np.sum(nz * np.log(nz))) + 0.0)


READOUT = Text(
    "p = ({probs}), sum = <b>{total:.6f}</b>; predicted class <b>{label}</b> (argmax); "
    "entropy {H:.3f} (0 = one-hot, {Hmax:.3f} = uniform).",
    "p = ({probs}), 합 = <b>{total:.6f}</b>; 예측한 클래스 <b>{label}</b> (argmax); "
    "엔트로피 {H:.3f} (0 = 원-핫, {Hmax:.3f} = 균등).",
)
SCORE_TOP = 6.5  # the score axis shows [-6.5, 6.5]; larger scores leave it, labelled at the edge


def _score_label(s):
    return f"{s:.1f}" if abs(s) < 1e3 else f"{s:.2g}"


class SoftmaxExplorer(Explorer):
    """Three score sliders and a temperature; bars of the probabilities."""

    figsize = (8.0, 3.2)
    names = ("class 0", "class 1", "class 2")

    def compute(self, s1, s2, s3, temperature):
        scores = [check_number(s, name, example=1.0) for name, s in (("s1", s1), ("s2", s2),
                                                                    ("s3", s3))]
        return compute(scores, temperature)

    def defaults(self):
        return {"s1": 2.0, "s2": 1.0, "s3": 0.1, "temperature": 1.0}

    def controls(self):
        import ipywidgets as widgets

        wide = {"description_width": "initial"}
        score = dict(min=-6.0, max=6.0, step=0.1, readout_format=".1f", style=wide)
        return {
            "s1": widgets.FloatSlider(description="score, class 0", **score),
            "s2": widgets.FloatSlider(description="score, class 1", **score),
            "s3": widgets.FloatSlider(description="score, class 2", **score),
            "temperature": widgets.FloatLogSlider(base=10, min=-1.5, max=1.5, step=0.125,
                                                  description="temperature T",
                                                  readout_format=".3g", style=wide),
        }

    def build(self, fig):
        self.ax_s, self.ax_p = fig.subplots(1, 2)
        fig.subplots_adjust(left=0.08, right=0.98, bottom=0.12, top=0.86, wspace=0.3)
        pos = np.arange(3)
        colors = ["C0", "C3", "C2"]
        # the bars are patches whose heights are set in place
        self.score_bars = self.dynamic(list(self.ax_s.bar(pos, np.zeros(3), color=colors,
                                                          alpha=0.6)))
        self.score_text = self.dynamic([self.ax_s.text(i, 0, "", ha="center", fontsize=10)
                                        for i in pos])
        self.dynamic(self.ax_s.axhline(0, color="k", lw=0.8))   # on top of the score bars
        self.ax_s.set_ylim(-SCORE_TOP, SCORE_TOP)
        self.ax_s.set_ylabel("score o")
        self.ax_s.set_title("scores (any real numbers)", fontsize=10)
        self.prob_bars = self.dynamic(list(self.ax_p.bar(pos, np.zeros(3), color=colors)))
        self.prob_text = self.dynamic([self.ax_p.text(i, 0, "", ha="center", va="bottom",
                                                      fontsize=10) for i in pos])
        self.ax_p.set_ylim(0, 1.12)
        self.ax_p.set_ylabel("probability p")
        self.prob_title = self.dynamic(self.ax_p.set_title("", fontsize=10))
        for ax in (self.ax_s, self.ax_p):
            ax.set_xticks(pos, self.names)

    def draw(self, r):
        for bar, text, s in zip(self.score_bars, self.score_text, r.scores):
            shown = float(np.clip(s, -SCORE_TOP - 1, SCORE_TOP + 1))  # past the edge: clipped
            bar.set_height(shown)
            # the label sits just past the bar's end, or inside the axes when the bar leaves it
            if s >= 0:
                y = min(shown + 0.15, SCORE_TOP - 0.1)
                va = "bottom" if y < SCORE_TOP - 0.6 else "top"
            else:
                y = max(shown - 0.15, -SCORE_TOP + 0.1)
                va = "top" if y > -SCORE_TOP + 0.6 else "bottom"
            text.set_y(y)
            text.set_va(va)
            text.set_text(_score_label(s))
        for bar, text, p in zip(self.prob_bars, self.prob_text, r.probs):
            bar.set_height(p)
            text.set_y(p + 0.01)
            text.set_text(f"{p:.3f}")
        self.prob_title.set_text(f"softmax(o / T), T = {r.temperature:.3g}: sum = {r.total:.6f}")
        probs = ", ".join(f"{p:.4f}" for p in r.probs)
        return html(READOUT, probs=probs, total=r.total, label=r.label, H=r.entropy,
                    Hmax=np.log(len(r.probs)))


def show(**values):
    """The explorer, displayed as a widget in Jupyter."""
    return SoftmaxExplorer(**values)
