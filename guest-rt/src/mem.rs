//! Raw access to the arena (the artifact's linear memory).
//!
//! On wasm32 an arena address is a pointer into memory 0. In native unit
//! tests the arena is a test-owned byte buffer installed with
//! [`install_test_memory`]; addresses are offsets into it. Everything above
//! this module works with `u32` addresses only.

use crate::logic::limbs;
use core::cell::UnsafeCell;

/// A global for the single-threaded guest. Native tests that touch globals
/// are serialised by the test machine's lock.
pub struct Global<T>(UnsafeCell<T>);

// SAFETY: the guest is single-threaded; native tests hold a lock.
unsafe impl<T> Sync for Global<T> {}

impl<T> Global<T> {
    pub const fn new(v: T) -> Self {
        Global(UnsafeCell::new(v))
    }

    /// The value. Callers never keep two of these borrows alive across a
    /// call that could take another one (the runtime is not re-entrant
    /// except through `dispatch`, which only uses the exported functions).
    #[allow(clippy::mut_from_ref)]
    pub fn get(&self) -> &mut T {
        // SAFETY: single-threaded, see the type's doc.
        unsafe { &mut *self.0.get() }
    }
}

/// Base pointer and size of the native test arena.
#[cfg(not(target_arch = "wasm32"))]
static TEST_MEM: Global<(usize, usize)> = Global::new((0, 0));

/// Installs a test arena (native only): `len` bytes at `base`.
#[cfg(not(target_arch = "wasm32"))]
pub fn install_test_memory(base: *mut u8, len: usize) {
    *TEST_MEM.get() = (base as usize, len);
}

/// The host pointer of an arena address.
#[inline]
pub fn ptr(addr: u32) -> *mut u8 {
    #[cfg(target_arch = "wasm32")]
    {
        addr as usize as *mut u8
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let (base, len) = *TEST_MEM.get();
        assert!((addr as usize) < len, "arena address {addr} out of the test memory");
        (base + addr as usize) as *mut u8
    }
}

/// Current arena size in bytes.
pub fn memory_size() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        core::arch::wasm32::memory_size(0) as u64 * 65536
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        TEST_MEM.get().1 as u64
    }
}

/// Grows the arena by `pages` 64 KiB pages; false when it cannot grow.
pub fn memory_grow(pages: u32) -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        core::arch::wasm32::memory_grow(0, pages as usize) != usize::MAX
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = pages;
        false
    }
}

#[inline]
pub fn rd32(addr: u32) -> u32 {
    // SAFETY: arena addresses given by the compiler or our heap are valid.
    unsafe { (ptr(addr) as *const u32).read_unaligned() }
}

#[inline]
pub fn wr32(addr: u32, v: u32) {
    // SAFETY: as in rd32.
    unsafe { (ptr(addr) as *mut u32).write_unaligned(v) }
}

#[inline]
pub fn rd64(addr: u32) -> u64 {
    // SAFETY: as in rd32.
    unsafe { (ptr(addr) as *const u64).read_unaligned() }
}

#[inline]
pub fn wr64(addr: u32, v: u64) {
    // SAFETY: as in rd32.
    unsafe { (ptr(addr) as *mut u64).write_unaligned(v) }
}

pub fn rdf64(addr: u32) -> f64 {
    f64::from_bits(rd64(addr))
}

/// `len` bytes at `addr`.
pub fn bytes(addr: u32, len: u32) -> &'static [u8] {
    if len == 0 {
        return &[];
    }
    // SAFETY: the range lies in the arena (checked by `ptr` natively).
    unsafe { core::slice::from_raw_parts(ptr(addr), len as usize) }
}

/// `len` writable bytes at `addr`.
pub fn bytes_mut(addr: u32, len: u32) -> &'static mut [u8] {
    if len == 0 {
        return &mut [];
    }
    // SAFETY: as in `bytes`; callers never alias a live borrow.
    unsafe { core::slice::from_raw_parts_mut(ptr(addr), len as usize) }
}

/// The limbs (both planes) of a `w`-bit value at `addr` (8-aligned).
pub fn value(addr: u32, w: u32) -> &'static [u64] {
    let n = 2 * limbs(w);
    // SAFETY: values are 8-aligned in the arena (abi VALUE_ALIGN).
    unsafe { core::slice::from_raw_parts(ptr(addr) as *const u64, n) }
}

/// Writable limbs of a `w`-bit value at `addr`.
pub fn value_mut(addr: u32, w: u32) -> &'static mut [u64] {
    let n = 2 * limbs(w);
    // SAFETY: as in `value`; `dst` never aliases a source (ABI rule).
    unsafe { core::slice::from_raw_parts_mut(ptr(addr) as *mut u64, n) }
}

/// Copies `len` bytes inside the arena (ranges may overlap).
pub fn copy(dst: u32, src: u32, len: u32) {
    if len == 0 {
        return;
    }
    if len <= SMALL && (dst | src | len) & 7 == 0 {
        // Values and records are a few aligned words: word moves beat the
        // engine's `memory.copy` call. All loads first: ranges may overlap.
        let mut words = [0u64; (SMALL / 8) as usize];
        let n = (len / 8) as usize;
        for (i, w) in words[..n].iter_mut().enumerate() {
            *w = rd64(src + 8 * i as u32);
        }
        for (i, w) in words[..n].iter().enumerate() {
            wr64(dst + 8 * i as u32, *w);
        }
        return;
    }
    // SAFETY: both ranges lie in the arena.
    unsafe { core::ptr::copy(ptr(src), ptr(dst), len as usize) }
}

/// Zeroes `len` bytes.
pub fn zero(dst: u32, len: u32) {
    if len <= SMALL && (dst | len) & 7 == 0 {
        for i in 0..len / 8 {
            wr64(dst + 8 * i, 0);
        }
        return;
    }
    bytes_mut(dst, len).fill(0);
}

/// Up to this many bytes, aligned copies and fills move words.
const SMALL: u32 = 64;
