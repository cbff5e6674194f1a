// The tape: a computation graph of scalar nodes, stored in creation order.
//
// Creation order is a topological order (an operand is always recorded before its result), so
// evaluation is one forward sweep and reverse-mode differentiation one backward sweep: no
// recursion, no sorting. Nodes are stored as a struct of arrays; what each operation computes
// is not known here but looked up in an OpTable that ops/ supplies. A unary op may keep one
// number from its forward step for its backward step (sigmoid keeps sigma(-x), computed from the
// same exponential as sigma(x)): such nodes hold an index into a side array in their unused
// second link, so other nodes pay nothing for it.
#pragma once

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <cstring>
#include <limits>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "engine/column.hpp"

namespace dlmath {

using index_t = std::uint32_t;
using OpCode = std::uint8_t;

// Leaves are op codes too, so a node's kind costs no extra byte.
enum Leaf : OpCode { parameter = 0, input = 1, constant = 2, first_op = 3 };

template <class T>
class Tape;

// Sets g[0..n) to 0 before a backward sweep. For a small tape GCC would make the loop a `rep
// stos` (or memset), whose stores the sweep's next loads cannot be forwarded from, so the sweep
// waits for them. Plain stores avoid it; a large array is still cleared by memset, which is
// faster there.
#if defined(__clang__)  // (the fuzzing build): Clang has no such option
#define DLMATH_PLAIN_STORES
#else
#define DLMATH_PLAIN_STORES gnu::optimize("no-tree-loop-distribute-patterns")
#endif
template <class T>
[[gnu::noinline, DLMATH_PLAIN_STORES]] void zero_gradients(T* g, std::size_t n) {
  if constexpr (std::is_floating_point_v<T>) {
    if (n > 4096) {
      std::memset(g, 0, n * sizeof(T));  // 0.0 is all bits zero
      return;
    }
  }
  // = 0, not = T(0): a multiprecision number is then set in place, with no temporary to copy.
  for (std::size_t k = 0; k < n; ++k) g[k] = 0;
}
#undef DLMATH_PLAIN_STORES

// A node's operands: `a` and `b` for unary and binary ops; for n-ary ops `a` is an offset into
// the tape's argument list and `b` the number of arguments there. A unary node whose op keeps a
// number has its slot in the tape's kept list in `b`.
struct Links {
  index_t a = 0, b = 0;
};

// What ops/ tells the tape about one operation. `forward` sets node i's value from its operands;
// `backward` adds grad(i) times each local partial derivative to the operands' gradients.
template <class T>
struct OpInfo {
  std::string_view name;    // "mul", "sigmoid"
  std::string_view symbol;  // "*", "sigmoid": as the expression language writes it
  int arity = 0;            // 0 leaf, 1, 2, or -1 for n-ary
  void (*forward)(Tape<T>&, index_t) = nullptr;
  void (*backward)(Tape<T>&, index_t) = nullptr;
  // Records the local partial derivatives of node i as new nodes, one per operand, appended to
  // `out` as node indices: what symbolic differentiation needs.
  void (*record_partials)(Tape<T>&, index_t, std::vector<index_t>& out) = nullptr;
  std::string_view latex;  // "\\sigma", "+"
  int precedence = 0;      // infix: 1 (+ -), 2 (* /), 3 (unary -), 4 (^); 0: written f(x)
  bool keeps = false;      // unary: forward keeps a number for backward (Tape::kept)
};

template <class T>
struct OpTable {
  std::vector<OpInfo<T>> ops;  // indexed by OpCode
  const OpInfo<T>& operator[](OpCode code) const { return ops[code]; }
  // Whole sweeps that know every op of the table at compile time (ops/sweep.hpp): one call per
  // sweep instead of one per node. Null: Tape sweeps node by node through `ops`.
  void (*forward_sweep)(Tape<T>&, index_t from) = nullptr;
  void (*backward_sweep)(Tape<T>&, index_t out) = nullptr;
};

// A named, contiguous run of nodes (a layer, a neuron), for pictures. Groups nest.
struct Group {
  index_t begin = 0, end = 0;  // [begin, end)
  std::string name;
  int parent = -1;  // index into groups(), -1 at top level
};

template <class T>
class Var;

template <class T>
class Tape {
 public:
  explicit Tape(const OpTable<T>& table) : table_(&table) {}

