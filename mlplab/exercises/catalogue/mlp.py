"""Lessons 05–06: the MLP forward pass, counting parameters, backpropagation (a dense layer,
the lecture's delta recursion and output delta, a whole MLP)."""

import numpy as np

from ...activations import relu, relu_grad, sigmoid, sigmoid_grad, tanh, tanh_grad
from ...i18n import Text, say
from .._core import Count, Exercise, Layers, Mistake, Parts, WarningMistake, case

BATCH_1 = ("batch size 1", "배치 크기 1")


def _params(rng, sizes):
    return [(rng.normal(size=(a, b)) / np.sqrt(a), rng.normal(size=b) * 0.5)
            for a, b in zip(sizes[:-1], sizes[1:])]


# --------------------------------------------------------------- mlp_forward
def mlp_forward(X, params, activation):
    """Forward pass of a dense net: H = h(H W + b) for every layer but the last.

    params : list of (W (d_in, d_out), b (d_out,)), one pair per layer
    activation : a function applied elementwise after every hidden layer
    Returns the last layer's raw scores O = H W_L + b_L, shape (n, k).
    """
    H = X
    for W, b in params[:-1]:
        H = activation(H @ W + b)
    W, b = params[-1]
    return H @ W + b


def _forward_cases(rng):
    return [
        case(rng.normal(size=(4, 3)), _params(rng, [3, 3, 3]), tanh, note=say("square layers", "정사각 층")),
        case(rng.normal(size=(5, 3)), _params(rng, [3, 4, 2]), relu),
        case(rng.normal(size=(1, 2)), _params(rng, [2, 5, 3]), sigmoid, note=say(*BATCH_1)),
        case(rng.normal(size=(3, 2)), _params(rng, [2, 3]), tanh, note=say("no hidden layer", "은닉층 없음")),
        case(rng.normal(size=(7, 4)), _params(rng, [4, 6, 5, 3]), relu,
             note=say("two hidden layers", "은닉층 두 개")),
    ]


def _fwd_all_layers(X, params, activation):
    H = X
    for W, b in params:
        H = activation(H @ W + b)
    return H


def _fwd_no_bias(X, params, activation):
    H = X
    for W, _ in params[:-1]:
        H = activation(H @ W)
    return H @ params[-1][0]


def _fwd_transposed(X, params, activation):
    H = X
    for W, b in params[:-1]:
        H = activation(H @ W.T + b)
    return H @ params[-1][0].T + params[-1][1]


def _fwd_linear(X, params, activation):
    H = X
    for W, b in params:
        H = H @ W + b
    return H


MLP_FORWARD = Exercise(
    name="mlp_forward",
    signature="mlp_forward(X, params, activation) -> (n, k)",
    reference=mlp_forward,
    cases=_forward_cases,
    hints=[
        Text("A forward pass feeds the data through the layers in order: each layer's output is the "
             "next layer's input, starting from H = X.",
             "순전파(forward propagation)는 데이터를 층 순서대로 통과시킵니다. H = X에서 시작해, 각 층의 "
             "출력이 다음 층의 입력이 됩니다."),
        Text("A hidden layer computes H ← h(H W + b). The last layer is different: no activation, it "
             "gives the raw scores O = H W_L + b_L (softmax belongs to the loss, later).",
             "은닉층은 H ← h(H W + b)를 계산합니다. 마지막 층은 다릅니다. 활성함수 없이 점수 "
             "O = H W_L + b_L을 그대로 내놓습니다(소프트맥스는 나중에 손실에서 씁니다)."),
        Text("Loop over every pair but the last, `params[:-1]`, updating H; then use the last pair, "
             "`params[-1]`, without the activation. Shapes: (n, d_in) @ (d_in, d_out) gives "
             "(n, d_out), and the scores come out (n, k).",
             "마지막을 뺀 모든 쌍 `params[:-1]`을 돌며 H를 갱신하고, 마지막 쌍 `params[-1]`은 활성함수 "
             "없이 적용하세요. 모양은 (n, d_in) @ (d_in, d_out)이 (n, d_out)이 되고, 점수는 (n, k)로 "
             "나옵니다."),
    ],
    mistakes=[
        Mistake(_fwd_all_layers, Text(
            "you applied the activation to the last layer too; it returns the raw scores "
            "O = H W_L + b_L (softmax comes later, in the loss)",
            "마지막 층에도 활성함수를 적용했습니다. 마지막 층은 점수 O = H W_L + b_L을 그대로 돌려줍니다"
            "(소프트맥스는 나중에 손실에서 씁니다)")),
        Mistake(_fwd_no_bias, Text(
            "you forgot the biases: every layer computes H W + b",
            "절편을 빠뜨렸습니다. 모든 층은 H W + b를 계산합니다")),
        Mistake(_fwd_transposed, Text(
            "you used transposed weights (H Wᵀ); in the row convention W has shape (d_in, d_out) and a "
            "layer is H @ W + b",
            "전치된 가중치(H Wᵀ)를 썼습니다. 행 규칙에서 W의 모양은 (d_in, d_out)이고 한 층은 "
            "H @ W + b입니다")),
        Mistake(_fwd_linear, Text(
            "you never applied the activation: without it the layers collapse into one linear map — "
            "call activation(H @ W + b) after every hidden layer",
            "활성함수를 한 번도 적용하지 않았습니다. 활성함수가 없으면 층들이 선형 사상 하나로 합쳐집니다 — "
            "은닉층마다 activation(H @ W + b)를 부르세요")),
    ],
    lesson="05_mlp_forward",
)


