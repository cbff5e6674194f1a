#include "cli/repl_session.hpp"

#include <algorithm>
#include <fstream>
#include <functional>
#include <limits>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>

#include "cli/options.hpp"
#include "ops/derivative.hpp"
#include "symbolic/formula.hpp"
#include "symbolic/record.hpp"
#include "visual/graph/graph.hpp"

namespace dlmath::cli {

namespace {

// An error at a column of the line being run.
struct LineError : std::runtime_error {
  LineError(int column, const std::string& message) : std::runtime_error(message), column(column) {}
  int column;
};

// `name = 2`, `name = -0.5`: a plain number, perhaps signed, defines an input.
bool defines_input(const symbolic::Program& p, const symbolic::Statement& s) {
  if (s.target.empty()) return false;
  const symbolic::SyntaxNode& n = p.nodes[s.root];
  if (n.kind == symbolic::SyntaxNode::number) return true;
  return (n.kind == symbolic::SyntaxNode::negate || n.kind == symbolic::SyntaxNode::plus) &&
         p.nodes[n.a].kind == symbolic::SyntaxNode::number;
}

}  // namespace

// The session's graph at one precision, and what its names stand for.
class ReplMachine {
 public:
  virtual ~ReplMachine() = default;
  virtual bool defined(const std::string& name) const = 0;
  // Records a parsed line and returns what to print. Everything that could fail is checked
  // first and throws LineError, so a failed line changes nothing.
  virtual std::string apply(const symbolic::Program& p, int digits) = 0;
  virtual std::string grad(int digits) = 0;
  virtual std::string diff(const std::string& name, int digits) = 0;
  virtual void graph(const std::string& file) = 0;
  virtual int carried() const = 0;
};

namespace {

template <class T>
class Machine : public ReplMachine {
 public:
  bool defined(const std::string& name) const override { return env_.count(name) > 0; }

  std::string apply(const symbolic::Program& p, int digits) override {
    validate(p);
    std::string shown;
    // The first input whose value changed; none while nothing changed. (A plain index, not an
    // optional: GCC 12 warns falsely about an optional read in this lambda.)
    constexpr index_t none = std::numeric_limits<index_t>::max();
    index_t replay_from = none;
    auto replay = [&] {
      if (replay_from != none) g_.forward(replay_from);
      replay_from = none;
    };
    std::vector<Var<T>> at(p.nodes.size());
    std::size_t next = 0;
    for (const auto& s : p.statements) {
      if (defines_input(p, s)) {
        const auto& n = p.nodes[s.root];
        const bool negative = n.kind == symbolic::SyntaxNode::negate;
        T v = from_decimal<T>(n.kind == symbolic::SyntaxNode::number ? n.text : p.nodes[n.a].text);
        if (negative) v = -v;
        if (const auto input = current_input(s.target)) {
          g_.set_value(*input, v);  // every result recorded after it follows on replay
          replay_from = std::min(replay_from, *input);
        } else {
          env_.insert_or_assign(s.target, g_.input(s.target, v));
          input_order_.push_back(s.target);
        }
        shown += s.target + " = " + to_decimal_display(v, digits) + " (an input)\n";
      } else {
        replay();
        const Var<T> v = symbolic::record_expression(
            g_, p, next, s.root, at, [&](const std::string& name) { return env_.at(name); });
        if (!s.target.empty()) {
          env_.insert_or_assign(s.target, v);
          symbolic::name_result(g_, v, s.target);
        }
        last_ = v.index();
        shown += (s.target.empty() ? "" : s.target + " ") + "= " +
                 to_decimal_display(v.value(), digits) + "\n";
      }
      next = static_cast<std::size_t>(s.root) + 1;
    }
    replay();
    return shown;
  }

