//! Merge guest-rt with the generated functions into ONE core module.
//!
//! guest-rt's sections are re-encoded (wasm-encoder `Reencode`) with one
//! change to the function index space: the `gen` imports (`gen.dispatch`,
//! `gen.run_statics`, ...) disappear and every reference to one goes to the
//! generated function it names (`Generated::gen_targets`; for dispatch the
//! first generated function); later imports and guest functions move down. Generated types, functions, globals and data segments are appended
//! after guest-rt's. The memory import's minimum grows to cover the arena.
//! Only the `wsim_abi::export` names are exported. The `name` section
//! names guest-rt's functions (its own names, at their new indices) and
//! the generated ones (`Generated::names`), for profilers and
//! disassemblers; guest-rt's other custom sections (DWARF) are dropped:
//! their offsets would be stale. Guest functions the design can never call
//! keep their index but lose their body (crate::prune).

use crate::guest::{GenTargets, GuestModule, Sig};
use wasm_encoder::reencode::{Error as ReError, Reencode};
use wasm_encoder::{
    CodeSection, ConstExpr, CustomSection, DataCountSection, DataSection, ElementSection, EntityType, ExportKind,
    ExportSection, Function, FunctionSection, GlobalSection, GlobalType, ImportSection, MemoryType, Module,
    StartSection, TableSection, TypeSection, ValType,
};
use wasmparser::{Parser, Payload, TypeRef};
use wsim_abi::import;

/// Everything codegen adds to guest-rt.
pub struct Generated {
    /// Appended function types (type index = guest types + position).
    pub types: Vec<Sig>,
    /// Generated functions: (type index, body). The first is `gen.dispatch`.
    pub funcs: Vec<(u32, Function)>,
    /// The final index of the function each `gen` import links to.
    pub gen_targets: GenTargets,
    /// Appended globals: mutable i32 with an initial value.
    pub globals: Vec<i32>,
    /// Active data segments: (arena offset, bytes).
    pub data: Vec<(u32, Vec<u8>)>,
    /// Generated exports: (name, final function index).
    pub exports: Vec<(String, u32)>,
    pub memory_min_pages: u64,
    /// The `wsim.meta` JSON.
    pub meta: String,
    /// Names of generated functions: (final function index, name).
    pub names: Vec<(u32, String)>,
}

/// Remaps guest function indices around the removed `gen` imports.
struct Remap<'g> {
    guest: &'g GuestModule<'g>,
    targets: GenTargets,
}

impl Reencode for Remap<'_> {
    type Error = std::convert::Infallible;
    fn function_index(&mut self, func: u32) -> Result<u32, ReError<Self::Error>> {
        Ok(self.guest.remap(func, &self.targets))
    }
}

fn val(v: &wasmparser::ValType) -> ValType {
    match v {
        wasmparser::ValType::I32 => ValType::I32,
        wasmparser::ValType::I64 => ValType::I64,
        wasmparser::ValType::F32 => ValType::F32,
        wasmparser::ValType::F64 => ValType::F64,
        wasmparser::ValType::V128 => ValType::V128,
        wasmparser::ValType::Ref(_) => ValType::FUNCREF,
    }
}

/// Guest exports that stay exported (all from `wsim_abi::export` except init).
const GUEST_EXPORTS: &[&str] = &[
    wsim_abi::export::RUN,
    wsim_abi::export::TIME,
    wsim_abi::export::EXIT_CODE,
    wsim_abi::export::FINAL,
    wsim_abi::export::STAT,
    wsim_abi::export::STEP_MODE,
    wsim_abi::export::OBSERVE,
];

/// guest-rt's function names at their final indices (not its `gen`
/// imports: those are generated functions, named by codegen).
fn guest_names(
    guest: &GuestModule,
    targets: &GenTargets,
    reader: wasmparser::NameSectionReader,
    out: &mut Vec<(u32, String)>,
) -> wasmparser::Result<()> {
    for sub in reader {
        if let wasmparser::Name::Function(map) = sub? {
            for naming in map {
                let naming = naming?;
                if !guest.gen_imports.iter().any(|&(i, _)| i == naming.index) {
                    out.push((guest.remap(naming.index, targets), naming.name.to_string()));
                }
            }
        }
    }
    Ok(())
}

/// The `name` section: function names, by index.
fn name_section(mut names: Vec<(u32, String)>) -> wasm_encoder::NameSection {
    names.sort_by_key(|(k, _)| *k);
    names.dedup_by_key(|(k, _)| *k);
    let mut map = wasm_encoder::NameMap::new();
    for (k, name) in &names {
        map.append(*k, name);
    }
    let mut section = wasm_encoder::NameSection::new();
    section.module("wsim design");
    section.functions(&map);
    section
}

