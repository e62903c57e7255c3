use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    c.bench_function("sum_of_squares/1000", |b| {
        b.iter(|| tiny::sum_of_squares(black_box(1000)))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).warm_up_time(std::time::Duration::from_millis(100)).measurement_time(std::time::Duration::from_millis(300));
    targets = bench
}
criterion_main!(benches);