  std::string grad(int digits) override {
    const Var<T> out = last();
    backward(out);
    std::string shown;
    for (const auto& [name, input] : inputs())
      shown += "d/d" + name + " = " + to_decimal_display(g_.grad(input), digits) + "\n";
    return shown.empty() ? "(no inputs: the result is a constant)\n" : shown;
  }

  std::string diff(const std::string& name, int digits) override {
    const Var<T> out = last();
    const auto input = current_input(name);
    if (!input) {
      std::string list;
      for (const auto& [n, i] : inputs()) list += (list.empty() ? "" : ", ") + n;
      throw std::invalid_argument("no input '" + name +
                                  "' (inputs: " + (list.empty() ? "none" : list) + ")");
    }
    const Var<T> d = derivative(out, Var<T>(g_, *input));
    return symbolic::formula(g_, d.index(), symbolic::FormulaOptions{false, digits}) + "\n";
  }

  void graph(const std::string& file) override {
    const Var<T> out = last();
    backward(out);
    visual::render(visual::graph_drawing(g_, out.index()), file);
  }

  int carried() const override { return carried_digits(T(0)); }

 private:
  // Every name read is bound and every number fits the precision, before anything is recorded.
  void validate(const symbolic::Program& p) const {
    for (const auto& n : p.nodes) {
      if (n.kind == symbolic::SyntaxNode::number) {
        try {
          from_decimal<T>(n.text);
        } catch (const std::invalid_argument& e) {
          throw LineError(n.column, std::string(e.what()) + " at this precision");
        }
      }
    }
    for (const auto& name : p.inputs)
      if (!env_.count(name))
        for (const auto& n : p.nodes)
          if (n.kind == symbolic::SyntaxNode::name && n.text == name)
            throw LineError(n.column, "'" + name + "' has no value: give it one first with " +
                                          name + " = NUMBER");
  }

  // The input leaf `name` stands for now, if it stands for one.
  std::optional<index_t> current_input(const std::string& name) const {
    const auto it = env_.find(name);
    if (it == env_.end()) return std::nullopt;
    const index_t i = it->second.index();
    if (g_.op(i) != Leaf::input || g_.name(i) != name) return std::nullopt;
    return i;
  }

  // The inputs by name, in the order they were first defined.
  std::vector<std::pair<std::string, index_t>> inputs() const {
    std::vector<std::pair<std::string, index_t>> out;
    std::set<std::string> seen;
    for (const auto& name : input_order_)
      if (const auto i = current_input(name); i && seen.insert(name).second)
        out.emplace_back(name, *i);
    return out;
  }

  Var<T> last() {
    if (!last_) throw std::invalid_argument("nothing to work on yet: type an expression first");
    return Var<T>(g_, *last_);
  }

  Graph<T> g_;
  std::unordered_map<std::string, Var<T>> env_;
  std::vector<std::string> input_order_;
  std::optional<index_t> last_;  // the last statement with an expression
};

std::unique_ptr<ReplMachine> make_machine(const EvalPrecision& p) {
  return with_eval_precision(
      p, [&]<class T>() -> std::unique_ptr<ReplMachine> { return std::make_unique<Machine<T>>(); });
}

// The commands, in one table: the help, the banner and the dispatch all read it.
struct Command {
  const char* name;
  const char* argument;  // "" when it takes none
  const char* what;
};
const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {":grad", "", "d(last result)/d(every input)"},
      {":diff", "NAME", "d(last result)/d(NAME) as a formula"},
      {":graph", "FILE", "draw the last result's graph (.svg .png .pdf .dot)"},
      {":precision", "P", "float, double, 50, 100, mpfr:BITS: record again at P"},
      {":digits", "N", "significant digits shown (0: all the precision carries)"},
      {":load", "FILE", "run the statements of a file, line by line"},
      {":save", "FILE", "write this session's statements to a file"},
      {":show", "", "this session's statements"},
      {":reset", "", "forget every statement and input"},
      {":help", "", "this list (help works too)"},
      {":quit", "", "leave (:q, Ctrl-D); Ctrl-C cancels the line being typed"},
  };
  return table;
}

}  // namespace