  // --- Leaves -------------------------------------------------------------------------------
  Var<T> parameter(std::string_view name, T value) {
    return leaf(Leaf::parameter, name, std::move(value));
  }
  Var<T> input(std::string_view name, T value) { return leaf(Leaf::input, name, std::move(value)); }
  Var<T> constant(T value) { return leaf(Leaf::constant, {}, std::move(value)); }

  // Sets a leaf's value; call forward() before reading results that depend on it.
  void set_value(index_t leaf_node, T v) {
    if (op_[leaf_node] >= first_op) throw std::logic_error("set_value: node is not a leaf");
    value_[leaf_node] = std::move(v);
  }

  // --- Recording (used by ops/) -------------------------------------------------------------
  Var<T> record(OpCode code, index_t a, index_t b = 0) {
    const Var<T> out = push_node(code, Links{a, b}, T(0), (*table_)[code].keeps);
    (*table_)[code].forward(*this, out.index());
    return out;
  }
  // Records a node whose value `compute(*this, i)` sets: the op is known to the caller, so its
  // forward step is inlined rather than called through the table (`keeps`: as OpInfo::keeps).
  template <class Compute>
  Var<T> record(OpCode code, Links l, bool keeps, Compute compute) {
    const Var<T> out = push_node(code, l, T(0), keeps);
    compute(*this, out.index());
    return out;
  }
  Var<T> record_nary(OpCode code, std::span<const index_t> args) {
    return record_nary(code, args.size(),
                       [&](index_t* out) { std::copy(args.begin(), args.end(), out); });
  }
  // Records an n-ary node whose `count` operands `fill(index_t* out)` writes in place; its value
  // is set by the table's forward step, or by `compute` as record(code, l, compute) does.
  template <class Fill>
  Var<T> record_nary(OpCode code, std::size_t count, Fill fill) {
    return record_nary(code, count, fill,
                       [code](Tape<T>& t, index_t i) { (*t.table_)[code].forward(t, i); });
  }
  template <class Fill, class Compute>
  Var<T> record_nary(OpCode code, std::size_t count, Fill fill, Compute compute) {
    if (args_.size() + count > max_index) throw std::length_error("tape: argument list full");
    Links l{static_cast<index_t>(args_.size()), static_cast<index_t>(count)};
    fill(args_.extend(count));
    return record(code, l, false, compute);
  }

  // --- Sweeps -------------------------------------------------------------------------------
  // Recomputes every node from the current leaf values (replay: no allocation). Nodes before
  // `from` cannot depend on a leaf at `from` or later, so a changed leaf replays from itself.
  // The gradients, which belonged to the old values, are cleared here: the next backward sweep
  // then starts at once (its first steps no longer wait behind the stores that clear them, and
  // clearing them among the forward sweep's exponentials costs next to nothing).
  void forward(index_t from = 0) {
    clear_gradients();
    on_placed_stack([&] {
      if (table_->forward_sweep)
        table_->forward_sweep(*this, from);
      else
        forward_nodes(from);
    });
  }

  // Gradients of `out` with respect to every node recorded before it. Gradients are reset
  // first (unless a forward sweep has just done it), so calling it twice gives the same numbers;
  // fan-out accumulates by `+=`.
  void backward(index_t out) {
    seed(out);
    on_placed_stack([&] {
      if (table_->backward_sweep)
        table_->backward_sweep(*this, out);
      else
        backward_nodes(out);
    });
  }

  // The same sweeps node by node, one call through the op table each.
  void forward_by_table(index_t from = 0) {
    clear_gradients();
    forward_nodes(from);
  }
  void backward_by_table(index_t out) {
    seed(out);
    backward_nodes(out);
  }

