#pragma once
// The rule graph: regulations, areas and requirements as vertices; requires, belongs-to and
// based-on as edges. Boost.Graph stays inside rule_graph.cpp; this interface speaks ints.

#include <memory>
#include <string>
#include <vector>

namespace spur::detail {

class RuleGraph {
 public:
  enum class VertexType { regulation, area, requirement };
  enum class EdgeType { prerequisite, belongs_to, part_of, based_on };

  RuleGraph();
  ~RuleGraph();
  RuleGraph(RuleGraph&&) noexcept;
  RuleGraph& operator=(RuleGraph&&) noexcept;

  int add_regulation(const std::string& id);
  int add_area(const std::string& id, const std::string& name);
  /// A requirement of one regulation: it belongs to `area` and is part of `regulation`.
  int add_requirement(int regulation, int area, const std::string& id, const std::string& kind);
  /// `dependent` requires `prerequisite`.
  void add_requires(int dependent, int prerequisite);
  void add_based_on(int regulation, int base);

  /// Cycles among requires edges, each as the requirement vertices in order along the cycle.
  std::vector<std::vector<int>> requirement_cycles() const;
  /// Cycles among based-on edges, each as regulation vertices in order.
  std::vector<std::vector<int>> regulation_cycles() const;
  /// Requirements of `regulation` with every prerequisite before its dependents. Requires an
  /// acyclic graph.
  std::vector<int> evaluation_order(int regulation) const;
  /// Transitive prerequisites (or dependents) of a requirement vertex.
  std::vector<int> prerequisites(int requirement) const;
  std::vector<int> dependents(int requirement) const;
  /// Direct prerequisites of a requirement vertex.
  std::vector<int> direct_prerequisites(int requirement) const;
  /// Area vertex of a requirement vertex.
  int area_of(int requirement) const;

  const std::string& name(int vertex) const;
  VertexType type(int vertex) const;
  int vertex_count() const;

  std::string to_dot() const;
  /// {"nodes": [...], "edges": [...]} as JSON text.
  std::string to_json() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace spur::detail
