#include "tutorials/render_terminal.hpp"

#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <istream>
#include <ostream>
#include <sstream>

namespace dlmath::tutorials {

namespace {

// Reads one key: from a terminal without waiting for Enter (canonical mode off for that read).
int read_key(std::istream& in, bool single_key) {
  termios saved{};
  const bool raw = single_key && tcgetattr(STDIN_FILENO, &saved) == 0;
  if (raw) {
    termios t = saved;
    t.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    tcsetattr(STDIN_FILENO, TCSANOW, &t);
  }
  const int key = in.get();
  if (raw) tcsetattr(STDIN_FILENO, TCSANOW, &saved);
  return key;
}

// A line as it is when it fits 80 columns; else broken at the last space before column 80 (or at
// 80 where there is none), each continuation indented 4 more than the line.
std::string fit(const std::string& line) {
  constexpr std::size_t width = 80;
  if (line.size() <= width) return line + "\n";
  const std::size_t indent = std::min<std::size_t>(line.find_first_not_of(' '), 40) + 4;
  std::string out, rest = line;
  while (rest.size() > width) {
    std::size_t cut = rest.rfind(' ', width);
    if (cut == std::string::npos || cut <= indent) cut = width;
    out += rest.substr(0, cut) + "\n";
    const std::size_t next = rest.find_first_not_of(' ', cut);
    rest = std::string(indent, ' ') + (next == std::string::npos ? "" : rest.substr(next));
  }
  return out + rest + "\n";
}

}  // namespace

TerminalRenderer::TerminalRenderer(std::ostream& out, std::istream& in, LessonOptions options)
    : out_(out), in_(in), options_(std::move(options)) {}

void TerminalRenderer::wait_if_paused() {
  if (!paused_) return;
  paused_ = false;
  out_ << "    -- any key to go on, q to stop -- " << std::flush;
  const int key = read_key(in_, options_.single_key);
  out_ << "\n";
  if (key == EOF || key == 'q' || key == 'Q') throw Stop{};
  if (!options_.single_key && key != '\n')  // typed input: the rest of the line goes with it
    in_.ignore(1 << 20, '\n');
  out_ << "\n";
}

void TerminalRenderer::block(const Block& b) {
  if (b.kind == Block::Kind::pause) {
    paused_ = options_.pause;
    return;
  }
  if (b.kind == Block::Kind::check || b.kind == Block::Kind::figure) return;
  wait_if_paused();
  switch (b.kind) {
    case Block::Kind::heading: {
      const std::string text = "Chapter " + std::to_string(b.number) + ". " + b.text;
      out_ << "\n" << text << "\n" << std::string(text.size(), '=') << "\n\n";
      break;
    }
    case Block::Kind::text: {
      std::istringstream words(b.text);
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
      break;
    }
    case Block::Kind::table:
      out_ << fit(b.text);
      break;
    case Block::Kind::formula:
      out_ << fit("    " + b.text);
      break;
    case Block::Kind::value:
      out_ << fit("    " + b.text + " = " + b.value);
      break;
    default:
      break;
  }
}

void TerminalRenderer::picture(const Block& b, const Picture& p) {
  wait_if_paused();
  std::filesystem::create_directories(options_.picture_dir);
  const std::string path = (std::filesystem::path(options_.picture_dir) / b.value).string();
  if (p.plot)
    p.plot(path);
  else
    visual::render(p.drawing, path);
  pictures_.push_back(path);
  out_ << fit("    [picture] " + b.text + ":") << fit("      " + path) << "\n";
}

}  // namespace dlmath::tutorials
