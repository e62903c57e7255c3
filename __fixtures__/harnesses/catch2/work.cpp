// Catch2 (v2, Debian's catch2 package) benchmark harness for perfgate's import fixtures.
#define CATCH_CONFIG_MAIN
#define CATCH_CONFIG_ENABLE_BENCHMARKING
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>

// volatile: keeps the compiler from folding the loop into a constant.
static std::uint64_t sum_of_squares(std::uint64_t n) {
  volatile std::uint64_t sum = 0;
  for (std::uint64_t i = 0; i < n; ++i) sum += i * i;
  return sum;
}

TEST_CASE("Sum of squares") {
  BENCHMARK("sum_of_squares 1000") { return sum_of_squares(1000); };
  BENCHMARK("sum_of_squares 10000") { return sum_of_squares(10000); };
}

TEST_CASE("Strings") {
  const std::string text(2000, 'p');
  BENCHMARK("reverse a 2000-character string") {
    std::string copy = text;
    std::reverse(copy.begin(), copy.end());
    return copy;
  };
}
