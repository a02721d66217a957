//! `$dumpfile`, `$dumpvars`, `$dumpoff`, `$dumpon`, `$dumpall`,
//! `$dumpflush`, `$dumplimit`: forwarded to the host, which owns the wave
//! file and samples the arena itself (the meta section says where every
//! signal lives). The host's answer switches step mode, so that `wsim_run`
//! hands control back after every time step while waves are on.

use crate::format::string_bytes;
use crate::host;
use crate::mem;

/// `rt_dump(op, arg, text, text_w)`: `op` from `wsim_abi::dump`; `text` is
/// a string value of `text_w` bits (0: none).
#[no_mangle]
pub extern "C" fn rt_dump(op: i32, arg: i64, text: u32, text_w: u32) {
    let bytes = if text_w == 0 { alloc::vec::Vec::new() } else { string_bytes(mem::value(text, text_w), text_w) };
    let st = crate::sched::s();
    st.step_mode = host::dump(op, st.now, arg, &bytes);
    // (ends `run_quiet_timer_steps`, which tests this flag alone)
    st.maybe_queued |= st.step_mode;
}
