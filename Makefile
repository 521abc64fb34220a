# crossread -- thin driver over CMake/CTest. `make demo` and `make test` each
# work as one command on a fresh Debian 12 machine (they install missing
# Debian packages through scripts/install-deps.sh).
BUILD     ?= build
TESTBUILD ?= build-test
PREFIX    ?= /usr/local
JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE     ?= cmake

.PHONY: all deps demo test bench install uninstall fuzz fuzz-run format format-check lint clean

all: deps
	$(CMAKE) -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=$(PREFIX) >/dev/null
	$(CMAKE) --build $(BUILD) -j $(JOBS)

deps:
	@scripts/install-deps.sh

# Digest the bundled example corpus and print a readable text digest.
demo: all
	./$(BUILD)/crossread digest examples/corpus --format text

# Debug build with ASan+UBSan, every test; the last line is "N passed, N failed".
test: deps
	$(CMAKE) -S . -B $(TESTBUILD) -DCMAKE_BUILD_TYPE=Debug -DCROSSREAD_SANITIZE=ON -DCROSSREAD_WERROR=ON >/dev/null
	$(CMAKE) --build $(TESTBUILD) -j $(JOBS)
	@scripts/run-tests.sh $(TESTBUILD) $(JOBS)

bench: all
	@scripts/install-deps.sh --bench
	bench/bench.sh $(BUILD)

install: all
	$(CMAKE) --install $(BUILD) --prefix $(PREFIX)

uninstall:
	@if [ -f $(BUILD)/install_manifest.txt ]; then xargs rm -fv < $(BUILD)/install_manifest.txt; fi

fuzz: deps
	@scripts/install-deps.sh --fuzz
	CC=clang $(CMAKE) -S fuzz -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	$(CMAKE) --build build-fuzz -j $(JOBS)

# Run each fuzz target for FUZZ_SECONDS (default 60).
fuzz-run: fuzz
	fuzz/run.sh build-fuzz $${FUZZ_SECONDS:-60}

format:
	clang-format -i include/*.h lib/*.c lib/*.h lib/*/*.c lib/*/*.h cli/*.c cli/*.h tests/unit/*.c tests/*.h bench/*.c fuzz/*.c tools/*.c examples/*.c

format-check:
	clang-format --dry-run --Werror include/*.h lib/*.c lib/*.h lib/*/*.c lib/*/*.h cli/*.c cli/*.h

lint: all
	clang-tidy -p $(BUILD) lib/*.c lib/*/*.c cli/*.c

clean:
	rm -rf $(BUILD) $(TESTBUILD) build-fuzz
