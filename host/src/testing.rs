//! Test support: hand-built modules that follow the artifact ABI.
//!
//! [`GuestBuilder`] assembles a minimal "artifact" with wasm-encoder: the
//! ABI's imports (`env.memory` and every host service), the exports
//! (`wsim_stat` answers -1 but 1 for the `$finish` verbosity),
//! a `wsim.meta` section, data segments and caller-supplied bodies. Host and
//! CLI tests use it to exercise loading, services and run statuses without
//! the compiler; it can also build deliberately broken modules.

use wasm_encoder::{
    CodeSection, ConstExpr, CustomSection, DataSection, EntityType, ExportKind, ExportSection, Function,
    FunctionSection, GlobalSection, GlobalType, ImportSection, Instruction, MemoryType, Module, TypeSection, ValType,
};
use wsim_abi::{export, import, ABI_VERSION};

/// Function index of `env.host_write` in a [`GuestBuilder`] module.
pub const WRITE: u32 = 0;
/// Function index of `env.host_fopen`.
pub const FOPEN: u32 = 1;
/// Function index of `env.host_fclose`.
pub const FCLOSE: u32 = 2;
/// Function index of `env.host_fflush`.
pub const FFLUSH: u32 = 3;
/// Function index of `env.host_read_file`.
pub const READ_FILE: u32 = 4;
/// Function index of `env.host_plusargs`.
pub const PLUSARGS: u32 = 5;
/// Function index of `env.host_dump`.
pub const DUMP: u32 = 6;
/// Function index of `env.host_diag`.
pub const DIAG: u32 = 7;
/// Global holding what `wsim_time` returns (i64, mutable).
pub const TIME_GLOBAL: u32 = 0;
/// Global holding what `wsim_exit_code` returns (i32, mutable).
pub const EXIT_GLOBAL: u32 = 1;

/// A module under construction; every field has a working default.
pub struct GuestBuilder {
    /// The `wsim.meta` JSON, or `None` for no section.
    pub meta: Option<String>,
    /// Minimum pages of `env.memory`.
    pub memory_pages: u64,
    /// Active data segments: (offset, bytes).
    pub data: Vec<(u32, Vec<u8>)>,
    /// Body of `wsim_init` (one i32 local, index 0).
    pub init: Vec<Instruction<'static>>,
    /// Body of `wsim_run(until: i64) -> i32` (param 0 = until, i32 local 1).
    /// The default returns `run_status::FINISHED`.
    pub run: Vec<Instruction<'static>>,
    /// Body of `wsim_final`.
    pub final_: Vec<Instruction<'static>>,
    /// An extra function import `(module, name)` of type `() -> ()`.
    pub extra_import: Option<(String, String)>,
    /// Give `env.host_write` this type instead of the ABI's.
    pub write_params: Vec<ValType>,
    /// Leave out this export.
    pub omit_export: Option<&'static str>,
}

impl Default for GuestBuilder {
    fn default() -> GuestBuilder {
        GuestBuilder {
            meta: Some(meta_json(ABI_VERSION)),
            memory_pages: 1,
            data: Vec::new(),
            init: Vec::new(),
            run: vec![Instruction::I32Const(wsim_abi::run_status::FINISHED)],
            final_: Vec::new(),
            extra_import: None,
            write_params: vec![ValType::I32; 3],
            omit_export: None,
        }
    }
}

/// A `wsim.meta` for ABI `version`, precision 1 ps.
pub fn meta_json(version: u32) -> String {
    format!(r#"{{"abi_version":{version},"compiler_version":"test","source_hash":"0","precision":-12,"signals":[]}}"#)
}

/// Instructions that write `len` bytes at `ptr` to host `fd`.
pub fn write_call(fd: i32, ptr: u32, len: u32) -> Vec<Instruction<'static>> {
    vec![
        Instruction::I32Const(fd),
        Instruction::I32Const(ptr as i32),
        Instruction::I32Const(len as i32),
        Instruction::Call(WRITE),
    ]
}

impl GuestBuilder {
    /// Put `text` at `offset` and return (offset, len) for [`write_call`].
    pub fn string(&mut self, offset: u32, text: &str) -> (u32, u32) {
        self.data.push((offset, text.as_bytes().to_vec()));
        (offset, text.len() as u32)
    }

