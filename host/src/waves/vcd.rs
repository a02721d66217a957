//! The VCD writer (IEEE 1364-2005 18.2): header, value changes, sections.
//!
//! Output goes to an own byte buffer that is written to the file when it
//! grows past [`FLUSH_AT`], so a value change costs a few pushes and no
//! system call; the buffer also gives the exact byte count `$dumplimit`
//! needs. Values follow Icarus: `0!` for scalars, `b10 "` for vectors with
//! leading zeros trimmed (x and z are only trimmed where the reader extends
//! them back), `r1.5 '` for reals.

use super::{Entry, HeaderItem};
use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

/// Buffered bytes that trigger a write to the file.
const FLUSH_AT: usize = 1 << 20;

/// Characters of a bit, indexed by `aval | bval << 1`.
const BIT_CHARS: &[u8; 4] = b"01zx";

pub(crate) struct VcdWriter {
    file: File,
    buf: Vec<u8>,
    /// Bytes already written to the file.
    written: u64,
    /// Identifier code of each entry: (start, len) in `codes`.
    code_of: Vec<(u32, u32)>,
    codes: Vec<u8>,
    /// Reused for one value's characters.
    scratch: Vec<u8>,
    last_time: Option<u64>,
}

impl VcdWriter {
    pub fn create(path: &Path) -> io::Result<VcdWriter> {
        Ok(VcdWriter {
            file: File::create(path)?,
            buf: Vec::with_capacity(FLUSH_AT + 4096),
            written: 0,
            code_of: vec![],
            codes: vec![],
            scratch: Vec::new(),
            last_time: None,
        })
    }

    /// Everything up to `$enddefinitions`. Identifier codes are given in
    /// order of first appearance; variables sharing an entry share a code.
    pub fn header(&mut self, precision: i8, items: &[HeaderItem], entries: usize) -> io::Result<()> {
        self.code_of = vec![(0, 0); entries];
        let mut next_code = 0u64;
        let out = &mut self.buf;
        writeln!(out, "$version\n\twsim {}\n$end", env!("CARGO_PKG_VERSION"))?;
        writeln!(out, "$timescale\n\t{}\n$end", timescale(precision))?;
        for item in items {
            match item {
                HeaderItem::Scope { name, kind } => writeln!(out, "$scope {} {name} $end", vcd_scope_kind(kind))?,
                HeaderItem::Upscope => writeln!(out, "$upscope $end")?,
                HeaderItem::Var { name, var_type, width, msb, lsb, real, entry } => {
                    if self.code_of[*entry].1 == 0 {
                        let start = self.codes.len() as u32;
                        push_code(&mut self.codes, next_code);
                        next_code += 1;
                        self.code_of[*entry] = (start, self.codes.len() as u32 - start);
                    }
                    let (s, l) = self.code_of[*entry];
                    let code = std::str::from_utf8(&self.codes[s as usize..(s + l) as usize]).unwrap_or("!");
                    let size = if *real { 64 } else { *width };
                    write!(out, "$var {var_type} {size} {code} {name}")?;
                    // Icarus gives no range to a plain scalar (`reg s`).
                    let plain_scalar = *width == 1 && *msb == 0 && *lsb == 0;
                    if !(*real || plain_scalar) {
                        write!(out, " [{msb}:{lsb}]")?;
                    }
                    writeln!(out, " $end")?;
                }
            }
        }
        writeln!(out, "$enddefinitions $end")?;
        self.spill()
    }

    /// `#t`, once per time.
    pub fn time(&mut self, t: u64) -> io::Result<()> {
        if self.last_time != Some(t) {
            self.last_time = Some(t);
            writeln!(self.buf, "#{t}")?;
        }
        Ok(())
    }

    /// A line of its own (`$dumpvars`, `$end`, a `$comment`).
    pub fn keyword(&mut self, text: &str) -> io::Result<()> {
        self.buf.extend_from_slice(text.as_bytes());
        self.buf.push(b'\n');
        Ok(())
    }

