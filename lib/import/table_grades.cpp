// The grades a PDF's grading tables mark, by area, and how they compare with the draft.

#include "import/table_grades.hpp"

#include <algorithm>
#include <tuple>

namespace spur::detail {

namespace {

std::string grade_name(Grade g) {
  return std::string(to_string(g));
}

std::string grades_text(GradeSet set) {
  std::string out;
  for (Grade g : all_grades)
    if (set.contains(g)) out += (out.empty() ? "" : "/") + grade_name(g);
  return out;
}

// The regulation a grade column's heading ("2015", "2021") names: the one whose id has that
// year ("sosfs-2015-8").
std::string column_regulation(const RuleBook& book, const std::string& heading) {
  if (heading.empty()) return "";
  for (const auto& reg : book.regulations())
    if (reg.id.find("-" + heading + "-") != std::string::npos) return reg.id;
  return "";
}

// The lines of an area's text, as ranges ("120-132, 418-430").
std::string narrative_lines(const ParsedReport& report, const std::string& area) {
  std::vector<int> lines;
  for (const auto& a : report.narrative)
    if (a.area == area)
      for (const auto& s : a.sentences) lines.push_back(s.line);
  std::sort(lines.begin(), lines.end());
  std::string out;
  std::size_t i = 0;
  while (i < lines.size()) {
    std::size_t j = i;
    while (j + 1 < lines.size() && lines[j + 1] - lines[j] <= 12) ++j;
    out += (out.empty() ? "" : ", ") + std::to_string(lines[i]) +
           (j > i ? "-" + std::to_string(lines[j]) : std::string());
    i = j + 1;
  }
  return out;
}

std::string marks_list(const std::vector<RowMark>& marks) {
  std::string out;
  for (std::size_t i = 0; i < marks.size(); ++i)
    out += std::string(i == 0                  ? ""
                       : i + 1 == marks.size() ? " and "
                                               : ", ") +
           grade_name(marks[i].grade) + " (" + mark_english(marks[i]) + ")";
  return out;
}

}  // namespace

std::string mark_english(const RowMark& mark) {
  switch (mark.kind) {
    case MarkKind::glyph:
      return "\"" + mark.glyph + "\"";
    case MarkKind::drawn:
      return "a drawn mark";
    case MarkKind::shaded:
      return "a shaded row";
  }
  return "";
}

std::string mark_swedish(const RowMark& mark) {
  switch (mark.kind) {
    case MarkKind::glyph:
      return "med \"" + mark.glyph + "\"";
    case MarkKind::drawn:
      return "med en ritad markering";
    case MarkKind::shaded:
      return "med en skuggad rad";
  }
  return "";
}

std::vector<AreaMark> read_table_grades(const RuleBook& book, const ParsedReport& report,
                                        const std::vector<PdfGradeTable>& tables,
                                        const std::string& source, std::vector<Diagnostic>& diags) {
  auto warn = [&](int line, std::string message) {
    diags.push_back({Severity::warning, source, line, 0, std::move(message), ""});
  };
  std::vector<AreaMark> marks;
  if (tables.empty()) {
    warn(0,
         "the PDF's pages show no grading table (scale rows \"A. Socialstyrelsens …\" to \"D. "
         "Brister …\"), so no grade marks were read; the draft's grades come from its findings");
    return marks;
  }
  bool ink_read = true;
  std::vector<const PrintedGradeTable*> found;
  std::vector<std::string> read_areas;
  for (const auto& t : tables) {
    ink_read = ink_read && t.ink_read;
    int line = 0;
    for (const auto& [grade, l] : t.rows)
      if (!line && l) line = l;
    const PrintedGradeTable* text = nullptr;
    for (const auto& pt : report.grade_tables)
      for (const auto& row : pt.rows)
        for (const auto& [grade, l] : t.rows)
          if (l && row.second == l) text = &pt;
    const std::string page = "page " + std::to_string(t.page);
    if (!text || text->area.empty()) {
      std::vector<RowMark> all;
      for (const auto& c : t.columns) all.insert(all.end(), c.marked.begin(), c.marked.end());
      warn(line, "a grading table (" + page + ") " +
                     (all.empty() ? std::string("marks no grade") : "marks " + marks_list(all)) +
                     ", and the text does not show which area it grades; it is not read into "
                     "reported_grades");
      continue;
    }
    found.push_back(text);
    const std::string& area = text->area;
    if (std::find(read_areas.begin(), read_areas.end(), area) != read_areas.end()) {
      warn(line, "area " + area + " has a second grading table (" + page +
                     "); only the first one is read");
      continue;
    }
    read_areas.push_back(area);
    for (const auto& c : t.columns) {
      const std::string regulation = column_regulation(book, c.heading);
      const std::string which =
          "area " + area + (c.heading.empty() ? "" : ", column " + c.heading) + " (" + page + ")";
      if (c.marked.empty()) {
        warn(line, which +
                       ": the grading table marks no grade the import can see; "
                       "reported_grades has no mark for it, read the grade in the report");
        continue;
      }
      if (c.marked.size() > 1) {
        warn(line, which + ": the grading table marks more than one grade, " +
                       marks_list(c.marked) +
                       "; none is read, check in the report which one it gives");
        continue;
      }
      const RowMark& m = c.marked.front();
      int row_line = line;
      for (const auto& [grade, l] : t.rows)
        if (grade == m.grade && l) row_line = l;
      if (!c.heading.empty() && regulation.empty()) {
        warn(row_line, which +
                           ": the column heading names no regulation of the rule book; "
                           "its mark " +
                           grade_name(m.grade) + " is not read");
        continue;
      }
      marks.push_back({area, regulation, c.heading, m, t.page, row_line});
    }
  }
  for (const auto& pt : report.grade_tables)
    if (!pt.area.empty() && std::find(found.begin(), found.end(), &pt) == found.end())
      warn(pt.rows.front().second,
           "area " + pt.area +
               ": its grading table was not found in the PDF's layout where the text prints "
               "its scale; its grade mark is not read");
  if (!ink_read)
    warn(0,
         "poppler cannot render this PDF's pages: only mark glyphs (X, ✓, ☒, ■, …) were "
         "read from the grading tables, not drawn marks or shaded rows");
  std::sort(marks.begin(), marks.end(), [](const AreaMark& a, const AreaMark& b) {
    return std::tie(a.area, a.column) < std::tie(b.area, b.column);
  });
  return marks;
}

void compare_with_draft(const Evaluation& draft, const std::vector<AreaMark>& marks,
                        const ParsedReport& report, const std::string& source,
                        std::vector<Diagnostic>& diags) {
  for (const auto& m : marks) {
    GradeSet before, after;
    std::string which = "area " + m.area;
    if (m.regulation.empty()) {
      for (const auto& a : draft.areas)
        if (a.area == m.area) before = a.possible, after = a.after_plan;
    } else {
      which += " (" + m.regulation + ", column " + m.column + ")";
      const AreaResult* result = nullptr;
      for (const auto& r : draft.results)
        if (r.area == m.area && r.regulation == m.regulation) result = &r;
      if (!result) {
        diags.push_back({Severity::warning, source, m.line, 0,
                         which + ": the report's grading table marks " + grade_name(m.mark.grade) +
                             ", but the draft is not graded under " + m.regulation +
                             "; add it to the draft's regulations if the report grades it",
                         ""});
        continue;
      }
      before = result->effective();
      after = result->after_plan();
    }
    const GradeSet ours = before | after;
    if (ours.empty() || ours.contains(m.mark.grade)) continue;
    const std::string lines = narrative_lines(report, m.area);
    const std::string where =
        lines.empty() ? "area " + m.area + " in the report" : "lines " + lines;
    const std::string said = which + ": the report's grading table marks " +
                             grade_name(m.mark.grade) + " (page " + std::to_string(m.page) +
                             ") but the draft's findings give " + grades_text(before) +
                             (after.empty() || after == before ? "" : "->" + grades_text(after));
    if (m.mark.grade > ours.worst())
      diags.push_back({Severity::warning, source, m.line, 0,
                       said +
                           ": the report criticises something the draft has no finding for; "
                           "review the area's text (" +
                           where + ") and add the findings",
                       ""});
    else
      diags.push_back({Severity::warning, source, m.line, 0,
                       said +
                           ": a drafted finding may be too strict; review the area's findings "
                           "against its text (" +
                           where + ")",
                       ""});
  }
}

}  // namespace spur::detail
