//! Corrupt artifacts: every way a `.wasm` handed to `wsim run` can be broken
//! gets a clear error with its full message, never a crash. `host.rs` covers
//! the basic rejections (empty file, bad magic, no meta, one unknown import,
//! one wrongly typed import, one missing export, a trap in `wsim_run`); this
//! suite tampers with a valid [`GuestBuilder`] module section by section:
//! truncation at every interesting point, the header, the `wsim.meta` JSON
//! (syntax, field types, ABI version, precision, signal table), imports
//! (unknown, non-function, wrong signature, memory limits), exports (wrong
//! type, not a function) and a start function that traps while loading.

use wasm_encoder::{
    Encode, EntityType, ExportKind, ExportSection, GlobalType, ImportSection, MemoryType, StartSection, TableType,
    ValType,
};
use wsim_abi::{export, import, ABI_VERSION, META_SECTION};
use wsim_host::testing::{self, GuestBuilder};
use wsim_host::{Artifact, HostError, RunOptions, Sink};

// ------------------------------------------------------------ helpers

fn load(bytes: Vec<u8>) -> Result<Artifact, HostError> {
    Artifact::from_named_bytes("top.wasm", bytes)
}

/// The full rejection message (and its code).
fn rejection(bytes: Vec<u8>) -> (String, String) {
    let err = load(bytes).expect_err("must be rejected");
    (err.code().id.to_string(), err.to_string())
}

fn bad(reason: &str) -> (String, String) {
    ("E0501".to_string(), format!("top.wasm is not a wsim artifact: {reason}"))
}

/// Load and run with captured output, no native cache.
fn load_and_run(bytes: Vec<u8>) -> Result<wsim_host::RunOutcome, HostError> {
    let artifact = load(bytes)?;
    let opts = RunOptions {
        use_cache: false,
        stdout: Sink::Capture(Vec::new()),
        stderr: Sink::Capture(Vec::new()),
        ..Default::default()
    };
    wsim_host::run(&artifact, opts)
}

/// One top-level section of a module: id and payload.
#[derive(Clone)]
struct Section {
    id: u8,
    payload: Vec<u8>,
}

/// The unsigned LEB128 at `bytes[*pos..]`; `pos` moves past it.
fn read_leb_u32(bytes: &[u8], pos: &mut usize) -> u32 {
    let mut reader = wasmparser::BinaryReader::new(&bytes[*pos..], 0);
    let value = reader.read_var_u32().expect("a LEB128 u32");
    *pos += reader.current_position();
    value
}

/// Split a (valid) module into its sections.
fn sections(module: &[u8]) -> Vec<Section> {
    let mut pos = 8;
    let mut out = Vec::new();
    while pos < module.len() {
        let id = module[pos];
        pos += 1;
        let len = read_leb_u32(module, &mut pos) as usize;
        out.push(Section { id, payload: module[pos..pos + len].to_vec() });
        pos += len;
    }
    out
}

fn assemble(sections: &[Section]) -> Vec<u8> {
    let mut out = b"\0asm\x01\0\0\0".to_vec();
    for s in sections {
        out.push(s.id);
        (s.payload.len() as u32).encode(&mut out);
        out.extend_from_slice(&s.payload);
    }
    out
}

/// Byte offset where each section (its id byte) starts, and the module end.
fn section_starts(module: &[u8]) -> Vec<usize> {
    let mut pos = 8;
    let mut starts = Vec::new();
    while pos < module.len() {
        starts.push(pos);
        pos += 1;
        let len = read_leb_u32(module, &mut pos) as usize;
        pos += len;
    }
    starts
}

const IMPORT_SECTION: u8 = 2;
const EXPORT_SECTION: u8 = 7;
const START_SECTION: u8 = 8;
const CUSTOM_SECTION: u8 = 0;

/// The module with section `id` replaced by `payload` (encoded by wasm-encoder).
fn replace_section(module: &[u8], id: u8, payload: Vec<u8>) -> Vec<u8> {
    let mut s = sections(module);
    let slot = s.iter_mut().find(|s| s.id == id).expect("the section exists");
    slot.payload = payload;
    assemble(&s)
}

