// The lesson toolkit the chapters are written with: say text, show a computed number, check a
// key number, draw a picture, pause. A chapter reads like a script; its I/O lives here.
#pragma once

#include <functional>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

namespace dlmath::tutorials {

// A key number was not what the mathematics says it must be.
struct CheckFailed : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// The learner typed q at a pause.
struct Stop {};

struct LessonOptions {
  bool pause = false;  // wait for Enter between steps
  std::string picture_dir = "dlmath-pictures";
};

class Lesson {
 public:
  Lesson(std::ostream& out, std::istream& in, LessonOptions options);

  void heading(int chapter, const std::string& title);
  // A paragraph, wrapped to the terminal's usual 80 columns.
  void say(const std::string& text);
  // A line as it is, e.g. a table row or a formula.
  void line(const std::string& text = "");
  // "  name = value"
  void show(const std::string& name, const std::string& value);
  // A key number: stops the chapter with an error when `ok` is false.
  void check(bool ok, const std::string& what);
  void check_close(double value, double expected, double relative, const std::string& what);
  // Draws a picture with `draw(path)` into the picture directory and says where it is.
  void picture(const std::string& file, const std::string& caption,
               const std::function<void(const std::string&)>& draw);
  // Between steps: waits for Enter (q stops) when pausing, else goes straight on.
  void pause();

  const std::vector<std::string>& pictures() const { return pictures_; }
  int checks() const { return checks_; }

 private:
  std::ostream& out_;
  std::istream& in_;
  LessonOptions options_;
  std::vector<std::string> pictures_;
  int checks_ = 0;
};

// Numbers for text: "%.*g".
std::string num(double x, int digits = 6);

}  // namespace dlmath::tutorials
