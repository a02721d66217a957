//! Waveform dumping: `$dumpfile`, `$dumpvars`, `$dumpoff`/`$dumpon`,
//! `$dumpall`, `$dumpflush`, `$dumplimit` (IEEE 1364-2005 18.1) into VCD
//! (written here) or FST (through the `fst-writer` crate).
//!
//! The dumper never touches the guest: it reads the arena after each time
//! step, at the offsets the `wsim.meta` signal table gives. Use:
//!
//! ```text
//! let mut d = Dumper::new(&artifact.meta, opts);    // once, cheap
//! d.dumpfile(name);                                  // env service for $dumpfile
//! d.dumpvars(now, levels, &items)?;                  // $dumpvars (Err: unknown item / too late)
//! d.dumpoff(now); d.dumpon(now); d.dumpall(now);     // ...
//! // at the END of every time step (all deltas done), before time advances:
//! if d.wants_samples() { d.sample(now, memory_bytes)?; }
//! // when the run ends for any reason ($finish, limit, Ctrl-C, trap):
//! let summary = d.sample_and_finish(now, memory_bytes)?; // last step + close
//! // (or d.finish(now) when the arena is gone, e.g. after a trap)
//! for note in d.take_notes() { eprintln!("{note}"); }
//! ```
//!
//! `arena` is the whole linear memory (`memory.data(&store)`): meta offsets
//! are absolute. Times are ticks of the design precision (`meta.precision`).
//!
//! Semantics, checked against Icarus:
//! - The header and the `$dumpvars` section (all initial values) are written
//!   by the first `sample` after `$dumpvars`; `$dumpvars` calls before it
//!   accumulate, later ones are ignored (Err says so, as Icarus warns).
//! - Levels count every scope kind; `0` = the whole subtree. A signal named
//!   directly is dumped whatever the level. [`select`] has the details.
//! - Later samples write `#t` and only the values that changed (byte compare
//!   against a shadow copy); steps without changes write nothing.
//! - `$dumpoff`: changes of the step, then a `$dumpoff` section with every
//!   value x (reals `NaN`), then nothing until `$dumpon`, which writes a
//!   `$dumpon` section with the current values. `$dumpall` writes a
//!   `$dumpall` section with every current value. These take effect at the
//!   next `sample` (the end of the step they were called in).
//! - `$dumplimit`: once the file has that many bytes, a `$comment` says so
//!   and nothing more is written (a note is queued, see [`Dumper::take_notes`]).
//! - Events are not dumped (the arena holds no value for them); hidden
//!   signals neither. Unpacked arrays are dumped element by element
//!   (`mem[3]`, `m[1][2]`) only with [`WaveOptions::dump_arrays`] or when the
//!   array is named in `$dumpvars`.
//! - Variables at the same arena bytes (port aliases) share one identifier.
//! - A meta entry outside the arena, or with sizes that do not add up, is
//!   skipped (and counted in a note), never read.

mod fst;
pub(crate) mod select;
mod vcd;

use select::{Catalog, ValueKind};
use serde::Deserialize;
use std::cell::OnceCell;
use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

/// One row of the meta's signal table (written by `wsim_layout::SignalEntry`).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct MetaSignal {
    pub id: u32,
    /// Hierarchical name (`tb.u1.x`).
    pub name: String,
    /// Absolute arena offset of element 0.
    pub offset: u32,
    pub width: u32,
    pub signed: bool,
    pub four_state: bool,
    /// `var`, `event` or the net kind (`wire`, `tri`...).
    pub kind: String,
    /// `integral`, `real` or `event`.
    pub ty: String,
    pub elements: u64,
    pub elem_bytes: u32,
    pub msb: i64,
    pub lsb: i64,
    /// Unpacked dimensions `[left, right]`, outermost first.
    pub dims: Vec<(i64, i64)>,
    pub hidden: bool,
}

/// One scope of the meta (`{"path":"tb.u1","kind":"module"}`).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct MetaScope {
    pub path: String,
    /// `module`, `begin`, `task`, `function`, `generate`.
    pub kind: String,
}

/// The file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WaveFormat {
    Vcd,
    Fst,
}