fn encoded(section: &impl wasm_encoder::Encode) -> Vec<u8> {
    let mut bytes = Vec::new();
    section.encode(&mut bytes);
    // `Encode` of a section writes its size first: strip that LEB.
    let mut pos = 0;
    let len = read_leb_u32(&bytes, &mut pos) as usize;
    assert_eq!(pos + len, bytes.len());
    bytes[pos..].to_vec()
}

/// A default guest whose `wsim.meta` is `meta`.
fn with_meta(meta: &str) -> Vec<u8> {
    GuestBuilder { meta: Some(meta.to_string()), ..Default::default() }.build()
}

/// The default meta with `field` set to the raw JSON `value`.
fn meta_with(field: &str, value: &str) -> String {
    let mut meta: serde_json::Value = serde_json::from_str(&testing::meta_json(ABI_VERSION)).unwrap();
    meta[field] = serde_json::from_str(value).unwrap();
    meta.to_string()
}

/// The function imports of a default [`GuestBuilder`] module, in order:
/// (name, type index). Read from the module so the tests follow the
/// builder when the ABI grows a service.
fn builder_function_imports() -> Vec<(String, u32)> {
    let module = GuestBuilder::default().build();
    let mut out = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(&module) {
        if let Ok(wasmparser::Payload::ImportSection(reader)) = payload {
            for imp in reader.into_imports() {
                let imp = imp.unwrap();
                if let wasmparser::TypeRef::Func(t) = imp.ty {
                    out.push((imp.name.to_string(), t));
                }
            }
        }
    }
    assert!(out.iter().any(|(n, _)| n == import::READ_FILE), "{out:?}");
    out
}

/// Type index of the builder's import `name`.
fn import_type(name: &str) -> u32 {
    builder_function_imports().into_iter().find(|(n, _)| n == name).unwrap().1
}

/// An import section: `memory` (if any) as `env.memory`, then the builder's
/// function imports, with `retype` giving some of them another type index.
fn imports(memory: Option<EntityType>, retype: &[(&str, u32)]) -> ImportSection {
    let mut imports = ImportSection::new();
    if let Some(m) = memory {
        imports.import(import::MODULE, import::MEMORY, m);
    }
    for (name, ty) in builder_function_imports() {
        let ty = retype.iter().find(|(n, _)| *n == name).map_or(ty, |(_, t)| *t);
        imports.import(import::MODULE, &name, EntityType::Function(ty));
    }
    imports
}

/// The builder's import section with `memory` in place of the arena.
fn imports_with_memory(memory: EntityType) -> Vec<u8> {
    encoded(&imports(Some(memory), &[]))
}

fn memory(minimum: u64, maximum: Option<u64>, memory64: bool, shared: bool) -> EntityType {
    EntityType::Memory(MemoryType { minimum, maximum, memory64, shared, page_size_log2: None })
}

/// Function index of the builder's `wsim_init` (the first after the
/// imports); `wsim_run`, `wsim_time`, `wsim_exit_code`, `wsim_final` follow.
fn init_func() -> u32 {
    builder_function_imports().len() as u32
}

fn time_func() -> u32 {
    init_func() + 2
}

/// The export section of a [`GuestBuilder`] module with `changes` applied.
fn exports_with(changes: &[(&str, ExportKind, u32)]) -> Vec<u8> {
    let first = init_func();
    let mut list: Vec<(&str, ExportKind, u32)> = vec![
        (export::INIT, ExportKind::Func, first),
        (export::RUN, ExportKind::Func, first + 1),
        (export::TIME, ExportKind::Func, first + 2),
        (export::EXIT_CODE, ExportKind::Func, first + 3),
        (export::FINAL, ExportKind::Func, first + 4),
    ];
    for change in changes {
        match list.iter_mut().find(|(n, _, _)| *n == change.0) {
            Some(slot) => *slot = *change,
            None => list.push(*change),
        }
    }
    let mut exports = ExportSection::new();
    for (name, kind, index) in list {
        exports.export(name, kind, index);
    }
    encoded(&exports)
}

