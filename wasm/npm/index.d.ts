// The browser entry exports the browser build's API (its declarations are generated). They
// declare `[Symbol.dispose]` on each class (wasm-bindgen's), which TypeScript knows only with
// the library `esnext.disposable`: without this line, a project with a plain `lib` (ES2022,
// say) and `skipLibCheck: false` failed to compile the package's declarations.
/// <reference lib="esnext.disposable" />
export * from "./web/measure_rules.js";
