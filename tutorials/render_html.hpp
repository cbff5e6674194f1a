// Lessons as HTML: the blocks of a chapter become the body of a web page, pictures inline as SVG
// (drawn in memory), formulas as TeX for KaTeX, interactive figures as placeholders the page's
// script fills in.
#pragma once

#include <string>

#include "tutorials/lesson.hpp"

namespace dlmath::tutorials {

// Text made safe inside HTML elements and attribute values.
std::string html_escape(const std::string& text);

class HtmlRenderer : public Renderer {
 public:
  void block(const Block& b) override;
  void picture(const Block& b, const Picture& p) override;

  // The HTML so far (an open table is closed).
  std::string html();
  int pictures() const { return pictures_; }

 private:
  void end_table();

  std::string html_;
  bool in_table_ = false;
  int pictures_ = 0;
};

// Chapter `number` (1-9) as an HTML fragment; throws std::out_of_range for another number.
std::string chapter_html(int number);

}  // namespace dlmath::tutorials
