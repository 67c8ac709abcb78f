// Adversarial input (issue 10): each gets a clear one-line message or the right result,
// quickly and in bounded memory. The big files are generated here, not stored.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>

#include "rules/yaml_reader.hpp"
#include "spur/error.hpp"
#include "spur/evaluation.hpp"
#include "spur/inspection.hpp"
#include "spur/limits.hpp"
#include "support.hpp"

namespace spur {
namespace {

namespace fs = std::filesystem;
using test::quoted;
using test::run_spur;
using test::ScratchDir;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

const std::string header =
    "inspection:\n  unit: Test\n  regulations: [sosfs-2015-8]\nfindings:\n  A1: met\n";

// The diagnostics of reading `yaml` as an inspection (empty when it reads).
std::vector<Diagnostic> problems(const std::string& yaml) {
  try {
    Inspection::parse(yaml, "x.yaml");
  } catch (const Error& e) {
    return e.diagnostics();
  }
  return {};
}

// The one error of reading `yaml` as an inspection, formatted.
std::string only_error(const std::string& yaml) {
  const auto d = problems(yaml);
  EXPECT_EQ(d.size(), 1u);
  return d.empty() ? "" : d.front().format();
}

std::string rules_arg() {
  return "--rules " + quoted(test::rules_dir());
}

// Every line of the command's output: none may be longer than a message can be.
void expect_short_lines(const std::string& out) {
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);)
    EXPECT_LE(line.size(), limits::max_message_bytes + 200) << line.substr(0, 200);
}

// --- data silently lost -------------------------------------------------------------------

TEST(Reliability, ASecondYamlDocumentIsAnErrorAtItsSeparator) {
  EXPECT_EQ(only_error(header + "---\nfindings:\n  A2: not_met\n"),
            "x.yaml:6:1: error: a second YAML document starts here (after '---' or '...'); spur "
            "reads one document per file: remove the separator line so nothing after it is lost");
}

TEST(Reliability, KeysAfterADocumentEndMarkerAreAnError) {
  EXPECT_THAT(only_error(header + "...\n  A2: not_met\nnotes: x\n"),
              HasSubstr("x.yaml:6:1: error: a second YAML document starts here"));
}

TEST(Reliability, KeysAfterAnIndentedFirstKeyAreAnError) {
  // yaml-cpp ends a mapping indented at its first key at the first key less indented, and its
  // Load drops the rest: the reader walks every document of such a file.
  EXPECT_THAT(only_error("  inspection: {unit: X}\nfindings:\n  A2: not_met\n"),
              HasSubstr("x.yaml:2:1: error: a second YAML document starts here"));
  EXPECT_THAT(only_error("&root\n  inspection: {unit: X}\nfindings:\n  A2: not_met\n"),
              HasSubstr("x.yaml:3:1: error: a second YAML document starts here"));
}

TEST(Reliability, TextAfterTheDocumentThatIsNoDocumentIsAnError) {
  // Found by fuzzing: yaml-cpp's Load kept "C" and dropped the rest, its LoadAll never ended.
  EXPECT_EQ(only_error("\"C\",\nfindings:\n  B4: not_met\n"),
            "x.yaml:1:4: error: YAML syntax error: text after the end of the document that YAML "
            "cannot read (a stray ',' or ']', or a value where a key was expected?)");
}

TEST(Reliability, AnEmptyDocumentAfterTheEndMarkerLosesNothing) {
  EXPECT_TRUE(problems(header + "...\n").empty());
  EXPECT_TRUE(problems("---\n" + header).empty());
}

TEST(Reliability, ASecondDocumentInARegulationFileIsAnError) {
  test::ScratchRules rules;
  const std::string reg = test::read_file(test::rules_dir() / "sosfs-2015-8" / "regulation.yaml");
  rules.regulation("sosfs-2015-8", reg + "---\nregulation: extra\n");
  const LoadResult result = load_rules(rules.path());
  EXPECT_FALSE(result.book);
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_THAT(
      result.diagnostics.front().format(),
      HasSubstr("regulation.yaml:" + std::to_string(std::count(reg.begin(), reg.end(), '\n') + 1) +
                ":1: error: a second YAML document starts here"));
}

TEST(Reliability, JsonFollowedByTrailingTextIsAnError) {
  const std::string json = R"({"inspection": {"regulations": ["sosfs-2015-8"]}, "findings": {}})";
  EXPECT_NO_THROW(Inspection::parse_json(json, "x.json"));
  try {
    Inspection::parse_json(json + R"( {"findings": {"A1": "not_met"}})", "x.json");
    FAIL() << "expected InspectionError";
  } catch (const InspectionError& e) {
    EXPECT_THAT(e.what(), AllOf(HasSubstr("x.json"), HasSubstr("not valid JSON")));
  }
}

