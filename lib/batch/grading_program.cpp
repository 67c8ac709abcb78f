#include "batch/grading_program.hpp"

#include <algorithm>
#include <bit>
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
constexpr std::array<GradeSet, 16> sets_of_bits = [] {
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

// The verdict of an area whose conditions are graded one by one, from its counts.
AreaVerdict interpreted_verdict(const RuleBookData& data, const AreaProgram& ap,
                                const std::array<std::array<int, status_count>, 3>& counts) {
  std::array<std::array<int, raw_count>, group_count> raw{};
  for (int kind = 0; kind < 3; ++kind)
    for (int s = 0; s < status_count; ++s)
      for (int r = 0; r < raw_count; ++r)
        if (raw_holds(r, static_cast<std::uint8_t>(s))) {
          raw[kind][r] += counts[kind][s];
          raw[3][r] += counts[kind][s];
        }
  const ScaleVerdict v = grade_with(data.area_scales[ap.scale], table_of(raw));
  return {v.possible, v.deciding_row};
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
    p.words = std::max(1, (p.requirements + 63) / 64);
    const auto W = static_cast<std::size_t>(p.words);
    auto add = [&](std::vector<Word>& sets, std::size_t set, int position) {
      sets[set * W + static_cast<std::size_t>(position) / 64] |= Word{1} << (position % 64);
    };
    p.valid.assign(W, 0);
    p.group_sets.assign(static_cast<std::size_t>(p.areas) * 3 * W, 0);
    for (int k = 0; k < p.requirements; ++k) {
      p.global_of.push_back(data.global_index.at(reg.requirements[k].id));
      if (k == 0 || p.global_of[k] != p.global_of[k - 1] + 1)
        p.columns.push_back({k, k, p.global_of[k]});
      ++p.columns.back().end;
      p.area.push_back(static_cast<std::uint8_t>(c.area[k]));
      p.kind.push_back(static_cast<std::uint8_t>(reg.requirements[k].kind));
      add(p.valid, 0, k);
      add(p.group_sets, static_cast<std::size_t>(c.area[k]) * 3 + p.kind[k], k);
    }
    p.with_prerequisites.assign(W, 0);
    for (int k : c.order_with_prerequisites) {
      const auto begin = static_cast<std::int32_t>(p.prerequisite_list.size());
      p.prerequisite_list.insert(p.prerequisite_list.end(), c.prerequisites[k].begin(),
                                 c.prerequisites[k].end());
      p.implied.push_back({k, begin, static_cast<std::int32_t>(p.prerequisite_list.size())});
      add(p.with_prerequisites, 0, k);
      p.prerequisite_sets.resize(p.implied.size() * W);
      for (int q : c.prerequisites[k]) add(p.prerequisite_sets, p.implied.size() - 1, q);
    }
    p.pivot_set.assign(W, 0);
    for (int k : c.with_dependents) {
      const auto begin = static_cast<std::int32_t>(p.dependent_list.size());
      p.dependent_list.insert(p.dependent_list.end(), c.dependents[k].begin(),
                              c.dependents[k].end());
      p.pivots.push_back({k, begin, static_cast<std::int32_t>(p.dependent_list.size())});
      add(p.pivot_set, 0, k);
      p.dependent_sets.resize(p.pivots.size() * W);
      for (int d : c.dependents[k]) add(p.dependent_sets, p.pivots.size() - 1, d);
    }
    std::vector<std::vector<std::pair<int, int>>> slots_of(p.areas);
    for (int a = 0; a < p.areas; ++a) {
      p.area_programs.push_back(compile_area(data.area_scales[a], p, a, slots_of[a]));
      p.interpreted = p.interpreted || p.area_programs.back().table.empty();
    }
    // What each status adds to the area's variables, one byte each in the order compile_area
    // numbered them.
    p.delta.assign(static_cast<std::size_t>(p.requirements) * 8, 0);
    p.counted_sets.fill(0);
    for (int k = 0; k < p.requirements; ++k) {
      if (p.area_programs[p.area[k]].table.empty()) continue;
      const auto& slots = slots_of[p.area[k]];
      for (std::uint8_t s = 0; s < status_count; ++s)
        for (std::size_t i = 0; i < slots.size(); ++i) {
          const int group = slots[i].first / raw_count, raw = slots[i].first % raw_count;
          if ((group == 3 || group == p.kind[k]) && raw_holds(raw, s)) {
            p.delta[k * 8 + s] += std::uint64_t{1} << (8 * i);
            p.counted_sets[s] = ~Word{0};
          }
        }
    }
    programs.push_back(std::move(p));
  }
  return programs;
}

