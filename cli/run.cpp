// The command line of both programs (cli/dlmath.cpp, cli/dlmath_full.cpp): the app with the
// given subcommands, its parse and its errors.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"

namespace {

// A program may start with a minus sign ("-x^2"), which CLI11 would take for an option. For the
// commands that read programs, such an argument gets a leading space: the language skips it and
// CLI11 no longer sees a dash. Real options are "--name" or the short -f, -o, -h.
std::vector<std::string> protect_programs(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  const std::string command = argc > 1 ? args[1] : "";
  if (command != "eval" && command != "diff" && command != "hessian" && command != "graph" &&
      command != "check")
    return args;
  for (std::size_t k = 2; k < args.size(); ++k) {
    const std::string& a = args[k];
    // -h is not among them: '-h' is a program (minus h); --help asks for help.
    const bool option = a.rfind("--", 0) == 0 || a == "-" || a == "-f" || a == "-o";
    if (a.size() > 1 && a[0] == '-' && !option) args[k] = " " + a;
  }
  return args;
}

// CLI11's words for an option given twice ("--wrt: At Most 1 required but received 2") and for
// one given without its value ("--wrt: 1 required TEXT missing"), said as what to do.
std::string plain_parse_message(const std::string& message) {
  const std::string at_most = ": At Most 1 required but received ";
  if (const std::size_t k = message.find(at_most); k != std::string::npos)
    return message.substr(0, k) + " is given " + message.substr(k + at_most.size()) +
           " times; give it once";
  const std::string one = ": 1 required ", missing = " missing";
  if (const std::size_t k = message.find(one);
      k != std::string::npos && message.size() > k + one.size() + missing.size() &&
      message.compare(message.size() - missing.size(), missing.size(), missing) == 0)
    return message.substr(0, k) + " needs a value (" +
           message.substr(k + one.size(), message.size() - missing.size() - k - one.size()) + ")";
  return message;
}

// An option given '' (an unset shell variable, say) is an error, never "not given": without this,
// train --save "" trained and saved nothing, and inspect --load "" inspected the paper's network.
void refuse_empty_values(CLI::App& app) {
  const CLI::Validator given(
      [](std::string& value) {
        return value.empty() ? std::string("the value is empty ('')") : std::string();
      },
      "");
  std::vector<CLI::App*> apps{&app};
  while (!apps.empty()) {
    CLI::App* a = apps.back();
    apps.pop_back();
    for (CLI::Option* o : a->get_options(
             [](const CLI::Option* o) { return o->nonpositional() && o->get_type_size() > 0; }))
      o->check(given);
    for (CLI::App* sub : a->get_subcommands({})) apps.push_back(sub);
  }
}

}  // namespace

namespace dlmath::cli {

int run(int argc, char** argv, std::span<const AddCommand> commands, Elsewhere elsewhere) {
  CLI::App app{"dlmath: the mathematics behind deep learning, number by number", "dlmath"};
  app.require_subcommand(1);
  app.failure_message(
      [](const CLI::App*, const CLI::Error& e) { return std::string(e.what()) + "\n"; });
  for (AddCommand add : commands) add(app);
  refuse_empty_values(app);
  bool known = false;
  std::string names;
  for (const CLI::App* sub : app.get_subcommands({})) {
    known = known || (argc > 1 && sub->get_name() == argv[1]);
    names += (names.empty() ? "" : ", ") + sub->get_name();
  }
  // Options before a command (--help, --version), no command, or one this program has not.
  if (!known && elsewhere) elsewhere(argv);
  if (!known && argc > 1 && argv[1][0] != '-') {
    std::fprintf(stderr, "dlmath: error: unknown command '%s' (commands: %s)\n", argv[1],
                 names.c_str());
    return 2;
  }
  // An option before the command. CLI11 would say only that a command is required for an unknown
  // one, would let a flag take a value (--version=3, --help=3), and answers --version before
  // reading what follows it (--version train): the last two would answer as if all were well.
  if (argc > 1 && argv[1][0] == '-') {
    const std::string_view arg = argv[1];
    const std::string name(arg.substr(0, arg.find('=')));
    if (!app.get_option_no_throw(name)) {
      std::fprintf(stderr,
                   "dlmath: error: unknown option '%.60s' (before a command: --help, --version)\n",
                   argv[1]);
      return 2;
    }
    const bool valued = arg.find('=') != std::string_view::npos;
    if (name == "--version" && (valued || argc > 2)) {
      std::fprintf(stderr,
                   "dlmath: error: --version takes no value and nothing after it (write "
                   "'dlmath --version' alone)\n");
      return 2;
    }
    if (valued) {
      std::fprintf(stderr, "dlmath: error: %s takes no value\n", name.c_str());
      return 2;
    }
  }
  std::vector<std::string> args = protect_programs(argc, argv);
  std::vector<char*> arg_pointers;
  for (auto& a : args) arg_pointers.push_back(a.data());
  try {
    app.parse(argc, arg_pointers.data());
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const NeedsFullProgram&) {
    if (!elsewhere) {
      std::fprintf(stderr, "dlmath: error: this program cannot do that, and knows no other\n");
      return 1;
    }
    std::fflush(stdout);
    elsewhere(argv);
  } catch (const CLI::ParseError& e) {
    const CLI::App* where = &app;
    for (const CLI::App* sub = app.get_subcommands().empty() ? nullptr
                                                             : app.get_subcommands().front();
         sub; sub = sub->get_subcommands().empty() ? nullptr : sub->get_subcommands().front())
      where = sub;
    const std::string message = plain_parse_message(e.what());
    std::fprintf(stderr, "%s: error: %s (see --help)\n",
                 where == &app ? "dlmath" : ("dlmath " + where->get_name()).c_str(),
                 message.c_str());
    return 2;
  } catch (const UsageError& e) {
    std::fprintf(stderr, "dlmath: error: %s\n", e.what());
    return 2;
  } catch (const std::bad_alloc&) {
    // The limits should make this unreachable; if not, say so plainly rather than abort.
    std::fprintf(stderr,
                 "dlmath: error: out of memory (the input asks for more than this machine has)\n");
    return 2;
  } catch (const std::length_error& e) {
    std::fprintf(stderr, "dlmath: error: too large: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "dlmath: error: %s\n", e.what());
    return 1;
  }
  // Output that could not be written (a full disk, a closed pipe) is an error, not a success.
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::fprintf(stderr, "dlmath: error: writing the output failed: %s\n", std::strerror(errno));
    return 2;
  }
  return 0;
}

}  // namespace dlmath::cli
