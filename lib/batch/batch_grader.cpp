// Grading a status matrix: each inspection under each regulation through the rule book's
// grading program, blocks of inspections on several threads, nothing allocated per
// inspection.

#include <algorithm>
#include <thread>

#include "batch/action_selection.hpp"
#include "batch/grading_program.hpp"
#include "rules/rule_book_data.hpp"
#include "rules/yaml_reader.hpp"
#include "spur/batch.hpp"

namespace spur {

using detail::join;
static_assert(StatusMatrix::finding == detail::finding_bit);

StatusMatrix StatusMatrix::filled(const RuleBook& book, std::size_t inspections,
                                  Status default_status) {
  StatusMatrix m;
  m.inspections = inspections;
  m.requirements = book.requirement_ids().size();
  m.cells.assign(inspections * m.requirements, static_cast<std::uint8_t>(default_status));
  return m;
}

BatchGrader::BatchGrader(RuleBook book, const std::vector<std::string>& regulations)
    : book_(std::move(book)) {
  for (const auto& id : regulations) book_.regulation(id);  // throws for an unknown one
  if (regulations.empty()) throw LookupError("name at least one regulation to grade");
  const auto& all = book_.regulations();
  for (std::size_t i = 0; i < all.size(); ++i)
    if (std::find(regulations.begin(), regulations.end(), all[i].id) != regulations.end()) {
      regulations_.push_back(static_cast<int>(i));
      regulation_ids_.push_back(all[i].id);
    }
}

StatusMatrix BatchGrader::matrix(std::size_t inspections, const FindingColumns& f,
                                 Status default_status, std::vector<RowError>& errors) const {
  const auto& data = book_.data();
  StatusMatrix m = StatusMatrix::filled(book_, inspections, default_status);
  const std::size_t rows = f.inspection.size();
  const bool by_regulation = !f.regulation.empty();
  auto graded = [&](int ri) {
    return std::find(regulations_.begin(), regulations_.end(), ri) != regulations_.end();
  };
  auto in_graded = [&](int g) {
    for (int ri : regulations_)
      if (data.compiled[ri].position_of[g] >= 0) return true;
    return false;
  };
  // Where each cell's finding came from, to name the first row of a finding given twice.
  std::vector<std::uint32_t> first_row;
  for (std::size_t row = 0; row < rows; ++row) {
    const std::int64_t i = f.inspection[row];
    const int g = f.requirement[row];
    const int s = f.status[row];
    const int ri = by_regulation ? f.regulation[row] : -1;
    if (i < 0 || static_cast<std::size_t>(i) >= inspections) {
      errors.push_back({row, "no inspection"});
      continue;
    }
    if (g < 0 || static_cast<std::size_t>(g) >= m.requirements) {
      errors.push_back(
          {row,
           "unknown requirement: no regulation of the rule book defines it (ids are like "
           "D1 or E4)"});
      continue;
    }
    const std::string& id = data.requirement_ids[g];
    if (s < 0 || s >= detail::status_count) {
      errors.push_back({row,
                        "unknown status (statuses: met, partially_met, not_met, "
                        "not_applicable, not_assessed)"});
      continue;
    }
    if (ri < -1 || ri >= static_cast<int>(data.regulations.size())) {
      errors.push_back({row, "unknown regulation (graded: " + join(regulation_ids_) + ")"});
      continue;
    }
    if (ri >= 0 && !graded(ri)) {
      errors.push_back({row, data.regulations[ri].id +
                                 " is not graded (graded: " + join(regulation_ids_) + ")"});
      continue;
    }
    if (ri >= 0 ? data.compiled[ri].position_of[g] < 0 : !in_graded(g)) {
      errors.push_back(
          {row, id + " is not a requirement of " +
                    (ri >= 0 ? data.regulations[ri].id : join(regulation_ids_, " or "))});
      continue;
    }
    if (ri >= 0) {
      m.by_regulation.push_back({static_cast<std::uint32_t>(i), g, static_cast<std::uint8_t>(ri),
                                 static_cast<Status>(s)});
      continue;
    }
    const std::size_t cell = static_cast<std::size_t>(i) * m.requirements + g;
    if (m.cells[cell] & StatusMatrix::finding) {
      if (first_row.empty()) {
        // Rare: find the rows of this inspection's cells once, on the first duplicate.
        first_row.assign(m.cells.size(), 0);
        for (std::size_t r = 0; r < row; ++r)
          if (f.inspection[r] >= 0 && static_cast<std::size_t>(f.inspection[r]) < inspections &&
              f.requirement[r] >= 0 && (!by_regulation || f.regulation[r] == -1))
            first_row[f.inspection[r] * m.requirements + f.requirement[r]] =
                static_cast<std::uint32_t>(r);
      }
      errors.push_back({row, "a finding for " + id + " is given twice (also row " +
                                 std::to_string(first_row[cell]) + ")"});
      continue;
    }
    if (!first_row.empty()) first_row[cell] = static_cast<std::uint32_t>(row);
    m.cells[cell] = static_cast<std::uint8_t>(s | StatusMatrix::finding);
  }
  if (!m.by_regulation.empty()) {
    // Rows kept with the findings, to name both rows of a finding given twice.
    std::vector<std::pair<RegulationFinding, std::size_t>> sorted;
    std::size_t n = 0;
    for (std::size_t row = 0; row < rows && n < m.by_regulation.size(); ++row)
      if (f.regulation[row] >= 0 && n < m.by_regulation.size() &&
          m.by_regulation[n].inspection == f.inspection[row] &&
          m.by_regulation[n].requirement == f.requirement[row] &&
          m.by_regulation[n].regulation == f.regulation[row])
        sorted.emplace_back(m.by_regulation[n++], row);
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
      return std::tie(a.first.inspection, a.first.requirement, a.first.regulation) <
             std::tie(b.first.inspection, b.first.requirement, b.first.regulation);
    });
    m.by_regulation.clear();
    for (std::size_t k = 0; k < sorted.size(); ++k) {
      const auto& [rf, row] = sorted[k];
      if (k > 0 && sorted[k - 1].first.inspection == rf.inspection &&
          sorted[k - 1].first.requirement == rf.requirement &&
          sorted[k - 1].first.regulation == rf.regulation) {
        errors.push_back({row, "a finding for " + data.requirement_ids[rf.requirement] + " in " +
                                   data.regulations[rf.regulation].id +
                                   " is given twice (also row " +
                                   std::to_string(sorted[k - 1].second) + ")"});
        continue;
      }
      m.by_regulation.push_back(rf);
    }
  }
  std::sort(errors.begin(), errors.end(),
            [](const RowError& a, const RowError& b) { return a.row < b.row; });
  return m;
}

