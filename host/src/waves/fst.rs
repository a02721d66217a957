//! The FST writer, through the `fst-writer` crate.
//!
//! The crate takes values as ASCII (`0 1 x z`, MSB first, full width) and
//! reals as 8 little-endian f64 bytes, buffers a block of changes in memory
//! and compresses it on `flush`. Two of its rules shape this file: a flush
//! must come right before a new time step (a change after a flush without a
//! later time panics inside the crate), so flushes are deferred to the next
//! [`FstSink::time`] with a later time; and FST has no `$dumpoff` section
//! the crate can write, so `$dumpoff` is written as every value going to x
//! (NaN for reals).

use super::{Entry, HeaderItem};
use fst_writer::{
    FstBodyWriter, FstFileType, FstHeaderWriter, FstInfo, FstScopeType, FstSignalId, FstSignalType, FstVarDirection,
    FstVarType, FstWriteError,
};
use std::fs::File;
use std::io::{self, BufWriter};
use std::path::Path;

type Body = FstBodyWriter<BufWriter<File>>;

/// Buffered change bytes after which a block is compressed and written
/// (small enough for the crate's per-signal list walk to stay in cache).
const BLOCK_BYTES: usize = 4 << 20;

pub(crate) struct FstSink {
    body: Option<Body>,
    /// FST signal of each entry.
    ids: Vec<Option<FstSignalId>>,
    scratch: Vec<u8>,
    /// The last time given to the crate (None: none yet).
    time: Option<u64>,
    flush_pending: bool,
    /// The current block has had a time change. The crate copies the
    /// block's start values at the first one, so a block without one would
    /// be written with all values x: such a block is never flushed.
    block_has_time: bool,
    /// Estimated bytes of the blocks written so far.
    flushed: u64,
}

fn io_err(e: FstWriteError) -> io::Error {
    match e {
        FstWriteError::Io(e) => e,
        other => io::Error::other(other.to_string()),
    }
}

impl FstSink {
    /// Create the file and write the hierarchy; the dump starts at `start`
    /// (a late `$dumpvars`), so readers show no values before it.
    pub fn create(
        path: &Path,
        precision: i8,
        start: u64,
        items: &[HeaderItem],
        entries: &[Entry],
    ) -> io::Result<FstSink> {
        let info = FstInfo {
            start_time: start,
            timescale_exponent: precision,
            version: format!("wsim {}", env!("CARGO_PKG_VERSION")),
            date: String::new(),
            file_type: FstFileType::Verilog,
        };
        let mut header = FstHeaderWriter::open(path, &info).map_err(io_err)?;
        let mut ids: Vec<Option<FstSignalId>> = vec![None; entries.len()];
        for item in items {
            match item {
                HeaderItem::Scope { name, kind } => {
                    header.scope(name, "", fst_scope_kind(kind)).map_err(io_err)?;
                }
                HeaderItem::Upscope => header.up_scope().map_err(io_err)?,
                HeaderItem::Var { name, var_type, width, real, entry, .. } => {
                    let signal = if *real { FstSignalType::real() } else { FstSignalType::bit_vec(*width) };
                    let id = header
                        .var(name, signal, fst_var_type(var_type), FstVarDirection::Implicit, ids[*entry])
                        .map_err(io_err)?;
                    ids[*entry] = Some(id);
                }
            }
        }
        let mut body = header.finish().map_err(io_err)?;
        // `write_changes` already passes only values that changed; the
        // crate's own comparison would repeat that work for every change.
        body.set_deduplicate(false);
        Ok(FstSink {
            body: Some(body),
            ids,
            scratch: Vec::new(),
            time: None,
            flush_pending: false,
            block_has_time: false,
            flushed: 0,
        })
    }

    fn body(&mut self) -> io::Result<&mut Body> {
        self.body.as_mut().ok_or_else(|| io::Error::other("the FST file is already closed"))
    }

