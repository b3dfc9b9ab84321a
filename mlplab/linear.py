"""The linear model: O = X W + b, least squares and its gradient.

Row convention: a batch ``X`` has one sample per row, shape (n, d).
"""

from __future__ import annotations

import numpy as np

from .i18n import say
from .validation import as_array, check_choice, check_same_rows

__all__ = [
    "linear_forward",
    "add_bias_column",
    "lstsq_pinv",
    "linreg_loss",
    "linreg_gradient",
    "LinearRegression",
]


def _check_affine(X, W, b):
    X = as_array(X, "X", ndim=2)
    W = as_array(W, "W", ndim=2)
    b = as_array(b, "b", ndim=1)
    if W.shape[0] != X.shape[1]:
        raise ValueError(say(
            "W has shape {W} but X has {d} features; expected W of shape ({d}, k). Rows of W "
            "match columns of X (row convention: O = X @ W + b); did you pass W.T?",
            "W의 모양은 {W}인데 X의 특성은 {d}개입니다. W는 ({d}, k) 모양이어야 합니다. W의 행은 "
            "X의 열과 짝을 이룹니다(행 표기: O = X @ W + b). 혹시 W.T를 넘겼나요?", W=W.shape, d=X.shape[1]))
    if b.shape[0] != W.shape[1]:
        raise ValueError(say(
            "b has {nb} entries but W has {k} output columns; expected b of shape ({k},), "
            "one bias per output.",
            "b의 원소는 {nb}개인데 W의 출력 열은 {k}개입니다. b는 출력마다 절편 하나씩, "
            "({k},) 모양이어야 합니다.", nb=b.shape[0], k=W.shape[1]))
    return X, W, b


def linear_forward(X, W, b):
    """Affine map of a batch: O = X W + b.

    Parameters
    ----------
    X : (n, d) array   one sample per row
    W : (d, k) array   column j holds the weights into output j
    b : (k,) array     added to every row (broadcast)

    Returns
    -------
    O : (n, k) array
    """
    X, W, b = _check_affine(X, W, b)
    return X @ W + b


def add_bias_column(X):
    """Prepend a column of ones so the intercept becomes a weight: [1, X].

    Parameters
    ----------
    X : (n, d) array

    Returns
    -------
    X1 : (n, d + 1) array whose first column is all ones
    """
    X = as_array(X, "X", ndim=2)
    return np.hstack([np.ones((X.shape[0], 1), dtype=X.dtype), X])


def _check_regression(X, y, beta=None):
    X = as_array(X, "X", ndim=2)
    y = as_array(y, "y", ndim=(1, 2))
    check_same_rows(X, y, "X", "y")
    if beta is None:
        return X, y
    beta = as_array(beta, "beta", ndim=(1, 2))
    if beta.shape[0] != X.shape[1]:
        raise ValueError(
            f"beta has {beta.shape[0]} rows but X has {X.shape[1]} columns; "
            f"expected beta of shape ({X.shape[1]},). If X got a bias column "
            "from add_bias_column, beta needs one more entry for the intercept."
        )
    if beta.ndim != y.ndim:
        raise ValueError(
            f"beta has shape {beta.shape} but y has shape {y.shape}; expected "
            "both 1-D (one target) or both 2-D (several targets)."
        )
    return X, y, beta


def lstsq_pinv(X, y):
    """Least-squares coefficients by the Moore-Penrose pseudo-inverse.

    beta = X⁺ y minimises ||y - X beta||₂ (and has the smallest norm among
    minimisers when X is rank deficient).

    Parameters
    ----------
    X : (n, d) array   add a ones column first for an intercept
    y : (n,) or (n, k) array

    Returns
    -------
    beta : (d,) or (d, k) array
    """
    X, y = _check_regression(X, y)
    return np.linalg.pinv(X) @ y


def _residual_loss_gradient(X, y, beta, kind):
    """Loss and gradient of the linear model on checked arrays (one residual for both)."""
    n = X.shape[0]
    residual = y - X @ beta
    mse = float(np.mean(residual**2))
    if kind == "mse":
        return mse, -2.0 / n * (X.T @ residual)          # ∇ ||y - Xβ||²/n = -2/n · Xᵀ(y - Xβ)
    rmse = float(np.sqrt(mse))
    if rmse == 0.0:
        return 0.0, np.zeros_like(beta)
    return rmse, -(X.T @ residual) / (n * rmse)          # ∇ RMSE = -Xᵀ(y - Xβ) / (n · RMSE)


