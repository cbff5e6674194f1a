// dlmath repl: statements typed line by line, evaluated as they come, with derivatives on
// demand (the session itself is cli/repl_session.cpp). On a terminal: line editing and history
// (libedit), kept in $XDG_STATE_HOME/dlmath/history; Ctrl-C cancels the line being typed, not
// the session. Fed from a file or a pipe: plain lines, and the exit code says whether one failed.
#include <editline/readline.h>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "cli/options.hpp"
#include "cli/repl_session.hpp"

namespace dlmath::cli {

namespace {

// Ctrl-C sets the flag and writes a byte to a pipe that poll() watches beside the terminal, so
// it is seen even when it comes while a key is being handled rather than during poll().
volatile std::sig_atomic_t interrupted = 0;
int wake_pipe[2] = {-1, -1};
extern "C" void on_interrupt(int) {
  interrupted = 1;
  const char byte = 1;
  [[maybe_unused]] const auto n = write(wake_pipe[1], &byte, 1);
}

void drain_wake_pipe() {
  char bytes[64];
  while (read(wake_pipe[0], bytes, sizeof bytes) > 0) {
  }
}

// $XDG_STATE_HOME/dlmath/history, else ~/.local/state/dlmath/history; empty if neither is set.
std::string history_path() {
  namespace fs = std::filesystem;
  fs::path dir;
  if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state)
    dir = state;
  else if (const char* home = std::getenv("HOME"); home && *home)
    dir = fs::path(home) / ".local" / "state";
  else
    return "";
  dir /= "dlmath";
  std::error_code ec;
  fs::create_directories(dir, ec);  // no history is no reason to refuse the session
  return ec ? "" : (dir / "history").string();
}

// The line libedit hands over when Enter (or Ctrl-D on an empty line) ends it.
std::string* pending_line = nullptr;
bool line_ready = false, end_of_input = false;
extern "C" void take_line(char* text) {
  line_ready = true;
  if (!text) {
    end_of_input = true;
    return;
  }
  *pending_line = text;
  std::free(text);
}

void terminal_session(ReplSession& session) {
  std::fputs(ReplSession::banner().c_str(), stdout);
  const std::string history = history_path();
  using_history();
  stifle_history(1000);
  if (!history.empty()) read_history(history.c_str());
  // libedit stays out of signals; SIGINT sets a flag and wakes poll() below.
  rl_catch_signals = 0;
  if (pipe2(wake_pipe, O_NONBLOCK | O_CLOEXEC) != 0) throw std::runtime_error("repl: no pipe");
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  struct sigaction previous {};
  sigaction(SIGINT, &action, &previous);

  static const char* prompt = "dlmath> ";
  std::string text;
  pending_line = &text;
  rl_callback_handler_install(prompt, take_line);
  int number = 0;
  for (;;) {
    pollfd in[2] = {{STDIN_FILENO, POLLIN, 0}, {wake_pipe[0], POLLIN, 0}};
    const int ready = poll(in, 2, -1);
    if (interrupted) {
      // Ctrl-C: drop what was typed and start a fresh line.
      interrupted = 0;
      drain_wake_pipe();
      rl_replace_line("", 0);
      std::fputs("^C\n", stdout);
      std::fflush(stdout);
      rl_callback_handler_remove();
      rl_callback_handler_install(prompt, take_line);
      continue;
    }
    if (in[1].revents & POLLIN) drain_wake_pipe();
    if (!(in[0].revents & POLLIN) && (in[0].revents & (POLLHUP | POLLERR | POLLNVAL))) break;
    if (ready < 0 || !(in[0].revents & POLLIN)) continue;
    rl_callback_read_char();
    if (!line_ready) continue;
    line_ready = false;
    if (end_of_input) {
      std::fputs("\n", stdout);
      break;
    }
    if (!text.empty()) {
      add_history(text.c_str());
      if (!history.empty()) write_history(history.c_str());
    }
    rl_callback_handler_remove();  // the session's output goes on clean lines
    const bool go_on = session.line(text, std::to_string(++number));
    std::fflush(stdout);
    if (!go_on) break;
    interrupted = 0;  // a Ctrl-C while the line ran is not one for the next line
    drain_wake_pipe();
    rl_callback_handler_install(prompt, take_line);
  }
  rl_callback_handler_remove();
  sigaction(SIGINT, &previous, nullptr);
  close(wake_pipe[0]);
  close(wake_pipe[1]);
}

}  // namespace

void add_repl_command(CLI::App& app) {
  auto digits = std::make_shared<int>(0);
  auto* cmd =
      app.add_subcommand("repl", "Type statements and see values and derivatives as you go");
  cmd->add_option("--digits", *digits,
                  "Significant digits shown (default: all the precision carries)");
  cmd->callback([digits] {
    ReplSession session(stdout, stderr, *digits);
    if (isatty(STDIN_FILENO)) {
      terminal_session(session);
    } else {
      std::string text;
      for (int number = 1; read_text_line(std::cin, text, "standard input", number); ++number)
        if (!session.line(text, std::to_string(number))) break;
    }
    if (session.failures() > 0)
      throw UsageError(std::to_string(session.failures()) + " line" +
                       (session.failures() == 1 ? "" : "s") + " failed, the first at line " +
                       session.first_failure());
  });
}

}  // namespace dlmath::cli
