-- wrk script for the portal benchmarks. One script, three modes chosen by BENCH_MODE:
--
--   get    GET BENCH_PATH with BENCH_COOKIE (a signed-in session, or none)
--   clue   POST /submissions/drafts/<token>/check with BENCH_COOKIE and BENCH_CSRF, one prepared clue draft per
--          request from BENCH_TOKENS (a file, one token a line, split between threads); good = 302 to the
--          confirmation (the submission, its history and its outbox event were committed)
--   mixed  BENCH_MIX (a file of "weight<TAB>method<TAB>path<TAB>cookie<TAB>csrf" lines): each
--          request picks a line by weight; a path with {token} takes the next clue draft from BENCH_TOKENS
--
-- wrk counts 3xx as success, so a lost session (302 to sign-in) would pass unseen: response() counts as good
-- only a 200, or a 302 to a filing's confirmation page, and done() reports the others next to wrk's errors,
-- with p50/p95/p99 from wrk's latency histogram, as one JSON line prefixed "BENCH_JSON ".

local mode = os.getenv("BENCH_MODE") or "get"
local cookie = os.getenv("BENCH_COOKIE") or ""
local csrf = os.getenv("BENCH_CSRF") or ""

-- Flask-Login's "strong" session protection ties a session to the user agent it signed in with (bench/run.py).
local user_agent = "portal-bench/1"
local threads = {}
local counter = 0

local function read_lines(path)
  local lines = {}
  if not path or path == "" then return lines end
  local file = assert(io.open(path, "r"))
  for line in file:lines() do
    if line ~= "" then lines[#lines + 1] = line end
  end
  file:close()
  return lines
end

local function split(line)
  local fields = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do fields[#fields + 1] = field end
  return fields
end

-- Runs once per thread, in the main Lua state: give each thread its index, so it takes its own share of tokens.
function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
  threads[#threads + 1] = thread
end

local tokens, next_token, last_token = {}, 1, 0
local mix, total_weight = {}, 0
bad, good, exhausted = 0, 0, 0

function init(args)
  local all = read_lines(os.getenv("BENCH_TOKENS"))
  local count = tonumber(os.getenv("BENCH_THREADS") or "1")
  -- thread i takes every count-th token, starting at i: no token is posted twice
  for i = index, #all, count do tokens[#tokens + 1] = all[i] end
  last_token = #tokens
  for _, line in ipairs(read_lines(os.getenv("BENCH_MIX"))) do
    local f = split(line)
    local entry = { weight = tonumber(f[1]), method = f[2], path = f[3], cookie = f[4], csrf = f[5] or "" }
    total_weight = total_weight + entry.weight
    entry.upto = total_weight
    mix[#mix + 1] = entry
  end
  math.randomseed(1000 + index)
end

local function take_token()
  if next_token > last_token then return nil end
  local token = tokens[next_token]
  next_token = next_token + 1
  return token
end

local function clue_request(cookie_value, csrf_value)
  local token = take_token()
  if token == nil then
    exhausted = exhausted + 1
    return nil
  end
  return wrk.format("POST", "/submissions/drafts/" .. token .. "/check", {
    ["Cookie"] = cookie_value,
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept-Language"] = "zh-CN,zh;q=0.9",
    ["User-Agent"] = user_agent,
  }, "csrf_token=" .. csrf_value)
end

local function get_request(path, cookie_value)
  local headers = { ["Accept-Language"] = "zh-CN,zh;q=0.9", ["User-Agent"] = user_agent }
  if cookie_value ~= "" then headers["Cookie"] = cookie_value end
  return wrk.format("GET", path, headers)
end

-- A last resort when the prepared drafts run out: a cheap GET, reported as "exhausted", never as a filing.
local function fallback()
  return get_request("/static/css/portal.css", "")
end

function request()
  local req
  if mode == "clue" then
    req = clue_request(cookie, csrf)
  elseif mode == "mixed" then
    local pick = math.random() * total_weight
    local entry = mix[#mix]
    for _, candidate in ipairs(mix) do
      if pick <= candidate.upto then entry = candidate break end
    end
    if entry.method == "POST" then
      req = clue_request(entry.cookie, entry.csrf)
    else
      req = get_request(entry.path, entry.cookie)
    end
  else
    req = get_request(os.getenv("BENCH_PATH") or "/", cookie)
  end
  return req or fallback()
end

function response(status, headers, body)
  local location = headers["Location"] or headers["location"] or ""
  if status == 200 or (status == 302 and location:find("/confirmation", 1, true)) then
    good = good + 1
  else
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local unexpected, ok, short = 0, 0, 0
  for _, thread in ipairs(threads) do
    unexpected = unexpected + thread:get("bad")
    ok = ok + thread:get("good")
    short = short + thread:get("exhausted")
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "seconds": %.3f, "rps": %.2f, "p50_ms": %.2f, "p95_ms": %.2f, ' ..
    '"p99_ms": %.2f, "max_ms": %.2f, "mean_ms": %.2f, "good": %d, "unexpected_status": %d, ' ..
    '"tokens_exhausted": %d, "errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}}\n',
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000,
    ok, unexpected, short, e.connect, e.read, e.write, e.status, e.timeout))
end