# -------------------------------------------------------------- count_params
def count_params(sizes):
    """Weights plus biases of a dense net: Σ_l (d_(l−1) · d_l + d_l).

    count_params([784, 15, 10]) == 784·15 + 15 + 15·10 + 10 == 11935
    """
    return sum(d_in * d_out + d_out for d_in, d_out in zip(sizes[:-1], sizes[1:]))


def _count_cases(rng):
    return [
        case([784, 15, 10], note="784-15-10"),
        case([2, 3]),
        case([1, 1]),
        case([3, 5, 5, 2]),
        case([int(s) for s in rng.integers(1, 50, size=5)]),
    ]


COUNT_PARAMS = Exercise(
    name="count_params",
    signature="count_params(sizes) -> int",
    reference=count_params,
    cases=_count_cases,
    output=Count(),
    hints=[
        Text("A dense layer from d_in inputs to d_out outputs has one weight for every "
             "(input, output) pair and one bias for every output.",
             "입력 d_in개에서 출력 d_out개로 가는 완전연결층(dense layer)에는 (입력, 출력) 쌍마다 가중치가 "
             "하나, 출력마다 절편이 하나 있습니다."),
        Text("So layer l holds d_(l−1)·d_l weights and d_l biases, and the whole net "
             "Σ_l (d_(l−1) + 1)·d_l parameters. The input layer computes nothing: it has no biases.",
             "그러니 층 l에는 가중치 d_(l−1)·d_l개와 절편 d_l개가 있고, 신경망 전체의 파라미터는 "
             "Σ_l (d_(l−1) + 1)·d_l개입니다. 입력층은 계산을 하지 않으므로 절편이 없습니다."),
        Text("Walk over consecutive widths (sizes[i], sizes[i + 1]) — `zip(sizes[:-1], sizes[1:])` "
             "pairs them — and add up whole numbers, so the count stays an int. Check: "
             "[784, 15, 10] gives 11935.",
             "이웃한 너비 쌍 (sizes[i], sizes[i + 1])을 차례로 보세요 — `zip(sizes[:-1], sizes[1:])`가 "
             "짝을 지어 줍니다. 정수끼리 더해야 개수가 int로 남습니다. 확인: [784, 15, 10]은 11935입니다."),
    ],
    mistakes=[
        Mistake(lambda sizes: sum(a * b for a, b in zip(sizes[:-1], sizes[1:])), Text(
            "you counted only the weights — every layer also has one bias per output (+ d_out)",
            "가중치만 세었습니다 — 모든 층에는 출력마다 절편도 하나씩 있습니다(+ d_out)")),
        Mistake(lambda sizes: sum(a * (b + 1) for a, b in zip(sizes[:-1], sizes[1:])), Text(
            "you counted one bias per *input*, (d_out + 1)·d_in; a layer has one bias per *output*: "
            "(d_in + 1)·d_out",
            "절편을 *입력*마다 하나씩 세었습니다: (d_out + 1)·d_in. 층에는 *출력*마다 절편이 하나 "
            "있습니다: (d_in + 1)·d_out")),
        Mistake(lambda sizes: sum(a * b for a, b in zip(sizes[:-1], sizes[1:])) + sum(sizes), Text(
            "you gave the input layer biases too; biases belong to the layers that compute something, "
            "so add sizes[1:], not all sizes",
            "입력층에도 절편을 주었습니다. 절편은 계산을 하는 층에만 있으므로 모든 sizes가 아니라 "
            "sizes[1:]을 더하세요")),
        Mistake(lambda sizes: sum((a + 1) * (b + 1) for a, b in zip(sizes[:-1], sizes[1:])), Text(
            "you added 1 to both sizes; a layer has (d_in + 1) · d_out parameters",
            "두 너비 모두에 1을 더했습니다. 층 하나의 파라미터는 (d_in + 1) · d_out개입니다")),
    ],
    lesson="05_mlp_forward",
)


