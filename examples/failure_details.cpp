// SPDX-License-Identifier: BSL-1.0
// Failure details: a compilation whose scope is a plain enter() attaches the
// exception that ends it (scope.fail), nested causes included, and each
// record goes to two sinks at once: a printout and a history of the last ones.
#include "compile_metrics.hpp"

#include <typed_metrics/failure.hpp>
#include <typed_metrics/fan_out.hpp>
#include <typed_metrics/history.hpp>

#include <functional>
#include <iostream>
#include <stdexcept>
#include <string>

namespace {

//! [print_failure]
void print(tmx::exit_info<compile_schema> const& exit) {
    std::cout << exit.metrics.get<"unit">().value_or("?");
    if (exit.exception)
        std::cout << " failed: " << tmx::failure_type(exit.exception) << ": " << tmx::failure_reason(exit.exception);
    std::cout << "\n";
}
//! [print_failure]

void lower(std::string const& op) {
    if (op == "fft") throw std::out_of_range("no kernel for 'fft'");
}

}  // namespace

int main() {
    //! [history]
    tmx::history<compile_schema> last_compilations{64};  // the last 64 records, for tests and tools
    tmx::metrics_context<compile_schema> metrics{tmx::fan_out(&print, std::ref(last_compilations))};
    //! [history]

    for (std::string const unit : {"resnet_block", "spectral_net"}) {
        //! [scope_fail]
        try {
            auto const scope = metrics.enter();
            metrics.set<"unit">(unit);
            try {
                lower(unit == "spectral_net" ? "fft" : "matmul");
            } catch (...) {
                try {
                    std::throw_with_nested(std::runtime_error("codegen failed"));  // adds context to the cause
                } catch (...) {
                    scope.fail(std::current_exception());  // what on_exit receives as exit.exception
                    throw;
                }
            }
        } catch (std::runtime_error const&) {
            // reported: the scope ended after fail()
        }
        //! [scope_fail]
    }

    for (auto const& past : last_compilations.entries()) {
        std::cout << "kept: " << past.metrics.get<"unit">().value_or("?") << (past.exception ? " (failed)\n" : "\n");
    }
}
