//! Dynamic arrays, queues and associative arrays (IEEE 1800-2017 7.5, 7.8,
//! 7.9, 7.10, 7.12): the `rt_dyn_*` exports behind the `$dyn_*` system
//! functions (see `wsim_ir::ContainerType`).
//!
//! A container variable holds a 64-bit handle stored like a 64-bit
//! two-state value: 0 is the empty container, otherwise the low 32 bits
//! address a [`HDR_BYTES`]-byte header in the guest heap:
//!
//! | offset | field |
//! |---|---|
//! | 0 | `len`: elements in use |
//! | 4 | `cap`: elements the storage blocks hold |
//! | 8 | `data`: element block (`cap * stride` bytes) |
//! | 12 | `stride`: bytes per element (arena value layout of the element) |
//! | 16 | `keys`: key block of an associative array (`cap * kstride`), else 0 |
//! | 20 | `kstride`: bytes per key |
//! | 24 | `key_kind`: [`KIND_UNSIGNED`], [`KIND_SIGNED`] or [`KIND_STRING`] |
//! | 28 | `key_width`: bits of an integral key |
//! | 32 | `dflt`: an associative array's value for missing keys (7.9.11), or 0 |
//! | 36 | `version`: bumped whenever a handle to the block is stored |
//!
//! Elaboration gives every block one owner (whole-container assignments
//! copy), so the operations change blocks in place; a header, once made,
//! stays the variable's for good (pops and deletes keep the handle). The
//! storage blocks grow by doubling and are given back to the heap when
//! they grow; headers of containers that are overwritten are not reclaimed.
//! Associative arrays keep their keys sorted: lookups are binary searches,
//! inserts move the tail.
//!
//! A stored handle carries the header's `version` in its high 32 bits, so
//! an operation that changes a block in place still stores a different
//! value: `@(q)`, `always_comb` and continuous assignments that read the
//! container wake up (a pop inside an expression changes no variable and
//! wakes nothing).
//!
//! Every export takes addresses: `h` of a handle value, `dst` of the result
//! value, element and key values in the arena value layout.

use crate::heap;
use crate::logic;
use crate::mem::{copy, rd32, rd64, value, wr32, wr64};
use core::cmp::Ordering;

/// Bytes of a container header.
pub const HDR_BYTES: u32 = 40;
/// Element or key kinds for comparisons.
pub const KIND_UNSIGNED: i32 = 0;
pub const KIND_SIGNED: i32 = 1;
pub const KIND_STRING: i32 = 2;

const LEN: u32 = 0;
const CAP: u32 = 4;
const DATA: u32 = 8;
const STRIDE: u32 = 12;
const KEYS: u32 = 16;
const KSTRIDE: u32 = 20;
const KKIND: u32 = 24;
const KWIDTH: u32 = 28;
const DFLT: u32 = 32;
const VERSION: u32 = 36;

// ---------------------------------------------------------------- headers

/// The header a handle value at `h` points to (0: empty, never allocated).
fn hdr(h: u32) -> u32 {
    rd64(h) as u32
}

fn len(hd: u32) -> u32 {
    if hd == 0 {
        0
    } else {
        rd32(hd + LEN)
    }
}

fn set_len(hd: u32, n: u32) {
    wr32(hd + LEN, n)
}

fn stride(hd: u32) -> u32 {
    rd32(hd + STRIDE)
}

fn elem(hd: u32, i: u32) -> u32 {
    rd32(hd + DATA) + i * stride(hd)
}

fn key(hd: u32, i: u32) -> u32 {
    rd32(hd + KEYS) + i * rd32(hd + KSTRIDE)
}

fn store_handle(dst: u32, hd: u32) {
    let mut h = hd as u64;
    if hd != 0 {
        let v = rd32(hd + VERSION).wrapping_add(1);
        wr32(hd + VERSION, v);
        h |= (v as u64) << 32;
    }
    wr64(dst, h);
    wr64(dst + 8, 0);
}

