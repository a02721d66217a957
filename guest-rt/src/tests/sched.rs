//! Scheduler tests: fake step functions written in Rust drive the real
//! scheduler through the same exports generated code uses.

use crate::mem::{rd32, value_mut, wr32};
use crate::sched::*;
use crate::testkit::{log, take_log, Machine};
use wsim_abi::frame::HEADER_SIZE as H;
use wsim_abi::{edge, join, run_status, status, value_bytes};

fn state(f: u32) -> u32 {
    rd32(f + wsim_abi::frame::STATE)
}

fn set_state(f: u32, s: u32) {
    wr32(f + wsim_abi::frame::STATE, s)
}

/// Local word `i` of a frame.
fn local(f: u32, i: u32) -> u32 {
    rd32(f + H + 4 * i)
}

fn set_local(f: u32, i: u32, v: u32) {
    wr32(f + H + 4 * i, v)
}

fn t() -> i64 {
    rt_now()
}

/// Waits for a delay: sets the resume state and returns WAIT.
fn delay(f: u32, ticks: i64, next: u32) -> i32 {
    set_state(f, next);
    rt_delay(f, ticks);
    status::WAIT
}

// ---------------------------------------------------------------------------

fn delays_dispatch(func: u32, f: u32) -> i32 {
    match (func, state(f)) {
        (1, 0) => {
            log(format!("A0@{}", t()));
            delay(f, 5, 1)
        }
        (1, 1) => {
            log(format!("A1@{}", t()));
            delay(f, 0, 2)
        }
        (1, _) => {
            log(format!("A2@{}", t()));
            status::DONE
        }
        (2, 0) => delay(f, 3, 1),
        (2, 1) => {
            log(format!("B@{}", t()));
            delay(f, 2, 2)
        }
        _ => {
            log(format!("B2@{}", t()));
            status::DONE
        }
    }
}

#[test]
fn delays_and_zero_delay_run_in_time_and_region_order() {
    let mut m = Machine::new(4, 0, delays_dispatch);
    let (a, b) = (m.frame(16), m.frame(16));
    rt_start(a, 1);
    rt_start(b, 2);
    assert_eq!(wsim_run(100), run_status::IDLE);
    assert_eq!(take_log(), ["A0@0", "B@3", "A1@5", "B2@5", "A2@5"]);
    assert_eq!(wsim_time(), 5);
}

// ---------------------------------------------------------------------------
// Edges: a driver walks bit 0 of signal 0 through 1 0 x 1 z 0 1.

const WAVE: [(u64, u64); 7] = [(1, 0), (0, 0), (1, 1), (1, 0), (0, 1), (0, 0), (1, 0)];

fn edges_dispatch(func: u32, f: u32) -> i32 {
    match func {
        // Waiters: local 0 = edge kind, local 1 = name index.
        1 => {
            if state(f) == 1 {
                log(format!("{}@{}", ["any", "pos", "neg", "both"][local(f, 0) as usize], t()));
            }
            set_state(f, 1);
            rt_wait(f, 0, local(f, 0) as i32);
            status::WAIT
        }
        // Driver: local 0 = address of the signal, local 1 = step.
        _ => {
            let i = local(f, 1) as usize;
            if i > 0 {
                let (a, b) = WAVE[i - 1];
                let tmp = [a, b];
                let dst = value_mut(local(f, 0), 1);
                let old = crate::sched::lsb_code(local(f, 0), 1);
                dst.copy_from_slice(&tmp);
                rt_notify(0, old, crate::sched::lsb_code(local(f, 0), 1));
            }
            if i == WAVE.len() {
                return status::DONE;
            }
            set_local(f, 1, i as u32 + 1);
            rt_delay(f, 1);
            status::WAIT
        }
    }
}

