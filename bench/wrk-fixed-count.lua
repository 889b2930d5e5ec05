-- wrk driver of the benchmarks (bench/wrk-load.ts). POSTs JSON bodies until
-- each thread has received WRK_PER_THREAD responses (a fixed count), counts
-- the 200 answers holding WRK_MARK_A and WRK_MARK_B, and prints one JSON line
-- of totals and latency percentiles (microseconds) at the end. wrk itself
-- runs for its -d duration whatever the threads do, so a thread that is done
-- prints WRK_THREAD_DONE and the caller ends wrk (SIGINT) once all are.
--   WRK_BODIES_FILE  request bodies, one per line, sent in turn
--   WRK_KEY          API key (Authorization: Bearer), "" for none
--   WRK_PER_THREAD   responses per thread before it stops
--   WRK_UNIQUE       when set, each body's "__UNIQUE__" becomes a value unique
--                    per request (prefix .. "-" .. thread .. "-" .. counter)
--   WRK_MARK_A/B     texts counted in the 200 answers ("" for none)

local bodies = {}
for line in io.lines(os.getenv("WRK_BODIES_FILE")) do
  if line ~= "" then table.insert(bodies, line) end
end
local key = os.getenv("WRK_KEY") or ""
local per_thread = tonumber(os.getenv("WRK_PER_THREAD") or "1000")
local unique = os.getenv("WRK_UNIQUE")
local mark_a = os.getenv("WRK_MARK_A") or ""
local mark_b = os.getenv("WRK_MARK_B") or ""

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("id", thread_count)
  table.insert(threads, thread)
end

function init(_)
  wrk.method = "POST"
  wrk.body = bodies[1]
  wrk.headers["Content-Type"] = "application/json"
  if key ~= "" then wrk.headers["Authorization"] = "Bearer " .. key end
  responses, marked_a, marked_b, sent = 0, 0, 0, 0
end

-- Defined only when bodies vary: without request() wrk sends one prebuilt request.
if unique or #bodies > 1 then
  local parts = {}
  for i, body in ipairs(bodies) do
    local head, tail = body:match("^(.*)__UNIQUE__(.*)$")
    parts[i] = head and { head, tail } or { body, nil }
  end
  function request()
    sent = sent + 1
    local p = parts[(sent - 1) % #parts + 1]
    local body = p[2] and (p[1] .. unique .. "-" .. id .. "-" .. sent .. p[2]) or p[1]
    return wrk.format(nil, nil, nil, body)
  end
end

function response(status, _, payload)
  responses = responses + 1
  if status == 200 then
    if mark_a ~= "" and payload:find(mark_a, 1, true) then
      marked_a = marked_a + 1
    elseif mark_b ~= "" and payload:find(mark_b, 1, true) then
      marked_b = marked_b + 1
    end
  end
  if responses == per_thread then
    io.write("WRK_THREAD_DONE\n")
    io.stdout:flush()
    wrk.thread:stop()
  end
end

function done(summary, latency, _)
  local a, b, r = 0, 0, 0
  for _, thread in ipairs(threads) do
    a = a + thread:get("marked_a")
    b = b + thread:get("marked_b")
    r = r + thread:get("responses")
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_SUMMARY {"responses":%d,"markedA":%d,"markedB":%d,"durationUs":%d,"status":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,' ..
    '"p50":%d,"p75":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f}\n',
    r, a, b, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(75), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
