// spur import: a report's text (or PDF) -> its parts -> a draft inspection file, read back as
// an inspection so that the draft is known to be a valid file.

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "findings/json_to_yaml.hpp"
#include "import/draft_writer.hpp"
#include "import/drafting.hpp"
#include "import/names.hpp"
#include "import/parsed_report.hpp"
#include "import/pdf_reading.hpp"
#include "import/requirement_match.hpp"
#include "import/table_grades.hpp"
#include "import/text_match.hpp"
#include "rules/yaml_reader.hpp"
#include "spur/evaluation.hpp"
#include "spur/import.hpp"

namespace spur {
namespace {

using detail::Draft;
using detail::DraftPlanEntry;
using detail::ParsedReport;

std::string megabytes(std::size_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  return buf;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::string line;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      lines.push_back(std::move(line));
      line.clear();
    } else if (c == '\t') {
      line += ' ';
    } else if (static_cast<unsigned char>(c) >= 0x20 || c < 0) {
      line += c;
    }
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

std::string percent(double similarity) {
  return std::to_string(static_cast<int>(similarity * 100.0 + 0.5)) + "%";
}

std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return detail::shorten(text, 90);
}

// The regulations the report is about, and why.
void decide_regulations(const RuleBook& book, const ParsedReport& r, Draft& d,
                        std::vector<Diagnostic>& diags, const std::string& source) {
  std::vector<std::string> mentioned;
  int first_line = 0;
  for (const auto& [id, line] : r.regulation_mentions)
    if (book.find_regulation(id) &&
        std::find(mentioned.begin(), mentioned.end(), id) == mentioned.end()) {
      mentioned.push_back(id);
      if (!first_line) first_line = line;
    }
  std::vector<std::string> all;
  for (const auto& reg : book.regulations()) all.push_back(reg.id);
  if (mentioned.size() >= 2 || (r.parallel_line && mentioned.size() != 1)) {
    d.regulations = mentioned.size() >= 2 ? mentioned : all;
    d.regulations_comment =
        "rapportens uppgift, rad " + std::to_string(r.parallel_line ? r.parallel_line : first_line);
  } else if (mentioned.size() == 1) {
    d.regulations = mentioned;
    d.regulations_comment = "rapportens uppgift, rad " + std::to_string(first_line);
  } else if (r.two_regulation_marker_line) {
    d.regulations = all;
    d.regulations_comment =
        "tabellerna har kolumner för båda föreskrifterna (\"endast 2015\"/"
        "\"2015 2021\"), rad " +
        std::to_string(r.two_regulation_marker_line);
  } else {
    // Which regulations hold every requirement text the report prints.
    std::vector<std::string> holding;
    for (const auto& reg : book.regulations()) {
      bool every = !r.listed.empty();
      for (const auto& id : r.listed) {
        bool has = false;
        for (const auto& q : reg.requirements) has = has || q.id == id;
        every = every && has;
      }
      if (every) holding.push_back(reg.id);
    }
    d.regulations = holding.empty() ? all : holding;
    d.regulations_todo = true;
    std::string only;
    if (holding.size() == 1)
      for (const auto& id : r.listed) {
        int in = 0;
        for (const auto& reg : book.regulations())
          for (const auto& q : reg.requirements) in += q.id == id;
        if (in == 1) only += (only.empty() ? "" : ", ") + id;
      }
    d.regulations_comment =
        "rapporten namnger ingen föreskrift; härlett ur de krav den listar" +
        (holding.size() == 1 ? " (" +
                                   (only.empty() ? std::string("alla finns i ") + holding[0]
                                                 : only + " finns bara i " + holding[0]) +
                                   ")"
                             : std::string(" (kan inte avgöras)")) +
        ". Bekräfta.";
    diags.push_back({Severity::warning, source, 0, 0,
                     "the report names no regulation; the draft says [" +
                         [&] {
                           std::string s;
                           for (const auto& x : d.regulations) s += (s.empty() ? "" : ", ") + x;
                           return s;
                         }() +
                         "], inferred from the requirements it lists; confirm",
                     ""});
  }
}

std::string bullets_notes(const ParsedReport& r) {
  std::string out;
  const char* titles[] = {"Styrkor", "Svagheter", "Förbättringspotential"};
  for (int kind = 0; kind < 3; ++kind) {
    std::string part;
    for (const auto& b : r.bullets)
      if (static_cast<int>(b.kind) == kind) part += "- " + b.text + "\n";
    if (part.empty()) continue;
    out += std::string(titles[kind]) + ":\n" + part;
  }
  return out;
}

std::string narrative_notes(const RuleBook& book, const ParsedReport& r) {
  std::string out;
  for (const auto& a : r.narrative) {
    if (a.sentences.empty()) continue;
    const Area* area = book.model().find_area(a.area);
    out += "\n" + a.area + ". " + (area ? area->name : std::string()) + "\n";
    std::string paragraph;
    for (const auto& s : a.sentences) paragraph += (paragraph.empty() ? "" : " ") + s.text;
    out += paragraph + "\n";
  }
  if (!r.plan_intro.empty()) {
    out += "\nHandlingsplan\n";
    std::string paragraph;
    for (const auto& s : r.plan_intro) paragraph += (paragraph.empty() ? "" : " ") + s.text;
    out += paragraph + "\n";
  }
  return out;
}

// The first word of each grade's scale wording, which starts a scale row after its label.
detail::ScaleStarts scale_starts(const RuleBook& book) {
  detail::ScaleStarts starts;
  for (const auto& [id, scale] : book.model().scales)
    for (const auto& row : scale.rows) {
      const std::string text = detail::trim(row.text);
      std::string word = detail::fold(text.substr(0, text.find(' ')));
      while (!word.empty() && (word.back() == ',' || word.back() == '.')) word.pop_back();
      auto& words = starts[row.grade];
      if (!word.empty() && std::find(words.begin(), words.end(), word) == words.end())
        words.push_back(word);
    }
  return starts;
}

// `pdf`: what was read from the PDF's pages, for a PDF; null for text.
ImportResult import_text(const RuleBook& book, std::string_view text, const std::string& name,
                         const ImportOptions& options, const detail::PdfReading* pdf) {
  const bool from_pdf = pdf != nullptr;
  const auto lines = split_lines(text);
  ParsedReport r = detail::parse_report(book, lines, name);
  if (r.evidence < 6)
    throw FileError(
        "not a SPUR report: it has none of a report's headings and texts (Styrkor, Föreskrift, "
        "Kvalitetsindikator, Gradering, the areas, HANDLINGSPLAN, the requirement texts)",
        name);

  ImportResult result;
  result.source = name;
  result.from_pdf = from_pdf;
  std::vector<Diagnostic>& diags = result.diagnostics;
  for (auto& d : r.diagnostics) diags.push_back(d);
  auto warn = [&](int line, std::string message, std::string id = {}) {
    diags.push_back({Severity::warning, name, line, 0, std::move(message), std::move(id)});
  };

  Draft d;
  d.source = name;
  {
    std::string stem = std::filesystem::path(name).stem().string();
    if (name != "<stdin>" && !stem.empty()) d.id = stem;
  }
  d.unit = r.unit;
  d.specialty = r.specialty;
  d.date = r.date;
  if (d.unit.value.empty()) result.missing.push_back("unit");
  if (d.specialty.value.empty()) result.missing.push_back("specialty");
  if (d.date.value.empty()) result.missing.push_back("date");
  for (const auto& m : result.missing)
    warn(0, "the report's text does not give the " + m + "; the draft has a TODO for it");
  decide_regulations(book, r, d, diags, name);

  // The plan: each entry's requirement, its fields as written.
  std::vector<detail::PlacedPlanEntry> placed;
  for (const auto& p : r.plan) {
    detail::PlacedPlanEntry pe{&p, nullptr, 0};
    DraftPlanEntry e;
    e.line = p.line;
    e.printed = p.requirement;
    const int at = p.requirement_line ? p.requirement_line : p.line;
    if (p.requirement.empty()) {
      warn(at, "the plan entry under " + p.area + " prints no requirement text; fill it in");
      e.requirement = "";
      e.comment = "TODO requirement: rapporten trycker ingen kravtext";
    } else {
      auto m = detail::match_requirement_text(book, p.area, p.requirement);
      if (m.best && m.similarity >= 0.75) {
        pe.requirement = m.best;
        pe.similarity = m.similarity;
        e.requirement = m.best->id;
        const bool exact = m.similarity >= 0.999;
        e.comment = m.best->id +
                    (exact ? ", kravtexten ordagrant: "
                           : " (" + percent(m.similarity) + " lik kravtexten): ") +
                    "\"" + one_line(p.requirement) + "\"";
        if (!exact)
          warn(at,
               "the plan's requirement text is not the rule book's exactly; closest " + m.best->id +
                   " (" + percent(m.similarity) + " alike): \"" + one_line(m.best->text) + "\"",
               m.best->id);
        if (m.runner_up && m.runner_up_similarity >= m.similarity - 0.05)
          warn(at,
               "the plan's requirement text is ambiguous: " + m.best->id + " (" +
                   percent(m.similarity) + ") or " + m.runner_up->id + " (" +
                   percent(m.runner_up_similarity) + "); drafted " + m.best->id + ", check it",
               m.best->id);
        if (m.best->area != p.area)
          warn(at,
               "the plan entry is under area " + p.area + " but its text is " + m.best->id +
                   " of area " + m.best->area + "; check it",
               m.best->id);
      } else {
        e.requirement = p.requirement;
        std::replace(e.requirement.begin(), e.requirement.end(), '\n', ' ');
        e.comment = "TODO requirement: ingen kravtext i regelboken liknar den tryckta" +
                    (m.best ? " (närmast " + m.best->id + ", " + percent(m.similarity) + ")"
                            : std::string()) +
                    "; skriv kravets id";
        warn(at, "the plan's requirement text matches no requirement" +
                     (m.best ? " (closest " + m.best->id + ", " + percent(m.similarity) + " alike)"
                             : std::string()) +
                     ": \"" + one_line(p.requirement) + "\"; write its id by hand");
      }
    }
    e.action = p.action;
    e.due = p.due;
    e.follow_up = p.follow_up;
    e.responsible = p.responsible;
    e.follow_up_responsible = p.follow_up_responsible;
    if (!options.keep_names) {
      bool dropped = false;
      e.responsible = detail::drop_names(p.responsible, dropped);
      if (dropped)
        warn(p.responsible_line,
             "dropped a personal name from 'Ansvarig för genomförandet', keeping the role and "
             "the unit (--keep-names keeps names)");
      dropped = false;
      e.follow_up_responsible = detail::drop_names(p.follow_up_responsible, dropped);
      if (dropped)
        warn(p.follow_up_responsible_line,
             "dropped a personal name from 'Ansvarig för uppföljningen', keeping the role and "
             "the unit (--keep-names keeps names)");
    }
    static constexpr std::pair<const char*, std::string DraftPlanEntry::*> fields[] = {
        {"Planerad åtgärd", &DraftPlanEntry::action},
        {"Datum när åtgärden ska vara genomförd", &DraftPlanEntry::due},
        {"Ansvarig för genomförandet", &DraftPlanEntry::responsible},
        {"Datum för uppföljning", &DraftPlanEntry::follow_up},
        {"Ansvarig för uppföljningen", &DraftPlanEntry::follow_up_responsible}};
    for (const auto& [label, member] : fields)
      if ((e.*member).empty())
        warn(p.line, "the plan entry lacks '" + std::string(label) + "'; the draft has a TODO");
    e.received = r.received_line != 0;
    e.received_on = r.received_on;
    d.plan.push_back(std::move(e));
    placed.push_back(pe);
  }
  if (r.plan.empty() && r.not_received_line)
    d.received_comment = "Rapporten säger att handlingsplanen inte har kommit in (rad " +
                         std::to_string(r.not_received_line) +
                         ") och trycker ingen; lägg till den när den har kommit.";
  else if (!r.plan.empty() && r.not_received_line && !r.received_line)
    d.received_comment = "Rapporten säger att handlingsplanen inte har kommit in (rad " +
                         std::to_string(r.not_received_line) +
                         "); skriv `received: YYYY-MM-DD` när den har det.";
  else if (!r.plan.empty() && !r.received_line)
    d.received_comment =
        "TODO received: rapporten säger inte att handlingsplanen har kommit in; skriv "
        "`received: YYYY-MM-DD` (eller true) när den har det.";
  else if (r.received_line && r.received_on.empty())
    d.received_comment = "Rapporten säger att planen har kommit in (rad " +
                         std::to_string(r.received_line) + ") men inte när: received: true.";
  else if (r.received_line)
    d.received_comment = "Rapporten säger att planen kom in " + r.received_on + " (rad " +
                         std::to_string(r.received_line) + ").";

  std::vector<std::string> regs = d.regulations;
  d.findings = detail::draft_findings(book, r, placed, regs, name, diags);
  // A föreskrift the text requires action on, which no plan entry covers, keeps its area at D
  // after the plan: say so, once per area (the plan may have been cut off or left out).
  for (const auto& area : book.model().areas) {
    std::vector<std::string> ids;
    int line = 0;
    for (const auto& f : d.findings)
      if (f.area == area.id && !f.in_plan) {
        ids.push_back(f.requirement);
        if (!line || f.line < line) line = f.line;
      }
    if (ids.empty()) continue;
    std::string list;
    for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
    warn(line, "area " + area.id + ": the text requires action on " + list +
                   (r.plan.empty() ? ", but the report prints no handlingsplan; the draft has "
                                     "none, so the area stays D"
                                   : ", but no entry of the handlingsplan covers " +
                                         std::string(ids.size() == 1 ? "it" : "them") +
                                         "; the area stays D after the plan"));
  }
  d.grades = r.grades;
  for (const auto& g : r.grades)
    if (g.area.empty())
      warn(g.line, "a sentence about the grade belongs to no area: \"" + g.text + "\"");
  std::erase_if(d.grades, [](const detail::GradeStatement& g) { return g.area.empty(); });
  {
    // One statement per area: the last one the report makes.
    std::vector<detail::GradeStatement> last;
    for (const auto& g : d.grades) {
      auto it = std::find_if(last.begin(), last.end(), [&](auto& x) { return x.area == g.area; });
      if (it == last.end())
        last.push_back(g);
      else
        *it = g;
    }
    d.grades = std::move(last);
  }

  d.notes = "Importerat ur " + std::filesystem::path(name).filename().string() +
            " av spur import.\n" + bullets_notes(r) + narrative_notes(book, r);
  if (r.bullets_guessed && !r.bullets.empty()) {
    d.notes.insert(d.notes.find('\n') + 1,
                   "(Indelningen i styrkor, svagheter och förbättringspotential är gissad ur "
                   "ordalydelsen: texten visar inte var listorna slutar.)\n");
    warn(r.bullets.front().line,
         "the text does not show where the lists Styrkor / Svagheter / Förbättringspotential "
         "end; the draft's notes divide them by their wording, check it");
  }
  d.unplaced = r.unplaced;
  for (const auto& u : r.unplaced)
    warn(u.line, "line not placed in the draft: \"" + detail::shorten(u.text, 80) + "\"");
  if (!r.unplaced.empty())
    warn(0, std::to_string(r.unplaced.size()) + (r.unplaced.size() == 1 ? " line" : " lines") +
                " of the report could not be placed; they are listed at the end of the draft");
  if (from_pdf)
    d.marks = detail::read_table_grades(book, r, pdf->tables, name, diags);
  else
    warn(0,
         "the grade marks of the report's grading tables do not survive text extraction, so "
         "none were read: import the PDF itself to read them; reported_grades holds what the "
         "report's sentences say");

  d.header_comments = {
      "UTKAST till inspektionsfil, skapat av `spur import` ur " +
          std::filesystem::path(name).filename().string() + ". Granska det före användning.",
      "Fynden kommer från handlingsplanen och från \"Åtgärd(er) krävs\" i texten; allt annat "
      "räknas som uppfyllt (default_status: met). " +
          std::string(from_pdf
                          ? "Graderingstabellernas markeringar är lästa ur PDF:ens layout "
                            "(reported_grades, marked), rapportens meningar om graderingen står "
                            "där också."
                          : "Tabellernas graderingsmarkeringar finns inte i texten: rapportens "
                            "egna graderingar står under reported_grades."),
  };
  std::stable_sort(diags.begin(), diags.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });

