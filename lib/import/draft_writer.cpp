// The draft as an inspection file: the existing format, comments saying what to review.

#include "import/draft_writer.hpp"

#include <algorithm>
#include <sstream>
#include <vector>

namespace spur::detail {
namespace {

// A YAML double-quoted scalar, wrapped at single spaces (a line break folds to a space).
std::string quoted(std::string_view text, std::size_t indent, std::size_t first_column) {
  std::string escaped;
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      escaped += '\\';
      escaped += static_cast<char>(c);
    } else if (c == '\n') {
      escaped += "\\n";
    } else if (c < 0x20) {
      escaped += ' ';
    } else {
      escaped += static_cast<char>(c);
    }
  }
  std::vector<std::string> tokens(1);
  for (char c : escaped) {
    if (c == ' ')
      tokens.emplace_back();
    else
      tokens.back() += c;
  }
  std::string out = "\"";
  std::size_t column = first_column + 1;
  constexpr std::size_t width = 98;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0) {
      const bool can_break = !tokens[i - 1].empty() && !tokens[i].empty();
      if (can_break && column + 1 + tokens[i].size() > width && column > indent + 20) {
        out += "\n" + std::string(indent, ' ');
        column = indent;
      } else {
        out += ' ';
        ++column;
      }
    }
    out += tokens[i];
    column += tokens[i].size();
  }
  return out + "\"";
}

std::string comment_lines(std::string_view text, std::size_t indent) {
  std::string out;
  std::string line = std::string(indent, ' ') + "#";
  std::istringstream words{std::string(text)};
  std::string w;
  while (words >> w) {
    if (line.size() + 1 + w.size() > 98 && line.size() > indent + 2) {
      out += line + "\n";
      line = std::string(indent, ' ') + "#";
    }
    line += " " + w;
  }
  return out + line + "\n";
}

// The areas the report says or marks a grade for, in order.
std::vector<std::string> graded_areas(const Draft& d) {
  std::vector<std::string> areas;
  for (const auto& g : d.grades) areas.push_back(g.area);
  for (const auto& m : d.marks) areas.push_back(m.area);
  std::sort(areas.begin(), areas.end());
  areas.erase(std::unique(areas.begin(), areas.end()), areas.end());
  return areas;
}

const GradeStatement* statement(const Draft& d, const std::string& area) {
  for (const auto& g : d.grades)
    if (g.area == area) return &g;
  return nullptr;
}

// `marked: C`, or one grade per regulation column: `marked: {sosfs-2015-8: D, ...}`.
std::string marked_yaml(const std::vector<const AreaMark*>& marks) {
  if (marks.size() == 1 && marks.front()->regulation.empty())
    return std::string(to_string(marks.front()->mark.grade));
  std::string out;
  for (const AreaMark* m : marks)
    out +=
        (out.empty() ? "{" : ", ") + m->regulation + ": " + std::string(to_string(m->mark.grade));
  return out + "}";
}

}  // namespace

