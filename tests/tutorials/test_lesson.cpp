// The lesson toolkit: checks stop a chapter, pauses wait for a key, q stops, the last pause of a
// run never waits, pictures land where asked, and the same chapter renders as HTML with its
// pictures inline.
#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>

#include "tutorials/render_html.hpp"
#include "tutorials/run.hpp"

using namespace dlmath::tutorials;

TEST_CASE("a failed check stops the chapter with what failed") {
  std::ostringstream out;
  std::istringstream in;
  TerminalRenderer r(out, in, {});
  Lesson L(r);
  L.check(true, "fine");
  CHECK_THROWS_WITH(L.check(false, "sigma(0) = 0.5"), Catch::Contains("sigma(0) = 0.5"));
  CHECK_THROWS_AS(L.check_close(1.0, 1.1, 1e-3, "close"), CheckFailed);
  L.check_close(1.0, 1.0 + 1e-12, 1e-10, "close enough");
}

TEST_CASE("a pause waits for a key before what follows, q stops, the last pause never waits") {
  std::ostringstream out;
  std::istringstream in("\nq\n");
  LessonOptions o;
  o.pause = true;
  TerminalRenderer r(out, in, o);
  Lesson L(r);
  L.say("one");
  L.pause();
  L.say("two");  // waits: Enter goes on
  L.pause();
  CHECK_THROWS_AS(L.say("three"), Stop);  // waits: q stops before "three" is shown
  CHECK_THAT(out.str(), Catch::Contains("two") && !Catch::Contains("three"));
  std::istringstream none;
  std::ostringstream quiet_out;
  TerminalRenderer quiet(quiet_out, none, {});
  Lesson Q(quiet);
  Q.pause();
  Q.say("goes straight on");  // not pausing: does not read
  CHECK_THAT(quiet_out.str(), Catch::Contains("goes straight on"));
}

TEST_CASE("text is wrapped to 78 columns") {
  std::ostringstream out;
  std::istringstream in;
  TerminalRenderer r(out, in, {});
  Lesson L(r);
  L.say(std::string(30, 'a') + " " + std::string(30, 'b') + " " + std::string(30, 'c'));
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);) CHECK(line.size() <= 78);
}

TEST_CASE("chapter 1 runs through, writes its picture and stops at q when pausing") {
  const std::string dir = std::filesystem::temp_directory_path() / "dlmath-lesson-test";
  std::ostringstream out;
  std::istringstream in;
  LessonOptions o;
  o.picture_dir = dir;
  CHECK(run_chapters(1, out, in, o) == 1);
  CHECK(std::filesystem::exists(dir + "/data.png"));
  CHECK_THAT(out.str(), Catch::Contains("Chapter 1.") && Catch::Contains("0.9"));
  // A single chapter with pauses on and nothing to read: it ends without waiting.
  std::ostringstream single;
  std::istringstream nothing;
  o.pause = true;
  run_chapters(1, single, nothing, o);
  CHECK_THAT(single.str(), !Catch::Contains("(stopped)") && !Catch::Contains("any key"));
  std::ostringstream out2;
  std::istringstream quit("q");
  run_chapters(0, out2, quit, o);
  CHECK_THAT(out2.str(), Catch::Contains("(stopped)"));
  CHECK_THAT(out2.str(), !Catch::Contains("Chapter 2."));
}

TEST_CASE("HTML escapes names, closes tables, and inlines pictures as SVG") {
  HtmlRenderer r;
  Lesson L(r);
  L.say("x<script>alert(1)</script> & more");
  L.line("  a  b");
  L.line("  1  2");
  L.line();
  L.formula("y = 1/2", "y = \\frac12");
  L.show("<b>", "1 < 2");
  const std::string html = r.html();
  CHECK_THAT(html, !Catch::Contains("<script>") && !Catch::Contains("<b>"));
  CHECK_THAT(html, Catch::Contains("x&lt;script&gt;") && Catch::Contains("&amp; more"));
  CHECK_THAT(html, Catch::Contains("<pre class=\"table\">  a  b\n  1  2\n</pre>"));
  CHECK_THAT(html, Catch::Contains("data-tex=\"y = \\frac12\""));
  CHECK_THAT(html, Catch::Contains("1 &lt; 2"));
}

TEST_CASE("HTML sets `commands` in prose as code, escaped, and leaves a lone backquote") {
  HtmlRenderer r;
  Lesson L(r);
  L.say("run `dlmath train --data <a.csv>` then `inspect`; a lone ` stays");
  CHECK_THAT(r.html(), Catch::Contains("<p>run <code>dlmath train --data &lt;a.csv&gt;</code> then "
                                       "<code>inspect</code>; a lone ` stays</p>"));
}

TEST_CASE("a chapter as HTML has the same numbers as in the terminal and its pictures inline") {
  std::ostringstream out;
  std::istringstream in;
  LessonOptions o;
  o.picture_dir = std::filesystem::temp_directory_path() / "dlmath-lesson-test-3";
  run_chapters(3, out, in, o);
  const std::string html = chapter_html(3);
  CHECK_THAT(html, Catch::Contains("<h1>Chapter 3."));
  CHECK_THAT(html,
             Catch::Contains("<figure class=\"picture\" data-file=\"scaled-sigmoids.png\"><svg"));
  CHECK_THAT(html, Catch::Contains("id=\"figure-sigmoid-ab\""));
  // The dy/da line, number for number.
  const std::string terminal = out.str();
  const auto at = terminal.find("dy/da by autodiff = ");
  REQUIRE(at != std::string::npos);
  const std::string number = terminal.substr(at + 20, terminal.find(' ', at + 20) - at - 20);
  CHECK_THAT(html, Catch::Contains(number));
  CHECK_THROWS_AS(chapter_html(10), std::out_of_range);
}

TEST_CASE("every line of every chapter fits 80 columns") {
  std::ostringstream out;
  std::istringstream in;
  LessonOptions o;
  o.picture_dir = std::filesystem::temp_directory_path() / "dlmath-lesson-test-all";
  run_chapters(0, out, in, o);
  std::istringstream lines(out.str());
  int n = 0;
  for (std::string line; std::getline(lines, line); ++n) {
    INFO(line);
    CHECK(line.size() <= 80);
  }
  CHECK(n > 300);
}
