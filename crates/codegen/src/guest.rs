//! The guest runtime module (guest-rt built for wasm32) and what codegen
//! needs to know about it: its types, imports, exported helpers and
//! `__heap_base`. `merge.rs` re-encodes it into the final artifact.

use std::collections::HashMap;
use wasmparser::{ExternalKind, Operator, Parser, Payload, TypeRef, ValType};
use wsim_abi::import;

/// guest-rt as built by `build.rs` (empty if that build failed).
pub static GUEST_RT_WASM: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/guest_rt.wasm"));

/// The functions guest-rt imports from module `gen`
/// (`wsim_abi::import::GEN_MODULE`). The merger removes these imports and
/// links every call of one to the generated function it names
/// ([`GenTargets`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenImport {
    Dispatch,
    RunStatics,
    TimerBody,
    CommitShadows,
    TimerSteps,
}

impl GenImport {
    pub const ALL: [GenImport; 5] = [
        GenImport::Dispatch,
        GenImport::RunStatics,
        GenImport::TimerBody,
        GenImport::CommitShadows,
        GenImport::TimerSteps,
    ];

    fn named(name: &str) -> Option<GenImport> {
        GenImport::ALL.into_iter().find(|g| g.name() == name)
    }

    pub fn name(self) -> &'static str {
        match self {
            GenImport::Dispatch => import::DISPATCH,
            GenImport::RunStatics => import::RUN_STATICS,
            GenImport::TimerBody => import::TIMER_BODY,
            GenImport::CommitShadows => import::COMMIT_SHADOWS,
            GenImport::TimerSteps => import::TIMER_STEPS,
        }
    }
}

/// The final function index each [`GenImport`] is linked to, in
/// [`GenImport::ALL`] order.
pub type GenTargets = [u32; GenImport::ALL.len()];

/// A function signature.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Sig {
    pub params: Vec<ValType>,
    pub results: Vec<ValType>,
}

/// The facts about a guest module the code generator and merger need.
#[derive(Clone, Debug)]
pub struct GuestModule<'a> {
    pub bytes: &'a [u8],
    /// Every function type in the guest's type section.
    pub types: Vec<Sig>,
    /// Number of imported functions in the guest (`gen` ones included).
    pub n_func_imports: u32,
    /// The `gen` imports: (guest function index, which), indices ascending.
    pub gen_imports: Vec<(u32, GenImport)>,
    /// Type index of every guest function (imports first).
    pub func_types: Vec<u32>,
    /// Exported functions by name (guest indices).
    pub func_exports: HashMap<String, u32>,
    pub n_globals: u32,
    pub heap_base: u32,
    /// Minimum pages of the imported memory.
    pub memory_min: u64,
}

