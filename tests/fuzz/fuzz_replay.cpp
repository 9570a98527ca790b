// SPDX-License-Identifier: BSL-1.0
// Replays fuzzer inputs (files named on the command line) through the fuzz
// target without libFuzzer, so that every compiler runs the seed corpus.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size);

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::ifstream file(argv[i], std::ios::binary);
        std::vector<std::uint8_t> const input{std::istreambuf_iterator<char>{file}, {}};
        LLVMFuzzerTestOneInput(input.data(), input.size());
    }
    std::cout << argc - 1 << " inputs replayed\n";
    return argc > 1 ? 0 : 1;
}