/// A new empty header; `kstride` 0 for a container without keys.
fn new_hdr(stride: u32, kstride: u32, key_kind: i32, key_width: u32) -> u32 {
    let hd = heap::alloc(HDR_BYTES);
    wr32(hd + STRIDE, stride);
    wr32(hd + KSTRIDE, kstride);
    wr32(hd + KKIND, key_kind as u32);
    wr32(hd + KWIDTH, key_width);
    hd
}

/// The header of `h`, made (empty) when the handle is 0.
fn hdr_or_new(h: u32, stride: u32) -> u32 {
    match hdr(h) {
        0 => new_hdr(stride, 0, 0, 0),
        hd => hd,
    }
}

/// Grow the storage so it holds at least `n` elements.
fn reserve(hd: u32, n: u32) {
    let cap = rd32(hd + CAP);
    if n <= cap {
        return;
    }
    let new_cap = n.max(cap.saturating_mul(2)).max(4);
    let s = stride(hd);
    let used = len(hd);
    let data = heap::alloc(new_cap * s);
    copy(data, rd32(hd + DATA), used * s);
    heap::free(rd32(hd + DATA), cap * s);
    wr32(hd + DATA, data);
    let ks = rd32(hd + KSTRIDE);
    if ks != 0 {
        let keys = heap::alloc(new_cap * ks);
        copy(keys, rd32(hd + KEYS), used * ks);
        heap::free(rd32(hd + KEYS), cap * ks);
        wr32(hd + KEYS, keys);
    }
    wr32(hd + CAP, new_cap);
}

/// Open a gap of one element (and key) at `i`, moving the tail up.
fn open_gap(hd: u32, i: u32) {
    let n = len(hd);
    reserve(hd, n + 1);
    let s = stride(hd);
    copy(elem(hd, i + 1), elem(hd, i), (n - i) * s);
    let ks = rd32(hd + KSTRIDE);
    if ks != 0 {
        copy(key(hd, i + 1), key(hd, i), (n - i) * ks);
    }
    set_len(hd, n + 1);
}

/// Remove element (and key) `i`, moving the tail down.
fn close_gap(hd: u32, i: u32) {
    let n = len(hd);
    let s = stride(hd);
    copy(elem(hd, i), elem(hd, i + 1), (n - i - 1) * s);
    let ks = rd32(hd + KSTRIDE);
    if ks != 0 {
        copy(key(hd, i), key(hd, i + 1), (n - i - 1) * ks);
    }
    set_len(hd, n - 1);
}

/// A run-time warning at a call site.
fn warn(site: i32, msg: &str) {
    let frame = crate::sched::s().last_run;
    crate::host::diag(wsim_abi::severity::WARNING, "W0508", site, frame, msg);
}

/// An index as a position in `0..n`, if it is one.
fn position(i: i64, n: u32) -> Option<u32> {
    (i >= 0 && i < n as i64).then_some(i as u32)
}

// ---------------------------------------------------------------- comparisons

/// Compare two values of `width` bits of a kind (strings by text).
fn compare(a: u32, b: u32, kind: i32, width: u32) -> Ordering {
    if kind == KIND_STRING {
        return crate::strings::rt_str_compare(a, b, 0).cmp(&0);
    }
    let n = logic::limbs(width);
    let (x, y) = (&value(a, width)[..n], &value(b, width)[..n]);
    if kind == KIND_SIGNED {
        let top = (width - 1) as usize;
        let sign = |v: &[u64]| v[top / 64] >> (top % 64) & 1;
        match (sign(x), sign(y)) {
            (1, 0) => return Ordering::Less,
            (0, 1) => return Ordering::Greater,
            _ => {}
        }
    }
    for k in (0..n).rev() {
        match x[k].cmp(&y[k]) {
            Ordering::Equal => {}
            o => return o,
        }
    }
    Ordering::Equal
}

