//! Elaboration: turns the parsed [`wsim_syntax::ast::SourceUnit`] into one
//! flattened [`wsim_ir::Design`].
//!
//! The pipeline, one stage per file:
//! 1. `collect`: index modules and packages, global time precision, tops.
//! 2. `instantiate`: `$unit` and packages, then the instance tree from each
//!    top: parameters (with `#()`, `defparam`, `-G`/`-P` overrides), generate
//!    constructs, declarations, ports, implicit nets. Bodies are queued.
//! 3. `lower`: processes, continuous assignments, gates, port connections
//!    and subroutine bodies, now that every scope exists (so hierarchical
//!    references resolve in any direction). Expressions are typed and sized
//!    by `expr` (IEEE 1364-2005 5.4-5.5); constants fold in `consteval`.
//! 4. `collapse_ports`: inout ports on bits of a net become selects of it
//!    (`alias_slices`); port connections that merely copy a whole signal
//!    make the port net another name for it (`Design::aliases`), and so do
//!    connections to a constant element of a parent array
//!    (`Design::element_aliases`).
//!    `force` then lowers `force`/`release`/`assign`/`deassign` targets
//!    (hidden masks and processes; a forced net's drivers move to `N$drv`).
//! 5. `resolve_drivers`: nets, and constant elements of net arrays, with
//!    several drivers get a resolver process.
//! 6. `order_processes`: the start order Icarus uses (children first).
//!
//! `validate` checks the IR typing contract (tests run it, with
//! `wsim_ir::validate`, on everything elaboration produces); `dump` prints
//! a design for tests and debugging.

mod array_views;
mod arrays;
mod calls;
mod classes;
mod collapse_ports;
mod collect;
mod consteval;
mod containers;
mod ctx;
pub mod dump;
mod expr;
mod force;
mod instantiate;
mod lint;
mod literal;
mod lower;
mod order_processes;
mod resolve_drivers;
pub mod sdf;
mod specify;
mod stream;
mod strength;
mod strings;
mod system;
mod types;
mod untimed_always;
pub mod validate;
mod var_drivers;

#[cfg(test)]
mod tests;

use wsim_diag::Diagnostics;
use wsim_ir::Design;
use wsim_syntax::ast::SourceUnit;

pub use dump::dump;
pub use lint::lint;

/// What the command line can say about elaboration.
#[derive(Clone, Debug, Default)]
pub struct ElabOptions {
    /// Top modules (`--top`, `-s`); empty = every module never instantiated.
    pub tops: Vec<String>,
    /// Parameter overrides from `-G NAME=VALUE` (top-level parameter NAME)
    /// and `-P top.NAME=VALUE`; the value is Verilog literal text.
    pub param_overrides: Vec<(String, String)>,
    /// `--specify`: module path delays of specify blocks (and the SDF
    /// delays `$sdf_annotate` puts on them) apply, like Icarus -gspecify.
    pub specify: bool,
    /// `-T min|typ|max`: the value of every `min:typ:max` expression and
    /// SDF triple.
    pub delay_selection: sdf::DelaySelection,
}

/// Elaborate a whole compilation. Returns `None` when errors make a design
/// impossible; diagnostics are returned either way.
pub fn elaborate(unit: &SourceUnit, opts: &ElabOptions) -> (Option<Design>, Diagnostics) {
    let mut e = ctx::Elab::new(unit, opts);
    e.collect();
    let tops = e.pick_tops();
    e.elaborate_packages();
    for top in tops {
        e.instantiate_top(top);
    }
    e.lower_all();
    e.finish_classes();
    e.check_untimed_always();
    e.lower_specify_paths();
    e.check_var_writers();
    e.alias_slices();
    e.check_defparams();
    e.collapse_ports();
    e.finish_force();
    e.resolve_drivers();
    e.show_strengths();
    e.order_processes();
    let ok = !e.diags.has_errors();
    (ok.then_some(e.d), e.diags)
}

/// The value of `expr` when it is a constant expression of the design
/// (operators, conversions, selects, concatenations and the pure system
/// functions on constants: no signal read, no function call), folded by the
/// interpreter elaboration uses for parameters, which runs the simulator's
/// own 4-state code (`wsim_guest_rt::logic`). `Some(ExprKind::Const)` or
/// `Some(ExprKind::RealConst)`; `None` when it is not constant. For
/// optimisation passes over a finished design (`wsim-opt`).
pub fn fold_constant(design: &Design, expr: wsim_ir::ExprId) -> Option<wsim_ir::ExprKind> {
    use wsim_ir::ExprKind;
    let mut constant = true;
    consteval::visit_expr(design, expr, &mut |k| {
        // A call's body could have effects (a `$display`, a write to a
        // module variable) that interpreting it here would drop.
        if matches!(
            k,
            ExprKind::Signal(_)
                | ExprKind::ArrayElem { .. }
                | ExprKind::Call { .. }
                | ExprKind::Resolve { .. }
                | ExprKind::ClassProp { .. }
                | ExprKind::ClassNew { .. }
        ) {
            constant = false;
        }
    });
    if !constant {
        return None;
    }
    match consteval::fold(design, expr).ok()? {
        ctx::Value::Int(c) => Some(ExprKind::Const(c)),
        ctx::Value::Real(r) => Some(ExprKind::RealConst(r)),
    }
}
