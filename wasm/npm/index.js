// Browser entry (with or without a bundler): loads the wasm next to this file once, with a
// top-level await, so `import { Engine } from "measure-rules"` is ready to use.
import init from "./web/measure_rules.js";

await init({ module_or_path: new URL("./web/measure_rules_bg.wasm", import.meta.url) });

export * from "./web/measure_rules.js";