# ------------------------------------------------------------ dense_backward
def dense_backward(dO, X, W):
    """Backward pass of O = X W + b, given dO = ∂L/∂O of shape (n, d_out).

    dX = dO Wᵀ  (n, d_in),   dW = Xᵀ dO  (d_in, d_out),   db = Σ_rows dO  (d_out,)
    """
    return dO @ W.T, X.T @ dO, dO.sum(axis=0)


def _backward_cases(rng):
    cases = []
    shapes = [(4, 3, 2, ""), (1, 2, 3, say(*BATCH_1)), (5, 3, 3, say("square W", "정사각 W")), (6, 4, 5, "")]
    for n, d_in, d_out, note in shapes:
        cases.append(case(rng.normal(size=(n, d_out)), rng.normal(size=(n, d_in)),
                          rng.normal(size=(d_in, d_out)), note=note))
    # put the square case first: a transposed W or dW then gives wrong numbers, not a crash
    return [cases[2]] + cases[:2] + cases[3:]


DENSE_BACKWARD = Exercise(
    name="dense_backward",
    signature="dense_backward(dO, X, W) -> (dX, dW, db)",
    reference=dense_backward,
    cases=_backward_cases,
    output=Parts("dX", "dW", "db"),
    hints=[
        Text("Each gradient has the shape of what it is the gradient of: dX like X (n, d_in), dW like "
             "W (d_in, d_out), db like b (d_out,).",
             "각 그레디언트는 자기가 미분하는 대상과 모양이 같습니다. dX는 X처럼 (n, d_in), dW는 W처럼 "
             "(d_in, d_out), db는 b처럼 (d_out,)입니다."),
        Text("The chain rule through O = XW + b: ∂L/∂X = ∂L/∂O · Wᵀ, ∂L/∂W = Xᵀ · ∂L/∂O, and ∂L/∂b is "
             "the sum of ∂L/∂O over the rows (b is added to every row).",
             "O = XW + b에 연쇄법칙을 적용하면 ∂L/∂X = ∂L/∂O · Wᵀ, ∂L/∂W = Xᵀ · ∂L/∂O이고, ∂L/∂b는 "
             "∂L/∂O를 행에 대해 더한 것입니다(b는 모든 행에 더해지므로)."),
        Text("Let the shapes check the order of each product: (n, d_out) times (d_out, d_in) is "
             "(n, d_in); (d_in, n) times (n, d_out) is (d_in, d_out); summing (n, d_out) over axis 0 "
             "gives (d_out,). Return the three as one tuple, in the order (dX, dW, db).",
             "곱의 순서는 모양으로 확인하세요. (n, d_out)과 (d_out, d_in)의 곱은 (n, d_in), (d_in, n)과 "
             "(n, d_out)의 곱은 (d_in, d_out)이고, (n, d_out)을 axis 0으로 더하면 (d_out,)입니다. 세 "
             "값을 (dX, dW, db) 순서의 튜플 하나로 돌려주세요."),
    ],
    mistakes=[
        Mistake(lambda dO, X, W: (dO @ W.T, X.T @ dO, dO), Text(
            "db must be summed over the rows: b is added to every row, so db = dO.sum(axis=0), shape "
            "(d_out,)",
            "db는 행에 대해 더해야 합니다. b는 모든 행에 더해지므로 db = dO.sum(axis=0), 모양은 "
            "(d_out,)입니다")),
        Mistake(lambda dO, X, W: (dO @ W.T, X.T @ dO, dO.sum(axis=1)), Text(
            "db is summed over the wrong axis: sum over the rows (axis=0) to get one entry per output",
            "db를 더하는 축이 틀렸습니다. 출력마다 값이 하나씩 나오도록 행에 대해(axis=0) 더하세요")),
        Mistake(lambda dO, X, W: (dO @ W.T, X.T @ dO, dO.mean(axis=0)), Text(
            "db averages dO over the rows; sum instead — any 1/n of the loss is already inside dO",
            "db에서 dO를 행에 대해 평균했습니다. 대신 더하세요 — 손실의 1/n은 이미 dO 안에 들어 있습니다")),
        Mistake(lambda dO, X, W: (dO @ W.T, dO.T @ X, dO.sum(axis=0)), Text(
            "dW is transposed: it must have W's shape (d_in, d_out), dW = X.T @ dO",
            "dW가 전치되었습니다. W와 같은 (d_in, d_out) 모양이어야 합니다: dW = X.T @ dO")),
        Mistake(lambda dO, X, W: (dO @ W, X.T @ dO, dO.sum(axis=0)), Text(
            "dX needs the transposed weights: dX = dO @ W.T (shape (n, d_in))",
            "dX에는 전치된 가중치가 필요합니다: dX = dO @ W.T (모양 (n, d_in))")),
        Mistake(lambda dO, X, W: (dO @ W.T, X.T @ dO / len(X), dO.sum(axis=0)), Text(
            "dW is divided by n; the 1/n average is already inside dO, so dW = X.T @ dO",
            "dW를 n으로 나누었습니다. 평균의 1/n은 이미 dO 안에 있으므로 dW = X.T @ dO입니다")),
    ],
    lesson="06_backprop",
)


