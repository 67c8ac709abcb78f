// The report as a paginated PDF: the same content as the HTML report, laid out with the flow
// layout of pdf_layout (cairo and pango, DejaVu fonts).

#include "render/labels.hpp"
#include "render/pdf_layout.hpp"
#include "spur/report.hpp"

namespace spur {

namespace {

namespace label = wording::label;
using pdf::Cell;
using pdf::Colour;
using pdf::escape;

Colour fill(Grade g) {
  switch (g) {
    case Grade::A:
      return {0.890, 0.957, 0.902};
    case Grade::B:
      return {0.710, 0.863, 0.749};
    case Grade::C:
      return {0.914, 0.635, 0.231};
    default:
      return {0.659, 0.137, 0.102};
  }
}
const Colour white{1, 1, 1};
const Colour ink{0.1, 0.12, 0.14};

Cell text(std::string markup) {
  Cell c;
  c.markup = std::move(markup);
  return c;
}
Cell grade_cell(const GradeCell& g, Language l, bool wide = true) {
  Cell c;
  c.markup = escape(g.text());
  if (g.provisional() && !wide) c.markup = "<i>" + c.markup + "</i>";
  if (g.provisional() && wide)
    c.markup = "<i>" + c.markup + "</i>\n<span size=\"smaller\" weight=\"normal\">" +
               escape(label::provisional(l)) + "</span>";
  c.background = fill(g.shade());
  c.ink = g.shade() == Grade::D ? white : ink;
  c.centre = true;
  c.bold = true;
  return c;
}
std::string grey(const std::string& escaped) {
  return "<span foreground=\"#57606a\" size=\"smaller\">" + escaped + "</span>";
}

class PdfWriter {
 public:
  explicit PdfWriter(const Report& r) : r_(r), l_(r.options.language) {}

  std::string write() {
    const InspectionReport& first = r_.inspections.front();
    doc_.title = r_.summary() ? std::string(label::summary_report(l_))
                              : std::string(label::report(l_)) + " – " + name(first) +
                                    (first.date.empty() ? "" : ", " + first.date);
    doc_.header_right = std::string(label::follow_up(l_)) + " " + r_.options.as_of.iso();
    doc_.footer_left = "spur " + r_.rule_book.spur_version + " · " + r_.rule_book.model + " · " +
                       r_.rule_book.digest.substr(0, 12);
    doc_.page_label = label::page(l_);
    doc_.of_label = label::of(l_);
    if (r_.summary()) {
      summary_page();
      for (const auto& i : r_.inspections) {
        doc_.page_break();
        inspection(i, 1, false);
      }
    } else {
      inspection(first, 1, true);
    }
    return pdf::render(doc_);
  }

 private:
  static std::string name(const InspectionReport& i) {
    return !i.unit.empty() ? i.unit : !i.id.empty() ? i.id : i.file;
  }

  void meta(std::vector<std::pair<std::string, std::string>> rows) {
    pdf::Table t;
    t.widths = {0.3, 0.7};
    t.font_size = 8.5;
    for (auto& [k, v] : rows) t.rows.push_back({text("<b>" + escape(k) + "</b>"), text(v)});
    doc_.table(std::move(t));
  }
  std::vector<std::pair<std::string, std::string>> stamp() {
    const RuleBookStamp& b = r_.rule_book;
    std::string regs;
    for (const auto& x : b.regulations) regs += (regs.empty() ? "" : ", ") + x;
    return {
        {std::string(label::rule_book(l_)),
         escape(b.model + " (" + regs + "), spur " + b.spur_version)},
        {std::string(label::digest(l_)),
         "<span font_family=\"DejaVu Sans Mono\" size=\"smaller\">" + escape(b.digest) + "</span>"},
        {std::string(label::as_of(l_)), r_.options.as_of.iso()}};
  }
  void legend(bool adjusted, bool provisional, bool overridden) {
    if (adjusted) doc_.paragraph(grey(escape(label::legend_adjusted(l_))), 8.5);
    if (provisional) doc_.paragraph(grey(escape(label::legend_provisional(l_))), 8.5);
    if (overridden) doc_.paragraph(grey(escape(label::legend_override(l_))), 8.5);
  }

