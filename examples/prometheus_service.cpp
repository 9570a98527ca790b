// SPDX-License-Identifier: BSL-1.0
// A long-running service exposing totals to Prometheus. Every request to
// /compile is one unit of work recorded by the handling thread's context;
// the aggregator sums the records and /metrics serves the totals.
//
//     prometheus_service [port]     (default 0: any free port)
//
// Prints "listening on 127.0.0.1:<port>" and serves on loopback until
// SIGINT or SIGTERM.
#include <typed_metrics/prometheus.hpp>
#include <typed_metrics/typed_metrics.hpp>

#include <httplib.h>

#include <csignal>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <pthread.h>
#include <stdexcept>
#include <string>
#include <thread>

namespace tmx = typed_metrics;

namespace {

struct request_schema : tmx::schema<tmx::value<"unit", std::string>, tmx::counter<"graph_breaks">,
                                    tmx::counter<"code_bytes", std::uint64_t>> {};

//! [aggregator]
tmx::prometheus_aggregator<request_schema> totals{"compile"};

// One context per handler thread, all reporting to the one aggregator.
tmx::metrics_context<request_schema>& metrics() {
    thread_local tmx::metrics_context<request_schema> context{std::ref(totals)};
    return context;
}
//! [aggregator]

// /compile?unit=NAME&graph_breaks=N: records one compilation; unit=fail throws.
void compile(httplib::Request const& request, httplib::Response& response) {
    std::string const unit = request.get_param_value("unit");
    std::string const graph_breaks_text = request.get_param_value("graph_breaks");
    auto const graph_breaks = graph_breaks_text.empty() ? 0 : std::stoll(graph_breaks_text);
    try {
        metrics().run([&] {
            metrics().set<"unit">(unit);
            metrics().increment<"graph_breaks">(graph_breaks);
            if (unit == "fail") throw std::runtime_error("codegen failed");
            metrics().increment<"code_bytes">(std::uint64_t{64});
        });
        response.set_content("compiled " + unit + "\n", "text/plain");
    } catch (std::exception const& e) {
        response.status = 500;
        response.set_content(std::string(e.what()) + "\n", "text/plain");
    }
}

}  // namespace

int main(int argc, char** argv) {
    int const port = argc > 1 ? std::atoi(argv[1]) : 0;

    // SIGINT and SIGTERM are waited for by one thread, which stops the server.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    httplib::Server server;
    server.Get("/compile", compile);
    //! [endpoint]
    server.Get("/metrics", [](httplib::Request const&, httplib::Response& response) {
        response.set_content(totals.render(), "text/plain; version=0.0.4");
    });
    //! [endpoint]

    int const bound =
        port == 0 ? server.bind_to_any_port("127.0.0.1") : (server.bind_to_port("127.0.0.1", port) ? port : -1);
    if (bound < 0) {
        std::cerr << "cannot listen on 127.0.0.1:" << port << '\n';
        return 1;
    }
    std::cout << "listening on 127.0.0.1:" << bound << std::endl;

    std::thread stopper([&] {
        int signal = 0;
        sigwait(&stop_signals, &signal);
        server.stop();
    });
    server.listen_after_bind();
    pthread_kill(stopper.native_handle(), SIGTERM);  // wakes the stopper if the server stopped by itself
    stopper.join();
}
