"""The shared Adam loop: the same weights, bit for bit, as the loop each model wrote before it was shared."""

import numpy as np

from redline.adam import adam


def _reference(grad_of, w, epochs, rate):
    m, v = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, epochs + 1):
        grad = grad_of(w)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
    return w


def test_adam_matches_the_written_out_loop_in_float32_and_float64():
    rng = np.random.default_rng(7)
    for dtype in (np.float32, np.float64):
        x = rng.normal(size=(40, 6)).astype(dtype)
        y = rng.normal(size=(40, 3)).astype(dtype)

        def grad_of(w):
            return x.T @ (x @ w - y) / len(x) + 0.01 * w

        got = adam(grad_of, np.zeros((6, 3), dtype=dtype), epochs=60, rate=0.05)
        want = _reference(grad_of, np.zeros((6, 3), dtype=dtype), 60, 0.05)
        assert got.dtype == dtype
        assert np.array_equal(got, want)


def test_adam_moves_towards_the_minimum():
    target = np.array([1.0, -2.0, 0.5])
    w = adam(lambda w: 2 * (w - target), np.zeros(3), epochs=500, rate=0.05)
    assert np.allclose(w, target, atol=1e-2)