  void summary_page() {
    doc_.heading(1, escape(label::summary_report(l_)));
    doc_.paragraph(std::to_string(r_.inspections.size()) + " " + escape(label::inspections(l_)));
    meta(stamp());
    doc_.heading(2, escape(label::heat_map(l_)));
    pdf::Table t;
    const double n = static_cast<double>(r_.area_ids.size());
    const double grade_w = 0.068;
    t.widths.push_back(1 - grade_w * n - 0.26);
    for (std::size_t a = 0; a < r_.area_ids.size(); ++a) t.widths.push_back(grade_w);
    t.widths.push_back(0.13);
    t.widths.push_back(0.13);
    t.font_size = 8;
    t.header.push_back(text("<b>" + escape(label::unit(l_)) + "</b>"));
    for (const auto& a : r_.area_ids) {
      Cell c = text("<b>" + escape(a) + "</b>");
      c.centre = true;
      t.header.push_back(c);
    }
    t.header.push_back(text("<b>" + escape(label::action_required(l_)) + "</b>"));
    t.header.push_back(text("<b>" + escape(label::overdue_plans(l_)) + "</b>"));
    bool adjusted = false, provisional = false, overridden = false;
    for (const auto& i : r_.inspections) {
      std::vector<Cell> row{
          text(escape(name(i)) + (i.date.empty() ? "" : "\n" + grey(escape(i.date))))};
      for (const auto& a : i.areas) {
        row.push_back(grade_cell(a.combined, l_, false));
        adjusted = adjusted || a.combined.adjusted;
        provisional = provisional || a.combined.provisional();
        overridden = overridden || a.combined.overridden;
      }
      Cell req = text(std::to_string(i.required_count));
      req.centre = true;
      Cell late = text(std::to_string(i.plan.overdue));
      late.centre = true;
      if (i.plan.overdue) {
        late.background = fill(Grade::D);
        late.ink = white;
        late.bold = true;
      }
      row.push_back(req);
      row.push_back(late);
      t.rows.push_back(std::move(row));
    }
    doc_.table(std::move(t));
    legend(adjusted, provisional, overridden);

    doc_.heading(2, escape(label::required_per_area(l_)));
    pdf::Table c;
    c.widths = {0.64, 0.18, 0.18};
    c.header = {text("<b>" + escape(label::area(l_)) + "</b>"),
                text("<b>" + escape(label::action_required(l_)) + "</b>"),
                text("<b>" + escape(label::action_recommended(l_)) + "</b>")};
    int total_required = 0, total_recommended = 0;
    for (std::size_t a = 0; a < r_.area_ids.size(); ++a) {
      int required = 0, recommended = 0;
      for (const auto& i : r_.inspections) {
        required += static_cast<int>(i.areas[a].required.size());
        recommended += static_cast<int>(i.areas[a].recommended.size());
      }
      total_required += required;
      total_recommended += recommended;
      Cell x = text(std::to_string(required)), y = text(std::to_string(recommended));
      x.centre = y.centre = true;
      c.rows.push_back({text(escape(r_.area_ids[a] + " " + r_.area_names[a])), x, y});
    }
    Cell x = text("<b>" + std::to_string(total_required) + "</b>"),
         y = text("<b>" + std::to_string(total_recommended) + "</b>");
    x.centre = y.centre = true;
    c.rows.push_back({text("<b>" + escape(label::total(l_)) + "</b>"), x, y});
    doc_.table(std::move(c));
  }

  void inspection(const InspectionReport& i, int level, bool with_stamp) {
    doc_.heading(level, (level == 1 && !r_.summary() ? escape(label::report(l_)) + " – " : "") +
                            escape(name(i)));
    std::string regs;
    for (const auto& t : i.regulation_titles) regs += (regs.empty() ? "" : "\n") + escape(t);
    std::vector<std::pair<std::string, std::string>> rows{
        {std::string(label::unit(l_)), escape(i.unit)},
        {std::string(label::specialty(l_)),
         i.specialty.empty() ? escape(label::not_given(l_)) : escape(i.specialty)},
        {std::string(label::inspection_date(l_)),
         i.date.empty() ? escape(label::not_given(l_)) : escape(i.date)},
        {std::string(label::regulations(l_)), regs}};
    if (!i.id.empty()) rows.push_back({std::string(label::inspection(l_)), escape(i.id)});
    if (with_stamp)
      for (auto& s : stamp()) rows.push_back(std::move(s));
    meta(std::move(rows));
    for (const auto& w : i.warnings) doc_.paragraph(grey(escape(w)), 8);

    // Summary: areas × regulations.
    const bool several = i.regulations.size() > 1;
    doc_.heading(2, escape(label::summary(l_)));
    pdf::Table t;
    const double cols = static_cast<double>(i.regulations.size() + several);
    t.widths.push_back(1 - 0.15 * cols);
    for (int k = 0; k < cols; ++k) t.widths.push_back(0.15);
    t.header.push_back(text("<b>" + escape(label::area(l_)) + "</b>"));
    for (const auto& reg : i.regulations) {
      Cell c = text("<b>" + escape(wording::regulation_short(reg)) + "</b>");
      c.centre = true;
      t.header.push_back(c);
    }
    if (several) {
      Cell c = text("<b>" + escape(label::combined(l_)) + "</b>");
      c.centre = true;
      t.header.push_back(c);
    }
    bool adjusted = false, provisional = false, overridden = false;
    for (const auto& a : i.areas) {
      std::vector<Cell> row{text("<b>" + escape(a.id) + "</b>  " + escape(a.name))};
      for (const auto& g : a.grades) {
        row.push_back(grade_cell(g, l_));
        adjusted = adjusted || g.adjusted;
        provisional = provisional || g.provisional();
        overridden = overridden || g.overridden;
      }
      if (several) row.push_back(grade_cell(a.combined, l_));
      t.rows.push_back(std::move(row));
    }
    doc_.table(std::move(t));
    legend(adjusted, provisional, overridden);
    doc_.paragraph(escape(label::action_required(l_)) + ": <b>" + std::to_string(i.required_count) +
                   "</b>; " + escape(label::action_recommended(l_)) + ": <b>" +
                   std::to_string(i.recommended_count) + "</b>. " +
                   escape(label::plan_required(l_)) + ": <b>" +
                   escape(!i.action_plan_required   ? label::possibly(l_)
                          : *i.action_plan_required ? label::yes(l_)
                                                    : label::no(l_)) +
                   "</b>.");

    std::string section;
    for (const auto& a : i.areas) {
      if (a.section != section && !a.section.empty()) section = a.section;
      area(i, a, section);
    }
    plan(i);
  }

