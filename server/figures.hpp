// The interactive figures' starting states, in one place: the values their controls start at
// (every page carries them in #figure-starts, and the figures read them there) and the requests
// a figure makes at its start, which `dlmath book` answers ahead of time so that the static
// pages show each figure as it starts.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "server/server.hpp"

namespace dlmath::server {

// {"sigmoid-ab": {...}, "layer-graph": {...}, ...}: what each figure starts from.
const nlohmann::ordered_json& figure_starts();

// The key a page looks an answer up by: the path and the fields sorted by name, as JSON
// (web/dlmath.js makes the same key).
std::string recorded_key(const std::string& path, const Fields& fields);

// Answers one request (an API endpoint, or /api/train's first event) with its reply.
using Ask = std::function<Reply(const std::string& path, const Fields& fields)>;

// Every figure's starting requests with their answers: {key: {"type": ..., "body": ...}}.
nlohmann::ordered_json recorded_answers(const Ask& ask);

}  // namespace dlmath::server
