// The report as Markdown that GitHub and GitLab render: tables, bold grades, the explanation
// in a collapsible <details>. Every text is escaped so that it reads as written.

#include <sstream>

#include "render/labels.hpp"
#include "spur/report.hpp"

namespace spur {

namespace {

namespace label = wording::label;

// Text in a paragraph or a table cell: Markdown punctuation and HTML escaped, lines joined.
std::string md(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  for (char c : s) {
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '|':
      case '#':
      case '!':
      case '~':
        out += '\\';
        out += c;
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '\r':
        break;
      case '\n':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

class MarkdownWriter {
 public:
  explicit MarkdownWriter(const Report& r) : r_(r), l_(r.options.language) {}

  std::string write() {
    if (r_.summary()) {
      summary_page();
      for (const auto& i : r_.inspections) inspection(i, 2);
    } else {
      inspection(r_.inspections.front(), 1);
    }
    s_ << "\n---\n\n" << label::made_by(l_) << " " << md(r_.rule_book.spur_version) << ".\n";
    return s_.str();
  }

 private:
  static std::string name(const InspectionReport& i) {
    return !i.unit.empty() ? i.unit : !i.id.empty() ? i.id : i.file;
  }
  static std::string cell(const GradeCell& c) { return "**" + md(c.text()) + "**"; }

  void stamp() {
    const RuleBookStamp& b = r_.rule_book;
    std::string regs;
    for (const auto& x : b.regulations) regs += (regs.empty() ? "" : ", ") + x;
    s_ << "- **" << label::rule_book(l_) << ":** " << md(b.model) << " (" << md(regs) << "), spur "
       << md(b.spur_version) << "\n- **" << label::digest(l_) << ":** `" << b.digest << "`\n- **"
       << label::as_of(l_) << ":** " << r_.options.as_of.iso() << "\n";
  }

  void legend(bool adjusted, bool provisional, bool overridden) {
    if (adjusted) s_ << "\n" << md(label::legend_adjusted(l_)) << "  ";
    if (provisional) s_ << "\n" << md(label::legend_provisional(l_)) << "  ";
    if (overridden) s_ << "\n" << md(label::legend_override(l_)) << "  ";
    if (adjusted || provisional || overridden) s_ << "\n";
  }

  void summary_page() {
    s_ << "# " << label::summary_report(l_) << "\n\n"
       << r_.inspections.size() << " " << label::inspections(l_) << "\n\n";
    stamp();
    s_ << "\n## " << label::heat_map(l_) << "\n\n| " << label::unit(l_) << " |";
    for (const auto& a : r_.area_ids) s_ << " " << md(a) << " |";
    s_ << " " << label::action_required(l_) << " | " << label::overdue_plans(l_) << " |\n|---|";
    for (std::size_t a = 0; a < r_.area_ids.size(); ++a) s_ << ":-:|";
    s_ << "--:|--:|\n";
    bool adjusted = false, provisional = false, overridden = false;
    for (const auto& i : r_.inspections) {
      s_ << "| " << md(name(i)) << " |";
      for (const auto& a : i.areas) {
        s_ << " " << cell(a.combined) << " |";
        adjusted = adjusted || a.combined.adjusted;
        provisional = provisional || a.combined.provisional();
        overridden = overridden || a.combined.overridden;
      }
      s_ << " " << i.required_count << " | " << i.plan.overdue << " |\n";
    }
    legend(adjusted, provisional, overridden);
    s_ << "\n## " << label::required_per_area(l_) << "\n\n| " << label::area(l_) << " | "
       << label::action_required(l_) << " | " << label::action_recommended(l_)
       << " |\n|---|--:|--:|\n";
    int total_required = 0, total_recommended = 0;
    for (std::size_t a = 0; a < r_.area_ids.size(); ++a) {
      int required = 0, recommended = 0;
      for (const auto& i : r_.inspections) {
        required += static_cast<int>(i.areas[a].required.size());
        recommended += static_cast<int>(i.areas[a].recommended.size());
      }
      total_required += required;
      total_recommended += recommended;
      s_ << "| " << md(r_.area_ids[a]) << " " << md(r_.area_names[a]) << " | " << required << " | "
         << recommended << " |\n";
    }
    s_ << "| **" << label::total(l_) << "** | **" << total_required << "** | **"
       << total_recommended << "** |\n";
  }

  void inspection(const InspectionReport& i, int level) {
    const std::string h1(level, '#'), h2(level + 1, '#'), h3(level + 2, '#');
    s_ << (level == 1 ? "" : "\n") << h1 << " "
       << (level == 1 ? std::string(label::report(l_)) + " – " : "") << md(name(i)) << "\n\n";
    s_ << "- **" << label::unit(l_) << ":** " << md(i.unit) << "\n- **" << label::specialty(l_)
       << ":** " << (i.specialty.empty() ? std::string(label::not_given(l_)) : md(i.specialty))
       << "\n- **" << label::inspection_date(l_) << ":** "
       << (i.date.empty() ? std::string(label::not_given(l_)) : md(i.date)) << "\n- **"
       << label::regulations(l_) << ":** ";
    for (std::size_t k = 0; k < i.regulation_titles.size(); ++k)
      s_ << (k ? "; " : "") << md(i.regulation_titles[k]);
    s_ << "\n";
    if (!i.id.empty()) s_ << "- **" << label::inspection(l_) << ":** " << md(i.id) << "\n";
    if (level == 1) stamp();
    if (!i.warnings.empty()) {
      s_ << "\n**" << label::warnings(l_) << "**\n\n";
      for (const auto& w : i.warnings) s_ << "- " << md(w) << "\n";
    }

    const bool several = i.regulations.size() > 1;
    s_ << "\n" << h2 << " " << label::summary(l_) << "\n\n| " << label::area(l_) << " |";
    for (const auto& reg : i.regulations) s_ << " " << md(wording::regulation_short(reg)) << " |";
    if (several) s_ << " " << label::combined(l_) << " |";
    s_ << "\n|---|";
    for (std::size_t k = 0; k < i.regulations.size() + several; ++k) s_ << ":-:|";
    s_ << "\n";
    bool adjusted = false, provisional = false, overridden = false;
    for (const auto& a : i.areas) {
      s_ << "| " << md(a.id) << " " << md(a.name) << " |";
      for (const auto& g : a.grades) {
        s_ << " " << cell(g) << " |";
        adjusted = adjusted || g.adjusted;
        provisional = provisional || g.provisional();
        overridden = overridden || g.overridden;
      }
      if (several) s_ << " " << cell(a.combined) << " |";
      s_ << "\n";
    }
    legend(adjusted, provisional, overridden);
    s_ << "\n"
       << label::action_required(l_) << ": **" << i.required_count << "**; "
       << label::action_recommended(l_) << ": **" << i.recommended_count << "**. "
       << label::plan_required(l_) << ": **"
       << md(!i.action_plan_required   ? label::possibly(l_)
             : *i.action_plan_required ? label::yes(l_)
                                       : label::no(l_))
       << "**.\n";

    std::string section;
    for (const auto& a : i.areas) {
      if (a.section != section && !a.section.empty()) {
        section = a.section;
        s_ << "\n" << h2 << " " << md(section) << "\n";
      }
      area(i, a, h2 + "#", h3 + "#");
    }
    plan(i, h2);
  }

  void area(const InspectionReport& i, const ReportArea& a, const std::string& h2,
            const std::string& h3) {
    s_ << "\n" << h2 << " " << md(a.id) << ". " << md(a.name) << "\n\n";
    if (!a.preamble.empty()) s_ << "*" << md(a.preamble) << "*\n\n";
    s_ << "| " << label::grade(l_) << " |";
    for (const auto& reg : i.regulations) s_ << " " << md(wording::regulation_year(reg)) << " |";
    s_ << " " << label::scale(l_) << " |\n|:-:|";
    for (std::size_t k = 0; k < i.regulations.size(); ++k) s_ << ":-:|";
    s_ << "---|\n";
    for (const auto& row : a.scale) {
      s_ << "| " << to_string(row.grade) << " |";
      for (const auto& m : row.marks) s_ << " " << (m.empty() ? "" : "**" + md(m) + "**") << " |";
      s_ << " " << md(row.text) << " |\n";
    }
    s_ << "\n" << md(label::marks_legend(l_)) << "\n";

    for (Kind kind : all_kinds) {
      bool any = false;
      for (const auto& q : a.requirements) any = any || q.kind == kind;
      if (!any) continue;
      s_ << "\n"
         << h3 << " " << wording::kind_heading(kind, l_) << "\n\n| " << label::requirement(l_)
         << " | " << label::text(l_) << " |";
      for (const auto& reg : i.regulations)
        s_ << " " << label::status(l_)
           << (i.regulations.size() > 1 ? " " + md(wording::regulation_year(reg)) : "") << " |";
      s_ << "\n|---|---|";
      for (std::size_t k = 0; k < i.regulations.size(); ++k) s_ << "---|";
      s_ << "\n";
      for (const auto& q : a.requirements) {
        if (q.kind != kind) continue;
        s_ << "| " << md(q.id) << " | " << md(q.text);
        for (std::size_t k = 0; k < q.cells.size(); ++k)
          if (q.cells[k].present && q.cells[k].kind != q.kind)
            s_ << " *(" << wording::kind_name(q.cells[k].kind, l_) << " "
               << md(wording::regulation_year(i.regulations[k])) << ")*";
        if (!q.note.empty()) s_ << "<br>" << label::note(l_) << ": " << md(q.note);
        s_ << " |";
        for (const auto& c : q.cells) {
          const bool unmet = counts_as_unmet(c.status) && c.present;
          s_ << " " << (unmet ? "**" : "") << md(wording::status_name(c.status, l_))
             << (unmet ? "**" : "");
          if (!c.present) s_ << "–";
          if (std::string why = wording::implied_text(c, l_); !why.empty())
            s_ << " (" << md(why) << ")";
          s_ << " |";
        }
        s_ << "\n";
      }
    }
    actions(a.required, label::action_required(l_), i.regulations.size() > 1);
    actions(a.recommended, label::action_recommended(l_), i.regulations.size() > 1);
    if (!a.explanations.empty()) {
      s_ << "\n<details><summary>" << label::explanation(l_) << "</summary>\n\n````text\n";
      for (std::size_t k = 0; k < a.explanations.size(); ++k)
        s_ << (k ? "\n" : "") << a.explanations[k];
      if (a.explanations.back().empty() || a.explanations.back().back() != '\n') s_ << "\n";
      s_ << "````\n\n</details>\n";
    }
  }

  void actions(const std::vector<ReportAction>& list, std::string_view title, bool several) {
    if (list.empty()) return;
    s_ << "\n**" << title << "**\n\n";
    for (const auto& x : list) {
      s_ << "- **" << md(x.requirement) << "** " << md(x.text);
      const auto extra = wording::action_qualifiers(x, l_, several);
      if (!extra.empty()) {
        s_ << " *(";
        for (std::size_t k = 0; k < extra.size(); ++k) s_ << (k ? "; " : "") << md(extra[k]);
        s_ << ")*";
      }
      s_ << "\n";
    }
  }

  void plan(const InspectionReport& i, const std::string& h2) {
    const ReportPlan& p = i.plan;
    s_ << "\n" << h2 << " " << label::plan(l_) << "\n\n";
    if (p.items.empty()) {
      s_ << label::no_plan(l_) << "\n";
      return;
    }
    if (p.plan_due) s_ << label::plan_due(l_) << " " << p.plan_due->iso() << ". ";
    if (p.received_on)
      s_ << label::received_on(l_) << " " << p.received_on->iso()
         << (p.in_time
                 ? std::string(" (") +
                       std::string(*p.in_time ? label::plan_in_time(l_) : label::plan_late(l_)) +
                       ")"
                 : std::string())
         << ". ";
    s_ << label::as_of(l_) << " " << r_.options.as_of.iso() << ".\n\n| " << label::requirement(l_)
       << " | " << label::planned_action(l_) << " | " << label::responsible(l_) << " | "
       << label::due(l_) << " | " << label::follow_up(l_) << " | " << label::next_follow_up(l_)
       << " | " << label::received(l_) << " | " << label::state(l_)
       << " |\n|---|---|---|---|---|---|---|---|\n";
    for (const auto& x : p.items) {
      s_ << "| **" << md(x.requirement) << "** " << md(x.requirement_text) << " | " << md(x.action)
         << " | " << md(x.responsible) << " | " << md(x.due) << " ("
         << md(wording::interval_text(x.due_start, x.due_end)) << ") | " << md(x.follow_up);
      if (!x.follow_up_responsible.empty()) s_ << " (" << md(x.follow_up_responsible) << ")";
      s_ << " | " << wording::date_text(x.next_follow_up) << " | "
         << (x.received ? label::yes(l_) : label::no(l_))
         << (x.received_on ? " " + x.received_on->iso() : std::string()) << " | **"
         << wording::state_name(x.state, l_) << "**"
         << (x.done ? " " + x.done->iso() : std::string()) << " |\n";
    }
    for (const auto& w : p.warnings) s_ << "\n- " << md(w);
    if (!p.warnings.empty()) s_ << "\n";
  }

  const Report& r_;
  Language l_;
  std::ostringstream s_;
};

}  // namespace

std::string to_markdown(const Report& report) {
  return MarkdownWriter(report).write();
}

}  // namespace spur