  void area(const InspectionReport& i, const ReportArea& a, const std::string& section) {
    doc_.heading(2, escape(a.id) + ". " + escape(a.name) +
                        (section.empty() ? "" : "  " + grey(escape(section))));
    if (!a.preamble.empty()) doc_.paragraph("<i>" + escape(a.preamble) + "</i>", 9);

    pdf::Table s;
    const double n = static_cast<double>(i.regulations.size());
    s.widths.push_back(0.12);
    for (std::size_t k = 0; k < i.regulations.size(); ++k) s.widths.push_back(0.07);
    s.widths.push_back(1 - 0.12 - 0.07 * n);
    Cell g = text("<b>" + escape(label::grade(l_)) + "</b>");
    g.centre = true;
    s.header.push_back(g);
    for (const auto& reg : i.regulations) {
      Cell c = text("<b>" + escape(wording::regulation_year(reg)) + "</b>");
      c.centre = true;
      s.header.push_back(c);
    }
    s.header.push_back(text("<b>" + escape(label::scale(l_)) + "</b>"));
    for (const auto& row : a.scale) {
      Cell grade = text(std::string(to_string(row.grade)));
      grade.background = fill(row.grade);
      grade.ink = row.grade == Grade::D ? white : ink;
      grade.centre = grade.bold = true;
      std::vector<Cell> cells{grade};
      for (const auto& m : row.marks) {
        Cell c = text(escape(m));
        c.centre = c.bold = true;
        if (m == "X") {
          c.background = ink;
          c.ink = white;
        }
        cells.push_back(c);
      }
      cells.push_back(text(escape(row.text)));
      s.rows.push_back(std::move(cells));
    }
    doc_.table(std::move(s));
    doc_.paragraph(grey(escape(label::marks_legend(l_))), 8);

    for (Kind kind : all_kinds) {
      bool any = false;
      for (const auto& q : a.requirements) any = any || q.kind == kind;
      if (!any) continue;
      doc_.heading(3, escape(wording::kind_heading(kind, l_)));
      pdf::Table t;
      const double status_w = n > 1 ? 0.14 : 0.17;
      t.widths.push_back(0.07);
      t.widths.push_back(1 - 0.07 - status_w * n);
      for (std::size_t k = 0; k < i.regulations.size(); ++k) t.widths.push_back(status_w);
      t.header = {text("<b>" + escape(label::requirement(l_)) + "</b>"),
                  text("<b>" + escape(label::text(l_)) + "</b>")};
      for (const auto& reg : i.regulations)
        t.header.push_back(text("<b>" + escape(label::status(l_)) +
                                (n > 1 ? " " + escape(wording::regulation_year(reg)) : "") +
                                "</b>"));
      for (const auto& q : a.requirements) {
        if (q.kind != kind) continue;
        std::string body = escape(q.text);
        for (std::size_t k = 0; k < q.cells.size(); ++k)
          if (q.cells[k].present && q.cells[k].kind != q.kind)
            body += " <i>(" + escape(wording::kind_name(q.cells[k].kind, l_)) + " " +
                    escape(wording::regulation_year(i.regulations[k])) + ")</i>";
        if (!q.note.empty()) body += "\n" + grey(escape(q.note));
        std::vector<Cell> row{text("<b>" + escape(q.id) + "</b>"), text(body)};
        for (const auto& c : q.cells) {
          const bool unmet = c.present && counts_as_unmet(c.status);
          std::string st = c.present ? escape(wording::status_name(c.status, l_)) : "–";
          if (unmet) st = "<b>" + st + "</b>";
          if (std::string why = wording::implied_text(c, l_); !why.empty())
            st += "\n" + grey(escape(why));
          row.push_back(text(st));
        }
        t.rows.push_back(std::move(row));
      }
      doc_.table(std::move(t));
    }
    actions(a.required, label::action_required(l_), n > 1);
    actions(a.recommended, label::action_recommended(l_), n > 1);
    if (!a.explanations.empty()) {
      doc_.heading(3, escape(label::explanation(l_)));
      for (std::size_t k = 0; k < a.explanations.size(); ++k)
        doc_.code((k ? "\n" : "") + a.explanations[k]);
    }
  }

