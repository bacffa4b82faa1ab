#!/usr/bin/env bash
# Sizes of the npm package's parts, raw and gzipped (gzip -9), after `make package`.
set -euo pipefail
cd "$(dirname "$0")/.."
row() { printf '| %-36s | %9s | %9s |\n' "$1" "$(wc -c < "$2")" "$(gzip -9 -c "$2" | wc -c)"; }
printf '| %-36s | %9s | %9s |\n' "file" "bytes" "gzip -9"
printf '| %-36s | %9s | %9s |\n' "---" "---:" "---:"
row "web/measure_rules_bg.wasm (browser)" wasm/npm/web/measure_rules_bg.wasm
row "web/measure_rules.js (browser glue)" wasm/npm/web/measure_rules.js
row "web/snippets/*/tape.mjs (glue)" wasm/npm/web/snippets/*/src/tape.mjs
row "web/snippets/*/size.mjs (glue)" wasm/npm/web/snippets/*/src/size.mjs
row "web/snippets/*/options.mjs (glue)" wasm/npm/web/snippets/*/src/options.mjs
row "index.js (browser entry)" wasm/npm/index.js
row "node/measure_rules_bg.wasm (Node)" wasm/npm/node/measure_rules_bg.wasm
row "node/measure_rules.js (Node glue)" wasm/npm/node/measure_rules.js
row "node.mjs (Node ESM entry)" wasm/npm/node.mjs
row "cli.mjs" wasm/npm/cli.mjs
row "rule-docs.js (rule documentation)" wasm/npm/rule-docs.js
row "web/measure_rules.d.ts (types)" wasm/npm/web/measure_rules.d.ts
