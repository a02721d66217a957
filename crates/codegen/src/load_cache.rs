//! The values of <= 64-bit signals already in locals, so a read of a
//! signal in straight-line code reuses them instead of loading it again.
//!
//! Cranelift cannot do this itself: every store to the arena may alias
//! every load from it, so `a = ir[6:0]; b = ir[11:7]; ...` reloaded `ir`
//! after each store. Here the addresses are known: a value loaded from (or
//! stored to) absolute address `o` stays valid until code that may write
//! memory without saying where (a call, any other store, a `memory.*`
//! operator) or a store to `o`, and only where the load dominates the
//! read:
//!
//! - a new basic block of the [`FnGen`](crate::func::FnGen) CFG starts
//!   empty (the cache notes the block it belongs to);
//! - a wasm `if`/`block` arm keeps what was known before it; what became
//!   known inside is forgotten at its `else`/`end`, and a store inside it
//!   forgets that address everywhere (its value after the `end` is either);
//! - a wasm `loop` starts empty (its back edge comes from code after it).
//!
//! Every instruction the generated code emits through `Lower::i` passes
//! [`LoadCache::observe`]; the cache-aware stores (`Lower::store_small_value`)
//! bypass it and call [`LoadCache::stored`] instead.

use crate::fast::Small;
use wasm_encoder::Instruction as I;

/// Bytes of a <= 64-bit value: two 8-byte planes.
const SMALL_BYTES: u32 = 16;

#[derive(Clone, Copy, Debug)]
struct Entry {
    addr: u32,
    value: Small,
    /// The structured nesting depth it became known at.
    depth: u32,
}

#[derive(Debug, Default)]
pub struct LoadCache {
    /// The CFG block the entries belong to.
    block: usize,
    /// Open `if`/`block`/`loop` structures since the block started.
    depth: u32,
    entries: Vec<Entry>,
}

impl LoadCache {
    /// The value at `addr` if it is known in block `block`;
    /// `four_state == false` (the caller promises a zero unknown plane)
    /// takes only its `aval`. (A value stored without an unknown plane has
    /// a zero one in memory: `bval: None` stays true for any read.)
    pub fn lookup(&mut self, block: usize, addr: u32, four_state: bool) -> Option<Small> {
        self.enter(block);
        let e = self.entries.iter().find(|e| e.addr == addr)?;
        Some(if four_state { e.value } else { Small { bval: None, ..e.value } })
    }

    /// `value` was loaded from, or stored to, `addr` in block `block`.
    pub fn stored(&mut self, block: usize, addr: u32, value: Small) {
        self.enter(block);
        self.forget_overlapping(addr, SMALL_BYTES);
        self.entries.push(Entry { addr, value, depth: self.depth });
    }

    /// Something else was stored at `addr .. addr + bytes` (a word of the
    /// static schedule, not a signal's value).
    pub fn overwritten(&mut self, block: usize, addr: u32, bytes: u32) {
        self.enter(block);
        self.forget_overlapping(addr, bytes);
    }

    /// Keep the cache true across `ins`, about to be emitted in `block`.
    pub fn observe(&mut self, block: usize, ins: &I) {
        self.enter(block);
        match ins {
            I::Block(_) | I::If(_) => self.depth += 1,
            I::Loop(_) => {
                self.entries.clear();
                self.depth += 1;
            }
            I::Else => self.forget_inner(self.depth),
            I::End => {
                self.forget_inner(self.depth);
                self.depth = self.depth.saturating_sub(1);
            }
            _ if writes_memory(ins) => self.entries.clear(),
            _ => {}
        }
    }

    fn enter(&mut self, block: usize) {
        if block != self.block {
            self.block = block;
            self.depth = 0;
            self.entries.clear();
        }
    }

    /// Forget what became known at nesting depth `depth` or deeper.
    fn forget_inner(&mut self, depth: u32) {
        self.entries.retain(|e| e.depth < depth);
    }

    /// Forget the values that overlap `addr .. addr + bytes`.
    fn forget_overlapping(&mut self, addr: u32, bytes: u32) {
        self.entries.retain(|e| e.addr + SMALL_BYTES <= addr || addr + bytes <= e.addr);
    }
}