/// Binary search for a key: `Ok(i)` found, `Err(i)` where it would go.
fn find_key(hd: u32, k: u32) -> Result<u32, u32> {
    let kind = rd32(hd + KKIND) as i32;
    let width = rd32(hd + KWIDTH);
    let (mut lo, mut hi) = (0u32, len(hd));
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match compare(key(hd, mid), k, kind, width) {
            Ordering::Less => lo = mid + 1,
            Ordering::Greater => hi = mid,
            Ordering::Equal => return Ok(mid),
        }
    }
    Err(lo)
}

/// An integral key with X/Z bits names no entry (7.8.6 for 4-state keys).
fn key_valid(hd_kind: i32, k: u32, width: u32) -> bool {
    hd_kind == KIND_STRING || logic::is_known(value(k, width), width)
}

// ---------------------------------------------------------------- basics

/// `rt_dyn_size(h) -> i32`
#[no_mangle]
pub extern "C" fn rt_dyn_size(h: u32) -> i32 {
    len(hdr(h)) as i32
}

/// `rt_dyn_new(dst, n, stride, dflt, src, has_src)`: `new[n]` / `new[n](src)`.
#[no_mangle]
pub extern "C" fn rt_dyn_new(dst: u32, n: i32, stride: u32, dflt: u32, src: u32, has_src: i32) {
    let n = n.max(0) as u32;
    if n == 0 {
        return store_handle(dst, 0);
    }
    let hd = new_hdr(stride, 0, 0, 0);
    reserve(hd, n);
    let from = if has_src != 0 { hdr(src) } else { 0 };
    let keep = len(from).min(n);
    copy(rd32(hd + DATA), if from != 0 { rd32(from + DATA) } else { 0 }, keep * stride);
    for i in keep..n {
        copy(elem(hd, i), dflt, stride);
    }
    set_len(hd, n);
    store_handle(dst, hd);
}

/// `rt_dyn_copy(dst, h, stride, limit)`: a fresh copy of at most `limit`
/// elements (`limit < 0`: all), keys included.
#[no_mangle]
pub extern "C" fn rt_dyn_copy(dst: u32, h: u32, stride: u32, limit: i32) {
    let from = hdr(h);
    let mut n = len(from);
    if limit >= 0 {
        n = n.min(limit as u32);
    }
    if from == 0 {
        return store_handle(dst, 0);
    }
    let ks = rd32(from + KSTRIDE);
    let hd = new_hdr(stride, ks, rd32(from + KKIND) as i32, rd32(from + KWIDTH));
    reserve(hd, n);
    copy(rd32(hd + DATA), rd32(from + DATA), n * stride);
    if ks != 0 {
        copy(rd32(hd + KEYS), rd32(from + KEYS), n * ks);
    }
    if rd32(from + DFLT) != 0 {
        let d = heap::alloc(stride);
        copy(d, rd32(from + DFLT), stride);
        wr32(hd + DFLT, d);
    }
    set_len(hd, n);
    store_handle(dst, hd);
}

/// `rt_dyn_append(dst, v, stride)`: append one element to the container at
/// `dst` (building `{a, b, q}` and locator results).
#[no_mangle]
pub extern "C" fn rt_dyn_append(dst: u32, v: u32, stride: u32) {
    let hd = hdr_or_new(dst, stride);
    let n = len(hd);
    reserve(hd, n + 1);
    copy(elem(hd, n), v, stride);
    set_len(hd, n + 1);
    store_handle(dst, hd);
}

/// `rt_dyn_append_all(dst, h, stride)`: append every element of `h`.
#[no_mangle]
pub extern "C" fn rt_dyn_append_all(dst: u32, h: u32, stride: u32) {
    let from = hdr(h);
    for i in 0..len(from) {
        rt_dyn_append(dst, elem(from, i), stride);
    }
}

/// `rt_dyn_get(dst, h, i, dflt)`: element `i` (dynamic array or queue), or
/// the default when out of range (`i64::MIN` stands for an X/Z index).
#[no_mangle]
pub extern "C" fn rt_dyn_get(dst: u32, h: u32, i: i64, dflt: u32, stride: u32) {
    let hd = hdr(h);
    match position(i, len(hd)) {
        Some(p) => copy(dst, elem(hd, p), stride),
        None => copy(dst, dflt, stride),
    }
}