impl WaveFormat {
    /// `vcd` or `fst` (any case); anything else (`none` included) is None.
    pub fn from_name(name: &str) -> Option<WaveFormat> {
        match name.to_ascii_lowercase().as_str() {
            "vcd" => Some(WaveFormat::Vcd),
            "fst" => Some(WaveFormat::Fst),
            _ => None,
        }
    }

    /// The format a file extension names (`.vcd`, `.fst`).
    pub fn from_path(path: &Path) -> Option<WaveFormat> {
        path.extension().and_then(|e| e.to_str()).and_then(WaveFormat::from_name)
    }

    pub fn extension(self) -> &'static str {
        match self {
            WaveFormat::Vcd => "vcd",
            WaveFormat::Fst => "fst",
        }
    }
}

/// Run-time wave options (`--waves`, `--waves-file`, `--dump-arrays`, scope filter).
#[derive(Clone, Debug, Default)]
pub struct WaveOptions {
    /// None: from the file's extension, VCD when it names neither.
    pub format: Option<WaveFormat>,
    /// Overrides `$dumpfile`.
    pub file: Option<PathBuf>,
    /// Dump unpacked arrays selected through their scope (off, as in Icarus).
    pub dump_arrays: bool,
    /// Only variables inside these scope subtrees (empty: no filter).
    pub scopes: Vec<String>,
}

/// What [`Dumper::finish`] reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaveSummary {
    pub path: PathBuf,
    pub format: WaveFormat,
    /// File size.
    pub bytes: u64,
    /// Variables in the file (aliases counted once each name).
    pub signals: usize,
    /// `$dumplimit` stopped the dump.
    pub limit_reached: bool,
}

/// One distinct storage location that is dumped (aliases share one).
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    /// Index of this entry (identifier code slot in the writers).
    pub index: usize,
    pub offset: usize,
    pub len: usize,
    /// Offset of its copy in the shadow buffer.
    pub shadow: usize,
    pub width: u32,
    pub real: bool,
}

/// A run of nearby entries compared with one memcmp first.
#[derive(Clone, Debug)]
struct Chunk {
    start: usize,
    end: usize,
    shadow: usize,
    entries: std::ops::Range<usize>,
}

/// Largest gap between entries merged into one chunk, and largest chunk.
const CHUNK_GAP: usize = 64;
const CHUNK_MAX: usize = 256;

/// The header, as both writers consume it.
#[derive(Clone, Debug)]
pub(crate) enum HeaderItem {
    Scope { name: String, kind: String },
    Upscope,
    Var { name: String, var_type: &'static str, width: u32, msb: i64, lsb: i64, real: bool, entry: usize },
}

/// What a `$dumpoff`/`$dumpon`/`$dumpall` asks of the next sample.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    Off,
    On,
    All,
}

enum Writer {
    Vcd(vcd::VcdWriter),
    Fst(Box<fst::FstSink>),
}

impl Writer {
    fn time(&mut self, t: u64) -> io::Result<()> {
        match self {
            Writer::Vcd(w) => w.time(t),
            Writer::Fst(w) => w.time(t),
        }
    }
    fn value(&mut self, e: &Entry, bytes: &[u8]) -> io::Result<()> {
        match self {
            Writer::Vcd(w) => w.value(e, bytes),
            Writer::Fst(w) => w.value(e, bytes),
        }
    }
    fn value_x(&mut self, e: &Entry) -> io::Result<()> {
        match self {
            Writer::Vcd(w) => w.value_x(e),
            Writer::Fst(w) => w.value_x(e),
        }
    }
    /// A VCD keyword line (`$dumpoff`, `$end`, `$comment ...`); FST has none.
    fn keyword(&mut self, text: &str) -> io::Result<()> {
        match self {
            Writer::Vcd(w) => w.keyword(text),
            Writer::Fst(_) => Ok(()),
        }
    }
    fn bytes(&self) -> u64 {
        match self {
            Writer::Vcd(w) => w.bytes(),
            Writer::Fst(w) => w.bytes(),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Writer::Vcd(w) => w.flush(),
            Writer::Fst(w) => {
                w.request_flush();
                Ok(())
            }
        }
    }
    fn finish(&mut self) -> io::Result<()> {
        match self {
            Writer::Vcd(w) => w.flush(),
            Writer::Fst(w) => w.finish(),
        }
    }
}

