#pragma once
// What a loaded rule book holds beyond its public parts: the graph, compiled scale conditions
// and, per regulation, index tables that let evaluation work on small integers.

#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "graph/rule_graph.hpp"
#include "rules/expression.hpp"
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
  std::unordered_map<std::string, int> area_index;
  std::vector<std::string> requirement_ids;           // every id once, catalogue order
  std::unordered_map<std::string, int> global_index;  // id -> index in requirement_ids
  RuleGraph graph;
  std::vector<int> area_vertex;  // parallel to model.areas
  std::vector<Diagnostic> warnings;
  std::filesystem::path directory;

  int regulation_index(std::string_view id) const {
    for (std::size_t i = 0; i < regulations.size(); ++i)
      if (regulations[i].id == id) return static_cast<int>(i);
    return -1;
  }
};

}  // namespace spur::detail
