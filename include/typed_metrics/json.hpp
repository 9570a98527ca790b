// SPDX-License-Identifier: BSL-1.0
// JSON export without dependencies: `to_json(record)` and a JSON Lines sink
// usable as `on_exit`.
#pragma once

#include <typed_metrics/detail/describe_exception.hpp>
#include <typed_metrics/detail/json_shape.hpp>
#include <typed_metrics/detail/json_text.hpp>
#include <typed_metrics/exit_info.hpp>
#include <typed_metrics/record.hpp>

#include <cmath>
#include <memory>
#include <mutex>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

namespace typed_metrics {
namespace detail {

// The text `operator<<` gives `value`.
template <class T>
std::string streamed_text(T const& value) {
    std::ostringstream text;
    text << value;
    return std::move(text).str();
}

template <class T>
void append_json(std::string& out, T const& value);

// JSON object keys are strings: a string key is itself, a key of another
// type is its JSON text (`3`, `true`) or, for a user type, its operator<< text.
template <class T>
std::string json_key_text(T const& key) {
    constexpr json_shape shape = json_shape_of<T>();
    if constexpr (shape == json_shape::string) {
        return std::string(std::string_view(key));
    } else if constexpr (shape == json_shape::text) {
        return streamed_text(key);
    } else {
        std::string text;
        append_json(text, key);
        return text;
    }
}

template <class Range, class AppendElement>
void append_joined(std::string& out, char open, Range const& range, char close, AppendElement append_element) {
    out += open;
    bool first = true;
    for (auto const& element : range) {
        if (!std::exchange(first, false)) out += ',';
        append_element(element);
    }
    out += close;
}

template <class T>
void append_json(std::string& out, T const& value) {
    constexpr json_shape shape = json_shape_of<T>();
    if constexpr (shape == json_shape::boolean) {
        out += value ? "true" : "false";
    } else if constexpr (shape == json_shape::integer) {
        append_number(out, value);
    } else if constexpr (shape == json_shape::number) {
        if (std::isfinite(value)) {
            append_number(out, value);
        } else {
            out += "null";
        }
    } else if constexpr (shape == json_shape::string) {
        append_quoted(out, std::string_view(value), /*valid_utf8_only=*/true);
    } else if constexpr (shape == json_shape::text) {
        append_quoted(out, streamed_text(value), /*valid_utf8_only=*/true);
    } else if constexpr (shape == json_shape::array) {
        append_joined(out, '[', value, ']', [&](auto const& element) { append_json(out, element); });
    } else if constexpr (shape == json_shape::object) {
        append_joined(out, '{', value, '}', [&](auto const& entry) {
            append_quoted(out, json_key_text(entry.first), /*valid_utf8_only=*/true);
            out += ':';
            append_json(out, entry.second);
        });
    } else if constexpr (shape == json_shape::pairs) {
        append_joined(out, '[', value, ']', [&](auto const& entry) {
            out += '[';
            append_json(out, entry.first);
            out += ',';
            append_json(out, entry.second);
            out += ']';
        });
    }
    // json_shape::none: a type the schema refused, and reported; nothing more to compile.
}

template <class Schema>
void append_json(std::string& out, record<Schema> const& metrics) {
    out += '{';
    bool first = true;
    metrics.for_each([&](std::string_view name, auto const& value) {
        if (!std::exchange(first, false)) out += ',';
        append_quoted(out, name, /*valid_utf8_only=*/true);
        out += ':';
        append_json(out, value);
    });
    out += '}';
}

}  // namespace detail

/// The recorded metrics as one JSON object, in schema order, without spaces:
/// numbers as numbers (floating-point values in the shortest form that reads
/// back exactly, `null` when not finite), strings escaped (each byte that is
/// not valid UTF-8 becomes U+FFFD), sets as sorted arrays, maps as objects
/// (a key that is not a string becomes its text), top-N as an array of
/// `[key, value]` pairs, largest first, and any other type as the string its
/// `operator<<` prints. Metrics not recorded are left out.
template <class Schema>
std::string to_json(record<Schema> const& metrics) {
    std::string json;
    detail::append_json(json, metrics);
    return json;
}

/// An `on_exit` callback writing one JSON object per line (JSON Lines) for
/// every outermost exit:
///
///     {"start_ns":…,"end_ns":…,"duration_ns":…,"unwinding":false,"exception":null,"metrics":{…}}
///
/// `exception` is the message of the exception that ended the scope when the
/// context captured one (`run`), else null. Each line is written whole and
/// flushed; copies of a sink share one lock, so contexts on several threads
/// may write through copies of the same sink. A failed write throws
/// `std::ios_base::failure`, which the context hands to its error hook.
class json_lines_sink {
public:
    /// Writes to `out`, which must outlive the sink and its copies.
    explicit json_lines_sink(std::ostream& out) : out_(&out), lock_(std::make_shared<std::mutex>()) {}

    template <class Schema>
    void operator()(exit_info<Schema> const& info) const {
        std::string line = "{\"start_ns\":";
        detail::append_number(line, info.start_ns);
        line += ",\"end_ns\":";
        detail::append_number(line, info.end_ns);
        line += ",\"duration_ns\":";
        detail::append_number(line, info.end_ns - info.start_ns);
        line += info.unwinding ? ",\"unwinding\":true" : ",\"unwinding\":false";
        line += ",\"exception\":";
        if (info.exception) {
            detail::append_quoted(line, detail::describe_exception(info.exception), /*valid_utf8_only=*/true);
        } else {
            line += "null";
        }
        line += ",\"metrics\":";
        detail::append_json(line, info.metrics);
        line += "}\n";

        std::lock_guard const hold(*lock_);
        out_->write(line.data(), static_cast<std::streamsize>(line.size()));
        out_->flush();
        if (!*out_) throw std::ios_base::failure("typed_metrics: json_lines_sink could not write a line");
    }

private:
    std::ostream* out_;
    std::shared_ptr<std::mutex> lock_;
};

}  // namespace typed_metrics
