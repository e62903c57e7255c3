//! Tiny workloads for perfgate's Criterion import fixtures.

/// Sum of i*i for i in 0..n (black_box per element keeps LLVM from using the closed form).
pub fn sum_of_squares(n: u64) -> u64 {
    (0..n)
        .map(std::hint::black_box)
        .fold(0u64, |acc, i| acc.wrapping_add(i.wrapping_mul(i)))
}

/// The string reversed by characters.
pub fn reverse(text: &str) -> String {
    text.chars().rev().collect()
}