/// The flat list `sample` walks, built at the first sample.
struct Plan {
    entries: Vec<Entry>,
    chunks: Vec<Chunk>,
    shadow: Vec<u8>,
    /// The arena must be at least this long.
    arena_end: usize,
    /// Dumped variable names.
    vars: usize,
}

/// The meta tables [`Catalog::new`] reads.
struct CatalogSource {
    signals: Vec<MetaSignal>,
    scopes: Vec<MetaScope>,
    tops: Vec<String>,
}

impl CatalogSource {
    fn build(&self) -> Catalog {
        Catalog::new(&self.signals, &self.scopes, &self.tops)
    }
}

/// The state of one run's waveform dump. See the module doc.
pub struct Dumper {
    opts: WaveOptions,
    precision: i8,
    /// What the catalog is built from.
    source: CatalogSource,
    /// Built on first use: most runs never dump, and the catalog expands
    /// every array into one variable per element (picorv32's testbench
    /// memory alone made it about 1.2 MB, 11% of the run's peak RSS).
    catalog: OnceCell<Catalog>,
    /// Catalog variables chosen by `$dumpvars` so far (empty until the
    /// catalog is built).
    chosen: Vec<bool>,
    dumpfile: Option<String>,
    dumpvars_called: bool,
    limit: Option<u64>,
    pending: Vec<Action>,
    /// Reused by `sample` so it never allocates.
    actions: Vec<Action>,
    on: bool,
    limit_reached: bool,
    finished: bool,
    /// An I/O error ended the dump.
    failed: bool,
    last_sample: Option<u64>,
    /// Time of the first sample (the header and `$dumpvars` section).
    started_at: Option<u64>,
    plan: Option<Plan>,
    writer: Option<Writer>,
    path: Option<(PathBuf, WaveFormat)>,
    notes: Vec<String>,
}

impl Dumper {
    pub fn new(meta: &crate::Meta, opts: WaveOptions) -> Dumper {
        let source =
            CatalogSource { signals: meta.signals.clone(), scopes: meta.scopes.clone(), tops: meta.tops.clone() };
        Dumper {
            opts,
            precision: meta.precision,
            source,
            catalog: OnceCell::new(),
            chosen: Vec::new(),
            dumpfile: None,
            dumpvars_called: false,
            limit: None,
            pending: Vec::new(),
            actions: Vec::new(),
            on: true,
            limit_reached: false,
            finished: false,
            failed: false,
            last_sample: None,
            started_at: None,
            plan: None,
            writer: None,
            path: None,
            notes: Vec::new(),
        }
    }

    /// Scopes of the `--waves-scope` filter that the design does not have.
    pub fn unknown_filter_scopes(&self) -> Vec<String> {
        self.opts.scopes.iter().filter(|s| !self.catalog().has_scope(s)).cloned().collect()
    }

    fn catalog(&self) -> &Catalog {
        self.catalog.get_or_init(|| self.source.build())
    }

    /// `$dumpfile(name)`: ignored once the file is open, or when
    /// [`WaveOptions::file`] is given.
    pub fn dumpfile(&mut self, name: &str) {
        if self.writer.is_none() {
            self.dumpfile = Some(name.to_string());
        }
    }

    /// The file the dump goes (or will go) to, and its format. The runner
    /// checks it against the sandbox before the first sample.
    pub fn output_path(&self) -> (PathBuf, WaveFormat) {
        if let Some(p) = &self.path {
            return p.clone();
        }
        if let Some(file) = &self.opts.file {
            let format = self.opts.format.or_else(|| WaveFormat::from_path(file)).unwrap_or(WaveFormat::Vcd);
            return (file.clone(), format);
        }
        let named = self.dumpfile.as_ref().map(PathBuf::from);
        let format =
            self.opts.format.or_else(|| named.as_deref().and_then(WaveFormat::from_path)).unwrap_or(WaveFormat::Vcd);
        let mut path = named.unwrap_or_else(|| PathBuf::from(format!("dump.{}", format.extension())));
        // `--waves=fst` with `$dumpfile("x.vcd")` writes x.fst, not FST bytes in a .vcd.
        if WaveFormat::from_path(&path).is_some_and(|f| f != format) {
            path.set_extension(format.extension());
        }
        (path, format)
    }

