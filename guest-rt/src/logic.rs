//! 4-state logic on limb slices: the one implementation of Verilog value
//! semantics, used by guest-rt at run time (through the `rt_*` exports) and by
//! elaboration for constant folding.
//!
//! A value of width `w` is a slice of `2 * limbs(w)` u64 words: the aval
//! limbs, then the bval limbs, least significant first; bits above `w` are
//! zero in both planes. Encoding per bit (aval, bval): 0=(0,0) 1=(1,0)
//! z=(0,1) x=(1,1). Op codes are those of `wsim_abi::op`.
//!
//! API (implemented by the guest-rt work; signatures are a contract):
//! ```text
//! pub fn limbs(w: u32) -> usize
//! pub fn arith(op: i32, dst: &mut [u64], a: &[u64], b: &[u64], w: u32, signed: bool)
//! pub fn pow(dst: &mut [u64], a: &[u64], w: u32, a_signed: bool, b: &[u64], bw: u32, b_signed: bool)
//! pub fn unary(op: i32, dst: &mut [u64], a: &[u64], w: u32)
//! pub fn reduce(op: i32, dst: &mut [u64], a: &[u64], w: u32)          // dst: 1-bit value
//! pub fn compare(op: i32, dst: &mut [u64], a: &[u64], b: &[u64], w: u32, signed: bool) // dst: 1 bit
//! pub fn shift(op: i32, dst: &mut [u64], a: &[u64], w: u32, amt: &[u64], amt_w: u32)
//! pub fn truth(a: &[u64], w: u32) -> i32                               // 0 false, 1 true, 2 unknown
//! pub fn cond_merge(dst: &mut [u64], a: &[u64], b: &[u64], w: u32)
//! pub fn get_bits(dst: &mut [u64], dw: u32, src: &[u64], sw: u32, off: i64, src_2state: bool)
//! pub fn set_bits(dst: &mut [u64], dw: u32, off: i64, src: &[u64], sw: u32) -> bool
//! pub fn resize(dst: &mut [u64], dw: u32, src: &[u64], sw: u32, sign_extend: bool)
//! pub fn to_2state(v: &mut [u64], w: u32)
//! pub fn is_known(a: &[u64], w: u32) -> bool
//! pub fn to_i64(a: &[u64], w: u32, signed: bool) -> i64
//! pub fn from_i64(dst: &mut [u64], w: u32, v: i64)
//! pub fn to_real(a: &[u64], w: u32, signed: bool) -> f64
//! pub fn from_real(dst: &mut [u64], w: u32, r: f64)
//! pub fn case_match(kind: i32, a: &[u64], b: &[u64], w: u32) -> bool
//! pub fn bitfunc(op: i32, dst: &mut [u64], a: &[u64], w: u32)
//! ```
