// Starts the wallet module (wallet.js, Trunk's no-modules glue, defines the
// `wasm_bindgen` loader). Its main() mounts into #wallet-root. A file, not an
// inline script, so a strict Content-Security-Policy needs no exception.
wasm_bindgen({ module_or_path: new URL("wallet_bg.wasm", document.baseURI) });
