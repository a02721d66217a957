//! The guest heap: bump allocation from `heap_start` plus free lists, in the
//! arena. Small blocks (up to [`SMALL_MAX`] bytes) have one free list per
//! 8-byte size class; bigger blocks are rounded up to a power of two with one
//! list per power. Callers give the size back on free, so blocks carry no
//! header. On wasm32 this is also Rust's global allocator, so guest-rt's own
//! `Vec`s live in the arena heap too.

use crate::mem::{self, Global};

const SMALL_MAX: u32 = 2048;
const SMALL_CLASSES: usize = (SMALL_MAX / 8) as usize + 1;

struct Heap {
    /// Next never-used byte.
    top: u32,
    /// End of the memory we may use without growing.
    limit: u64,
    small: [u32; SMALL_CLASSES],
    big: [u32; 33],
}

static HEAP: Global<Heap> = Global::new(Heap { top: 0, limit: 0, small: [0; SMALL_CLASSES], big: [0; 33] });

/// Starts a fresh heap at `start` (8-aligned); forgets every block.
pub fn reset(start: u32) {
    let h = HEAP.get();
    h.top = (start + 7) & !7;
    h.limit = mem::memory_size();
    h.small = [0; SMALL_CLASSES];
    h.big = [0; 33];
    crate::strings::forget_all();
}

/// True once `reset` ran.
pub fn ready() -> bool {
    HEAP.get().top != 0
}

/// The size class of a request: (is_big, index, rounded size).
fn class_of(size: u32) -> (bool, usize, u32) {
    let size = size.max(8).div_ceil(8) * 8;
    if size <= SMALL_MAX {
        (false, (size / 8) as usize, size)
    } else {
        let rounded = size.next_power_of_two();
        (true, rounded.trailing_zeros() as usize, rounded)
    }
}

/// Allocates `size` zeroed bytes, 8-aligned. Traps when memory runs out.
pub fn alloc(size: u32) -> u32 {
    let block = alloc_uninit(size);
    mem::zero(block, class_of(size).2);
    block
}

/// Allocates `size` bytes, 8-aligned, with whatever they held: for callers
/// that write every byte (zeroing costs as much as a small record's fill).
pub fn alloc_uninit(size: u32) -> u32 {
    let (big, idx, rounded) = class_of(size);
    let h = HEAP.get();
    let list = if big { &mut h.big[idx] } else { &mut h.small[idx] };
    if *list != 0 {
        let b = *list;
        *list = mem::rd32(b);
        b
    } else {
        bump(rounded)
    }
}

/// Takes `size` fresh bytes from the top, growing memory when needed.
fn bump(size: u32) -> u32 {
    let h = HEAP.get();
    let end = h.top as u64 + size as u64;
    if end > h.limit {
        let pages = (end - h.limit).div_ceil(65536) as u32;
        if end > u32::MAX as u64 || !mem::memory_grow(pages) {
            out_of_memory();
        }
        h.limit = mem::memory_size();
    }
    let b = h.top;
    h.top = end as u32;
    b
}

fn out_of_memory() -> ! {
    let frame = crate::sched::s().last_run;
    crate::host::diag(wsim_abi::severity::ERROR, "E0503", -1, frame, "the simulation ran out of memory (guest heap)");
    panic!("guest heap exhausted");
}

/// Gives back a block of `size` bytes obtained from [`alloc`].
pub fn free(block: u32, size: u32) {
    if block == 0 {
        return;
    }
    let (big, idx, _) = class_of(size);
    let h = HEAP.get();
    let list = if big { &mut h.big[idx] } else { &mut h.small[idx] };
    mem::wr32(block, *list);
    *list = block;
}

#[cfg(target_arch = "wasm32")]
mod global_alloc {
    use core::alloc::{GlobalAlloc, Layout};

    struct ArenaAlloc;

    // SAFETY: blocks come from the arena heap, 8-aligned; bigger alignments
    // are refused (null), which Rust reports as an allocation failure.
    unsafe impl GlobalAlloc for ArenaAlloc {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            if layout.align() > 8 || !super::ready() || layout.size() > u32::MAX as usize / 2 {
                return core::ptr::null_mut();
            }
            // GlobalAlloc::alloc need not zero (alloc_zeroed does, by default).
            super::alloc_uninit(layout.size() as u32) as usize as *mut u8
        }

        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            super::free(ptr as usize as u32, layout.size() as u32);
        }
    }

    #[global_allocator]
    static ALLOC: ArenaAlloc = ArenaAlloc;
}

/// `rt_alloc(size) -> ptr`: zeroed, 8-aligned heap memory.
#[no_mangle]
pub extern "C" fn rt_alloc(size: u32) -> u32 {
    alloc(size)
}

/// `rt_free(ptr, size)`.
#[no_mangle]
pub extern "C" fn rt_free(ptr: u32, size: u32) {
    free(ptr, size)
}

/// Bytes taken from the top so far (tests watch it to prove that memory
/// stays bounded).
pub fn top() -> u32 {
    HEAP.get().top
}
