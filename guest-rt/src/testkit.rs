//! A native test machine: an arena, fake host hooks, a log for fake step
//! functions, and helpers to place values and display arguments. Tests that
//! use it are serialised by a lock (the runtime has global state).

use crate::host::native;
use crate::mem;
use crate::sched;
use std::string::String;
use std::sync::{Mutex, MutexGuard};
use std::vec::Vec;
use wsim_abi::fmt as af;
use wsim_abi::value_bytes;

static LOCK: Mutex<()> = Mutex::new(());
static LOG: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Where the heap starts in the test arena; below it, `Machine::alloc`
/// hands out "static" memory (frames, signals, argument lists).
pub const HEAP_START: u32 = 1 << 20;
const ARENA_BYTES: usize = 8 << 20;

pub struct Machine {
    _guard: MutexGuard<'static, ()>,
    _arena: Vec<u64>,
    next_static: u32,
}

impl Machine {
    /// A fresh machine with `n_signals` signals and global precision
    /// `precision`; `dispatch` runs the fake step functions.
    pub fn new(n_signals: u32, precision: i32, dispatch: fn(u32, u32) -> i32) -> Self {
        let guard = LOCK.lock().unwrap_or_else(|e| e.into_inner());
        let mut arena = vec![0u64; ARENA_BYTES / 8];
        mem::install_test_memory(arena.as_mut_ptr() as *mut u8, ARENA_BYTES);
        native::reset();
        native::state().dispatch = dispatch;
        LOG.lock().unwrap_or_else(|e| e.into_inner()).clear();
        sched::rt_init(HEAP_START, n_signals, precision);
        Machine { _guard: guard, _arena: arena, next_static: 64 }
    }

    /// `size` zeroed bytes of static arena, 8-aligned.
    pub fn alloc(&mut self, size: u32) -> u32 {
        let a = self.next_static;
        self.next_static = (a + size + 7) & !7;
        assert!(self.next_static < HEAP_START, "test statics overflow");
        a
    }

    /// A static frame with `locals` bytes after the header.
    pub fn frame(&mut self, locals: u32) -> u32 {
        self.alloc(wsim_abi::frame::HEADER_SIZE + locals)
    }

    /// A value of width `w` holding `limbs` (aval then bval).
    pub fn value(&mut self, w: u32, limbs: &[u64]) -> u32 {
        let a = self.alloc(value_bytes(w));
        let v = mem::value_mut(a, w);
        v[..limbs.len()].copy_from_slice(limbs);
        a
    }

    /// A known value from a u64.
    pub fn num(&mut self, w: u32, x: u64) -> u32 {
        let a = self.alloc(value_bytes(w));
        crate::logic::from_i64(mem::value_mut(a, w), w, x as i64);
        a
    }

    /// A string literal value (8 bits per char).
    pub fn string(&mut self, s: &str) -> (u32, u32) {
        let w = (s.len() as u32 * 8).max(8);
        let a = self.alloc(value_bytes(w));
        crate::format::store_text(a, w, s.as_bytes());
        (a, w)
    }

    /// Writes an argument-descriptor array; returns (address, count).
    pub fn args(&mut self, list: &[Arg]) -> (u32, u32) {
        let base = self.alloc(af::ARG_SIZE * list.len().max(1) as u32);
        for (i, a) in list.iter().enumerate() {
            let d = base + i as u32 * af::ARG_SIZE;
            let (kind, width, ptr, flags) = match *a {
                Arg::Value { w, ptr, signed } => (af::ARG_VALUE, w, ptr, signed as u32),
                Arg::Str { w, ptr } => (af::ARG_STRING, w, ptr, 0),
                Arg::Real { ptr } => (af::ARG_REAL, 64, ptr, 0),
                Arg::Empty => (af::ARG_EMPTY, 0, 0, 0),
            };
            mem::wr32(d, kind);
            mem::wr32(d + 4, width);
            mem::wr32(d + 8, ptr);
            mem::wr32(d + 12, flags);
        }
        (base, list.len() as u32)
    }

    pub fn real(&mut self, r: f64) -> u32 {
        let a = self.alloc(8);
        mem::wr64(a, r.to_bits());
        a
    }

    /// Builds arguments from a compact description and formats them like
    /// `$display` (radix flags as `rt_display`); returns the text.
    pub fn display(&mut self, list: &[Arg], flags: i32, scope: &str, time_unit: i32) -> String {
        let (args, n) = self.args(list);
        let (sp, sl) = self.bytes(scope.as_bytes());
        native::state().output.clear();
        crate::format::rt_display(args, n, 1, flags, sp, sl, time_unit);
        native::output_of(1)
    }

    /// Raw bytes in static memory.
    pub fn bytes(&mut self, b: &[u8]) -> (u32, u32) {
        let a = self.alloc(b.len() as u32 + 1);
        mem::bytes_mut(a, b.len() as u32).copy_from_slice(b);
        (a, b.len() as u32)
    }

    pub fn stdout(&self) -> String {
        native::output_of(1)
    }

    pub fn stderr(&self) -> String {
        native::output_of(2)
    }
}

/// A display argument for [`Machine::args`].
#[derive(Clone, Copy)]
pub enum Arg {
    Value { w: u32, ptr: u32, signed: bool },
    Str { w: u32, ptr: u32 },
    Real { ptr: u32 },
    Empty,
}

/// Appends a line to the test log, prefixed with nothing.
pub fn log(s: String) {
    LOG.lock().unwrap_or_else(|e| e.into_inner()).push(s);
}

/// Takes the log.
pub fn take_log() -> Vec<String> {
    std::mem::take(&mut *LOG.lock().unwrap_or_else(|e| e.into_inner()))
}