namespace {

// Statuses of one inspection under one regulation into the program's scratch space.
struct Gather {
  const detail::RuleBookData& data;
  const StatusMatrix& m;

  void operator()(const detail::GradingProgram& p, std::size_t i, const RegulationFinding* first,
                  const RegulationFinding* last, detail::GradeWork& work) const {
    const std::uint8_t* row = m.cells.data() + i * m.requirements;
    std::uint8_t* cell = work.cell.data();
    for (const auto& c : p.columns)
      std::copy(row + c.global, row + c.global + (c.end - c.begin), cell + c.begin);
    const auto& position_of = data.compiled[p.regulation].position_of;
    for (; first != last; ++first)
      if (first->regulation == p.regulation)
        if (const int k = position_of[first->requirement]; k >= 0)
          cell[k] = static_cast<std::uint8_t>(static_cast<std::uint8_t>(first->status) |
                                              detail::finding_bit);
  }
};

// The by-regulation findings of inspection i, from `cursor` on (advanced).
std::pair<const RegulationFinding*, const RegulationFinding*> findings_of(
    const StatusMatrix& m, std::size_t i, const RegulationFinding*& cursor) {
  const RegulationFinding* end = m.by_regulation.data() + m.by_regulation.size();
  while (cursor != end && cursor->inspection < i) ++cursor;
  const RegulationFinding* first = cursor;
  while (cursor != end && cursor->inspection == i) ++cursor;
  return {first, cursor};
}

const RegulationFinding* start_of(const StatusMatrix& m, std::size_t i) {
  return std::lower_bound(
      m.by_regulation.data(), m.by_regulation.data() + m.by_regulation.size(), i,
      [](const RegulationFinding& f, std::size_t v) { return f.inspection < v; });
}

// Runs work(begin, end, part) on up to `threads` threads over equal parts of [begin, end).
template <class Work>
void in_parallel(std::size_t begin, std::size_t end, int threads, Work work) {
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const std::size_t n = end - begin;
  const std::size_t parts =
      std::min<std::size_t>(static_cast<std::size_t>(threads), std::max<std::size_t>(1, n / 256));
  if (parts <= 1) {
    work(begin, end, 0);
    return;
  }
  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < parts; ++t)
    pool.emplace_back(work, begin + n * t / parts, begin + n * (t + 1) / parts, t);
  for (auto& th : pool) th.join();
}

}  // namespace

BatchGrades BatchGrader::empty_grades(std::size_t inspections) const {
  BatchGrades out;
  out.regulations = regulation_ids_;
  out.inspections = inspections;
  out.areas = book_.model().areas.size();
  out.possible.resize(inspections * regulations_.size() * out.areas);
  out.action_plan_required.resize(inspections);
  return out;
}