    /// `$dumpvars(levels, items...)`: items are full hierarchical scope or
    /// signal names; empty = the whole design. Known items are selected even
    /// when Err reports unknown ones. Calls after the first sample are
    /// ignored (Err says so). The messages do not name `$dumpvars`: the
    /// caller prefixes them.
    pub fn dumpvars(&mut self, time: u64, levels: u32, items: &[String]) -> Result<(), String> {
        if self.writer.is_some() || self.failed {
            let first = self.started_at.unwrap_or(time);
            return Err(format!(
                "ignored: the dump already started at time {first} (every $dumpvars must run at the same time)"
            ));
        }
        self.dumpvars_called = true;
        let catalog = self.catalog.get_or_init(|| self.source.build());
        self.chosen.resize(catalog.vars.len(), false);
        let unknown = catalog.select(levels, items, self.opts.dump_arrays, &mut self.chosen);
        if unknown.is_empty() {
            Ok(())
        } else {
            let names: Vec<String> = unknown.iter().map(|n| format!("`{n}`")).collect();
            Err(format!("no scope or signal named {}", names.join(", ")))
        }
    }

    pub fn dumpoff(&mut self, _time: u64) {
        self.pending.push(Action::Off);
    }

    pub fn dumpon(&mut self, _time: u64) {
        self.pending.push(Action::On);
    }

    pub fn dumpall(&mut self, _time: u64) {
        self.pending.push(Action::All);
    }

    /// `$dumpflush`: write what is buffered (FST: before the next time step).
    pub fn dumpflush(&mut self) {
        if let Some(w) = &mut self.writer {
            if w.flush().is_err() {
                self.fail("cannot write the wave file");
            }
        }
    }

    /// `$dumplimit(bytes)`.
    pub fn dumplimit(&mut self, bytes: u64) {
        self.limit = Some(bytes);
    }

    /// Does `sample` have anything to do? False until `$dumpvars`, after
    /// `finish`, after `$dumplimit` was reached, and after an I/O error.
    pub fn wants_samples(&self) -> bool {
        self.dumpvars_called && !self.finished && !self.limit_reached && !self.failed
    }

