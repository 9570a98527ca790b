#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""The Prometheus exporter against the real tools, on loopback.

    end_to_end.py promtool SERVICE PROMTOOL
        starts SERVICE (examples/prometheus_service), sends it requests and
        checks its /metrics with `promtool check metrics`;
    end_to_end.py scrape SERVICE PROMETHEUS
        also starts a Prometheus server scraping SERVICE every second, waits
        for a scrape and checks the totals through Prometheus's HTTP API.

Every wait is bounded; everything started is stopped.
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

# Requests sent, and the totals they must give.
REQUESTS = [("resnet", 3), ("bert", 2), ("fail", 1), ("gpt", 0), ("resnet", 4)]
EXPECTED = {
    "compile_graph_breaks_total": 10,
    "compile_code_bytes_total": 4 * 64,  # the failing request throws first
    'compile_records_total{outcome="completed"}': 4,
    'compile_records_total{outcome="failed"}': 1,
    "compile_duration_seconds_count": 5,
}


def fetch(url, timeout=5):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def start_service(path):
    service = subprocess.Popen([path, "0"], stdout=subprocess.PIPE, text=True)
    line = service.stdout.readline()  # the service prints it at once
    if not line.startswith("listening on "):
        raise RuntimeError(f"service did not start: {line!r}")
    address = line.split()[-1]
    for unit, graph_breaks in REQUESTS:
        query = urllib.parse.urlencode({"unit": unit, "graph_breaks": graph_breaks})
        try:
            fetch(f"http://{address}/compile?{query}")
        except urllib.error.HTTPError as error:
            if unit != "fail" or error.code != 500:
                raise
    return service, address


def samples(text):
    """The exposition text's samples: name (with labels) -> value."""
    return {line.rsplit(" ", 1)[0]: float(line.rsplit(" ", 1)[1])
            for line in text.splitlines() if line and not line.startswith("#")}


def check_promtool(address, promtool):
    text = fetch(f"http://{address}/metrics")
    got = samples(text)
    for name, value in EXPECTED.items():
        assert got.get(name) == value, f"{name}: {got.get(name)} != {value}\n{text}"
    result = subprocess.run([promtool, "check", "metrics"], input=text, text=True, capture_output=True, timeout=30)
    print(result.stdout + result.stderr)
    assert result.returncode == 0, "promtool rejected the exposition text"


def query(api, expression):
    url = f"{api}/api/v1/query?" + urllib.parse.urlencode({"query": expression})
    answer = json.loads(fetch(url))
    assert answer["status"] == "success", answer
    return answer["data"]["result"]


def check_scrape(address, prometheus):
    with tempfile.TemporaryDirectory() as directory:
        config = os.path.join(directory, "prometheus.yml")
        with open(config, "w") as f:
            f.write("global:\n  scrape_interval: 1s\n"
                    "scrape_configs:\n  - job_name: typed_metrics\n"
                    f"    static_configs:\n      - targets: ['{address}']\n")
        api = f"http://127.0.0.1:{free_port()}"
        server = subprocess.Popen(
            [prometheus, f"--config.file={config}", f"--storage.tsdb.path={directory}/data",
             f"--web.listen-address={api[len('http://'):]}"],
            stdout=subprocess.DEVNULL, stderr=open(os.path.join(directory, "prometheus.log"), "w"))
        try:
            deadline = time.monotonic() + 90
            result = []
            while time.monotonic() < deadline and not result:
                time.sleep(1)
                try:
                    result = query(api, 'compile_graph_breaks_total{job="typed_metrics"}')
                except (urllib.error.URLError, ConnectionError):
                    pass  # not up yet
            if not result:
                with open(os.path.join(directory, "prometheus.log")) as log:
                    print(log.read()[-4000:])
                raise AssertionError("Prometheus did not scrape the service within 90 s")
            for name, value in EXPECTED.items():
                found = query(api, name)
                assert len(found) == 1, f"{name}: {found}"
                assert float(found[0]["value"][1]) == value, f"{name}: {found} != {value}"
                print(f"Prometheus has {name} = {found[0]['value'][1]}")
            up = query(api, 'up{job="typed_metrics"}')
            assert up and up[0]["value"][1] == "1", up
        finally:
            stop(server)


def main():
    mode, service_path, tool = sys.argv[1:4]
    service, address = start_service(service_path)
    try:
        (check_promtool if mode == "promtool" else check_scrape)(address, tool)
    finally:
        stop(service)
    print(f"{mode}: ok")


if __name__ == "__main__":
    main()
