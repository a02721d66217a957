//! Native unit tests of the runtime (scheduler with fake step functions,
//! formatting against vvp's output, random sequences, files, readmem).

mod format;
mod math;
mod misc;
mod sched;