TEST(Reliability, AJsonFileWithTrailingTextIsAnError) {
  // A .json file is read as YAML (JSON is YAML): text after the object is a second document
  // or a syntax error, never ignored.
  ScratchDir dir;
  const auto file =
      dir.write("x.json",
                "{\"inspection\": {\"regulations\": [\"sosfs-2015-8\"]}, \"findings\": {}}\n"
                "{\"findings\": {\"A1\": \"not_met\"}}\n");
  auto r = run_spur("evaluate " + rules_arg() + " " + quoted(file));
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_THAT(r.out, HasSubstr(file.string() + ":2:"));
}

// --- failed writes --------------------------------------------------------------------------

TEST(Reliability, AFullDiskOnStandardOutputIsExitOneWithAMessage) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  const std::string example =
      quoted(test::source_dir() / "examples" / "palliativ-sydostra-skane.yaml");
  for (const std::string& args :
       {"evaluate " + example + " --format csv", "evaluate " + example,
        "evaluate " + example + " --format json", std::string("rules"),
        std::string("rules --format json"), std::string("validate"),
        "plan " + example + " --as-of 2025-06-01", "explain " + example + " --area D"}) {
    SCOPED_TRACE(args);
    // stderr to a file: run_spur's own 2>&1 would send it to /dev/full too.
    ScratchDir dir;
    const std::string err = quoted(dir.path() / "stderr");
    auto r = run_spur(rules_arg() + " " + args + " >/dev/full 2>" + err + "; s=$?; cat " + err +
                      "; exit $s");
    EXPECT_EQ(r.exit_code, 1) << r.out;
    EXPECT_THAT(r.out, HasSubstr("spur: cannot write to standard output: No space left on device"));
  }
}

TEST(Reliability, AReaderClosingThePipeEndsQuietly) {
  // Output bigger than any pipe buffer, read 10 bytes of: spur ends through SIGPIPE (or
  // EPIPE), saying nothing.
  ScratchDir dir;
  const auto err = dir.path() / "stderr";
  auto r =
      run_spur(rules_arg() + " rules --format json 2>" + quoted(err) + " | head -c 10 >/dev/null");
  EXPECT_EQ(r.exit_code, 0);  // the pipeline's status is head's
  EXPECT_EQ(test::read_file(err), "");
}

// --- limits ---------------------------------------------------------------------------------

TEST(Reliability, AFileOverTheSizeLimitIsRefusedAtOnce) {
  ScratchDir dir;
  std::string yaml = header;
  yaml.reserve(limits::max_file_bytes + 1000);
  for (int i = 0; yaml.size() <= limits::max_file_bytes; ++i)
    yaml += "  X" + std::to_string(i) + ": met\n";
  const auto file = dir.write("big.yaml", yaml);
  const auto start = std::chrono::steady_clock::now();
  auto r = run_spur("evaluate " + rules_arg() + " " + quoted(file));
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("big.yaml: error: the file is " + std::to_string(yaml.size()) +
                               " bytes; spur reads files up to 2 MB (2097152 bytes)"));
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 1) << r.out.substr(0, 2000);
  EXPECT_LT(seconds.count(), 20.0);  // a bound on a hang, not a benchmark

  // The 50 MB inspection of issue 10, as a sparse file: refused before a byte is read.
  fs::resize_file(file, 50 << 20);
  r = run_spur("evaluate " + rules_arg() + " " + quoted(file));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("big.yaml: error: the file is 52428800 bytes; spur reads files "
                               "up to 2 MB (2097152 bytes)"));
}

TEST(Reliability, ManyUnknownFindingsReportTheFirstHundredAndACount) {
  // Just under the size limit: 100 000 unknown requirement ids.
  std::string yaml = header;
  for (int i = 0; i < 100000; ++i) yaml += "  X" + std::to_string(i) + ": met\n";
  ASSERT_LT(yaml.size(), limits::max_file_bytes);
  const auto d = problems(yaml);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_THAT(d.front().format(),
              HasSubstr("'findings' holds 100001 findings; spur reads at most 10000"));

  std::string fewer = header;
  for (int i = 0; i < 5000; ++i) fewer += "  X" + std::to_string(i) + ": met\n";
  ScratchDir dir;
  auto r = run_spur("evaluate " + rules_arg() + " " + quoted(dir.write("many.yaml", fewer)));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 101) << r.out.substr(0, 3000);
  expect_short_lines(r.out);
  EXPECT_THAT(r.out, HasSubstr("many.yaml: error: … and 4900 more problems (spur reports the "
                               "first 100)"));
}