ReplSession::ReplSession(std::FILE* out, std::FILE* err, int digits)
    : out_(out), err_(err), digits_(digits), machine_(make_machine(precision_)) {
  if (digits_ < 0 || digits_ > machine_->carried())
    throw UsageError("--digits: " + std::to_string(digits) + " is not from 1 to " +
                     std::to_string(machine_->carried()) + ", the digits double carries");
}

ReplSession::~ReplSession() = default;

std::string ReplSession::help() {
  // clang-format off
  std::string s =
      "statements (several on one line with ;):\n"
      "  x = 2              a name set to a number is an input; set it again and every result\n"
      "                     that depends on it follows\n"
      "  y = tanh(w*x + b)  anything else is recorded; it shows its value, and :grad and :diff\n"
      "                     work on the last one\n"
      "commands:\n";
  // clang-format on
  for (const auto& c : commands()) {
    std::string head = std::string(c.name) + (*c.argument ? " " : "") + c.argument;
    head.resize(std::max<std::size_t>(head.size() + 2, 19), ' ');
    s += "  " + head + c.what + "\n";
  }
  return s;
}

std::string ReplSession::banner() {
  std::string s = "dlmath repl: type a statement (x = 2, y = x^2), or";
  for (const auto& c : commands()) s += std::string(" ") + c.name;
  return s + "\n";
}

bool ReplSession::line(const std::string& raw, const std::string& where) {
  const std::string text = trim(raw);
  if (text.empty() || text[0] == '#') return true;
  if (text == "help") {
    std::fputs(help().c_str(), out_);
    return true;
  }
  if (text[0] != ':') {
    statement(text, where);
    return true;
  }
  std::istringstream in(text);
  std::string name;
  in >> name;
  if (name == ":quit" || name == ":q") return false;
  command(text, where);
  return true;
}

void ReplSession::fail(const std::string& where, const std::string& message) {
  std::fprintf(err_, "%s: error: %s\n", where.c_str(), message.c_str());
  if (failures_++ == 0) first_failure_ = where;
}

void ReplSession::statement(const std::string& text, const std::string& where) {
  auto point_at = [&](int column, const std::string& message) {
    // The line as typed, a caret under the column: SyntaxError knows how (long lines too).
    std::string shown = symbolic::SyntaxError(1, column, message).formatted(text);
    shown = shown.substr(shown.find("error: ") + 7);
    fail(where + ":" + std::to_string(column), shown);
  };
  try {
    const symbolic::Program p =
        symbolic::parse(text, [&](const std::string& name) { return machine_->defined(name); });
    std::fputs(machine_->apply(p, digits_).c_str(), out_);
    lines_.push_back(text);
  } catch (const symbolic::SyntaxError& e) {
    point_at(e.column(), e.message());
  } catch (const LineError& e) {
    point_at(e.column, e.what());
  } catch (const std::exception& e) {
    fail(where, e.what());
  }
}

