-- wrk script for bench/run.sh: authenticated requests spread over the benchmark's users, or all from one hot user.
-- wrk ... -s recents.lua URL -- MODE TOKENS_FILE ITWINS USERS SPREAD PREFER
--   MODE    post (add a random iModel of the user's iTwin), get (list the user's iTwin), ceiling (the no-op endpoint),
--           post-unknown (add an iModel id that names nothing: numbers 31..60 of the user's iTwin are never stored),
--           post-not-viewable (add a random iModel of the next iTwin, which the user is no member of)
--   SPREAD  spread (a random user per request) or hot (always user 0)
-- User i (line i + 1 of TOKENS_FILE) is a member of iTwin i % ITWINS, which has iModels 1..30 (see bench/Tools/BenchWorld.cs).
local thread_count = 0

function setup(thread)
  thread:set("thread_id", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  mode, itwins, users, hot, prefer = args[1], tonumber(args[3]), tonumber(args[4]), args[5] == "hot", args[6]
  tokens = {}
  for line in io.lines(args[2]) do
    tokens[#tokens + 1] = line
    if #tokens >= users then break end
  end
  math.randomseed(thread_id * 7919 + os.time())
end

function request()
  local user = 0
  if not hot then user = math.random(0, #tokens - 1) end
  local itwin = user % itwins
  local headers = { ["Authorization"] = "Bearer " .. tokens[user + 1] }
  if mode == "post" or mode == "post-unknown" or mode == "post-not-viewable" then
    local iModel = math.random(1, 30)
    if mode == "post-unknown" then iModel = iModel + 30 end
    if mode == "post-not-viewable" then itwin = (itwin + 1) % itwins end
    local path = string.format("/imodels/recents/1e0de100-%04d-4000-8000-%012d", itwin, iModel)
    return wrk.format("POST", path, headers, "")
  elseif mode == "get" then
    headers["Prefer"] = "return=" .. prefer
    return wrk.format("GET", string.format("/imodels/recents?iTwinId=5a1ce3f0-%04d-4000-8000-000000000000", itwin), headers)
  else
    return wrk.format("POST", "/benchmark/ceiling", headers, "")
  end
end
