// dlmath tutorial: the article, chapter by chapter, computed live.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "tutorials/run.hpp"

namespace dlmath::cli {

void add_tutorial_command(CLI::App& app) {
  struct Args {
    int chapter = 0;  // read only where given: none given runs them all
    bool no_pause = false, list = false;
    std::string out = "dlmath-pictures";
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("tutorial",
                                 "Walk through the mathematics of the article, chapter by chapter");
  // The strict reader: "-1" or "1.5" is an error, not "no chapter" (which runs them all).
  CLI::Option* chapter =
      add_whole_option(*cmd, "chapter", a->chapter, "Run only this chapter (1-9)", 0, 1'000'000);
  chapter->default_str("");
  cmd->add_flag("--no-pause", a->no_pause, "Run straight through, without waiting for Enter");
  cmd->add_flag("--list", a->list, "List the chapters and stop");
  cmd->add_option("--out", a->out, "Where the pictures go")->capture_default_str();
  cmd->callback([a, chapter] {
    using namespace tutorials;
    const int count = static_cast<int>(chapters().size());
    const bool one = chapter->count() > 0;
    if (one && (a->chapter < 1 || a->chapter > count))
      throw UsageError("chapter " + std::to_string(a->chapter) + " does not exist (1-" +
                       std::to_string(count) + ")");
    if (a->list || !one) {
      std::printf(
          "dlmath tutorial: the mathematics behind deep learning, after Higham & Higham "
          "(2019)\n\n");
      for (const Chapter& c : chapters()) std::printf("  %d. %s\n", c.number, c.title.c_str());
      if (a->list) return;
    }
    {  // the picture directory must be writable before the first chapter starts
      std::error_code error;
      std::filesystem::create_directories(a->out, error);
      if (error || ::access(a->out.c_str(), W_OK) != 0)
        throw UsageError("--out: cannot write pictures to '" + a->out + "'" +
                         (error ? ": " + error.message() : std::string()));
    }
    LessonOptions options;
    options.pause = !a->no_pause && isatty(fileno(stdin)) && isatty(fileno(stdout));
    options.single_key = options.pause;
    options.picture_dir = a->out;
    const int pictures = run_chapters(one ? a->chapter : 0, std::cout, std::cin, options);
    std::cout << "\n"
              << pictures << (pictures == 1 ? " picture in " : " pictures in ") << a->out << "/\n";
  });
}

}  // namespace dlmath::cli
