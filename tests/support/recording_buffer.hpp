// SPDX-License-Identifier: BSL-1.0
// A stream buffer whose next write first runs `on_write`, once: a stream that
// records with the library itself (a logger instrumented with it), for the
// exporters' re-entry tests.
#pragma once

#include <functional>
#include <ios>
#include <sstream>
#include <utility>

struct recording_buffer : std::stringbuf {
    std::function<void()> on_write;

    std::streamsize xsputn(char const* text, std::streamsize size) override {
        if (auto const record = std::exchange(on_write, nullptr)) record();
        return std::stringbuf::xsputn(text, size);
    }
};
