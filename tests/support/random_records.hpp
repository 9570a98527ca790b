// SPDX-License-Identifier: BSL-1.0
// Random records for the exporters' tests: strings of bytes chosen to be
// mostly invalid UTF-8 (and the code points invalid bytes are written as),
// infinities, NaN where a value may hold one, and integers of every size.
#pragma once

#include <typed_metrics/typed_metrics.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>

namespace random_records {

namespace tmx = typed_metrics;

struct schema
    : tmx::schema<tmx::counter<"count">, tmx::counter<"bytes", std::uint64_t>, tmx::value<"ratio", double>,
                  tmx::value<"name", std::string>, tmx::set_of<"tags", std::string>, tmx::set_of<"ratios", double>,
                  tmx::map_of<"by_name", std::string, double>, tmx::map_of<"by_ratio", double, std::uint64_t>,
                  tmx::map_of<"by_id", std::int64_t, std::string>, tmx::top_n_of<"top", std::string, std::int64_t, 4>> {
};

class generator {
public:
    explicit generator(std::uint64_t seed) : random_(seed) {}

    // Up to 8 bytes from an alphabet where two strings often differ only in
    // bytes that are not UTF-8: lone continuation bytes, truncated and
    // overlong sequences, U+00E9, and the lead bytes of U+EF80..U+EFFF.
    std::string bytes() {
        static constexpr char alphabet[] = {'a',    'b',    '"',    '\\',   '\n',   '\0',   '\x80', '\xbf',
                                            '\xff', '\xc3', '\xa9', '\xc0', '\xee', '\xbe', '\xef', '\xed'};
        std::string text(pick(9), '\0');
        for (char& c : text) c = alphabet[pick(sizeof alphabet)];
        return text;
    }

    // Infinities, signed zeros, the extremes, and any finite bit pattern;
    // NaN only when `nan` (ordered containers refuse it).
    double number(bool nan) {
        constexpr double inf = std::numeric_limits<double>::infinity();
        switch (pick(nan ? 8 : 7)) {
            case 0: return inf;
            case 1: return -inf;
            case 2: return -0.0;
            case 3: return std::numeric_limits<double>::max();
            case 4: return std::numeric_limits<double>::denorm_min();
            case 5: return static_cast<double>(pick(4));
            case 6: {
                double const any = std::bit_cast<double>(random_());
                return std::isfinite(any) ? any : 1.5;
            }
            default: return std::numeric_limits<double>::quiet_NaN();
        }
    }

    // Around 0, around ±2^53 (where JavaScript stops being exact) and anywhere.
    std::int64_t signed_integer() {
        constexpr std::int64_t edge = std::int64_t{1} << 53;
        switch (pick(4)) {
            case 0: return static_cast<std::int64_t>(pick(5)) - 2;
            case 1: return edge + static_cast<std::int64_t>(pick(5)) - 2;
            case 2: return -edge + static_cast<std::int64_t>(pick(5)) - 2;
            default: return static_cast<std::int64_t>(random_());
        }
    }

    std::uint64_t unsigned_integer() { return pick(2) ? random_() : std::uint64_t{1} << pick(64); }

    // One unit of work on `context` writing a random share of every metric.
    template <class Context>
    void record(Context& context) {
        auto const scope = context.enter();
        if (pick(2)) context.template increment<"count">(signed_integer());
        if (pick(2)) context.template increment<"bytes">(unsigned_integer());
        if (pick(2)) context.template set<"ratio">(number(/*nan=*/true));
        if (pick(2)) context.template set<"name">(bytes());
        for (std::size_t n = pick(12); n > 0; --n) context.template add_to_set<"tags">(bytes());
        for (std::size_t n = pick(8); n > 0; --n) context.template add_to_set<"ratios">(number(/*nan=*/false));
        for (std::size_t n = pick(12); n > 0; --n) context.template set_key_value<"by_name">(bytes(), number(true));
        for (std::size_t n = pick(8); n > 0; --n) {
            context.template set_key_value<"by_ratio">(number(/*nan=*/false), unsigned_integer());
        }
        for (std::size_t n = pick(4); n > 0; --n) context.template set_key_value<"by_id">(signed_integer(), bytes());
        for (std::size_t n = pick(6); n > 0; --n) context.template add_top_n<"top">(bytes(), signed_integer());
    }

private:
    std::size_t pick(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_); }

    std::mt19937_64 random_;
};

}  // namespace random_records