# ---------------------------------------------------------------- delta_back
def delta_back(delta, W, a_prev, activation_grad):
    """One step of the delta recursion, in the lecture's column form, for one sample.

    δ⁽ˡ⁻¹⁾ = h′(a⁽ˡ⁻¹⁾) ⊙ (W⁽ˡ⁾ᵀ δ⁽ˡ⁾), i.e. δⱼ⁽ˡ⁻¹⁾ = h′(aⱼ⁽ˡ⁻¹⁾) Σᵢ wᵢⱼ⁽ˡ⁾ δᵢ⁽ˡ⁾.

    delta : δ⁽ˡ⁾, (N_l,)
    W : the lecture's W⁽ˡ⁾, (N_l, N_(l−1)): row i holds the weights into neuron i of layer l
    a_prev : a⁽ˡ⁻¹⁾, the pre-activations of layer l − 1, (N_(l−1),)
    activation_grad : h′, elementwise
    Returns δ⁽ˡ⁻¹⁾, (N_(l−1),).
    """
    return activation_grad(a_prev) * (W.T @ delta)


def _delta_back_cases(rng):
    return [
        case(np.array([1.0, -2.0]), np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([1.5, -0.5]), relu_grad,
             note=say("hand-worked 2×2", "손으로 계산한 2×2")),
        case(np.array([0.5, -1.0]), np.array([[1.0, 0.0, -1.0], [2.0, 1.0, 0.5]]), np.zeros(3), tanh_grad,
             note=say("3 neurons feed 2", "뉴런 3개가 2개로 연결")),
        case(rng.normal(size=3), rng.normal(size=(3, 5)), rng.normal(size=5), sigmoid_grad),
        case(rng.normal(size=4), rng.normal(size=(4, 4)), rng.normal(size=4) * 2, tanh_grad),
        case(rng.normal(size=1), rng.normal(size=(1, 3)), rng.normal(size=3), relu_grad,
             note=say("one neuron in layer l", "층 l의 뉴런 하나")),
        case(rng.normal(size=6), rng.normal(size=(6, 1)), rng.normal(size=1), tanh_grad,
             note=say("one neuron in layer l − 1", "층 l − 1의 뉴런 하나")),
    ]