  // --- Groups -------------------------------------------------------------------------------
  // Nodes recorded between begin_group and end_group belong to the group.
  void begin_group(std::string_view name) {
    push_group(GroupRef{size(), size(), store_name(name), static_cast<std::uint32_t>(name.size()),
                        open_, nullptr, 0, 0});
  }
  // A group named by a literal and one or two numbers: ("layer ", 3) is "layer 3", ("neuron ", 3,
  // 2) is "neuron 3.2". The name is written out only when groups() is read: a graph rebuilt every
  // step then pays for no text that no drawing asks for (text built a character at a time and
  // copied at once costs more than all of a neuron's arithmetic).
  template <std::size_t N>
  void begin_group(const char (&prefix)[N], int first, int second = -1) {
    push_group(GroupRef{size(), size(), 0, 0, open_, prefix, first, second});
  }
  void end_group() {
    if (open_ < 0) [[unlikely]]
      throw_no_open_group();
    groups_[open_].end = size();
    open_ = groups_[open_].parent;
  }
  std::vector<Group> groups() const {
    std::vector<Group> out;
    for (const GroupRef& r : groups_) {
      std::string name;
      if (r.prefix) {
        name = r.prefix + std::to_string(r.first);
        if (r.second >= 0) name += '.' + std::to_string(r.second);
      } else {
        name = std::string_view(name_chars_).substr(r.name_begin, r.name_length);
      }
      out.push_back(Group{r.begin, r.end, std::move(name), r.parent});
    }
    return out;
  }

  // Names an inner node, as a program's `h1 = tanh(...)` does, for drawings and reports. A node
  // keeps its first name (a leaf keeps its own); returns whether this name was given.
  bool set_name(index_t i, std::string_view name) {
    if (i >= size() || name.empty()) throw std::invalid_argument("set_name: no such node or name");
    auto it = std::lower_bound(names_.begin(), names_.end(), i,
                               [](const NameRef& entry, index_t key) { return entry.node < key; });
    if (it != names_.end() && it->node == i) return false;
    // Names are usually given to the newest node, so this is nearly always an append.
    if (it != names_.end()) names_in_order_ = false;
    names_.insert(it, NameRef{i, store_name(name), static_cast<std::uint32_t>(name.size())});
    return true;
  }

  // --- Reading ------------------------------------------------------------------------------
  index_t size() const { return static_cast<index_t>(op_.size()); }
  const T& value(index_t i) const { return value_[i]; }
  const T& grad(index_t i) const { return grad_[i]; }
  OpCode op(index_t i) const { return op_[i]; }
  const OpInfo<T>& info(index_t i) const { return (*table_)[op_[i]]; }
  const OpTable<T>& table() const { return *table_; }
  bool is_leaf(index_t i) const { return op_[i] < first_op; }
  // The first node that is not a leaf (size() if there is none): every node before it is a
  // leaf, so sweeps start (and backward stops) there. Parameters and inputs usually come first.
  index_t first_inner() const { return first_inner_ < size() ? first_inner_ : size(); }
  // A leaf's name ("W2[1,1]", "x1"), or the name a program gave an inner node ("h1"); empty
  // otherwise.
  std::string_view name(index_t i) const {
    auto it = std::lower_bound(names_.begin(), names_.end(), i,
                               [](const NameRef& entry, index_t key) { return entry.node < key; });
    if (it == names_.end() || it->node != i) return {};
    return std::string_view(name_chars_).substr(it->begin, it->length);
  }
  std::span<const index_t> operands(index_t i) const {
    const int arity = info(i).arity;
    if (arity < 0) return {args_.data() + links_[i].a, links_[i].b};
    return {&links_[i].a, static_cast<std::size_t>(arity)};
  }
  // Every leaf of one kind, in creation order.
  std::vector<index_t> leaves(Leaf kind) const {
    std::vector<index_t> out;
    for (index_t i = 0; i < size(); ++i)
      if (op_[i] == kind) out.push_back(i);
    return out;
  }

  // Bytes held per node by the node arrays and the argument list (names and groups excluded).
  std::size_t node_bytes() const {
    return value_.size() * sizeof(T) + grad_.size() * sizeof(T) + op_.size() * sizeof(OpCode) +
           links_.size() * sizeof(Links) + args_.size() * sizeof(index_t) +
           kept_.size() * sizeof(T) + memo_.words.size() * sizeof(std::uint32_t);
  }

