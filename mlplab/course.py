"""The course map: which lessons there are, in order, and what each one holds.

One manifest for everything that needs to know the course's shape: the
explorer registry (``mlplab.widgets``), the exercise records, the progress map
(``mlplab.progress``), the grader and the browser tests all read it.

>>> [l.number for l in LESSONS][:3]
['00', '01', '02']
>>> lesson("04").exercises
('sigmoid', 'relu', 'sigmoid_grad', 'relu_grad', 'tanh_grad')
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import Text

__all__ = ["Lesson", "LESSONS", "lesson", "lesson_of_exercise", "lesson_of_explorer"]


@dataclass(frozen=True)
class Lesson:
    """One notebook: ``lessons/<language>/<number>_<slug>.ipynb``.

    explorers : names of the modules in ``mlplab.widgets`` the lesson shows
    exercises : names of the catalogue exercises it asks for, in order
    """

    number: str
    slug: str
    title: Text
    explorers: tuple = ()
    exercises: tuple = ()

    @property
    def name(self):
        """The notebook's file stem, e.g. ``04_activations``."""
        return f"{self.number}_{self.slug}"


LESSONS = (
    Lesson("00", "start_here", Text("Start here", "시작하기"), (), ("add",)),
    Lesson("01", "gradient_descent", Text("Gradient descent", "경사하강법"),
           ("gd_1d", "gd_2d"), ("centred_difference", "gd_step")),
    Lesson("02", "linear_regression", Text("Linear regression", "선형회귀"),
           ("linreg_gd", "sgd_batch_size"), ("pinv_solve", "linreg_gradient", "minibatches")),
    Lesson("03", "softmax_classification", Text("Softmax classification", "소프트맥스 분류"),
           ("softmax_explorer", "linear_classifier"),
           ("linear_forward", "softmax", "one_hot", "cross_entropy")),
    Lesson("04", "activations", Text("Activation functions", "활성함수"),
           ("activation_explorer", "no_activation_collapse"),
           ("sigmoid", "relu", "sigmoid_grad", "relu_grad", "tanh_grad")),
    Lesson("05", "mlp_forward", Text("The MLP, forward", "다층 퍼셉트론과 순전파"),
           ("mlp_forward_explorer",), ("mlp_forward", "count_params")),
    Lesson("06", "backprop", Text("Backpropagation", "역전파"),
           ("chain_rule_graph", "gradient_flow"),
           ("dense_backward", "delta_back", "output_delta", "mlp_gradients")),
    Lesson("07", "training_sgd", Text("Training with SGD", "SGD로 학습하기"),
           ("training_explorer",), ("sgd_step", "accuracy")),
    Lesson("08", "universal_approximation", Text("Universal approximation", "보편 근사 정리"),
           ("bump_builder", "uat_neurons"), ("step", "bump")),
    Lesson("09", "depth_vs_width", Text("Depth versus width", "깊이와 너비"),
           ("sawtooth", "depth_vs_width"), ("sawtooth",)),
    Lesson("10", "playground", Text("Playground", "플레이그라운드"), ("playground",), ()),
)


def lesson(key):
    """The lesson with this number ("04"), slug ("activations") or name ("04_activations")."""
    for item in LESSONS:
        if key in (item.number, item.slug, item.name):
            return item
    raise ValueError(f"unknown lesson {key!r}; choose one of: {', '.join(l.name for l in LESSONS)}")


def lesson_of_exercise(name):
    """The lesson that asks for exercise ``name``."""
    for item in LESSONS:
        if name in item.exercises:
            return item
    raise ValueError(f"no lesson asks for exercise {name!r}")


def lesson_of_explorer(name):
    """The lesson that shows explorer ``name`` (a module of ``mlplab.widgets``)."""
    for item in LESSONS:
        if name in item.explorers:
            return item
    raise ValueError(f"no lesson shows explorer {name!r}")
