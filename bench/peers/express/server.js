// Express 5 benchmark peer: the endpoints of shared/BENCH-CONTRACT.md plus /hello and /json.
// The same file runs under Node.js (`node server.js`) and Bun (`node_modules/.bin/bun server.js`).
'use strict';

const express = require('express');

const port = process.env.PORT;
if (!port) {
  console.error('the PORT environment variable is required');
  process.exit(1);
}

// Reads an integer query parameter made of ASCII digits only, within [min, max].
// Returns the value, or undefined after answering 400.
function queryInt(req, res, name, min, max, defaultValue) {
  const raw = req.query[name];
  if (raw === undefined && defaultValue !== undefined) {
    return defaultValue;
  }
  // A repeated parameter arrives as an array and fails the typeof test like any bad value.
  const value = typeof raw === 'string' && /^[0-9]+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= min && value <= max)) {
    res.status(400).json({ error: `${name} must be an integer from ${min} to ${max}`, parameter: name });
    return undefined;
  }
  return value;
}

// Fills A then B from one LCG stream, times the i-k-j loop alone, then sums C.
function multiply(n, seed) {
  let state = seed;
  // 1664525 * state + 1013904223 stays below 2^53, so this double arithmetic is exact.
  const next = () => {
    state = (1664525 * state + 1013904223) % 4294967296;
    return state / 4294967296;
  };
  const a = new Float64Array(n * n);
  const b = new Float64Array(n * n);
  const c = new Float64Array(n * n);
  for (let i = 0; i < a.length; i++) a[i] = next();
  for (let i = 0; i < b.length; i++) b[i] = next();

  const start = performance.now();
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k];
      for (let j = 0; j < n; j++) {
        c[i * n + j] += aik * b[k * n + j];
      }
    }
  }
  const computeMs = performance.now() - start;

  let checksum = 0.0;
  for (let i = 0; i < c.length; i++) checksum += c[i];
  return { n, seed, checksum, computeMs };
}

const router = express.Router();

router.get('/hello', (req, res) => {
  res.type('text/plain').send('hi');
});

router.get('/json', (req, res) => {
  res.json({ message: 'Hello, World!' });
});

router.get('/matmul', (req, res) => {
  const n = queryInt(req, res, 'n', 1, 5000);
  if (n === undefined) return;
  const seed = queryInt(req, res, 'seed', 0, 4294967295, 1);
  if (seed === undefined) return;
  res.json(multiply(n, seed));
});

const app = express();
app.use(router);
app.listen(Number(port), '127.0.0.1', (error) => {
  if (error) {
    console.error(error.message);
    process.exit(1);
  }
});
