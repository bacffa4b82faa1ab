#!/usr/bin/env bash
# Builds every expression-language candidate for wasm32-unknown-unknown with the project's
# release profile, optimises it with wasm-opt -Oz as wasm/build.sh does, prints the sizes,
# checks the .wasm files in Node, then builds and runs the native measurements.
# Usage: bash bench/expr-languages/run.sh        (JOBS=1 for `cargo -j 1`)
# Nothing is written inside the repository: Cargo's target dirs and the .wasm files are in /tmp.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/tmp/expr-target}"
out="${EXPR_WASM_DIR:-/tmp/expr-wasm}"
jobs="${JOBS:-2}"
wasm_opt="$root/node_modules/.bin/wasm-opt"
# The flags of wasm/Cargo.toml: the features rustc enables by default for wasm32.
opt_flags=(-Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
cargo_() { nice -n 10 cargo "$@" --locked -j "$jobs"; }

echo "== toolchain"
rustc --version; cargo --version; "$wasm_opt" --version; node --version
echo "date: $(date -u +%Y-%m-%d)   machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "== crate versions (Cargo.lock)"
for c in serde_json datalogic-rs datavalue-rs jsonlogic-rs jsonlogic cel cel-interpreter cel-parser antlr4rust evalexpr rhai regex chrono; do
  awk -v n="$c" '$0=="name = \""n"\"" {getline; gsub(/version = |"/,""); print "  " n " " $0}' Cargo.lock
done
awk '$0=="name = \"datalogic-rs\"" {getline; gsub(/version = |"/,""); print "  datalogic-rs " $0 " (datalogic-5.9/Cargo.lock)"}' datalogic-5.9/Cargo.lock
echo

# name | package | extra cargo arguments
# datalogic-rs 5.9.0 lives in its own workspace (datalogic-5.9/, target dir $CARGO_TARGET_DIR-59)
# and needs --ignore-rust-version: it declares rust-version 1.98.
variants=(
  "baseline|cand-baseline|"
  "datalogic|cand-datalogic|"
  "datalogic-5.9|cand-datalogic-59|"
  "datalogic-5.9-budget|cand-datalogic-59|--features budget"
  "jsonlogic-rs|cand-jsonlogic-rs|"
  "jsonlogic|cand-jsonlogic|"
  "cel|cand-cel|"
  "cel-defaults|cand-cel|--features defaults"
  "cel-interpreter|cand-cel-interpreter|"
  "cel-interpreter-defaults|cand-cel-interpreter|--features defaults"
  "evalexpr|cand-evalexpr|"
  "rhai|cand-rhai|"
  "rhai-min|cand-rhai|--features min"
)
rm -rf "$out"; mkdir -p "$out/raw"
echo "== building the wasm candidates"
for v in "${variants[@]}"; do
  IFS='|' read -r name pkg extra <<<"$v"
  echo "-- $name"
  if [ "$pkg" = cand-datalogic-59 ]; then
    # shellcheck disable=SC2086
    (cd datalogic-5.9 && CARGO_TARGET_DIR="$CARGO_TARGET_DIR-59" cargo_ build --release --ignore-rust-version \
      --target wasm32-unknown-unknown --lib $extra 2>&1 | grep -E "^(warning|error)|Finished" || true)
    cp "$CARGO_TARGET_DIR-59/wasm32-unknown-unknown/release/cand_datalogic_59.wasm" "$out/raw/$name.wasm"
  else
    # shellcheck disable=SC2086
    cargo_ build --release --target wasm32-unknown-unknown -p "$pkg" $extra 2>&1 | grep -E "^(warning|error)|Finished" || true
    cp "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/${pkg//-/_}.wasm" "$out/raw/$name.wasm"
  fi
  "$wasm_opt" "${opt_flags[@]}" "$out/raw/$name.wasm" -o "$out/$name.wasm"
done
echo
echo "== wasm sizes (release profile: opt-level z, lto, codegen-units 1, panic abort, strip; then wasm-opt -Oz)"
size() { wc -c < "$1"; }
gz() { gzip -9 -c "$1" | wc -c; }
b_raw=$(size "$out/baseline.wasm"); b_gz=$(gz "$out/baseline.wasm")
printf '| %-26s | %12s | %10s | %10s | %10s | %14s |\n' "candidate" "cargo bytes" "-Oz bytes" "-Oz gzip" "Δ bytes" "Δ gzip"
printf '| %-26s | %12s | %10s | %10s | %10s | %14s |\n' "---" "---:" "---:" "---:" "---:" "---:"
for v in "${variants[@]}"; do
  IFS='|' read -r name _ _ <<<"$v"
  f="$out/$name.wasm"; r=$(size "$f"); g=$(gz "$f")
  printf '| %-26s | %12s | %10s | %10s | %10s | %14s |\n' "$name" "$(size "$out/raw/$name.wasm")" "$r" "$g" \
    "$((r - b_raw))" "$((g - b_gz))"
done
echo
echo "== imports of each wasm (a plain cdylib should import nothing)"
for v in "${variants[@]}"; do
  IFS='|' read -r name _ _ <<<"$v"
  n=$(node -e 'const m=new WebAssembly.Module(require("fs").readFileSync(process.argv[1]));const i=WebAssembly.Module.imports(m);console.log(i.length+(i.length?": "+[...new Set(i.map(x=>x.module))].join(","):""))' "$out/$name.wasm")
  echo "  $name: $n"
done
echo
echo "== wasm behaviour"
rm -rf "$out/raw"
node "$here/wasm-check.mjs" "$out"
echo
echo "== native (speed binary, same release profile)"
cargo_ build --release -p speed 2>&1 | grep -E "^(warning|error)|Finished" || true
"$CARGO_TARGET_DIR/release/speed" all
echo
echo "== native, datalogic-rs 5.9.0 (its own workspace; same method)"
for features in "" "--features budget"; do
  # shellcheck disable=SC2086
  (cd datalogic-5.9 && CARGO_TARGET_DIR="$CARGO_TARGET_DIR-59" cargo_ build --release --ignore-rust-version \
    --bin datalogic59 $features 2>&1 | grep -E "^(warning|error)|Finished" || true)
  "$CARGO_TARGET_DIR-59/release/datalogic59"
done
