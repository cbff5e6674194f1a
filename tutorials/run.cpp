#include "tutorials/run.hpp"

#include <ostream>

namespace dlmath::tutorials {

int run_chapters(int number, std::ostream& out, std::istream& in, const LessonOptions& options) {
  TerminalRenderer terminal(out, in, options);
  Lesson lesson(terminal);
  try {
    for (const Chapter& c : chapters())
      if (number == 0 || c.number == number) c.run(lesson);
  } catch (const Stop&) {
    out << "\n(stopped)\n";
  }
  return static_cast<int>(terminal.pictures().size());
}

}  // namespace dlmath::tutorials