    /// Encode the module.
    pub fn build(&self) -> Vec<u8> {
        use ValType::{I32, I64};
        let host_sigs: [(&str, Vec<ValType>, Vec<ValType>); 8] = [
            (import::WRITE, self.write_params.clone(), vec![]),
            (import::FOPEN, vec![I32; 4], vec![I32]),
            (import::FCLOSE, vec![I32], vec![]),
            (import::FFLUSH, vec![I32], vec![]),
            (import::READ_FILE, vec![I32; 4], vec![I64]),
            (import::PLUSARGS, vec![I32; 2], vec![I32]),
            (import::DUMP, vec![I32, I64, I64, I32, I32], vec![I32]),
            (import::DIAG, vec![I32; 7], vec![]),
        ];
        let export_sigs: [(&str, Vec<ValType>, Vec<ValType>); 7] = [
            (export::INIT, vec![], vec![]),
            (export::RUN, vec![I64], vec![I32]),
            (export::TIME, vec![], vec![I64]),
            (export::EXIT_CODE, vec![], vec![I32]),
            (export::FINAL, vec![], vec![]),
            (export::STAT, vec![I32], vec![I64]),
            (export::STEP_MODE, vec![I32], vec![]),
        ];
        let mut types = TypeSection::new();
        let mut imports = ImportSection::new();
        imports.import(
            import::MODULE,
            import::MEMORY,
            MemoryType {
                minimum: self.memory_pages,
                maximum: None,
                memory64: false,
                shared: false,
                page_size_log2: None,
            },
        );
        let mut type_index = 0u32;
        for (name, params, results) in &host_sigs {
            types.ty().function(params.clone(), results.clone());
            imports.import(import::MODULE, name, EntityType::Function(type_index));
            type_index += 1;
        }
        let mut imported_funcs = host_sigs.len() as u32;
        if let Some((module, name)) = &self.extra_import {
            types.ty().function(vec![], vec![]);
            imports.import(module, name, EntityType::Function(type_index));
            type_index += 1;
            imported_funcs += 1;
        }
        let mut functions = FunctionSection::new();
        let mut exports = ExportSection::new();
        for (i, (name, params, results)) in export_sigs.iter().enumerate() {
            types.ty().function(params.clone(), results.clone());
            functions.function(type_index);
            type_index += 1;
            if self.omit_export != Some(*name) {
                exports.export(name, ExportKind::Func, imported_funcs + i as u32);
            }
        }
        let mut globals = GlobalSection::new();
        globals.global(GlobalType { val_type: I64, mutable: true, shared: false }, &ConstExpr::i64_const(0));
        globals.global(GlobalType { val_type: I32, mutable: true, shared: false }, &ConstExpr::i32_const(0));

        let mut code = CodeSection::new();
        code.function(&body(&self.init, vec![(1, I32)]));
        code.function(&body(&self.run, vec![(1, I32)]));
        code.function(&body(&[Instruction::GlobalGet(TIME_GLOBAL)], vec![]));
        code.function(&body(&[Instruction::GlobalGet(EXIT_GLOBAL)], vec![]));
        code.function(&body(&self.final_, vec![]));
        code.function(&body(&stat_body(), vec![]));
        code.function(&body(&[], vec![]));

        let mut data = DataSection::new();
        for (offset, bytes) in &self.data {
            data.active(0, &ConstExpr::i32_const(*offset as i32), bytes.iter().copied());
        }

        let mut module = Module::new();
        module.section(&types).section(&imports).section(&functions).section(&globals);
        module.section(&exports).section(&code).section(&data);
        if let Some(meta) = &self.meta {
            module.section(&CustomSection {
                name: wsim_abi::META_SECTION.into(),
                data: std::borrow::Cow::Borrowed(meta.as_bytes()),
            });
        }
        module.finish()
    }
}

/// `wsim_stat(kind)`: 1 for `FINISH_VERBOSITY` (the default `$finish`),
/// -1 (unknown) for every other counter.
fn stat_body() -> Vec<Instruction<'static>> {
    use Instruction as I;
    vec![
        I::LocalGet(0),
        I::I32Const(wsim_abi::stat::FINISH_VERBOSITY),
        I::I32Eq,
        I::If(wasm_encoder::BlockType::Result(ValType::I64)),
        I::I64Const(1),
        I::Else,
        I::I64Const(-1),
        I::End,
    ]
}

fn body(instructions: &[Instruction<'static>], locals: Vec<(u32, ValType)>) -> Function {
    let mut f = Function::new(locals);
    for i in instructions {
        f.instruction(i);
    }
    f.instruction(&Instruction::End);
    f
}
