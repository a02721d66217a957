//! Roll a run of element copies in a static body into one loop.
//!
//! The port connections of an array of instances become one continuous
//! assignment per instance (`outs[i] = u_i.out`), and `crate::fuse` puts
//! them in one unit. The ring of `bench/designs/lfsr_ring.v` at N=256 ran
//! 256 copies of the same 13 instructions, about 15 KB of straight-line
//! code each clock cycle, in a design whose hot code no longer fits the
//! instruction cache (cachegrind: 6.6 I1 misses per cell-cycle at N=256,
//! none at N=16). When the sources and the destinations lie at constant
//! strides in the arena, one loop does the same: per element, compare
//! both planes, and where they differ store them and mark the array's
//! readers pending, as `Lower::small_store_notify` does for one copy.

use crate::func::mem;
use crate::lower::{Addr, Lower};
use wasm_encoder::{BlockType, Instruction as I, ValType};
use wsim_ir::{ExprKind, ProcId, SignalId, StmtId, StmtKind, TypeKind};

/// The shortest run of copies rolled into a loop. The loop runs more
/// instructions than the straight-line copies (ring N=256: 16985 ->
/// 19501 per cycle, for 1693 -> 1446 I1 misses), so it pays only where
/// the copies' code crowds the instruction cache. Time (`bench/ab.py`):
/// from 8 copies, ring N=16 1.19x, N=64 0.98x, N=256 0.91x; from 64,
/// N=64 0.87x, N=256 0.93x (N=16 unchanged).
const MIN_RUN: usize = 64;

/// `array[k] = src` of a whole <= 64-bit signal into an element at a
/// constant index, as arena addresses.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct ElemCopy {
    array: SignalId,
    dst: u32,
    src: u32,
    four_state: bool,
    /// The static index of the process that runs it.
    unit: Option<u32>,
}

/// The statements `stmts` of a static body in order: runs of at least
/// [`MIN_RUN`] element copies at constant strides as loops, the others
/// through `emit`.
pub fn emit_rolling_copies(l: &mut Lower, stmts: &[(ProcId, StmtId)], emit: impl Fn(&mut Lower, &[(ProcId, StmtId)])) {
    // a copy's readers are marked through the deferred triggers, and its
    // addresses must not be held in a loop's locals
    if !l.cx.roll_copies || !l.promoted.is_empty() || l.deferred_triggers.is_none() {
        emit(l, stmts);
        return;
    }
    let copies: Vec<Option<ElemCopy>> = stmts.iter().map(|&(p, s)| element_copy(l, p, s)).collect();
    let (mut at, mut plain) = (0, 0);
    while at < stmts.len() {
        let n = strided_run(&copies[at..]);
        if n < MIN_RUN {
            at += 1;
            continue;
        }
        if plain < at {
            emit(l, &stmts[plain..at]);
        }
        l.proc = Some(stmts[at].0);
        let run: Vec<ElemCopy> = copies[at..at + n].iter().map(|c| c.expect("a copy")).collect();
        roll(l, &run);
        at += n;
        plain = at;
    }
    if plain < stmts.len() {
        emit(l, &stmts[plain..]);
    }
}

/// Statement `s` of process `p` as a [`ElemCopy`], when it is one whose
/// array's readers a change marks through the deferred triggers.
fn element_copy(l: &mut Lower, p: ProcId, s: StmtId) -> Option<ElemCopy> {
    let d = l.d();
    let StmtKind::Assign { lhs, rhs } = &d.stmts[s].kind else { return None };
    let ExprKind::ArrayElem { sig: array, indices } = &d.exprs[*lhs].kind else { return None };
    let ExprKind::Signal(src) = d.exprs[*rhs].kind else { return None };
    let (ai, si) = (&d.signals[*array], &d.signals[src]);
    let same = ai.ty == si.ty && ai.ty.kind == TypeKind::Integral && ai.ty.width <= 64 && si.dims.is_empty();
    if !same {
        return None;
    }
    let flat = crate::specialize::flat_index(d, *array, indices)?;
    let readers = l.cx.inline_triggers[array.index()].as_ref()?;
    if readers.has_edges() {
        return None;
    }
    // static places only: `sig_addr` reports an automatic variable
    let base = l.cx.lay.signals[array.index()].static_offset()?;
    l.cx.lay.signals[src.index()].static_offset()?;
    l.proc = Some(p);
    let unit = l.running_static_index()?;
    let Addr::Abs(src_at) = l.read_addr(src, si.span) else { return None };
    let elem = u64::from(l.cx.lay.signals[array.index()].elem_bytes);
    let dst = u32::try_from(u64::from(base) + flat * elem).ok()?;
    Some(ElemCopy { array: *array, dst, src: src_at, four_state: ai.ty.four_state, unit })
}