std::string draft_yaml(const Draft& d) {
  std::string y;
  for (const auto& c : d.header_comments) y += comment_lines(c, 0);
  y += "inspection:\n";
  if (!d.id.empty()) y += "  id: " + quoted(d.id, 4, 6) + "\n";
  auto field = [&](const char* key, const FoundField& f, const char* missing) {
    if (f.value.empty()) {
      y += "  # TODO " + std::string(key) + ": " + missing + "\n";
      return;
    }
    y += "  " + std::string(key) + ": " + quoted(f.value, 4, 4 + std::string(key).size()) +
         "  # rad " + std::to_string(f.line) + "\n";
  };
  field("unit", d.unit, "rapportens text anger inte enheten; skriv in den");
  field("specialty", d.specialty, "rapportens text anger inte specialiteten; skriv in den");
  field("date", d.date, "rapportens text anger inget granskningsdatum (YYYY-MM-DD)");
  if (d.regulations_todo) y += comment_lines("TODO regulations: " + d.regulations_comment, 2);
  y += "  regulations: [";
  for (std::size_t i = 0; i < d.regulations.size(); ++i) y += (i ? ", " : "") + d.regulations[i];
  y += "]";
  if (!d.regulations_todo && !d.regulations_comment.empty()) y += "  # " + d.regulations_comment;
  y += "\n";
  y += "  # Allt som rapporten inte kritiserar räknas som uppfyllt.\n";
  y += "  default_status: met\n";

  y += "\n# Fynden är utkast: kraven i handlingsplanen och de som texten säger kräver åtgärd.\n"
       "# Status efter rapportens ordalydelse; bekräfta varje fynd mot rapporten.\n";
  y += "findings:";
  if (d.findings.empty()) y += " {}";
  y += "\n";
  for (const auto& f : d.findings) {
    y += comment_lines(
        "UTKAST " + f.requirement + " (rad " + std::to_string(f.line) + "): " + f.decided, 2);
    const std::string head =
        "  " + f.requirement + ": {status: " + std::string(to_string(f.status)) + ", note: ";
    y += head + quoted(f.note, 6, head.size()) + "}\n";
  }

  const auto areas = graded_areas(d);
  if (!areas.empty()) {
    y += d.marks.empty()
             ? "\n# Vad rapporten säger om graderingen, per område; spur evaluate varnar när\n"
               "# dess egen gradering avviker.\n"
             : "\n# Vad rapporten säger om graderingen, per område, och vad dess "
               "graderingstabeller\n"
               "# markerar (marked, läst ur PDF:ens layout); spur evaluate varnar när dess egen\n"
               "# gradering avviker.\n";
    y += "reported_grades:\n";
    for (const auto& area : areas) {
      const GradeStatement* g = statement(d, area);
      std::string comment = g ? "rad " + std::to_string(g->line) : "";
      std::vector<const AreaMark*> marks;
      for (const auto& m : d.marks)
        if (m.area == area) marks.push_back(&m);
      for (const AreaMark* m : marks)
        comment += (comment.empty() ? "" : "; ") + std::string("rad ") + std::to_string(m->line) +
                   ", sida " + std::to_string(m->page) + ": tabellen markerar " +
                   std::string(to_string(m->mark.grade)) +
                   (m->column.empty() ? "" : " under " + m->column) + " " + mark_swedish(m->mark);
      y += comment_lines(comment, 2);
      std::string head = "  " + area + ": {";
      std::string fields;
      if (g) fields += "grade: " + std::string(to_string(g->grade));
      if (!marks.empty())
        fields += std::string(fields.empty() ? "" : ", ") + "marked: " + marked_yaml(marks);
      if (g) {
        head += fields + ", text: ";
        y += head + quoted(g->text, 6, head.size()) + "}\n";
      } else {
        y += head + fields + "}\n";
      }
    }
  }

  y += "\n# Handlingsplanen som rapporten trycker den; datum och ansvariga ordagrant.\n";
  if (!d.received_comment.empty()) y += comment_lines(d.received_comment, 0);
  y += "action_plan:";
  if (d.plan.empty()) y += " []";
  y += "\n";
  for (const auto& p : d.plan) {
    y += comment_lines("rad " + std::to_string(p.line) + ": " + p.comment, 2);
    y += "  - requirement: " + quoted(p.requirement, 6, 17) + "\n";
    auto text = [&](const char* key, const std::string& value, const char* missing) {
      if (value.empty()) {
        y += "    # TODO " + std::string(key) + ": " + missing + "\n";
        return;
      }
      y += "    " + std::string(key) + ": " + quoted(value, 6, 6 + std::string(key).size()) + "\n";
    };
    text("action", p.action, "rapporten anger ingen planerad åtgärd");
    text("due", p.due, "rapporten anger inget datum när åtgärden ska vara genomförd");
    text("responsible", p.responsible, "rapporten anger ingen ansvarig för genomförandet");
    text("follow_up", p.follow_up, "rapporten anger inget datum för uppföljning");
    text("follow_up_responsible", p.follow_up_responsible,
         "rapporten anger ingen ansvarig för uppföljningen");
    if (p.received)
      y += "    received: " + (p.received_on.empty() ? std::string("true") : p.received_on) + "\n";
  }

  if (!d.notes.empty()) {
    y += "\n# Rapportens övriga text: sammanfattningen och varje områdes beskrivning.\n";
    y += "notes: |\n";
    std::istringstream lines(d.notes);
    std::string line;
    while (std::getline(lines, line)) {
      if (line.empty()) {
        y += "\n";
        continue;
      }
      // Long paragraphs are wrapped (notes are free text); a bullet's lines stay under it.
      const std::string hang = line.starts_with("- ") ? "    " : "  ";
      std::string out = "  ";
      std::istringstream words(line);
      std::string w;
      bool first = true;
      while (words >> w) {
        if (!first && out.size() + 1 + w.size() > 98) {
          y += out + "\n";
          out = hang + w;
        } else {
          out += (first ? "" : " ") + w;
        }
        first = false;
      }
      y += out + "\n";
    }
  }
  if (!d.unplaced.empty()) {
    y += "\n# " + std::to_string(d.unplaced.size()) + (d.unplaced.size() == 1 ? " rad" : " rader") +
         " som importen inte kunde placera:\n";
    for (const auto& u : d.unplaced) y += "#   " + std::to_string(u.line) + ": " + u.text + "\n";
  }
  return y;
}

