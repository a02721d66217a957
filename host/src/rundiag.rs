//! The `host_diag` import: run-time diagnostics of the guest (delta limit,
//! out of memory, a `$readmemh` file that cannot be opened...), rendered
//! like compile-time ones — `file:line:col: error[CODE]: message`, the
//! source line with a caret when the file is still readable — plus a note
//! with the simulation time and the hierarchical scope.
//!
//! The guest names a place by an index into the meta section's `sites`, or
//! by the static frame of the process that was running (the meta section's
//! `processes` table maps frames to their source).

use crate::artifact::{Meta, Site};
use crate::runner::format_time;
use crate::services::{read_text, HostState};
use wasmtime::{Caller, Linker};
use wsim_abi::import;
use wsim_diag::{Code, Diagnostic, RenderOptions, SourceMap, Span};

/// What the host needs to place a run-time diagnostic.
#[derive(Clone, Debug, Default)]
pub struct DiagContext {
    pub precision: i8,
    pub sites: Vec<Site>,
    /// (static frame address, site) of every process.
    pub processes: Vec<(u32, Site)>,
    /// Text or JSON (`--diagnostic-format`), with or without the snippet.
    pub render: RenderOptions,
}

impl DiagContext {
    pub fn of(meta: &Meta, render: RenderOptions) -> DiagContext {
        let processes = meta.processes.iter().map(|p| (p.frame, p.site.clone())).collect();
        DiagContext { precision: meta.precision, sites: meta.sites.clone(), processes, render }
    }

    /// The site the guest named: `sites[site]`, or the process with `frame`.
    fn locate(&self, site: i32, frame: u32) -> Option<&Site> {
        match usize::try_from(site) {
            Ok(i) => self.sites.get(i),
            Err(_) => self.processes.iter().find(|(f, _)| *f == frame && frame != 0).map(|(_, s)| s),
        }
    }
}

/// The registered code with this id, or the generic run-time error.
fn code_of(id: &str) -> Code {
    wsim_diag::codes::all().into_iter().find(|c| c.id == id).unwrap_or(wsim_diag::codes::run::TRAP)
}

/// The rendered diagnostic (ends with a newline).
pub fn render(
    cx: &DiagContext,
    severity: i32,
    code: &str,
    site: i32,
    frame: u32,
    msg: &str,
    now: Option<u64>,
) -> String {
    let code = code_of(code);
    let mut d = if severity >= wsim_abi::severity::ERROR {
        Diagnostic::error(code, None, msg.to_string())
    } else {
        Diagnostic::warning(code, None, msg.to_string())
    };
    let place = cx.locate(site, frame);
    let time = now.map(|t| format_time(t, cx.precision));
    let note = match (time, place.map(|p| p.scope.as_str()).filter(|s| !s.is_empty())) {
        (Some(t), Some(scope)) => Some(format!("at time {t} in {scope}")),
        (Some(t), None) => Some(format!("at time {t}")),
        (None, Some(scope)) => Some(format!("in {scope}")),
        (None, None) => None,
    };
    if let Some(note) = note {
        d = d.with_note(note);
    }
    let mut sources = SourceMap::new();
    let mut render = cx.render;
    if let Some(place) = place.filter(|p| !p.file.is_empty() && p.line > 0) {
        // When the sources moved since compilation, blank lines up to the
        // place still give the location, without a snippet.
        let text = std::fs::read_to_string(&place.file).unwrap_or_else(|_| {
            render.show_context = false;
            "\n".repeat(place.line as usize - 1) + &" ".repeat(place.col as usize)
        });
        let file = sources.add(place.file.clone(), text);
        let offset = offset_of(&sources.get(file).text, place.line, place.col);
        d.span = Some(Span::new(file, offset, offset + 1));
    }
    wsim_diag::render_with(&sources, &d, &render)
}

/// Byte offset of 1-based `line`:`col` in `text` (clamped to the text).
fn offset_of(text: &str, line: u32, col: u32) -> u32 {
    let start: usize = text.split_inclusive('\n').take(line.saturating_sub(1) as usize).map(str::len).sum();
    let line_len = text[start.min(text.len())..].find('\n').unwrap_or(text.len() - start.min(text.len()));
    (start + (col.saturating_sub(1) as usize).min(line_len)).min(text.len()) as u32
}

