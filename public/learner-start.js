// Starts the learner module (learner.js, Trunk's no-modules glue, defines the
// `wasm_bindgen` loader). Its main() mounts into #learner-root. A file, not an
// inline script, so a strict Content-Security-Policy needs no exception.
wasm_bindgen({ module_or_path: new URL("learner_bg.wasm", document.baseURI) });