def linreg_loss(X, y, beta, kind="mse"):
    """Loss of the linear model y ≈ X beta.

    ``kind="mse"``: ||y - X beta||² / n (mean squared error).
    ``kind="norm"``: sqrt(||y - X beta||² / n), the lecture's ||y - X beta||₂.

    Parameters
    ----------
    X : (n, d) array, y : (n,) array, beta : (d,) array

    Returns
    -------
    loss : float
    """
    X, y, beta = _check_regression(X, y, beta)
    kind = check_choice(kind, "kind", ("mse", "norm"))
    mse = float(np.mean((y - X @ beta) ** 2))
    return mse if kind == "mse" else float(np.sqrt(mse))


def linreg_gradient(X, y, beta, kind="mse"):
    """Gradient of the linear-regression loss with respect to beta.

    ``kind="mse"``  : ∇ ||y - Xβ||²/n = -2/n · Xᵀ(y - Xβ)
    ``kind="norm"`` : ∇ RMSE = -Xᵀ(y - Xβ) / (n · RMSE), RMSE = sqrt(||y - Xβ||²/n)
                      (the lecture writes this RMSE as ||y - Xβ||₂)

    Parameters
    ----------
    X : (n, d) array, y : (n,) array, beta : (d,) array

    Returns
    -------
    grad : (d,) array, same shape as beta
    """
    X, y, beta = _check_regression(X, y, beta)
    return _residual_loss_gradient(X, y, beta, check_choice(kind, "kind", ("mse", "norm")))[1]


class LinearRegression:
    """The linear model ŷ = X β as a trainable model, for ``optim.sgd`` and friends.

    Parameters
    ----------
    d : int, the number of columns of X (include the ones column of
        ``add_bias_column`` for an intercept)
    kind : "mse" (𝓛 = ||y - Xβ||²/n) or "norm" (the lecture's ||y - Xβ||₂, see
           ``linreg_loss``)
    beta : optional (d,) start; zeros by default

    Attributes
    ----------
    params : [(beta,)], updated in place by the optimisers
    """

    def __init__(self, d, kind="mse", beta=None):
        from .validation import check_int

        self.d = check_int(d, "d", 1, 10**6, example=2)
        self.kind = check_choice(kind, "kind", ("mse", "norm"))
        if beta is None:
            beta = np.zeros(self.d)
        else:
            beta = as_array(beta, "beta", ndim=1).astype(np.float64, copy=True)
            if beta.shape != (self.d,):
                raise ValueError(f"beta has shape {beta.shape}; expected ({self.d},) for d={self.d}.")
        self.params = [(beta,)]

    @property
    def beta(self):
        return self.params[0][0]

    def __repr__(self):
        return f"LinearRegression(d={self.d}, kind={self.kind!r}, beta={np.round(self.beta, 4)})"

    def check_inputs(self, X, y=None):
        """Validate (X (n, d), y (n,)); returns them as float arrays."""
        if y is None:
            X = as_array(X, "X", ndim=2)
        else:
            X, y = _check_regression(X, y)
            if y.ndim != 1:
                raise ValueError(f"y has shape {y.shape}; expected one target per row, shape (n,).")
        if X.shape[1] != self.d:
            raise ValueError(f"X has {X.shape[1]} columns but this model has d={self.d}; expected "
                             f"X of shape (n, {self.d}) (did you forget add_bias_column?).")
        return X, y

    def predict(self, X):
        """ŷ = X β, shape (n,)."""
        X, _ = self.check_inputs(X)
        return X @ self.beta

    def loss_and_grads(self, X, y):
        """(loss, [(∂loss/∂β,)]) on a batch; see ``linreg_loss`` / ``linreg_gradient``.

        The inputs are checked once and loss and gradient share one residual y − Xβ
        (``optim.sgd`` calls this for every mini-batch).
        """
        X, y = self.check_inputs(X, y)
        loss, grad = _residual_loss_gradient(X, y, self.beta, self.kind)
        return loss, [(grad,)]

    def loss(self, X, y):
        return self.loss_and_grads(X, y)[0]
