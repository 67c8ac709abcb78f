// Coverage of regulation tests: requirements seen met and unmet, scale rows that decided,
// preconditions that implied something. Rows that no combination of an area's requirements
// can reach are reported as unreachable and left out of the percentage.

#include "authoring/coverage.hpp"

#include <sstream>

#include "eval/scale.hpp"
#include "rules/rule_book_data.hpp"

namespace spur {
namespace detail {

namespace {
std::string row_name(const Scale& scale, int row) {
  return scale.id + "/" + std::string(to_string(scale.rows[row].grade));
}
}  // namespace

void init_coverage(TestReport& report, const RuleBook& book) {
  const auto& data = book.data();
  for (std::size_t ri = 0; ri < data.regulations.size(); ++ri) {
    const Regulation& reg = data.regulations[ri];
    const auto& c = data.compiled[ri];
    RegulationCoverage cov;
    cov.regulation = reg.id;
    for (const auto& q : reg.requirements) {
      cov.requirements.push_back(q.id);
      for (const auto& p : q.prerequisites) cov.preconditions.insert(p + "->" + q.id);
    }
    std::set<std::string> all_rows;
    for (std::size_t a = 0; a < data.model.areas.size(); ++a) {
      const CompiledScale& cs = data.area_scales[a];
      for (std::size_t i = 0; i < cs.scale->rows.size(); ++i)
        all_rows.insert(row_name(*cs.scale, static_cast<int>(i)));
      // Every count of unmet requirements of each kind, with nothing unknown.
      std::array<int, 3> n{};
      for (int k : c.area_members[a]) ++n[static_cast<int>(reg.requirements[k].kind)];
      for (int p = 0; p <= n[0]; ++p)
        for (int ad = 0; ad <= n[1]; ++ad)
          for (int i = 0; i <= n[2]; ++i) {
            std::array<KindCounts, 3> counts{};
            counts[0] = {n[0] - p, p, 0, 0, 0};
            counts[1] = {n[1] - ad, ad, 0, 0, 0};
            counts[2] = {n[2] - i, i, 0, 0, 0};
            auto verdict = grade_with(cs, interval_counts(counts));
            if (verdict.deciding_row >= 0)
              cov.reachable_rows.insert(row_name(*cs.scale, verdict.deciding_row));
          }
    }
    for (const auto& row : all_rows)
      if (!cov.reachable_rows.count(row)) cov.unreachable_rows.insert(row);
    report.coverage.emplace(reg.id, std::move(cov));
  }
}

void record_coverage(TestReport& report, const Evaluation& ev) {
  const auto& data = ev.book.data();
  for (const auto& outcome : ev.outcomes) {
    auto& cov = report.coverage[outcome.regulation];
    for (const auto& o : outcome.requirements) {
      if (counts_as_unmet(o.status)) cov.seen_unmet.insert(o.requirement->id);
      if (o.status == Status::met) cov.seen_met.insert(o.requirement->id);
    }
  }
  for (const auto& r : ev.results)
    if (r.deciding_row >= 0)
      report.coverage[r.regulation].rows_hit.insert(
          row_name(*data.model.find_scale(r.scale), r.deciding_row));
  for (const auto& i : ev.implied)
    for (const auto& p : i.because)
      report.coverage[i.regulation].preconditions_hit.insert(p + "->" + i.requirement);
}

}  // namespace detail

namespace {
std::string percent(std::size_t hit, std::size_t total) {
  return total == 0 ? "100%" : std::to_string(hit * 100 / total) + "%";
}
std::string missing(const std::vector<std::string>& all, const std::set<std::string>& hit) {
  std::string out;
  for (const auto& x : all)
    if (!hit.count(x)) out += (out.empty() ? "" : ", ") + x;
  return out;
}
std::string missing(const std::set<std::string>& all, const std::set<std::string>& hit) {
  return missing(std::vector<std::string>(all.begin(), all.end()), hit);
}
}  // namespace

std::string coverage_text(const TestReport& report) {
  std::ostringstream s;
  for (const auto& [id, cov] : report.coverage) {
    std::set<std::string> both;
    for (const auto& q : cov.requirements)
      if (cov.seen_unmet.count(q) && cov.seen_met.count(q)) both.insert(q);
    std::set<std::string> rows_hit;
    for (const auto& r : cov.rows_hit)
      if (cov.reachable_rows.count(r)) rows_hit.insert(r);
    std::set<std::string> edges_hit;
    for (const auto& e : cov.preconditions_hit)
      if (cov.preconditions.count(e)) edges_hit.insert(e);
    s << id << "\n";
    s << "  requirements seen unmet and met  " << both.size() << "/" << cov.requirements.size()
      << "  " << percent(both.size(), cov.requirements.size()) << "\n";
    if (auto m = missing(cov.requirements, cov.seen_unmet); !m.empty())
      s << "    never unmet: " << m << "\n";
    if (auto m = missing(cov.requirements, cov.seen_met); !m.empty())
      s << "    never met: " << m << "\n";
    s << "  scale rows that decided a grade  " << rows_hit.size() << "/"
      << cov.reachable_rows.size() << "  " << percent(rows_hit.size(), cov.reachable_rows.size())
      << "\n";
    if (auto m = missing(cov.reachable_rows, rows_hit); !m.empty())
      s << "    never hit: " << m << "\n";
    if (!cov.unreachable_rows.empty()) {
      std::string rows;
      for (const auto& r : cov.unreachable_rows) rows += (rows.empty() ? "" : ", ") + r;
      s << "    unreachable with these requirements (not counted): " << rows << "\n";
    }
    s << "  preconditions that implied       " << edges_hit.size() << "/"
      << cov.preconditions.size() << "  " << percent(edges_hit.size(), cov.preconditions.size())
      << "\n";
    if (auto m = missing(cov.preconditions, edges_hit); !m.empty())
      s << "    never implied: " << m << "\n";
  }
  return s.str();
}

}  // namespace spur
