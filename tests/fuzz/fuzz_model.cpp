// SPDX-License-Identifier: BSL-1.0
// libFuzzer target: the input bytes choose a sequence of operations, run on
// the library and on the model (tests/support/model.hpp); a divergence aborts with
// the operation that diverged.
//   cmake --preset fuzz && cmake --build --preset fuzz
//   mkdir -p build/fuzz/corpus && ./build/fuzz/tests/fuzz_model -max_total_time=60 build/fuzz/corpus tests/fuzz/corpus
// (new inputs go to the first directory; the committed seeds stay as they are).
// The normal test run replays tests/fuzz/corpus/ (fuzz_replay.cpp).
#include "../support/model.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
    model_test::run r{std::span<std::uint8_t const>{data, size}};
    for (int operation = 0; !r.exhausted(); ++operation) {
        std::string const divergence = r.step();
        if (!divergence.empty()) {
            std::fprintf(stderr, "operation %d: %s\n", operation, divergence.c_str());
            std::abort();
        }
    }
    r.scopes.clear();
    return 0;
}