void ReplSession::command(const std::string& text, const std::string& where) {
  std::istringstream in(text);
  std::string name, arg, extra;
  in >> name >> arg >> extra;
  const auto known = std::find_if(commands().begin(), commands().end(),
                                  [&](const Command& c) { return name == c.name; });
  try {
    if (known == commands().end())
      throw std::invalid_argument("unknown command '" + name + "' (:help lists them)");
    if (*known->argument && arg.empty())
      throw std::invalid_argument(name + " needs " + known->argument);
    if (!*known->argument && !arg.empty())
      throw std::invalid_argument(name + " takes nothing after it");
    if (!extra.empty())
      throw std::invalid_argument(name + " takes one " + known->argument + ", found more");
    if (name == ":grad") {
      std::fputs(machine_->grad(digits_).c_str(), out_);
    } else if (name == ":diff") {
      std::fputs(machine_->diff(arg, digits_).c_str(), out_);
    } else if (name == ":graph") {
      machine_->graph(arg);
      std::fprintf(out_, "wrote %s\n", arg.c_str());
    } else if (name == ":precision") {
      set_precision(arg);
    } else if (name == ":digits") {
      int n = -1;
      try {
        std::size_t used = 0;
        n = std::stoi(arg, &used);
        if (used != arg.size()) n = -1;
      } catch (const std::exception&) {
      }
      if (n < 0 || n > machine_->carried())
        throw std::invalid_argument(":digits: '" + arg + "' is not from 0 to " +
                                    std::to_string(machine_->carried()) +
                                    ", the digits this precision carries");
      digits_ = n;
      std::fprintf(out_, "digits %d\n", n == 0 ? machine_->carried() : n);
    } else if (name == ":load") {
      load(arg, where);
    } else if (name == ":save") {
      save(arg);
    } else if (name == ":show") {
      for (const auto& l : lines_) std::fprintf(out_, "%s\n", l.c_str());
    } else if (name == ":reset") {
      machine_ = make_machine(precision_);
      lines_.clear();
      std::fprintf(out_, "(empty)\n");
    } else if (name == ":help") {
      std::fputs(help().c_str(), out_);
    }
  } catch (const std::exception& e) {
    fail(where, e.what());
  }
}

void ReplSession::load(const std::string& file, const std::string& where) {
  if (loading_) throw std::invalid_argument(":load inside a loaded file is not allowed");
  // The whole file first: a device, a file over the limit or one that is not text is refused
  // before any of its lines runs.
  std::istringstream in(read_file(file));
  std::vector<std::string> lines;
  for (std::string text; read_text_line(in, text, file, static_cast<int>(lines.size()) + 1);)
    lines.push_back(text);
  const int before = failures_;
  loading_ = true;
  int n = 0;
  for (const std::string& text : lines)
    if (!line(text, file + ":" + std::to_string(++n))) break;  // :quit ends the file
  loading_ = false;
  if (failures_ > before)
    std::fprintf(err_, "%s: %d line%s of %s failed (and changed nothing)\n", where.c_str(),
                 failures_ - before, failures_ - before == 1 ? "" : "s", file.c_str());
  else
    std::fprintf(out_, "loaded %s (%d lines)\n", file.c_str(), n);
}

void ReplSession::save(const std::string& file) {
  std::ofstream out(file);
  for (const auto& l : lines_) out << l << '\n';
  out.close();
  if (!out) throw std::invalid_argument("cannot write '" + file + "'");
  std::fprintf(out_, "wrote %zu statement%s to %s\n", lines_.size(), lines_.size() == 1 ? "" : "s",
               file.c_str());
}

std::unique_ptr<ReplMachine> ReplSession::replay(const EvalPrecision& p, std::string& error) const {
  auto m = make_machine(p);
  for (std::size_t k = 0; k < lines_.size(); ++k) {
    try {
      m->apply(symbolic::parse(lines_[k], [&](const std::string& n) { return m->defined(n); }),
               digits_);
    } catch (const std::exception& e) {
      error = "'" + lines_[k] + "' fails: " + e.what();
      return nullptr;
    }
  }
  return m;
}

void ReplSession::set_precision(const std::string& text) {
  const EvalPrecision p = parse_eval_precision(text);
  std::string error;
  auto m = replay(p, error);
  if (!m) {
    make_machine(precision_);  // mpfr's precision is global: set it back
    throw std::invalid_argument("stayed at " + precision_.name() + ": at " + p.name() + " " +
                                error);
  }
  machine_ = std::move(m);
  precision_ = p;
  if (digits_ > machine_->carried()) digits_ = 0;
  std::fprintf(out_, "precision %s (%d digits)\n", precision_.name().c_str(), machine_->carried());
}

}  // namespace dlmath::cli
