// The op registry: every op of ops/list.hpp, its file included here, and what is known of each
// without its types (name, symbol, arity, precedence, ...) as one constexpr table. The op table,
// the sweeps, the expression language (parser, recorder), the printer and the docs' table of
// functions are all made from it, so an op's own file is the only place that describes it.
#pragma once

#include <array>
#include <span>
#include <stdexcept>
#include <string_view>

#include "ops/contract.hpp"
#include "ops/include_ops.hpp"  // every op's file, from its line in ops/list.hpp
#include "ops/list.hpp"

namespace dlmath {

// One op as the expression language, the printer and the docs see it.
struct OpEntry {
  OpCode code = 0;
  std::string_view name, symbol, latex, about;
  int arity = 0;       // 1, 2, or -1 for n operands (not written in the language)
  int precedence = 0;  // operators: binding strength; 0: written f(x)
  Associativity associativity = Associativity::left;
  std::string_view call;      // an operator also written as a function ("pow"), or empty
  int constant_operand = -1;  // the operand that is always a constant, or -1
  // For the algebra (ops/reading.hpp): how it reads the op, and a function's facts.
  Reading reading;
  Parity parity = Parity::none;
  std::span<const ExactPoint> exact;  // points where the value is rational
  bool exact_on_rationals = false;    // value(r) is rational at every rational r
  OpCode inverse = 0;                 // f(inverse(u)) = u; 0: none
  Role role = Role::none;             // its part in an identity between two functions

  // Written as an operator character (not one a name is made of): prefix (arity 1) or infix
  // (arity 2).
  constexpr bool is_operator() const {
    if (symbol.size() != 1) return false;
    const char c = symbol[0];
    return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == '_');
  }
  // Written as f(x) or f(a, b) in the language, under `symbol` or `call`.
  constexpr bool is_function() const { return arity > 0 && !is_operator(); }
  constexpr bool in_language() const { return arity > 0; }
};

template <class Op>
constexpr OpEntry entry_of() {
  OpEntry e;
  e.code = Op::code;
  e.name = Op::name;
  e.symbol = Op::symbol;
  e.latex = Op::latex;
  e.about = Op::about;
  e.arity = arity_of<Op>;
  e.precedence = Op::precedence;
  if constexpr (requires { Op::associativity; }) e.associativity = Op::associativity;
  if constexpr (requires { Op::call; }) e.call = Op::call;
  if constexpr (requires { Op::constant_operand; }) e.constant_operand = Op::constant_operand;
  if constexpr (requires { Op::reading; }) e.reading = Op::reading;
  if constexpr (requires { Op::parity; }) e.parity = Op::parity;
  if constexpr (requires { Op::exact; }) e.exact = Op::exact;
  if constexpr (requires { Op::exact_on_rationals; }) e.exact_on_rationals = Op::exact_on_rationals;
  if constexpr (requires { typename Op::inverse; }) e.inverse = code_of<typename Op::inverse>;
  if constexpr (requires { Op::role; }) e.role = Op::role;
  return e;
}

template <class... Ops>
constexpr std::array<OpEntry, sizeof...(Ops)> entries_of(OpList<Ops...>) {
  return {entry_of<Ops>()...};
}

// Every registered op, in code order: op_entries[k].code == first_op + k.
inline constexpr auto op_entries = entries_of(RegisteredOps{});

// The entry of a registered op's code (a leaf kind has none).
constexpr const OpEntry& op_entry(OpCode code) {
  if (code < first_op) throw std::logic_error("op_entry: a leaf kind is no op");
  return op_entries[code - first_op];
}

// The op that plays `role` in the algebra's identities; 0 (no op's code) if none does.
constexpr OpCode op_in_role(Role role) {
  for (const OpEntry& e : op_entries)
    if (e.role == role && role != Role::none) return e.code;
  return 0;
}

// The first op the algebra reads as `shape` (with `sign`, for a sum or a product; 0: either).
constexpr const OpEntry& op_read_as(Reading::Shape shape, int sign = 0) {
  for (const OpEntry& e : op_entries)
    if (e.reading.shape == shape && (sign == 0 || e.reading.sign == sign)) return e;
  throw std::logic_error("no op is read so");
}

namespace registry_checks {
template <class... Ops>
constexpr bool listed_once(OpList<Ops...> list) {
  int k = 0;
  return ((place_in<Ops>(list) == k++) && ...);
}
static_assert(listed_once(RegisteredOps{}), "an op is listed twice in ops/list.hpp");
constexpr bool well_formed() {
  for (const OpEntry& e : op_entries) {
    if (e.symbol.empty() || e.name.empty() || e.latex.empty() || e.about.empty()) return false;
    if (e.is_function() && (e.precedence != 0 || !e.call.empty())) return false;
    if (e.is_operator() && e.in_language() && e.precedence <= 0) return false;
    // A name or an operator means one thing: only ops that share it with a constant-operand
    // twin (pow, PowConst) may be written alike.
    for (const OpEntry& f : op_entries) {
      if (&e == &f || !e.in_language() || !f.in_language() || e.arity != f.arity) continue;
      const bool same = e.symbol == f.symbol || (!e.call.empty() && e.call == f.call);
      const bool twins = (e.constant_operand < 0) != (f.constant_operand < 0) &&
                         e.precedence == f.precedence && e.associativity == f.associativity;
      if (same && !twins) return false;
    }
  }
  return true;
}
// The printers bind by these: every op read as a sum binds as tightly as every other, and so on.
constexpr bool readings_agree() {
  for (const OpEntry& e : op_entries)
    for (const OpEntry& f : op_entries)
      if (e.reading.shape == f.reading.shape && e.reading.shape != Reading::call &&
          e.is_operator() && f.is_operator() && e.precedence != f.precedence)
        return false;
  return true;
}
static_assert(readings_agree(), "ops read alike (a + b, a - b) bind alike");
constexpr bool roles_played_once() {
  for (const OpEntry& e : op_entries)
    for (const OpEntry& f : op_entries)
      if (&e != &f && e.role != Role::none && e.role == f.role) return false;
  return true;
}
static_assert(roles_played_once(), "two ops play one part in the algebra's identities");
static_assert(well_formed(),
              "every op needs a name, symbol, latex and about; a function has precedence 0; "
              "no two ops are written alike");
}  // namespace registry_checks

// The op the language writes as `symbol` (an operator character, a function's name, or an
// operator's `call` name) with `arity` operands. Where an op with a constant operand shares it
// (x^2 and x^y), `constant` says whether that operand is written as a number. Null if none.
constexpr const OpEntry* op_written(std::string_view symbol, int arity, bool constant = false) {
  const OpEntry* found = nullptr;
  for (const OpEntry& e : op_entries) {
    if (!e.in_language() || e.arity != arity || (e.symbol != symbol && e.call != symbol)) continue;
    if (!found || (e.constant_operand >= 0) == constant) found = &e;
  }
  return found;
}

// The language's functions: f(x) for each function op, and the calls of operators (pow(a, b)).
// 0 for a name that is none.
constexpr int function_arity_of(std::string_view name) {
  for (const OpEntry& e : op_entries)
    if (e.in_language() && ((e.is_function() && e.symbol == name) || e.call == name))
      return e.arity;
  return 0;
}

// The prefix or infix operator written as `c`, or null.
constexpr const OpEntry* operator_written(char c, int arity) {
  for (const OpEntry& e : op_entries)
    if (e.in_language() && e.is_operator() && e.arity == arity && e.symbol[0] == c) return &e;
  return nullptr;
}

}  // namespace dlmath