#[test]
fn edges_follow_the_lsb_transition_tables() {
    let mut m = Machine::new(4, 0, edges_dispatch);
    let sig = m.num(1, 0);
    for e in [edge::POS, edge::NEG, edge::ANY, edge::BOTH] {
        let w = m.frame(16);
        set_local(w, 0, e as u32);
        rt_start(w, 1);
    }
    let d = m.frame(16);
    set_local(d, 0, sig);
    rt_start(d, 2);
    assert_eq!(wsim_run(100), run_status::IDLE);
    let logs = take_log();
    let of = |name: &str| -> Vec<String> { logs.iter().filter(|l| l.starts_with(name)).cloned().collect() };
    // 0->1 @1, 1->0 @2, 0->x @3, x->1 @4, 1->z @5, z->0 @6, 0->1 @7
    assert_eq!(of("pos"), ["pos@1", "pos@3", "pos@4", "pos@7"]);
    assert_eq!(of("neg"), ["neg@2", "neg@5", "neg@6"]);
    assert_eq!(of("any").len(), 7);
    assert_eq!(of("both").len(), 7);
}

// ---------------------------------------------------------------------------

fn order_dispatch(func: u32, f: u32) -> i32 {
    match func {
        // Waiters: local 0 = name, local 1 = edge.
        1 => {
            if state(f) == 1 {
                log(format!("{}@{}", (b'A' + local(f, 0) as u8) as char, t()));
            }
            set_state(f, 1);
            rt_wait(f, 0, local(f, 1) as i32);
            status::WAIT
        }
        // Clock: toggles signal 0 (address in local 0) at 1, 2, 3.
        _ => {
            let step = local(f, 1);
            if step > 0 {
                let v = value_mut(local(f, 0), 1);
                let old = v[0] as u32;
                v[0] ^= 1;
                rt_notify(0, old, v[0] as u32);
            }
            if step == 3 {
                return status::DONE;
            }
            set_local(f, 1, step + 1);
            rt_delay(f, 1);
            status::WAIT
        }
    }
}

#[test]
fn same_edge_waiters_wake_like_icarus() {
    // Icarus: three @(posedge clk) blocks print C B A, then A B C on the
    // next edge; an @(clk) block comes after them.
    let mut m = Machine::new(2, 0, order_dispatch);
    let clk = m.num(1, 0);
    for (name, e) in [(0, edge::POS), (1, edge::POS), (2, edge::POS), (3, edge::ANY)] {
        let w = m.frame(16);
        set_local(w, 0, name);
        set_local(w, 1, e as u32);
        rt_start(w, 1);
    }
    let c = m.frame(16);
    set_local(c, 0, clk);
    rt_start(c, 2);
    wsim_run(10);
    assert_eq!(take_log(), ["C@1", "B@1", "A@1", "D@1", "D@2", "A@3", "B@3", "C@3", "D@3"]);
}

// ---------------------------------------------------------------------------
// NBA: local 0 = address of x (8-bit signal 0), local 1 = scratch value.

fn x_of(f: u32) -> u64 {
    crate::mem::value(local(f, 0), 8)[0]
}

fn nba_to(f: u32, v: u64, d: i64) {
    let tmp = local(f, 1);
    crate::logic::from_i64(value_mut(tmp, 8), 8, v as i64);
    rt_nba(local(f, 0), 8, 0, tmp, 8, 0, d);
}

fn nba_dispatch(func: u32, f: u32) -> i32 {
    match (func, state(f)) {
        // Watcher.
        (1, s) => {
            if s == 1 {
                log(format!("W x={}@{}", x_of(f), t()));
            }
            set_state(f, 1);
            rt_wait(f, 0, edge::ANY);
            status::WAIT
        }
        (2, 0) => {
            let tmp = local(f, 1);
            crate::logic::from_i64(value_mut(tmp, 8), 8, 1);
            rt_store(local(f, 0), tmp, 8, 0);
            nba_to(f, 2, 0);
            nba_to(f, 3, 0);
            log(format!("P x={}", x_of(f)));
            delay(f, 0, 1)
        }
        (2, 1) => {
            log(format!("P#0 x={}", x_of(f)));
            set_state(f, 2);
            rt_wait(f, 0, edge::ANY);
            status::WAIT
        }
        _ => {
            log(format!("P x={}", x_of(f)));
            nba_to(f, 7, 5);
            status::DONE
        }
    }
}