/// Whether `ins` may write linear memory (or run code that does). The
/// generated code has no atomic, SIMD or bulk-table operators; a new kind
/// of store must be added here.
fn writes_memory(ins: &I) -> bool {
    matches!(
        ins,
        I::Call(_)
            | I::CallIndirect { .. }
            | I::ReturnCall(_)
            | I::ReturnCallIndirect { .. }
            | I::CallRef(_)
            | I::ReturnCallRef(_)
            | I::I32Store(_)
            | I::I64Store(_)
            | I::F32Store(_)
            | I::F64Store(_)
            | I::I32Store8(_)
            | I::I32Store16(_)
            | I::I64Store8(_)
            | I::I64Store16(_)
            | I::I64Store32(_)
            | I::V128Store(_)
            | I::MemoryCopy { .. }
            | I::MemoryFill(_)
            | I::MemoryInit { .. }
            | I::MemoryGrow(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fast::Plane;
    use wasm_encoder::BlockType;

    fn small(l: u32) -> Small {
        Small { aval: Plane::Local(l), bval: Some(Plane::Local(l + 1)) }
    }

    #[test]
    fn a_value_is_known_until_a_store_or_call() {
        let mut c = LoadCache::default();
        c.stored(0, 64, small(1));
        assert_eq!(c.lookup(0, 64, true), Some(small(1)));
        assert_eq!(c.lookup(0, 64, false), Some(Small { bval: None, ..small(1) }));
        c.observe(0, &I::I64Add);
        assert!(c.lookup(0, 64, true).is_some());
        c.observe(0, &I::I64Store(crate::func::mem(0, 3)));
        assert_eq!(c.lookup(0, 64, true), None);
        c.stored(0, 64, small(1));
        c.observe(0, &I::Call(3));
        assert_eq!(c.lookup(0, 64, true), None);
    }

    #[test]
    fn a_store_forgets_the_values_it_overlaps() {
        let mut c = LoadCache::default();
        c.stored(0, 64, small(1));
        c.stored(0, 80, small(3));
        c.stored(0, 72, small(5));
        assert_eq!(c.lookup(0, 64, true), None);
        assert_eq!(c.lookup(0, 80, true), None);
        assert_eq!(c.lookup(0, 72, true), Some(small(5)));
    }

    #[test]
    fn an_arm_keeps_what_dominates_it_and_forgets_its_own() {
        let mut c = LoadCache::default();
        c.stored(0, 64, small(1));
        c.stored(0, 96, small(7));
        c.observe(0, &I::If(BlockType::Empty));
        assert_eq!(c.lookup(0, 64, true), Some(small(1)));
        c.stored(0, 64, small(3)); // a store in the arm
        c.stored(0, 128, small(5)); // a load in the arm
        c.observe(0, &I::Else);
        assert_eq!(c.lookup(0, 64, true), None, "stored in the other arm");
        assert_eq!(c.lookup(0, 128, true), None, "loaded in the other arm");
        c.observe(0, &I::End);
        assert_eq!(c.lookup(0, 64, true), None);
        assert_eq!(c.lookup(0, 96, true), Some(small(7)));
    }

    #[test]
    fn a_loop_or_another_block_starts_empty() {
        let mut c = LoadCache::default();
        c.stored(0, 64, small(1));
        c.observe(0, &I::Loop(BlockType::Empty));
        assert_eq!(c.lookup(0, 64, true), None);
        c.stored(0, 64, small(1));
        assert_eq!(c.lookup(1, 64, true), None);
        c.stored(1, 64, small(1));
        assert_eq!(c.lookup(0, 64, true), None, "back in block 0: block 1 ran in between");
    }

    #[test]
    fn a_value_stored_without_unknown_plane_reads_as_known() {
        let mut c = LoadCache::default();
        let known = Small { aval: Plane::Local(1), bval: None };
        c.stored(0, 64, known);
        assert_eq!(c.lookup(0, 64, true), Some(known));
        assert_eq!(c.lookup(0, 64, false), Some(known));
    }
}
