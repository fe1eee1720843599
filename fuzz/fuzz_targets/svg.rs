//! Extracting a baked credential from SVG text never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use microcred::domain::verify::baked;

fuzz_target!(|data: &[u8]| {
    let _ = baked::is_svg(data);
    let _ = baked::from_svg(data);
});