#[test]
fn nonblocking_assignments_commit_in_order_after_active_and_inactive() {
    let mut m = Machine::new(1, 0, nba_dispatch);
    let x = m.num(8, 0);
    let tmp = m.num(8, 0);
    let (w, p) = (m.frame(16), m.frame(16));
    for f in [w, p] {
        set_local(f, 0, x);
        set_local(f, 1, tmp);
    }
    rt_start(w, 1);
    rt_start(p, 2);
    assert_eq!(wsim_run(100), run_status::IDLE);
    assert_eq!(take_log(), ["P x=1", "W x=1@0", "P#0 x=1", "P x=3", "W x=3@0", "W x=7@5"]);
}

// ---------------------------------------------------------------------------
// Fork/join, in Icarus's order (last forked runs first).

fn fork_child(parent: u32, func: u32, id: u32) {
    let c = rt_alloc_frame(H + 16, func);
    set_local(c, 0, id);
    rt_fork(parent, c);
}

fn fork_dispatch(func: u32, f: u32) -> i32 {
    match (func, state(f)) {
        (1, 0) => {
            for id in 1..=3 {
                fork_child(f, 2, id);
            }
            set_state(f, 1);
            if rt_join(f, join::ALL) == 1 {
                return status::WAIT;
            }
            panic!("join must wait");
        }
        (1, 1) => {
            log("joined".into());
            fork_child(f, 3, 1);
            fork_child(f, 3, 2);
            set_state(f, 2);
            assert_eq!(rt_join(f, join::ANY), 1);
            status::WAIT
        }
        (1, 2) => {
            log(format!("any@{}", t()));
            fork_child(f, 2, 4);
            fork_child(f, 2, 5);
            log("p".into());
            delay(f, 1, 3)
        }
        (1, _) => {
            log(format!("end@{}", t()));
            status::DONE
        }
        (2, _) => {
            log(format!("c{}", local(f, 0)));
            status::DONE
        }
        (3, 0) => {
            let id = local(f, 0);
            delay(f, if id == 1 { 2 } else { 1 }, 1)
        }
        (3, _) => {
            log(format!("d{}@{}", local(f, 0), t()));
            status::DONE
        }
        _ => {
            log("other".into());
            status::DONE
        }
    }
}

#[test]
fn fork_join_all_any_none_in_icarus_order() {
    let mut m = Machine::new(1, 0, fork_dispatch);
    let (p, o) = (m.frame(16), m.frame(16));
    rt_start(p, 1);
    rt_start(o, 4);
    let heap_before = crate::heap::top();
    assert_eq!(wsim_run(100), run_status::IDLE);
    assert_eq!(take_log(), ["c3", "c2", "c1", "joined", "other", "d2@1", "any@1", "p", "c5", "c4", "d1@2", "end@2"]);
    // Finished branches were freed: a second round reuses their blocks.
    let heap_after = crate::heap::top();
    let p2 = m.frame(16);
    rt_start(p2, 1);
    wsim_run(200);
    assert_eq!(crate::heap::top(), heap_after, "freed fork frames are reused");
    assert!(heap_after > heap_before);
}

// ---------------------------------------------------------------------------
// Task calls that wait, nested two deep.

fn call_dispatch(func: u32, f: u32) -> i32 {
    match (func, state(f)) {
        (1, 0) => {
            let c = rt_alloc_frame(H + 16, 2);
            set_local(f, 0, c);
            rt_call(f, c);
            set_state(f, 1);
            status::CALL
        }
        (1, _) => {
            let c = local(f, 0);
            log(format!("parent got {}@{}", local(c, 1), t()));
            rt_free_frame(c);
            status::DONE
        }
        (2, 0) => {
            log(format!("child start@{}", t()));
            delay(f, 2, 1)
        }
        (2, 1) => {
            let g = rt_alloc_frame(H + 16, 3);
            set_local(f, 0, g);
            rt_call(f, g);
            set_state(f, 2);
            status::CALL
        }
        (2, _) => {
            rt_free_frame(local(f, 0));
            set_local(f, 1, 42);
            log(format!("child end@{}", t()));
            status::DONE
        }
        (_, 0) => {
            log(format!("grand@{}", t()));
            delay(f, 1, 1)
        }
        _ => {
            log(format!("grand end@{}", t()));
            status::DONE
        }
    }
}