/// `rt_dyn_set(dst, h, i, v, stride, is_queue)`: write element `i`; a
/// queue also takes `i == size` (append). Other indices change nothing.
#[no_mangle]
pub extern "C" fn rt_dyn_set(dst: u32, h: u32, i: i64, v: u32, stride: u32, is_queue: i32) {
    let hd = hdr(h);
    let n = len(hd);
    if let Some(p) = position(i, n) {
        copy(elem(hd, p), v, stride);
    } else if is_queue != 0 && i == n as i64 {
        copy(dst, h, 16);
        return rt_dyn_append(dst, v, stride);
    }
    store_handle(dst, hd);
}

/// `rt_dyn_clear(dst, h)`: `delete()`.
#[no_mangle]
pub extern "C" fn rt_dyn_clear(dst: u32, h: u32) {
    let hd = hdr(h);
    if hd != 0 {
        set_len(hd, 0);
    }
    store_handle(dst, hd);
}

/// `rt_dyn_delete(dst, h, i, site)`: a queue's `delete(i)` (7.10.2.3).
#[no_mangle]
pub extern "C" fn rt_dyn_delete(dst: u32, h: u32, i: i64, site: i32) {
    let hd = hdr(h);
    match position(i, len(hd)) {
        Some(p) => close_gap(hd, p),
        None => warn(site, "delete(index): the index is outside the queue; nothing deleted"),
    }
    store_handle(dst, hd);
}

/// `rt_dyn_insert(dst, h, i, v, stride, bound, site)`: insert before
/// position `i` (`0..=size`); a bounded queue (`bound >= 0`: at most
/// `bound + 1` elements) then drops its last element with a warning.
#[no_mangle]
pub extern "C" fn rt_dyn_insert(dst: u32, h: u32, i: i64, v: u32, stride: u32, bound: i32, site: i32) {
    let hd = hdr_or_new(h, stride);
    let n = len(hd);
    if i < 0 || i > n as i64 {
        warn(site, "insert(index, item): the index is outside the queue; nothing inserted");
        return store_handle(dst, hdr(h));
    }
    open_gap(hd, i as u32);
    copy(elem(hd, i as u32), v, stride);
    if bound >= 0 && len(hd) > bound as u32 + 1 {
        warn(site, "the bounded queue is full; the element past its bound is dropped");
        set_len(hd, bound as u32 + 1);
    }
    store_handle(dst, hd);
}

/// `rt_dyn_pop(dst, h, front, dflt)`: remove and return the first (front
/// != 0) or last element; an empty queue gives the default.
#[no_mangle]
pub extern "C" fn rt_dyn_pop(dst: u32, h: u32, front: i32, dflt: u32, stride: u32, site: i32) {
    let hd = hdr(h);
    let n = len(hd);
    if n == 0 {
        warn(site, "pop from an empty queue");
        return copy(dst, dflt, stride);
    }
    let p = if front != 0 { 0 } else { n - 1 };
    copy(dst, elem(hd, p), stride);
    close_gap(hd, p);
}

/// `rt_dyn_slice(dst, h, a, b, stride)`: `q[a:b]`, clipped to the queue
/// (7.10.1); empty when `a > b`.
#[no_mangle]
pub extern "C" fn rt_dyn_slice(dst: u32, h: u32, a: i64, b: i64, stride: u32) {
    store_handle(dst, 0);
    let hd = hdr(h);
    let n = len(hd) as i64;
    let (a, b) = (a.max(0), b.min(n - 1));
    let mut i = a;
    while i <= b {
        rt_dyn_append(dst, elem(hd, i as u32), stride);
        i += 1;
    }
}

// ---------------------------------------------------------------- associative arrays

