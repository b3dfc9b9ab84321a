"""Explorer ``linreg_gd``: gradient descent on a line fit, against the pseudo-inverse.

The data are points (x_i, y_i) around a straight line. The model is ŷ = Xβ with
X = [1, x] (``add_bias_column``), so β = (intercept, slope). Gradient descent

    β ← β − λ ∇L(β),   ∇ (‖y − Xβ‖²/n) = −2/n · Xᵀ(y − Xβ)          (kind="mse")
                       ∇ √(‖y − Xβ‖²/n) = −Xᵀ(y − Xβ) / (n‖y − Xβ‖₂)  (kind="norm")

starts at β = 0 and should end at the pseudo-inverse answer β⁺ = X⁺y. For the
squared loss the Hessian is (2/n)XᵀX; GD is stable only for λ < 2/μ_max, with μ_max
its largest eigenvalue (μ, since λ is the learning rate).

    from mlplab.widgets import linreg_gd
    linreg_gd.show(lr=0.1, steps=50)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.ticker import LogLocator, NullLocator

from ..data import line_data  # noqa: F401  (lessons call linreg_gd.line_data; its home is mlplab.data)
from ..linear import add_bias_column, lstsq_pinv
from ..validation import check_positive
from ._legacy import Explorer

__all__ = ["compute", "LinRegResult", "LinRegGDExplorer", "show", "LOSS_KINDS"]

LOSS_KINDS = ("mse", "norm")
_CLIP = 1e8  # larger values are drawn at this height


@dataclass
class LinRegResult:
    """What ``compute`` returns.

    x, y : (n,) the data;  X : (n, 2) = [1, x]
    path : (steps + 1, 2) β after each step (NaN after an overflow)
    loss : (steps + 1,) the loss of ``kind`` along the path
    beta_pinv : (2,) the pseudo-inverse answer;  loss_pinv : its loss
    distance : (steps + 1,) ‖β_t − β_pinv‖
    lr_max : 2/μ_max, μ_max the largest eigenvalue of the Hessian (2/n)XᵀX
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
    steps : int ≥ 0
    kind : "mse" (‖y − Xβ‖²/n) or "norm" (the lecture's √(‖y − Xβ‖²/n))
    n, noise, seed : the data (``line_data``)

    Returns
    -------
    LinRegResult
    """
    lr = check_positive(lr, "lr")
    steps = check_positive(steps, "steps", integer=True, allow_zero=True)
    if kind not in LOSS_KINDS:
        raise ValueError(f"unknown kind {kind!r}; choose one of: {', '.join(LOSS_KINDS)}")
    x, y = line_data(n, noise, seed)
    X = add_bias_column(x[:, None])
    n = X.shape[0]
    beta_pinv = lstsq_pinv(X, y)
    lam_max = float(np.linalg.eigvalsh(2.0 / n * X.T @ X)[-1])

    path = np.full((steps + 1, 2), np.nan)
    beta = np.zeros(2)
    path[0] = beta
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for t in range(1, steps + 1):
            r = y - X @ beta
            if kind == "mse":
                grad = -2.0 / n * (X.T @ r)
            else:
                rmse = np.sqrt(r @ r / n)
                grad = -(X.T @ r) / (n * rmse) if rmse > 0 else np.zeros(2)
            beta = beta - lr * grad
            if not np.all(np.isfinite(beta)):
                break
            path[t] = beta
        loss = _loss(X, y, path, kind)
        distance = np.linalg.norm(path - beta_pinv, axis=1)
    loss[~np.isfinite(loss)] = np.nan
    finite = np.isfinite(loss)
    diverged = bool(not finite.all() or loss[finite][-1] > loss[0])
    return LinRegResult(
        x=x, y=y, X=X, path=path, loss=loss, beta_pinv=beta_pinv,
        loss_pinv=float(_loss(X, y, beta_pinv[None], kind)[0]), distance=distance,
        lr_max=2.0 / lam_max, diverged=diverged, kind=kind,
    )


class LinRegGDExplorer(Explorer):
    """Sliders for the learning rate and the number of steps (and the loss form)."""

    figsize = (10.0, 3.4)

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

    def _build(self, fig):
        r0 = compute(lr=0.1, steps=0)
        self.ax_fit, self.ax_loss, self.ax_dist = fig.subplots(1, 3)
        fig.subplots_adjust(left=0.06, right=0.98, bottom=0.16, top=0.88, wspace=0.32)

        ax = self.ax_fit
        ax.plot(r0.x, r0.y, "k.", ms=5, label="data")
        self.xs = np.array([-0.1, 2.1])
        Xs = add_bias_column(self.xs[:, None])
        ax.plot(self.xs, Xs @ r0.beta_pinv, "C2--", lw=2, label="pinv")
        (self.fit_line,) = ax.plot(self.xs, Xs @ np.zeros(2), "C1-", lw=2, label="GD")
        self.Xs = Xs
        pad = 0.3 * np.ptp(r0.y)
        ax.set_xlim(self.xs)
        ax.set_ylim(r0.y.min() - pad, r0.y.max() + pad)
        ax.set_xlabel("x")
        ax.set_ylabel("y")
        fit_legend = ax.legend(loc="upper left", fontsize=8)
        self.fit_title = ax.set_title("", fontsize=10)

        ax = self.ax_loss
        (self.loss_line,) = ax.plot([], [], "C1-", lw=1.5, label="GD")
        self.pinv_loss_line = ax.axhline(r0.loss_pinv, color="C2", ls="--", lw=1.5,
                                         label="pinv")
        ax.set_yscale("log")
        ax.set_xlabel("step")
        ax.set_ylabel("loss")
        loss_legend = ax.legend(loc="upper right", fontsize=8)
        self.loss_title = ax.set_title("", fontsize=10)

        ax = self.ax_dist
        (self.dist_line,) = ax.plot([], [], "C0-", lw=1.5)
        tol_line = ax.axhline(1e-6, color="0.5", ls=":", lw=1)
        ax.set_yscale("log")
        ax.set_xlabel("step")
        ax.set_ylabel("distance to pinv")
        for a in (self.ax_loss, self.ax_dist):  # few log ticks: cheaper redraws
            a.yaxis.set_major_locator(LogLocator(numticks=5))
            a.yaxis.set_minor_locator(NullLocator())
        ax.set_title(r"$\|\beta_{GD} - \beta_{pinv}\|$", fontsize=10)
        # blitting (see Explorer): what changes on an update, in drawing order (the
        # legends go on top of the lines that may pass under them); the loss title
        # changes rarely, so it stays in the cached background (see _layout_key)
        self.animated = [self.fit_line, fit_legend, self.fit_title, self.loss_line,
                         self.pinv_loss_line, loss_legend, self.dist_line, tol_line]

    def _layout_key(self):
        """The cached background also holds the loss panel's title."""
        return super()._layout_key() + (self.loss_title.get_text(),)

    def _update(self):
        v = self.values
        r = compute(lr=v["lr"], steps=v["steps"], kind=v["kind"])
        self.result = r
        steps = np.arange(len(r.loss))

        self.fit_line.set_ydata(self.Xs @ r.beta)
        b0, b1 = r.beta
        self.fit_title.set_text(f"GD after {v['steps']} steps: y = {b0:.3g} + {b1:.3g} x")

        # a diverging run reaches 1e+300: clip what is drawn (not what is reported)
        loss = np.minimum(r.loss, _CLIP)
        dist = np.minimum(r.distance, _CLIP)
        self.loss_line.set_data(steps, loss)
        self.pinv_loss_line.set_ydata([r.loss_pinv, r.loss_pinv])
        self.loss_title.set_text(f"loss ({r.kind})" + ("  DIVERGED" if r.diverged else ""))
        self.dist_line.set_data(steps, dist)
        for ax, values in ((self.ax_loss, np.r_[loss, r.loss_pinv]),
                           (self.ax_dist, np.r_[dist, 1e-6])):
            ok = values[np.isfinite(values) & (values > 0)]
            ax.set_xlim(0, max(1, len(steps) - 1))
            # whole decades: the limits (so the cached background) stay put over most steps
            ax.set_ylim(10.0 ** np.floor(np.log10(max(ok.min() / 2, 1e-16))),
                        10.0 ** np.ceil(np.log10(ok.max() * 2)))

        if r.diverged:
            verdict = "<b style='color:#c00'>diverged</b>"
        elif r.final_distance < 1e-6:
            verdict = "converged to pinv (&lt; 1e-6)"
        elif r.stalled:
            verdict = "<b style='color:#c60'>not getting closer: it bounces (lr too large)</b>"
        else:
            verdict = "still on its way"
        stab = (f"squared loss stable for lr &lt; 2/&mu;<sub>max</sub> = {r.lr_max:.3g}"
                if r.kind == "mse" else "norm form: step scaled by 1/(2&middot;RMSE)")
        return (f"&lambda; = {v['lr']:.3g}, {v['steps']} steps: "
                f"&Vert;&beta;<sub>GD</sub> &minus; &beta;<sub>pinv</sub>&Vert; = "
                f"<b>{r.final_distance:.3g}</b>, loss = <b>{r.final_loss:.5g}</b> "
                f"(pinv {r.loss_pinv:.5g}) &mdash; {verdict}. {stab}.")


def show(**values):
    """The explorer, displayed as a widget in Jupyter."""
    return LinRegGDExplorer(**values)