#[test]
fn task_calls_that_wait_resume_their_callers() {
    let mut m = Machine::new(1, 0, call_dispatch);
    let p = m.frame(16);
    rt_start(p, 1);
    assert_eq!(wsim_run(100), run_status::IDLE);
    assert_eq!(take_log(), ["child start@0", "grand@2", "grand end@3", "child end@3", "parent got 42@3"]);
}

// ---------------------------------------------------------------------------

fn spin_dispatch(_: u32, f: u32) -> i32 {
    rt_delay(f, 0);
    status::WAIT
}

#[test]
fn zero_delay_loop_hits_the_delta_limit() {
    let mut m = Machine::new(1, 0, spin_dispatch);
    let p = m.frame(0);
    rt_start(p, 1);
    assert_eq!(wsim_run(100), run_status::ERROR);
    let expected = format!("E0504 site=-1 frame={p}: more than 1000000 delta cycles in one time step");
    assert!(m.stderr().starts_with(&expected), "{}", m.stderr());
    assert_eq!(wsim_exit_code(), 1);
}

// ---------------------------------------------------------------------------

fn disable_dispatch(func: u32, f: u32) -> i32 {
    match (func, state(f)) {
        (1, 0) => {
            fork_child(f, 2, 5);
            fork_child(f, 2, 10);
            delay(f, 1, 1)
        }
        (1, 1) => {
            rt_disable_fork(f);
            log(format!("disabled@{} count={}", t(), rd32(f + wsim_abi::frame::JOIN_COUNT)));
            delay(f, 20, 2)
        }
        (1, _) => {
            log(format!("end@{}", t()));
            status::DONE
        }
        (_, 0) => {
            let d = local(f, 0) as i64;
            // Also wait on an event, so killing must unlink waiter nodes.
            rt_wait(f, 0, edge::ANY);
            delay(f, d, 1)
        }
        _ => {
            log(format!("child{}@{}", local(f, 0), t()));
            status::DONE
        }
    }
}

#[test]
fn disable_fork_kills_waiting_children() {
    let mut m = Machine::new(1, 0, disable_dispatch);
    let p = m.frame(16);
    rt_start(p, 1);
    assert_eq!(wsim_run(100), run_status::IDLE);
    // The killed children's waiter nodes are gone: a notify wakes nobody.
    rt_notify(0, 0, 1);
    assert_eq!(wsim_run(200), run_status::IDLE);
    assert_eq!(take_log(), ["disabled@1 count=0", "end@21"]);
}

// ---------------------------------------------------------------------------

fn finish_dispatch(func: u32, f: u32) -> i32 {
    match func {
        1 => {
            log(format!("finish@{}", t()));
            rt_finish(0);
            status::STOP
        }
        2 => {
            log("must not run".into());
            status::DONE
        }
        3 => {
            log("final".into());
            status::DONE
        }
        _ => delay(f, 10, 0),
    }
}

#[test]
fn finish_stops_the_run_and_final_blocks_run_once() {
    let mut m = Machine::new(1, 0, finish_dispatch);
    let (a, b, fin, ticker) = (m.frame(0), m.frame(0), m.frame(0), m.frame(0));
    rt_start(ticker, 4);
    rt_start(a, 1);
    rt_start(b, 2);
    rt_add_final(fin, 3);
    assert_eq!(wsim_run(100), run_status::FINISHED);
    assert_eq!(wsim_run(100), run_status::FINISHED);
    assert_eq!(wsim_exit_code(), 0);
    wsim_final();
    wsim_final();
    assert_eq!(take_log(), ["finish@0", "final"]);
}

fn stop_dispatch(_: u32, f: u32) -> i32 {
    if state(f) == 0 {
        log(format!("stop@{}", t()));
        rt_stop();
        set_state(f, 1);
        return status::STOP;
    }
    log(format!("resumed@{}", t()));
    status::DONE
}