// ------------------------------------------------------------ truncation

#[test]
fn truncation_at_every_section_boundary_is_rejected() {
    let full = GuestBuilder::default().build();
    let starts = section_starts(&full);
    assert!(starts.len() >= 7, "types, imports, functions, globals, exports, code, data, meta");
    // Cutting exactly at a boundary leaves a shorter *valid* module: what is
    // missing decides the message (the meta section is the last one).
    assert_eq!(rejection(full[..8].to_vec()), bad("no `wsim.meta` section"));
    assert_eq!(rejection(full[..*starts.last().unwrap()].to_vec()), bad("no `wsim.meta` section"));
    // Cutting inside a section is a truncation, whatever the section.
    for &start in &starts {
        for cut in [start + 1, start + 2, start + 5] {
            if cut >= full.len() {
                continue;
            }
            let (code, msg) = rejection(full[..cut].to_vec());
            assert_eq!(code, "E0501", "cut at {cut}");
            let expected = format!("top.wasm is not a wsim artifact: truncated wasm (unexpected end at byte {cut})");
            assert!(
                msg.starts_with("top.wasm is not a wsim artifact: truncated wasm (unexpected end at byte "),
                "cut at {cut}: {msg}"
            );
            assert!(msg == expected || truncation_offset(&msg) <= cut, "cut at {cut}: {msg}");
        }
    }
    // One byte short of the end: inside the meta JSON.
    let (_, msg) = rejection(full[..full.len() - 1].to_vec());
    assert!(msg.starts_with("top.wasm is not a wsim artifact: truncated wasm (unexpected end at byte "), "{msg}");
}

fn truncation_offset(msg: &str) -> usize {
    msg.rsplit("byte ").next().unwrap().trim_end_matches(')').parse().unwrap()
}

#[test]
fn header_damage_is_named() {
    let full = GuestBuilder::default().build();
    let mut upper = full.clone();
    upper[1..4].copy_from_slice(b"ASM");
    assert_eq!(rejection(upper), bad("bad magic"));
    assert_eq!(rejection(b"\x7fELF\x02\x01\x01\0".to_vec()), bad("bad magic"));
    assert_eq!(rejection(b"module m; endmodule\n".to_vec()), bad("bad magic"));
    let mut version2 = full.clone();
    version2[4] = 2;
    assert_eq!(rejection(version2), bad("not a core wasm module (a component or an unknown wasm version)"));
    assert_eq!(rejection(b"\0asm\x01\0\0".to_vec()), bad("truncated wasm header"));
}

#[test]
fn section_with_a_length_past_the_end_is_rejected() {
    // An import section that claims 2^28 bytes.
    let mut bytes = b"\0asm\x01\0\0\0\x02\x80\x80\x80\x80\x01".to_vec();
    bytes.extend_from_slice(&[0; 16]);
    let (code, msg) = rejection(bytes);
    assert_eq!(code, "E0501");
    assert!(msg.starts_with("top.wasm is not a wsim artifact: "), "{msg}");
    assert!(msg.contains("unexpected end") || msg.contains("malformed wasm"), "{msg}");
}

// ------------------------------------------------------------ wsim.meta

#[test]
fn meta_that_is_not_json_is_rejected() {
    assert_eq!(
        rejection(with_meta("{\"abi_version\": 1,")),
        bad("malformed `wsim.meta` section: EOF while parsing a value at line 1 column 18")
    );
    assert_eq!(
        rejection(with_meta("")),
        bad("malformed `wsim.meta` section: EOF while parsing a value at line 1 column 0")
    );
    let mut invalid_utf8 = testing::meta_json(ABI_VERSION).into_bytes();
    invalid_utf8.insert(invalid_utf8.len() - 2, 0xff);
    // The builder takes a String: splice the bad byte into the encoded module.
    let module = GuestBuilder::default().build();
    let mut s = sections(&module);
    let meta = s.iter_mut().find(|s| s.id == CUSTOM_SECTION).unwrap();
    let mut payload = Vec::new();
    (META_SECTION.len() as u32).encode(&mut payload);
    payload.extend_from_slice(META_SECTION.as_bytes());
    payload.extend_from_slice(b"{\"abi_version\":\"\xff\"}");
    meta.payload = payload;
    let (code, msg) = rejection(assemble(&s));
    assert_eq!(code, "E0501");
    assert!(msg.starts_with("top.wasm is not a wsim artifact: malformed `wsim.meta` section: "), "{msg}");
}