    /// The value of `entry`, `bytes` being its arena bytes.
    pub fn value(&mut self, entry: &Entry, bytes: &[u8]) -> io::Result<()> {
        if entry.real {
            let v = f64::from_le_bytes(bytes[..8].try_into().unwrap_or([0; 8]));
            self.buf.push(b'r');
            write_real(&mut self.buf, v)?;
            self.buf.push(b' ');
        } else {
            if entry.width == 1 {
                let (a, b) = (bytes[0] & 1, bytes[8] & 1);
                self.buf.push(BIT_CHARS[(a | (b << 1)) as usize]);
            } else {
                self.buf.push(b'b');
                if !two_state_chars(&mut self.buf, bytes, entry.width) {
                    self.scratch.clear();
                    bit_chars(&mut self.scratch, bytes, entry.width);
                    self.buf.extend_from_slice(trim_vector(&self.scratch));
                }
                self.buf.push(b' ');
            }
        }
        self.push_code(entry.index);
        self.maybe_spill()
    }

    /// The value x (NaN for reals), for `$dumpoff`.
    pub fn value_x(&mut self, entry: &Entry) -> io::Result<()> {
        let text: &[u8] = match (entry.real, entry.width) {
            (true, _) => b"rNaN ",
            (false, 1) => b"x",
            _ => b"bx ",
        };
        self.buf.extend_from_slice(text);
        self.push_code(entry.index);
        self.maybe_spill()
    }

    fn push_code(&mut self, entry: usize) {
        let (s, l) = self.code_of[entry];
        self.buf.extend_from_slice(&self.codes[s as usize..(s + l) as usize]);
        self.buf.push(b'\n');
    }

    fn maybe_spill(&mut self) -> io::Result<()> {
        if self.buf.len() >= FLUSH_AT {
            self.spill()?;
        }
        Ok(())
    }

    fn spill(&mut self) -> io::Result<()> {
        self.file.write_all(&self.buf)?;
        self.written += self.buf.len() as u64;
        self.buf.clear();
        Ok(())
    }

    /// Write everything buffered and flush the file.
    pub fn flush(&mut self) -> io::Result<()> {
        self.spill()?;
        self.file.flush()
    }

    /// Bytes of the file so far, buffered ones included.
    pub fn bytes(&self) -> u64 {
        self.written + self.buf.len() as u64
    }
}

/// `1ps`, `10ns`, `100s`... for a precision in powers of ten of seconds
/// (clamped to the range VCD can say: 1 fs to 100 s).
pub(crate) fn timescale(precision: i8) -> String {
    let p = i32::from(precision).clamp(-15, 2);
    let unit_exp = p.div_euclid(3) * 3;
    let mult = 10u32.pow((p - unit_exp) as u32);
    let unit = ["s", "ms", "us", "ns", "ps", "fs"][(-unit_exp / 3) as usize];
    format!("{mult}{unit}")
}

/// VCD knows module, task, function, begin and fork; a generate block is a
/// `begin` there (as in Icarus), a package a `module`.
fn vcd_scope_kind(kind: &str) -> &'static str {
    match kind {
        "task" => "task",
        "function" => "function",
        "begin" | "generate" => "begin",
        "fork" => "fork",
        _ => "module",
    }
}

/// Identifier code `n`: base-94 over the printable characters `!`..`~`.
fn push_code(out: &mut Vec<u8>, mut n: u64) {
    loop {
        out.push(b'!' + (n % 94) as u8);
        n /= 94;
        if n == 0 {
            break;
        }
        n -= 1;
    }
}

/// The characters of a `width`-bit value, MSB first (aval limbs, then bval
/// limbs, little-endian u64 each). A limb without X/Z bits goes a byte at
/// a time (dumping every change of a design spends much of its time here).
pub(crate) fn bit_chars(out: &mut Vec<u8>, bytes: &[u8], width: u32) {
    let limbs = width.div_ceil(64) as usize;
    let start = out.len();
    out.resize(start + width as usize, b'0');
    let dst = &mut out[start..];
    let mut pos = 0;
    for l in (0..limbs).rev() {
        let (a, b) = (limb(bytes, l), limb(bytes, limbs + l));
        let top = if l == limbs - 1 { (width - 1) % 64 } else { 63 };
        let n = top as usize + 1;
        if b == 0 {
            known_chars(&mut dst[pos..pos + n], a);
            pos += n;
            continue;
        }
        for bit in (0..=top).rev() {
            dst[pos] = BIT_CHARS[(((a >> bit) & 1) | (((b >> bit) & 1) << 1)) as usize];
            pos += 1;
        }
    }
}

