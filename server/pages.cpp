#include "server/pages.hpp"

#include <array>
#include <mutex>
#include <optional>

#include "server/figures.hpp"
#include "server/server.hpp"
#include "tutorials/chapters.hpp"
#include "tutorials/render_html.hpp"

namespace dlmath::server {

namespace {

using tutorials::html_escape;

// The figures' starts as JSON inside a <script>: "</" written as "<\/" so no text ends it early.
std::string starts_json() {
  std::string j = figure_starts().dump();
  for (std::size_t at = 0; (at = j.find("</", at)) != std::string::npos; at += 3)
    j.replace(at, 2, "<\\/");
  return j;
}

std::string layout(const std::string& title, const std::string& body, const Links& links,
                   const std::string& script) {
  const std::string r = links.root;
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<link "
         "rel=\"icon\" href=\"data:,\">\n<title>" +
         html_escape(title) + " - dlmath</title>\n<link rel=\"stylesheet\" href=\"" + r +
         "vendor/katex-0.16.11/katex.min.css\">\n<link rel=\"stylesheet\" href=\"" + r +
         "style.css\">\n</head>\n<body data-live=\"" + (links.live ? "yes" : "no") +
         "\">\n<header><a class=\"home\" href=\"" + links.home() +
         "\">dlmath: the book</a> <nav><a href=\"" + links.page("playground") +
         "\">Playground</a> <a href=\"" + links.page("network") +
         "\">Network lab</a></nav></header>\n<main>\n" + body +
         "</main>\n<script type=\"application/json\" id=\"figure-starts\">" + starts_json() +
         "</script>\n" +
         (links.live ? "" : "<script src=\"" + r + "recorded.js\"></script>\n") +
         "<script src=\"" + r + "vendor/katex-0.16.11/katex.min.js\"></script>\n<script src=\"" +
         r + "dlmath.js\"></script>\n" +
         (script.empty() ? "" : "<script src=\"" + r + script + "\"></script>\n") +
         "</body>\n</html>\n";
}

std::string chapter_link(int n, const Links& links) {
  return links.page("chapter/" + std::to_string(n));
}

std::mutex cache_lock;
std::array<std::optional<std::string>, 16> cache;
std::array<std::mutex, 16> chapter_locks;

const std::string& chapter_body(int n) {
  std::lock_guard<std::mutex> one_render(chapter_locks[n]);  // others wait for this render
  {
    std::lock_guard<std::mutex> hold(cache_lock);
    if (cache[n]) return *cache[n];
  }
  std::string body = tutorials::chapter_html(n);
  std::lock_guard<std::mutex> hold(cache_lock);
  cache[n] = std::move(body);
  return *cache[n];
}

}  // namespace

int chapter_count() {
  return static_cast<int>(tutorials::chapters().size());
}

void warm_chapters() {
  free_mpfr_caches_at_thread_exit();
  for (int n = 1; n <= chapter_count(); ++n) chapter_body(n);
}

std::string contents_page(const Links& links) {
  std::string body =
      "<h1>The mathematics of deep learning, number by number</h1>\n"
      "<p>Nine chapters after Higham &amp; Higham, <i>Deep Learning: An Introduction for Applied "
      "Mathematicians</i> (SIAM Review, 2019). Every number on these pages is computed by "
      "dlmath's engine when the page is made, and every check below a number was tested.</p>\n"
      "<ol class=\"contents\">\n";
  for (const auto& c : tutorials::chapters())
    body += "<li><a href=\"" + chapter_link(c.number, links) + "\">" + html_escape(c.title) +
            "</a></li>\n";
  body += "</ol>\n<p>Then try your own programs in the <a href=\"" + links.page("playground") +
          "\">playground</a>, or train networks of your own shape in the <a href=\"" +
          links.page("network") + "\">network lab</a>.</p>\n";
  return layout("Contents", body, links, "");
}

std::string chapter_page(int n, const Links& links) {
  if (n < 1 || n > chapter_count())
    throw std::out_of_range("chapter " + std::to_string(n) + " does not exist");
  std::string nav = "<nav class=\"chapters\">";
  nav += n > 1 ? "<a rel=\"prev\" href=\"" + chapter_link(n - 1, links) + "\">&larr; Chapter " +
                     std::to_string(n - 1) + "</a>"
               : "<span></span>";
  nav += "<a href=\"" + links.home() + "\">Contents</a>";
  nav += n < chapter_count() ? "<a rel=\"next\" href=\"" + chapter_link(n + 1, links) +
                                   "\">Chapter " + std::to_string(n + 1) + " &rarr;</a>"
                             : "<span></span>";
  nav += "</nav>\n";
  const auto& c = tutorials::chapters()[n - 1];
  return layout("Chapter " + std::to_string(n) + ". " + c.title,
                nav + "<article class=\"chapter\" data-chapter=\"" + std::to_string(n) + "\">\n" +
                    chapter_body(n) + "</article>\n" + nav,
                links, "chapter.js");
}

std::string playground_page(const Links& links) {
  const std::string body = R"(<h1>Playground</h1>
<p>Write a program in dlmath's expression language: one statement per line, the last line is the
result. Every name you do not define is an input: set it by its field or slider. The value, every
partial derivative (one reverse sweep), the derivative as a formula and the computation graph
follow as you type.</p>
<div class="playground">
<div class="editor">
<textarea id="program" spellcheck="false" rows="8">h = tanh(w*x + b)
out = sigmoid(v*h + c)
out</textarea>
<pre id="error" class="error" hidden></pre>
<p><label>precision <select id="precision"><option value="double">double</option>
<option value="50">50 digits</option><option value="100">100 digits</option></select></label>
<label>formula of d/d <select id="wrt"></select></label></p>
<div id="inputs"></div>
</div>
<div class="results">
<p>value <span id="value" class="number"></span></p>
<table id="gradients"><thead><tr><th>input</th><th>derivative</th></tr></thead><tbody></tbody></table>
<div id="formula" class="formula"></div>
</div>
</div>
<div id="graph" class="graph" title="drag to pan, wheel to zoom, double-click to reset"></div>
)";
  return layout("Playground", body, links, "playground.js");
}

std::string network_page(const Links& links) {
  const std::string body = R"(<h1>Network lab</h1>
<p>Choose the layers, the activations (one name for every hidden layer, or one per layer from
layer 2) and the data, and the diagram below shows the network that training starts from. Then
train and watch: the cost on a logarithmic axis, the regions the network gives to each category,
and at the end the trained network and every parameter's gradient by the reverse sweep beside its
central difference. Last comes the graph of the cost at one point of the data, for the network
training starts from: each neuron is one node with its output's value and gradient, and a click
opens it to its weights, bias, affine node and activation.</p>
<div class="lab" data-lab="network"></div>
)";
  return layout("Network lab", body, links, "chapter.js");
}

}  // namespace dlmath::server
