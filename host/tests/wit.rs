//! `wit/wsim.wit` against artifacts, function by function.
//!
//! wit-parser lowers every WIT function with the canonical ABI
//! (`Resolve::wasm_signature`); the result must equal the core signature of
//! the matching import (`env.<snake_name>`) or export (`<snake_name>`) in an
//! artifact, and the WIT must name every function the artifact imports or
//! exports through the ABI. Checked against a module built from the ABI
//! with wasm-encoder, against the host's own signature tables, and against
//! a real design compiled by the `wsim` binary (which the host cannot
//! depend on, since the compiler depends on the host).

use std::collections::BTreeMap;
use wit_parser::abi::{AbiVariant, WasmType as WitWasm};
use wit_parser::{Resolve, WorldItem};
use wsim_host::{Artifact, Signature, WasmType};

/// WIT functions of the artifact world, lowered: core name -> signature,
/// separately for imports and exports.
pub struct LoweredWit {
    pub imports: BTreeMap<String, Signature>,
    pub exports: BTreeMap<String, Signature>,
}

fn wit_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../wit/wsim.wit")
}

fn lower(resolve: &Resolve, func: &wit_parser::Function, variant: AbiVariant) -> Signature {
    let sig = resolve.wasm_signature(variant, func);
    assert!(!sig.indirect_params && !sig.retptr, "{} must lower to scalars only", func.name);
    let conv = |t: &WitWasm| match t {
        WitWasm::I32 => WasmType::I32,
        WitWasm::I64 => WasmType::I64,
        WitWasm::F32 => WasmType::F32,
        WitWasm::F64 => WasmType::F64,
        other => panic!("{}: unexpected lowered type {other:?}", func.name),
    };
    Signature { params: sig.params.iter().map(conv).collect(), results: sig.results.iter().map(conv).collect() }
}

pub fn lowered_wit() -> LoweredWit {
    let text = std::fs::read_to_string(wit_path()).expect("wit/wsim.wit exists");
    let mut resolve = Resolve::new();
    let package = resolve.push_str(wit_path(), &text).expect("wit/wsim.wit parses");
    assert_eq!(resolve.packages[package].name.to_string(), "wsim:artifact@0.1.0");
    let world = resolve.select_world(&[package], Some("artifact")).expect("world `artifact`");
    let mut lowered = LoweredWit { imports: BTreeMap::new(), exports: BTreeMap::new() };
    let snake = |name: &str| name.replace('-', "_");
    for item in resolve.worlds[world].imports.values() {
        match item {
            WorldItem::Interface { id, .. } => {
                for func in resolve.interfaces[*id].functions.values() {
                    let sig = lower(&resolve, func, AbiVariant::GuestImport);
                    lowered.imports.insert(snake(&func.name), sig);
                }
            }
            WorldItem::Function(func) => {
                lowered.imports.insert(snake(&func.name), lower(&resolve, func, AbiVariant::GuestImport));
            }
            WorldItem::Type(_) => {}
        }
    }
    for item in resolve.worlds[world].exports.values() {
        match item {
            WorldItem::Function(func) => {
                lowered.exports.insert(snake(&func.name), lower(&resolve, func, AbiVariant::GuestExport));
            }
            other => panic!("the artifact world exports only functions, found {other:?}"),
        }
    }
    lowered
}

/// Every WIT function must match the artifact, and every ABI function of
/// the artifact must be in the WIT.
pub fn check_against(artifact: &Artifact, wit: &LoweredWit) {
    for (name, wit_sig) in &wit.imports {
        let core = artifact.import_signature(wsim_abi::import::MODULE, name);
        if let Some(core) = core {
            assert_eq!(core, wit_sig, "import env.{name}: artifact {core} vs WIT {wit_sig}");
        }
    }
    for (_, name, kind) in &artifact.imports {
        if let wsim_host::artifact::ImportKind::Func(core) = kind {
            let wit_sig = wit.imports.get(name).unwrap_or_else(|| panic!("env.{name} is missing from wsim.wit"));
            assert_eq!(core, wit_sig, "import env.{name}");
        }
    }
    for (name, wit_sig) in &wit.exports {
        let core = artifact.export_signature(name).unwrap_or_else(|| panic!("the artifact lacks export {name}"));
        assert_eq!(core, wit_sig, "export {name}: artifact {core} vs WIT {wit_sig}");
    }
}

#[test]
fn wit_matches_an_abi_module_function_by_function() {
    let wit = lowered_wit();
    let artifact = Artifact::from_bytes(wsim_host::testing::GuestBuilder::default().build()).unwrap();
    check_against(&artifact, &wit);
    // The hand-built module imports every host service, so both directions
    // were checked for all of them.
    assert_eq!(wit.imports.len(), wsim_host::artifact::host_import_signatures().len());
}

#[test]
fn wit_matches_the_hosts_signature_tables() {
    let wit = lowered_wit();
    let imports: BTreeMap<String, Signature> =
        wsim_host::artifact::host_import_signatures().into_iter().map(|(n, s)| (n.to_string(), s)).collect();
    let exports: BTreeMap<String, Signature> = wsim_host::artifact::required_export_signatures()
        .into_iter()
        .chain(wsim_host::artifact::optional_export_signatures())
        .map(|(n, s)| (n.to_string(), s))
        .collect();
    assert_eq!(wit.imports, imports);
    assert_eq!(wit.exports, exports);
}

/// The `wsim` binary: `WSIM_BIN`, else built with cargo into the target
/// directory this test runs from (a no-op when it is up to date).
fn wsim_binary() -> std::path::PathBuf {
    if let Some(bin) = std::env::var_os("WSIM_BIN") {
        return bin.into();
    }
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().and_then(|deps| deps.parent()).expect("<target>/<profile>/deps/<test>");
    let target_dir = profile_dir.parent().expect("<target>");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut build = std::process::Command::new(cargo);
    build.args(["build", "--quiet", "-p", "wsim", "--bin", "wsim"]).env("CARGO_TARGET_DIR", target_dir);
    if profile_dir.file_name().is_some_and(|n| n == "release") {
        build.arg("--release");
    }
    let status = build.current_dir(env!("CARGO_MANIFEST_DIR")).status().expect("cargo runs");
    assert!(status.success(), "cargo build -p wsim failed");
    profile_dir.join(format!("wsim{}", std::env::consts::EXE_SUFFIX))
}

#[test]
fn wit_matches_a_real_compiled_design() {
    let dir = tempfile::tempdir().unwrap();
    let source = "module t;\n  reg [7:0] r;\n  initial begin\n    r = 8'h2a;\n    $display(\"%h\", r);\n    $finish;\n  end\nendmodule\n";
    std::fs::write(dir.path().join("t.v"), source).unwrap();
    let out = std::process::Command::new(wsim_binary())
        .args(["compile", "t.v", "--top", "t", "-o", "t.wasm", "--no-cache"])
        .current_dir(dir.path())
        .output()
        .expect("wsim runs");
    assert!(out.status.success(), "wsim compile failed: {}", String::from_utf8_lossy(&out.stderr));
    let artifact = Artifact::read(&dir.path().join("t.wasm")).expect("a valid artifact");
    assert!(artifact.import_signature("env", "host_write").is_some(), "$display needs host_write");
    check_against(&artifact, &lowered_wit());
}