namespace {

// Sets of positions in GradeWork::sets, `words` words each: one per status (by value), the
// positions a finding fixed, and those implied not met.
constexpr int set_count = 7;
constexpr int findings_set = 5;
constexpr int implied_set = 6;
constexpr int not_met_set = not_met_code;
constexpr int not_assessed_set = not_assessed_code;

#define SPUR_INLINE [[gnu::always_inline]] inline

// The statuses of `cell` as sets. Cells beyond the program's requirements are ignored.
template <int FW>
SPUR_INLINE void read_cells(const GradingProgram& p, const std::uint8_t* cell, Word* sets) {
  const int W = FW ? FW : p.words;
  // Bit planes: bit b of every cell, and the finding bit; a word takes four 16-byte blocks.
  const int blocks = (p.requirements + 15) / 16;
  for (int w = 0; w < W; ++w) {
    Word plane[4] = {0, 0, 0, 0};
    for (int j = 0; j < 4 && 4 * w + j < blocks; ++j) {
      const std::uint8_t* block = cell + 16 * (4 * w + j);
#if defined(__SSE2__)
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block));
      plane[0] |= static_cast<Word>(_mm_movemask_epi8(_mm_slli_epi16(v, 7))) << (16 * j);
      plane[1] |= static_cast<Word>(_mm_movemask_epi8(_mm_slli_epi16(v, 6))) << (16 * j);
      plane[2] |= static_cast<Word>(_mm_movemask_epi8(_mm_slli_epi16(v, 5))) << (16 * j);
      plane[3] |= static_cast<Word>(_mm_movemask_epi8(_mm_slli_epi16(v, 4))) << (16 * j);
#else
      for (int i = 0; i < 16; ++i)
        for (int bit = 0; bit < 4; ++bit)
          plane[bit] |= static_cast<Word>(block[i] >> bit & 1) << (16 * j + i);
#endif
    }
    const Word p0 = plane[0], p1 = plane[1], p2 = plane[2];
    const Word low = ~p2 & p.valid[w];  // statuses 0-3
    sets[0 * W + w] = low & ~p0 & ~p1;
    sets[1 * W + w] = low & p0 & ~p1;
    sets[2 * W + w] = low & ~p0 & p1;
    sets[3 * W + w] = low & p0 & p1;
    sets[4 * W + w] = p2 & ~p0 & ~p1 & p.valid[w];
    sets[findings_set * W + w] = plane[3] & p.valid[w];
    sets[implied_set * W + w] = 0;
  }
}

template <int FW>
SPUR_INLINE bool any(const Word* a, const Word* b, int W) {
  Word x = 0;
  for (int w = 0; w < (FW ? FW : W); ++w) x |= a[w] & b[w];
  return x != 0;
}

// Positions implications may change: no finding fixed them, or they are not assessed.
template <int FW>
SPUR_INLINE Word free_word(const Word* sets, int W, int w) {
  return ~sets[findings_set * W + w] | sets[not_assessed_set * W + w];
}

// Prerequisites first: a requirement whose status no finding fixed becomes not met when a
// prerequisite is not met. With `cell`, the cells follow; with `mark`, implied ones are marked.
template <int FW, bool mark>
SPUR_INLINE void imply(const GradingProgram& p, Word* sets, Word* scratch, std::uint8_t* cell) {
  const int W = FW ? FW : p.words;
  Word* not_met = sets + not_met_set * W;
  // The positions an edge may change. A position's own bits change only at its own edge,
  // so this is computed once.
  Word* candidate = scratch;
  Word any_candidate = 0;
  for (int w = 0; w < W; ++w) {
    candidate[w] = free_word<FW>(sets, W, w) & p.with_prerequisites[w];
    if constexpr (!mark) candidate[w] &= ~not_met[w];  // implied already: the same either way
    any_candidate |= candidate[w];
  }
  if (!any_candidate) return;
  // The edges in order, the not met set kept in registers (a fixed width) and without
  // branches: which edges hold is hard to predict.
  std::array<Word, FW ? FW : 1> fixed_not_met{}, fixed_hits{};
  Word* n = FW ? fixed_not_met.data() : not_met;
  Word* hits = FW ? fixed_hits.data() : scratch + W;
  for (int w = 0; w < W; ++w) {
    if constexpr (FW != 0) n[w] = not_met[w];
    hits[w] = 0;
  }
  const Word* pre = p.prerequisite_sets.data();
  for (const auto& e : p.implied) {
    const auto position = static_cast<unsigned>(e.position);
    const unsigned word = position / 64;
    const Word bit = Word{1} << (position % 64);
    Word meets = 0;
    for (int w = 0; w < W; ++w) meets |= n[w] & pre[w];
    pre += W;
    for (int w = 0; w < W; ++w) {
      const Word hit = candidate[w] & bit & (Word{0} - Word{meets != 0}) &
                       (Word{0} - Word{static_cast<unsigned>(w) == word});
      n[w] |= hit;
      hits[w] |= hit;
    }
  }
  for (int w = 0; w < W; ++w) {
    const Word hit = hits[w];
    for (int s = 0; s < status_count; ++s) sets[s * W + w] &= ~hit;
    not_met[w] = n[w] | hit;
    sets[findings_set * W + w] &= ~hit;
    if constexpr (mark) sets[implied_set * W + w] |= hit;
    if (cell)
      for (Word bits = hit; bits; bits &= bits - 1)
        cell[w * 64 + std::countr_zero(bits)] = not_met_code;
  }
}

