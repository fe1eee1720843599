//! Extracting a baked credential from PNG bytes never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use microcred::domain::verify::baked;

fuzz_target!(|data: &[u8]| {
    // Start most inputs with the PNG signature so the chunk walker is reached.
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend_from_slice(data);
    let _ = baked::from_png(&bytes);
    let _ = baked::from_png(data);
});
