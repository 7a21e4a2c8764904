"""Full-batch Adam, the one optimiser loop of the learned models (event types, event roles).

Deterministic: from the weights given (zeros in every caller), the same gradients give the same weights, so
`make train` reproduces the shipped models bit for bit. The update is written once here; the models differ
only in the gradient they pass.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np


def adam(gradient: Callable[[np.ndarray], np.ndarray], w: np.ndarray, *, epochs: int, rate: float) -> np.ndarray:
    """`w` after `epochs` Adam steps (beta1 0.9, beta2 0.999, eps 1e-8) on `gradient(w)`; `w` is updated in
    place and returned. The arithmetic keeps `w`'s dtype (float32 weights stay float32)."""
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, epochs + 1):
        grad = gradient(w)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return w
