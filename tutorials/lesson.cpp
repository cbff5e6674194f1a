#include "tutorials/lesson.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

namespace dlmath::tutorials {

Lesson::Lesson(std::ostream& out, std::istream& in, LessonOptions options)
    : out_(out), in_(in), options_(std::move(options)) {}

void Lesson::heading(int chapter, const std::string& title) {
  const std::string text = "Chapter " + std::to_string(chapter) + ". " + title;
  out_ << "\n" << text << "\n" << std::string(text.size(), '=') << "\n\n";
}

void Lesson::say(const std::string& text) {
  std::istringstream words(text);
  std::string word, current;
  while (words >> word) {
    if (!current.empty() && current.size() + 1 + word.size() > 78) {
      out_ << current << "\n";
      current.clear();
    }
    current += (current.empty() ? "" : " ") + word;
  }
  if (!current.empty()) out_ << current << "\n";
  out_ << "\n";
}

void Lesson::line(const std::string& text) {
  out_ << text << "\n";
}

void Lesson::show(const std::string& name, const std::string& value) {
  out_ << "    " << name << " = " << value << "\n";
}

void Lesson::check(bool ok, const std::string& what) {
  ++checks_;
  if (!ok) throw CheckFailed("check failed: " + what);
}

void Lesson::check_close(double value, double expected, double relative, const std::string& what) {
  const double scale = std::max(std::abs(value), std::abs(expected));
  check(std::abs(value - expected) <= relative * (scale > 0 ? scale : 1),
        what + " (" + num(value, 17) + " against " + num(expected, 17) + ")");
}

void Lesson::picture(const std::string& file, const std::string& caption,
                     const std::function<void(const std::string&)>& draw) {
  std::filesystem::create_directories(options_.picture_dir);
  const std::string path = (std::filesystem::path(options_.picture_dir) / file).string();
  draw(path);
  pictures_.push_back(path);
  out_ << "    [picture] " << caption << ": " << path << "\n\n";
}

void Lesson::pause() {
  if (!options_.pause) return;
  out_ << "    -- Enter to go on, q to stop -- " << std::flush;
  std::string answer;
  if (!std::getline(in_, answer) || answer == "q" || answer == "Q") throw Stop{};
  out_ << "\n";
}

std::string num(double x, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", digits, x);
  return buf;
}

}  // namespace dlmath::tutorials
