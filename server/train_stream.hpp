// /api/train: training as a server-sent event stream (step, cost, correct, a coarse grid of the
// decision regions, and at the end every parameter's gradient beside its central difference);
// /api/data: a CSV uploaded from the page, checked line by line and kept in memory.
#pragma once

#include <string>

#include "server/request.hpp"

namespace httplib {
struct Response;
}

namespace dlmath::server {

// Checks every option (those of `dlmath train`, with its defaults) before the stream starts;
// throws HttpError on a bad one.
void start_training_stream(const Fields& f, httplib::Response& res);
// /api/train/control: `action` pause, resume or step for the stream named `stream` (its first
// event's "stream"); the reply as JSON. A 404 when no such stream is running.
std::string control_training_stream(const Fields& f);
// The first event a stream with these fields would send (the state at step 0), as JSON.
std::string training_start_event(const Fields& f);
// /api/network.svg: the network a stream with these fields would start from, drawn as the
// article draws it (a 413 above the drawing limit).
std::string network_svg(const Fields& f);
// /api/network-graph.svg: the cost graph of that network at data point `point` (from 1), each
// neuron one node with its output's value and gradient but the groups named in `expand`
// ("neuron 3.2,cost"), which are drawn node by node.
std::string network_graph_svg(const Fields& f);
// Ends every running stream at its next event (the server is stopping).
void stop_training_streams();

// Parses the CSV (errors name `name`:line) and keeps it; the reply names it for /api/train's
// `data` field.
std::string upload_data(const std::string& csv, const std::string& name);

}  // namespace dlmath::server
