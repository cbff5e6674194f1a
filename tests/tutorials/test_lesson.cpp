// The lesson toolkit: checks stop a chapter, pauses wait for Enter, q stops, pictures land where
// asked.
#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>

#include "tutorials/lesson.hpp"
#include "tutorials/run.hpp"

using namespace dlmath::tutorials;

TEST_CASE("a failed check stops the chapter with what failed") {
  std::ostringstream out;
  std::istringstream in;
  Lesson L(out, in, {});
  L.check(true, "fine");
  CHECK_THROWS_WITH(L.check(false, "sigma(0) = 0.5"), Catch::Contains("sigma(0) = 0.5"));
  CHECK_THROWS_AS(L.check_close(1.0, 1.1, 1e-3, "close"), CheckFailed);
  L.check_close(1.0, 1.0 + 1e-12, 1e-10, "close enough");
}

TEST_CASE("pauses wait for Enter when asked to, and q stops") {
  std::ostringstream out;
  std::istringstream in("\nq\n");
  LessonOptions o;
  o.pause = true;
  Lesson L(out, in, o);
  L.pause();
  CHECK_THROWS_AS(L.pause(), Stop);
  std::istringstream none;
  Lesson quiet(out, none, {});
  quiet.pause();  // not pausing: returns at once without reading
}

TEST_CASE("text is wrapped to 78 columns") {
  std::ostringstream out;
  std::istringstream in;
  Lesson L(out, in, {});
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
  std::ostringstream out2;
  std::istringstream quit("q\n");
  o.pause = true;
  run_chapters(0, out2, quit, o);
  CHECK_THAT(out2.str(), Catch::Contains("(stopped)"));
  CHECK_THAT(out2.str(), !Catch::Contains("Chapter 2."));
}