#[test]
fn fatal_and_stop_report_their_status() {
    let mut m = Machine::new(1, 0, stop_dispatch);
    let p = m.frame(0);
    rt_start(p, 1);
    assert_eq!(wsim_run(10), run_status::STOPPED);
    // A stopped run goes on where the thread stopped.
    assert_eq!(wsim_run(10), run_status::IDLE);
    assert_eq!(take_log(), ["stop@0", "resumed@0"]);
    rt_finish(1);
    assert_eq!(wsim_run(10), run_status::ERROR);
    assert_eq!(wsim_exit_code(), 1);
}

fn until_dispatch(_: u32, f: u32) -> i32 {
    if state(f) == 0 {
        return delay(f, 10, 1);
    }
    log(format!("@{}", t()));
    status::DONE
}

#[test]
fn run_until_stops_before_later_events() {
    let mut m = Machine::new(1, 0, until_dispatch);
    let p = m.frame(0);
    rt_start(p, 1);
    assert_eq!(wsim_run(5), run_status::UNTIL);
    assert!(take_log().is_empty());
    assert_eq!(wsim_run(10), run_status::IDLE);
    assert_eq!(take_log(), ["@10"]);
}

// ---------------------------------------------------------------------------
// Monitor and strobe: local 0 = x address (8 bits), local 1 = scratch.

fn monitor_dispatch(func: u32, f: u32) -> i32 {
    match (func, state(f)) {
        // The monitor "function": prints x when it changed.
        (9, _) => {
            let x = local(f, 0);
            if rt_monitor_changed(x, value_bytes(8)) == 1 {
                log(format!("mon x={}@{}", crate::mem::value(x, 8)[0], t()));
            }
            status::DONE
        }
        (8, _) => {
            log(format!("strobe x={}@{}", crate::mem::value(local(f, 0), 8)[0], t()));
            status::DONE
        }
        (1, s) => {
            let x = local(f, 0);
            let set = |v: u64| value_mut(x, 8)[0] = v;
            match s {
                0 => {
                    rt_monitor(9, f);
                    set(1);
                    rt_strobe(8, f);
                    set(2);
                    delay(f, 1, 1)
                }
                1 => {
                    set(3);
                    delay(f, 1, 2)
                }
                2 => delay(f, 1, 3), // nothing changes at 2
                3 => {
                    rt_monitor_enable(0);
                    set(4);
                    delay(f, 1, 4)
                }
                _ => {
                    rt_monitor_enable(1);
                    status::DONE
                }
            }
        }
        _ => status::DONE,
    }
}

#[test]
fn monitor_prints_on_change_and_strobe_after_it() {
    let mut m = Machine::new(1, 0, monitor_dispatch);
    let x = m.num(8, 0);
    let p = m.frame(16);
    set_local(p, 0, x);
    rt_start(p, 1);
    wsim_run(100);
    assert_eq!(take_log(), ["mon x=2@0", "strobe x=2@0", "mon x=3@1", "mon x=4@4"]);
}

// ---------------------------------------------------------------------------

fn bounded_dispatch(func: u32, f: u32) -> i32 {
    match func {
        // Waits on signal 0 or signal 1; only signal 0 ever changes.
        1 => {
            rt_wait(f, 0, edge::ANY);
            rt_wait(f, 1, edge::POS);
            rt_wait(f, 1, edge::NEG);
            status::WAIT
        }
        _ => {
            let n = local(f, 0);
            if n == 0 {
                return status::DONE;
            }
            set_local(f, 0, n - 1);
            rt_notify(0, n & 1, (n + 1) & 1);
            delay(f, 1, 1)
        }
    }
}

#[test]
fn waiter_memory_stays_bounded() {
    let mut m = Machine::new(2, 0, bounded_dispatch);
    let (w, d) = (m.frame(0), m.frame(16));
    set_local(d, 0, 10);
    rt_start(w, 1);
    rt_start(d, 2);
    wsim_run(100);
    let after_10 = crate::heap::top();
    set_local(d, 0, 5000);
    rt_start(d, 2);
    wsim_run(100_000);
    assert_eq!(crate::heap::top(), after_10);
}

// ---------------------------------------------------------------------------

