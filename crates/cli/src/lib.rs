//! wsim as a library: the compile pipeline.
