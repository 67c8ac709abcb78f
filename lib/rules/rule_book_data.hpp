#pragma once
// What a loaded rule book holds beyond its public parts: the graph, compiled scale conditions
// and, per regulation, index tables that let evaluation work on small integers.

#include <array>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "batch/grading_program.hpp"
#include "graph/rule_graph.hpp"
#include "rules/expression.hpp"
#include "spur/evaluation.hpp"
#include "spur/model.hpp"

namespace spur::detail {

struct CompiledScale {
  const Scale* scale = nullptr;
  std::vector<Expression> when;  // one per row
};

struct CompiledRegulation {
  const Regulation* regulation = nullptr;
  int vertex = -1;
  std::unordered_map<std::string, int> index;   // requirement id -> position
  std::vector<int> order;                       // positions, prerequisites first
  std::vector<std::vector<int>> prerequisites;  // direct, by position
  std::vector<std::vector<int>> dependents;     // direct, by position
  std::vector<int> order_with_prerequisites;    // `order`, keeping those with prerequisites
  std::vector<int> with_dependents;             // positions that are someone's prerequisite
  std::vector<int> area;                        // index into Model::areas, by position
  std::vector<int> vertex_of;                   // graph vertex, by position
  std::vector<int> position_of;                 // by global index; -1 when absent
  std::vector<std::vector<int>> area_members;   // positions, by area index
};

struct RuleBookData {
  Model model;
  std::vector<Regulation> regulations;
  std::vector<CompiledRegulation> compiled;  // parallel to regulations
  std::vector<CompiledScale> area_scales;    // parallel to model.areas
  std::vector<GradingProgram> programs;      // parallel to regulations: how grades are computed
  /// Where evaluation starts from, by regulation and default status: every requirement of the
  /// regulation with that status.
  std::vector<std::array<std::vector<RequirementOutcome>, all_statuses.size()>> outcomes;
  std::unordered_map<std::string, int> area_index;
  std::vector<std::string> requirement_ids;  // every id once, catalogue order
  std::unordered_map<std::string, int> global_index;
  /// Requirement texts made comparable (normalise_text), to find plan entries by text.
  std::unordered_map<std::string, int> text_index;  // id -> index in requirement_ids
  RuleGraph graph;
  std::vector<int> area_vertex;  // parallel to model.areas
  std::vector<Diagnostic> warnings;
  std::filesystem::path directory;

  /// Ids of the usual form (a capital letter and a number below 100, "E4") are found in a
  /// table without hashing: an inspection looks up every one of its findings.
  std::vector<int> short_id_index = std::vector<int>(26 * 100, -1);
  static int short_code(std::string_view id) {
    if (id.size() < 2 || id.size() > 3 || id[0] < 'A' || id[0] > 'Z') return -1;
    int n = 0;
    for (char c : id.substr(1)) {
      if (c < '0' || c > '9') return -1;
      n = n * 10 + (c - '0');
    }
    if (id.size() == 3 && id[1] == '0') return -1;  // "E04" is not "E4"
    return (id[0] - 'A') * 100 + n;
  }
  /// Index in requirement_ids of a requirement id, or -1.
  int find_global(std::string_view id) const {
    if (int code = short_code(id); code >= 0) return short_id_index[code];
    auto it = global_index.find(std::string(id));
    return it == global_index.end() ? -1 : it->second;
  }

  int regulation_index(std::string_view id) const {
    for (std::size_t i = 0; i < regulations.size(); ++i)
      if (regulations[i].id == id) return static_cast<int>(i);
    return -1;
  }
};

}  // namespace spur::detail