DELTA_BACK = Exercise(
    name="delta_back",
    signature="delta_back(delta, W, a_prev, activation_grad) -> (N_(l-1),)",
    reference=delta_back,
    cases=_delta_back_cases,
    hints=[
        Text("Going backwards, neuron j of layer l − 1 collects the delta of every neuron i of layer "
             "l that it feeds, each weighted by the edge wᵢⱼ it feeds it through, and then scales that "
             "sum by its own slope h′(aⱼ).",
             "거꾸로 갈 때, 층 l − 1의 뉴런 j는 자기가 값을 보내는 층 l의 모든 뉴런 i의 델타(delta)를 "
             "그 연결의 가중치 wᵢⱼ로 가중해 모으고, 그 합에 자기 기울기 h′(aⱼ)를 곱합니다."),
        Text("δⱼ⁽ˡ⁻¹⁾ = h′(aⱼ⁽ˡ⁻¹⁾) Σᵢ wᵢⱼ δᵢ⁽ˡ⁾. The sum runs down column j of W, which is "
             "(Wᵀδ)ⱼ, so for the whole layer δ⁽ˡ⁻¹⁾ = h′(a⁽ˡ⁻¹⁾) ⊙ (Wᵀ δ⁽ˡ⁾).",
             "δⱼ⁽ˡ⁻¹⁾ = h′(aⱼ⁽ˡ⁻¹⁾) Σᵢ wᵢⱼ δᵢ⁽ˡ⁾입니다. 합은 W의 j번째 열을 따라 내려가므로 (Wᵀδ)ⱼ이고, "
             "층 전체로 쓰면 δ⁽ˡ⁻¹⁾ = h′(a⁽ˡ⁻¹⁾) ⊙ (Wᵀ δ⁽ˡ⁾)입니다."),
        Text("Shapes: W is (N_l, N_(l−1)) and δ is (N_l,), so Wᵀ (N_(l−1), N_l) times δ is "
             "(N_(l−1),), the shape of a_prev; `activation_grad(a_prev)` has that shape too. The "
             "Hadamard product ⊙ is `*`, entry by entry.",
             "모양을 보면 W는 (N_l, N_(l−1)), δ는 (N_l,)이므로 Wᵀ (N_(l−1), N_l)와 δ의 곱은 a_prev와 "
             "같은 (N_(l−1),)입니다. `activation_grad(a_prev)`도 같은 모양입니다. 아다마르 곱 ⊙는 "
             "원소끼리 곱하는 `*`입니다."),
    ],
    mistakes=[
        Mistake(lambda delta, W, a_prev, activation_grad: activation_grad(a_prev) * (W @ delta), Text(
            "you multiplied W δ without the transpose: that sums along row i of W, the weights *into* "
            "neuron i of layer l. Neuron j of layer l − 1 collects along column j, the weights *out of* "
            "it: Wᵀ δ",
            "전치 없이 W δ를 곱했습니다. 그러면 W의 i번째 행, 곧 층 l의 뉴런 i로 *들어오는* 가중치를 따라 "
            "더하게 됩니다. 층 l − 1의 뉴런 j는 j번째 열, 곧 자기에게서 *나가는* 가중치를 따라 모읍니다: "
            "Wᵀ δ")),
        Mistake(lambda delta, W, a_prev, activation_grad: activation_grad(W.T @ delta), Text(
            "h′ is at the wrong place: you took h′ of Wᵀδ. The slope belongs to the neurons of layer "
            "l − 1, at their pre-activations: h′(a_prev) ⊙ (Wᵀ δ)",
            "h′의 위치가 틀렸습니다. Wᵀδ에 h′를 적용했습니다. 기울기는 층 l − 1 뉴런들의 활성화 전 값에서 "
            "구합니다: h′(a_prev) ⊙ (Wᵀ δ)")),
        Mistake(lambda delta, W, a_prev, activation_grad: W.T @ delta, Text(
            "you forgot the factor h′(a⁽ˡ⁻¹⁾): every neuron of layer l − 1 scales what it collects by "
            "its own slope, activation_grad(a_prev)",
            "인수 h′(a⁽ˡ⁻¹⁾)를 빠뜨렸습니다. 층 l − 1의 각 뉴런은 모은 값에 자기 기울기 "
            "activation_grad(a_prev)를 곱합니다")),
        Mistake(lambda delta, W, a_prev, activation_grad: a_prev * (W.T @ delta), Text(
            "you multiplied by a_prev itself; the factor is the slope there, h′(a_prev) = "
            "activation_grad(a_prev)",
            "a_prev 자체를 곱했습니다. 곱할 인수는 그곳의 기울기 "
            "h′(a_prev) = activation_grad(a_prev)입니다")),
        Mistake(lambda delta, W, a_prev, activation_grad: activation_grad(a_prev) @ (W.T @ delta), Text(
            "`@` between two vectors is a dot product and gives one number; ⊙ (the Hadamard product) "
            "multiplies entry by entry: `*`",
            "두 벡터 사이의 `@`는 내적이라 숫자 하나가 나옵니다. ⊙(아다마르 곱)는 원소끼리 곱하는 "
            "`*`입니다")),
    ],
    lesson="06_backprop",
)


# -------------------------------------------------------------- output_delta
def output_delta(a, y):
    """The output delta of sigmoid outputs trained with squared error (the fourth lecture note).

    z = σ(a), C = ½‖y − z‖²  ->  δ⁽ᴸ⁾ = ∂C/∂a = (z − y) ⊙ z(1 − z).
    a, y : the same shape (any)  ->  that shape. σ is computed from e^(−|a|), so it never overflows.
    """
    e = np.exp(-np.abs(a))
    z = np.where(a >= 0, 1.0, e) / (1.0 + e)
    return (z - y) * z * (1.0 - z)


def _output_delta_cases(rng):
    return [
        case(np.array([0.0, 2.0, -1.0]), np.array([0.0, 1.0, 0.0]),
             note=say("hand-worked", "손으로 계산한 예")),
        case(rng.normal(scale=2.0, size=(4, 1)), np.eye(4)[:, [2]], note=say("a column as in the lecture",
                                                                             "강의처럼 열벡터")),
        case(rng.normal(scale=2.0, size=(5, 3)), np.eye(3)[rng.integers(0, 3, size=5)],
             note=say("a batch of 5 rows", "행 5개짜리 배치")),
        case(np.array([-800.0, -30.0, 30.0, 800.0]), np.array([1.0, 1.0, 0.0, 0.0]),
             note=say("confidently wrong: |a| up to 800", "자신 있게 틀림: |a|가 800까지")),
        case(rng.normal(size=6), rng.integers(0, 2, size=6).astype(float)),
    ]


