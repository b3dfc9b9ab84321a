"""mlplab: the linear model, softmax, activations, the MLP and backpropagation
in plain NumPy, for the lessons in ``lessons/``.

Compute modules are imported here; ``mlplab.plots``, ``mlplab.widgets`` and
``mlplab.exercises`` load on first use (they pull in matplotlib/ipywidgets).
"""

import importlib

from .activations import ACTIVATIONS, get_activation
from .gradcheck import check_gradients, numerical_gradient, rel_error
from .i18n import get_language, set_language
from .linear import LinearRegression, add_bias_column, linear_forward, linreg_gradient, lstsq_pinv
from .losses import OUTPUTS, cross_entropy, mse, softmax_cross_entropy
from .mlp import MLP, count_params
from .optim import adam, gradient_descent, minibatches, sgd
from .progress_map import progress
from .softmax import log_softmax, one_hot, predict_labels, softmax

__version__ = "0.1.0"

__all__ = [
    "ACTIVATIONS", "get_activation", "check_gradients", "numerical_gradient",
    "rel_error", "add_bias_column", "linear_forward", "linreg_gradient",
    "lstsq_pinv", "LinearRegression", "cross_entropy", "mse", "softmax_cross_entropy", "OUTPUTS",
    "MLP", "count_params", "gradient_descent", "minibatches", "sgd", "adam", "log_softmax",
    "one_hot", "predict_labels", "softmax", "set_language", "get_language", "progress",
    "__version__",
]

_LAZY = ("plots", "widgets", "exercises", "data", "fast", "course")


def __getattr__(name):
    if name in _LAZY:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'mlplab' has no attribute {name!r}")
