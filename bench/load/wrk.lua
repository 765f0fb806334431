-- wrk script for bench/load.sh. Spreads requests over the signed-in people of LOAD_PEOPLE (one
-- "address<TAB>cookie" a line), counts every answer other than LOAD_EXPECT as an error, and prints
-- one RESULT line. LOAD_MODE=post-diary creates a diary entry with a new client-made id per request;
-- LOAD_MODE=get fetches the URL's path.

local mode = os.getenv("LOAD_MODE") or "get"
local expect = tonumber(os.getenv("LOAD_EXPECT") or "200")
local people = {}

local file = os.getenv("LOAD_PEOPLE")
if file and file ~= "" then
  for line in io.lines(file) do
    local address, cookie = line:match("^([^\t]*)\t(.*)$")
    if cookie then people[#people + 1] = { address = address, cookie = cookie } end
  end
end

local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("thread_number", #threads)
end

-- Per thread (each wrk thread has its own Lua state).
thread_number = 0
local sent = 0
errors = 0
statuses = ""
local seen = {}
local run = 0
local regions = { "low-back", "buttock", "sit-bone", "posterior-thigh", "back-of-knee", "calf", "shin", "foot" }

function init(args)
  math.randomseed(os.time() * 100 + thread_number)
  run = math.random(0, 0xffff) * 0x10000 + math.random(0, 0xffff)
end

local function header_for(person)
  -- TLS ends at a proxy in front of the app (README); each person comes from their own address.
  local h = { ["X-Forwarded-Proto"] = "https" }
  if person then
    h["Cookie"] = person.cookie
    h["X-Forwarded-For"] = person.address
  end
  return h
end

function request()
  sent = sent + 1
  local person = #people > 0 and people[((sent * 7 + thread_number) % #people) + 1] or nil
  local h = header_for(person)
  if mode ~= "post-diary" then
    return wrk.format("GET", nil, h, nil)
  end
  -- A random version-4 id like the phone's crypto.randomUUID(), made unique by the thread and a counter.
  local id = string.format("%08x-%04x-4%03x-%04x-%04x%08x",
    run, thread_number, math.random(0, 0xfff), 0x8000 + math.random(0, 0x3fff), math.random(0, 0xffff), sent)
  local time = os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - math.random(0, 7 * 86400))
  local body = string.format('{"id":"%s","time":"%s","type":"pain","item":"%s","value":%d}',
    id, time, regions[math.random(1, #regions)], math.random(0, 10))
  h["Content-Type"] = "application/json"
  return wrk.format("POST", "/api/v1/diary", h, body)
end

function response(status, headers, body)
  if status ~= expect then
    errors = errors + 1
    if not seen[status] then
      seen[status] = true
      statuses = statuses .. " " .. status
    end
  end
end

function done(summary, latency, requests)
  local wrong, codes = 0, ""
  for _, thread in ipairs(threads) do
    wrong = wrong + thread:get("errors")
    codes = codes .. thread:get("statuses")
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50=%.2f p90=%.2f p99=%.2f max=%.2f errors=%d socket_errors=%d statuses=%s\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    wrong + socket, socket, codes == "" and "-" or codes:gsub("^ ", ""):gsub(" ", ",")))
end