/// How many copies from the first of `copies` on form one run: the same
/// array, state and process, sources and destinations each a constant
/// stride apart.
fn strided_run(copies: &[Option<ElemCopy>]) -> usize {
    let Some(Some(first)) = copies.first().copied() else { return 0 };
    let Some(Some(second)) = copies.get(1).copied() else { return 1 };
    let stride = |a: u32, b: u32| i64::from(b) - i64::from(a);
    let (ds, ss) = (stride(first.dst, second.dst), stride(first.src, second.src));
    let mut n = 1;
    while let Some(Some(c)) = copies.get(n).copied() {
        let prev = copies[n - 1].expect("in the run");
        let fits = c.array == first.array && c.four_state == first.four_state && c.unit == first.unit;
        if !fits || stride(prev.dst, c.dst) != ds || stride(prev.src, c.src) != ss || ds == 0 {
            break;
        }
        n += 1;
    }
    n
}

/// The loop doing `run` (at least two copies): two pointers stepping by
/// their strides (Cranelift does not strength-reduce `k * stride`).
fn roll(l: &mut Lower, run: &[ElemCopy]) {
    let (first, second) = (run[0], run[1]);
    let ds = second.dst.wrapping_sub(first.dst) as i32;
    let ss = second.src.wrapping_sub(first.src) as i32;
    let end = first.dst.wrapping_add((ds as u32).wrapping_mul(run.len() as u32));
    let (src, dst) = (l.f.local(ValType::I32), l.f.local(ValType::I32));
    let (a, b) = (l.f.local(ValType::I64), l.f.local(ValType::I64));
    for (local, start) in [(src, first.src), (dst, first.dst)] {
        l.i32c(start as i32);
        l.i(I::LocalSet(local));
    }
    l.i(I::Loop(BlockType::Empty));
    let planes: &[(u32, u32)] = if first.four_state { &[(0, a), (8, b)] } else { &[(0, a)] };
    for &(offset, plane) in planes {
        l.i(I::LocalGet(src));
        l.i(I::I64Load(mem(offset, 3)));
        l.i(I::LocalSet(plane));
    }
    // (old ^ new) of each plane, ORed: non-zero when the element changes
    for (n, &(offset, plane)) in planes.iter().enumerate() {
        l.i(I::LocalGet(dst));
        l.i(I::I64Load(mem(offset, 3)));
        l.i(I::LocalGet(plane));
        l.i(I::I64Xor);
        if n > 0 {
            l.i(I::I64Or);
        }
    }
    l.i(I::I64Const(0));
    l.i(I::I64Ne);
    l.i(I::If(BlockType::Empty));
    for &(offset, plane) in planes {
        l.i(I::LocalGet(dst));
        l.i(I::LocalGet(plane));
        l.i(I::I64Store(mem(offset, 3)));
    }
    let deferred = l.defer_trigger(first.array);
    debug_assert!(deferred, "element_copy admits deferred readers only");
    l.i(I::End);
    for (local, stride) in [(src, ss), (dst, ds)] {
        l.i(I::LocalGet(local));
        l.i32c(stride);
        l.i(I::I32Add);
        l.i(I::LocalSet(local));
    }
    l.i(I::LocalGet(dst));
    l.i32c(end as i32);
    l.i(I::I32Ne);
    l.i(I::BrIf(0));
    l.i(I::End);
    // stores at addresses known only at run time: forget cached values
    l.loads.observe(l.f.cur, &I::I64Store(mem(0, 3)));
}

#[cfg(test)]
mod tests {
    use crate::specialize::tests::runner_operators;

    /// The runner's stores and loops for `n` instances whose output ports
    /// drive the elements of one array.
    fn runner_stores_and_loops(n: usize, roll: bool) -> (usize, usize) {
        let src = format!(
            "module r(input clk, input [7:0] d, output [7:0] q); reg [7:0] x; always @(posedge clk) x <= d; assign q = x; endmodule
             module t; reg clk = 0; reg [7:0] d = 0; wire [7:0] o [0:{last}]; reg [7:0] s; integer k;
             genvar i; generate for (i = 0; i <= {last}; i = i + 1) begin : g r u (.clk(clk), .d(d + i), .q(o[i])); end endgenerate
             always #5 clk = ~clk;
             always @(posedge clk) d <= d + 1;
             always @* begin s = 0; for (k = 0; k <= {last}; k = k + 1) s = s ^ o[k]; end
             endmodule\n",
            last = n - 1
        );
        let ops = runner_operators(&src, &crate::CodegenOptions { no_roll_copies: !roll, ..Default::default() });
        let count = |what: &str| ops.iter().filter(|op| op.starts_with(what)).count();
        (count("I64Store"), count("Loop"))
    }

    #[test]
    fn a_long_run_of_element_copies_becomes_one_loop() {
        let (unrolled, loops) = runner_stores_and_loops(70, false);
        let (rolled, rolled_loops) = runner_stores_and_loops(70, true);
        // both planes of 70 copies, against one copy in a loop
        assert!(unrolled >= 140 && rolled + 130 <= unrolled, "{unrolled} {rolled}");
        assert_eq!(rolled_loops, loops + 1);
        // a run shorter than MIN_RUN stays as it is
        assert_eq!(runner_stores_and_loops(20, true), runner_stores_and_loops(20, false));
    }
}
