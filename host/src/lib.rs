//! Native runner.
