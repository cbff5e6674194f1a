#include "server/train_stream.hpp"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>

#include "network/csv.hpp"
#include "network/train.hpp"
#include "visual/figures.hpp"
#include "visual/graph/cost_view.hpp"
#include "visual/graph/network_view.hpp"
#include "visual/plot/ticks.hpp"

namespace dlmath::server {

namespace {

using steady = std::chrono::steady_clock;
constexpr int grid_size = 24;  // the regions, coarse: 24 x 24 cells
constexpr std::chrono::milliseconds event_interval{40}, heartbeat{1000};
// The network diagram is drawn (by Graphviz, tens of milliseconds) for networks of at most this
// many weights; a larger one would be a thicket of edges and hold up its stream.
constexpr int diagram_weight_limit = 150;

std::atomic<bool> stopping{false};
std::atomic<int> live_streams{0};

// The page's Pause, Resume and Step buttons reach a running stream through its id. A paused
// stream waits inside the training loop, so resuming continues the very same run (the same
// point stream, the same parameters) and a step is exactly the next `step_size` updates.
struct Control {
  std::mutex lock;
  std::condition_variable changed;
  bool paused = false;
  int steps_allowed = 0;  // chunks of `step_size` updates to run before pausing again
};
std::mutex controls_lock;
std::map<std::string, std::shared_ptr<Control>> controls;
long stream_count = 0;

std::pair<std::string, std::shared_ptr<Control>> new_control(bool paused) {
  auto c = std::make_shared<Control>();
  c->paused = paused;
  std::lock_guard<std::mutex> hold(controls_lock);
  std::string id = "s" + std::to_string(++stream_count);
  controls.emplace(id, c);
  return {id, c};
}
void end_control(const std::string& id) {
  std::lock_guard<std::mutex> hold(controls_lock);
  controls.erase(id);
}

// Uploaded data sets, newest last; a few are kept, in memory only.
std::mutex uploads_lock;
std::deque<std::pair<std::string, Dataset>> uploads;
int upload_count = 0;

Dataset find_data(const std::string& name) {
  if (auto d = builtin_dataset(name)) return *d;
  std::lock_guard<std::mutex> hold(uploads_lock);
  for (const auto& [id, d] : uploads)
    if (id == name) return d;
  std::string known;
  for (const BuiltinDataset& b : builtin_datasets)
    known += (known.empty() ? "" : ", ") + std::string(b.name);
  throw HttpError(400, "data: unknown data set '" + name.substr(0, 60) + "' (built in: " + known +
                           "; or upload a CSV to /api/data)");
}

struct Job {
  Dataset data;
  Network<double> start;
  TrainOptions options;
  bool start_paused = false;
  long step_size = 1;  // updates per Step: one pass over the points, at most 100
};

// "a,b,,c" as its pieces, "" among them; "" is one empty piece.
std::vector<std::string> comma_pieces(const std::string& text) {
  std::vector<std::string> pieces;
  for (std::size_t at = 0; at <= text.size();) {
    const std::size_t comma = std::min(text.find(',', at), text.size());
    pieces.push_back(text.substr(at, comma - at));
    at = comma + 1;
  }
  return pieces;
}

// `own`: the fields the caller reads itself (a graph's point).
Job parse_job(const Fields& f, const std::set<std::string>& own = {}) {
  // The names read below; any other field is refused at the end: a misspelt `mometum` would
  // otherwise train, silently, with the default.
  std::set<std::string> read = own;
  auto text = [&](const std::string& name, const std::string& fallback) {
    read.insert(name);
    return field(f, name, fallback);
  };
  auto whole = [&](const std::string& name, long fallback, long lo, long hi) {
    read.insert(name);
    return integer_field(f, name, fallback, lo, hi);
  };
  Job job;
  job.data = find_data(text("data", "higham10"));
  std::vector<int> sizes;
  const std::string layers = text("layers", "2,2,3,2");
  for (const std::string& size : comma_pieces(layers)) {
    Fields one{{"layers", size}};
    sizes.push_back(static_cast<int>(integer_field(one, "layers", 0, 1, max_layer_size)));
  }
  if (sizes.size() < 2 || static_cast<int>(sizes.size()) > max_layers)
    throw HttpError(400, "layers: from 2 to " + std::to_string(max_layers) + " layers, not " +
                             std::to_string(sizes.size()));
  if (sizes.front() != job.data.dimension() ||
      sizes.back() != static_cast<int>(job.data.class_names.size()))
    throw HttpError(400, "layers: the data has " + std::to_string(job.data.dimension()) +
                             " features and " + std::to_string(job.data.class_names.size()) +
                             " classes, so the first layer needs " +
                             std::to_string(job.data.dimension()) + " neurons and the last " +
                             std::to_string(job.data.class_names.size()));
  Architecture arch(sizes);
  const std::string activation = text("activation", std::string(default_activation.name));
  const std::vector<std::string> names = comma_pieces(activation);
  if (names.size() != 1 && names.size() != arch.activations.size())
    throw HttpError(400, "activation: one name, or one per layer from 2 (" +
                             std::to_string(arch.activations.size()) + ")");
  for (std::size_t l = 0; l < arch.activations.size(); ++l) {
    const std::string& name = names[names.size() == 1 ? 0 : l];
    const auto a = find_activation(name);
    if (!a)
      throw HttpError(
          400, "activation: unknown '" + name.substr(0, 40) + "' (" + activation_names() + ")");
    arch.activations[l] = *a;
  }
  const long seed = whole("seed", 1, 0, 1L << 40);
  job.start = initial_network<double>(arch, static_cast<std::uint64_t>(seed));
  TrainOptions& o = job.options;
  const std::string method = text("method", "sgd");
  const auto m = method_from_string(method);
  if (!m)
    throw HttpError(400, "method: '" + method.substr(0, 40) + "' is not sgd, gd or minibatch");
  o.method = *m;
  o.batch = static_cast<int>(whole("batch", 4, 1, 100000));
  o.eta = text("eta", "0.05");
  double eta = 0;
  try {
    eta = from_decimal<double>(o.eta);
  } catch (const std::exception&) {
    throw HttpError(400, "eta: '" + o.eta.substr(0, 40) + "' is not a number");
  }
  if (!(eta > 0) || eta > 1e6) throw HttpError(400, "eta: must be positive (and at most 1e6)");
  o.steps = whole("steps", 1'000'000, 0, max_train_steps);
  o.seed = point_stream_seed(static_cast<std::uint64_t>(seed));
  const std::string cost = text("cost", "mse");
  if (cost != "mse" && cost != "cross-entropy")
    throw HttpError(400, "cost: '" + cost.substr(0, 40) + "' is not mse or cross-entropy");
  o.cost = cost == "mse" ? CostKind::half_squared_error : CostKind::cross_entropy;
  OptimizerChoice& opt = o.optimizer;
  opt.name = text("optimizer", opt.name);
  auto check = [&] {
    try {
      check_optimizer(opt);
    } catch (const std::invalid_argument& e) {
      throw HttpError(400, e.what());
    }
  };
  check();  // the name first: the constants are refused by it
  // A constant (or a batch) for an optimiser (a method) the run does not use would do nothing:
  // refused, as `dlmath train` refuses it.
  for (const OptimizerConstant& k : optimizer_constants) {
    read.insert(std::string(k.name));
    const auto given = f.find(std::string(k.name));
    if (given == f.end()) continue;
    if (k.optimizer != opt.name)
      throw HttpError(400, std::string(k.name) + ": only with optimizer " +
                               std::string(k.optimizer) + " (this run uses " + opt.name + ")");
    opt.*k.text = given->second;
  }
  check();
  if (f.count("batch") && o.method != Method::minibatch)
    throw HttpError(400, "batch: only with method minibatch (this run is " + method + ")");
  job.start_paused = whole("paused", 0, 0, 1) == 1;
  const long per_update = o.method == Method::sgd         ? 1
                          : o.method == Method::minibatch ? o.batch
                                                          : job.data.size();
  job.step_size = std::min(100L, (job.data.size() + per_update - 1) / per_update);
  const std::string precision = text("precision", "double");
  if (precision != "double")
    throw HttpError(400, "precision: the live stream trains in double (use dlmath train for " +
                             precision.substr(0, 20) + ")");
  only_fields(f, {read.begin(), read.end()});
  return job;
}

// Why the network's `picture` is not drawn (too many weights), or "".
std::string too_many_weights(const Architecture& arch, const std::string& picture) {
  int weights = 0;
  for (int l = 2; l <= arch.layers(); ++l) weights += arch.size(l) * arch.size(l - 1);
  if (weights <= diagram_weight_limit) return {};
  return "the " + picture + " is drawn for at most " + std::to_string(diagram_weight_limit) +
         " weights; this network has " + std::to_string(weights);
}

// The network with parameters `theta` as the article draws it (edges coloured by sign, as thick
// as the weight is large), as SVG; empty, with `why` set, when it has too many weights to draw.
std::string diagram(const Job& job, const std::vector<double>& theta, std::string& why) {
  why = too_many_weights(job.start.arch, "diagram");
  if (!why.empty()) return {};
  Network<double> net = job.start;
  net.theta = theta;
  // The inputs by the data's column names: the learner's own data, as its pictures name them.
  return visual::render_svg(visual::network_drawing(net, {3, nullptr, "", job.data.feature_names}));
}

// The diagram in an event: "network" (the SVG), or "network_note" saying why there is none.
void add_diagram(nlohmann::ordered_json& e, const Job& job, const std::vector<double>& theta) {
  std::string why;
  const std::string svg = diagram(job, theta, why);
  if (svg.empty())
    e["network_note"] = why;
  else
    e["network"] = svg;
}

// Where the regions are drawn: the unit square for the article's points, else the data's extent
// with a margin, as `dlmath plot` and `dlmath train --snapshots` draw them (a grid over the unit
// square alone left a learner's points in [-3, 3] outside the picture). Throws
// std::invalid_argument for points too far apart to draw.
visual::Range regions_area(const Dataset& d) {
  return d.dimension() == 2 ? visual::data_range(d) : visual::Range{};
}

// What one event says about the network with parameters `theta`.
struct Watch {
  const Job& job;
  PointCost<double> C;
  Points<double> points;
  visual::Range area;  // where the regions are drawn: the pictures' own rule (visual/plot)
  explicit Watch(const Job& j)
      : job(j),
        C(j.start, Granularity::fused, j.options.cost),
        points(j.data, j.start.arch.outputs()),
        area(regions_area(j.data)) {}

