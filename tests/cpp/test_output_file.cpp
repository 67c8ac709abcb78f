// write_file_atomically: the one way spur writes a file. The whole content or nothing, never
// a half-written file, never a replaced file without Overwrite::replace.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <csignal>

#include "spur/error.hpp"
#include "spur/output_file.hpp"
#include "support.hpp"

namespace spur {
namespace {

namespace fs = std::filesystem;
using test::read_file;
using test::ScratchDir;
using ::testing::HasSubstr;

// Every entry of a folder, to see that no temporary file is left.
std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(OutputFile, WritesANewFileWithTheWholeContentAndNoTemporaryLeft) {
  ScratchDir dir;
  const std::string content(1 << 20, 'x');
  write_file_atomically(dir.path() / "report.csv", content);
  EXPECT_EQ(read_file(dir.path() / "report.csv"), content);
  EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"report.csv"});
}

TEST(OutputFile, RefusesToOverwriteWithoutForceAndLeavesTheOldFile) {
  ScratchDir dir;
  const auto path = dir.write("report.csv", "old");
  try {
    write_file_atomically(path, "new");
    FAIL() << "expected FileError";
  } catch (const FileError& e) {
    EXPECT_EQ(e.file(), path.string());
    EXPECT_THAT(e.what(), HasSubstr("already exists; use --force"));
  }
  EXPECT_EQ(read_file(path), "old");
  EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"report.csv"});
}

TEST(OutputFile, ReplacesWithForce) {
  ScratchDir dir;
  const auto path = dir.write("report.csv", "old content, longer than the new");
  write_file_atomically(path, "new", Overwrite::replace);
  EXPECT_EQ(read_file(path), "new");
  EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"report.csv"});
}

TEST(OutputFile, ReplacesASymlinkInsteadOfWritingThroughIt) {
  ScratchDir dir;
  const auto target = dir.write("precious.txt", "keep me");
  fs::create_symlink(target, dir.path() / "link.csv");
  EXPECT_THROW(write_file_atomically(dir.path() / "link.csv", "new"), FileError);
  write_file_atomically(dir.path() / "link.csv", "new", Overwrite::replace);
  EXPECT_EQ(read_file(target), "keep me");
  EXPECT_FALSE(fs::is_symlink(dir.path() / "link.csv"));
  EXPECT_EQ(read_file(dir.path() / "link.csv"), "new");
}

TEST(OutputFile, ADanglingSymlinkIsAnExistingName) {
  ScratchDir dir;
  fs::create_symlink(dir.path() / "nowhere", dir.path() / "out.csv");
  EXPECT_THROW(write_file_atomically(dir.path() / "out.csv", "new"), FileError);
  EXPECT_FALSE(fs::exists(dir.path() / "nowhere"));
}

TEST(OutputFile, AFolderIsNeverReplaced) {
  ScratchDir dir;
  fs::create_directories(dir.path() / "out");
  try {
    write_file_atomically(dir.path() / "out", "x", Overwrite::replace);
    FAIL() << "expected FileError";
  } catch (const FileError& e) {
    EXPECT_THAT(e.what(), HasSubstr("is a folder"));
  }
  EXPECT_TRUE(fs::is_directory(dir.path() / "out"));
}

TEST(OutputFile, AMissingFolderIsAFileErrorNamingIt) {
  ScratchDir dir;
  try {
    write_file_atomically(dir.path() / "no" / "such" / "out.csv", "x");
    FAIL() << "expected FileError";
  } catch (const FileError& e) {
    EXPECT_THAT(e.what(), HasSubstr("cannot create a file in"));
    EXPECT_THAT(e.what(), HasSubstr("No such file or directory"));
  }
}

TEST(OutputFile, AFailedWriteLeavesTheOldFileAndNoTemporary) {
  // A full disk, made small: a file size limit makes write() fail with EFBIG (SIGXFSZ is
  // ignored so that the process lives). This works for root too, unlike permissions.
  ScratchDir dir;
  const auto path = dir.write("report.csv", "old");
  rlimit old_limit{};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old_limit), 0);
  auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit small = old_limit;
  small.rlim_cur = 4096;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  std::string what;
  try {
    write_file_atomically(path, std::string(100000, 'n'), Overwrite::replace);
  } catch (const FileError& e) {
    what = e.what();
  }
  ::setrlimit(RLIMIT_FSIZE, &old_limit);
  std::signal(SIGXFSZ, old_handler);
  EXPECT_THAT(what, HasSubstr("report.csv: error: cannot write: File too large"));
  EXPECT_EQ(read_file(path), "old");
  EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"report.csv"});
}

TEST(OutputFile, AnUnwritableFolderLeavesTheOldFile) {
  if (::geteuid() == 0) GTEST_SKIP() << "running as root: folder permissions do not stop root";
  ScratchDir dir;
  const auto path = dir.write("report.csv", "old");
  ::chmod(dir.path().c_str(), 0555);
  EXPECT_THROW(write_file_atomically(path, "new", Overwrite::replace), FileError);
  ::chmod(dir.path().c_str(), 0755);
  EXPECT_EQ(read_file(path), "old");
  EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"report.csv"});
}

}  // namespace
}  // namespace spur
