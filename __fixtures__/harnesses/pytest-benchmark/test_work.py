"""pytest-benchmark harness for perfgate's import fixtures. SLOWDOWN=1.5 does 50% more work."""
import os

import pytest

SLOWDOWN = float(os.environ.get("SLOWDOWN", "1"))


def sum_of_squares(n):
    return sum(i * i for i in range(n))


@pytest.mark.parametrize("n", [1000, 10000])
def test_sum_of_squares(benchmark, n):
    benchmark(sum_of_squares, int(n * SLOWDOWN))


def test_reverse(benchmark):
    text = "perfgate " * int(2000 * SLOWDOWN)
    benchmark(lambda: text[::-1] + "".join(reversed(text)))