    /// Start time `t` (later than the last one, or equal: then nothing).
    pub fn time(&mut self, t: u64) -> io::Result<()> {
        match self.time {
            Some(last) if t <= last => return Ok(()),
            // The first values at time 0 go into the file's first frame.
            None if t == 0 => {
                self.time = Some(0);
                return Ok(());
            }
            _ => {}
        }
        let over_size = self.body.as_ref().is_some_and(|b| b.size() >= BLOCK_BYTES);
        if self.block_has_time && (self.flush_pending || over_size) {
            let size = self.body.as_ref().map_or(0, |b| b.size() as u64);
            self.body()?.flush().map_err(io_err)?;
            self.flushed += size;
            self.flush_pending = false;
        }
        self.time = Some(t);
        self.block_has_time = true;
        self.body()?.time_change(t).map_err(io_err)
    }

    pub fn value(&mut self, entry: &Entry, bytes: &[u8]) -> io::Result<()> {
        let Some(id) = self.ids.get(entry.index).copied().flatten() else { return Ok(()) };
        self.scratch.clear();
        if entry.real {
            self.scratch.extend_from_slice(&bytes[..8]);
        } else {
            super::vcd::bit_chars(&mut self.scratch, bytes, entry.width);
        }
        let body = self.body.as_mut().ok_or_else(|| io::Error::other("the FST file is already closed"))?;
        body.signal_change(id, &self.scratch).map_err(io_err)
    }

    pub fn value_x(&mut self, entry: &Entry) -> io::Result<()> {
        let Some(id) = self.ids.get(entry.index).copied().flatten() else { return Ok(()) };
        self.scratch.clear();
        if entry.real {
            self.scratch.extend_from_slice(&f64::NAN.to_le_bytes());
        } else {
            self.scratch.resize(entry.width as usize, b'x');
        }
        let body = self.body.as_mut().ok_or_else(|| io::Error::other("the FST file is already closed"))?;
        body.signal_change(id, &self.scratch).map_err(io_err)
    }

    /// `$dumpflush`: the buffered block is written before the next time step.
    pub fn request_flush(&mut self) {
        self.flush_pending = true;
    }

    /// Estimated file size so far.
    pub fn bytes(&self) -> u64 {
        self.flushed + self.body.as_ref().map_or(0, |b| b.size() as u64)
    }

    /// Write the last block and the final header; the file is complete.
    pub fn finish(&mut self) -> io::Result<()> {
        if !self.block_has_time && self.flushed == 0 {
            // Everything happened at time 0: the crate would write an empty
            // time table, which readers (wellen) reject; end at tick 1.
            self.time(1)?;
        }
        if let Some(body) = self.body.take() {
            let mut out = body.finish().map_err(io_err)?;
            io::Write::flush(&mut out)?;
        }
        Ok(())
    }
}

fn fst_scope_kind(kind: &str) -> FstScopeType {
    match kind {
        "task" => FstScopeType::Task,
        "function" => FstScopeType::Function,
        "begin" => FstScopeType::Begin,
        "fork" => FstScopeType::Fork,
        "generate" => FstScopeType::Generate,
        "package" => FstScopeType::Package,
        _ => FstScopeType::Module,
    }
}

fn fst_var_type(var_type: &str) -> FstVarType {
    match var_type {
        "real" => FstVarType::Real,
        "integer" => FstVarType::Integer,
        "wire" => FstVarType::Wire,
        "tri" => FstVarType::Tri,
        "wand" => FstVarType::Wand,
        "wor" => FstVarType::Wor,
        "triand" => FstVarType::TriAnd,
        "trior" => FstVarType::TriOr,
        "tri0" => FstVarType::Tri0,
        "tri1" => FstVarType::Tri1,
        "trireg" => FstVarType::TriReg,
        "supply0" => FstVarType::Supply0,
        "supply1" => FstVarType::Supply1,
        _ => FstVarType::Reg,
    }
}
