// The report as one self-contained HTML file: inline CSS, no scripts, nothing fetched; every
// text from an inspection or rule file escaped.

#include <sstream>

#include "render/labels.hpp"
#include "spur/report.hpp"

namespace spur {

namespace {

using wording::Label;
namespace label = wording::label;

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

constexpr std::string_view css = R"(
:root{--a:#e3f4e6;--b:#b5dcbf;--c:#e9a23b;--d:#a8231a;--ink:#1b1f24;--muted:#57606a;--rule:#d0d7de}
*{box-sizing:border-box}
body{font-family:"DejaVu Sans","Liberation Sans",Arial,sans-serif;color:var(--ink);max-width:60rem;margin:2rem auto;padding:0 1.25rem;line-height:1.45;font-size:15px}
h1{font-size:1.7rem;margin:0 0 .25rem}
h2{font-size:1.3rem;margin:2.2rem 0 .6rem;padding-bottom:.25rem;border-bottom:2px solid var(--ink)}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
.subtitle{font-size:1.15rem;margin:0 0 1rem;color:var(--muted)}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0 0 1rem;font-size:.92rem}
dl.meta dt{font-weight:bold}
dl.meta dd{margin:0}
.digest{font-family:"DejaVu Sans Mono",monospace;font-size:.8rem;word-break:break-all}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:.9rem}
th,td{border:1px solid var(--rule);padding:.3rem .45rem;text-align:left;vertical-align:top}
thead th{background:#f0f2f4}
tbody th{font-weight:normal}
td.grade,th.grade{text-align:center;font-weight:bold;white-space:nowrap;width:5.5rem}
.grade-A{background:var(--a)}
.grade-B{background:var(--b)}
.grade-C{background:var(--c)}
.grade-D{background:var(--d);color:#fff}
.provisional{background-image:repeating-linear-gradient(45deg,transparent 0 6px,rgba(255,255,255,.55) 6px 9px);font-style:italic;outline:2px dashed var(--ink);outline-offset:-4px}
.possible{display:block;font-size:.75rem;font-weight:normal}
td.mark{text-align:center;font-weight:bold;width:3.5rem}
td.mark.X{background:#1b1f24;color:#fff}
.legend{font-size:.85rem;color:var(--muted);margin:.2rem 0}
.preamble{font-style:italic}
.note{display:block;color:var(--muted);font-size:.85rem;margin-top:.2rem}
.status-not_met,.status-partially_met{font-weight:bold}
.implied{display:block;font-size:.8rem;font-weight:normal}
.actions{border-left:5px solid var(--d);padding:.3rem .8rem;margin:.6rem 0;background:#fdf3f2}
.actions.recommended{border-color:var(--c);background:#fdf7ec}
.actions h3{margin:.2rem 0}
.actions ul{margin:.2rem 0 .3rem 1.1rem;padding:0}
details{margin:.6rem 0;border:1px solid var(--rule);padding:.4rem .7rem;border-radius:4px}
summary{cursor:pointer;font-weight:bold}
details pre{white-space:pre-wrap;font-size:.82rem;font-family:"DejaVu Sans Mono",monospace}
.state-overdue{background:var(--d);color:#fff;font-weight:bold}
.state-due{background:var(--c)}
.state-done{background:var(--a)}
.count{text-align:center}
table.heat-map tbody th{min-width:15rem}
tr.section th{background:#f6f8fa;font-weight:bold;font-size:.8rem;letter-spacing:.06em;color:var(--muted)}
.warnings{font-size:.85rem;color:var(--muted)}
footer{margin-top:2.5rem;font-size:.8rem;color:var(--muted)}
@media print{
  @page{size:A4;margin:16mm 14mm}
  body{max-width:none;margin:0;padding:0;font-size:10pt}
  h2{break-after:avoid}
  h3{break-after:avoid}
  thead{display:table-header-group}
  tr{break-inside:avoid}
  .inspection+.inspection,.area{break-before:auto}
  article.inspection{break-before:page}
  article.inspection:first-of-type{break-before:auto}
  details{border:none;padding:0}
  summary{list-style:none}
  a{color:inherit;text-decoration:none}
}
)";

class HtmlWriter {
 public:
  explicit HtmlWriter(const Report& r) : r_(r), l_(r.options.language) {}

  // The summary alone, styled under one class so that it leaves a notebook's page alone.
  std::string fragment() {
    const InspectionReport& i = r_.inspections.front();
    std::string scoped;
    std::string_view rules = css.substr(0, css.find("@media print"));
    // Prefix every selector with the fragment's class.
    std::size_t pos = 0;
    while (pos < rules.size()) {
      const std::size_t brace = rules.find('{', pos);
      if (brace == std::string_view::npos) break;
      const std::size_t close = rules.find('}', brace);
      std::string selectors(rules.substr(pos, brace - pos));
      std::string_view block = rules.substr(brace, close - brace + 1);
      std::string out;
      std::size_t start = 0;
      while (start <= selectors.size()) {
        std::size_t comma = selectors.find(',', start);
        if (comma == std::string::npos) comma = selectors.size();
        std::string one = selectors.substr(start, comma - start);
        one.erase(0, one.find_first_not_of(" \n"));
        if (!one.empty() && one != ":root" && one != "*" && one != "body")
          out += (out.empty() ? "" : ",") + std::string(".spur-summary ") + one;
        else if (one == ":root")
          out += (out.empty() ? "" : ",") + std::string(".spur-summary");
        start = comma + 1;
      }
      if (!out.empty()) scoped += out + std::string(block) + "\n";
      pos = close + 1;
    }
    s_ << "<div class=\"spur-summary\" lang=\"" << (l_ == Language::sv ? "sv" : "en")
       << "\">\n<style>" << scoped << "</style>\n<p><strong>" << esc(name(i)) << "</strong>"
       << (i.id.empty() ? "" : " (" + esc(i.id) + ")") << (i.date.empty() ? "" : ", " + esc(i.date))
       << "</p>\n";
    summary(i, "h3", false);
    s_ << "</div>\n";
    return s_.str();
  }

  std::string write() {
    const bool many = r_.summary();
    const InspectionReport& first = r_.inspections.front();
    std::string title = many ? std::string(label::summary_report(l_))
                             : std::string(label::report(l_)) + " – " + name(first);
    s_ << "<!DOCTYPE html>\n<html lang=\"" << (l_ == Language::sv ? "sv" : "en") << "\">\n<head>\n"
       << "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, "
          "initial-scale=1\">\n<meta name=\"generator\" content=\"spur "
       << esc(r_.rule_book.spur_version) << "\">\n<title>" << esc(title) << "</title>\n<style>"
       << css << "</style>\n</head>\n<body>\n";
    if (many) {
      summary_page();
      for (const auto& i : r_.inspections) {
        s_ << "<article class=\"inspection\" id=\"" << esc(anchor(i)) << "\">\n";
        inspection(i, 2);
        s_ << "</article>\n";
      }
    } else {
      s_ << "<article class=\"inspection\">\n";
      inspection(first, 1);
      s_ << "</article>\n";
    }
    s_ << "<footer>" << label::made_by(l_) << " " << esc(r_.rule_book.spur_version) << "</footer>\n"
       << "</body>\n</html>\n";
    return s_.str();
  }

 private:
  static std::string name(const InspectionReport& i) {
    return !i.unit.empty() ? i.unit : !i.id.empty() ? i.id : i.file;
  }
  static std::string anchor(const InspectionReport& i) {
    std::string out = "inspection-";
    for (char c : i.id.empty() ? i.file : i.id)
      out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-') ? c : '_';
    return out;
  }

  void grade_td(const GradeCell& c, std::string_view tag = "td") {
    s_ << "<" << tag << " class=\"grade grade-" << to_string(c.shade())
       << (c.provisional() ? " provisional" : "") << "\" data-grade=\"" << esc(c.text()) << "\"";
    if (c.overridden && !c.override_reason.empty())
      s_ << " title=\"" << esc(c.override_reason) << "\"";
    s_ << ">" << esc(c.text());
    if (c.provisional()) s_ << "<span class=\"possible\">" << label::provisional(l_) << "</span>";
    s_ << "</" << tag << ">";
  }

  void stamp() {
    const RuleBookStamp& b = r_.rule_book;
    std::string regs;
    for (const auto& x : b.regulations) regs += (regs.empty() ? "" : ", ") + x;
    s_ << "<dt>" << label::rule_book(l_) << "</dt><dd>" << esc(b.model) << " (" << esc(regs)
       << "), spur " << esc(b.spur_version) << "</dd>\n"
       << "<dt>" << label::digest(l_) << "</dt><dd class=\"digest\">" << esc(b.digest) << "</dd>\n"
       << "<dt>" << label::as_of(l_) << "</dt><dd>" << r_.options.as_of.iso() << "</dd>\n";
  }

  void legend(bool adjusted, bool provisional, bool overridden) {
    if (adjusted) s_ << "<p class=\"legend\">" << label::legend_adjusted(l_) << "</p>\n";
    if (provisional) s_ << "<p class=\"legend\">" << label::legend_provisional(l_) << "</p>\n";
    if (overridden) s_ << "<p class=\"legend\">" << label::legend_override(l_) << "</p>\n";
  }

  void summary_page() {
    s_ << "<header>\n<h1>" << label::summary_report(l_) << "</h1>\n<p class=\"subtitle\">"
       << r_.inspections.size() << " " << label::inspections(l_) << "</p>\n<dl class=\"meta\">\n";
    stamp();
    s_ << "</dl>\n</header>\n";
    s_ << "<section id=\"heat-map\">\n<h2>" << label::heat_map(l_) << "</h2>\n"
       << "<table class=\"heat-map\">\n<thead><tr><th scope=\"col\">" << label::unit(l_) << "</th>";
    for (std::size_t a = 0; a < r_.area_ids.size(); ++a)
      s_ << "<th scope=\"col\" class=\"grade\" title=\"" << esc(r_.area_names[a]) << "\">"
         << esc(r_.area_ids[a]) << "</th>";
    s_ << "<th scope=\"col\" class=\"count\">" << label::action_required(l_) << "</th>"
       << "<th scope=\"col\" class=\"count\">" << label::overdue_plans(l_)
       << "</th></tr></thead>\n<tbody>\n";
    bool adjusted = false, provisional = false, overridden = false;
    for (const auto& i : r_.inspections) {
      s_ << "<tr><th scope=\"row\"><a href=\"#" << esc(anchor(i)) << "\">" << esc(name(i)) << "</a>"
         << (i.date.empty() ? "" : " <small>" + esc(i.date) + "</small>") << "</th>";
      for (const auto& a : i.areas) {
        grade_td(a.combined);
        adjusted = adjusted || a.combined.adjusted;
        provisional = provisional || a.combined.provisional();
        overridden = overridden || a.combined.overridden;
      }
      s_ << "<td class=\"count\">" << i.required_count << "</td><td class=\"count"
         << (i.plan.overdue ? " state-overdue" : "") << "\">" << i.plan.overdue << "</td></tr>\n";
    }
    s_ << "</tbody>\n</table>\n";
    legend(adjusted, provisional, overridden);
    s_ << "</section>\n<section id=\"actions-per-area\">\n<h2>" << label::required_per_area(l_)
       << "</h2>\n<table class=\"counts\">\n<thead><tr><th scope=\"col\">" << label::area(l_)
       << "</th><th scope=\"col\" class=\"count\">" << label::action_required(l_)
       << "</th><th scope=\"col\" class=\"count\">" << label::action_recommended(l_)
       << "</th></tr></thead>\n<tbody>\n";
    int total_required = 0, total_recommended = 0;
    for (std::size_t a = 0; a < r_.area_ids.size(); ++a) {
      int required = 0, recommended = 0;
      for (const auto& i : r_.inspections) {
        required += static_cast<int>(i.areas[a].required.size());
        recommended += static_cast<int>(i.areas[a].recommended.size());
      }
      total_required += required;
      total_recommended += recommended;
      s_ << "<tr><th scope=\"row\">" << esc(r_.area_ids[a]) << " " << esc(r_.area_names[a])
         << "</th><td class=\"count\">" << required << "</td><td class=\"count\">" << recommended
         << "</td></tr>\n";
    }
    s_ << "</tbody>\n<tfoot><tr><th scope=\"row\">" << label::total(l_)
       << "</th><td class=\"count\">" << total_required << "</td><td class=\"count\">"
       << total_recommended << "</td></tr></tfoot>\n</table>\n</section>\n";
  }

  void inspection(const InspectionReport& i, int level) {
    const std::string h1 = "h" + std::to_string(level), h2 = "h" + std::to_string(level + 1),
                      h3 = "h" + std::to_string(level + 2);
    s_ << "<header>\n<" << h1 << ">" << (level == 1 ? std::string(label::report(l_)) + " – " : "")
       << esc(name(i)) << "</" << h1 << ">\n";
    if (!i.id.empty()) s_ << "<p class=\"subtitle\">" << esc(i.id) << "</p>\n";
    s_ << "<dl class=\"meta\">\n<dt>" << label::unit(l_) << "</dt><dd>" << esc(i.unit) << "</dd>\n"
       << "<dt>" << label::specialty(l_) << "</dt><dd>"
       << (i.specialty.empty() ? std::string(label::not_given(l_)) : esc(i.specialty)) << "</dd>\n"
       << "<dt>" << label::inspection_date(l_) << "</dt><dd>"
       << (i.date.empty() ? std::string(label::not_given(l_)) : esc(i.date)) << "</dd>\n"
       << "<dt>" << label::regulations(l_) << "</dt><dd>";
    for (std::size_t k = 0; k < i.regulations.size(); ++k)
      s_ << (k ? "<br>" : "") << esc(i.regulation_titles[k]);
    s_ << "</dd>\n";
    if (level == 1) stamp();
    s_ << "</dl>\n</header>\n";
    if (!i.warnings.empty()) {
      s_ << "<div class=\"warnings\"><strong>" << label::warnings(l_) << "</strong><ul>";
      for (const auto& w : i.warnings) s_ << "<li>" << esc(w) << "</li>";
      s_ << "</ul></div>\n";
    }

    summary(i, h2, true);
    for (const auto& a : i.areas) area(i, a, h2, h3);
    plan(i, h2);
  }

  // Areas × regulations with the grades, the legend, and the counts of actions.
  void summary(const InspectionReport& i, const std::string& h2, bool links) {
    const bool several = i.regulations.size() > 1;
    s_ << "<section class=\"summary\">\n<" << h2 << ">" << label::summary(l_) << "</" << h2 << ">\n"
       << "<table class=\"summary\">\n<thead><tr><th scope=\"col\">" << label::area(l_) << "</th>";
    for (const auto& reg : i.regulations)
      s_ << "<th scope=\"col\" class=\"grade\">" << esc(wording::regulation_short(reg)) << "</th>";
    if (several) s_ << "<th scope=\"col\" class=\"grade\">" << label::combined(l_) << "</th>";
    s_ << "</tr></thead>\n<tbody>\n";
    bool adjusted = false, provisional = false, overridden = false;
    std::string section;
    for (const auto& a : i.areas) {
      if (a.section != section && !a.section.empty()) {
        section = a.section;
        s_ << "<tr class=\"section\"><th scope=\"rowgroup\" colspan=\""
           << (i.regulations.size() + 1 + several) << "\">" << esc(section) << "</th></tr>\n";
      }
      s_ << "<tr data-area=\"" << esc(a.id) << "\"><th scope=\"row\">";
      if (links)
        s_ << "<a href=\"#" << esc(anchor(i)) << "-area-" << esc(a.id) << "\">" << esc(a.id)
           << "</a> ";
      else
        s_ << esc(a.id) << " ";
      s_ << esc(a.name) << "</th>";
      for (const auto& g : a.grades) {
        grade_td(g);
        adjusted = adjusted || g.adjusted;
        provisional = provisional || g.provisional();
        overridden = overridden || g.overridden;
      }
      if (several) grade_td(a.combined);
      s_ << "</tr>\n";
    }
    s_ << "</tbody>\n</table>\n";
    legend(adjusted, provisional, overridden);
    s_ << "<p>" << label::action_required(l_) << ": <strong>" << i.required_count << "</strong>; "
       << label::action_recommended(l_) << ": <strong>" << i.recommended_count << "</strong>. "
       << label::plan_required(l_) << ": <strong>"
       << (!i.action_plan_required   ? label::possibly(l_)
           : *i.action_plan_required ? label::yes(l_)
                                     : label::no(l_))
       << "</strong>.</p>\n</section>\n";
  }

  void area(const InspectionReport& i, const ReportArea& a, const std::string& h2,
            const std::string& h3) {
    s_ << "<section class=\"area\" id=\"" << esc(anchor(i)) << "-area-" << esc(a.id)
       << "\" data-area=\"" << esc(a.id) << "\">\n<" << h2 << ">" << esc(a.id) << ". "
       << esc(a.name) << "</" << h2 << ">\n";
    if (!a.preamble.empty()) s_ << "<p class=\"preamble\">" << esc(a.preamble) << "</p>\n";

    // The scale, the grade marked per regulation.
    s_ << "<table class=\"scale\">\n<thead><tr><th scope=\"col\" class=\"grade\">"
       << label::grade(l_) << "</th>";
    for (const auto& reg : i.regulations)
      s_ << "<th scope=\"col\" class=\"grade\">" << esc(wording::regulation_year(reg)) << "</th>";
    s_ << "<th scope=\"col\">" << label::scale(l_) << "</th></tr></thead>\n<tbody>\n";
    for (const auto& row : a.scale) {
      s_ << "<tr><th scope=\"row\" class=\"grade grade-" << to_string(row.grade) << "\">"
         << to_string(row.grade) << "</th>";
      for (const auto& m : row.marks)
        s_ << "<td class=\"mark" << (m == "X" ? " X" : "") << "\">" << esc(m) << "</td>";
      s_ << "<td>" << esc(row.text) << "</td></tr>\n";
    }
    s_ << "</tbody>\n</table>\n<p class=\"legend\">" << label::marks_legend(l_) << "</p>\n";

    // Requirements by kind.
    for (Kind kind : all_kinds) {
      bool any = false;
      for (const auto& q : a.requirements) any = any || q.kind == kind;
      if (!any) continue;
      s_ << "<" << h3 << ">" << wording::kind_heading(kind, l_) << "</" << h3 << ">\n"
         << "<table class=\"requirements\" data-kind=\"" << to_string(kind) << "\">\n<thead><tr>"
         << "<th scope=\"col\">" << label::requirement(l_) << "</th><th scope=\"col\">"
         << label::text(l_) << "</th>";
      for (const auto& reg : i.regulations)
        s_ << "<th scope=\"col\">" << label::status(l_)
           << (i.regulations.size() > 1 ? " " + esc(wording::regulation_year(reg)) : "") << "</th>";
      s_ << "</tr></thead>\n<tbody>\n";
      for (const auto& q : a.requirements) {
        if (q.kind != kind) continue;
        s_ << "<tr data-requirement=\"" << esc(q.id) << "\"><th scope=\"row\">" << esc(q.id)
           << "</th><td>" << esc(q.text);
        for (std::size_t k = 0; k < q.cells.size(); ++k)
          if (q.cells[k].present && q.cells[k].kind != q.kind)
            s_ << " <em>(" << wording::kind_name(q.cells[k].kind, l_) << " "
               << esc(wording::regulation_year(i.regulations[k])) << ")</em>";
        if (!q.note.empty()) s_ << "<span class=\"note\">" << esc(q.note) << "</span>";
        s_ << "</td>";
        for (const auto& c : q.cells) {
          s_ << "<td class=\"status status-" << to_string(c.status) << "\">";
          if (!c.present) {
            s_ << "–</td>";
            continue;
          }
          s_ << wording::status_name(c.status, l_);
          if (std::string why = wording::implied_text(c, l_); !why.empty())
            s_ << "<span class=\"implied\">" << esc(why) << "</span>";
          s_ << "</td>";
        }
        s_ << "</tr>\n";
      }
      s_ << "</tbody>\n</table>\n";
    }

    actions(a.required, "required", label::action_required, h3, i.regulations.size() > 1);
    actions(a.recommended, "recommended", label::action_recommended, h3, i.regulations.size() > 1);

    if (!a.explanations.empty()) {
      s_ << "<details class=\"explanation\"><summary>" << label::explanation(l_) << "</summary>\n";
      for (const auto& x : a.explanations) s_ << "<pre>" << esc(x) << "</pre>\n";
      s_ << "</details>\n";
    }
    s_ << "</section>\n";
  }

  void actions(const std::vector<ReportAction>& list, const char* cls, const Label& title,
               const std::string& h3, bool several) {
    if (list.empty()) return;
    s_ << "<div class=\"actions " << cls << "\"><" << h3 << ">" << title(l_) << "</" << h3
       << ">\n<ul>\n";
    for (const auto& x : list) {
      s_ << "<li data-requirement=\"" << esc(x.requirement) << "\"><strong>" << esc(x.requirement)
         << "</strong> " << esc(x.text);
      const auto extra = wording::action_qualifiers(x, l_, several);
      if (!extra.empty()) {
        s_ << " <em>(";
        for (std::size_t k = 0; k < extra.size(); ++k) s_ << (k ? "; " : "") << esc(extra[k]);
        s_ << ")</em>";
      }
      s_ << "</li>\n";
    }
    s_ << "</ul></div>\n";
  }

  void plan(const InspectionReport& i, const std::string& h2) {
    const ReportPlan& p = i.plan;
    s_ << "<section class=\"plan\">\n<" << h2 << ">" << label::plan(l_) << "</" << h2 << ">\n";
    if (p.items.empty()) {
      s_ << "<p>" << label::no_plan(l_) << "</p>\n</section>\n";
      return;
    }
    s_ << "<p>";
    if (p.plan_due) s_ << label::plan_due(l_) << " " << p.plan_due->iso() << ". ";
    if (p.received_on)
      s_ << label::received_on(l_) << " " << p.received_on->iso()
         << (p.in_time
                 ? std::string(" (") +
                       std::string(*p.in_time ? label::plan_in_time(l_) : label::plan_late(l_)) +
                       ")"
                 : std::string())
         << ". ";
    s_ << label::as_of(l_) << " " << r_.options.as_of.iso() << ".</p>\n";
    s_ << "<table class=\"plan\">\n<thead><tr><th scope=\"col\">" << label::requirement(l_)
       << "</th><th scope=\"col\">" << label::planned_action(l_) << "</th><th scope=\"col\">"
       << label::due(l_) << "</th><th scope=\"col\">" << label::follow_up(l_)
       << "</th><th scope=\"col\">" << label::received(l_) << "</th><th scope=\"col\">"
       << label::state(l_) << "</th></tr></thead>\n<tbody>\n";
    for (const auto& x : p.items) {
      s_ << "<tr data-requirement=\"" << esc(x.requirement) << "\" data-state=\""
         << to_string(x.state) << "\"><th scope=\"row\"><strong>" << esc(x.requirement)
         << "</strong><span class=\"note\">" << esc(x.requirement_text) << "</span></th><td>"
         << esc(x.action);
      if (!x.responsible.empty())
        s_ << "<span class=\"note\">" << label::responsible(l_) << ": " << esc(x.responsible)
           << "</span>";
      s_ << "</td><td>" << esc(x.due) << "<span class=\"note\">"
         << esc(wording::interval_text(x.due_start, x.due_end)) << "</span></td><td>"
         << esc(x.follow_up) << "<span class=\"note\">" << label::next_follow_up(l_) << ": "
         << esc(wording::date_text(x.next_follow_up));
      if (!x.follow_up_responsible.empty())
        s_ << "; " << label::follow_up_responsible(l_) << ": " << esc(x.follow_up_responsible);
      s_ << "</span></td><td>" << (x.received ? label::yes(l_) : label::no(l_))
         << (x.received_on ? " " + x.received_on->iso() : std::string())
         << "</td><td class=\"state state-" << to_string(x.state) << "\">"
         << wording::state_name(x.state, l_) << (x.done ? " " + x.done->iso() : std::string())
         << "</td></tr>\n";
    }
    s_ << "</tbody>\n</table>\n";
    if (!p.warnings.empty()) {
      s_ << "<ul class=\"warnings\">";
      for (const auto& w : p.warnings) s_ << "<li>" << esc(w) << "</li>";
      s_ << "</ul>\n";
    }
    s_ << "</section>\n";
  }

  const Report& r_;
  Language l_;
  std::ostringstream s_;
};

}  // namespace

std::string to_html(const Report& report) {
  return HtmlWriter(report).write();
}

std::string to_html_summary(const Report& report) {
  return HtmlWriter(report).fragment();
}

}  // namespace spur
