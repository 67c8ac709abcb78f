#include "batch/grading_program.hpp"

#include <algorithm>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "eval/scale.hpp"
#include "rules/rule_book_data.hpp"

namespace spur::detail {

namespace {

// The raw counts a variable can hold; a variable is a raw count of one kind (0-2) or of
// every kind (3), numbered group * raw_count + raw.
enum Raw : int { raw_met, raw_unmet, raw_partial, raw_unknown, raw_not_applicable, raw_count };
constexpr int group_count = 4;
// Every set of grades by its bits.
constexpr std::array<GradeSet, 16> sets = [] {
  std::array<GradeSet, 16> out{};
  for (unsigned bits = 0; bits < 16; ++bits)
    for (Grade g : all_grades)
      if (bits >> static_cast<unsigned>(g) & 1) out[bits].insert(g);
  return out;
}();
// A table larger than this grades the area's conditions one by one instead.
constexpr std::size_t max_table = std::size_t{1} << 15;  // strides fit 16 bits

bool raw_holds(int raw, std::uint8_t status) {
  switch (static_cast<Raw>(raw)) {
    case raw_met:
      return status == static_cast<std::uint8_t>(Status::met);
    case raw_unmet:
      return counts_as_unmet(static_cast<Status>(status));
    case raw_partial:
      return status == static_cast<std::uint8_t>(Status::partially_met);
    case raw_unknown:
      return status == not_assessed_code;
    default:
      return status == static_cast<std::uint8_t>(Status::not_applicable);
  }
}

// The raw counts an interval of a metric is made of.
std::vector<int> raws_of(Metric metric) {
  switch (metric) {
    case Metric::met:
      return {raw_met, raw_unknown};
    case Metric::unmet:
      return {raw_unmet, raw_unknown};
    case Metric::partial:
      return {raw_partial, raw_unknown};
    case Metric::unknown:
      return {raw_unknown};
    case Metric::not_applicable:
      return {raw_not_applicable};
    default:
      return {raw_met, raw_unmet, raw_unknown};
  }
}

// The count table the conditions read, from raw counts by [group][raw]; it equals
// interval_counts for the same counts.
CountTable table_of(const std::array<std::array<int, raw_count>, group_count>& raw) {
  CountTable t{};
  for (int g = 0; g < group_count; ++g) {
    const auto& r = raw[g];
    auto& row = t[g];
    row[static_cast<int>(Metric::met)] = {r[raw_met], r[raw_met] + r[raw_unknown]};
    row[static_cast<int>(Metric::unmet)] = {r[raw_unmet], r[raw_unmet] + r[raw_unknown]};
    row[static_cast<int>(Metric::partial)] = {r[raw_partial], r[raw_partial] + r[raw_unknown]};
    row[static_cast<int>(Metric::unknown)] = {r[raw_unknown], r[raw_unknown]};
    row[static_cast<int>(Metric::not_applicable)] = {r[raw_not_applicable], r[raw_not_applicable]};
    const int total = r[raw_met] + r[raw_unmet] + r[raw_unknown];
    row[static_cast<int>(Metric::total)] = {total, total};
  }
  return t;
}

// How large each raw count must be allowed to get before the conditions stop telling values
// apart: a count compared only with numbers up to c needs values 0..c+1; one compared with
// another count needs all of them (-1).
void find_caps(const Expression& e, std::array<int, group_count * raw_count>& cap) {
  const auto& nodes = e.nodes();
  auto raise = [&](const CountRef& ref, int value) {
    const int g = ref.kind ? static_cast<int>(*ref.kind) : 3;
    for (int r : raws_of(ref.metric)) {
      int& c = cap[g * raw_count + r];
      if (c >= 0) c = value < 0 ? -1 : std::max(c, value);
    }
  };
  for (const auto& n : nodes) {
    using Op = Expression::Op;
    if (n.op == Op::count || n.op == Op::integer || n.op == Op::boolean || n.op == Op::and_ ||
        n.op == Op::or_ || n.op == Op::not_)
      continue;
    const auto& l = nodes[n.left];
    const auto& r = nodes[n.right];
    if (l.op == Op::count && r.op == Op::integer) raise(l.ref, std::max(r.value + 1, 1));
    if (r.op == Op::count && l.op == Op::integer) raise(r.ref, std::max(l.value + 1, 1));
    if (l.op == Op::count && r.op == Op::count) raise(l.ref, -1), raise(r.ref, -1);
  }
  // A count used anywhere else (not under a comparison) keeps every value.
  std::vector<bool> compared(nodes.size());
  for (const auto& n : nodes)
    if (n.left >= 0 && n.op != Expression::Op::and_ && n.op != Expression::Op::or_ &&
        n.op != Expression::Op::not_)
      compared[n.left] = compared[n.right] = true;
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].op == Expression::Op::count && !compared[i]) raise(nodes[i].ref, -1);
}