  void actions(const std::vector<ReportAction>& list, std::string_view title, bool several) {
    if (list.empty()) return;
    doc_.heading(3, escape(title));
    for (const auto& x : list) {
      std::string line = "• <b>" + escape(x.requirement) + "</b>  " + escape(x.text);
      const auto extra = wording::action_qualifiers(x, l_, several);
      if (!extra.empty()) {
        line += " <i>(";
        for (std::size_t k = 0; k < extra.size(); ++k) line += (k ? "; " : "") + escape(extra[k]);
        line += ")</i>";
      }
      doc_.paragraph(line, 9, 6);
    }
  }

  void plan(const InspectionReport& i) {
    const ReportPlan& p = i.plan;
    doc_.heading(2, escape(label::plan(l_)));
    if (p.items.empty()) {
      doc_.paragraph(escape(label::no_plan(l_)));
      return;
    }
    std::string intro;
    if (p.plan_due) intro += escape(label::plan_due(l_)) + " " + p.plan_due->iso() + ". ";
    if (p.received_on)
      intro +=
          escape(label::received_on(l_)) + " " + p.received_on->iso() +
          (p.in_time
               ? " (" + escape(*p.in_time ? label::plan_in_time(l_) : label::plan_late(l_)) + ")"
               : std::string()) +
          ". ";
    intro += escape(label::as_of(l_)) + " " + r_.options.as_of.iso() + ".";
    doc_.paragraph(intro);
    pdf::Table t;
    t.widths = {0.15, 0.355, 0.12, 0.16, 0.115, 0.10};
    t.font_size = 8;
    t.header = {text("<b>" + escape(label::requirement(l_)) + "</b>"),
                text("<b>" + escape(label::planned_action(l_)) + "</b>"),
                text("<b>" + escape(label::due(l_)) + "</b>"),
                text("<b>" + escape(label::follow_up(l_)) + "</b>"),
                text("<b>" + escape(label::received(l_)) + "</b>"),
                text("<b>" + escape(label::state(l_)) + "</b>")};
    for (const auto& x : p.items) {
      std::string action = escape(x.action);
      if (!x.responsible.empty())
        action += "\n" + grey(escape(std::string(label::responsible(l_)) + ": " + x.responsible));
      std::string follow =
          escape(x.follow_up) + "\n" +
          grey(escape(
              std::string(label::next_follow_up(l_)) + ": " + wording::date_text(x.next_follow_up) +
              (x.follow_up_responsible.empty() ? std::string() : "; " + x.follow_up_responsible)));
      Cell state = text(escape(wording::state_name(x.state, l_)) +
                        (x.done ? "\n" + x.done->iso() : std::string()));
      state.bold = true;
      if (x.state == PlanState::overdue) {
        state.background = fill(Grade::D);
        state.ink = white;
      } else if (x.state == PlanState::due) {
        state.background = fill(Grade::C);
      } else if (x.state == PlanState::done) {
        state.background = fill(Grade::A);
      }
      t.rows.push_back(
          {text("<b>" + escape(x.requirement) + "</b>\n" + grey(escape(x.requirement_text))),
           text(action),
           text(escape(x.due) + "\n" +
                grey(escape(wording::interval_text(x.due_start, x.due_end)))),
           text(follow),
           text(escape(x.received ? label::yes(l_) : label::no(l_)) +
                (x.received_on ? "\n" + x.received_on->iso() : std::string())),
           state});
    }
    doc_.table(std::move(t));
    for (const auto& w : p.warnings) doc_.paragraph(grey(escape(w)), 8);
  }

  const Report& r_;
  Language l_;
  pdf::Document doc_;
};

}  // namespace

std::string to_pdf(const Report& report) {
  return PdfWriter(report).write();
}

}  // namespace spur