template <int FW>
SPUR_INLINE int count(const Word* a, const Word* group, int W) {
  int n = 0;
  for (int w = 0; w < (FW ? FW : W); ++w) n += std::popcount(a[w] & group[w]);
  return n;
}

// Counts by area, kind and status.
template <int FW>
SPUR_INLINE void count_sets(const GradingProgram& p, const Word* sets, GradeWork& work) {
  const int W = FW ? FW : p.words;
  for (int a = 0; a < p.areas; ++a)
    for (int kind = 0; kind < 3; ++kind) {
      const Word* group = p.group_sets.data() + (static_cast<std::size_t>(a) * 3 + kind) * W;
      for (int s = 0; s < status_count; ++s)
        work.counts[a][kind][s] = count<FW>(sets + s * W, group, W);
    }
}

// Each area's packed variables: the deltas of the positions whose status some variable
// counts.
template <int FW>
SPUR_INLINE void tally(const GradingProgram& p, const Word* sets, const std::uint8_t* cell,
                       std::uint64_t* packed) {
  const int W = FW ? FW : p.words;
  std::fill(packed, packed + p.areas, 0);
  const std::uint64_t* delta = p.delta.data();
  const std::uint8_t* area = p.area.data();
  // One pass over the positions whose status some variable counts (fewer mispredicted
  // branches than a pass per status); the status is read from the cells when they follow
  // the sets, else from the sets.
  const Word* counted = p.counted_sets.data();
  for (int w = 0; w < W; ++w) {
    Word bits = 0;
    for (int st = 0; st < status_count; ++st) bits |= sets[st * W + w] & counted[st];
    for (; bits; bits &= bits - 1) {
      const int b = std::countr_zero(bits);
      const int k = w * 64 + b;
      const int s = cell ? status_of(cell[k])
                         : static_cast<int>(
                               (sets[1 * W + w] >> b & 1) | (sets[2 * W + w] >> b & 1) << 1 |
                               ((sets[3 * W + w] >> b & 1) * 3) | (sets[4 * W + w] >> b & 1) << 2);
      packed[area[k]] += delta[k * 8 + s];
    }
  }
}

// The verdict of one area from its packed variables, or from its counts when interpreted.
SPUR_INLINE AreaVerdict verdict(const RuleBookData& data, const AreaProgram& ap,
                                std::uint64_t packed, const GradeWork& work, int a) {
  if (ap.table.empty()) return interpreted_verdict(data, ap, work.counts[a]);
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
  return {sets_of_bits[t.possible], t.deciding_row};
}