  nlohmann::ordered_json state(long step, const std::vector<double>& theta) {
    C.set_theta(theta);
    nlohmann::ordered_json e;
    e["step"] = step;
    e["steps"] = job.options.steps;
    const double cost = dataset_cost(C, points);
    e["cost"] = cost;
    e["correct"] = classify(C, points).correct;
    e["total"] = job.data.size();
    if (job.data.dimension() == 2) {
      std::string cells;
      std::vector<double> x(2), y(job.start.arch.outputs(), 0.0);
      for (int r = 0; r < grid_size; ++r)  // row 0 at the top: x2 = y1
        for (int c = 0; c < grid_size; ++c) {
          x[0] = area.x0 + (c + 0.5) / grid_size * (area.x1 - area.x0);
          x[1] = area.y1 - (r + 0.5) / grid_size * (area.y1 - area.y0);
          C.evaluate_at(x, y);
          std::vector<double> F;
          for (const auto& v : C.F) F.push_back(v.value());
          cells += static_cast<char>('A' + category_of<double>(F));
        }
      e["grid"] = {{"n", grid_size}, {"cells", cells}, {"x0", area.x0},
                   {"x1", area.x1},  {"y0", area.y0},  {"y1", area.y1}};
    }
    return e;
  }

  // Each parameter's dCost/dp by the reverse sweep beside a central difference.
  nlohmann::ordered_json parameters(std::vector<double> theta) {
    C.set_theta(theta);
    std::vector<double> gradient;
    dataset_cost(C, points, &gradient);
    const auto names = job.start.arch.parameter_names();
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (std::size_t k = 0; k < theta.size(); ++k) {
      const double w = theta[k], h = 6e-6 * std::max(1.0, std::abs(w));
      theta[k] = w + h;
      C.set_theta(theta);
      const double up = dataset_cost(C, points);
      theta[k] = w - h;
      C.set_theta(theta);
      const double down = dataset_cost(C, points);
      theta[k] = w;
      list.push_back({{"name", names[k]},
                      {"value", w},
                      {"gradient", gradient[k]},
                      {"central_difference", (up - down) / (2 * h)}});
    }
    return list;
  }
};

// The stream's first event: the state at step 0, with the points to draw.
nlohmann::ordered_json first_event(const Job& job, Watch& watch) {
  nlohmann::ordered_json first = watch.state(0, job.start.theta);
  add_diagram(first, job, job.start.theta);
  first["step_size"] = job.step_size;
  // Each class as dlmath's pictures draw it (visual/plot): the regions and points follow it.
  auto hex = [](const std::array<int, 3>& c) {
    char text[8];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", c[0], c[1], c[2]);
    return std::string(text);
  };
  for (std::size_t k = 0; k < job.data.class_names.size(); ++k) {
    const visual::ClassLook look = visual::class_look(static_cast<int>(k));
    first["classes"].push_back({{"name", job.data.class_names[k]},
                                {"colour", hex(look.colour)},
                                {"region", hex(look.region)},
                                {"marker", look.marker}});
  }
  // Records over a fixed sample of the points, not all (see train()): the curve says so.
  if (job.data.size() > max_record_points) first["history_sample"] = max_record_points;
  if (job.start_paused) first["paused"] = true;
  // The axes by the data's own column names, as the PNG pictures and the messages name them.
  first["features"] = job.data.feature_names;
  if (job.data.dimension() == 2) {
    // The regions' axes with the ticks and names the PNG pictures give them (visual/plot/ticks),
    // and the points drawn over them.
    auto axis = [](double lo, double hi, const std::string& name) {
      const visual::AxisTicks t = visual::axis_ticks(lo, hi);
      nlohmann::ordered_json ticks = nlohmann::ordered_json::array();
      for (const double v : visual::tick_values(t, lo, hi))
        ticks.push_back({v, visual::tick_label(t, v)});
      return nlohmann::ordered_json{{"name", visual::axis_name(t, name)}, {"ticks", ticks}};
    };
    const visual::Range& a = watch.area;
    first["axes"] = {axis(a.x0, a.x1, job.data.feature_names[0]),
                     axis(a.y0, a.y1, job.data.feature_names[1])};
    for (int i = 0; i < job.data.size(); ++i) {
      const auto x = job.data.x<double>(i);
      first["points"].push_back({x[0], x[1], job.data.category[i]});
    }
  }
  return first;
}

bool send(httplib::DataSink& sink, const std::string& text) {
  return sink.write(text.data(), text.size());
}

}  // namespace

void stop_training_streams() {
  stopping = true;
  std::lock_guard<std::mutex> hold(controls_lock);
  for (auto& [id, c] : controls) c->changed.notify_all();
}

std::string control_training_stream(const Fields& f) {
  only_fields(f, {"stream", "action"});
  const std::string id = field(f, "stream", "");
  const std::string action = field(f, "action", "");
  if (action != "pause" && action != "resume" && action != "step")
    throw HttpError(400, "action: '" + action.substr(0, 40) + "' is not pause, resume or step");
  std::shared_ptr<Control> c;
  {
    std::lock_guard<std::mutex> hold(controls_lock);
    const auto it = controls.find(id);
    if (it == controls.end())
      throw HttpError(404, "stream: no running training '" + id.substr(0, 40) + "'");
    c = it->second;
  }
  {
    std::lock_guard<std::mutex> hold(c->lock);
    if (action == "resume") {
      c->paused = false;
      c->steps_allowed = 0;
    } else {
      c->paused = true;  // a step while running pauses after the next chunk
      if (action == "step" && c->steps_allowed < 1000) ++c->steps_allowed;
    }
  }
  c->changed.notify_all();
  nlohmann::ordered_json j;
  j["stream"] = id;
  j["action"] = action;
  return j.dump();
}

void start_training_stream(const Fields& f, httplib::Response& res) {
  auto job = std::make_shared<Job>(parse_job(f));
  if (live_streams.load() >= max_live_streams)
    throw HttpError(429, "too many live trainings at once (" + std::to_string(max_live_streams) +
                             "); close another page's stream");
  ++live_streams;
  res.set_header("Cache-Control", "no-cache");
  res.set_header("X-Accel-Buffering", "no");
  res.set_chunked_content_provider(
      "text/event-stream",
      [job](std::size_t, httplib::DataSink& sink) {
        const auto made = new_control(job->start_paused);
        const std::string id = made.first;
        const std::shared_ptr<Control> control = made.second;
        Watch watch(*job);
        nlohmann::ordered_json first = first_event(*job, watch);
        first["stream"] = id;
        bool open = send(sink, ": dlmath training stream\n\n") &&
                    send(sink, "data: " + first.dump() + "\n\n");
        auto last_event = steady::now(), last_beat = last_event;
        steady::duration paused_for{};
        // While paused: heartbeats (which also find a page that has gone); false when the
        // stream must end.
        auto hold = [&] {
          const auto since = steady::now();
          std::unique_lock<std::mutex> l(control->lock);
          while (control->paused && control->steps_allowed == 0 && open && !stopping) {
            if (control->changed.wait_for(l, heartbeat) == std::cv_status::timeout) {
              l.unlock();
              open = send(sink, ": heartbeat\n\n");
              l.lock();
            }
          }
          if (control->steps_allowed > 0) --control->steps_allowed;
          paused_for += steady::now() - since;
          last_event = last_beat = steady::now();
          return open && !stopping;
        };
        auto paused = [&] {
          std::lock_guard<std::mutex> l(control->lock);
          return control->paused;
        };
        TrainOptions o = job->options;
        o.observe_every = job->step_size;
        // The cost records the training takes (about 1000 a run), sent with the next event: the
        // curve then has all of them, not only the costs at the events, 40 ms apart (a fast run
        // of 20000 steps had two, and its curve was a straight line from the first to the last).
        auto records = nlohmann::ordered_json::array();
        o.on_record = [&](long step, double cost) { records.push_back({step, cost}); };
        auto with_records = [&](nlohmann::ordered_json e) {
          e["history"] = std::move(records);
          records = nlohmann::ordered_json::array();
          return e;
        };
        o.observe = [&](long step, const std::vector<double>& theta) {
          if (stopping || !open) return false;
          if (paused() && step != o.steps) {
            nlohmann::ordered_json e = with_records(watch.state(step, theta));
            e["paused"] = true;
            add_diagram(e, *job, theta);
            open = send(sink, "data: " + e.dump() + "\n\n");
            return open && hold();
          }
          const auto now = steady::now();
          if (now - last_beat >= heartbeat) {
            open = send(sink, ": heartbeat\n\n");
            last_beat = now;
          }
          if (open && (now - last_event >= event_interval || step == o.steps)) {
            open = send(sink, "data: " + with_records(watch.state(step, theta)).dump() + "\n\n");
            last_event = now;
          }
          return open && !stopping;
        };
        if (open && job->start_paused) hold();
        if (open && !stopping) try {
            const TrainResult<double> r = train(job->data, job->start, o);
            if (r.diverged_at >= 0) {
              send(sink, "event: error\ndata: " +
                             json_error("training diverged at step " +
                                        std::to_string(r.diverged_at) + " (try a smaller eta)") +
                             "\n\n");
            } else if (open && !stopping) {
              nlohmann::ordered_json end = with_records(watch.state(r.steps.back(), r.net.theta));
              end["seconds"] = r.seconds - std::chrono::duration<double>(paused_for).count();
              end["parameters"] = watch.parameters(r.net.theta);
              add_diagram(end, *job, r.net.theta);
              send(sink, "event: done\ndata: " + end.dump() + "\n\n");
            }
          } catch (const std::exception& e) {
            send(sink, "event: error\ndata: " + json_error(e.what()) + "\n\n");
          }
        end_control(id);
        sink.done();
        return true;
      },
      [](bool) { --live_streams; });
}

std::string training_start_event(const Fields& f) {
  const Job job = parse_job(f);
  Watch watch(job);
  return first_event(job, watch).dump();
}

std::string network_svg(const Fields& f) {
  const Job job = parse_job(f);
  std::string why;
  std::string svg = diagram(job, job.start.theta, why);
  if (svg.empty()) throw HttpError(413, why);
  return svg;
}

std::string network_graph_svg(const Fields& f) {
  const Job job = parse_job(f, {"point", "expand", "digits"});
  const int point =
      static_cast<int>(integer_field(f, "point", 1, 1, static_cast<long>(job.data.size())));
  if (const std::string why = too_many_weights(job.start.arch, "graph"); !why.empty())
    throw HttpError(413, why);
  visual::GraphOptions o;
  o.digits = static_cast<int>(integer_field(f, "digits", 4, 1, 17));
  o.node_limit = 0;  // one node per group, but those named
  const std::string expand = field(f, "expand", "");
  if (!expand.empty()) o.expand = comma_pieces(expand);
  try {
    return visual::render_svg(
        visual::point_cost_drawing(job.start, job.data, point, Granularity::fused, o));
  } catch (const std::invalid_argument& e) {
    throw HttpError(400, e.what());
  }
}

std::string upload_data(const std::string& csv, const std::string& name) {
  if (csv.size() > max_field_bytes)
    throw HttpError(413, name + ": " + std::to_string(csv.size()) +
                             " bytes, more than the limit of " + std::to_string(max_field_bytes));
  Dataset d;
  try {
    d = dataset_from_csv(csv, name);
  } catch (const std::invalid_argument& e) {
    throw HttpError(400, e.what());
  }
  try {
    regions_area(d);  // refused here, not when its training has started
  } catch (const std::invalid_argument& e) {
    throw HttpError(400, name + ": " + e.what());
  }
  std::lock_guard<std::mutex> hold(uploads_lock);
  const std::string id = "upload:" + std::to_string(++upload_count);
  uploads.emplace_back(id, d);
  if (uploads.size() > 16) uploads.pop_front();
  nlohmann::ordered_json j;
  j["data"] = id;
  j["points"] = d.size();
  j["features"] = d.feature_names;
  j["classes"] = d.class_names;
  return j.dump();
}

}  // namespace dlmath::server
