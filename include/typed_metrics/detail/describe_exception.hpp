// SPDX-License-Identifier: BSL-1.0
#pragma once

#include <exception>
#include <string>

namespace typed_metrics::detail {

// What an exception says: `what()`, or a fixed sentence for an exception not
// derived from std::exception.
inline std::string describe_exception(std::exception_ptr error) {
    try {
        std::rethrow_exception(error);
    } catch (std::exception const& e) {
        return e.what();
    } catch (...) {
        return "an exception not derived from std::exception";
    }
}

}  // namespace typed_metrics::detail
