#!/usr/bin/env python3
"""Hostile-client probes against the example jar, for before/after figures (issue 11).

Starts the packaged jar under a low open-file limit on 127.0.0.1, runs each probe with bounded
counts and times, prints one line of figures per probe, and stops the server.

    python3 bench/hostile/probe.py [--jar example/target/weft-example.jar] [--nofile 256]

Everything goes to 127.0.0.1 only.
"""
import argparse, json, os, socket, subprocess, sys, time, urllib.request, base64, hmac, hashlib

SECRET = "0123456789abcdef0123456789abcdef-probe"


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p


def get(port, path, headers=None, timeout=3):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def raw(port, data, timeout=5.0, read_until_close=False):
    """Sends bytes, returns (bytes read, seconds until the first response byte or close, closed?)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    s.sendall(data)
    start = time.monotonic(); out = b""; closed = False; first = None
    try:
        while True:
            chunk = s.recv(65536)
            if first is None:
                first = time.monotonic() - start
            if not chunk:
                closed = True; break
            out += chunk
            if not read_until_close and b"\r\n\r\n" in out:
                # read the rest briefly to see whether the server closes
                s.settimeout(1.0)
    except socket.timeout:
        pass
    finally:
        s.close()
    return out, first if first is not None else timeout, closed


def statuses(data):
    return [line.split(b" ")[1].decode() for line in data.split(b"\r\n") if line.startswith(b"HTTP/1.")]


def start(jar, nofile, port, log_path, extra=()):
    cmd = f"ulimit -n {nofile}; exec java -Dserver.host=127.0.0.1 -Dserver.port={port} {' '.join(extra)} -jar {jar}"
    env = dict(os.environ, EXAMPLE_JWT_SECRET=SECRET, EXAMPLE_JWT_ISSUER="probe", EXAMPLE_JWT_AUDIENCE="probe")
    log = open(log_path, "wb")
    proc = subprocess.Popen(["bash", "-c", cmd], stdout=log, stderr=subprocess.STDOUT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if get(port, "/health", timeout=1)[0] == 200:
                return proc
        except Exception:
            time.sleep(0.2)
    proc.kill(); sys.exit("server did not start; see " + log_path)


def healthy_within(port, seconds):
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        try:
            if get(port, "/health", timeout=1)[0] == 200:
                return round(time.monotonic() - start, 2)
        except Exception:
            time.sleep(0.25)
    return None


def probe_fds(port, proc, count):
    socks = []; refused = 0
    t0 = time.monotonic()
    for _ in range(count):
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=0.5)
            socks.append(s)
        except OSError:
            refused += 1
    time.sleep(3)  # let the server accept and hit its limit
    during = None
    try:
        during = get(port, "/health", timeout=2)[0]
    except Exception as e:
        during = type(e).__name__
    for s in socks:
        s.close()
    back = healthy_within(port, 15)
    print(f"fds: opened={len(socks)} refused={refused} health_during={during} "
          f"health_after_release_s={back} process_alive={proc.poll() is None} exit={proc.poll()}")


def probe_slowloris(port, count, seconds):
    socks = []
    for i in range(count):
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=1)
            s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nX-a: ")
            socks.append(s)
        except OSError:
            pass
    t0 = time.monotonic()
    while time.monotonic() - t0 < seconds:
        time.sleep(5)
        for s in socks:
            try:
                s.sendall(b"a")
            except OSError:
                pass
    held = 0
    for s in socks:
        try:
            s.setblocking(False)
            data = s.recv(1)
            held += 0 if data == b"" else 1
        except BlockingIOError:
            held += 1
        except OSError:
            pass
        s.close()
    print(f"slowloris: connections={len(socks)} trickling 1 byte/5s for {seconds}s, still_held={held}")


def probe_http(port):
    # funky chunk: 2 bytes other than CRLF after the chunk data, then a smuggled request
    smuggle = (b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n"
               b"5\r\nhelloXX0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n")
    out, _, closed = raw(port, smuggle, timeout=5, read_until_close=True)
    print(f"funky-chunks: statuses={statuses(out)} closed={closed}")
    bad_size = (b"POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n"
                b"zz\r\nhello\r\n")
    out, first, closed = raw(port, bad_size, timeout=10, read_until_close=True)
    print(f"invalid-chunk-size: statuses={statuses(out)} first_byte_s={first:.2f} closed={closed}")
    out, first, closed = raw(port, b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", timeout=5,
                             read_until_close=True)
    print(f"connection-close: statuses={statuses(out)} closed_s={first:.2f} closed={closed}")
    out, first, closed = raw(port, b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: Close\r\n\r\n", timeout=5,
                             read_until_close=True)
    print(f"connection-Close: statuses={statuses(out)} closed={closed}")
    out, first, closed = raw(port, b"GET /health HTTP/1.0\r\n\r\n", timeout=5, read_until_close=True)
    body = out.split(b"\r\n\r\n", 1)[-1][:120]
    print(f"http-1.0: statuses={statuses(out)} bytes={len(out)} closed={closed} body={body!r}")
    out, _, closed = raw(port, b"BREW /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", timeout=5,
                         read_until_close=True)
    print(f"unknown-method: statuses={statuses(out)}")


def probe_logs(port, log_path, seconds):
    before = os.path.getsize(log_path)
    t0 = time.monotonic(); n = 0
    paths = ["/faults/trap", "/faults/divide", "/faults/out-of-bounds"]
    while time.monotonic() - t0 < seconds:
        for p in paths:
            try:
                get(port, p, timeout=5); n += 1
            except Exception:
                pass
    grown = os.path.getsize(log_path) - before
    with open(log_path, "rb") as f:
        f.seek(before); tail = f.read()
    frames = tail.count(b"\tat ") + tail.count(b"    at ")
    print(f"logs: {n} trap requests in {seconds}s, log grew {grown} bytes ({grown / max(n, 1):.0f} B/request), "
          f"stack_frames={frames} SEVERE_lines={tail.count(b'SEVERE')}")
    # unknown methods in the access log
    before = os.path.getsize(log_path)
    raw(port, b"BREW /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", read_until_close=True)
    time.sleep(0.5)
    with open(log_path, "rb") as f:
        f.seek(before); tail = f.read()
    _, metrics = get(port, "/metrics")
    in_metrics = 'status="501"' in metrics
    print(f"501-in-access-log={b'method=BREW' in tail} 501-in-metrics={in_metrics}")


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def probe_public(port):
    code, body = get(port, "/health")
    print(f"health: status={code} body={body[:160]}... length={len(body)}")
    bad = [
        "not-a-jwt",
        b64(b'{"alg":"HS256"}') + "." + b64(b'{"sub":"x","exp":1}') + "." + b64(b"sig"),
        b64(b'{"alg":"none"}') + "." + b64(b'{"sub":"x"}') + ".",
    ]
    for token in bad:
        code, body = get(port, "/me", {"Authorization": "Bearer " + token})
        detail = json.loads(body).get("detail") if body.startswith("{") else body
        print(f"401: token={token[:20]}... status={code} detail={detail!r}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", default="example/target/weft-example.jar")
    ap.add_argument("--nofile", type=int, default=256)
    ap.add_argument("--connections", type=int, default=600)
    ap.add_argument("--slowloris", type=int, default=100)
    ap.add_argument("--slowloris-seconds", type=int, default=20)
    ap.add_argument("--only", default="public,http,logs,slowloris,fds")
    ap.add_argument("--log", default="/tmp/weft-probe.log")
    args = ap.parse_args()
    port = free_port()
    proc = start(args.jar, args.nofile, port, args.log)
    only = args.only.split(",")
    try:
        if "public" in only: probe_public(port)
        if "http" in only: probe_http(port)
        if "logs" in only: probe_logs(port, args.log, 5)
        if "slowloris" in only: probe_slowloris(port, args.slowloris, args.slowloris_seconds)
        if "fds" in only: probe_fds(port, proc, args.connections)
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()


if __name__ == "__main__":
    main()
