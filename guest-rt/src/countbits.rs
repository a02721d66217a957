//! `$countbits` (IEEE 1800-2017 20.9): how many bits of a value have one
//! of the given 4-state values.

use crate::logic::limbs;
use crate::mem;

/// Counts the bits of the `w`-bit value `v` whose state `mask` selects
/// (bit 0: 0, bit 1: 1, bit 2: X, bit 3: Z).
pub fn count_bits(v: &[u64], w: u32, mask: u32) -> u32 {
    let n = limbs(w);
    let mut total = 0;
    for i in 0..n {
        let valid = if i == n - 1 && !w.is_multiple_of(64) { (1u64 << (w % 64)) - 1 } else { u64::MAX };
        let (a, b) = (v[i], v[n + i]);
        let planes = [!a & !b, a & !b, a & b, !a & b];
        for (k, plane) in planes.iter().enumerate() {
            if mask & (1 << k) != 0 {
                total += (plane & valid).count_ones();
            }
        }
    }
    total
}

/// `rt_countbits(a, w, mask) -> i32`.
#[no_mangle]
pub extern "C" fn rt_countbits(a: u32, w: u32, mask: i32) -> i32 {
    count_bits(mem::value(a, w), w, mask as u32) as i32
}

#[cfg(test)]
mod tests {
    use super::count_bits;

    #[test]
    fn each_state_is_counted_on_its_own() {
        // 4 bits: 1, 0, x, z (msb first): aval 1010, bval 0011.
        let v = [0b1010u64, 0b0011];
        assert_eq!(count_bits(&v, 4, 0b0001), 1);
        assert_eq!(count_bits(&v, 4, 0b0010), 1);
        assert_eq!(count_bits(&v, 4, 0b0100), 1);
        assert_eq!(count_bits(&v, 4, 0b1000), 1);
        assert_eq!(count_bits(&v, 4, 0b0011), 2);
        // Bits above the width do not count as zeros.
        assert_eq!(count_bits(&[0, 0], 3, 1), 3);
        assert_eq!(count_bits(&[0x7000_8421, 0], 32, 2), 7);
    }
}
