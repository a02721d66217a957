//! The constant pool: constant values, strings and scope names, deduplicated,
//! placed in one data segment at the layout's `const_pool` region.

use std::collections::HashMap;
use wsim_ir::Const;

#[derive(Default)]
pub struct ConstPool {
    pub bytes: Vec<u8>,
    index: HashMap<Vec<u8>, u32>,
}

impl ConstPool {
    /// Offset of `bytes` zero bytes of the pool's own (8-aligned), never
    /// shared: a function's static temps (`FnGen::give_static_temps`).
    pub fn reserve(&mut self, bytes: u32) -> u32 {
        let o = self.aligned_end();
        self.bytes.resize(self.bytes.len() + bytes.div_ceil(8) as usize * 8, 0);
        o
    }

    /// The pool's end, padded to 8 bytes: where the next entry starts.
    fn aligned_end(&mut self) -> u32 {
        while !self.bytes.len().is_multiple_of(8) {
            self.bytes.push(0);
        }
        self.bytes.len() as u32
    }

    /// Offset of `data` in the pool (8-aligned), adding it if new.
    pub fn intern(&mut self, data: Vec<u8>) -> u32 {
        if let Some(&o) = self.index.get(&data) {
            return o;
        }
        let o = self.aligned_end();
        self.bytes.extend_from_slice(&data);
        self.index.insert(data, o);
        o
    }

    /// A 4-state constant in the arena value layout.
    pub fn value(&mut self, c: &Const) -> u32 {
        let mut data = Vec::with_capacity(c.words.len() * 8);
        for w in &c.words {
            data.extend_from_slice(&w.to_le_bytes());
        }
        self.intern(data)
    }

    pub fn f64(&mut self, v: f64) -> u32 {
        self.intern(v.to_le_bytes().to_vec())
    }

    /// Raw text (for `%m` scope names, file names): (offset, length).
    pub fn text(&mut self, s: &str) -> (u32, u32) {
        let mut data = s.as_bytes().to_vec();
        if data.is_empty() {
            data.push(0);
        }
        (self.intern(data), s.len() as u32)
    }
}
