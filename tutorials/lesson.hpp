// The lesson toolkit the chapters are written with: say text, show a computed number, write a
// formula, check a key number, draw a picture, pause. A chapter reads like a script and emits
// blocks; a renderer turns them into a terminal session (render_terminal.cpp) or a web page
// (render_html.cpp). One chapter program, two media.
#pragma once

#include <functional>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

#include "visual/graph/drawing.hpp"

namespace dlmath::tutorials {

// A key number was not what the mathematics says it must be.
struct CheckFailed : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// The learner typed q at a pause.
struct Stop {};

// A picture, drawn on demand by the renderer: a PLplot figure (`plot` draws to the path it is
// given, whose extension picks the format) or a Graphviz drawing.
struct Picture {
  std::function<void(const std::string&)> plot;
  visual::Drawing drawing;
};

// What a chapter emits, in order.
struct Block {
  enum class Kind { heading, text, table, formula, value, picture, check, figure, pause };
  Kind kind = Kind::text;
  std::string text;   // heading: the title; text: a paragraph; table: a row; formula: plain text;
                      // value: the name; picture: the caption; check: what held; figure: its id
  std::string value;  // value: the number; formula: TeX; picture: the file name
  int number = 0;     // heading: the chapter
};

class Renderer {
 public:
  virtual ~Renderer() = default;
  virtual void block(const Block& b) = 0;
  // Draws a picture block's picture (the block's value names the file).
  virtual void picture(const Block& b, const Picture& p) = 0;
};

class Lesson {
 public:
  explicit Lesson(Renderer& to) : to_(to) {}

  void heading(int chapter, const std::string& title);
  // A paragraph (the terminal wraps it to 78 columns).
  void say(const std::string& text);
  // A row of a table, kept as it is (fixed columns); "" ends the table.
  void line(const std::string& text = "");
  // A displayed formula: as plain text for the terminal, as TeX for the page.
  void formula(const std::string& plain, const std::string& tex);
  // "  name = value"
  void show(const std::string& name, const std::string& value);
  // A key number: stops the chapter with an error when `ok` is false.
  void check(bool ok, const std::string& what);
  void check_close(double value, double expected, double relative, const std::string& what);
  // A PLplot figure, `draw(path)`; the terminal writes `file`, the page shows it inline.
  void picture(const std::string& file, const std::string& caption,
               const std::function<void(const std::string&)>& draw);
  // A Graphviz drawing, likewise.
  void picture(const std::string& file, const std::string& caption, visual::Drawing drawing);
  // An interactive figure of the web page (the terminal skips it), by its id.
  void figure(const std::string& id);
  // Between steps: the terminal waits for a key (q stops) before the next block, if any.
  void pause();

  int checks() const { return checks_; }

 private:
  Renderer& to_;
  int checks_ = 0;
};

// Numbers for text: "%.*g".
std::string num(double x, int digits = 6);

}  // namespace dlmath::tutorials