TEST(Reliability, AnIdOfAMegabyteIsOverTheValueLimit) {
  // An explicit key (?): YAML limits keys on one line with ':' to 1024 characters.
  const std::string id(1 << 20, 'X');
  EXPECT_EQ(only_error(header + "  ? " + id + "\n  : met\n"),
            "x.yaml:6:5: error: a requirement id in 'findings' is 1048576 bytes long; spur reads "
            "values up to 64 KB");
}

TEST(Reliability, ALongIdIsShortenedInTheMessage) {
  const std::string id(60000, 'X');
  const auto d = problems(header + "  ? " + id + "\n  : not_a_status\n");
  ASSERT_FALSE(d.empty());
  const std::string message = d.front().format();
  EXPECT_LT(message.size(), 400u) << message.substr(0, 400);
  EXPECT_THAT(message, HasSubstr("unknown status 'not_a_status' for XXX"));
  EXPECT_THAT(message, HasSubstr("XXX…"));
}

TEST(Reliability, ALongKnownIdIsShortenedThroughTheCommand) {
  ScratchDir dir;
  const std::string id(60000, 'Y');  // under the 64 KB value limit
  auto r = run_spur("evaluate " + rules_arg() + " " +
                    quoted(dir.write("long.yaml", header + "action_plan:\n  - requirement: " + id +
                                                      "\n    received: 2025-01-01\n")));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_LT(r.out.size(), 3000u) << r.out.substr(0, 3000);
  expect_short_lines(r.out);
  EXPECT_THAT(r.out, HasSubstr("YYY…"));
}

TEST(Reliability, AValueOverTheTextLimitIsAnError) {
  const std::string note(limits::max_text_bytes + 1, 'n');
  EXPECT_THAT(only_error(header + "  A2: {status: met, note: " + note + "}\n"),
              HasSubstr("is 65537 bytes long; spur reads values up to 64 KB"));
}

TEST(Reliability, NewlinesInInputStayInsideOneMessageLine) {
  // A quoted key with an escaped newline: the message names it with \n, on one line.
  const std::string message = only_error(header + "  A2: \"met\\nnot_met\"\n");
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  EXPECT_THAT(message, HasSubstr("unknown status 'met\\nnot_met' for A2"));
  Diagnostic d{Severity::error, "f\nile", 1, 1, "bad 'a\nb\x01' value", {}};
  EXPECT_EQ(d.format(), "f\\nile:1:1: error: bad 'a\\nb\\x01' value");
}

TEST(Reliability, DeepNestingIsAnErrorNamingTheLimit) {
  for (int depth : {100, 2000, 100000}) {
    SCOPED_TRACE(depth);
    const std::string yaml =
        header + "notes: " + std::string(depth, '[') + std::string(depth, ']') + "\n";
    EXPECT_THAT(only_error(yaml), HasSubstr("nested"));
    EXPECT_THAT(only_error(yaml), HasSubstr("spur reads at most 64"));
    const std::string json =
        "{\"notes\": " + std::string(depth, '[') + std::string(depth, ']') + "}";
    try {
      Inspection::parse_json(json, "x.json");
      FAIL();
    } catch (const InspectionError& e) {
      EXPECT_THAT(e.what(), HasSubstr("nested more than 64 levels deep"));
    }
  }
}

TEST(Reliability, AliasesRepeatingValuesBeyondTheFileAreAnError) {
  // "Billion laughs": nine levels of ten aliases each would be 10^9 values.
  std::string yaml = header + "notes:\n  l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 9; ++i) {
    yaml += "  l" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) yaml += (k ? ", *l" : "*l") + std::to_string(i - 1);
    yaml += "]\n";
  }
  EXPECT_THAT(only_error(yaml),
              HasSubstr("aliases (*name) repeat more values than the file holds"));
}

// --- messages that say what is wrong -------------------------------------------------------

TEST(Reliability, CarriageReturnOnlyLineEndsAreNamed) {
  EXPECT_EQ(only_error("inspection:\r  unit: Test\r"),
            "x.yaml:1:12: error: a line ends with a bare carriage return (CR, old Mac style); "
            "save the file with LF or CRLF line ends");
  EXPECT_TRUE(problems("inspection:\r\n  unit: T\r\n  regulations: [sosfs-2015-8]\r\n").empty());
}

TEST(Reliability, TabIndentationIsNamed) {
  EXPECT_THAT(only_error("inspection:\n\tunit: Test\n"),
              HasSubstr("line 2 is indented with a tab; YAML indents with spaces only"));
  EXPECT_THAT(only_error(header + "\tA2: met\n"),
              HasSubstr("is indented with a tab; YAML indents with spaces only"));
}

TEST(Reliability, AnOverlongPlainKeyIsNamed) {
  EXPECT_THAT(only_error(header + "  " + std::string(2000, 'k') + ": met\n"),
              HasSubstr("x.yaml:6:2003: error: YAML syntax error: a key of 2000 characters; YAML "
                        "allows at most 1024 for a key followed by ':'"));
}