  void reserve(std::size_t nodes) {
    if (nodes <= capacity_) return;
    value_.reserve(nodes), grad_.reserve(nodes), op_.reserve(nodes), links_.reserve(nodes);
    capacity_ = nodes;
  }
  void clear() {
    value_.clear(), grad_.clear(), op_.clear(), links_.clear(), args_.clear(), kept_.clear();
    names_.clear(), name_chars_.clear(), groups_.clear(), open_ = -1, names_in_order_ = true;
    first_inner_ = no_node;
    ++shape_;
  }
  // Forgets every node from `n` on, with their names and groups: a graph rebuilt every step
  // keeps its parameters (its first n nodes) and records the rest afresh, allocating nothing
  // once its arrays have grown. No group may be open.
  void truncate(index_t n) {
    if (open_ >= 0) throw std::logic_error("truncate: a group is open");
    if (n >= size()) return;
    // Argument lists and kept slots are taken in node order: the first n-ary or keeping node
    // dropped holds the first entry to drop.
    bool args_found = false, kept_found = false;
    for (index_t i = n; i < size() && !(args_found && kept_found); ++i) {
      const OpInfo<T>& info = (*table_)[op_[i]];
      if (!args_found && info.arity < 0) args_.shrink(links_[i].a), args_found = true;
      if (!kept_found && info.keeps) kept_.shrink(links_[i].b), kept_found = true;
    }
    value_.shrink(n), grad_.shrink(n), op_.shrink(n), links_.shrink(n);
    ++shape_;
    names_.erase(
        std::lower_bound(names_.begin(), names_.end(), n,
                         [](const NameRef& entry, index_t key) { return entry.node < key; }),
        names_.end());
    groups_.erase(std::partition_point(groups_.begin(), groups_.end(),
                                       [n](const GroupRef& r) { return r.begin < n; }),
                  groups_.end());  // (groups are recorded in order of their first node)
    std::size_t chars = 0;
    if (names_in_order_) {  // then the last name's characters are the last names' characters
      if (!names_.empty()) chars = names_.back().begin + names_.back().length;
    } else {
      for (const NameRef& r : names_) chars = std::max<std::size_t>(chars, r.begin + r.length);
    }
    for (GroupRef& r : groups_) {
      r.end = std::min(r.end, n);
      chars = std::max<std::size_t>(chars, r.name_begin + r.name_length);
    }
    name_chars_.resize(chars);
    if (first_inner_ >= n) first_inner_ = no_node;
  }

  // --- What the op table's sweeps work out once about a graph's nodes ----------------------
  // The graph's shape changes when nodes are forgotten (truncate, clear) or recorded (size()).
  // The sweeps keep what they learn of one shape here (ops/sweep.hpp: where the runs of neurons
  // lie), to be read, not worked out again, while the shape stays: a graph replayed every step.
  struct SweepMemo {
    std::vector<std::uint32_t> words;
    std::uint64_t shape = 0;
    index_t size = 0;
    bool ready = false;
    // Whether the words were worked out for t as it is now.
    [[gnu::always_inline]] bool fits(const Tape& t) const {
      return ready && shape == t.shape() && size == t.size();
    }
    void made_for(const Tape& t) { shape = t.shape(), size = t.size(), ready = true; }
  };
  std::uint64_t shape() const { return shape_; }
  SweepMemo& sweep_memo() { return memo_; }

  // --- Raw access for op implementations (ops/contract.hpp) --------------------------------
  T* values() { return value_.data(); }
  T* grads() { return grad_.data(); }
  T* kept() { return kept_.data(); }
  const Links& links(index_t i) const { return links_[i]; }
  const Links* all_links() const { return links_.data(); }
  const OpCode* op_codes() const { return op_.data(); }
  const index_t* args() const { return args_.data(); }

 private:
  static constexpr std::size_t max_index = std::numeric_limits<index_t>::max();

