//! Class objects (IEEE 1800-2017 clause 8) on the guest heap: allocation,
//! shallow copy and the null-handle error. An object is a 16-byte header
//! (its class id as a 32-bit two-state value: aval word, zero bval word)
//! followed by its properties in the arena value layout; the handle is its
//! address. Objects are never freed (wsim has no garbage collector).

use crate::{heap, mem};

/// Bytes of the object header.
const HEADER_BYTES: u32 = 16;

/// Run-time error code of an access through a null handle.
const NULL_HANDLE: &str = "E0511";

/// A zeroed object of `size` bytes (at least the header) of class `class_id`.
#[no_mangle]
pub extern "C" fn rt_class_new(size: u32, class_id: u32) -> u32 {
    let p = heap::alloc(size.max(HEADER_BYTES));
    mem::wr64(p, class_id as u64);
    p
}

/// `new src` (8.12): a copy of the first `size` bytes of the object `src`,
/// of class `class_id`. A null `src` is the run-time error at `site` (the
/// result is then a fresh zeroed object, so the caller goes on safely).
#[no_mangle]
pub extern "C" fn rt_class_copy(src: u32, size: u32, class_id: u32, site: i32) -> u32 {
    let p = rt_class_new(size, class_id);
    if src == 0 {
        null_error(site);
        return p;
    }
    mem::copy(p, src, size.max(HEADER_BYTES));
    mem::wr64(p, class_id as u64);
    mem::wr64(p + 8, 0);
    p
}

/// A property was read or written through a null handle: report E0511 at
/// `site` (the run stops when the running process yields) and return a
/// zeroed scratch block of `bytes` bytes for the access to use instead.
#[no_mangle]
pub extern "C" fn rt_class_null(site: i32, bytes: u32) -> u32 {
    null_error(site);
    heap::alloc(bytes.max(HEADER_BYTES))
}

fn null_error(site: i32) {
    let frame = crate::sched::s().last_run;
    crate::sched::runtime_error_at(NULL_HANDLE, site, frame, "null class handle: no object to access");
}
