#include "tutorials/lesson.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace dlmath::tutorials {

void Lesson::heading(int chapter, const std::string& title) {
  to_.block({Block::Kind::heading, title, "", chapter});
}

void Lesson::say(const std::string& text) {
  to_.block({Block::Kind::text, text, "", 0});
}

void Lesson::line(const std::string& text) {
  to_.block({Block::Kind::table, text, "", 0});
}

void Lesson::formula(const std::string& plain, const std::string& tex) {
  to_.block({Block::Kind::formula, plain, tex, 0});
}

void Lesson::show(const std::string& name, const std::string& value) {
  to_.block({Block::Kind::value, name, value, 0});
}

void Lesson::check(bool ok, const std::string& what) {
  ++checks_;
  if (!ok) throw CheckFailed("check failed: " + what);
  to_.block({Block::Kind::check, what, "", 0});
}

void Lesson::check_close(double value, double expected, double relative, const std::string& what) {
  const double scale = std::max(std::abs(value), std::abs(expected));
  check(std::abs(value - expected) <= relative * (scale > 0 ? scale : 1),
        what + " (" + num(value, 17) + " against " + num(expected, 17) + ")");
}

void Lesson::picture(const std::string& file, const std::string& caption,
                     const std::function<void(const std::string&)>& draw) {
  to_.picture({Block::Kind::picture, caption, file, 0}, Picture{draw, {}});
}

void Lesson::picture(const std::string& file, const std::string& caption, visual::Drawing drawing) {
  to_.picture({Block::Kind::picture, caption, file, 0}, Picture{nullptr, std::move(drawing)});
}

void Lesson::figure(const std::string& id) {
  to_.block({Block::Kind::figure, id, "", 0});
}

void Lesson::pause() {
  to_.block({Block::Kind::pause, "", "", 0});
}

std::string num(double x, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", digits, x);
  return buf;
}

}  // namespace dlmath::tutorials