  result.yaml = detail::draft_yaml(d);
  result.json = detail::draft_json(d).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  result.unplaced = r.unplaced;
  result.inspection = Inspection::parse(result.yaml, name);
  if (!d.marks.empty()) {
    // Where the tables mark a grade the draft's findings do not give, say which area to review.
    try {
      const Evaluation ev = evaluate(book, result.inspection);
      detail::compare_with_draft(ev, d.marks, r, name, diags);
      std::stable_sort(diags.begin(), diags.end(),
                       [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
    } catch (const Error&) {
      // A draft spur cannot grade says so when it is evaluated; the import has drafted it.
    }
  }
  return result;
}

}  // namespace

std::string report_text(std::string_view data, const std::string& name) {
  if (data.size() > max_report_bytes)
    throw FileError("is " + megabytes(data.size()) + ", more than any SPUR report (at most " +
                        megabytes(max_report_bytes) + "): not a SPUR report",
                    name);
  if (data.find_first_not_of(" \t\r\n\f") == std::string_view::npos)
    throw FileError("is empty: not a SPUR report", name);
  if (data.starts_with("%PDF-")) return pdf_text(data, name);
  if (data.starts_with("\xEF\xBB\xBF")) data.remove_prefix(3);
  if (data.find('\0') != std::string_view::npos ||
      detail::invalid_utf8(data) != std::string_view::npos)
    throw FileError("is neither a PDF nor UTF-8 text: not a SPUR report", name);
  return std::string(data);
}

ImportResult import_report_data(const RuleBook& book, std::string_view data,
                                const std::string& name, const ImportOptions& options) {
  if (data.size() <= max_report_bytes && data.starts_with("%PDF-")) {
    const detail::ScaleStarts starts = scale_starts(book);
    const detail::PdfReading pdf = detail::read_pdf(data, name, &starts);
    return import_text(book, pdf.text, name, options, &pdf);
  }
  const std::string text = report_text(data, name);
  return import_text(book, text, name, options, nullptr);
}

namespace {

std::string read_report_file(const std::filesystem::path& path) {
  std::error_code ec;
  const std::string name = path.string();
  if (std::filesystem::is_directory(path, ec))
    throw FileError("is a directory, not a report", name);
  if (!std::filesystem::exists(path, ec)) throw FileError("no such file", name);
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > max_report_bytes)
    throw FileError("is " + megabytes(size) + ", more than any SPUR report (at most " +
                        megabytes(max_report_bytes) + "): not a SPUR report",
                    name);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FileError("cannot be read (permissions?)", name);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

std::string report_file_text(const std::filesystem::path& path) {
  return report_text(read_report_file(path), path.string());
}

ImportResult import_report(const RuleBook& book, const std::filesystem::path& path,
                           const ImportOptions& options) {
  return import_report_data(book, read_report_file(path), path.string(), options);
}

}  // namespace spur
