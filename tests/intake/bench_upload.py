"""Benchmark: how fast a large file goes up through the chunked upload protocol.

Not a test (prints figures, asserts nothing). Start a server, make an upload link, then:

    .venv/bin/python tests/intake/bench_upload.py http://127.0.0.1:8000/de/upload/<token>/ --megabytes 200

The file is random bytes behind an mp4 header, so the server receives it at full speed and then
refuses it as a damaged video at the end; the figure that matters is the transfer rate.
"""

import argparse
import http.client
import json
import os
import re
import time
from urllib.parse import urlsplit


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("page_url")
    parser.add_argument("--megabytes", type=int, default=200)
    parser.add_argument("--chunk-megabytes", type=int, default=4)
    args = parser.parse_args()
    parts = urlsplit(args.page_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port)

    def call(method, path, body=None, headers=None):
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response, response.read()

    response, _ = call("GET", parts.path)
    csrf = re.search(r"csrftoken=([^;]+)", response.headers["Set-Cookie"]).group(1)
    auth = {"Cookie": f"csrftoken={csrf}", "X-CSRFToken": csrf}
    size, chunk = args.megabytes * 1024 * 1024, args.chunk_megabytes * 1024 * 1024
    data = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + os.urandom(size - 24)
    _, body = call("POST", parts.path + "files/", json.dumps({"name": "bench.mp4", "size": size}).encode(),
                   {**auth, "Content-Type": "application/json"})
    url = json.loads(body)["url"]
    started = time.perf_counter()
    offset = 0
    while offset < size:
        response, body = call("PUT", url, data[offset:offset + chunk], {**auth, "Upload-Offset": str(offset)})
        if response.status != 200:  # the last piece: random bytes are refused as a damaged video
            break
        offset = int(response.headers["Upload-Offset"])
    seconds = time.perf_counter() - started
    print(f"{args.megabytes} MB in {chunk // 1024 // 1024} MB pieces: {seconds:.1f} s, "
          f"{args.megabytes / seconds:.0f} MB/s; last answer: {response.status} {body[:120]!r}")


if __name__ == "__main__":
    main()
