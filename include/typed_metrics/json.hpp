// SPDX-License-Identifier: BSL-1.0
// JSON export without dependencies: `to_json(record)` and a JSON Lines sink
// usable as `on_exit`.
#pragma once

#include <typed_metrics/detail/json_shape.hpp>
#include <typed_metrics/detail/text_format.hpp>
#include <typed_metrics/error.hpp>
#include <typed_metrics/exit_info.hpp>
#include <typed_metrics/failure.hpp>
#include <typed_metrics/json_options.hpp>
#include <typed_metrics/record.hpp>
#include <typed_metrics/schema_id.hpp>

#include <cmath>
#include <cstdint>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <version>
// std::syncbuf where the standard library has it. libc++ 19 offers it only
// under -fexperimental-library: there a lock shared by every sink keeps lines
// whole instead (write_whole).
#if defined(__cpp_lib_syncbuf)
#include <syncstream>
#else
#include <mutex>
#endif

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
void append_json(std::string& out, T const& value, json_options options);

// JSON object keys are strings: a string key is itself, a key of another
// type is its JSON text (`3`, `true`, `Infinity`) or, for a user type, its
// operator<< text.
template <class T>
std::string json_key_text(T const& key) {
    constexpr json_shape shape = json_shape_of<T>();
    if constexpr (shape == json_shape::string) {
        return std::string(std::string_view(key));
    } else if constexpr (shape == json_shape::text) {
        return streamed_text(key);
    } else if constexpr (shape == json_shape::number) {
        std::string text;
        if (std::isfinite(key))
            append_number(text, key);
        else
            text = non_finite_name(key);
        return text;
    } else {
        std::string text;
        append_json(text, key, json_options{});  // keys are strings already: no option applies
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
void append_integer(std::string& out, T value, json_options options) {
    bool const quoted = options.large_integers_as_strings && beyond_safe_integers(value);
    if (quoted) out += '"';
    append_number(out, value);
    if (quoted) out += '"';
}

template <class T>
void append_json(std::string& out, T const& value, json_options options) {
    constexpr json_shape shape = json_shape_of<T>();
    if constexpr (shape == json_shape::boolean) {
        out += value ? "true" : "false";
    } else if constexpr (shape == json_shape::integer) {
        append_integer(out, value, options);
    } else if constexpr (shape == json_shape::number) {
        if (std::isfinite(value)) {
            append_number(out, value);
        } else {
            append_quoted(out, non_finite_name(value), /*valid_utf8_only=*/true);
        }
    } else if constexpr (shape == json_shape::string) {
        append_quoted(out, std::string_view(value), /*valid_utf8_only=*/true);
    } else if constexpr (shape == json_shape::text) {
        append_quoted(out, streamed_text(value), /*valid_utf8_only=*/true);
    } else if constexpr (shape == json_shape::array) {
        append_joined(out, '[', value, ']', [&](auto const& element) { append_json(out, element, options); });
    } else if constexpr (shape == json_shape::object) {
        append_joined(out, '{', value, '}', [&](auto const& entry) {
            append_quoted(out, json_key_text(entry.first), /*valid_utf8_only=*/true);
            out += ':';
            append_json(out, entry.second, options);
        });
    } else if constexpr (shape == json_shape::pairs) {
        append_joined(out, '[', value, ']', [&](auto const& entry) {
            out += '[';
            append_json(out, entry.first, options);
            out += ',';
            append_json(out, entry.second, options);
            out += ']';
        });
    } else if constexpr (shape == json_shape::duration) {
        append_json(out, value.count(), options);  // in the declared unit, which the JSON Schema names
    }
    // json_shape::none: a type the schema refused, and reported; nothing more to compile.
}

template <class Schema>
void append_json(std::string& out, record<Schema> const& metrics, json_options options) {
    out += '{';
    bool first = true;
    metrics.for_each([&](std::string_view name, auto const& value) {
        if (!std::exchange(first, false)) out += ',';
        append_quoted(out, name, /*valid_utf8_only=*/true);
        out += ':';
        append_json(out, value, options);
    });
    out += '}';
}

}  // namespace detail

/// The recorded metrics as one JSON object, in schema order, without spaces:
/// numbers as numbers (floating-point values in the shortest form that reads
/// back exactly; infinities and NaN, which JSON lacks, as the strings
/// "Infinity", "-Infinity" and "NaN"), strings escaped (a byte that is not
/// valid UTF-8 becomes the private-use character U+EF00 + byte, see
/// docs/how-to-export.md), sets as sorted arrays, maps as objects (a key that
/// is not a string becomes its text), top-N as an array of `[key, value]`
/// pairs, largest first, and any other type as the string its `operator<<`
/// prints. Metrics not recorded are left out. Distinct set elements and map
/// keys stay distinct, except for user types whose `operator<<` prints two
/// of them alike.
template <class Schema>
std::string to_json(record<Schema> const& metrics, json_options options = {}) {
    std::string json;
    detail::append_json(json, metrics, options);
    return json;
}

/// An `on_exit` callback writing one JSON object per line (JSON Lines) for
/// every outermost exit:
///
///     {"start_ns":…,"end_ns":…,"duration_ns":…,"unwinding":false,"exception":null,"exception_type":null,"schema":"…","metrics":{…}}
///
/// `exception` and `exception_type` are what the exception that ended the
/// scope says and its type (`failure_reason`, `failure_type`) when
/// the context has one (`run`, `scope.fail(e)`), else null; `schema` is the
/// identity of the record's schema (`schema_id_text`). Each line is written whole and
/// flushed under the stream buffer's own lock (`std::syncbuf`'s), so any
/// number of sinks on one stream, on any threads, write whole lines, and so
/// does other code writing there through `std::osyncstream`. (Without
/// std::syncbuf, as in libc++ 19, one lock that every sink takes keeps the
/// sinks' lines whole.) A failed write throws `std::ios_base::failure`, which
/// the context hands to its error hook.
class json_lines_sink {
public:
    /// Writes to `out`, which must outlive the sink and its copies.
    explicit json_lines_sink(std::ostream& out, json_options options = {}) noexcept : out_(&out), options_(options) {}

    template <class Schema>
    void operator()(exit_info<Schema> const& info) const {
        std::int64_t duration_ns = 0;
        if (__builtin_sub_overflow(info.end_ns, info.start_ns, &duration_ns)) [[unlikely]] {
            throw metrics_error(
                "json_lines_sink cannot write duration_ns: end_ns - start_ns overflows an std::int64_t");
        }
        std::string line = "{\"start_ns\":";
        detail::append_integer(line, info.start_ns, options_);
        line += ",\"end_ns\":";
        detail::append_integer(line, info.end_ns, options_);
        line += ",\"duration_ns\":";
        detail::append_integer(line, duration_ns, options_);
        line += info.unwinding ? ",\"unwinding\":true" : ",\"unwinding\":false";
        if (info.exception) {
            line += ",\"exception\":";
            detail::append_quoted(line, failure_reason(info.exception), /*valid_utf8_only=*/true);
            line += ",\"exception_type\":";
            detail::append_quoted(line, failure_type(info.exception), /*valid_utf8_only=*/true);
        } else {
            line += ",\"exception\":null,\"exception_type\":null";
        }
        line += ",\"schema\":\"";
        line += schema_id_text<Schema>;
        line += '"';
        line += ",\"metrics\":";
        detail::append_json(line, info.metrics, options_);
        line += "}\n";
        write_whole(line);
    }

private:
    // The lock belongs to the stream buffer, not to this sink: `emit` writes
    // the line and flushes it under the mutex that every `std::syncbuf` on
    // that buffer takes. Without std::syncbuf, one lock serves every sink of
    // the program: their lines stay whole, but not against other writers.
    //
    // A record that ends inside a sink's write on the same thread (a stream
    // buffer instrumented with this library) would wait for a lock that
    // thread holds: std::syncbuf's locks are a few that every stream buffer
    // shares, and without it there is one. It is refused instead.
    void write_whole(std::string const& line) const {
        static thread_local bool writing = false;
        if (writing) [[unlikely]] {
            throw metrics_error(
                "typed_metrics: json_lines_sink was called from a json_lines_sink's write on the same thread; that "
                "record is not written");
        }
        writing = true;
        struct end_of_write {
            ~end_of_write() { writing = false; }
        } const ending;
        bool written = false;
        if (*out_) {
#if defined(__cpp_lib_syncbuf)
            std::syncbuf synced(out_->rdbuf());
            synced.sputn(line.data(), static_cast<std::streamsize>(line.size()));
            synced.pubsync();  // emit() flushes the stream too
            written = synced.emit();
#else
            static std::mutex every_sink;
            std::lock_guard const hold(every_sink);
            out_->write(line.data(), static_cast<std::streamsize>(line.size())).flush();
            written = static_cast<bool>(*out_);
#endif
        }
        if (!written) {
            out_->setstate(std::ios_base::badbit);
            throw std::ios_base::failure("typed_metrics: json_lines_sink could not write a line");
        }
    }

    std::ostream* out_;
    json_options options_;
};

}  // namespace typed_metrics
