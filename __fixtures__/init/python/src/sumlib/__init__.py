def sum_of_squares(n):
    return sum(i * i for i in range(n))