/// `rt_assoc_get(dst, h, k, dflt, stride, site) -> i32`: the entry
/// of key `k`, or the default with a warning (7.9.11). Returns 1 if found.
#[no_mangle]
pub extern "C" fn rt_assoc_get(dst: u32, h: u32, k: u32, dflt: u32, stride: u32, site: i32) -> i32 {
    let hd = hdr(h);
    if hd != 0 && key_valid(rd32(hd + KKIND) as i32, k, rd32(hd + KWIDTH)) {
        if let Ok(p) = find_key(hd, k) {
            copy(dst, elem(hd, p), stride);
            return 1;
        }
    }
    if hd != 0 && rd32(hd + DFLT) != 0 {
        copy(dst, rd32(hd + DFLT), stride);
        return 0;
    }
    warn(site, "read of an associative array entry that does not exist; the default value is returned");
    copy(dst, dflt, stride);
    0
}

/// `rt_assoc_default(dst, h, v, stride, kstride, key_kind, key_width)`: the
/// value missing keys read as (`'{default: v}`, 7.9.11).
#[no_mangle]
pub extern "C" fn rt_assoc_default(dst: u32, h: u32, v: u32, stride: u32, kstride: u32, key_kind: i32, kw: u32) {
    let hd = match hdr(h) {
        0 => new_hdr(stride, kstride, key_kind, kw),
        hd => hd,
    };
    if rd32(hd + DFLT) == 0 {
        wr32(hd + DFLT, heap::alloc(stride));
    }
    copy(rd32(hd + DFLT), v, stride);
    store_handle(dst, hd);
}

/// `rt_assoc_set(dst, h, k, v, stride, kstride, key_kind, key_width)`:
/// write the entry of key `k`, adding it when new. A key with X/Z bits is
/// ignored.
#[no_mangle]
pub extern "C" fn rt_assoc_set(dst: u32, h: u32, k: u32, v: u32, stride: u32, kstride: u32, key_kind: i32, kw: u32) {
    if !key_valid(key_kind, k, kw) {
        return store_handle(dst, hdr(h));
    }
    let hd = match hdr(h) {
        0 => new_hdr(stride, kstride, key_kind, kw),
        hd => hd,
    };
    let p = match find_key(hd, k) {
        Ok(p) => p,
        Err(p) => {
            open_gap(hd, p);
            copy(key(hd, p), k, kstride);
            p
        }
    };
    copy(elem(hd, p), v, stride);
    store_handle(dst, hd);
}

/// `rt_assoc_exists(h, k) -> i32`
#[no_mangle]
pub extern "C" fn rt_assoc_exists(h: u32, k: u32) -> i32 {
    let hd = hdr(h);
    (hd != 0 && key_valid(rd32(hd + KKIND) as i32, k, rd32(hd + KWIDTH)) && find_key(hd, k).is_ok()) as i32
}

/// `rt_assoc_delete(dst, h, k)`: `delete(key)`; a missing key is no error.
#[no_mangle]
pub extern "C" fn rt_assoc_delete(dst: u32, h: u32, k: u32) {
    let hd = hdr(h);
    if hd != 0 && key_valid(rd32(hd + KKIND) as i32, k, rd32(hd + KWIDTH)) {
        if let Ok(p) = find_key(hd, k) {
            close_gap(hd, p);
        }
    }
    store_handle(dst, hd);
}

/// `rt_assoc_step(h, k, op) -> i32`: `first` (op 0), `last` (1), `next`
/// (2), `prev` (3) (7.9.4-7.9.7). `k` holds the key (read by next/prev)
/// and receives the one found; returns 1 when there is one, else 0.
#[no_mangle]
pub extern "C" fn rt_assoc_step(h: u32, k: u32, op: i32) -> i32 {
    let hd = hdr(h);
    let n = len(hd);
    if n == 0 {
        return 0;
    }
    let p = match op {
        0 => Some(0),
        1 => Some(n - 1),
        2 => match find_key(hd, k) {
            Ok(p) => (p + 1 < n).then_some(p + 1),
            Err(p) => (p < n).then_some(p),
        },
        _ => match find_key(hd, k) {
            Ok(p) | Err(p) => p.checked_sub(1),
        },
    };
    match p {
        Some(p) => {
            copy(k, key(hd, p), rd32(hd + KSTRIDE));
            1
        }
        None => 0,
    }
}