#[test]
fn meta_fields_of_the_wrong_type_are_rejected() {
    assert_eq!(
        rejection(with_meta("\"meta\"")),
        bad("malformed `wsim.meta` section: invalid type: string \"meta\", expected struct Meta at line 1 column 6")
    );
    assert_eq!(
        rejection(with_meta(&meta_with("abi_version", "\"1\""))),
        bad("malformed `wsim.meta` section: invalid type: string \"1\", expected u64 at line 1 column 18")
    );
    let (code, msg) = rejection(with_meta(&meta_with("precision", "\"1ps\"")));
    assert_eq!(code, "E0501");
    assert!(
        msg.starts_with(
            "top.wasm is not a wsim artifact: malformed `wsim.meta` section: invalid type: string \"1ps\", expected i8"
        ),
        "{msg}"
    );
    let (_, msg) = rejection(with_meta(&meta_with("signals", "{}")));
    assert!(
        msg.starts_with(
            "top.wasm is not a wsim artifact: malformed `wsim.meta` section: invalid type: map, expected a sequence"
        ),
        "{msg}"
    );
}

#[test]
fn meta_without_abi_version_or_with_a_negative_one_is_rejected() {
    assert_eq!(
        rejection(with_meta("{}")),
        bad("malformed `wsim.meta` section: missing field `abi_version` at line 1 column 2")
    );
    let (code, msg) = rejection(with_meta(&meta_with("abi_version", "-1")));
    assert_eq!(code, "E0501");
    assert!(
        msg.starts_with(
            "top.wasm is not a wsim artifact: malformed `wsim.meta` section: invalid value: integer `-1`, expected u64"
        ),
        "{msg}"
    );
    let (code, msg) = rejection(with_meta(&meta_with("abi_version", "0")));
    assert_eq!(code, "E0502");
    assert_eq!(
        msg,
        format!(
            "top.wasm was built for wsim ABI version 0, but this wsim runs ABI version {ABI_VERSION}; recompile it"
        )
    );
    let (code, msg) = rejection(with_meta(&meta_with("abi_version", "18446744073709551615")));
    assert_eq!(code, "E0502");
    assert!(msg.starts_with("top.wasm was built for wsim ABI version 18446744073709551615,"), "{msg}");
}

#[test]
fn precision_out_of_range_is_rejected() {
    let (_, msg) = rejection(with_meta(&meta_with("precision", "1000")));
    assert!(msg.starts_with("top.wasm is not a wsim artifact: malformed `wsim.meta` section: invalid value: integer `1000`, expected i8"), "{msg}");
    // Fits an i8 but is no time unit: 10^100 s would overflow every time
    // computation, 10^-100 s is below the femtosecond.
    assert_eq!(
        rejection(with_meta(&meta_with("precision", "100"))),
        bad("`wsim.meta` precision 100 is not a time unit: it must lie between 2 (100 s) and -15 (1 fs)")
    );
    assert_eq!(
        rejection(with_meta(&meta_with("precision", "-100"))),
        bad("`wsim.meta` precision -100 is not a time unit: it must lie between 2 (100 s) and -15 (1 fs)")
    );
    for ok in [2, 0, -15] {
        let artifact = load(with_meta(&meta_with("precision", &ok.to_string()))).expect("a valid precision");
        assert_eq!(artifact.meta.precision, ok);
    }
}

