//! Real `**` and the real math system functions (IEEE 1364-2005 17.11,
//! `$ln` ... `$hypot`, and SystemVerilog's `$asinh`/`$acosh`/`$atanh`),
//! with C libm semantics as vvp gets them from the host's libm: NaN and
//! infinities propagate, domain errors give NaN.

use wsim_abi::real_op;

/// The `real_op` operation `op` of `a` (and `b` for the two-argument
/// `**`/`$pow`, `$atan2`, `$hypot`); an unknown op gives NaN.
pub fn real_math(op: i32, a: f64, b: f64) -> f64 {
    match op {
        real_op::POW => libm::pow(a, b),
        real_op::LN => libm::log(a),
        real_op::LOG10 => libm::log10(a),
        real_op::EXP => libm::exp(a),
        real_op::SIN => libm::sin(a),
        real_op::COS => libm::cos(a),
        real_op::TAN => libm::tan(a),
        real_op::ASIN => libm::asin(a),
        real_op::ACOS => libm::acos(a),
        real_op::ATAN => libm::atan(a),
        real_op::ATAN2 => libm::atan2(a, b),
        real_op::HYPOT => libm::hypot(a, b),
        real_op::SINH => libm::sinh(a),
        real_op::COSH => libm::cosh(a),
        real_op::TANH => libm::tanh(a),
        real_op::ASINH => libm::asinh(a),
        real_op::ACOSH => libm::acosh(a),
        real_op::ATANH => libm::atanh(a),
        _ => f64::NAN,
    }
}

/// `rt_real_math(op, a, b) -> f64` (docs/guest-rt-abi.md).
#[no_mangle]
pub extern "C" fn rt_real_math(op: i32, a: f64, b: f64) -> f64 {
    real_math(op, a, b)
}