def _od_sigmoid(a):
    e = np.exp(-np.abs(a))
    return np.where(a >= 0, 1.0, e) / (1.0 + e)


def _od_naive(a, y):
    z = 1.0 / (1.0 + np.exp(-a))
    return (z - y) * z * (1.0 - z)


OUTPUT_DELTA = Exercise(
    name="output_delta",
    signature="output_delta(a, y) -> same shape as a",
    reference=output_delta,
    cases=_output_delta_cases,
    hints=[
        Text("The output unit computes z = σ(a) and the cost compares z with the target: "
             "C = ½‖y − z‖². δ⁽ᴸ⁾ is how C changes with a, the value *before* the sigmoid, so the "
             "chain rule has to pass through z.",
             "출력 뉴런은 z = σ(a)를 계산하고, 비용은 z를 목표와 비교합니다: C = ½‖y − z‖². δ⁽ᴸ⁾는 "
             "시그모이드를 거치기 *전* 값 a에 따라 C가 어떻게 변하는지이므로, 연쇄법칙은 z를 거쳐야 "
             "합니다."),
        Text("∂C/∂z = z − y (the ½ cancels the 2 of the square) and ∂z/∂a = σ′(a) = z(1 − z), entry "
             "by entry, so δ⁽ᴸ⁾ = (z − y) ⊙ z(1 − z).",
             "∂C/∂z = z − y이고(½이 제곱에서 나온 2를 없앱니다) 원소마다 ∂z/∂a = σ′(a) = z(1 − z)이므로 "
             "δ⁽ᴸ⁾ = (z − y) ⊙ z(1 − z)입니다."),
        Text("Compute z = σ(a) the stable way, from e^(−|a|) (calling `act.sigmoid` is fine). Every "
             "operation is entry by entry (`*`, never `@`), so the answer has a's shape, whatever it "
             "is.",
             "z = σ(a)는 안정적인 방법, 곧 e^(−|a|)로 계산하세요(`act.sigmoid`를 불러도 됩니다). 모든 "
             "연산이 원소별(`*`, `@`는 쓰지 않음)이므로 답은 a가 어떤 모양이든 a와 같은 모양입니다."),
    ],
    mistakes=[
        WarningMistake(_od_naive, Text(
            "right values, but σ from 1/(1 + np.exp(-a)) overflows for a ≤ −710 and NumPy warns; "
            "compute σ from e = np.exp(-np.abs(a)), as lesson 04 does (act.sigmoid)",
            "값은 맞지만 1/(1 + np.exp(-a))로 구한 σ는 a ≤ −710에서 오버플로되고 NumPy가 경고합니다. "
            "레슨 04처럼 e = np.exp(-np.abs(a))로 σ를 계산하세요(act.sigmoid)")),
        Mistake(lambda a, y: y - _od_sigmoid(a), Text(
            "that is the lecture's residual y − z: minus the gradient with respect to the *output* z. "
            "The delta is the gradient with respect to a: (z − y) ⊙ z(1 − z) — the sign turned and the "
            "factor σ′(a) = z(1 − z) added",
            "이것은 강의의 잔차 y − z, 곧 *출력* z에 대한 그레디언트에 마이너스를 붙인 것입니다. 델타는 "
            "a에 대한 그레디언트입니다: (z − y) ⊙ z(1 − z) — 부호를 뒤집고 인수 σ′(a) = z(1 − z)를 "
            "곱해야 합니다")),
        Mistake(lambda a, y: _od_sigmoid(a) - y, Text(
            "you left out σ′(a) = z(1 − z): z − y is ∂C/∂z, but δ⁽ᴸ⁾ is ∂C/∂a — one more factor of "
            "the chain rule, (z − y) ⊙ z(1 − z)",
            "σ′(a) = z(1 − z)를 빠뜨렸습니다. z − y는 ∂C/∂z이고, δ⁽ᴸ⁾는 ∂C/∂a입니다 — 연쇄법칙의 인수가 "
            "하나 더 있습니다: (z − y) ⊙ z(1 − z)")),
        Mistake(lambda a, y: (y - _od_sigmoid(a)) * _od_sigmoid(a) * (1.0 - _od_sigmoid(a)), Text(
            "your sign is flipped: ∂C/∂z = z − y (C grows when z moves away from y), so "
            "δ⁽ᴸ⁾ = (z − y) ⊙ z(1 − z)",
            "부호가 반대입니다. ∂C/∂z = z − y이므로(z가 y에서 멀어지면 C가 커짐) "
            "δ⁽ᴸ⁾ = (z − y) ⊙ z(1 − z)입니다")),
        Mistake(lambda a, y: (_od_sigmoid(a) - y) * a * (1.0 - a), Text(
            "σ′ is at the wrong place: you computed a(1 − a), but σ′(a) = z(1 − z) with z = σ(a)",
            "σ′를 엉뚱한 곳에서 구했습니다. a(1 − a)를 계산했지만 σ′(a)는 z = σ(a)로 쓴 z(1 − z)입니다")),
        Mistake(lambda a, y: (a - y) * _od_sigmoid(a) * (1.0 - _od_sigmoid(a)), Text(
            "the cost compares the output z = σ(a) with y, not a itself: (z − y) ⊙ z(1 − z)",
            "비용은 a 자체가 아니라 출력 z = σ(a)를 y와 비교합니다: (z − y) ⊙ z(1 − z)")),
        Mistake(lambda a, y: 2.0 * (_od_sigmoid(a) - y) * _od_sigmoid(a) * (1.0 - _od_sigmoid(a)), Text(
            "twice the delta: the cost here is C = ½‖y − z‖², and the ½ cancels the 2 from the square "
            "— (z − y) ⊙ z(1 − z). (The note's C has no ½; its gradients are twice as large.)",
            "델타가 두 배입니다. 여기서 비용은 C = ½‖y − z‖²이고, ½이 제곱에서 나온 2를 없앱니다 — "
            "(z − y) ⊙ z(1 − z). (노트의 C에는 ½이 없어서 그레디언트가 두 배입니다.)")),
    ],
    lesson="06_backprop",
)


