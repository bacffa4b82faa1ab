# The two commands of the README. Each installs what it needs (scripts/setup.sh).
.PHONY: main test setup package native-test node-test

# Main job: build the npm package (wasm) and check the real 2017 programme with its CLI.
# (The demo page takes this over with issue 4.) Exit 1 from the check only means "findings".
main: package
	npx --no-install measure-rules check data/programme-2017.json --as-of 2018-06-01 --lang $${LANG_CODE:-en}; test $$? -le 1

# Every test: formatting, lints, the Rust tests, then the package and its Node tests
# (API, shared cases, native/wasm differential, CLI, types, memory) and its browser tests
# (plain ES module and a Vite bundle, in Debian's Chromium driven by playwright-core).
test: native-test package node-test

setup:
	bash scripts/setup.sh

package: setup
	bash wasm/build.sh

native-test:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo test --workspace

node-test:
	node --expose-gc --test tests/node/ tests/browser/