nlohmann::json draft_json(const Draft& d) {
  nlohmann::json header = nlohmann::json::object();
  if (!d.id.empty()) header["id"] = d.id;
  if (!d.unit.value.empty()) header["unit"] = d.unit.value;
  if (!d.specialty.value.empty()) header["specialty"] = d.specialty.value;
  if (!d.date.value.empty()) header["date"] = d.date.value;
  header["regulations"] = d.regulations;
  header["default_status"] = "met";
  nlohmann::json findings = nlohmann::json::object();
  for (const auto& f : d.findings)
    findings[f.requirement] = {{"status", to_string(f.status)}, {"note", f.note}};
  nlohmann::json out = {{"inspection", header}, {"findings", findings}};
  if (const auto areas = graded_areas(d); !areas.empty()) {
    nlohmann::json grades = nlohmann::json::object();
    for (const auto& area : areas) {
      nlohmann::json entry = nlohmann::json::object();
      if (const GradeStatement* g = statement(d, area)) {
        entry["grade"] = to_string(g->grade);
        entry["text"] = g->text;
      }
      nlohmann::json marked = nlohmann::json::object();
      for (const auto& m : d.marks)
        if (m.area == area) {
          if (m.regulation.empty())
            marked = to_string(m.mark.grade);
          else
            marked[m.regulation] = to_string(m.mark.grade);
        }
      if (!marked.is_object() || !marked.empty()) entry["marked"] = marked;
      grades[area] = entry;
    }
    out["reported_grades"] = grades;
  }
  nlohmann::json plan = nlohmann::json::array();
  for (const auto& p : d.plan) {
    nlohmann::json e = {{"requirement", p.requirement}};
    if (!p.action.empty()) e["action"] = p.action;
    if (!p.due.empty()) e["due"] = p.due;
    if (!p.responsible.empty()) e["responsible"] = p.responsible;
    if (!p.follow_up.empty()) e["follow_up"] = p.follow_up;
    if (!p.follow_up_responsible.empty()) e["follow_up_responsible"] = p.follow_up_responsible;
    if (p.received)
      e["received"] = p.received_on.empty() ? nlohmann::json(true) : nlohmann::json(p.received_on);
    plan.push_back(std::move(e));
  }
  out["action_plan"] = plan;
  if (!d.notes.empty()) out["notes"] = d.notes;
  return out;
}

}  // namespace spur::detail