/// `rt_assoc_key(dst, h, i)`: the key of entry `i` in key order (foreach).
#[no_mangle]
pub extern "C" fn rt_assoc_key(dst: u32, h: u32, i: i32) {
    let hd = hdr(h);
    if let Some(p) = position(i as i64, len(hd)) {
        copy(dst, key(hd, p), rd32(hd + KSTRIDE));
    }
}

/// `rt_assoc_value(dst, h, i, stride)`: the element of entry `i` in key
/// order (array methods over associative arrays).
#[no_mangle]
pub extern "C" fn rt_assoc_value(dst: u32, h: u32, i: i32, stride: u32) {
    let hd = hdr(h);
    if let Some(p) = position(i as i64, len(hd)) {
        copy(dst, elem(hd, p), stride);
    }
}

// ---------------------------------------------------------------- array methods

/// `rt_dyn_reduce(dst, h, op, width, signed)`: `sum` `product` `and` `or`
/// `xor` (7.12.3) with a `wsim_abi::op` code; an empty array gives 0.
#[no_mangle]
pub extern "C" fn rt_dyn_reduce(dst: u32, h: u32, op: i32, width: u32, signed: i32) {
    let hd = hdr(h);
    let n = 2 * logic::limbs(width);
    let mut acc = alloc::vec![0u64; n];
    let dstv = crate::mem::value_mut(dst, width);
    if len(hd) == 0 {
        dstv.fill(0);
        return;
    }
    acc.copy_from_slice(value(elem(hd, 0), width));
    let mut next = alloc::vec![0u64; n];
    for i in 1..len(hd) {
        logic::arith(op, &mut next, &acc, value(elem(hd, i), width), width, signed != 0);
        acc.copy_from_slice(&next);
    }
    dstv.copy_from_slice(&acc);
}

/// `rt_dyn_minmax(dst, h, max, kind, width)`: a queue holding the smallest
/// (largest) element, or empty (7.12.1).
#[no_mangle]
pub extern "C" fn rt_dyn_minmax(dst: u32, h: u32, max: i32, kind: i32, width: u32) {
    store_handle(dst, 0);
    let hd = hdr(h);
    if len(hd) == 0 {
        return;
    }
    let mut best = 0;
    for i in 1..len(hd) {
        let o = compare(elem(hd, i), elem(hd, best), kind, width);
        if (max != 0 && o == Ordering::Greater) || (max == 0 && o == Ordering::Less) {
            best = i;
        }
    }
    rt_dyn_append(dst, elem(hd, best), stride(hd));
}

/// `rt_dyn_unique(dst, h, index, kind, width)`: the first element of every
/// distinct value (`index == 0`), or its index as an `int` (7.12.1).
#[no_mangle]
pub extern "C" fn rt_dyn_unique(dst: u32, h: u32, index: i32, kind: i32, width: u32) {
    store_handle(dst, 0);
    let hd = hdr(h);
    let mut firsts: alloc::vec::Vec<u32> = alloc::vec::Vec::new();
    for i in 0..len(hd) {
        if firsts.iter().all(|&f| compare(elem(hd, f), elem(hd, i), kind, width) != Ordering::Equal) {
            firsts.push(i);
        }
    }
    for f in firsts {
        if index != 0 {
            let tmp = heap::alloc(16);
            wr64(tmp, f as u64);
            rt_dyn_append(dst, tmp, 16);
            heap::free(tmp, 16);
        } else {
            rt_dyn_append(dst, elem(hd, f), stride(hd));
        }
    }
}

