// Google Benchmark harness for perfgate's import fixtures. SLOWDOWN=1.5 does 50% more work.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

static double Slowdown() {
  const char* text = std::getenv("SLOWDOWN");
  return text ? std::atof(text) : 1.0;
}

static void BM_SumOfSquares(benchmark::State& state) {
  const auto n = static_cast<std::uint64_t>(state.range(0) * Slowdown());
  for (auto _ : state) {
    std::uint64_t sum = 0;
    for (std::uint64_t i = 0; i < n; ++i) {
      sum += i * i;
      benchmark::DoNotOptimize(sum);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}
BENCHMARK(BM_SumOfSquares)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);

static void BM_Reverse(benchmark::State& state) {
  std::string text;
  const int copies = static_cast<int>(200 * Slowdown());
  for (int i = 0; i < copies; ++i) text += "perfgate ";
  for (auto _ : state) {
    std::string copy = text;
    std::reverse(copy.begin(), copy.end());
    benchmark::DoNotOptimize(copy);
  }
}
BENCHMARK(BM_Reverse);

BENCHMARK_MAIN();
