// Top-level await (the package's browser entry loads its wasm with one) needs an ES2022 target.
export default { build: { target: "es2022", emptyOutDir: true }, logLevel: "warn" };
