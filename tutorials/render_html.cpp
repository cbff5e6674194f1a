#include "tutorials/render_html.hpp"

#include <stdexcept>

#include "tutorials/chapters.hpp"
#include "visual/plot/plot.hpp"

namespace dlmath::tutorials {

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  return out;
}

namespace {

// Replaces every `from` in `text` by `to`.
void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size())
    text.replace(at, from.size(), to);
}

// Graphviz and cairo start their SVG with an XML prolog and a DOCTYPE; inline SVG starts at <svg.
// Cairo names its glyphs glyph0-1, ... in every file: on one page, a second picture's
// references would find the first picture's glyphs, so each picture's ids get its own prefix.
std::string inline_svg(const std::string& svg, const std::string& prefix) {
  const auto start = svg.find("<svg");
  if (start == std::string::npos) throw std::runtime_error("a picture has no <svg> element");
  std::string out = svg.substr(start);
  replace_all(out, " id=\"", " id=\"" + prefix);
  replace_all(out, "href=\"#", "href=\"#" + prefix);
  replace_all(out, "url(#", "url(#" + prefix);
  return out;
}

// Prose with `commands` in backquotes, as the terminal shows them: escaped, with each quoted
// span set in <code>. An unpaired backquote stays as it is.
std::string prose(const std::string& text) {
  std::string out;
  std::size_t at = 0;
  for (std::size_t open, close; (open = text.find('`', at)) != std::string::npos &&
                                (close = text.find('`', open + 1)) != std::string::npos;
       at = close + 1)
    out += html_escape(text.substr(at, open - at)) + "<code>" +
           html_escape(text.substr(open + 1, close - open - 1)) + "</code>";
  return out + html_escape(text.substr(at));
}

}  // namespace

void HtmlRenderer::end_table() {
  if (in_table_) html_ += "</pre>\n";
  in_table_ = false;
}

void HtmlRenderer::block(const Block& b) {
  if (b.kind == Block::Kind::table) {
    if (b.text.empty()) return end_table();
    if (!in_table_) html_ += "<pre class=\"table\">";
    in_table_ = true;
    html_ += html_escape(b.text) + "\n";
    return;
  }
  end_table();
  switch (b.kind) {
    case Block::Kind::heading:
      html_ += "<h1>Chapter " + std::to_string(b.number) + ". " + html_escape(b.text) + "</h1>\n";
      break;
    case Block::Kind::text:
      html_ += "<p>" + prose(b.text) + "</p>\n";
      break;
    case Block::Kind::formula:
      html_ += "<div class=\"formula\" data-tex=\"" + html_escape(b.value) + "\"><code>" +
               html_escape(b.text) + "</code></div>\n";
      break;
    case Block::Kind::value:
      html_ += "<div class=\"value\"><span class=\"name\">" + html_escape(b.text) +
               "</span> = <span class=\"number\">" + html_escape(b.value) + "</span></div>\n";
      break;
    case Block::Kind::check:
      html_ += "<div class=\"check\">&#10003; checked: " + html_escape(b.text) + "</div>\n";
      break;
    case Block::Kind::figure:
      html_ += "<div class=\"interactive\" id=\"figure-" + html_escape(b.text) +
               "\" data-figure=\"" + html_escape(b.text) + "\"></div>\n";
      break;
    case Block::Kind::pause:
      html_ += "<hr class=\"step\">\n";
      break;
    default:
      break;
  }
}

void HtmlRenderer::picture(const Block& b, const Picture& p) {
  end_table();
  const std::string svg = p.plot ? visual::plot_svg(p.plot) : visual::render_svg(p.drawing);
  ++pictures_;
  html_ += "<figure class=\"picture\" data-file=\"" + html_escape(b.value) + "\">" +
           inline_svg(svg, "p" + std::to_string(pictures_) + "-") + "<figcaption>" +
           html_escape(b.text) + "</figcaption></figure>\n";
}

std::string HtmlRenderer::html() {
  end_table();
  return html_;
}

std::string chapter_html(int number) {
  for (const Chapter& c : chapters())
    if (c.number == number) {
      HtmlRenderer r;
      Lesson lesson(r);
      c.run(lesson);
      return r.html();
    }
  throw std::out_of_range("chapter " + std::to_string(number) + " does not exist (1-" +
                          std::to_string(chapters().size()) + ")");
}

}  // namespace dlmath::tutorials
