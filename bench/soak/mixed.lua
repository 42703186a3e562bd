-- A mix of the example's routes for bench/soak.sh: wasm (hello, matmul, echo, stats), Java
-- (hello, matmul) and POST bodies, in turn on every connection. Formatted in init(), once wrk
-- has set the Host header (a request without one is a 400).
local requests = {}
local next_request = 0

init = function(args)
  requests = {
    wrk.format("GET", "/hello"),
    wrk.format("GET", "/java/hello"),
    wrk.format("GET", "/matmul?n=40&seed=7"),
    wrk.format("GET", "/java/matmul?n=40&seed=7"),
    wrk.format("POST", "/echo", {["Content-Type"] = "application/octet-stream"}, "soak soak soak"),
    wrk.format("POST", "/stats", {["Content-Type"] = "application/json"}, '{"values":[1,2,3.5,4]}'),
  }
end

request = function()
  next_request = next_request % #requests + 1
  return requests[next_request]
end