fn update_dispatch(func: u32, f: u32) -> i32 {
    match (func, state(f)) {
        (1, s) => {
            if s == 1 {
                log(format!("y={}@{}", crate::mem::value(local(f, 0), 8)[0], t()));
            }
            set_state(f, 1);
            rt_wait(f, 0, edge::ANY);
            status::WAIT
        }
        _ => {
            let (y, tmp) = (local(f, 0), local(f, 1));
            for (v, d) in [(5u64, 3i64), (6, 1), (7, 0)] {
                crate::logic::from_i64(value_mut(tmp, 8), 8, v as i64);
                rt_update_after(y, 8, 0, tmp, 8, 0, d);
            }
            // Bits 4..7 only, after 2 ticks: 7 | 0x90.
            crate::logic::from_i64(value_mut(tmp, 8), 8, 9);
            rt_nba(y, 8, 4, tmp, 4, 0, 2);
            status::DONE
        }
    }
}

#[test]
fn update_after_and_partial_delayed_nba() {
    let mut m = Machine::new(1, 0, update_dispatch);
    let (y, tmp) = (m.num(8, 0), m.num(8, 0));
    let (w, d) = (m.frame(16), m.frame(16));
    for f in [w, d] {
        set_local(f, 0, y);
        set_local(f, 1, tmp);
    }
    rt_start(w, 1);
    rt_start(d, 2);
    wsim_run(100);
    assert_eq!(take_log(), ["y=7@0", "y=6@1", "y=150@2", "y=5@3"]);
}

#[test]
fn store_reports_changes_and_notifies() {
    let mut m = Machine::new(1, 0, order_dispatch);
    let a = m.value(65, &[1, 1, 0, 0]);
    let b = m.value(65, &[1, 1, 0, 0]);
    let c = m.value(65, &[0, 1, 0, 0]);
    assert_eq!(rt_store(a, b, 65, wsim_abi::NO_SIG), 0);
    assert_eq!(rt_store(a, c, 65, 0), 1);
    assert_eq!(crate::mem::value(a, 65), &[0, 1, 0, 0]);
    let one = m.value(1, &[1, 0]);
    assert_eq!(rt_store_bits(a, 65, 64, one, 1, 0), 0);
    assert_eq!(rt_store_bits(a, 65, 0, one, 1, 0), 1);
    assert_eq!(rt_store_bits(a, 65, 70, one, 1, 0), 0);
}

// ---------------------------------------------------------------------------
// rt_kill and rt_resume_at on waiting frames.

fn kill_dispatch(func: u32, f: u32) -> i32 {
    match (func, state(f)) {
        // A waiter on signal 0 and a delay.
        (1, 0) => {
            rt_wait(f, 0, edge::ANY);
            set_state(f, 1);
            status::WAIT
        }
        (1, 1) => {
            log(format!("woken@{}", t()));
            status::DONE
        }
        (1, _) => {
            log(format!("resumed at 7@{}", t()));
            status::DONE
        }
        // Controller: local 0 = victim, local 1 = other.
        (2, 0) => delay(f, 2, 1),
        (2, 1) => {
            rt_kill(local(f, 0));
            rt_resume_at(local(f, 1), 7);
            rt_notify(0, 0, 1); // the killed frame must not wake
            delay(f, 1, 2)
        }
        _ => {
            log(format!("end@{}", t()));
            status::DONE
        }
    }
}

#[test]
fn kill_cancels_waits_and_resume_at_jumps() {
    let mut m = Machine::new(1, 0, kill_dispatch);
    let (victim, other, ctl) = (m.frame(0), m.frame(0), m.frame(16));
    set_local(ctl, 0, victim);
    set_local(ctl, 1, other);
    rt_start(victim, 1);
    rt_start(other, 1);
    rt_start(ctl, 2);
    assert_eq!(wsim_run(100), run_status::IDLE);
    assert_eq!(take_log(), ["resumed at 7@2", "end@3"]);
    // Neither frame keeps waiter nodes: another notify wakes nobody.
    rt_notify(0, 1, 0);
    assert_eq!(wsim_run(200), run_status::IDLE);
    assert!(take_log().is_empty());
}

