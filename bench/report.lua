-- wrk script: counts responses per status code and prints one JSON line when the run is done.
local threads = {}

-- With BENCH_BUST=1 every request adds a unique `_=` (the API's ignored cache-buster): each one is a
-- cache miss, in the server cache and in the fast path alike.
-- wrk's Lua never seeds math.random, so `BENCH_RUN` (a value unique to each run, set by load.py) is
-- part of every `_=`: otherwise the measured run would repeat its warm-up's URLs and hit the cache.
local counter = 0
local bust = os.getenv("BENCH_BUST") == "1"
local run = os.getenv("BENCH_RUN") or tostring(os.time())

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  statuses = {}
end

if bust then
  function request()
    counter = counter + 1
    local path = wrk.path
    local sep = string.find(path, "?", 1, true) and "&" or "?"
    return wrk.format(nil, path .. sep .. "_=" .. run .. "-" .. id .. "-" .. counter)
  end
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local codes = {}
  for _, thread in ipairs(threads) do
    for code, count in pairs(thread:get("statuses")) do
      codes[code] = (codes[code] or 0) + count
    end
  end
  local parts = {}
  for code, count in pairs(codes) do
    table.insert(parts, string.format('"%d": %d', code, count))
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
    '"latency_us": {"mean": %.1f, "p50": %d, "p90": %d, "p99": %d, "max": %d}, "statuses": {%s}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    table.concat(parts, ", ")))
end