AreaProgram compile_area(const CompiledScale& cs, const GradingProgram& p, int a,
                         std::vector<std::pair<int, int>>& slots) {
  AreaProgram ap;
  ap.scale = a;
  std::array<int, group_count * raw_count> cap;
  cap.fill(0);
  for (const auto& when : cs.when) find_caps(when, cap);
  std::array<int, group_count> members{};
  for (int k = 0; k < p.requirements; ++k)
    if (p.area[k] == a) {
      ++members[p.kind[k]];
      ++members[3];
      ap.has_kind[p.kind[k]] = true;
    }
  slots.clear();  // (variable number, cap)
  std::size_t size = 1;
  for (int v = 0; v < group_count * raw_count; ++v) {
    const int limit = members[v / raw_count];
    const int c = cap[v] < 0 ? limit : std::min(cap[v], limit);
    if (c <= 0) continue;
    slots.emplace_back(v, c);
    size *= static_cast<std::size_t>(c) + 1;
  }
  if (slots.size() > 8 || size > max_table || members[3] > 255) return ap;  // interpreted
  std::uint32_t stride = 1;
  for (auto [v, c] : slots) {
    ap.caps |= static_cast<std::uint64_t>(c) << (8 * ap.variables.size());
    ap.strides[ap.variables.size()] = static_cast<std::int16_t>(stride);
    ap.variables.push_back({static_cast<std::uint8_t>(c), stride});
    stride *= static_cast<std::uint32_t>(c + 1);
  }
  ap.table.resize(size);
  for (std::size_t key = 0; key < size; ++key) {
    std::array<std::array<int, raw_count>, group_count> raw{};
    for (std::size_t i = 0; i < slots.size(); ++i) {
      const auto& var = ap.variables[i];
      raw[slots[i].first / raw_count][slots[i].first % raw_count] =
          static_cast<int>(key / var.stride % (var.cap + 1u));
    }
    const ScaleVerdict v = grade_with(cs, table_of(raw));
    ap.table[key] = {v.possible.bits(), static_cast<std::int8_t>(v.deciding_row)};
  }
  return ap;
}

// The verdict of one area from its packed variables, or from its counts when interpreted.
AreaVerdict verdict_of(const RuleBookData& data, const AreaProgram& ap, std::uint64_t packed,
                       const std::array<std::array<int, status_count>, 3>* counts) {
  if (!ap.table.empty()) {
#if defined(__SSE2__)
    // Each byte capped, widened to 16 bits, multiplied by its stride and summed.
    __m128i x = _mm_min_epu8(_mm_cvtsi64_si128(static_cast<long long>(packed)),
                             _mm_cvtsi64_si128(static_cast<long long>(ap.caps)));
    x = _mm_madd_epi16(_mm_unpacklo_epi8(x, _mm_setzero_si128()),
                       _mm_loadu_si128(reinterpret_cast<const __m128i*>(ap.strides.data())));
    x = _mm_add_epi32(x, _mm_shuffle_epi32(x, 0x4e));
    x = _mm_add_epi32(x, _mm_shuffle_epi32(x, 0xb1));
    const auto key = static_cast<std::uint32_t>(_mm_cvtsi128_si32(x));
#else
    std::uint32_t key = 0;
    for (const auto& var : ap.variables) {
      const auto value = static_cast<std::uint32_t>(packed & 0xff);
      key += std::min<std::uint32_t>(value, var.cap) * var.stride;
      packed >>= 8;
    }
#endif
    const auto& t = ap.table[key];
    return {sets[t.possible], t.deciding_row};
  }
  std::array<std::array<int, raw_count>, group_count> raw{};
  for (int kind = 0; kind < 3; ++kind)
    for (int s = 0; s < status_count; ++s)
      for (int r = 0; r < raw_count; ++r)
        if (raw_holds(r, static_cast<std::uint8_t>(s))) {
          raw[kind][r] += (*counts)[kind][s];
          raw[3][r] += (*counts)[kind][s];
        }
  const ScaleVerdict v = grade_with(data.area_scales[ap.scale], table_of(raw));
  return {v.possible, v.deciding_row};
}

