//! The arena layout (computed once; read by codegen, host, waves and the GPU backend).
