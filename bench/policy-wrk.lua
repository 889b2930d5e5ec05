-- wrk driver of bench/policy-bench.ts. POSTs a JSON body until each thread
-- has received POLICY_WRK_PER_THREAD responses (a fixed count), counts the
-- policy answers ("allowed":true / false) and prints one JSON line of totals
-- and latency percentiles (microseconds) at the end. wrk itself runs for its
-- -d duration whatever the threads do, so a thread that is done prints
-- POLICY_WRK_THREAD_DONE and the caller ends wrk (SIGINT) once all are.
--   POLICY_WRK_BODY        the request body
--   POLICY_WRK_KEY         API key (Authorization: Bearer), "" for none
--   POLICY_WRK_PER_THREAD  responses per thread before it stops
--   POLICY_WRK_TRACE       when set, the body's "__TRACE__" becomes a traceId
--                          unique per request (prefix .. thread .. counter)

local body = os.getenv("POLICY_WRK_BODY") or "{}"
local key = os.getenv("POLICY_WRK_KEY") or ""
local per_thread = tonumber(os.getenv("POLICY_WRK_PER_THREAD") or "1000")
local trace_prefix = os.getenv("POLICY_WRK_TRACE")

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("id", thread_count)
  table.insert(threads, thread)
end

function init(_)
  wrk.method = "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
  if key ~= "" then wrk.headers["Authorization"] = "Bearer " .. key end
  responses, allowed, denied, sent = 0, 0, 0, 0
end

-- Defined only when bodies vary: without request() wrk sends one prebuilt request.
if trace_prefix then
  local head, tail = body:match("^(.*)__TRACE__(.*)$")
  function request()
    sent = sent + 1
    return wrk.format(nil, nil, nil, head .. trace_prefix .. "-" .. id .. "-" .. sent .. tail)
  end
end

function response(status, _, payload)
  responses = responses + 1
  if status == 200 then
    if payload:find('"allowed":true', 1, true) then
      allowed = allowed + 1
    elseif payload:find('"allowed":false', 1, true) then
      denied = denied + 1
    end
  end
  if responses == per_thread then
    io.write("POLICY_WRK_THREAD_DONE\n")
    io.stdout:flush()
    wrk.thread:stop()
  end
end

function done(summary, latency, _)
  local a, d, r = 0, 0, 0
  for _, thread in ipairs(threads) do
    a = a + thread:get("allowed")
    d = d + thread:get("denied")
    r = r + thread:get("responses")
  end
  local e = summary.errors
  io.write(string.format(
    'POLICY_WRK {"responses":%d,"allowed":%d,"denied":%d,"durationUs":%d,"status":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,' ..
    '"p50":%d,"p75":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f}\n',
    r, a, d, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(75), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