impl<'a> GuestModule<'a> {
    /// Read what codegen needs; errors name what is wrong with the module.
    pub fn parse(bytes: &'a [u8]) -> Result<GuestModule<'a>, String> {
        if bytes.is_empty() {
            return Err("guest-rt was not built for wasm32 (see the build warnings of wsim-codegen)".into());
        }
        let mut g = GuestModule {
            bytes,
            types: vec![],
            n_func_imports: 0,
            gen_imports: vec![],
            func_types: vec![],
            func_exports: HashMap::new(),
            n_globals: 0,
            heap_base: 0,
            memory_min: 0,
        };
        let mut global_inits: Vec<Option<i64>> = vec![];
        let mut heap_base_global = None;
        let mut has_memory_import = false;
        for payload in Parser::new(0).parse_all(bytes) {
            match payload.map_err(|e| e.to_string())? {
                Payload::TypeSection(r) => {
                    for ty in r.into_iter_err_on_gc_types() {
                        let f = ty.map_err(|e| e.to_string())?;
                        g.types.push(Sig { params: f.params().to_vec(), results: f.results().to_vec() });
                    }
                }
                Payload::ImportSection(r) => {
                    for imp in r.into_imports() {
                        let imp = imp.map_err(|e| e.to_string())?;
                        match imp.ty {
                            TypeRef::Func(t) | TypeRef::FuncExact(t) => {
                                if imp.module == import::GEN_MODULE {
                                    let which = GenImport::named(imp.name)
                                        .ok_or_else(|| format!("guest-rt imports unknown gen.{}", imp.name))?;
                                    g.gen_imports.push((g.n_func_imports, which));
                                }
                                g.func_types.push(t);
                                g.n_func_imports += 1;
                            }
                            TypeRef::Memory(m) => {
                                has_memory_import = true;
                                g.memory_min = m.initial;
                            }
                            TypeRef::Global(_) => {
                                global_inits.push(None);
                                g.n_globals += 1;
                            }
                            _ => {}
                        }
                    }
                }
                Payload::FunctionSection(r) => {
                    for t in r {
                        g.func_types.push(t.map_err(|e| e.to_string())?);
                    }
                }
                Payload::GlobalSection(r) => {
                    for gl in r {
                        let gl = gl.map_err(|e| e.to_string())?;
                        let mut ops = gl.init_expr.get_operators_reader();
                        let v = match ops.read() {
                            Ok(Operator::I32Const { value }) => Some(value as i64),
                            _ => None,
                        };
                        global_inits.push(v);
                        g.n_globals += 1;
                    }
                }
                Payload::ExportSection(r) => {
                    for e in r {
                        let e = e.map_err(|e| e.to_string())?;
                        match e.kind {
                            ExternalKind::Func | ExternalKind::FuncExact => {
                                g.func_exports.insert(e.name.to_string(), e.index);
                            }
                            ExternalKind::Global if e.name == "__heap_base" => heap_base_global = Some(e.index),
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        if !has_memory_import {
            return Err("guest-rt does not import its memory (link with --import-memory)".into());
        }
        let hb = heap_base_global.ok_or("guest-rt does not export __heap_base (link with --export=__heap_base)")?;
        g.heap_base =
            global_inits.get(hb as usize).copied().flatten().ok_or("__heap_base has no constant initialiser")? as u32;
        Ok(g)
    }

    /// Number of guest functions defined (not imported).
    pub fn n_defined(&self) -> u32 {
        self.func_types.len() as u32 - self.n_func_imports
    }

    /// Final index of a guest function once the `gen` imports are removed
    /// (each linked to its target).
    pub fn remap(&self, old: u32, targets: &GenTargets) -> u32 {
        if let Some(&(_, which)) = self.gen_imports.iter().find(|&&(i, _)| i == old) {
            let slot = GenImport::ALL.iter().position(|&g| g == which).expect("listed");
            return targets[slot];
        }
        old - self.gen_imports.iter().filter(|&&(i, _)| i < old).count() as u32
    }

    /// The guest index of a function the final module numbers `f` (not a
    /// generated one).
    pub fn unmap(&self, f: u32) -> u32 {
        let mut old = f;
        for &(i, _) in &self.gen_imports {
            if i <= old {
                old += 1;
            }
        }
        old
    }

    /// Number of function imports in the final module.
    pub fn final_func_imports(&self) -> u32 {
        self.n_func_imports - self.gen_imports.len() as u32
    }

    /// Index of the first generated function in the final module.
    pub fn gen_base(&self) -> u32 {
        self.final_func_imports() + self.n_defined()
    }

    /// Final index and signature of an exported guest helper.
    pub fn helper(&self, name: &str) -> Option<(u32, &Sig)> {
        let old = *self.func_exports.get(name)?;
        let sig = &self.types[self.func_types[old as usize] as usize];
        if self.gen_imports.iter().any(|&(i, _)| i == old) {
            return None;
        }
        Some((self.remap(old, &[0; GenImport::ALL.len()]), sig))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Five function imports, `gen.dispatch` second and `gen.run_statics`
    /// fourth, then four defined functions.
    fn guest() -> GuestModule<'static> {
        GuestModule {
            bytes: &[],
            types: vec![],
            n_func_imports: 5,
            gen_imports: vec![(1, GenImport::Dispatch), (3, GenImport::RunStatics)],
            func_types: vec![0; 9],
            func_exports: HashMap::new(),
            n_globals: 0,
            heap_base: 0,
            memory_min: 0,
        }
    }

    #[test]
    fn remap_links_gen_imports_and_closes_their_gaps() {
        let g = guest();
        let targets = [100, 101, 102, 103, 104];
        let finals: Vec<u32> = (0..9).map(|old| g.remap(old, &targets)).collect();
        assert_eq!(finals, [0, 100, 1, 101, 2, 3, 4, 5, 6]);
        assert_eq!(g.final_func_imports(), 3);
        assert_eq!(g.gen_base(), 7);
    }

    #[test]
    fn unmap_inverts_remap_outside_the_gen_imports() {
        let g = guest();
        let targets = [100, 101, 102, 103, 104];
        for old in [0, 2, 4, 5, 8] {
            assert_eq!(g.unmap(g.remap(old, &targets)), old, "guest function {old}");
        }
    }
}