/// Build the final module bytes.
pub fn merge(guest: &GuestModule, gen: &Generated) -> Result<Vec<u8>, String> {
    let mut re = Remap { guest, targets: gen.gen_targets };
    let err = |e: ReError<std::convert::Infallible>| e.to_string();
    let mut types = TypeSection::new();
    let mut imports = ImportSection::new();
    let mut funcs = FunctionSection::new();
    let mut tables = TableSection::new();
    let mut globals = GlobalSection::new();
    let mut exports = ExportSection::new();
    let mut start = None;
    let mut elems = ElementSection::new();
    let mut code = CodeSection::new();
    let mut data = DataSection::new();
    let mut n_guest_data = 0u32;
    let mut names: Vec<(u32, String)> = gen.names.clone();
    let gen_bodies: Vec<Vec<u8>> = gen.funcs.iter().map(|(_, f)| f.clone().into_raw_body()).collect();
    let reachable = crate::prune::reachable_guest_functions(guest, GUEST_EXPORTS, &gen_bodies)?;
    let mut guest_func = guest.n_func_imports;
    for payload in Parser::new(0).parse_all(guest.bytes) {
        match payload.map_err(|e| e.to_string())? {
            Payload::TypeSection(r) => re.parse_type_section(&mut types, r).map_err(err)?,
            Payload::ImportSection(r) => {
                for imp in r.into_imports() {
                    let imp = imp.map_err(|e| e.to_string())?;
                    if imp.module == import::GEN_MODULE {
                        continue;
                    }
                    let ty = match imp.ty {
                        TypeRef::Memory(m) => EntityType::Memory(MemoryType {
                            minimum: m.initial.max(gen.memory_min_pages),
                            maximum: m.maximum.map(|mx| mx.max(gen.memory_min_pages)),
                            memory64: m.memory64,
                            shared: m.shared,
                            page_size_log2: m.page_size_log2,
                        }),
                        other => re.entity_type(other).map_err(err)?,
                    };
                    imports.import(imp.module, imp.name, ty);
                }
            }
            Payload::FunctionSection(r) => re.parse_function_section(&mut funcs, r).map_err(err)?,
            Payload::TableSection(r) => re.parse_table_section(&mut tables, r).map_err(err)?,
            Payload::MemorySection(_) => return Err("guest-rt defines its own memory".into()),
            Payload::GlobalSection(r) => re.parse_global_section(&mut globals, r).map_err(err)?,
            Payload::ExportSection(r) => {
                for e in r {
                    let e = e.map_err(|e| e.to_string())?;
                    if GUEST_EXPORTS.contains(&e.name) && matches!(e.kind, wasmparser::ExternalKind::Func) {
                        exports.export(e.name, ExportKind::Func, guest.remap(e.index, &gen.gen_targets));
                    }
                }
            }
            Payload::StartSection { func, .. } => start = Some(guest.remap(func, &gen.gen_targets)),
            Payload::ElementSection(r) => re.parse_element_section(&mut elems, r).map_err(err)?,
            Payload::CodeSectionEntry(body) => {
                if reachable[guest_func as usize] {
                    re.parse_function_body(&mut code, body).map_err(err)?;
                } else {
                    code.function(&unreachable_body());
                }
                guest_func += 1;
            }
            Payload::DataSection(r) => {
                n_guest_data = r.count();
                re.parse_data_section(&mut data, r).map_err(err)?
            }
            Payload::CustomSection(c) => {
                if let wasmparser::KnownCustom::Name(r) = c.as_known() {
                    guest_names(guest, &gen.gen_targets, r, &mut names).map_err(|e| e.to_string())?;
                }
            }
            _ => {}
        }
    }
    for sig in &gen.types {
        types.ty().function(sig.params.iter().map(val), sig.results.iter().map(val));
    }
    for (ty, body) in &gen.funcs {
        funcs.function(*ty);
        code.function(body);
    }
    for &init in &gen.globals {
        globals
            .global(GlobalType { val_type: ValType::I32, mutable: true, shared: false }, &ConstExpr::i32_const(init));
    }
    for (name, idx) in &gen.exports {
        exports.export(name, ExportKind::Func, *idx);
    }
    for (offset, bytes) in &gen.data {
        data.active(0, &ConstExpr::i32_const(*offset as i32), bytes.iter().copied());
    }
    let mut module = Module::new();
    module.section(&types).section(&imports).section(&funcs);
    if !tables.is_empty() {
        module.section(&tables);
    }
    module.section(&globals).section(&exports);
    if let Some(f) = start {
        module.section(&StartSection { function_index: f });
    }
    if !elems.is_empty() {
        module.section(&elems);
    }
    module.section(&DataCountSection { count: n_guest_data + gen.data.len() as u32 });
    module.section(&code).section(&data);
    module.section(&name_section(names));
    // the meta section stays the last one
    module.section(&CustomSection { name: wsim_abi::META_SECTION.into(), data: gen.meta.as_bytes().into() });
    Ok(module.finish())
}

/// The body of a guest function nothing can call (crate::prune).
fn unreachable_body() -> Function {
    let mut f = Function::new([]);
    f.instruction(&wasm_encoder::Instruction::Unreachable);
    f.instruction(&wasm_encoder::Instruction::End);
    f
}

/// Validate a module with the features the artifact may use.
pub fn validate(bytes: &[u8]) -> Result<(), String> {
    use wasmparser::Validator;
    // wasmparser's default features are the finished proposals browsers ship.
    Validator::new().validate_all(bytes).map(|_| ()).map_err(|e| e.to_string())
}