#[test]
fn signal_offsets_beyond_the_arena_never_reach_memory() {
    // The signal table only matters to wave dumping, which skips entries
    // outside the arena; loading and running must not read them.
    let signals = r#"[{"id":0,"name":"t.x","offset":4294967295,"width":4294967295,"elements":18446744073709551615,"elem_bytes":4294967295,"kind":"var","ty":"integral"}]"#;
    let outcome = load_and_run(with_meta(&meta_with("signals", signals))).expect("runs");
    assert_eq!(outcome.exit_code, 0);
    let (_, msg) = rejection(with_meta(&meta_with("signals", r#"[{"offset":-1}]"#)));
    assert!(
        msg.starts_with(
            "top.wasm is not a wsim artifact: malformed `wsim.meta` section: invalid value: integer `-1`, expected u32"
        ),
        "{msg}"
    );
}

#[test]
fn duplicated_meta_section_uses_one_and_stays_checked() {
    // Two `wsim.meta` sections: the last one wins; it is still checked.
    let module = with_meta(&testing::meta_json(ABI_VERSION));
    let mut s = sections(&module);
    let meta = s.iter().find(|s| s.id == CUSTOM_SECTION).unwrap().clone();
    let mut bad_meta = Vec::new();
    (META_SECTION.len() as u32).encode(&mut bad_meta);
    bad_meta.extend_from_slice(META_SECTION.as_bytes());
    bad_meta.extend_from_slice(testing::meta_json(ABI_VERSION + 1).as_bytes());
    s.push(Section { id: CUSTOM_SECTION, payload: bad_meta });
    assert_eq!(rejection(assemble(&s)).0, "E0502");
    s.push(meta);
    assert!(load(assemble(&s)).is_ok());
}

// ------------------------------------------------------------ imports

#[test]
fn import_kinds_other_than_functions_are_rejected() {
    let module = GuestBuilder::default().build();
    // A known service name imported as a global (after the real imports,
    // so the function index space is unchanged).
    let mut imports = imports(Some(memory(1, None, false, false)), &[]);
    let global = GlobalType { val_type: ValType::I32, mutable: false, shared: false };
    imports.import(import::MODULE, "host_write", EntityType::Global(global));
    assert_eq!(
        rejection(replace_section(&module, IMPORT_SECTION, encoded(&imports))),
        bad("`env.host_write` must be a function")
    );
    // A table, a memory64 and a shared memory in place of the arena.
    let table = EntityType::Table(TableType {
        element_type: wasm_encoder::RefType::FUNCREF,
        minimum: 1,
        maximum: None,
        table64: false,
        shared: false,
    });
    assert_eq!(
        rejection(replace_section(&module, IMPORT_SECTION, imports_with_memory(table))),
        bad("`env.memory` must be a 32-bit unshared memory")
    );
    assert_eq!(
        rejection(replace_section(&module, IMPORT_SECTION, imports_with_memory(memory(1, None, true, false)))),
        bad("`env.memory` must be a 32-bit unshared memory")
    );
    assert_eq!(
        rejection(replace_section(&module, IMPORT_SECTION, imports_with_memory(memory(1, Some(2), false, true)))),
        bad("`env.memory` must be a 32-bit unshared memory")
    );
}

#[test]
fn imports_the_host_lacks_are_rejected() {
    let guest = GuestBuilder { extra_import: Some(("env".into(), "system".into())), ..Default::default() };
    assert_eq!(rejection(guest.build()), bad("it imports `env.system`, which this host does not provide"));
    let guest = GuestBuilder { extra_import: Some(("".into(), "".into())), ..Default::default() };
    assert_eq!(rejection(guest.build()), bad("it imports `.`, which this host does not provide"));
    let guest = GuestBuilder { extra_import: Some(("env".into(), "memory".into())), ..Default::default() };
    assert_eq!(rejection(guest.build()), bad("`env.memory` must be a 32-bit unshared memory"));
    // No arena import at all.
    let module = GuestBuilder::default().build();
    let bytes = replace_section(&module, IMPORT_SECTION, encoded(&imports(None, &[])));
    // Without the memory import the data segment names memory 0 that does
    // not exist; the import check runs first and names what is missing.
    assert_eq!(rejection(bytes), bad("it does not import `env.memory`"));
}

#[test]
fn import_with_wrong_results_is_rejected() {
    let guest = GuestBuilder { write_params: vec![ValType::I64, ValType::I32, ValType::I32], ..Default::default() };
    assert_eq!(
        rejection(guest.build()),
        bad("`env.host_write` has type (i64, i32, i32) -> (), the ABI says (i32, i32, i32) -> ()")
    );
    let guest = GuestBuilder { write_params: vec![ValType::F64; 3], ..Default::default() };
    assert_eq!(
        rejection(guest.build()),
        bad("`env.host_write` has type (f64, f64, f64) -> (), the ABI says (i32, i32, i32) -> ()")
    );
    // A function import of the right name with the type of another service:
    // host_read_file gets host_fopen's type, (i32 x4) -> (i32), not i64.
    let module = GuestBuilder::default().build();
    let retyped = imports(Some(memory(1, None, false, false)), &[(import::READ_FILE, import_type(import::FOPEN))]);
    let imports = retyped;
    assert_eq!(
        rejection(replace_section(&module, IMPORT_SECTION, encoded(&imports))),
        bad("`env.host_read_file` has type (i32, i32, i32, i32) -> (i32), the ABI says (i32, i32, i32, i32) -> (i64)")
    );
}

#[test]
fn memory_import_of_4_gib_or_more_is_refused_cleanly() {
    let module = GuestBuilder::default().build();
    let with = |m| replace_section(&module, IMPORT_SECTION, imports_with_memory(m));
    assert_eq!(
        rejection(with(memory(65537, None, false, false))),
        bad("`env.memory` asks for 65537 pages; a 32-bit arena has at most 65536 (4 GiB)")
    );
    assert_eq!(
        rejection(with(memory(1, Some(1 << 32), false, false))),
        bad("`env.memory` allows up to 4294967296 pages; a 32-bit arena has at most 65536 (4 GiB)")
    );
    assert_eq!(
        rejection(with(memory(8, Some(4), false, false))),
        bad("`env.memory` has a maximum of 4 pages, below its minimum of 8")
    );
    // Exactly 4 GiB is a legal arena: it loads, and the run either gets the
    // memory or fails with a clear error, never a crash.
    let artifact = load(with(memory(65536, None, false, false))).expect("4 GiB is within the 32-bit limit");
    assert_eq!(artifact.memory_min_pages, 65536);
    match load_and_run(with(memory(65536, Some(65536), false, false))) {
        Ok(outcome) => assert_eq!(outcome.exit_code, 0),
        Err(e) => assert!(e.to_string().contains("arena"), "{e}"),
    }
}

// ------------------------------------------------------------ exports and start

#[test]
fn wsim_run_with_the_wrong_type_is_rejected() {
    let module = GuestBuilder::default().build();
    assert_eq!(
        rejection(replace_section(
            &module,
            EXPORT_SECTION,
            exports_with(&[(export::RUN, ExportKind::Func, time_func())])
        )),
        bad("export `wsim_run` has type () -> (i64), the ABI says (i64) -> (i32)")
    );
    assert_eq!(
        rejection(replace_section(&module, EXPORT_SECTION, exports_with(&[(export::RUN, ExportKind::Memory, 0)]))),
        bad("it has no `wsim_run` export")
    );
    // An export that names a function index past the end.
    assert_eq!(
        rejection(replace_section(&module, EXPORT_SECTION, exports_with(&[(export::RUN, ExportKind::Func, 999)]))),
        bad("malformed wasm: export of an unknown function")
    );
}

#[test]
fn start_function_that_traps_is_a_trap_at_time_zero() {
    // `wsim_init` traps and is also the module's start function: the trap
    // happens while instantiating, before the host calls anything.
    let guest = GuestBuilder { init: vec![wasm_encoder::Instruction::Unreachable], ..Default::default() };
    let module = guest.build();
    let mut s = sections(&module);
    let at = s.iter().position(|s| s.id > START_SECTION && s.id != CUSTOM_SECTION).unwrap();
    s.insert(at, Section { id: START_SECTION, payload: encoded(&StartSection { function_index: init_func() }) });
    let err = load_and_run(assemble(&s)).expect_err("the start function traps");
    assert_eq!(err.code().id, "E0503");
    assert!(
        err.to_string().starts_with("the simulation trapped at time 0ps: wasm `unreachable` instruction executed"),
        "{err}"
    );
}

#[test]
fn start_function_of_the_wrong_type_is_rejected_by_wasmtime() {
    let module = GuestBuilder::default().build();
    let mut s = sections(&module);
    let at = s.iter().position(|s| s.id > START_SECTION && s.id != CUSTOM_SECTION).unwrap();
    // wsim_time returns an i64: not a valid start function.
    s.insert(at, Section { id: START_SECTION, payload: encoded(&StartSection { function_index: time_func() }) });
    let err = load_and_run(assemble(&s)).expect_err("invalid start function");
    assert_eq!(err.code().id, "E0501");
    assert!(err.to_string().starts_with("top.wasm is not a wsim artifact: wasmtime rejects it: "), "{err}");
}

#[test]
fn data_segment_outside_the_arena_is_a_trap_at_time_zero() {
    let mut guest = GuestBuilder::default();
    guest.data.push((65530, vec![1; 100]));
    let err = load_and_run(guest.build()).expect_err("out-of-bounds data");
    assert_eq!(err.code().id, "E0503");
    assert!(err.to_string().starts_with("the simulation trapped at time 0ps: "), "{err}");
}

#[test]
fn invalid_function_body_is_rejected_by_wasmtime() {
    // wsim_init pushes a value it never drops: a type error in a body,
    // which only validation (in wasmtime) sees.
    let guest = GuestBuilder { init: vec![wasm_encoder::Instruction::I32Const(1)], ..Default::default() };
    let err = load_and_run(guest.build()).expect_err("invalid body");
    assert_eq!(err.code().id, "E0501");
    assert!(err.to_string().starts_with("top.wasm is not a wsim artifact: wasmtime rejects it: "), "{err}");
}

#[test]
fn global_exported_under_a_function_name_is_rejected() {
    let module = GuestBuilder::default().build();
    let bytes = replace_section(&module, EXPORT_SECTION, exports_with(&[(export::TIME, ExportKind::Global, 0)]));
    assert_eq!(rejection(bytes), bad("it has no `wsim_time` export"));
}

#[test]
fn wave_dumping_skips_signals_outside_the_arena() {
    // Offsets and sizes beyond the arena (and whose products overflow u64)
    // are skipped with a note, never read.
    let signals = r#"[
        {"id":0,"name":"t.huge","offset":4294967295,"width":4294967295,"elements":18446744073709551615,"elem_bytes":4294967295,"kind":"var","ty":"integral"},
        {"id":1,"name":"t.past","offset":65535,"width":64,"elements":1,"elem_bytes":16,"kind":"var","ty":"integral"},
        {"id":2,"name":"t.ok","offset":64,"width":8,"elements":1,"elem_bytes":2,"kind":"var","ty":"integral","four_state":true}
    ]"#;
    let mut meta: serde_json::Value = serde_json::from_str(&meta_with("signals", signals)).unwrap();
    meta["tops"] = serde_json::json!(["t"]);
    let artifact = load(with_meta(&meta.to_string())).expect("loads");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.vcd");
    let opts = wsim_host::waves::WaveOptions { file: Some(path.clone()), ..Default::default() };
    let mut dumper = wsim_host::waves::Dumper::new(&artifact.meta, opts);
    dumper.dumpvars(0, 0, &[]).expect("dumpvars");
    let arena = vec![0u8; 65536];
    dumper.sample(0, &arena).expect("sample");
    let summary = dumper.finish(1).expect("finish").expect("a wave file");
    let notes = dumper.take_notes().join("\n");
    let vcd = std::fs::read_to_string(&path).unwrap();
    assert!(summary.signals <= 1, "{vcd}");
    assert!(!vcd.contains("huge") && !vcd.contains("past"), "{vcd}");
    assert!(notes.contains("outside the arena") || notes.contains("skipped"), "{notes}");
}