template <int FW>
SPUR_INLINE void grade_with_width(const RuleBookData& data, const GradingProgram& p,
                                  GradeWork& work) {
  const int W = FW ? FW : p.words;
  const bool details = work.details;
  const bool with_counts = details || p.interpreted;
  std::uint8_t* cell = work.cell.data();
  Word* sets = work.sets.data();
  Word* scratch = sets + 2 * set_count * W;
  read_cells<FW>(p, cell, sets);
  if (details)
    imply<FW, true>(p, sets, scratch, cell);
  else
    imply<FW, false>(p, sets, scratch, cell);
  if (details) {
    const Word* implied = sets + implied_set * W;
    for (int w = 0; w < W; ++w)
      for (Word bits = implied[w]; bits; bits &= bits - 1)
        work.implied[w * 64 + std::countr_zero(bits)] = 1;
  }
  if (with_counts) count_sets<FW>(p, sets, work);
  std::uint64_t* packed = work.packed.data();
  tally<FW>(p, sets, cell, packed);
  for (int a = 0; a < p.areas; ++a)
    work.verdicts[a] = verdict(data, p.area_programs[a], packed[a], work, a);

  // A prerequisite that is not assessed may turn out not met and take its dependents with
  // it: grade each combination of such prerequisites and keep every grade still possible.
  const Word* not_assessed = sets + not_assessed_set * W;
  work.open.clear();
  if (!any<FW>(not_assessed, p.pivot_set.data(), W)) return;
  for (std::size_t i = 0; i < p.pivots.size(); ++i) {
    const int k = p.pivots[i].position;
    if (not_assessed[k / 64] >> (k % 64) & 1) work.open.push_back(static_cast<std::int32_t>(i));
  }
  std::uint32_t affected = 0;  // bit a: some dependent there could be implied
  for (int i : work.open) {
    const Word* dependents = p.dependent_sets.data() + static_cast<std::size_t>(i) * W;
    for (int w = 0; w < W; ++w)
      for (Word bits = dependents[w] & free_word<FW>(sets, W, w); bits; bits &= bits - 1) {
        const int a = p.area[w * 64 + std::countr_zero(bits)];
        if (details) {
          auto& list = work.pivots_of[a];
          if (std::find(list.begin(), list.end(), p.pivots[i].position) == list.end())
            list.push_back(p.pivots[i].position);
        }
        affected |= 1u << a;
      }
  }
  if (!affected) return;
  std::array<std::uint8_t, 32> also{};  // GradeSet bits by area
  const int n = std::min<int>(static_cast<int>(work.open.size()), max_pivots);
  Word* trial = sets + set_count * W;
  for (std::uint32_t mask = 1; mask < (1u << n); ++mask) {
    std::copy(sets, sets + set_count * W, trial);
    for (int b = 0; b < n; ++b)
      if (mask >> b & 1) {
        const int k = p.pivots[work.open[b]].position;
        const Word bit = Word{1} << (k % 64);
        for (int s = 0; s < status_count; ++s) trial[s * W + k / 64] &= ~bit;
        trial[not_met_set * W + k / 64] |= bit;
        trial[findings_set * W + k / 64] &= ~bit;
      }
    imply<FW, false>(p, trial, scratch, nullptr);
    if (with_counts) count_sets<FW>(p, trial, work);
    tally<FW>(p, trial, nullptr, packed);
    for (int a = 0; a < p.areas; ++a)
      if (affected >> a & 1)
        also[a] |= verdict(data, p.area_programs[a], packed[a], work, a).possible.bits();
  }
  if (with_counts) count_sets<FW>(p, sets, work);  // the counts of the statuses found
  for (int a = 0; a < p.areas; ++a) {
    if (!(affected >> a & 1)) continue;
    AreaVerdict& v = work.verdicts[a];
    if ((also[a] | v.possible.bits()) == v.possible.bits()) continue;
    v.possible = v.possible | sets_of_bits[also[a]];
    v.deciding_row = -1;
  }
}

}  // namespace

void prepare(const GradingProgram& p, GradeWork& work) {
  const auto n = static_cast<std::size_t>(p.requirements);
  const auto areas = static_cast<std::size_t>(p.areas);
  auto grow = [](auto& v, std::size_t size) {
    if (v.size() < size) v.resize(size);
  };
  grow(work.cell, (n + 15) / 16 * 16);  // whole 16-byte blocks
  grow(work.sets, (2 * set_count + 2) * static_cast<std::size_t>(p.words));
  grow(work.packed, areas);
  grow(work.verdicts, areas);
  if (work.details || p.interpreted) grow(work.counts, areas);
  if (work.details) {
    work.implied.assign(n, 0);
    grow(work.pivots_of, areas);
    for (auto& list : work.pivots_of) list.clear();
  }
}

// Compiled twice on x86-64: with the POPCNT instruction where the processor has it, and
// without.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
__attribute__((target_clones("popcnt", "default")))
#endif
void grade(const RuleBookData& data, const GradingProgram& p, GradeWork& work) {
  switch (p.words) {
    case 1:
      return grade_with_width<1>(data, p, work);
    case 2:
      return grade_with_width<2>(data, p, work);
    default:
      return grade_with_width<0>(data, p, work);
  }
}

}  // namespace spur::detail
