//! Which guest-rt functions a design can reach.
//!
//! guest-rt carries everything any design might need (number formatting,
//! `$sscanf`, strings, files, real math...), and the engine compiles every
//! function of the artifact to native code before the first run: for a
//! small design that is most of the start-up time. The merger keeps the
//! body of a guest function only if it can be called: from the exports
//! `merge.rs` keeps, the start function, the generated code, or an indirect
//! call (then every function of the guest's table counts). The others keep
//! their index and type but get the body `unreachable`, so no index moves.

use crate::guest::GuestModule;
use wasmparser::{BinaryReader, FunctionBody, Operator, Parser, Payload};

/// By guest function index (imports included): whether the final module
/// can call it.
pub fn reachable_guest_functions(
    guest: &GuestModule,
    exported: &[&str],
    generated_bodies: &[Vec<u8>],
) -> Result<Vec<bool>, String> {
    let graph = CallGraph::read(guest)?;
    let mut reach = vec![false; guest.func_types.len()];
    let mut work: Vec<u32> = exported.iter().filter_map(|n| guest.func_exports.get(*n).copied()).collect();
    work.extend(graph.start);
    for body in generated_bodies {
        for callee in calls_in(body)?.0 {
            // Generated code calls final indices: a guest function's final
            // index is its guest index less the `gen` imports before it.
            if callee < guest.gen_base() {
                work.push(guest.unmap(callee));
            }
        }
    }
    let mut table_marked = false;
    while let Some(f) = work.pop() {
        let Some(slot) = reach.get_mut(f as usize) else { continue };
        if std::mem::replace(slot, true) {
            continue;
        }
        let Some(k) = f.checked_sub(guest.n_func_imports) else { continue };
        let node = &graph.defined[k as usize];
        work.extend(node.calls.iter().copied());
        if node.indirect && !table_marked {
            table_marked = true;
            work.extend(graph.table.iter().copied());
        }
    }
    Ok(reach)
}

/// The calls of each defined guest function (guest indices).
struct CallGraph {
    defined: Vec<Node>,
    table: Vec<u32>,
    start: Option<u32>,
}

struct Node {
    calls: Vec<u32>,
    /// Makes an indirect call (or takes a function reference).
    indirect: bool,
}

impl CallGraph {
    fn read(guest: &GuestModule) -> Result<CallGraph, String> {
        let mut g = CallGraph { defined: vec![], table: vec![], start: None };
        for payload in Parser::new(0).parse_all(guest.bytes) {
            match payload.map_err(|e| e.to_string())? {
                Payload::StartSection { func, .. } => g.start = Some(func),
                Payload::ElementSection(r) => {
                    for el in r {
                        if let wasmparser::ElementItems::Functions(fs) = el.map_err(|e| e.to_string())?.items {
                            for f in fs {
                                g.table.push(f.map_err(|e| e.to_string())?);
                            }
                        }
                    }
                }
                Payload::CodeSectionEntry(body) => {
                    let (calls, indirect) = calls_of(&body)?;
                    g.defined.push(Node { calls, indirect });
                }
                _ => {}
            }
        }
        Ok(g)
    }
}

/// Direct callees of an encoded function body (as in a code section entry,
/// without its size prefix), and whether it calls indirectly.
fn calls_in(body: &[u8]) -> Result<(Vec<u32>, bool), String> {
    calls_of(&FunctionBody::new(BinaryReader::new(body, 0)))
}

fn calls_of(body: &FunctionBody) -> Result<(Vec<u32>, bool), String> {
    let mut calls = vec![];
    let mut indirect = false;
    let mut ops = body.get_operators_reader().map_err(|e| e.to_string())?;
    while !ops.eof() {
        match ops.read().map_err(|e| e.to_string())? {
            Operator::Call { function_index } | Operator::ReturnCall { function_index } => calls.push(function_index),
            Operator::RefFunc { function_index } => {
                calls.push(function_index);
                indirect = true;
            }
            Operator::CallIndirect { .. } | Operator::ReturnCallIndirect { .. } => indirect = true,
            _ => {}
        }
    }
    Ok((calls, indirect))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guest::GUEST_RT_WASM;
    use wasm_encoder::{Function, Instruction};

    /// A generated body that calls the guest helper `name`.
    fn calling(guest: &GuestModule, name: &str) -> Vec<u8> {
        let (idx, sig) = guest.helper(name).expect("guest-rt exports the helper");
        let mut f = Function::new([]);
        for p in &sig.params {
            f.instruction(&match p {
                wasmparser::ValType::I64 => Instruction::I64Const(0),
                _ => Instruction::I32Const(0),
            });
        }
        f.instruction(&Instruction::Call(idx));
        f.instruction(&Instruction::End);
        f.into_raw_body()
    }

    #[test]
    fn helpers_only_generated_code_calls_are_kept_when_called() {
        let guest = GuestModule::parse(GUEST_RT_WASM).unwrap();
        let compare = guest.func_exports["rt_str_compare"] as usize;
        let run = guest.func_exports[wsim_abi::export::RUN] as usize;
        let exports = [wsim_abi::export::RUN];
        let bare = reachable_guest_functions(&guest, &exports, &[]).unwrap();
        assert!(bare[run], "exports are roots");
        assert!(!bare[compare], "nothing calls the string comparison");
        let kept = bare.iter().filter(|&&r| r).count();
        assert!(kept < guest.func_types.len() / 2 + 64, "most of guest-rt is unreachable: kept {kept}");
        let used = reachable_guest_functions(&guest, &exports, &[calling(&guest, "rt_str_compare")]).unwrap();
        assert!(used[compare]);
        assert!(used.iter().filter(|&&r| r).count() > kept);
    }
}
