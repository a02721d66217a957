//! Constant propagation: a signal whose one and only writer is a continuous
//! assignment of a constant (`assign en = 1'b1;`, `wire [3:0] k = 4'd5;`,
//! a tied-off port after folding) is read as that constant.
//!
//! The signal itself stays, still assigned, so waves, `$display` of it,
//! `$monitor` and processes waiting on it are unchanged; only value reads
//! are rewritten. The conditions, each needed for that:
//! - exactly one write site in the whole design, the whole-signal target of
//!   an undelayed `ContAssign` whose value is a `Const` (a delayed one
//!   changes later; a second writer, a `force` (lowered into writers), a
//!   task output or `$readmem` would change it);
//! - a scalar (not an array), integral, static signal that no alias names
//!   (an aliased port is written through another name);
//! - reads in event controls stay (the assignment at time 0 is an event a
//!   process may wait for), as do the arguments of `$monitor`-like tasks
//!   (they print again when the signal changes) and of tasks that take a
//!   signal as a whole (`$dumpvars`, `$readmemh`).
//!
//! A reader at time 0 sees the value before the assignment runs only in a
//! race the standard leaves open; the continuous assignments of constants
//! run before `initial` blocks start in wsim, as in Icarus.

use std::collections::HashMap;

use wsim_ir::{Const, Design, ExprKind, SignalId, TypeKind};

use crate::visit::{reads_to_keep, sole_drivers, Live};

pub fn run(d: &mut Design) {
    let live = Live::of(d);
    let constants = constant_signals(d, &live);
    if constants.is_empty() {
        return;
    }
    let keep = reads_to_keep(d, &live);
    for e in live.expr_ids() {
        if keep.contains(&e) {
            continue;
        }
        if let ExprKind::Signal(s) = d.exprs[e].kind {
            if let Some(c) = constants.get(&s) {
                d.exprs[e].kind = ExprKind::Const(c.clone());
            }
        }
    }
}

/// The signals that always hold one constant, with it.
fn constant_signals(d: &Design, live: &Live) -> HashMap<SignalId, Const> {
    let constant = |(sig, value): (SignalId, wsim_ir::ExprId)| {
        let ExprKind::Const(c) = &d.exprs[value].kind else { return None };
        let ty = &d.signals[sig].ty;
        (ty.kind == TypeKind::Integral && c.width == ty.width).then(|| (sig, c.clone()))
    };
    sole_drivers(d, live).into_iter().filter_map(constant).collect()
}

#[cfg(test)]
mod tests {
    use super::run;
    use crate::testkit::{apply, elaborate, processes};

    #[test]
    fn reads_of_a_constant_net_become_the_constant() {
        let mut d = elaborate(
            "module t; wire [3:0] k = 4'd5; reg [3:0] r; wire [3:0] y = r + k;\n\
             initial begin r = k; @(k) $display(\"%d\", k); $monitor(k); end endmodule\n",
        );
        apply(&mut d, "propagate_constants", run);
        let after = processes(&d);
        // The driver stays; value reads change; the event, the monitored
        // argument and the assignment target keep the signal.
        assert!(after.contains("assign s0 = (const 4'h5)"), "{after}");
        assert!(after.contains("assign s2 = (add:4u s1 (const 4'h5))"), "{after}");
        assert!(after.contains("assign s1 = (const 4'h5)"), "{after}");
        assert!(after.contains("wait-event @(s0)"), "{after}");
        assert!(after.contains("$display@sc1(\"%d\", (const 4'h5))"), "{after}");
        assert!(after.contains("$monitor@sc1(s0)"), "{after}");
    }

    #[test]
    fn signals_with_another_writer_or_a_delay_keep_their_reads() {
        let src = "module t; wire [3:0] a = 4'd1; wire [3:0] b; reg [3:0] c; wire [3:0] d;\n\
                   assign b = 4'd2; assign b = 4'd3; assign #2 d = 4'd4;\n\
                   initial begin c = 4'd7; $display(a + b + c + d); end endmodule\n";
        let mut d = elaborate(src);
        apply(&mut d, "propagate_constants", run);
        let after = processes(&d);
        // Only `a` has one constant continuous driver.
        assert!(after.contains("(add:4u (add:4u (add:4u (const 4'h1) s1) s2) s3)"), "{after}");
    }
}
