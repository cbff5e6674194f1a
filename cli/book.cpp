// dlmath book --out DIR: the book's pages as static files that open from file:// (pictures inline,
// interactive figures at their starting state).
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cli/commands.hpp"
#include "server/assets.hpp"
#include "server/pages.hpp"

namespace dlmath::cli {

namespace {

void write(const std::filesystem::path& path, std::string_view text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) throw std::runtime_error(path.string() + ": cannot write the file");
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
    std::printf("wrote %d pages and %zu assets to %s/ (open %s/index.html)\n", pages,
                server::assets().size(), out->c_str(), out->c_str());
  });
}

}  // namespace dlmath::cli
