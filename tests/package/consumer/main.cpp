// SPDX-License-Identifier: BSL-1.0
#include <typed_metrics/typed_metrics.hpp>

#include <iostream>
#include <sstream>

namespace tmx = typed_metrics;

struct consumer_schema : tmx::schema<tmx::counter<"requests">> {};

int main() {
    std::ostringstream printed;
    tmx::metrics_context<consumer_schema> context{[&](auto const& e) { printed << e.metrics; }};
    {
        auto const scope = context.enter();
        context.increment<"requests">(2);
    }
    std::cout << printed.str() << '\n';
    return printed.str() == "{requests: 2}" ? 0 : 1;
}
