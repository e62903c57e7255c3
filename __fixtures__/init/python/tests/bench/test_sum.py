from sumlib import sum_of_squares


def test_sum_of_squares(benchmark):
    assert benchmark(sum_of_squares, 1000) == 332833500