# ------------------------------------------------------------- mlp_gradients
def mlp_gradients(X, Y, params, activation, activation_grad):
    """Gradients of the mean softmax cross-entropy of the net of ``mlp_forward``.

    X: (n, d), Y: (n, k) one-hot, params: list of (W, b).
    Returns a list of (dW, db) shaped like params.
    """
    # forward pass, keeping each layer's input H and pre-activation Z
    Hs, Zs, H = [X], [], X
    for l, (W, b) in enumerate(params):
        Z = H @ W + b
        Zs.append(Z)
        H = activation(Z) if l < len(params) - 1 else Z
        Hs.append(H)
    # softmax + mean cross-entropy: dL/dO = (P − Y) / n
    E = np.exp(Zs[-1] - Zs[-1].max(axis=1, keepdims=True))
    P = E / E.sum(axis=1, keepdims=True)
    delta = (P - Y) / len(X)
    # backward pass, last layer first: δ ← (δ Wᵀ) ⊙ h'(Z)
    grads = []
    for l in range(len(params) - 1, -1, -1):
        grads.append((Hs[l].T @ delta, delta.sum(axis=0)))
        if l > 0:
            delta = (delta @ params[l][0].T) * activation_grad(Zs[l - 1])
    return grads[::-1]


def _one_hot(rng, n, k):
    return np.eye(k)[rng.integers(0, k, size=n)]


def _gradient_cases(rng):
    return [
        case(rng.normal(size=(5, 3)), _one_hot(rng, 5, 2), _params(rng, [3, 4, 2]), tanh, tanh_grad),
        case(rng.normal(size=(1, 2)), _one_hot(rng, 1, 3), _params(rng, [2, 5, 3]), sigmoid, sigmoid_grad,
             note=say(*BATCH_1)),
        case(rng.normal(size=(4, 3)), _one_hot(rng, 4, 3), _params(rng, [3, 3]), tanh, tanh_grad,
             note=say("no hidden layer", "은닉층 없음")),
        case(rng.normal(size=(6, 4)), _one_hot(rng, 6, 3), _params(rng, [4, 5, 5, 3]), tanh, tanh_grad,
             note=say("two hidden layers", "은닉층 두 개")),
        case(rng.normal(size=(8, 3)), _one_hot(rng, 8, 3), _params(rng, [3, 6, 3]), relu, relu_grad),
    ]


def _gradients_variant(average=True, sign=1.0, grad_of="Z", reverse=True, use_grad=True, dw_t=False):
    """A wrong backprop that differs from the reference in one named way."""

    def wrong(X, Y, params, activation, activation_grad):
        Hs, Zs, H = [X], [], X
        for l, (W, b) in enumerate(params):
            Z = H @ W + b
            Zs.append(Z)
            H = activation(Z) if l < len(params) - 1 else Z
            Hs.append(H)
        E = np.exp(Zs[-1] - Zs[-1].max(axis=1, keepdims=True))
        P = E / E.sum(axis=1, keepdims=True)
        delta = sign * (P - Y) / (len(X) if average else 1)
        grads = []
        for l in range(len(params) - 1, -1, -1):
            dW = delta.T @ Hs[l] if dw_t else Hs[l].T @ delta
            grads.append((dW, delta.sum(axis=0)))
            if l > 0:
                delta = delta @ params[l][0].T
                if use_grad:
                    delta = delta * activation_grad(Zs[l - 1] if grad_of == "Z" else Hs[l])
        return grads[::-1] if reverse else grads

    return wrong