  Var<T> leaf(Leaf kind, std::string_view name, T v) {
    if (name.empty() && kind != Leaf::constant)
      throw std::invalid_argument("a parameter or input needs a name");
    Var<T> out = push_node(kind, Links{}, std::move(v), false);
    if (!name.empty())
      names_.push_back(
          NameRef{out.index(), store_name(name), static_cast<std::uint32_t>(name.size())});
    return out;
  }
  // Runs f with its stack frame starting at a fixed place in its page, near its end: a sweep's
  // stack (what lives across a call to exp is saved there) then never shares its last 12 address
  // bits with a small graph's values and gradients, which lie in the first 2.5 KiB of their pages
  // (engine/column.hpp).
  // Where the stack happened to start, such a share made one process in three run its sweeps
  // about 1.5 times as long (measured with the environment's size moving the stack).
  template <class F>
  [[gnu::noinline]] static void on_placed_stack(F&& f) {
    const auto here = reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
    const std::size_t pad = (here - placed_frame) % page_alignment;
    char* room = static_cast<char*>(__builtin_alloca(pad));
    asm volatile("" : : "r"(room) : "memory");  // kept, though nothing reads it
    f();
  }
  // (the frames below it take the page's last 1.5 KiB, past the paper's graph's columns)
  static constexpr std::uintptr_t placed_frame = 4096 - 64;
  void forward_nodes(index_t from) {
    const index_t n = size();
    for (index_t i = from; i < n; ++i) {
      if (op_[i] >= first_op) (*table_)[op_[i]].forward(*this, i);
    }
  }
  void backward_nodes(index_t out) {
    for (index_t i = out + 1; i-- > 0;) {
      if (op_[i] >= first_op) (*table_)[op_[i]].backward(*this, i);
    }
  }
  // Every gradient 0, and noted so: a backward sweep before any other writes them need not.
  void clear_gradients() {
    zero_gradients(grad_.data(), size());
    gradients_clear_ = true;
  }
  // Gradients 0 but that of out, 1: what a backward sweep starts from.
  void seed(index_t out) {
    if (out >= size()) throw std::out_of_range("backward: no such node");
    if (!gradients_clear_) zero_gradients(grad_.data(), out + 1);
    gradients_clear_ = false;
    grad_[out] = T(1);
  }
  [[noreturn, gnu::noinline, gnu::cold]] static void throw_no_open_group() {
    throw std::logic_error("end_group without begin_group");
  }
  std::uint32_t store_name(std::string_view name) {
    const auto begin = static_cast<std::uint32_t>(name_chars_.size());
    name_chars_.append(name);
    return begin;
  }
  // Inlined where a node is recorded: with `keeps` known there, recording costs a few stores.
  [[gnu::always_inline]] Var<T> push_node(OpCode code, Links l, T v, bool keeps) {
    if (op_.size() >= max_index) throw std::length_error("tape: too many nodes");
    if (op_.size() == capacity_) [[unlikely]]
      grow();
    if (keeps) {
      l.b = static_cast<index_t>(kept_.size());
      kept_.append_grown();
    }
    if (code >= first_op && first_inner_ == no_node) first_inner_ = size();
    value_.append(std::move(v));
    grad_.append(0);
    links_.append(l);
    op_.append(code);  // last: a byte's store may alias anything, so what follows it is reloaded
    return Var<T>(*this, size() - 1);
  }

  const OpTable<T>* table_;
  [[gnu::noinline]] void grow() { reserve(std::max<std::size_t>(64, 2 * capacity_)); }

  // The node arrays, grown together to capacity_ nodes, each at its own place in its page (a
  // graph of up to 64 nodes in double has them all apart, and apart from the sweeps' stack).
  Column<T> value_{0}, grad_{512};
  Column<OpCode> op_{2048};
  Column<Links> links_{1024};
  std::size_t capacity_ = 0;
  Column<index_t> args_{1536};  // n-ary nodes' operands
  Column<T> kept_{2304};        // what keeping nodes' forward steps left for their backward steps
  // Leaf names, by node index, their characters in one string (no allocation per name).
  struct NameRef {
    index_t node;
    std::uint32_t begin, length;
  };
  std::vector<NameRef> names_;
  std::string name_chars_;
  bool names_in_order_ = true;  // every name was stored after those of older nodes
  struct GroupRef {
    index_t begin, end;
    std::uint32_t name_begin, name_length;  // the name's characters, if not prefix
    int parent;
    const char* prefix;  // a literal, or null
    int first, second;   // the numbers after prefix; second < 0: none
  };
  std::vector<GroupRef> groups_;
  void push_group(const GroupRef& r) {
    groups_.push_back(r);
    open_ = static_cast<int>(groups_.size()) - 1;
  }
  int open_ = -1;
  static constexpr index_t no_node = std::numeric_limits<index_t>::max();
  index_t first_inner_ = no_node;
  bool gradients_clear_ = false;  // every gradient is 0 (a forward sweep cleared them)
  std::uint64_t shape_ = 0;
  SweepMemo memo_;
};

}  // namespace dlmath