    /// Messages for the user (file opened, limit reached, skipped entries).
    pub fn take_notes(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notes)
    }

    /// The end of time step `time`: the first call writes the header and
    /// every initial value, later ones the changes. A time earlier than the
    /// last sample is ignored.
    pub fn sample(&mut self, time: u64, arena: &[u8]) -> io::Result<()> {
        if !self.wants_samples() || self.last_sample.is_some_and(|last| time < last) {
            return Ok(());
        }
        self.last_sample = Some(time);
        let result = self.sample_inner(time, arena);
        if result.is_err() {
            self.failed = true;
        }
        result
    }

    fn sample_inner(&mut self, time: u64, arena: &[u8]) -> io::Result<()> {
        if self.writer.is_none() {
            return self.start(time, arena);
        }
        if self.check_limit()? {
            return Ok(());
        }
        let (Some(plan), Some(writer)) = (&mut self.plan, &mut self.writer) else { return Ok(()) };
        if arena.len() < plan.arena_end {
            return Err(io::Error::other("the arena shrank below the dumped signals"));
        }
        std::mem::swap(&mut self.actions, &mut self.pending);
        for i in 0..self.actions.len() {
            apply(self.actions[i], &mut self.on, time, plan, writer, arena)?;
        }
        self.actions.clear();
        if self.on {
            write_changes(time, plan, writer, arena)?;
        }
        Ok(())
    }

    /// The first sample: plan, file, header, `$dumpvars` section.
    fn start(&mut self, time: u64, arena: &[u8]) -> io::Result<()> {
        self.started_at = Some(time);
        let (plan, items, skipped) = self.build_plan(arena.len());
        if skipped > 0 {
            self.notes.push(format!("waves: {skipped} signal(s) of the metadata lie outside the arena; not dumped"));
        }
        let (path, format) = self.output_path();
        let mut writer = match format {
            WaveFormat::Vcd => {
                let mut w = vcd::VcdWriter::create(&path)?;
                w.header(self.precision, &items, plan.entries.len())?;
                Writer::Vcd(w)
            }
            WaveFormat::Fst => {
                Writer::Fst(Box::new(fst::FstSink::create(&path, self.precision, time, &items, &plan.entries)?))
            }
        };
        self.notes.push(format!("{} info: dumpfile {} opened for output.", format_name(format), path.display()));
        self.path = Some((path, format));
        writer.time(time)?;
        writer.keyword("$dumpvars")?;
        let mut plan = plan;
        for e in &plan.entries {
            writer.value(e, &arena[e.offset..e.offset + e.len])?;
        }
        writer.keyword("$end")?;
        refresh_shadow(&mut plan, arena);
        self.on = true;
        std::mem::swap(&mut self.actions, &mut self.pending);
        for i in 0..self.actions.len() {
            apply(self.actions[i], &mut self.on, time, &mut plan, &mut writer, arena)?;
        }
        self.actions.clear();
        self.plan = Some(plan);
        self.writer = Some(writer);
        Ok(())
    }

    /// Entries (sorted by offset, aliases merged), chunks and the header.
    /// Also returns how many chosen variables lie outside the arena.
    fn build_plan(&self, arena_len: usize) -> (Plan, Vec<HeaderItem>, usize) {
        let cat = self.catalog();
        let mut skipped = 0;
        // The chosen, in-arena variables, keyed by storage.
        let mut keep = vec![false; cat.vars.len()];
        let mut keys: Vec<(u64, u64, u32, bool)> = Vec::new();
        let mut key_index: HashMap<(u64, u64, u32, bool), usize> = HashMap::new();
        for (i, v) in cat.vars.iter().enumerate() {
            if !self.chosen.get(i).copied().unwrap_or(false) || !self.passes_filter(v.scope) {
                continue;
            }
            if v.offset.checked_add(v.bytes).is_none_or(|end| end > arena_len as u64) {
                skipped += 1;
                continue;
            }
            keep[i] = true;
            let key = (v.offset, v.bytes, v.width, v.value == ValueKind::Real);
            if let std::collections::hash_map::Entry::Vacant(slot) = key_index.entry(key) {
                slot.insert(keys.len());
                keys.push(key);
            }
        }
        keys.sort_unstable();
        let key_index: HashMap<_, usize> = keys.iter().enumerate().map(|(i, k)| (*k, i)).collect();
        let mut entries: Vec<Entry> = keys
            .iter()
            .enumerate()
            .map(|(index, &(offset, len, width, real))| Entry {
                index,
                offset: offset as usize,
                len: len as usize,
                shadow: 0,
                width,
                real,
            })
            .collect();
        let (chunks, shadow_len) = make_chunks(&mut entries);
        let arena_end = entries.iter().map(|e| e.offset + e.len).max().unwrap_or(0);
        let mut items = Vec::new();
        let mut vars = 0;
        for &root in &cat.roots {
            vars += self.header_scope(root, &keep, &key_index, &mut items);
        }
        let plan = Plan { entries, chunks, shadow: vec![0; shadow_len], arena_end, vars };
        (plan, items, skipped)
    }

    fn passes_filter(&self, scope: usize) -> bool {
        self.opts.scopes.is_empty() || self.opts.scopes.iter().any(|f| self.catalog().within(scope, f))
    }

    /// Header items of `scope` if it holds a kept variable somewhere below;
    /// returns the number of variables written.
    fn header_scope(
        &self,
        scope: usize,
        keep: &[bool],
        key_index: &HashMap<(u64, u64, u32, bool), usize>,
        items: &mut Vec<HeaderItem>,
    ) -> usize {
        let s = &self.catalog().scopes[scope];
        let mark = items.len();
        items.push(HeaderItem::Scope { name: s.name.clone(), kind: s.kind.clone() });
        let mut count = 0;
        for &vi in &s.vars {
            if !keep[vi] {
                continue;
            }
            let v = &self.catalog().vars[vi];
            let real = v.value == ValueKind::Real;
            let entry = key_index[&(v.offset, v.bytes, v.width, real)];
            items.push(HeaderItem::Var {
                name: v.name.clone(),
                var_type: v.var_type,
                width: v.width,
                msb: v.msb,
                lsb: v.lsb,
                real,
                entry,
            });
            count += 1;
        }
        for &child in &s.children {
            count += self.header_scope(child, keep, key_index, items);
        }
        if count == 0 {
            items.truncate(mark);
        } else {
            items.push(HeaderItem::Upscope);
        }
        count
    }

    /// Has the file reached `$dumplimit`? Stops the dump the first time.
    fn check_limit(&mut self) -> io::Result<bool> {
        let (Some(limit), Some(writer)) = (self.limit, &mut self.writer) else { return Ok(false) };
        if writer.bytes() < limit {
            return Ok(false);
        }
        self.limit_reached = true;
        writer.keyword(&format!("$comment Dump file limit ({limit} bytes) reached; no more values $end"))?;
        writer.flush()?;
        self.notes.push(format!("waves: dump file limit ({limit} bytes) reached; dumping stopped"));
        Ok(true)
    }

    fn fail(&mut self, what: &str) {
        self.failed = true;
        self.notes.push(format!("waves: {what}; dumping stopped"));
    }

    /// The last step's sample, then [`Dumper::finish`]: what a run should
    /// call when it ends, since the step that ran `$finish` (or hit a limit)
    /// has not been sampled yet. Sampling a time twice writes nothing twice.
    pub fn sample_and_finish(&mut self, time: u64, arena: &[u8]) -> io::Result<Option<WaveSummary>> {
        let sampled = self.sample(time, arena);
        let finished = self.finish(time);
        sampled?;
        finished
    }

    /// Close the file (the end time is written as a last `#t`). None when
    /// nothing was dumped. Call once, whatever ended the run; changes of a
    /// step not yet sampled are lost (see [`Dumper::sample_and_finish`]).
    pub fn finish(&mut self, time: u64) -> io::Result<Option<WaveSummary>> {
        if self.finished {
            return Ok(None);
        }
        self.finished = true;
        let Some(writer) = &mut self.writer else { return Ok(None) };
        let done = !self.limit_reached && !self.failed && self.last_sample.is_none_or(|last| time >= last);
        if done {
            writer.time(time)?;
        }
        writer.finish()?;
        let estimate = writer.bytes();
        let (path, format) = self.output_path();
        let bytes = std::fs::metadata(&path).map_or(estimate, |m| m.len());
        let signals = self.plan.as_ref().map_or(0, |p| p.vars);
        Ok(Some(WaveSummary { path, format, bytes, signals, limit_reached: self.limit_reached }))
    }
}

