// dlmath book --out DIR: the book's pages as static files that open from file:// (pictures inline,
// interactive figures at their starting state).
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cli/api.hpp"
#include "cli/commands.hpp"
#include "server/assets.hpp"
#include "server/figures.hpp"
#include "server/pages.hpp"
#include "server/train_stream.hpp"

namespace dlmath::cli {

namespace {

void write(const std::filesystem::path& path, std::string_view text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) throw std::runtime_error(path.string() + ": cannot write the file");
}

// The answers every figure's starting requests get, made now by the server's own endpoints, as
// a script the static pages load (a page from file:// may not fetch, but may load a script).
std::string recorded_script() {
  const auto endpoints = api_endpoints();
  const auto answers = server::recorded_answers(
      [&endpoints](const std::string& path, const server::Fields& f) -> server::Reply {
        if (path == "/api/train") return {server::training_start_event(f)};
        if (path == "/api/network-graph.svg")
          return {server::network_graph_svg(f), "image/svg+xml"};
        return endpoints.at(path)(f);
      });
  return "// The figures' starting answers, recorded by `dlmath book`.\nwindow.dlRecorded = " +
         answers.dump() + ";\n";
}

}  // namespace

void add_book_command(CLI::App& app) {
  auto out = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("book", "Write the book as static HTML pages");
  cmd->add_option("--out", *out, "The directory for the pages")->required();
  cmd->callback([out] {
    namespace fs = std::filesystem;
    const fs::path dir(*out);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir))
      throw UsageError("--out: cannot make the directory '" + *out + "'");
    using server::Links;
    write(dir / "index.html", server::contents_page(Links::files(0)));
    write(dir / "playground.html", server::playground_page(Links::files(0)));
    write(dir / "network.html", server::network_page(Links::files(0)));
    for (int n = 1; n <= server::chapter_count(); ++n)
      write(dir / "chapter" / (std::to_string(n) + ".html"),
            server::chapter_page(n, Links::files(1)));
    const int pages = 3 + server::chapter_count();
    for (const auto& a : server::assets()) write(dir / std::string(a.path.substr(1)), a.body);
    write(dir / "recorded.js", recorded_script());
    std::printf("wrote %d pages and %zu assets to %s/ (open %s/index.html)\n", pages,
                server::assets().size(), out->c_str(), out->c_str());
  });
}

}  // namespace dlmath::cli
