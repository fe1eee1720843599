// Starts the checkout module (checkout.js, Trunk's no-modules glue, whose
// loader scripts/glue-rename.mjs renames to `checkout_bindgen` so it can share
// a page with the wallet module's). Its main() mounts into #checkout-root.
checkout_bindgen({ module_or_path: new URL("checkout_bg.wasm", document.baseURI) });
