// The browser entry exports the browser build's API (its declarations are generated).
export * from "./web/measure_rules.js";
