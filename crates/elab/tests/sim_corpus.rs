//! Every golden simulation test (`tests/sim/*.{v,sv}`) and the picorv32
//! testbench must elaborate without errors: a broad check that elaboration
//! accepts what the rest of the pipeline is tested with.

use std::path::{Path, PathBuf};

use wsim_diag::{render, SourceMap};
use wsim_elab::{elaborate, ElabOptions};

fn header_raw(text: &str, key: &str) -> Option<String> {
    text.lines()
        .take_while(|l| l.starts_with("//!"))
        .filter_map(|l| l.trim_start_matches("//!").trim().strip_prefix(key).map(|r| r.trim().to_string()))
        .find_map(|r| r.strip_prefix('=').map(|v| v.trim().to_string()))
}

fn header_value(text: &str, key: &str) -> Option<String> {
    header_raw(text, key).map(|v| v.trim_matches('"').to_string())
}

/// A TOML array of strings, as the headers write them.
fn header_list(text: &str, key: &str) -> Vec<String> {
    let Some(raw) = header_raw(text, key) else {
        return vec![];
    };
    let inner = raw.trim().trim_start_matches('[').trim_end_matches(']');
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_str = false;
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' if in_str => {
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            '"' => {
                if in_str {
                    out.push(std::mem::take(&mut cur));
                }
                in_str = !in_str;
            }
            _ if in_str => cur.push(c),
            _ => {}
        }
    }
    out
}

/// Elaborate one file; the rendered diagnostics when there are errors.
fn elaborate_file(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let mut sm = SourceMap::new();
    let f = sm.add(path.file_name().unwrap().to_string_lossy(), text.clone());
    let defines = header_list(&text, "defines")
        .into_iter()
        .map(|d| match d.split_once('=') {
            Some((k, v)) => (k.to_string(), Some(v.to_string())),
            None => (d, None),
        })
        .collect();
    let opts = wsim_syntax::PpOptions {
        include_dirs: vec![path.parent().unwrap().to_string_lossy().into()],
        defines,
        ..Default::default()
    };
    let mut inputs = vec![f];
    if path.ends_with("picorv32/tb_picorv32.v") {
        // The core is not committed: `PICORV32_V` names it (as tests/picorv32.rs).
        let Some(core) = std::env::var_os("PICORV32_V") else { return Ok(()) };
        let core_text = std::fs::read_to_string(&core).map_err(|e| e.to_string())?;
        inputs.insert(0, sm.add(core.to_string_lossy(), core_text));
    }
    let (toks, mut diags) = wsim_syntax::preprocess(&mut sm, &inputs, &opts, &wsim_syntax::FsLoader);
    let (unit, d2) = wsim_syntax::parse(&toks);
    diags.extend(d2);
    if diags.has_errors() {
        // Front-end problems belong to the syntax tests.
        eprintln!("skipped (front-end errors): {}", path.display());
        return Ok(());
    }
    let mut eo = ElabOptions::default();
    if let Some(top) = header_value(&text, "top") {
        eo.tops.push(top);
    }
    for arg in header_list(&text, "compile_args") {
        if let Some((k, v)) = arg.strip_prefix("-G").and_then(|a| a.split_once('=')) {
            eo.param_overrides.push((k.to_string(), v.to_string()));
        }
    }
    let (design, d3) = elaborate(&unit, &eo);
    if d3.has_errors() {
        return Err(d3.list.iter().map(|d| render(&sm, d)).collect());
    }
    let mut bad = Vec::new();
    if let Some(d) = &design {
        bad = wsim_elab::validate::check(d);
        if let Err(errs) = wsim_ir::validate::validate(d) {
            bad.extend(errs.iter().map(|e| e.to_string()));
        }
    }
    if !bad.is_empty() {
        return Err(format!("IR contract violations:\n{}", bad.join("\n")));
    }
    Ok(())
}

fn corpus() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(root.join("sim")).map(|rd| rd.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    files.retain(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("v" | "sv")));
    files.push(root.join("picorv32/tb_picorv32.v"));
    files.retain(|p| p.exists());
    files.sort();
    files
}

/// Golden tests that use a construct elaboration reports as unsupported
/// (E0304), with the reason. When support lands, the test fails until the
/// entry is removed.
const KNOWN_UNSUPPORTED: &[(&str, &str)] = &[];

#[test]
fn golden_sources_elaborate_cleanly() {
    let mut failures = Vec::new();
    for path in corpus() {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        if header_value(&text, "kind").as_deref() == Some("compile-error") {
            continue;
        }
        // `$sdf_annotate` reads its file relative to the compile's working
        // directory (tests/sim under the golden harness, which covers them).
        if text.contains("$sdf_annotate") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let known = KNOWN_UNSUPPORTED.iter().any(|(n, _)| *n == name);
        match elaborate_file(&path) {
            Err(msg) if known && msg.contains("error[E0304]") => {}
            Err(msg) => failures.push(format!("{}:\n{msg}", path.display())),
            Ok(()) if known => failures.push(format!("{name} now elaborates: remove it from KNOWN_UNSUPPORTED")),
            Ok(()) => {}
        }
    }
    assert!(failures.is_empty(), "{} files failed:\n{}", failures.len(), failures.join("\n"));
}
