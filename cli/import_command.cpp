#include "import_command.hpp"

#include <filesystem>
#include <iostream>
#include <iterator>
#include <sstream>

#include "spur/import.hpp"
#include "spur/output_file.hpp"

namespace fs = std::filesystem;

namespace spur::cli {

CLI::App* add_import_command(CLI::App& app, ImportCommandOptions& o) {
  auto* cmd = app.add_subcommand(
      "import", "draft inspection files from published SPUR reports (PDF or its text)");
  cmd->add_option("reports", o.reports, "report files (PDF or text); - reads standard input")
      ->required();
  cmd->add_option("--out", o.out,
                  "write the draft to this file, or into this folder (one file per report)");
  cmd->add_option("--format", o.format, "yaml (with review comments) or json")
      ->check(CLI::IsMember({"yaml", "json"}));
  cmd->add_flag("--keep-names", o.keep_names,
                "keep personal names after roles in the responsible fields");
  cmd->add_flag("--force", o.force, "replace output files that exist");
  cmd->add_flag("--text", o.text, "print the text the import reads (a PDF's extracted text)");
  return cmd;
}

namespace {

std::string read_stdin() {
  std::ostringstream buffer;
  buffer << std::cin.rdbuf();
  return buffer.str();
}

}  // namespace

int run_import(const ImportCommandOptions& o, const RuleBook& book) {
  const std::string ext = o.format == "json" ? ".json" : ".yaml";
  std::error_code ec;
  const bool into_folder = !o.out.empty() && (o.reports.size() > 1 || fs::is_directory(o.out, ec) ||
                                              o.out.back() == '/');
  if (into_folder && !fs::is_directory(o.out, ec)) {
    fs::create_directories(o.out, ec);
    if (ec) {
      std::cerr << o.out << ": error: cannot create the folder: " << ec.message() << "\n";
      return 1;
    }
  }
  int status = 0;
  std::vector<std::string> drafts;
  for (const auto& report : o.reports) {
    const std::string name = report == "-" ? "<stdin>" : report;
    try {
      const ImportOptions options{o.keep_names};
      if (o.text) {
        std::cout << (report == "-" ? report_text(read_stdin(), name) : report_file_text(report));
        continue;
      }
      ImportResult result = report == "-" ? import_report_data(book, read_stdin(), name, options)
                                          : import_report(book, report, options);
      for (const auto& d : result.diagnostics) std::cerr << d.format() << "\n";
      std::string content = o.format == "json" ? result.json + "\n" : result.yaml;
      if (o.out.empty()) {
        drafts.push_back(std::move(content));
        continue;
      }
      fs::path target = o.out;
      if (into_folder) {
        const std::string stem = report == "-" ? "stdin" : fs::path(report).stem().string();
        target = fs::path(o.out) / (stem + ext);
      }
      write_file_atomically(target, content, o.force ? Overwrite::replace : Overwrite::refuse);
      std::cerr << "spur import: wrote " << target.string() << " ("
                << result.inspection.findings.size() << " findings, "
                << result.inspection.action_plan.size() << " plan entries, "
                << result.diagnostics.size() << " warnings)\n";
    } catch (const Error& e) {
      for (const auto& d : e.diagnostics()) std::cerr << d.format() << "\n";
      status = 1;
    }
  }
  if (o.format == "json" && drafts.size() > 1) {
    std::cout << "[\n";
    for (std::size_t i = 0; i < drafts.size(); ++i) {
      std::string d = drafts[i];
      while (!d.empty() && d.back() == '\n') d.pop_back();
      std::cout << d << (i + 1 < drafts.size() ? ",\n" : "\n");
    }
    std::cout << "]\n";
  } else {
    for (std::size_t i = 0; i < drafts.size(); ++i) std::cout << (i ? "---\n" : "") << drafts[i];
  }
  return status;
}

}  // namespace spur::cli