#[test]
fn events_on_unknown_signals_are_ignored() {
    let mut m = Machine::new(2, 0, kill_dispatch);
    let f = m.frame(0);
    rt_wait(f, 5, edge::ANY); // signal 5 does not exist
    rt_notify(7, 0, 1);
    rt_trigger(9);
    assert_eq!(rd32(f + wsim_abi::frame::WAITERS), 0);
}

fn stop_batch_dispatch(func: u32, f: u32) -> i32 {
    match func {
        1 => stop_dispatch(func, f),
        _ => {
            if state(f) == 0 {
                log(format!("B@{}", t()));
                return delay(f, 5, 1);
            }
            log(format!("B2@{}", t()));
            status::DONE
        }
    }
}

#[test]
fn stop_resumes_the_rest_of_its_time_step() {
    let mut m = Machine::new(1, 0, stop_batch_dispatch);
    let (a, b) = (m.frame(0), m.frame(0));
    rt_start(a, 1);
    rt_start(b, 2);
    assert_eq!(wsim_run(100), run_status::STOPPED);
    assert_eq!(take_log(), ["stop@0"]);
    assert_eq!(wsim_run(100), run_status::IDLE);
    assert_eq!(take_log(), ["resumed@0", "B@0", "B2@5"]);
}

fn huge_delay_dispatch(_: u32, f: u32) -> i32 {
    if state(f) == 0 {
        // 2^63 + 5 ticks: an unsigned delay, not a negative one.
        return delay(f, (1u64 << 63).wrapping_add(5) as i64, 1);
    }
    log(format!("@{}", rt_now() as u64));
    status::DONE
}

#[test]
fn delays_are_unsigned() {
    let mut m = Machine::new(1, 0, huge_delay_dispatch);
    let p = m.frame(0);
    rt_start(p, 1);
    assert_eq!(wsim_run(i64::MAX), run_status::UNTIL);
    assert!(take_log().is_empty());
}

// ---------------------------------------------------------------------------
// Event-expression ids and pushed starts reproduce vvp's wake order.
// Waiter locals: 0 = name, 1 = wait count, then (sig, edge|id<<8) pairs.

fn icarus_order_dispatch(func: u32, f: u32) -> i32 {
    match func {
        1 => {
            if state(f) == 1 {
                log(format!("{}@{}", (b'A' + local(f, 0) as u8) as char, t()));
            }
            set_state(f, 1);
            for k in 0..local(f, 1) {
                rt_wait(f, local(f, 2 + 2 * k), local(f, 3 + 2 * k) as i32);
            }
            status::WAIT
        }
        // Driver: local 0 = clk address, local 1 = d address, local 2 = step.
        _ => {
            let step = local(f, 2);
            let toggle = |addr: u32, sig: u32| {
                let v = value_mut(addr, 1);
                let old = v[0] as u32;
                v[0] ^= 1;
                rt_notify(sig, old, v[0] as u32);
            };
            match step {
                1 | 2 => toggle(local(f, 0), 0),
                3 => toggle(local(f, 1), 1),
                _ => {}
            }
            if step == 3 {
                return status::DONE;
            }
            set_local(f, 2, step + 1);
            rt_delay(f, 1);
            status::WAIT
        }
    }
}