// Variables of every area from the cells.
void tally_cells(const GradingProgram& p, const std::uint8_t* cell, std::uint64_t* packed) {
  std::fill(packed, packed + p.areas, 0);
  const std::uint64_t* delta = p.delta.data();
  for (const auto& run : p.runs) {
    std::uint64_t sum = 0;
    for (std::int32_t k = run.begin; k < run.end; ++k)
      sum += delta[k * cell_count + (cell[k] & 0x0f)];
    packed[run.area] += sum;
  }
}

void count_cells(const GradingProgram& p, const std::uint8_t* cell, GradeWork& work) {
  for (int a = 0; a < p.areas; ++a) work.counts[a] = {};
  for (int k = 0; k < p.requirements; ++k) ++work.counts[p.area[k]][p.kind[k]][status_of(cell[k])];
}

// Prerequisites first: a requirement whose status no finding fixed becomes not met when a
// prerequisite is not met. `packed` (when given) follows the change.
template <bool mark>
void imply(const GradingProgram& p, std::uint8_t* cell, std::uint8_t* implied,
           std::uint64_t* packed) {
  const std::int32_t* prerequisites = p.prerequisite_list.data();
  for (const auto& e : p.implied) {
    const std::uint8_t c = cell[e.position];
    if (!is_free(c)) continue;
    if constexpr (!mark)
      if (c == not_met_code) continue;  // implied already: the same either way
    for (std::int32_t i = e.begin; i < e.end; ++i)
      if (status_of(cell[prerequisites[i]]) == not_met_code) {
        if (packed) {
          const std::uint64_t* d = p.delta.data() + e.position * cell_count;
          packed[p.area[e.position]] += d[not_met_code] - d[c & 0x0f];
        }
        cell[e.position] = not_met_code;
        if constexpr (mark) implied[e.position] = 1;
        break;
      }
  }
}

}  // namespace

std::vector<GradingProgram> compile_programs(const RuleBookData& data) {
  std::vector<GradingProgram> programs;
  for (std::size_t ri = 0; ri < data.regulations.size(); ++ri) {
    const auto& c = data.compiled[ri];
    const auto& reg = data.regulations[ri];
    GradingProgram p;
    p.regulation = static_cast<int>(ri);
    p.requirements = static_cast<int>(reg.requirements.size());
    p.areas = static_cast<int>(data.model.areas.size());
    for (int k = 0; k < p.requirements; ++k) {
      if (k == 0 || c.area[k] != c.area[k - 1]) p.runs.push_back({k, k, c.area[k]});
      ++p.runs.back().end;
      p.global_of.push_back(data.global_index.at(reg.requirements[k].id));
      if (k == 0 || p.global_of[k] != p.global_of[k - 1] + 1)
        p.columns.push_back({k, k, p.global_of[k]});
      ++p.columns.back().end;
      p.area.push_back(static_cast<std::uint8_t>(c.area[k]));
      p.kind.push_back(static_cast<std::uint8_t>(reg.requirements[k].kind));
    }
    for (int k : c.order_with_prerequisites) {
      const auto begin = static_cast<std::int32_t>(p.prerequisite_list.size());
      p.prerequisite_list.insert(p.prerequisite_list.end(), c.prerequisites[k].begin(),
                                 c.prerequisites[k].end());
      p.implied.push_back({k, begin, static_cast<std::int32_t>(p.prerequisite_list.size())});
    }
    for (int k : c.with_dependents) {
      const auto begin = static_cast<std::int32_t>(p.dependent_list.size());
      p.dependent_list.insert(p.dependent_list.end(), c.dependents[k].begin(),
                              c.dependents[k].end());
      p.pivots.push_back({k, begin, static_cast<std::int32_t>(p.dependent_list.size())});
    }
    std::vector<std::vector<std::pair<int, int>>> slots_of(p.areas);
    for (int a = 0; a < p.areas; ++a) {
      p.area_programs.push_back(compile_area(data.area_scales[a], p, a, slots_of[a]));
      p.interpreted = p.interpreted || p.area_programs.back().table.empty();
    }
    // What each status adds to the area's variables, one byte each in the order compile_area
    // numbered them.
    p.delta.assign(static_cast<std::size_t>(p.requirements) * cell_count, 0);
    for (int k = 0; k < p.requirements; ++k) {
      if (p.area_programs[p.area[k]].table.empty()) continue;
      const auto& slots = slots_of[p.area[k]];
      for (std::uint8_t c = 0; c < cell_count; ++c)
        for (std::size_t i = 0; i < slots.size(); ++i) {
          const int group = slots[i].first / raw_count, raw = slots[i].first % raw_count;
          if (status_of(c) < status_count && (group == 3 || group == p.kind[k]) &&
              raw_holds(raw, status_of(c)))
            p.delta[k * cell_count + c] += std::uint64_t{1} << (8 * i);
        }
    }
    programs.push_back(std::move(p));
  }
  return programs;
}

