// The API endpoints of `dlmath serve`, by path: each answers with the JSON (or SVG) its command
// prints, through the same functions.
#pragma once

#include <map>
#include <string>

#include "server/server.hpp"

namespace dlmath::cli {

std::map<std::string, server::Endpoint> api_endpoints();

}  // namespace dlmath::cli
