# Two commands for a new user: `make run` and `make test`. Both install what is missing first.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release

.PHONY: deps build run test bench sanitize fuzz fuzz-smoke clean geodata

deps:
	@bash scripts/install-deps.sh

$(BUILD_DIR)/CMakeCache.txt:
	cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS)

build: deps $(BUILD_DIR)/CMakeCache.txt
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	$(BUILD_DIR)/briefmap

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: build
	$(BUILD_DIR)/briefmap-bench all

sanitize: deps
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBRIEFMAP_SANITIZE=ON
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ctest --output-on-failure -j $(JOBS)

# libFuzzer harnesses (fuzz/) under ASan and UBSan, built with clang-16 in build-fuzz.
fuzz: deps
	@bash scripts/install-deps.sh fuzz
	cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBRIEFMAP_FUZZ=ON -DBRIEFMAP_TESTS=OFF \
	      -DCMAKE_C_COMPILER=clang-16 -DCMAKE_CXX_COMPILER=clang++-16
	cmake --build build-fuzz -j $(JOBS) --target briefmap-fuzzers briefmap_gdal

# Each harness for FUZZ_SECONDS (60) on its seed corpus; a crash fails and leaves its input in build-fuzz/crashes/.
FUZZ_SECONDS ?= 60
fuzz-smoke: fuzz
	bash scripts/fuzz-smoke.sh build-fuzz $(FUZZ_SECONDS)

geodata:
	bash scripts/build-geodata.sh

clean:
	rm -rf $(BUILD_DIR) build-asan build-fuzz