void prepare(const GradingProgram& p, GradeWork& work) {
  const auto n = static_cast<std::size_t>(p.requirements);
  const auto areas = static_cast<std::size_t>(p.areas);
  auto grow = [](auto& v, std::size_t size) {
    if (v.size() < size) v.resize(size);
  };
  grow(work.cell, n);
  grow(work.trial, n);
  grow(work.packed, areas);
  grow(work.verdicts, areas);
  if (work.details || p.interpreted) grow(work.counts, areas);
  if (work.details) {
    work.implied.assign(n, 0);
    grow(work.pivots_of, areas);
    for (auto& list : work.pivots_of) list.clear();
  }
}

void tally(const GradingProgram& p, GradeWork& work) {
  tally_cells(p, work.cell.data(), work.packed.data());
}

void grade(const RuleBookData& data, const GradingProgram& p, GradeWork& work) {
  tally(p, work);
  grade_tallied(data, p, work);
}

void grade_tallied(const RuleBookData& data, const GradingProgram& p, GradeWork& work) {
  const bool details = work.details;
  const bool with_counts = details || p.interpreted;
  std::uint8_t* cell = work.cell.data();
  if (details)
    imply<true>(p, cell, work.implied.data(), work.packed.data());
  else
    imply<false>(p, cell, nullptr, work.packed.data());
  if (with_counts) count_cells(p, cell, work);
  for (int a = 0; a < p.areas; ++a)
    work.verdicts[a] = verdict_of(data, p.area_programs[a], work.packed[a],
                                  with_counts ? &work.counts[a] : nullptr);

  // A prerequisite that is not assessed may turn out not met and take its dependents with
  // it: grade each combination of such prerequisites and keep every grade still possible.
  work.open.clear();
  for (const auto& e : p.pivots)
    if (status_of(cell[e.position]) == not_assessed_code)
      work.open.push_back(static_cast<std::int32_t>(&e - p.pivots.data()));
  if (work.open.empty()) return;
  std::uint32_t affected = 0;  // bit a: some dependent there could be implied
  for (int i : work.open) {
    const auto& e = p.pivots[i];
    for (std::int32_t j = e.begin; j < e.end; ++j) {
      const int d = p.dependent_list[j];
      if (!is_free(cell[d])) continue;
      affected |= 1u << p.area[d];
      if (details) {
        auto& list = work.pivots_of[p.area[d]];
        if (std::find(list.begin(), list.end(), e.position) == list.end())
          list.push_back(e.position);
      }
    }
  }
  if (!affected) return;
  std::array<std::uint8_t, 32> also{};  // GradeSet bits by area
  const int n = std::min<int>(static_cast<int>(work.open.size()), max_pivots);
  std::uint8_t* trial = work.trial.data();
  for (std::uint32_t mask = 1; mask < (1u << n); ++mask) {
    std::copy(cell, cell + p.requirements, trial);
    for (int b = 0; b < n; ++b)
      if (mask >> b & 1) trial[p.pivots[work.open[b]].position] = not_met_code;
    imply<false>(p, trial, nullptr, nullptr);
    tally_cells(p, trial, work.packed.data());
    if (with_counts) count_cells(p, trial, work);
    for (int a = 0; a < p.areas; ++a)
      if (affected >> a & 1)
        also[a] |= verdict_of(data, p.area_programs[a], work.packed[a],
                              with_counts ? &work.counts[a] : nullptr)
                       .possible.bits();
  }
  if (with_counts) count_cells(p, cell, work);  // the counts of the statuses found
  for (int a = 0; a < p.areas; ++a) {
    if (!(affected >> a & 1)) continue;
    AreaVerdict& v = work.verdicts[a];
    if ((also[a] | v.possible.bits()) == v.possible.bits()) continue;
    v.possible = v.possible | sets[also[a]];
    v.deciding_row = -1;
  }
}

}  // namespace spur::detail
