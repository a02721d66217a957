//! The `wsim.meta` custom section: everything a host, wave writer or tool
//! needs to read the artifact without the compiler (JSON).

use serde::Serialize;
use wsim_diag::SourceMap;
use wsim_ir::{Design, ProcKind, ScopeKind, StmtKind, SubrKind};
use wsim_layout::{Layout, SignalEntry};

#[derive(Serialize)]
struct ProcEntry {
    id: u32,
    kind: &'static str,
    scope: String,
    frame: u32,
    file: Option<String>,
    line: Option<u32>,
    col: Option<u32>,
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
    /// Every scope, parents before children (waves build their hierarchy
    /// from it).
    scopes: Vec<ScopeEntry>,
    /// The design calls `$dumpvars` (else `--waves` dumps everything).
    dumpvars: bool,
    processes: Vec<ProcEntry>,
    sources: Vec<String>,
    sites: &'a [SiteEntry],
}

/// A source location the run can name (`$finish` at ...): file, 1-based
/// line and column, hierarchical scope.
#[derive(Serialize, Clone, Debug)]
pub struct SiteEntry {
    file: String,
    line: u32,
    col: u32,
    scope: String,
}

/// The `sites` table from the spans codegen registered (`Ctx::site`).
pub fn site_entries(d: &Design, sites: &[(wsim_diag::Span, wsim_ir::ScopeId)], sources: &SourceMap) -> Vec<SiteEntry> {
    sites
        .iter()
        .map(|&(span, scope)| {
            let (file, line, col) = if (span.file.0 as usize) < sources.len() {
                let f = sources.get(span.file);
                let (line, col) = f.line_col(span.start);
                (f.name.clone(), line, col)
            } else {
                (String::new(), 0, 0)
            };
            SiteEntry { file, line, col, scope: d.scope_path(scope) }
        })
        .collect()
}

#[derive(Serialize)]
struct ScopeEntry {
    path: String,
    /// `module`, `generate`, `begin`, `task`, `function` or `package`.
    kind: &'static str,
}

fn scope_entries(d: &Design) -> Vec<ScopeEntry> {
    d.scopes
        .iter()
        .map(|(id, sc)| ScopeEntry {
            path: d.scope_path(id),
            kind: match sc.kind {
                ScopeKind::Instance => "module",
                ScopeKind::GenBlock => "generate",
                ScopeKind::NamedBlock => "begin",
                ScopeKind::Subroutine if d.subrs.iter().any(|(_, s)| s.scope == id && s.kind == SubrKind::Function) => {
                    "function"
                }
                ScopeKind::Subroutine => "task",
                ScopeKind::Package => "package",
            },
        })
        .collect()
}

pub(crate) fn calls_dumpvars(d: &Design) -> bool {
    d.stmts.iter().any(|(_, s)| matches!(&s.kind, StmtKind::SysTask { name, .. } if name == "$dumpvars"))
}

pub struct MetaInput<'a> {
    pub compiler_version: &'a str,
    pub source_hash: &'a str,
    pub sources: &'a SourceMap,
    pub sites: Vec<SiteEntry>,
}

pub fn meta_json(d: &Design, lay: &Layout, pages: u64, input: &MetaInput) -> String {
    let processes = d
        .procs
        .iter()
        .map(|(id, p)| {
            let loc = (p.span.file.0 as usize) < input.sources.len();
            let (file, line, col) = if loc {
                let f = input.sources.get(p.span.file);
                let (line, col) = f.line_col(p.span.start);
                (Some(f.name.clone()), Some(line), Some(col))
            } else {
                (None, None, None)
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
                col,
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
        scopes: scope_entries(d),
        dumpvars: calls_dumpvars(d),
        processes,
        sources: input.sources.files().map(|(_, f)| f.name.clone()).collect(),
        sites: &input.sites,
    };
    serde_json::to_string(&meta).expect("metadata serialises")
}
