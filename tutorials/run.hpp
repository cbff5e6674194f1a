// Running chapters in a terminal: one, or all in order.
#pragma once

#include <iosfwd>

#include "tutorials/chapters.hpp"
#include "tutorials/render_terminal.hpp"

namespace dlmath::tutorials {

// Runs chapter `number` (0: all). Returns the number of pictures written. Throws CheckFailed
// when a key number is wrong; stops quietly when the learner types q.
int run_chapters(int number, std::ostream& out, std::istream& in, const LessonOptions& options);

}  // namespace dlmath::tutorials
