//! Time units as powers of ten of seconds: the one parser for `` `timescale ``
//! arguments, `timeunit`, time literals and the command line's
//! `--timescale` / `--max-time`.

use crate::ast::Timescale;

/// `1ns/1ps`, `10 us / 100 ns`: unit and precision as powers of ten.
pub fn parse_timescale(text: &str) -> Option<Timescale> {
    let (unit, precision) = text.split_once('/')?;
    Some(Timescale { unit: parse_time_unit(unit)?, precision: parse_time_unit(precision)? })
}

/// `1ns` -> -9, `100 ps` -> -10, `1s` -> 0 (magnitude 1, 10 or 100 only).
pub fn parse_time_unit(text: &str) -> Option<i8> {
    let text = text.trim();
    let digits_end = text.find(|c: char| !c.is_ascii_digit())?;
    let (num, unit) = text.split_at(digits_end);
    let magnitude = match num {
        "1" => 0,
        "10" => 1,
        "100" => 2,
        _ => return None,
    };
    Some(magnitude + time_unit_exponent(unit.trim())?)
}

/// `s` -> 0, `ms` -> -3, ... `fs` -> -15.
pub fn time_unit_exponent(unit: &str) -> Option<i8> {
    Some(match unit {
        "s" => 0,
        "ms" => -3,
        "us" => -6,
        "ns" => -9,
        "ps" => -12,
        "fs" => -15,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_and_timescales() {
        assert_eq!(parse_time_unit("10ns"), Some(-8));
        assert_eq!(parse_time_unit(" 100 ps "), Some(-10));
        assert_eq!(parse_time_unit("2ns"), None);
        assert_eq!(parse_time_unit("1 0ns"), None);
        assert_eq!(parse_timescale("1 ns / 1 ps"), Some(Timescale { unit: -9, precision: -12 }));
        assert_eq!(parse_timescale("1ns"), None);
    }
}
