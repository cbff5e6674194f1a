// The book's pages as HTML: the contents, the nine chapters (from the tutorial's own chapter
// programs), the playground and the network lab. The same pages are served and written by
// `dlmath book`; only the form of the links differs.
#pragma once

#include <string>

namespace dlmath::server {

// How a page links to others: served ("/chapter/2") or as files ("../chapter/2.html").
struct Links {
  std::string root;       // prefix of every link from this page to the site's root
  std::string extension;  // ".html" for files, "" when served
  bool live = true;       // the API is there (served), or the page is static
  static Links server() { return {"/", "", true}; }
  static Links files(int depth) {
    std::string up;
    for (int k = 0; k < depth; ++k) up += "../";
    return {up.empty() ? "./" : up, ".html", false};
  }
  std::string page(const std::string& path) const { return root + path + extension; }
  std::string home() const { return extension.empty() ? root : root + "index.html"; }
};

int chapter_count();
std::string contents_page(const Links& links);
// Chapter n (1..chapter_count()); computed once per process, then kept.
std::string chapter_page(int n, const Links& links);
std::string playground_page(const Links& links);
std::string network_page(const Links& links);

// Renders every chapter now (the first visit then need not wait).
void warm_chapters();

}  // namespace dlmath::server
