// SPDX-License-Identifier: BSL-1.0
// {fmt} support: `fmt::format("{}", record)` prints what `operator<<` prints,
// `fmt::format("{:j}", record)` the JSON object of `to_json`. Include it only
// where {fmt} is available; the other headers do not need it.
#pragma once

#include <typed_metrics/json.hpp>
#include <typed_metrics/record.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <string>

template <class Schema>
struct fmt::formatter<typed_metrics::record<Schema>> {
    bool json = false;

    // Runs at compile time for a literal format string, so a bad spec is a
    // compile error there and a fmt::format_error at run time.
    constexpr auto parse(format_parse_context& context) {
        auto it = context.begin();
        if (it != context.end() && *it == 'j') {
            json = true;
            ++it;
        }
        if (it != context.end() && *it != '}') throw format_error("typed_metrics: a record's format is {} or {:j}");
        return it;
    }

    template <class FormatContext>
    auto format(typed_metrics::record<Schema> const& metrics, FormatContext& context) const {
        std::string const text = json ? typed_metrics::to_json(metrics) : typed_metrics::detail::streamed_text(metrics);
        return std::copy(text.begin(), text.end(), context.out());
    }
};
