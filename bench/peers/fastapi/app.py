"""FastAPI benchmark peer: the endpoints of shared/BENCH-CONTRACT.md plus /hello and /json.

Run with Debian's interpreter, which has Debian's FastAPI, uvicorn, uvloop and httptools:
    /usr/bin/python3 -m uvicorn app:app --host 127.0.0.1 --port $PORT \
        --loop uvloop --http httptools --log-level warning --no-access-log
"""
import time

from fastapi import FastAPI
from fastapi.responses import JSONResponse, PlainTextResponse

app = FastAPI()

N_MAX = 5000
SEED_MAX = 2**32 - 1


class BadParameter(Exception):
    def __init__(self, name, low, high):
        super().__init__(f"{name} must be an integer from {low} to {high}")
        self.name = name


def parse_int(name, raw, low, high, default=None):
    """Parses a query parameter made of ASCII digits only, within [low, high].

    int() alone would also accept signs, spaces and underscores ("+5", " 5", "5_0").
    """
    if raw is None and default is not None:
        return default
    if raw is None or not (raw.isascii() and raw.isdigit()):
        raise BadParameter(name, low, high)
    value = int(raw)
    if not low <= value <= high:
        raise BadParameter(name, low, high)
    return value


@app.exception_handler(BadParameter)
async def bad_parameter(request, error):
    return JSONResponse(status_code=400, content={"error": str(error), "parameter": error.name})


def multiply(n, seed):
    """Fills A then B from one LCG stream, times the i-k-j loop alone, then sums C."""
    state = seed

    def next_value():
        nonlocal state
        state = (1664525 * state + 1013904223) % 2**32
        return state / 2**32

    # Matrices as lists of rows: the natural pure-Python layout, same arithmetic order.
    a = [[next_value() for _ in range(n)] for _ in range(n)]
    b = [[next_value() for _ in range(n)] for _ in range(n)]
    c = [[0.0] * n for _ in range(n)]

    start = time.perf_counter_ns()
    for i in range(n):
        a_row, c_row = a[i], c[i]
        for k in range(n):
            a_ik, b_row = a_row[k], b[k]
            for j in range(n):
                c_row[j] += a_ik * b_row[j]
    compute_ms = (time.perf_counter_ns() - start) / 1e6

    checksum = 0.0
    for c_row in c:
        for value in c_row:
            checksum += value
    return {"n": n, "seed": seed, "checksum": checksum, "computeMs": compute_ms}


@app.get("/hello", response_class=PlainTextResponse)
async def hello():
    return "hi"


@app.get("/json")
async def json_message():
    return {"message": "Hello, World!"}


# Plain `def`, not `async def`: FastAPI runs it in its thread pool, so the CPU-bound loop does
# not stall the event loop. Parameters are taken as strings so that parse_int decides every 400.
@app.get("/matmul")
def matmul(n: str | None = None, seed: str | None = None):
    size = parse_int("n", n, 1, N_MAX)
    seed_value = parse_int("seed", seed, 0, SEED_MAX, default=1)
    return multiply(size, seed_value)