MLP_GRADIENTS = Exercise(
    name="mlp_gradients",
    signature="mlp_gradients(X, Y, params, activation, activation_grad) -> list of (dW, db)",
    reference=mlp_gradients,
    cases=_gradient_cases,
    output=Layers("dW", "db"),
    hints=[
        Text("Backpropagation is a forward pass that keeps, for every layer, its input H and its "
             "pre-activation Z = H W + b, and then one loop backwards, from the loss to the first layer.",
             "역전파(backpropagation)는 층마다 입력 H와 활성화 전 값 Z = H W + b를 저장하는 순전파 한 번과, "
             "손실에서 첫 층까지 거꾸로 도는 반복문 하나로 이루어집니다."),
        Text("For softmax with the mean cross-entropy the backward pass starts from δ = (P − Y)/n, "
             "with P the softmax of the last Z.",
             "소프트맥스와 평균 교차 엔트로피에서는 역방향 계산이 δ = (P − Y)/n에서 시작합니다. P는 마지막 "
             "Z의 소프트맥스입니다."),
        Text("In layer l: dW = H_lᵀ δ and db = the sum of δ over the rows. One layer down: "
             "δ ← (δ Wᵀ) ⊙ h′(Z), with Z the pre-activation of the layer below (that is what "
             "`activation_grad` computes).",
             "층 l에서는 dW = H_lᵀ δ, db = δ를 행에 대해 더한 값입니다. 한 층 내려갈 때는 "
             "δ ← (δ Wᵀ) ⊙ h′(Z)이고, Z는 아래층의 활성화 전 값입니다(`activation_grad`가 h′를 "
             "계산합니다)."),
        Text("Collecting the gradients from the last layer to the first gives a list in reverse: turn "
             "it round (or fill a list by index) so that entry l belongs to params[l].",
             "마지막 층부터 첫 층까지 그레디언트를 모으면 리스트가 거꾸로 됩니다. 순서를 뒤집어(또는 "
             "인덱스로 채워) l번째 원소가 params[l]에 대응하게 하세요."),
    ],
    mistakes=[
        Mistake(_gradients_variant(average=False), Text(
            "your gradients are n times too big: the loss is the *mean* over the n rows, so the output "
            "gradient is (P − Y) / n",
            "그레디언트가 n배 큽니다. 손실은 n개 행의 *평균*이므로 출력 그레디언트는 (P − Y) / n입니다")),
        Mistake(_gradients_variant(sign=-1.0), Text(
            "your gradients have the wrong sign: the output gradient is (P − Y) / n, not (Y − P) / n",
            "그레디언트의 부호가 틀렸습니다. 출력 그레디언트는 (Y − P) / n이 아니라 (P − Y) / n입니다")),
        Mistake(_gradients_variant(grad_of="H"), Text(
            "you called activation_grad on the layer's output H = h(Z); the derivative must be taken at "
            "the pre-activation Z",
            "activation_grad를 층의 출력 H = h(Z)에 적용했습니다. 미분은 활성화 전 값 Z에서 구해야 "
            "합니다")),
        Mistake(_gradients_variant(use_grad=False), Text(
            "you forgot to multiply by the activation's derivative when going down a layer: "
            "δ ← (δ Wᵀ) * activation_grad(Z)",
            "한 층 내려갈 때 활성함수의 미분을 곱하지 않았습니다: δ ← (δ Wᵀ) * activation_grad(Z)")),
        Mistake(_gradients_variant(reverse=False), Text(
            "your list runs from the last layer to the first; reverse it so grads[l] belongs to "
            "params[l]",
            "리스트가 마지막 층에서 첫 층 순서입니다. grads[l]이 params[l]에 대응하도록 뒤집으세요")),
        Mistake(_gradients_variant(dw_t=True), Text(
            "your dW is transposed: it must have W's shape (d_in, d_out), dW = Hᵀ δ",
            "dW가 전치되었습니다. W와 같은 (d_in, d_out) 모양이어야 합니다: dW = Hᵀ δ")),
    ],
    lesson="06_backprop",
)

EXERCISES = [MLP_FORWARD, COUNT_PARAMS, DENSE_BACKWARD, DELTA_BACK, OUTPUT_DELTA, MLP_GRADIENTS]
