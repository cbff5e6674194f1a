// Lessons in a terminal: text wrapped to 78 columns, pictures written as files, pauses that wait
// for one key.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "tutorials/lesson.hpp"

namespace dlmath::tutorials {

struct LessonOptions {
  bool pause = false;       // wait for a key between steps
  bool single_key = false;  // stdin is a terminal: read one key without Enter
  std::string picture_dir = "dlmath-pictures";
};

class TerminalRenderer : public Renderer {
 public:
  TerminalRenderer(std::ostream& out, std::istream& in, LessonOptions options);
  void block(const Block& b) override;
  void picture(const Block& b, const Picture& p) override;

  const std::vector<std::string>& pictures() const { return pictures_; }

 private:
  // A pause waits only when something follows it: a chapter's last pause never stops the run.
  void wait_if_paused();

  std::ostream& out_;
  std::istream& in_;
  LessonOptions options_;
  std::vector<std::string> pictures_;
  bool paused_ = false;
};

}  // namespace dlmath::tutorials
