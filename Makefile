# Two commands for a newcomer: `make run` (build and serve the demo page) and `make test` (every
# test, native and in headless Chromium, Chromium 86 and Firefox). Both install what is missing first, offline-safe: each
# tool comes pinned from crates.io, npm or Debian, and nothing is reinstalled at the right version.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c

TRUNK_VERSION := 0.21.14
WASM_BINDGEN_VERSION := $(shell sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROME_PATH ?= /usr/bin/chromium
export FIREFOX_PATH ?= /usr/bin/firefox-esr
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

# The modules a clerk downloads are built by a pinned nightly, for two size options stable Rust
# lacks: std rebuilt with the release profile, and panics without their file and line (the
# message stays). 12 KB gzip less over the first download and the jobs worker (docs/SIZE.md).
# Native code, clippy and the tests stay on stable.
SHIPPING_TOOLCHAIN := nightly-2026-05-20
SHIPPING := RUSTUP_TOOLCHAIN=$(SHIPPING_TOOLCHAIN) CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS=-Zlocation-detail=none

.PHONY: run test test-native test-browser build bench screenshots setup tools

run: setup
	$(SHIPPING) trunk serve --release --offline

test: setup test-native test-browser

test-native:
	cargo fmt --check
	cargo clippy --locked --all-targets -- -D warnings
	# The widget, its workers and the review desk; the command-line tool `xxgk` is native only.
	cargo clippy --locked --target wasm32-unknown-unknown --lib --bin xxgk-nianbao --bin xxgk-nianbao-worker --bin xxgk-nianbao-word97 --bin xxgk-nianbao-pdf --bin xxgk-nianbao-review --bin xxgk-nianbao-review-worker --bin one-input -- -D warnings
	cargo test --locked

# The widget's end-to-end suites run three times: in the machine's current Chromium, in Chromium 86,
# the oldest engine it supports (360安全浏览器 13 极速模式, many 信创 browsers), and in Firefox ESR.
# First, the module must validate without the two WebAssembly features Chromium 86 lacks.
test-browser: build /usr/bin/wasm-validate $(FIREFOX_PATH)
	wasm-validate --disable-reference-types --disable-multi-value dist/xxgk-nianbao_bg.wasm
	node --test --test-concurrency=1 tests/e2e/
	XXGK_BROWSER=chromium86 node --test --test-concurrency=1 tests/e2e/
	XXGK_BROWSER=firefox node --test --test-concurrency=1 tests/e2e/

build: setup
	$(SHIPPING) trunk build --release --offline

# The browser half measures the widget beside a one-input Yew app built the same way.
bench: setup build
	$(SHIPPING) trunk build --release --offline=true --dist target/one-input benches/one-input.html
	cargo bench --locked --bench core
	node tests/e2e/bench.mjs
	XXGK_BROWSER=chromium86 node tests/e2e/bench.mjs

# The README's screenshots, from the built widget.
screenshots: setup build
	node tests/e2e/screenshots.mjs

CJK_FONT := /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

setup: tools node_modules/.package-lock.json $(CHROME_PATH) $(FIREFOX_PATH) /usr/bin/wasm-validate /usr/bin/pdftotext /usr/bin/soffice $(CJK_FONT)

tools:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@rustup toolchain list | grep -q '^$(SHIPPING_TOOLCHAIN)' || \
		rustup toolchain install $(SHIPPING_TOOLCHAIN) --profile minimal --component rust-src --target wasm32-unknown-unknown
	@# std's own crates, which the offline builds rebuild it from.
	@cargo +$(SHIPPING_TOOLCHAIN) fetch --locked --quiet \
		--manifest-path "$$(rustc +$(SHIPPING_TOOLCHAIN) --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
	@[ "$$(trunk --version 2>/dev/null)" = "trunk $(TRUNK_VERSION)" ] || cargo install trunk --version $(TRUNK_VERSION) --locked
	@# No --locked: the CLI's own lock file wants a crate version the registry does not serve.
	@[ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ] || \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)

# wasm-opt (binaryen 132: Debian's 108 cannot read what this rustc emits), the Chromium driver and
# Chromium 86 (inside chrome-aws-lambda; unpacked by tests/e2e/chromium86.mjs on first use).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

# pdftotext (poppler-utils) reads back the PDF the print test prints.
$(CHROME_PATH) /usr/bin/wasm-validate /usr/bin/pdftotext:
	$(SUDO) apt-get update
	$(SUDO) apt-get install -y chromium chromium-driver wabt poppler-utils

# Firefox ESR, Debian's, driven over WebDriver BiDi (tests/e2e/firefox.mjs).
$(FIREFOX_PATH):
	$(SUDO) apt-get update
	$(SUDO) apt-get install -y firefox-esr

# A CJK font: the print test reads the printed PDF's text back, and a machine without one prints
# the report's Chinese as empty boxes.
$(CJK_FONT):
	$(SUDO) apt-get update
	$(SUDO) apt-get install -y fonts-noto-cjk

# LibreOffice opens the Word file in the native tests (tests/word_file.rs).
/usr/bin/soffice:
	$(SUDO) apt-get update
	$(SUDO) apt-get install -y --no-install-recommends libreoffice-writer-nogui
