//! The seeded generator of the benchmarks and the randomised tests, unit
//! tests included: fastrand, seeded, so that the same seed always gives the
//! same numbers, a bench measures the same input on every run and a failing
//! test can name its seed.

// Each bench and test that includes this uses only some of the methods.
#![allow(dead_code)]

pub struct Rng(fastrand::Rng);

impl Rng {
    /// The generator that `seed` starts.
    pub fn new(seed: u64) -> Rng {
        Rng(fastrand::Rng::with_seed(seed))
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0.usize(..n.max(1))
    }

    /// True one time in `n`, on average.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    /// One of `items`, which must not be empty.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}
