// Importing a published report: the sample's text (965 lines) into a draft inspection,
// everything included (parsing, matching against the rule book, drafting, writing the YAML and
// reading it back); and the same report as a 14-page PDF whose eight grading tables are marked,
// which adds poppler's text extraction, the pages' words, rendering the tables' slices and
// reading their marks, and grading the draft to compare.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../tests/cpp/report_pdf.hpp"
#include "spur/import.hpp"

namespace {

std::string sample_report() {
  std::ifstream in(std::string(SPUR_SOURCE_DIR) +
                   "/tests/data/reports/spur-report-palliativ-sydostra-skane.txt");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

static void BM_ImportSampleReport(benchmark::State& state) {
  const spur::RuleBook book = spur::RuleBook::load(std::string(SPUR_SOURCE_DIR) + "/rules");
  const std::string text = sample_report();
  for (auto _ : state) {
    auto result = spur::import_report_data(book, text, "report.txt");
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_ImportSampleReport)->Unit(benchmark::kMillisecond);

static void BM_ImportSamplePdfWithMarkedTables(benchmark::State& state) {
  const spur::RuleBook book = spur::RuleBook::load(std::string(SPUR_SOURCE_DIR) + "/rules");
  const auto path = std::filesystem::temp_directory_path() / "spur-bench-report.pdf";
  spur::test::TableLayout layout;
  layout.empty_boxes = true;
  const std::string grades = "AAADCAAD";
  for (int i = 0; i < 8; ++i)
    layout.marks.push_back(
        {static_cast<char>('A' + i), grades[i], spur::test::MarkStyle::filled_box, "", ""});
  spur::test::write_report_pdf(path, sample_report(), layout);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  const std::string pdf = s.str();
  std::filesystem::remove(path);
  for (auto _ : state) {
    auto result = spur::import_report_data(book, pdf, "report.pdf");
    if (result.inspection.reported_grades.size() != 8) state.SkipWithError("marks not read");
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_ImportSamplePdfWithMarkedTables)->Unit(benchmark::kMillisecond);

static void BM_ImportSamplePdfTextOnly(benchmark::State& state) {
  // The same PDF's text alone (spur import --text): what reading the marks adds is the rest.
  const auto path = std::filesystem::temp_directory_path() / "spur-bench-report-text.pdf";
  spur::test::write_report_pdf(path, sample_report(), {});
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  const std::string pdf = s.str();
  std::filesystem::remove(path);
  for (auto _ : state) benchmark::DoNotOptimize(spur::pdf_text(pdf, "report.pdf"));
}
BENCHMARK(BM_ImportSamplePdfTextOnly)->Unit(benchmark::kMillisecond);
