# The two commands of the README. Each installs what it needs.
.PHONY: main test

# Main job: check the real 2017 programme and print the report. (The WebAssembly package
# and the demo page take this over in later issues.) Exit 1 only means "findings".
main:
	cargo run --release -q -p measure-rules --example check -- data/programme-2017.json --as-of 2018-06-01 --lang $${LANG_CODE:-en}; test $$? -le 1

# Every test: formatting, lints, and the Rust tests (unit, shared cases, golden reports,
# property tests, generated docs).
test:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo test --workspace