impl HostState {
    fn runtime_diag(&mut self, severity: i32, code: &str, site: i32, frame: u32, msg: &str, now: Option<u64>) {
        let text = render(&self.diag_context, severity, code, site, frame, msg, now);
        self.write(wsim_abi::fd::STDERR, text.as_bytes());
    }
}

/// The guest's current time, read from the arena.
fn now_of(caller: &Caller<'_, HostState>) -> Option<u64> {
    let addr = caller.data().now_addr? as usize;
    let memory = caller.data().memory?;
    let bytes = memory.data(caller).get(addr..addr + 8)?;
    Some(u64::from_le_bytes(bytes.try_into().ok()?))
}

/// Define `env.host_diag` on `linker`.
pub fn add_to_linker(linker: &mut Linker<HostState>) -> wasmtime::Result<()> {
    linker.func_wrap(
        import::MODULE,
        import::DIAG,
        |mut caller: Caller<'_, HostState>,
         severity: i32,
         code_ptr: i32,
         code_len: i32,
         site: i32,
         frame: i32,
         msg_ptr: i32,
         msg_len: i32| {
            let code = read_text(&caller, code_ptr, code_len, import::DIAG)?;
            let msg = read_text(&caller, msg_ptr, msg_len, import::DIAG)?;
            let now = now_of(&caller);
            caller.data_mut().runtime_diag(severity, &code, site, frame as u32, &msg, now);
            Ok(())
        },
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context(file: &str) -> DiagContext {
        let site = Site { file: file.into(), line: 2, col: 5, scope: "tb.u1".into() };
        DiagContext {
            precision: -9,
            sites: vec![site.clone()],
            processes: vec![(4096, site)],
            render: RenderOptions::default(),
        }
    }

    #[test]
    fn renders_location_snippet_time_and_scope() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("tb.v");
        std::fs::write(&path, "module tb;\n    $readmemh(\"x.hex\", m);\nendmodule\n").expect("write");
        let name = path.display().to_string();
        let text = render(&context(&name), 2, "E0505", 0, 0, "$readmemh: cannot open x.hex for reading", Some(15));
        assert_eq!(
            text,
            format!(
                "{name}:2:5: error[E0505]: $readmemh: cannot open x.hex for reading\n 2 |     $readmemh(\"x.hex\", m);\n   |     ^\n  = note: at time 15ns in tb.u1\n"
            )
        );
    }

    #[test]
    fn a_frame_names_its_process_and_missing_sources_keep_the_location() {
        let text = render(&context("/no/such/tb.v"), 2, "E0504", -1, 4096, "more than 3 delta cycles", Some(0));
        assert_eq!(text, "/no/such/tb.v:2:5: error[E0504]: more than 3 delta cycles\n  = note: at time 0ns in tb.u1\n");
        let unknown = render(&context("tb.v"), 1, "E0504", -1, 77, "loop", None);
        assert_eq!(unknown, "wsim: warning[E0504]: loop\n");
    }

    #[test]
    fn process_rows_without_a_location_still_load() {
        let json = r#"{"abi_version":2,"precision":-9,"processes":[
            {"id":0,"kind":"always","scope":"tb","frame":64,"file":"tb.v","line":3,"col":2},
            {"id":1,"kind":"assign","scope":"tb","frame":128,"file":null,"line":null,"col":null}]}"#;
        let meta: Meta = serde_json::from_str(json).expect("meta with null locations parses");
        let cx = DiagContext::of(&meta, RenderOptions::default());
        assert_eq!(cx.locate(-1, 64).map(|s| s.to_string()), Some("tb.v:3:2".to_string()));
        assert_eq!(cx.locate(-1, 128).map(|s| (s.line, s.scope.as_str())), Some((0, "tb")));
    }

    #[test]
    fn offsets_are_clamped() {
        assert_eq!(offset_of("ab\ncd\n", 2, 2), 4);
        assert_eq!(offset_of("ab\ncd\n", 9, 9), 6);
        assert_eq!(offset_of("ab", 1, 99), 2);
    }
}
