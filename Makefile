# The two commands of the README:
#   make run   installs what is missing, builds, opens the app on the default registry
#   make test  installs what is missing, builds, runs every test with ctest
PRESET ?= ci
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: run test build deps configure bench clean format

deps:
	@./packaging/install-deps.sh

configure: deps
	@cmake --preset $(PRESET) >/dev/null

build: configure
	@cmake --build --preset $(PRESET) -j $(JOBS)

run: build
	./build/app/fieldledger

test: build
	ctest --preset $(PRESET) -j $(JOBS) --timeout 600

bench: build
	./tests/benchmarks/run-all.sh build

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf build build-release build-asan
