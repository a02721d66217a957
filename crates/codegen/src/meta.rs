//! The `wsim.meta` custom section: everything a host, wave writer or tool
//! needs to read the artifact without the compiler (JSON).

use serde::Serialize;
use wsim_diag::SourceMap;
use wsim_ir::{Design, ProcKind};
use wsim_layout::{Layout, SignalEntry};

#[derive(Serialize)]
struct ProcEntry {
    id: u32,
    kind: &'static str,
    scope: String,
    frame: u32,
    file: Option<String>,
    line: Option<u32>,
}

#[derive(Serialize)]
struct Meta<'a> {
    abi_version: u32,
    compiler_version: &'a str,
    source_hash: &'a str,
    /// Global precision (power of ten of seconds): one tick.
    precision: i8,
    /// Time unit of each top-level instance.
    top_time_units: Vec<i8>,
    tops: Vec<String>,
    arena_base: u32,
    heap_start: u32,
    initial_pages: u64,
    signals: &'a [SignalEntry],
    processes: Vec<ProcEntry>,
    sources: Vec<String>,
}

pub struct MetaInput<'a> {
    pub compiler_version: &'a str,
    pub source_hash: &'a str,
    pub sources: &'a SourceMap,
}

pub fn meta_json(d: &Design, lay: &Layout, pages: u64, input: &MetaInput) -> String {
    let processes = d
        .procs
        .iter()
        .map(|(id, p)| {
            let loc = (p.span.file.0 as usize) < input.sources.len();
            let (file, line) = if loc {
                let f = input.sources.get(p.span.file);
                (Some(f.name.clone()), Some(f.line_col(p.span.start).0))
            } else {
                (None, None)
            };
            ProcEntry {
                id: id.raw(),
                kind: match p.kind {
                    ProcKind::Initial => "initial",
                    ProcKind::Always => "always",
                    ProcKind::ContAssign => "assign",
                    ProcKind::Final => "final",
                },
                scope: d.scope_path(p.scope),
                frame: lay.procs[id.index()].offset,
                file,
                line,
            }
        })
        .collect();
    let meta = Meta {
        abi_version: wsim_abi::ABI_VERSION,
        compiler_version: input.compiler_version,
        source_hash: input.source_hash,
        precision: d.precision,
        top_time_units: d.tops.iter().map(|&t| d.scopes[t].time_unit).collect(),
        tops: d.tops.iter().map(|&t| d.scope_path(t)).collect(),
        arena_base: lay.arena_base,
        heap_start: lay.heap_start,
        initial_pages: pages,
        signals: &lay.table,
        processes,
        sources: input.sources.files().map(|(_, f)| f.name.clone()).collect(),
    };
    serde_json::to_string(&meta).expect("metadata serialises")
}