fn format_name(format: WaveFormat) -> &'static str {
    match format {
        WaveFormat::Vcd => "VCD",
        WaveFormat::Fst => "FST",
    }
}

/// Group entries (sorted by offset) into chunks and give each entry its
/// shadow offset. Returns the chunks and the shadow's size.
fn make_chunks(entries: &mut [Entry]) -> (Vec<Chunk>, usize) {
    let mut chunks: Vec<Chunk> = Vec::new();
    let mut shadow = 0;
    for (i, e) in entries.iter_mut().enumerate() {
        let (off, end) = (e.offset, e.offset + e.len);
        match chunks.last_mut() {
            Some(c) if off <= c.end + CHUNK_GAP && end.max(c.end) - c.start <= CHUNK_MAX => {
                shadow += end.saturating_sub(c.end);
                c.end = c.end.max(end);
                c.entries.end = i + 1;
                e.shadow = c.shadow + (off - c.start);
            }
            _ => {
                chunks.push(Chunk { start: off, end, shadow, entries: i..i + 1 });
                e.shadow = shadow;
                shadow += end - off;
            }
        }
    }
    (chunks, shadow)
}

/// Copy every chunk's arena bytes into the shadow.
fn refresh_shadow(plan: &mut Plan, arena: &[u8]) {
    for c in &plan.chunks {
        plan.shadow[c.shadow..c.shadow + (c.end - c.start)].copy_from_slice(&arena[c.start..c.end]);
    }
}