TEST(Reliability, NulBytesAndControlCharactersAreNamed) {
  EXPECT_EQ(only_error(header + "  A2: x" + std::string(1, '\0') + "y\n"),
            "x.yaml:6:8: error: a NUL byte (U+0000) is not allowed in a YAML file; is it a text "
            "file? Remove the character");
  EXPECT_THAT(only_error(header + "notes: \"a\x01\"\n"), HasSubstr("a control character (U+0001)"));
}

TEST(Reliability, AMergeKeyIsNotARequirementId) {
  const std::string yaml = header + "  <<: {A2: met}\n";
  EXPECT_THAT(only_error(yaml),
              HasSubstr("x.yaml:6:3: error: '<<' (a YAML merge key) is not supported in "
                        "'findings'; write each finding out"));
  EXPECT_THAT(only_error("inspection:\n  <<: {unit: T}\n  regulations: [sosfs-2015-8]\n"),
              HasSubstr("'<<' (a YAML merge key) is not supported in 'inspection'"));
}

TEST(Reliability, IncompleteUtf8FormsAreRejected) {
  using detail::invalid_utf8;
  constexpr auto ok = std::string_view::npos;
  EXPECT_EQ(invalid_utf8("Sydöstra Skåne € 𝄞"), ok);
  EXPECT_EQ(invalid_utf8("a\xC0\xAF"), 1u);          // overlong '/'
  EXPECT_EQ(invalid_utf8("a\xE0\x80\xAF"), 1u);      // overlong, three bytes
  EXPECT_EQ(invalid_utf8("a\xF0\x80\x80\xAF"), 1u);  // overlong, four bytes
  EXPECT_EQ(invalid_utf8("a\xED\xA0\x80"), 1u);      // a surrogate (U+D800)
  EXPECT_EQ(invalid_utf8("a\xF4\x90\x80\x80"), 1u);  // above U+10FFFF
  for (int lead = 0xF5; lead <= 0xFF; ++lead)
    EXPECT_EQ(invalid_utf8(std::string("a") + static_cast<char>(lead) + "\x80\x80\x80"), 1u);
  EXPECT_EQ(invalid_utf8("a\xC3"), 1u);  // cut short
  EXPECT_THAT(only_error(header + "notes: \"\xED\xA0\x80\"\n"),
              HasSubstr("x.yaml:6:9: error: the file is not valid UTF-8 here"));
}

// --- files that cannot be read ---------------------------------------------------------------

TEST(Reliability, ASymlinkLoopInTheRulesIsAFileError) {
  test::ScratchRules rules;
  fs::create_directories(rules.path() / "loop");
  fs::create_symlink("regulation.yaml", rules.path() / "loop" / "regulation.yaml");
  try {
    RuleBook::load(rules.path());
    FAIL() << "expected FileError";
  } catch (const FileError& e) {
    EXPECT_EQ(std::string(e.what()),
              (rules.path() / "loop" / "regulation.yaml").string() +
                  ": error: cannot be read: Too many levels of symbolic links");
  }
  auto r = run_spur("validate --rules " + quoted(rules.path()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("cannot be read: Too many levels of symbolic links"));
  EXPECT_THAT(r.out, Not(HasSubstr("internal error")));
}

TEST(Reliability, AFolderSymlinkLoopInTheRulesIsAFileError) {
  test::ScratchRules rules;
  fs::create_directory_symlink("self", rules.path() / "self");
  auto r = run_spur("validate --rules " + quoted(rules.path()));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("self: error: cannot read: Too many levels of symbolic links"));
  EXPECT_THAT(r.out, Not(HasSubstr("internal error")));
}

TEST(Reliability, AnUnreadableRulesFolderIsAFileError) {
  // Root reads any folder, so the permission case is tested only for other users.
  if (::geteuid() == 0) GTEST_SKIP() << "running as root: permissions do not stop root";
  test::ScratchRules rules;
  fs::permissions(rules.path() / "spur-st", fs::perms::none);
  auto r = run_spur("validate --rules " + quoted(rules.path()));
  fs::permissions(rules.path() / "spur-st", fs::perms::owner_all);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("Permission denied"));
  EXPECT_THAT(r.out, Not(HasSubstr("no model.yaml")));
}

TEST(Reliability, AnInspectionThatIsASymlinkLoopIsAFileError) {
  ScratchDir dir;
  fs::create_symlink("loop.yaml", dir.path() / "loop.yaml");
  auto r = run_spur("evaluate " + rules_arg() + " " + quoted(dir.path() / "loop.yaml"));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out,
              HasSubstr("loop.yaml: error: cannot be read: Too many levels of symbolic links"));
  EXPECT_THAT(r.out, Not(HasSubstr("internal error")));
}

}  // namespace
}  // namespace spur