/// `rt_dyn_order(h, op, kind, width)`: `sort` (op 0), `rsort` (1),
/// `reverse` (2), `shuffle` (3) in place (7.12.2); sorting is stable, and
/// shuffling draws from the `$urandom` generator (so a run is repeatable).
#[no_mangle]
pub extern "C" fn rt_dyn_order(h: u32, op: i32, kind: i32, width: u32) {
    let hd = hdr(h);
    let n = len(hd);
    if n < 2 {
        return;
    }
    let s = stride(hd);
    let mut order: alloc::vec::Vec<u32> = (0..n).collect();
    match op {
        0 => order.sort_by(|&a, &b| compare(elem(hd, a), elem(hd, b), kind, width)),
        1 => order.sort_by(|&a, &b| compare(elem(hd, b), elem(hd, a), kind, width)),
        2 => order.reverse(),
        _ => {
            for i in (1..n as usize).rev() {
                let j = crate::random::rt_urandom(0) as u32 as usize % (i + 1);
                order.swap(i, j);
            }
        }
    }
    let tmp = heap::alloc(n * s);
    for (k, &i) in order.iter().enumerate() {
        copy(tmp + k as u32 * s, elem(hd, i), s);
    }
    copy(rd32(hd + DATA), tmp, n * s);
    heap::free(tmp, n * s);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::Machine;

    fn machine() -> Machine {
        Machine::new(1, 0, |_, _| 0)
    }

    /// The 32-bit elements of the queue at `h`.
    fn ints(h: u32) -> std::vec::Vec<i64> {
        let hd = hdr(h);
        (0..len(hd)).map(|i| logic::to_i64(value(elem(hd, i), 32), 32, true)).collect()
    }

    #[test]
    fn queue_push_insert_pop_and_bound() {
        let mut m = machine();
        let q = m.alloc(16);
        for v in [3u64, 1, 2] {
            let x = m.num(32, v);
            rt_dyn_insert(q, q, rt_dyn_size(q) as i64, x, 16, 2, -1);
        }
        assert_eq!(ints(q), [3, 1, 2]);
        // A bounded queue `[$:2]` keeps three elements.
        let x = m.num(32, 9);
        rt_dyn_insert(q, q, 0, x, 16, 2, -1);
        assert_eq!(ints(q), [9, 3, 1]);
        let out = m.alloc(16);
        let dflt = m.num(32, 0);
        rt_dyn_pop(out, q, 1, dflt, 16, -1);
        assert_eq!(rd64(out), 9);
        assert_eq!(ints(q), [3, 1]);
        rt_dyn_order(q, 0, KIND_SIGNED, 32);
        assert_eq!(ints(q), [1, 3]);
    }

    #[test]
    fn copies_do_not_share_blocks() {
        let mut m = machine();
        let a = m.alloc(16);
        let dflt = m.num(32, 7);
        rt_dyn_new(a, 3, 16, dflt, 0, 0);
        let b = m.alloc(16);
        rt_dyn_copy(b, a, 16, -1);
        let x = m.num(32, 5);
        rt_dyn_set(b, b, 1, x, 16, 0);
        assert_eq!(ints(a), [7, 7, 7]);
        assert_eq!(ints(b), [7, 5, 7]);
    }

    #[test]
    fn assoc_keys_stay_sorted_by_signed_value() {
        let mut m = machine();
        let a = m.alloc(16);
        for k in [5i64, -3, 100] {
            let key = m.num(32, k as u64);
            let v = m.num(32, (k * 10) as u64);
            rt_assoc_set(a, a, key, v, 16, 16, KIND_SIGNED, 32);
        }
        let k = m.num(32, 0);
        assert_eq!(rt_assoc_step(a, k, 0), 1);
        assert_eq!(logic::to_i64(value(k, 32), 32, true), -3);
        assert_eq!(rt_assoc_step(a, k, 2), 1);
        assert_eq!(logic::to_i64(value(k, 32), 32, true), 5);
        let missing = m.num(32, 4);
        assert_eq!(rt_assoc_exists(a, missing), 0);
        rt_assoc_delete(a, a, k);
        assert_eq!(rt_dyn_size(a), 2);
    }
}