BatchGrades BatchGrader::grade(const StatusMatrix& m, int threads) const {
  BatchGrades out = empty_grades(m.inspections);
  grade(m, 0, m.inspections, out, threads);
  return out;
}

void BatchGrader::grade(const StatusMatrix& m, std::size_t begin, std::size_t end, BatchGrades& out,
                        int threads) const {
  grade(m, begin, end, out.possible, out.action_plan_required, threads);
}

void BatchGrader::grade(const StatusMatrix& m, std::size_t begin, std::size_t end,
                        std::span<GradeSet> possible_out, std::span<std::int8_t> plan_out,
                        int threads) const {
  const auto& data = book_.data();
  const std::size_t areas = data.model.areas.size();
  if (possible_out.size() != m.inspections * regulations_.size() * areas ||
      plan_out.size() != m.inspections)
    throw LookupError("the grade arrays do not fit the status matrix");
  if (m.requirements != data.requirement_ids.size())
    throw LookupError("the status matrix has " + std::to_string(m.requirements) +
                      " columns; the rule book has " + std::to_string(data.requirement_ids.size()) +
                      " requirements");
  end = std::min(end, m.inspections);
  in_parallel(begin, end, threads, [&](std::size_t first, std::size_t last, std::size_t) {
    detail::GradeWork work;
    for (int ri : regulations_) detail::prepare(data.programs[ri], work);
    const Gather gather{data, m};
    const RegulationFinding* cursor = start_of(m, first);
    for (std::size_t i = first; i < last; ++i) {
      const auto [from, to] = findings_of(m, i, cursor);
      bool certain = false, possible = false;
      GradeSet* result = possible_out.data() + i * regulations_.size() * areas;
      for (int ri : regulations_) {
        const auto& p = data.programs[ri];
        gather(p, i, from, to, work);
        detail::grade(data, p, work);
        for (std::size_t a = 0; a < areas; ++a) {
          const GradeSet g = work.verdicts[a].possible;
          *result++ = g;
          certain |= g == GradeSet::of(Grade::D);
          possible |= g.contains(Grade::D);
        }
      }
      plan_out[i] = certain ? 1 : possible ? -1 : 0;
    }
  });
}

BatchActions BatchGrader::actions(const StatusMatrix& m, int threads) const {
  const auto& data = book_.data();
  const std::size_t n_threads =
      threads <= 0 ? std::max(1u, std::thread::hardware_concurrency()) : threads;
  std::vector<BatchActions> parts(n_threads);
  in_parallel(0, m.inspections, threads,
              [&](std::size_t first, std::size_t last, std::size_t part) {
                BatchActions& out = parts[part];
                const std::size_t n_regs = regulations_.size();
                // One scratch space a regulation: the actions read the statuses of all.
                std::vector<detail::GradeWork> works(n_regs);
                std::vector<detail::GradedStatuses> graded(n_regs);
                std::vector<detail::ActionChoice> choices;
                const Gather gather{data, m};
                const RegulationFinding* cursor = start_of(m, first);
                for (std::size_t i = first; i < last; ++i) {
                  const auto [from, to] = findings_of(m, i, cursor);
                  for (std::size_t r = 0; r < n_regs; ++r) {
                    const auto& p = data.programs[regulations_[r]];
                    detail::GradeWork& work = works[r];
                    work.details = true;  // which statuses were implied
                    detail::prepare(p, work);
                    gather(p, i, from, to, work);
                    detail::grade(data, p, work);
                    graded[r] = {&p, work.cell.data(), work.implied.data()};
                  }
                  choices.clear();
                  detail::choose_actions(data, graded, choices);
                  for (const auto& c : choices) {
                    out.inspection.push_back(static_cast<std::uint32_t>(i));
                    out.requirement.push_back(c.requirement);
                    out.kind.push_back(c.kind);
                    out.status.push_back(c.status);
                    out.implied.push_back(c.implied);
                    out.regulations.push_back(c.regulations);
                  }
                }
              });
  BatchActions all = std::move(parts[0]);
  for (std::size_t t = 1; t < parts.size(); ++t) {
    auto append = [](auto& to, const auto& from) { to.insert(to.end(), from.begin(), from.end()); };
    append(all.inspection, parts[t].inspection);
    append(all.requirement, parts[t].requirement);
    append(all.kind, parts[t].kind);
    append(all.status, parts[t].status);
    append(all.implied, parts[t].implied);
    append(all.regulations, parts[t].regulations);
  }
  return all;
}

}  // namespace spur