#[test]
fn event_ids_and_pushed_starts_match_vvp_order() {
    // module t; reg clk = 0, d = 0;
    //   always @(posedge clk) $display("A");  (and B, C)
    //   always @(clk or d) $display("D");
    //   always @(negedge clk or posedge d) $display("E");
    // vvp prints C B A D, then D E, then D E.
    let mut m = Machine::new(2, 0, icarus_order_dispatch);
    let (clk, d) = (m.num(1, 0), m.num(1, 0));
    let pos = |id: u32, e: i32| (e as u32) | (id << 8);
    // (name, [(signal, edge | id << 8)], started with rt_start_push)
    type Waiter<'a> = (u32, &'a [(u32, u32)], bool);
    let waiters: [Waiter; 5] = [
        (0, &[(0, pos(1, edge::POS))], false),
        (1, &[(0, pos(1, edge::POS))], false),
        (2, &[(0, pos(1, edge::POS))], false),
        (3, &[(0, pos(2, edge::ANY)), (1, pos(2, edge::ANY))], true),
        (4, &[(0, pos(3, edge::NEG)), (1, pos(3, edge::POS))], false),
    ];
    for (name, waits, push) in waiters {
        let w = m.frame(32);
        set_local(w, 0, name);
        set_local(w, 1, waits.len() as u32);
        for (k, &(sig, e)) in waits.iter().enumerate() {
            set_local(w, 2 + 2 * k as u32, sig);
            set_local(w, 3 + 2 * k as u32, e);
        }
        if push {
            rt_start_push(w, 1);
        } else {
            rt_start(w, 1);
        }
    }
    let drv = m.frame(16);
    set_local(drv, 0, clk);
    set_local(drv, 1, d);
    rt_start(drv, 2);
    wsim_run(10);
    assert_eq!(take_log(), ["C@1", "B@1", "A@1", "D@1", "D@2", "E@2", "D@3", "E@3"]);
}

fn push_dispatch(func: u32, f: u32) -> i32 {
    match (func, state(f)) {
        // always @(a): pushed, so it waits before the initial sets a.
        (1, 0) => {
            set_state(f, 1);
            rt_wait(f, 0, edge::ANY | (1 << 8));
            status::WAIT
        }
        (1, _) => {
            log(format!("sees a@{}", t()));
            status::DONE
        }
        _ => {
            log("i1".into());
            rt_notify(0, 0, 1);
            status::DONE
        }
    }
}

#[test]
fn pushed_processes_start_before_initial_blocks() {
    // initial begin $display("i1"); a = 1; end  always @(a) $display("sees a");
    let mut m = Machine::new(1, 0, push_dispatch);
    let (i, a) = (m.frame(0), m.frame(0));
    rt_start(i, 2);
    rt_start_push(a, 1);
    wsim_run(10);
    assert_eq!(take_log(), ["i1", "sees a@0"]);
}

// ---------------------------------------------------------------------------
// A rough cost measurement (run with `cargo test --release -- --ignored`).

fn bench_dispatch(func: u32, f: u32) -> i32 {
    match func {
        // A flop: @(posedge clk) q <= d; locals: q address, d address, sig.
        1 => {
            if state(f) == 1 {
                rt_nba(local(f, 0), 1, 0, local(f, 1), 1, local(f, 2), 0);
            }
            set_state(f, 1);
            rt_wait(f, 0, edge::POS | (1 << 8));
            status::WAIT
        }
        // The clock: local 0 = clk address, local 1 = half periods left.
        _ => {
            let n = local(f, 1);
            if n == 0 {
                return status::DONE;
            }
            set_local(f, 1, n - 1);
            let v = value_mut(local(f, 0), 1);
            let old = v[0] as u32;
            v[0] ^= 1;
            rt_notify(0, old, v[0] as u32);
            rt_delay(f, 1);
            status::WAIT
        }
    }
}

#[test]
#[ignore]
fn bench_flop_chain() {
    const FLOPS: u32 = 512;
    const HALF_PERIODS: u32 = 20_000;
    let mut m = Machine::new(FLOPS + 1, 0, bench_dispatch);
    let clk = m.num(1, 0);
    let regs: Vec<u32> = (0..=FLOPS).map(|_| m.num(1, 0)).collect();
    for i in 0..FLOPS as usize {
        let f = m.frame(16);
        set_local(f, 0, regs[i + 1]);
        set_local(f, 1, regs[i]);
        set_local(f, 2, i as u32 + 1);
        rt_start(f, 1);
    }
    let c = m.frame(16);
    set_local(c, 0, clk);
    set_local(c, 1, HALF_PERIODS);
    rt_start(c, 2);
    let t0 = std::time::Instant::now();
    wsim_run(i64::MAX);
    let dt = t0.elapsed();
    let activations = FLOPS as f64 * HALF_PERIODS as f64 / 2.0;
    eprintln!("{:.1} ns per flop activation ({dt:?})", dt.as_nanos() as f64 / activations);
}
