//! Optimisation passes over the wsim IR ([`wsim_ir::Design`]), between
//! elaboration and code generation.
//!
//! [`optimize`] runs the passes top to bottom; it reads as their list. One
//! pass per file, each named by what it does:
//! - [`make_two_state`] (only with `--two-state`, and even with `-O0`: it
//!   changes semantics on purpose): every four-state type becomes two-state,
//!   X and Z read as 0, as in Verilator (see docs/two-state.md).
//! - [`fold_constants`]: operators on constants become constants;
//!   `if`/`case`/`?:` with a constant condition keep the taken branch.
//! - [`propagate_constants`]: reads of a signal whose only driver is a
//!   continuous assignment of a constant become that constant.
//! - [`substitute_wires`]: reads of a net whose only driver is a
//!   continuous assignment of bits of other signals (fields of an
//!   instruction register) become those bits, in the `always` blocks and
//!   continuous assignments that read it.
//! - [`remove_dead_code`]: statements that do nothing and processes whose
//!   effects nobody can observe go.
//!
//! # Invariants
//! - Every pass keeps every observable behaviour of the design (output,
//!   waves, `$finish` time), except `make_two_state`, whose change is the
//!   documented two-state semantics.
//! - The design stays valid: in debug builds [`optimize`] runs
//!   `wsim_ir::validate` (and elaboration's own typing check) after each
//!   pass and panics, naming the pass, on a violation the design did not
//!   already have when it came in (a design elaboration left invalid is the
//!   backend's to report, as E0401).
//! - Passes rewrite expressions and statements in place (handles stay, so
//!   shared nodes and `Design::string_literals` keep working); what they
//!   disconnect stays in its arena, unreachable. Only processes are
//!   actually removed from their arena (no other entity names a process).

pub mod fold_constants;
pub mod make_two_state;
pub mod propagate_constants;
pub mod remove_dead_code;
pub mod stateless;
pub mod substitute_wires;
pub mod visit;

#[cfg(test)]
mod testkit;

use wsim_ir::Design;

pub use visit::Counts;

/// What the command line says about optimisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OptOptions {
    /// `--two-state`: X and Z read as 0 (a speed mode; a semantic change).
    pub two_state: bool,
    /// False for `-O0`: no optimisation pass runs (two-state still does).
    pub optimize: bool,
    /// False for `--no-opt substitute-wires` (measuring it).
    pub substitute_wires: bool,
}

impl Default for OptOptions {
    fn default() -> OptOptions {
        OptOptions { two_state: false, optimize: true, substitute_wires: true }
    }
}

/// Run the passes `opts` asks for, in order, on `design`. `dump` is called
/// after each pass that ran with the pass's name and the design (for
/// `--dump-ir`).
pub fn optimize(design: &mut Design, opts: &OptOptions, dump: &mut dyn FnMut(&str, &Design)) {
    // A design elaboration already left invalid (the backend reports what
    // it cannot build) must not make the checks below blame a pass.
    let known = if cfg!(debug_assertions) { violations(design) } else { Vec::new() };
    let mut run = |name: &str, design: &mut Design, pass: fn(&mut Design)| {
        pass(design);
        check(name, design, &known);
        dump(name, design);
    };
    if opts.two_state {
        run("make_two_state", design, make_two_state::run);
    }
    if !opts.optimize {
        return;
    }
    run("fold_constants", design, fold_constants::run);
    run("propagate_constants", design, propagate_constants::run);
    // Propagated constants make new constant operands and conditions.
    run("fold_constants", design, fold_constants::run);
    if opts.substitute_wires {
        run("substitute_wires", design, substitute_wires::run);
    }
    run("remove_dead_code", design, remove_dead_code::run);
}

/// Debug builds: the design after `pass` keeps the IR contract, except for
/// the `known` violations it came in with.
fn check(pass: &str, design: &Design, known: &[String]) {
    if !cfg!(debug_assertions) {
        return;
    }
    let new: Vec<String> = violations(design).into_iter().filter(|e| !known.contains(e)).collect();
    assert!(new.is_empty(), "the IR is invalid after pass {pass}:\n{}", new.join("\n"));
}

/// Every broken rule of `wsim_ir::validate` and of elaboration's typing check.
fn violations(design: &Design) -> Vec<String> {
    match wsim_ir::validate(design) {
        Ok(()) => wsim_elab::validate::check(design),
        Err(errs) => errs.iter().map(|e| e.to_string()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::{optimize, OptOptions};
    use crate::testkit::elaborate;

    fn passes_run(opts: OptOptions) -> Vec<String> {
        let mut d = elaborate("module t; wire [3:0] k = 4'd1 + 4'd2; initial $display(k); endmodule\n");
        let mut names = Vec::new();
        optimize(&mut d, &opts, &mut |name, _| names.push(name.to_string()));
        names
    }

    #[test]
    fn the_options_choose_the_passes_and_the_hook_sees_each() {
        let all = ["fold_constants", "propagate_constants", "fold_constants", "substitute_wires", "remove_dead_code"];
        assert_eq!(passes_run(OptOptions::default()), all);
        let two: Vec<&str> = std::iter::once("make_two_state").chain(all).collect();
        assert_eq!(passes_run(OptOptions { two_state: true, ..Default::default() }), two);
        assert_eq!(
            passes_run(OptOptions { two_state: true, optimize: false, ..Default::default() }),
            ["make_two_state"]
        );
        assert!(passes_run(OptOptions { optimize: false, ..Default::default() }).is_empty());
    }

    #[test]
    fn a_design_that_came_in_invalid_is_no_pass_error() {
        let mut d = elaborate("module t; reg [3:0] r; initial r = 4'd1 + 4'd2; endmodule\n");
        // An unreachable `Signal` node whose type is not its signal's.
        let s = d.signals.ids().next().unwrap();
        d.add_expr(wsim_ir::ExprKind::Signal(s), wsim_ir::Type::logic(7, false), wsim_ir::Span::default());
        assert!(wsim_ir::validate(&d).is_err());
        optimize(&mut d, &OptOptions::default(), &mut |_, _| {});
        assert!(crate::testkit::processes(&d).contains("assign s0 = (const 4'h3)"));
    }
}
