// The parser: a lexer and an operator-precedence (shunting-yard) parser with explicit stacks,
// so deeply nested input costs heap memory, never call-stack depth.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

#include "engine/decimal.hpp"
#include "ops/registry.hpp"
#include "symbolic/syntax.hpp"

namespace dlmath::symbolic {

// The functions, operators, precedences and associativity are the op registry's.
int function_arity(std::string_view name) {
  return function_arity_of(name);
}

std::string SyntaxError::formatted(std::string_view source) const {
  std::size_t start = 0;
  for (int l = 1; l < line_ && start < source.size(); ++l) {
    const auto nl = source.find('\n', start);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  auto end = source.find('\n', start);
  if (end == std::string_view::npos) end = source.size();
  std::string text(source.substr(start, end - start));
  // A long line is shown as a window around the column, so the caret still points at the place.
  std::size_t caret = std::min<std::size_t>(static_cast<std::size_t>(column_ - 1), text.size());
  if (text.size() > 120) {
    const std::size_t from = caret > 60 ? caret - 60 : 0;
    const bool cut_left = from > 0, cut_right = from + 120 < text.size();
    text = (cut_left ? "..." : "") + text.substr(from, 120) + (cut_right ? "..." : "");
    caret = caret - from + (cut_left ? 3 : 0);
  }
  return what() + std::string("\n") + text + "\n" + std::string(caret, ' ') + "^";
}

namespace {

struct Token {
  enum Kind { number, name, op, open, close, comma, assign, separator, end } kind;
  std::string text;
  int line, column;
};

std::string describe(const Token& t) {
  switch (t.kind) {
    case Token::separator:
      return t.text == ";" ? "';'" : "the end of the line";
    case Token::end:
      return "the end of the program";
    case Token::number:
      return "the number " + t.text;
    case Token::name:
      return "the name '" + t.text + "'";
    default:
      return "'" + t.text + "'";
  }
}

std::vector<Token> lex(std::string_view s) {
  std::vector<Token> out;
  int line = 1, column = 1;
  std::size_t i = 0;
  auto advance = [&](std::size_t n) {
    i += n;
    column += static_cast<int>(n);
  };
  while (i < s.size()) {
    const char c = s[i];
    if (c == '\n') {
      out.push_back({Token::separator, "\n", line, column});
      ++i, ++line, column = 1;
    } else if (c == ' ' || c == '\t' || c == '\r') {
      advance(1);
    } else if (c == '#') {
      while (i < s.size() && s[i] != '\n') advance(1);
    } else if (std::isdigit(static_cast<unsigned char>(c)) ||
               (c == '.' && i + 1 < s.size() &&
                std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
      std::size_t j = i;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      if (j < s.size() && s[j] == '.') {
        ++j;
        while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      }
      if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
        std::size_t k = j + 1;
        if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
        if (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) {
          while (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) ++k;
          j = k;
        } else {
          throw SyntaxError(line, column + static_cast<int>(k - i),
                            "expected digits in the exponent of a number");
        }
      }
      std::string text(s.substr(i, j - i));
      try {
        check_decimal(text);  // the digit and exponent limits, before any reader sees it
      } catch (const std::invalid_argument& e) {
        throw SyntaxError(line, column, e.what());
      }
      out.push_back({Token::number, std::move(text), line, column});
      advance(j - i);
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      std::size_t j = i;
      while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) ++j;
      out.push_back({Token::name, std::string(s.substr(i, j - i)), line, column});
      advance(j - i);
    } else {
      Token::Kind k;
      switch (c) {
        case '(':
          k = Token::open;
          break;
        case ')':
          k = Token::close;
          break;
        case ',':
          k = Token::comma;
          break;
        case '=':
          k = Token::assign;
          break;
        case ';':
          k = Token::separator;
          break;
        default: {
          if (operator_written(c, 2) || operator_written(c, 1)) {
            k = Token::op;
            break;
          }
          std::string shown =
              std::isprint(static_cast<unsigned char>(c)) ? std::string(1, c) : "\\x" + [&] {
                char buf[3];
                std::snprintf(buf, sizeof buf, "%02x", static_cast<unsigned char>(c));
                return std::string(buf);
              }();
          throw SyntaxError(line, column, "unexpected character '" + shown + "'");
        }
      }
      out.push_back({k, std::string(1, c), line, column});
      advance(1);
    }
  }
  out.push_back({Token::end, "", line, column});
  return out;
}

// Unary plus binds as unary minus does.
constexpr int prefix_precedence = operator_written('-', 1)->precedence;

// Of a pending operator: an infix one, 'u' (unary minus) or 'p' (unary plus).
int precedence(char op) {
  if (op == 'u' || op == 'p') return prefix_precedence;
  const OpEntry* e = operator_written(op, 2);
  return e ? e->precedence : 0;
}

bool right_associative(char op) {
  const OpEntry* e = operator_written(op, 2);
  return e && e->associativity == Associativity::right;
}

// One expression, from tokens[pos] to the statement's end.
class ExpressionParser {
 public:
  ExpressionParser(const std::vector<Token>& t, std::size_t& pos, Program& p)
      : t_(t), pos_(pos), p_(p) {}

  int parse() {
    bool want_operand = true;
    const Token* last = nullptr;
    for (;; ++pos_) {
      const Token& tok = t_[pos_];
      if (want_operand) {
        if (tok.kind == Token::number) {
          operands_.push_back(add({SyntaxNode::number, tok.text, 0, -1, -1, tok.line, tok.column}));
          want_operand = false;
        } else if (tok.kind == Token::name) {
          const int arity = function_arity(tok.text);
          if (t_[pos_ + 1].kind == Token::open) {
            if (arity == 0)
              throw SyntaxError(tok.line, tok.column, "unknown function '" + tok.text + "'");
            ++pos_;
            ops_.push_back({'f', tok, static_cast<int>(operands_.size()), 1});
          } else {
            if (arity != 0)
              throw SyntaxError(tok.line, tok.column,
                                "'" + tok.text + "' is a function: write " + tok.text + "(...)");
            operands_.push_back(add({SyntaxNode::name, tok.text, 0, -1, -1, tok.line, tok.column}));
            want_operand = false;
          }
        } else if (tok.kind == Token::open) {
          ops_.push_back({'(', tok, 0, 0});
        } else if (tok.kind == Token::op && (tok.text == "-" || tok.text == "+")) {
          ops_.push_back({tok.text == "-" ? 'u' : 'p', tok, 0, 0});
        } else {
          // f(): said as a call with too few arguments, as f(x, y) is one with too many.
          if (tok.kind == Token::close && !ops_.empty() && ops_.back().op == 'f' &&
              ops_.back().args == 1 && ops_.back().first == static_cast<int>(operands_.size()))
            throw_arguments(ops_.back().token, 0);
          if (last)
            throw SyntaxError(
                tok.line, tok.column,
                "expected an expression after " + describe(*last) + ", found " + describe(tok));
          throw SyntaxError(tok.line, tok.column, "expected an expression, found " + describe(tok));
        }
      } else {
        if (tok.kind == Token::op) {
          const char op = tok.text[0];
          reduce_while([&](char top) {
            const int pt = precedence(top), pn = precedence(op);
            return pt > pn || (pt == pn && !right_associative(op));
          });
          ops_.push_back({op, tok, 0, 0});
          want_operand = true;
        } else if (tok.kind == Token::close) {
          reduce_while([](char top) { return top != '(' && top != 'f'; });
          if (ops_.empty())
            throw SyntaxError(tok.line, tok.column, "unexpected ')' with no '(' to close");
          close_group(tok);
        } else if (tok.kind == Token::comma) {
          reduce_while([](char top) { return top != '(' && top != 'f'; });
          if (ops_.empty() || ops_.back().op != 'f')
            throw SyntaxError(tok.line, tok.column,
                              "unexpected ',' outside a function's arguments");
          ++ops_.back().args;
          want_operand = true;
        } else if (tok.kind == Token::separator || tok.kind == Token::end) {
          reduce_while([](char top) { return top != '(' && top != 'f'; });
          if (!ops_.empty()) {
            const Token& open = ops_.back().token;
            throw SyntaxError(tok.line, tok.column,
                              "expected ')' to close the '(' at " + std::to_string(open.line) +
                                  ":" + std::to_string(open.column) + ", found " + describe(tok));
          }
          return operands_.back();
        } else {
          throw SyntaxError(
              tok.line, tok.column,
              "expected an operator or the end of the statement, found " + describe(tok));
        }
      }
      last = &tok;
    }
  }

 private:
  struct Pending {
    char op;  // + - * / ^, 'u' unary minus, 'p' unary plus, '(' group, 'f' function call
    Token token;
    int first = 0;  // 'f': operand count when the call opened
    int args = 0;
  };

  int add(SyntaxNode n) {
    p_.nodes.push_back(std::move(n));
    return static_cast<int>(p_.nodes.size()) - 1;
  }

  template <class While>
  void reduce_while(While keep_going) {
    while (!ops_.empty() && keep_going(ops_.back().op)) {
      const Pending top = ops_.back();
      ops_.pop_back();
      if (top.op == 'u' || top.op == 'p') {
        const int x = operands_.back();
        operands_.back() = add({top.op == 'u' ? SyntaxNode::negate : SyntaxNode::plus,
                                top.token.text, 0, x, -1, top.token.line, top.token.column});
      } else {
        const int b = operands_.back();
        operands_.pop_back();
        const int a = operands_.back();
        operands_.back() = add(
            {SyntaxNode::binary, top.token.text, top.op, a, b, top.token.line, top.token.column});
      }
    }
  }

  [[noreturn]] static void throw_arguments(const Token& function, int found) {
    const int arity = function_arity(function.text);
    throw SyntaxError(function.line, function.column,
                      "'" + function.text + "' takes " + std::to_string(arity) + " argument" +
                          (arity == 1 ? "" : "s") + ", found " + std::to_string(found));
  }

  void close_group(const Token& close) {
    const Pending top = ops_.back();
    ops_.pop_back();
    if (top.op == '(') return;
    // A function call: its arguments are the operands pushed since it opened.
    const int given = static_cast<int>(operands_.size()) - top.first;
    const int arity = function_arity(top.token.text);
    if (given != arity || top.args != arity) throw_arguments(top.token, std::max(given, top.args));
    SyntaxNode n{SyntaxNode::call, top.token.text, 0, -1, -1, top.token.line, top.token.column};
    if (arity == 2) {
      n.b = operands_.back();
      operands_.pop_back();
    }
    n.a = operands_.back();
    operands_.back() = add(std::move(n));
    (void)close;
  }

  const std::vector<Token>& t_;
  std::size_t& pos_;
  Program& p_;
  std::vector<int> operands_;
  std::vector<Pending> ops_;
};

}  // namespace

Program parse(std::string_view source) {
  return parse(source, [](const std::string&) { return false; });
}

Program parse(std::string_view source, const std::function<bool(const std::string&)>& defined) {
  const std::vector<Token> t = lex(source);
  Program p;
  std::size_t pos = 0;
  while (t[pos].kind != Token::end) {
    if (t[pos].kind == Token::separator) {
      ++pos;
      continue;
    }
    Statement s;
    s.line = t[pos].line;
    s.column = t[pos].column;
    if (t[pos].kind == Token::name && t[pos + 1].kind == Token::assign) {
      if (function_arity(t[pos].text) != 0)
        throw SyntaxError(t[pos].line, t[pos].column,
                          "cannot assign to '" + t[pos].text + "': it is a function");
      if (is_named_constant(t[pos].text))
        throw SyntaxError(t[pos].line, t[pos].column,
                          "cannot assign to '" + t[pos].text + "': it is a constant");
      s.target = t[pos].text;
      pos += 2;
    }
    s.root = ExpressionParser(t, pos, p).parse();
    p.statements.push_back(std::move(s));
  }
  if (p.statements.empty())
    throw SyntaxError(t.back().line, t.back().column, "the program has no expression");

  // Inputs: names read but never assigned. A name read before its first assignment is an error.
  std::set<std::string> assigned_anywhere, assigned_so_far, seen_input;
  for (const auto& s : p.statements)
    if (!s.target.empty()) assigned_anywhere.insert(s.target);
  std::size_t next =
      0;  // nodes of statement k are those created before its root, after the previous
  for (const auto& s : p.statements) {
    for (; next <= static_cast<std::size_t>(s.root); ++next) {
      const SyntaxNode& n = p.nodes[next];
      if (n.kind != SyntaxNode::name || assigned_so_far.count(n.text) || is_named_constant(n.text))
        continue;
      if (assigned_anywhere.count(n.text) && !defined(n.text))
        throw SyntaxError(n.line, n.column, "'" + n.text + "' is used before it is assigned");
      if (seen_input.insert(n.text).second) p.inputs.push_back(n.text);
    }
    if (!s.target.empty()) assigned_so_far.insert(s.target);
  }
  return p;
}

std::string to_text(const Program& p, int root) {
  // Children come before parents, so one pass over [0, root] builds every subtree's text.
  std::vector<std::string> text(static_cast<std::size_t>(root) + 1);
  for (int i = 0; i <= root; ++i) {
    const SyntaxNode& n = p.nodes[i];
    switch (n.kind) {
      case SyntaxNode::number:
      case SyntaxNode::name:
        text[i] = n.text;
        break;
      case SyntaxNode::negate:
        text[i] = "(-" + text[n.a] + ")";
        break;
      case SyntaxNode::plus:
        text[i] = "(+" + text[n.a] + ")";
        break;
      case SyntaxNode::binary:
        text[i] = "(" + text[n.a] + " " + n.op + " " + text[n.b] + ")";
        break;
      case SyntaxNode::call:
        text[i] = n.text + "(" + text[n.a] + (n.b >= 0 ? ", " + text[n.b] : "") + ")";
        break;
    }
    // Free what no parent needs any more: each node has one parent.
    if (n.a >= 0) std::string().swap(text[n.a]);
    if (n.b >= 0) std::string().swap(text[n.b]);
  }
  return text[root];
}

}  // namespace dlmath::symbolic
