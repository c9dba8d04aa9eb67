//! A small seeded generator (xorshift) for benchmarks and randomised tests:
//! the same seed always gives the same numbers, so a bench measures the
//! same input on every run and a failing test can name its seed.

// Each bench and test that includes this uses only some of the methods.
#![allow(dead_code)]

/// The generator's state, which must not be zero (zero stays zero).
/// `Rng(n)` starts from `n` as it is; `Rng::new` spreads a small seed.
pub struct Rng(pub u64);

impl Rng {
    /// Start from `seed`, spread over the bits (and made odd, so never
    /// zero): seeds 1, 2, 3 give unrelated sequences.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next number: one xorshift step (13, 7, 17).
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
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
