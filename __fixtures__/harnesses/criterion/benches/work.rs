//! Criterion benches for perfgate's import fixtures. SLOWDOWN=1.5 does 50% more work per iteration.
use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode};
use perfgate_criterion_harness::{reverse, sum_of_squares};
use std::time::Duration;

fn slowdown() -> f64 {
    std::env::var("SLOWDOWN").ok().and_then(|v| v.parse().ok()).unwrap_or(1.0)
}

fn benches(c: &mut Criterion) {
    let factor = slowdown();
    // Linear sampling (Criterion's default): iters grow d, 2d, 3d, ... per sample.
    let mut linear = c.benchmark_group("sum_of_squares");
    linear.sampling_mode(SamplingMode::Linear);
    for n in [1_000u64, 10_000] {
        let work = (n as f64 * factor) as u64;
        linear.bench_with_input(BenchmarkId::from_parameter(n), &work, |b, &w| {
            b.iter(|| sum_of_squares(black_box(w)))
        });
    }
    linear.finish();
    // Flat sampling: the same iteration count in every sample.
    let mut flat = c.benchmark_group("reverse");
    flat.sampling_mode(SamplingMode::Flat);
    let text = "perfgate ".repeat((200.0 * factor) as usize);
    flat.bench_function("flat", |b| b.iter(|| reverse(black_box(&text))));
    flat.finish();
}

criterion_group! {
    name = work;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(100))
        .measurement_time(Duration::from_millis(800));
    targets = benches
}
criterion_main!(work);
