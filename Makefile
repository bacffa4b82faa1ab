# The two commands of the README. Each installs what it needs (scripts/setup.sh).
.PHONY: main test setup package demo native-test node-test

# Main job: build the npm package (wasm) and the demo page, check the real 2017 programme with
# the CLI (exit 1 from the check only means "findings"), then serve the demo until stopped.
main: package demo
	npx --no-install measure-rules check data/programme-2017.json --as-of 2018-06-01 --lang $${LANG_CODE:-en}; test $$? -le 1
	PORT=$${PORT:-8765} node web-demo/serve.mjs

# Every test: formatting, lints, the API docs' links, the Rust tests, then the package and its Node tests
# (API, shared cases, native/wasm differential, CLI, types, memory) and its browser tests
# (plain ES module and a Vite bundle, in Debian's Chromium driven by playwright-core).
# Set-up first: the lints need rustfmt and clippy, which a minimal rustup profile leaves out.
test: setup native-test package node-test

setup:
	bash scripts/setup.sh

package: setup
	bash wasm/build.sh

demo: package
	node web-demo/build.mjs

native-test:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --workspace
	cargo test --workspace

node-test:
	node --expose-gc --test tests/node/ tests/browser/
