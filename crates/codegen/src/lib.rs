//! wasm backend.
