"""Explorer ``linreg_gd``: gradient descent on a line fit, against the pseudo-inverse.

The data are points (x_i, y_i) around a straight line (``mlplab.data.line_data``). The model is ŷ = Xβ with
X = [1, x] (``add_bias_column``), so β = (intercept, slope). Gradient descent

    β ← β − λ ∇L(β),   ∇ (‖y − Xβ‖²/n) = −2/n · Xᵀ(y − Xβ)          (kind="mse")
                       ∇ √(‖y − Xβ‖²/n) = −Xᵀ(y − Xβ) / (n‖y − Xβ‖₂)  (kind="norm")

starts at β = 0 and should end at the pseudo-inverse answer β⁺ = X⁺y. The
steps are ``mlplab.optim.gradient_descent`` on ``mlplab.linear.linreg_gradient``. For the
squared loss the Hessian is (2/n)XᵀX; GD is stable only for λ < 2/c_max, with c_max
its largest eigenvalue (the largest curvature; μ is the lecture's learning rate).

    from mlplab.widgets import linreg_gd
    linreg_gd.show(lr=0.1, steps=50)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.ticker import LogLocator, NullLocator

from ..data import line_data  # lessons call linreg_gd.line_data; its home is mlplab.data
from ..i18n import Text
from ..linear import add_bias_column, linreg_gradient, lstsq_pinv
from ..optim import gradient_descent
from ..validation import check_choice, check_int, check_number
from ._base import Explorer, Markup, html
from ._limits import log_decades

__all__ = ["compute", "LinRegResult", "LinRegGDExplorer", "show", "LOSS_KINDS"]

LOSS_KINDS = ("mse", "norm")
MAX_STEPS = 10_000
_CLIP = 1e8  # larger values are drawn at this height


@dataclass
class LinRegResult:
    """What ``compute`` returns.

    x, y : (n,) the data;  X : (n, 2) = [1, x]
    path : (steps + 1, 2) β after each step (NaN after an overflow)
    loss : (steps + 1,) the loss of ``kind`` along the path
    beta_pinv : (2,) the pseudo-inverse answer;  loss_pinv : its loss
    distance : (steps + 1,) ‖β_t − β_pinv‖
    lr_max : 2/c_max, c_max the largest eigenvalue of the Hessian (2/n)XᵀX
    diverged : True if the loss overflowed or ended above where it started
    """

    x: np.ndarray
    y: np.ndarray
    X: np.ndarray
    path: np.ndarray
    loss: np.ndarray
    beta_pinv: np.ndarray
    loss_pinv: float
    distance: np.ndarray
    lr_max: float
    diverged: bool
    kind: str
    lr: float

    @property
    def beta(self):
        """The last finite β of the path."""
        ok = np.all(np.isfinite(self.path), axis=1)
        return self.path[np.flatnonzero(ok)[-1]]

    @property
    def final_distance(self):
        d = self.distance[-1]
        return float(d) if np.isfinite(d) else float("inf")

    @property
    def stalled(self):
        """Not diverged, not converged, and the last 10 steps got no closer than the
        best before them (it bounces around instead of approaching)."""
        d = self.distance
        return bool(not self.diverged and len(d) > 20 and self.final_distance >= 1e-6
                    and d[-10:].min() >= 0.999 * d[:-10].min())

    @property
    def final_loss(self):
        v = self.loss[-1]
        return float(v) if np.isfinite(v) else float("inf")


def _loss(X, y, B, kind):
    """Loss of every β in the rows of B at once: (T, d) -> (T,)."""
    R = y[:, None] - X @ B.T
    mse = np.mean(R * R, axis=0)
    return mse if kind == "mse" else np.sqrt(mse)


def compute(lr=0.1, steps=50, kind="mse", n=40, noise=0.3, seed=0):
    """Run gradient descent on the line fit from β = 0 and compare with pinv.

    Parameters
    ----------
    lr : float > 0, learning rate λ
    steps : int from 0 to 10,000
    kind : "mse" (‖y − Xβ‖²/n) or "norm" (the lecture's √(‖y − Xβ‖²/n))
    n, noise, seed : the data (``line_data``)

    Returns
    -------
    LinRegResult
    """
    lr = check_number(lr, "lr", 0.0, lo_open=True, example=0.1)
    steps = check_int(steps, "steps", 0, MAX_STEPS, example=50)
    kind = check_choice(kind, "kind", LOSS_KINDS)
    x, y = line_data(n, noise, seed)
    X = add_bias_column(x[:, None])
    n = X.shape[0]
    beta_pinv = lstsq_pinv(X, y)
    lam_max = float(np.linalg.eigvalsh(2.0 / n * X.T @ X)[-1])

    # β ← β − λ ∇L(β) from β = 0; the path stops early if β overflows (then NaN below)
    done = gradient_descent(lambda beta: linreg_gradient(X, y, beta, kind), np.zeros(2), lr, steps)
    path = np.full((steps + 1, 2), np.nan)
    path[: len(done)] = done
    with np.errstate(over="ignore", invalid="ignore"):
        loss = _loss(X, y, path, kind)
        distance = np.linalg.norm(path - beta_pinv, axis=1)
    loss[~np.isfinite(loss)] = np.nan
    finite = np.isfinite(loss)
    diverged = bool(not finite.all() or loss[finite][-1] > loss[0])
    return LinRegResult(
        x=x, y=y, X=X, path=path, loss=loss, beta_pinv=beta_pinv,
        loss_pinv=float(_loss(X, y, beta_pinv[None], kind)[0]), distance=distance,
        lr_max=2.0 / lam_max, diverged=diverged, kind=kind, lr=lr,
    )


READOUT = Text(
    "&lambda; = {lr:.3g}, {steps} steps: &Vert;&beta;<sub>GD</sub> &minus; &beta;<sub>pinv</sub>"
    "&Vert; = <b>{dist:.3g}</b>, loss = <b>{loss:.5g}</b> (pinv {pinv:.5g}) &mdash; {verdict}. "
    "{stability}.",
    "&lambda; = {lr:.3g}, {steps}스텝: &Vert;&beta;<sub>GD</sub> &minus; &beta;<sub>pinv</sub>"
    "&Vert; = <b>{dist:.3g}</b>, 손실 = <b>{loss:.5g}</b> (유사역행렬 해의 손실 {pinv:.5g}) "
    "&mdash; {verdict}. {stability}.",
)
VERDICTS = {
    "diverged": Text("<b style='color:#c00'>diverged</b>: lower the learning rate",
                     "<b style='color:#c00'>발산</b>: 학습률을 낮추세요"),
    "converged": Text("converged to pinv (&lt; 1e-6)", "유사역행렬 해로 수렴 (&lt; 1e-6)"),
    "stalled": Text("<b style='color:#c60'>not getting closer: it bounces (lr too large)</b>",
                    "<b style='color:#c60'>더 가까워지지 않고 튀어 다닙니다 (학습률이 너무 큼)</b>"),
    "on its way": Text("still on its way", "아직 가는 중"),
}
STABILITY = {
    "mse": Text("squared loss stable for lr &lt; 2/c<sub>max</sub> = {lr_max:.3g}",
                "제곱 손실은 lr &lt; 2/c<sub>max</sub> = {lr_max:.3g}일 때 안정적"),
    "norm": Text("norm form: step scaled by 1/(2&middot;RMSE)",
                 "노름 형태: 스텝이 1/(2&middot;RMSE)배로 조절됨"),
}


class LinRegGDExplorer(Explorer):
    """Sliders for the learning rate and the number of steps (and the loss form)."""

    figsize = (10.0, 3.4)
    compute = staticmethod(compute)

    def defaults(self):
        return {"lr": 0.1, "steps": 50, "kind": "mse"}

    def controls(self):
        import ipywidgets as widgets

        return {
            # step 1/8 in log10: exact in binary, so arrow keys never stall on rounding
            "lr": widgets.FloatLogSlider(value=0.1, base=10, min=-3, max=0, step=0.125,
                                         description="lr", readout_format=".3g"),
            "steps": widgets.IntSlider(value=50, min=0, max=500, step=5,
                                       description="steps"),
            "kind": widgets.Dropdown(options=list(LOSS_KINDS), description="loss"),
        }

    def build(self, fig):
        x, y = line_data()
        X = add_bias_column(x[:, None])
        beta_pinv = lstsq_pinv(X, y)
        self.ax_fit, self.ax_loss, self.ax_dist = fig.subplots(1, 3)
        fig.subplots_adjust(left=0.06, right=0.98, bottom=0.16, top=0.88, wspace=0.32)

        ax = self.ax_fit
        ax.plot(x, y, "k.", ms=5, label="data")
        self.xs = np.array([-0.1, 2.1])
        self.Xs = add_bias_column(self.xs[:, None])
        ax.plot(self.xs, self.Xs @ beta_pinv, "C2--", lw=2, label="pinv")
        (self.fit_line,) = self.dynamic(ax.plot(self.xs, self.Xs @ np.zeros(2), "C1-", lw=2,
                                                label="GD"))
        pad = 0.3 * np.ptp(y)
        ax.set_xlim(self.xs)
        ax.set_ylim(y.min() - pad, y.max() + pad)
        ax.set_xlabel("x")
        ax.set_ylabel("y")
        self.dynamic(ax.legend(loc="upper left", fontsize=8))   # over the moving line
        self.fit_title = self.dynamic(ax.set_title("", fontsize=10))

        ax = self.ax_loss
        (self.loss_line,) = self.dynamic(ax.plot([], [], "C1-", lw=1.5, label="GD"))
        self.pinv_loss_line = self.dynamic(ax.axhline(1.0, color="C2", ls="--", lw=1.5,
                                                      label="pinv"))
        ax.set_yscale("log")
        ax.set_xlabel("step")
        ax.set_ylabel("loss")
        self.dynamic(ax.legend(loc="upper right", fontsize=8))
        self.loss_title = self.dynamic(ax.set_title("", fontsize=10))

        ax = self.ax_dist
        (self.dist_line,) = self.dynamic(ax.plot([], [], "C0-", lw=1.5))
        self.dynamic(ax.axhline(1e-6, color="0.5", ls=":", lw=1))   # stays over the curve
        ax.set_yscale("log")
        ax.set_xlabel("step")
        ax.set_ylabel("distance to pinv")
        for a in (self.ax_loss, self.ax_dist):  # few log ticks: cheaper redraws
            a.yaxis.set_major_locator(LogLocator(numticks=5))
            a.yaxis.set_minor_locator(NullLocator())
        ax.set_title(r"$\|\beta_{GD} - \beta_{pinv}\|$", fontsize=10)

    def draw(self, r):
        steps = np.arange(len(r.loss))
        self.fit_line.set_ydata(self.Xs @ r.beta)
        b0, b1 = r.beta
        self.fit_title.set_text(f"GD after {len(r.loss) - 1} steps: y = {b0:.3g} + {b1:.3g} x")

        # a diverging run reaches 1e+300: clip what is drawn (not what is reported)
        loss = np.minimum(r.loss, _CLIP)
        dist = np.minimum(r.distance, _CLIP)
        self.loss_line.set_data(steps, loss)
        self.pinv_loss_line.set_ydata([r.loss_pinv, r.loss_pinv])
        self.loss_title.set_text(f"loss ({r.kind})" + ("  DIVERGED" if r.diverged else ""))
        self.dist_line.set_data(steps, dist)
        for ax, values in ((self.ax_loss, np.r_[loss, r.loss_pinv]),
                           (self.ax_dist, np.r_[dist, 1e-6])):
            ax.set_xlim(0, max(1, len(steps) - 1))
            # whole decades: the limits (so the cached background) stay put over most steps
            ax.set_ylim(*log_decades(values))

        if r.diverged:
            verdict = VERDICTS["diverged"]
        elif r.final_distance < 1e-6:
            verdict = VERDICTS["converged"]
        elif r.stalled:
            verdict = VERDICTS["stalled"]
        else:
            verdict = VERDICTS["on its way"]
        return html(READOUT, lr=r.lr, steps=len(r.loss) - 1, dist=r.final_distance,
                    loss=r.final_loss, pinv=r.loss_pinv, verdict=Markup(str(verdict)),
                    stability=html(STABILITY[r.kind], lr_max=r.lr_max))


def show(**values):
    """The explorer, displayed as a widget in Jupyter."""
    return LinRegGDExplorer(**values)