/// The hot loop: one memcmp per chunk; per-entry compares only in chunks
/// that changed.
fn write_changes(time: u64, plan: &mut Plan, writer: &mut Writer, arena: &[u8]) -> io::Result<()> {
    for c in &plan.chunks {
        let len = c.end - c.start;
        let now = &arena[c.start..c.end];
        if now == &plan.shadow[c.shadow..c.shadow + len] {
            continue;
        }
        for e in &plan.entries[c.entries.clone()] {
            let value = &arena[e.offset..e.offset + e.len];
            if !same(value, &plan.shadow[e.shadow..e.shadow + e.len]) {
                writer.time(time)?;
                writer.value(e, value)?;
            }
        }
        plan.shadow[c.shadow..c.shadow + len].copy_from_slice(now);
    }
    Ok(())
}

/// Byte equality; the common one-limb value (16 bytes) without a memcmp call.
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    match (<&[u8; 16]>::try_from(a), <&[u8; 16]>::try_from(b)) {
        (Ok(x), Ok(y)) => u128::from_ne_bytes(*x) == u128::from_ne_bytes(*y),
        _ => a == b,
    }
}

/// A section listing every entry (current values, or x for `$dumpoff`).
fn write_section(name: &str, x: bool, time: u64, plan: &mut Plan, writer: &mut Writer, arena: &[u8]) -> io::Result<()> {
    writer.time(time)?;
    writer.keyword(name)?;
    for e in &plan.entries {
        if x {
            writer.value_x(e)?;
        } else {
            writer.value(e, &arena[e.offset..e.offset + e.len])?;
        }
    }
    writer.keyword("$end")?;
    if !x {
        refresh_shadow(plan, arena);
    }
    Ok(())
}

/// Carry out one `$dumpoff`/`$dumpon`/`$dumpall` at the end of its step.
fn apply(
    action: Action,
    on: &mut bool,
    time: u64,
    plan: &mut Plan,
    writer: &mut Writer,
    arena: &[u8],
) -> io::Result<()> {
    match action {
        Action::Off if *on => {
            write_changes(time, plan, writer, arena)?;
            write_section("$dumpoff", true, time, plan, writer, arena)?;
            *on = false;
        }
        Action::On if !*on => {
            write_section("$dumpon", false, time, plan, writer, arena)?;
            *on = true;
        }
        Action::All if *on => {
            write_changes(time, plan, writer, arena)?;
            write_section("$dumpall", false, time, plan, writer, arena)?;
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A design with a 4096-word memory, as picorv32's testbench has.
    fn big_memory_meta() -> crate::Meta {
        serde_json::from_value(serde_json::json!({
            "abi_version": 1, "precision": -9, "tops": ["tb"],
            "signals": [{
                "id": 0, "name": "tb.memory", "offset": 1024, "width": 32, "signed": false,
                "four_state": true, "kind": "var", "ty": "integral", "elements": 4096,
                "elem_bytes": 16, "msb": 31, "lsb": 0, "dims": [[0, 4095]], "hidden": false
            }],
            "scopes": [{"path": "tb", "kind": "module"}]
        }))
        .expect("test meta deserialises")
    }

    #[test]
    fn the_catalog_is_built_only_when_a_dump_needs_it() {
        let mut dumper = Dumper::new(&big_memory_meta(), WaveOptions::default());
        assert!(dumper.unknown_filter_scopes().is_empty());
        assert!(dumper.catalog.get().is_none(), "no --waves-scope, no $dumpvars: no catalog");
        dumper.dumpvars(0, 0, &["tb.memory".to_string()]).expect("tb.memory exists");
        assert_eq!(dumper.catalog.get().map(|c| c.vars.len()), Some(4096));
        assert_eq!(dumper.chosen.iter().filter(|&&c| c).count(), 4096);
    }

    #[test]
    fn a_scope_filter_builds_the_catalog_to_check_its_scopes() {
        let opts = WaveOptions { scopes: vec!["tb.nowhere".to_string()], ..WaveOptions::default() };
        let dumper = Dumper::new(&big_memory_meta(), opts);
        assert_eq!(dumper.unknown_filter_scopes(), vec!["tb.nowhere".to_string()]);
        assert!(dumper.catalog.get().is_some());
    }
}