/// `BYTE_CHARS[v]`: the characters of byte `v`, MSB first.
const BYTE_CHARS: [[u8; 8]; 256] = byte_chars();

const fn byte_chars() -> [[u8; 8]; 256] {
    let mut table = [[b'0'; 8]; 256];
    let mut v = 0;
    while v < 256 {
        let mut k = 0;
        while k < 8 {
            if (v >> (7 - k)) & 1 == 1 {
                table[v][k] = b'1';
            }
            k += 1;
        }
        v += 1;
    }
    table
}

/// The characters of the low `dst.len()` (<= 64) bits of a limb without
/// X/Z bits, MSB first.
fn known_chars(dst: &mut [u8], a: u64) {
    let n = dst.len();
    let head = n % 8;
    for (k, bit) in (n - head..n).rev().enumerate() {
        dst[k] = b'0' + ((a >> bit) & 1) as u8;
    }
    for (k, chunk) in dst[head..].chunks_exact_mut(8).enumerate() {
        let byte = (n - head) / 8 - 1 - k;
        chunk.copy_from_slice(&BYTE_CHARS[((a >> (8 * byte)) & 0xff) as usize]);
    }
}

/// Limb `i` of a value (0 past the end: never read out of bounds).
fn limb(bytes: &[u8], i: usize) -> u64 {
    bytes.get(i * 8..i * 8 + 8).map_or(0, |b| u64::from_le_bytes(b.try_into().unwrap_or([0; 8])))
}

/// The characters of a two-state value (bval all zero) without leading
/// zeros, as VCD wants them; false (nothing written) for a 4-state value.
fn two_state_chars(out: &mut Vec<u8>, bytes: &[u8], width: u32) -> bool {
    let limbs = width.div_ceil(64) as usize;
    if (limbs..2 * limbs).any(|l| limb(bytes, l) != 0) {
        return false;
    }
    let Some(top_limb) = (0..limbs).rev().find(|&l| limb(bytes, l) != 0) else {
        out.push(b'0');
        return true;
    };
    let a = limb(bytes, top_limb);
    let top_bits = (64 - a.leading_zeros()) as usize;
    let start = out.len();
    out.resize(start + top_bits + 64 * top_limb, b'0');
    known_chars(&mut out[start..start + top_bits], a);
    for (k, l) in (0..top_limb).rev().enumerate() {
        let at = start + top_bits + 64 * k;
        known_chars(&mut out[at..at + 64], limb(bytes, l));
    }
    true
}

/// Drop leading characters a reader adds back (IEEE 1364-2005 18.2.3.8: a
/// value is left-extended with 0 after a leading 0 or 1, with x after x, z
/// after z).
fn trim_vector(chars: &[u8]) -> &[u8] {
    let mut s = chars;
    while s.len() > 1 && s[0] == s[1] && s[0] != b'1' {
        s = &s[1..];
    }
    if s.len() > 1 && s[0] == b'0' && s[1] == b'1' {
        s = &s[1..];
    }
    s
}

/// A real as VCD readers parse it (`%.16g`-like; NaN as Icarus writes it).
fn write_real(out: &mut Vec<u8>, v: f64) -> io::Result<()> {
    if v.is_nan() {
        out.extend_from_slice(b"NaN");
    } else if v.is_infinite() {
        out.extend_from_slice(if v > 0.0 { b"Inf" } else { b"-Inf" });
    } else if v != 0.0 && (v.abs() >= 1e16 || v.abs() < 1e-4) {
        write!(out, "{v:e}")?;
    } else {
        write!(out, "{v}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One character per bit, MSB first: what the byte-at-a-time code must
    /// produce.
    fn chars_bit_by_bit(bytes: &[u8], width: u32) -> String {
        let limbs = width.div_ceil(64) as usize;
        (0..width)
            .rev()
            .map(|i| {
                let (l, bit) = ((i / 64) as usize, i % 64);
                let (a, b) = ((limb(bytes, l) >> bit) & 1, (limb(bytes, limbs + l) >> bit) & 1);
                BIT_CHARS[(a | (b << 1)) as usize] as char
            })
            .collect()
    }

    #[test]
    fn value_characters_match_the_bit_by_bit_reference() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for width in [1u32, 5, 8, 9, 31, 32, 33, 63, 64, 65, 100, 128, 130] {
            let limbs = width.div_ceil(64) as usize;
            for round in 0..50 {
                let mask = |l: usize| if l + 1 == limbs && width % 64 != 0 { (1u64 << (width % 64)) - 1 } else { !0 };
                let mut bytes = vec![];
                for l in 0..limbs {
                    bytes.extend_from_slice(&(next() & mask(l)).to_le_bytes());
                }
                for l in 0..limbs {
                    // half the rounds two-state, the rest with a few X/Z bits
                    let b = if round % 2 == 0 { 0 } else { next() & next() & mask(l) };
                    bytes.extend_from_slice(&b.to_le_bytes());
                }
                let want = chars_bit_by_bit(&bytes, width);
                let mut out = b"prefix".to_vec();
                bit_chars(&mut out, &bytes, width);
                assert_eq!(String::from_utf8(out[6..].to_vec()).unwrap(), want, "width {width}");
                let mut short = vec![];
                if two_state_chars(&mut short, &bytes, width) {
                    let trimmed = want.trim_start_matches('0');
                    let trimmed = if trimmed.is_empty() { "0" } else { trimmed };
                    assert_eq!(String::from_utf8(short).unwrap(), trimmed, "width {width}");
                }
            }
        }
    }

    #[test]
    fn trimming_keeps_what_the_reader_cannot_extend_back() {
        let t = |s: &str| String::from_utf8(trim_vector(s.as_bytes()).to_vec()).unwrap();
        assert_eq!(t("0010"), "10");
        assert_eq!(t("0000"), "0");
        assert_eq!(t("xxxx"), "x");
        assert_eq!(t("x01z"), "x01z");
        assert_eq!(t("00x1"), "0x1");
        assert_eq!(t("zz01"), "z01");
        assert_eq!(t("1000"), "1000");
    }

    #[test]
    fn codes_are_base_94() {
        let code = |n| {
            let mut v = vec![];
            push_code(&mut v, n);
            String::from_utf8(v).unwrap()
        };
        assert_eq!(code(0), "!");
        assert_eq!(code(93), "~");
        assert_eq!(code(94), "!!");
        assert_eq!(code(95), "\"!");
        assert_ne!(code(94 + 94 * 94), code(94));
    }

    #[test]
    fn timescales() {
        assert_eq!(timescale(-12), "1ps");
        assert_eq!(timescale(-11), "10ps");
        assert_eq!(timescale(-7), "100ns");
        assert_eq!(timescale(0), "1s");
        assert_eq!(timescale(2), "100s");
        assert_eq!(timescale(-20), "1fs");
    }

    #[test]
    fn bits_of_a_four_state_value() {
        // x01z, msb first: x=(1,1) 0=(0,0) 1=(1,0) z=(0,1), so
        // aval = 0b1010 and bval = 0b1001.
        let mut bytes = vec![0u8; 16];
        bytes[0] = 0b1010;
        bytes[8] = 0b1001;
        let mut out = vec![];
        bit_chars(&mut out, &bytes, 4);
        assert_eq!(out, b"x01z");
    }

    #[test]
    fn two_state_values_lose_their_leading_zeros() {
        let text = |width: u32, aval: &[u64]| {
            let mut bytes: Vec<u8> = aval.iter().flat_map(|v| v.to_le_bytes()).collect();
            bytes.resize(bytes.len() * 2, 0);
            let mut out = vec![];
            assert!(two_state_chars(&mut out, &bytes, width));
            String::from_utf8(out).unwrap()
        };
        assert_eq!(text(4, &[0b0010]), "10");
        assert_eq!(text(8, &[0]), "0");
        assert_eq!(text(130, &[1, 0, 0b10]), format!("10{}1", "0".repeat(127)));
        assert_eq!(text(70, &[u64::MAX, 0]), "1".repeat(64));
    }

    #[test]
    fn reals() {
        let r = |v: f64| {
            let mut o = vec![];
            write_real(&mut o, v).unwrap();
            String::from_utf8(o).unwrap()
        };
        assert_eq!(r(1.5), "1.5");
        assert_eq!(r(-2.0), "-2");
        assert_eq!(r(1e300), "1e300");
        assert_eq!(r(f64::NAN), "NaN");
    }
}
