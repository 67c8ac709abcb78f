#include "graph/rule_graph.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

namespace spur::detail {

namespace {

struct VertexProps {
  RuleGraph::VertexType type;
  std::string name;   // id
  std::string label;  // kind of requirement, or area name
  int regulation = -1;
  int area = -1;
};
struct EdgeProps {
  RuleGraph::EdgeType type;
};
using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexProps, EdgeProps>;
using Vertex = Graph::vertex_descriptor;

// Keeps only the edges of one type (requires between requirements, based-on between
// regulations), so the graph algorithms see one relation at a time.
struct EdgeOfType {
  const Graph* g = nullptr;
  RuleGraph::EdgeType type{};
  bool operator()(Graph::edge_descriptor e) const { return (*g)[e].type == type; }
};

std::string_view edge_name(RuleGraph::EdgeType t) {
  switch (t) {
    case RuleGraph::EdgeType::prerequisite:
      return "requires";
    case RuleGraph::EdgeType::belongs_to:
      return "belongs-to";
    case RuleGraph::EdgeType::part_of:
      return "part-of";
    default:
      return "based-on";
  }
}
std::string_view vertex_name(RuleGraph::VertexType t) {
  switch (t) {
    case RuleGraph::VertexType::regulation:
      return "regulation";
    case RuleGraph::VertexType::area:
      return "area";
    default:
      return "requirement";
  }
}

}  // namespace

struct RuleGraph::Impl {
  Graph g;

  auto only(EdgeType type) const {
    return boost::make_filtered_graph(g, EdgeOfType{&g, type}, boost::keep_all{});
  }

  // Cycles of one relation: each strongly connected component with more than one vertex (or a
  // self-loop) holds a cycle; walk it from its first vertex, staying inside the component.
  std::vector<std::vector<int>> cycles(EdgeType type) const {
    auto fg = only(type);
    std::vector<int> component(boost::num_vertices(g));
    int count = boost::strong_components(
        fg,
        boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)));
    std::vector<std::vector<int>> members(count);
    for (std::size_t v = 0; v < component.size(); ++v)
      members[component[v]].push_back(static_cast<int>(v));
    std::vector<std::vector<int>> result;
    for (const auto& m : members) {
      bool self_loop = false;
      if (m.size() == 1) {
        for (auto e : boost::make_iterator_range(boost::out_edges(m[0], fg)))
          self_loop = self_loop || boost::target(e, fg) == static_cast<Vertex>(m[0]);
        if (!self_loop) continue;
      }
      // Walk successors within the component until a vertex repeats: that is a cycle.
      std::vector<int> path{m.front()};
      std::vector<int> seen_at(boost::num_vertices(g), -1);
      seen_at[m.front()] = 0;
      for (;;) {
        int next = -1;
        for (auto e : boost::make_iterator_range(boost::out_edges(path.back(), fg))) {
          int t = static_cast<int>(boost::target(e, fg));
          if (component[t] == component[m.front()] && (next < 0 || t < next)) next = t;
        }
        if (seen_at[next] >= 0) {
          std::vector<int> cycle(path.begin() + seen_at[next], path.end());
          result.push_back(cycle);
          break;
        }
        seen_at[next] = static_cast<int>(path.size());
        path.push_back(next);
      }
    }
    return result;
  }

  // Everything reachable along requires edges: towards prerequisites, or back to dependents.
  std::vector<int> reachable(int start, bool towards_prerequisites) const {
    std::vector<bool> seen(boost::num_vertices(g));
    std::vector<int> queue{start}, found;
    seen[start] = true;
    for (std::size_t i = 0; i < queue.size(); ++i) {
      auto visit = [&](Vertex next, EdgeType type) {
        if (type != EdgeType::prerequisite || seen[next]) return;
        seen[next] = true;
        queue.push_back(static_cast<int>(next));
        found.push_back(static_cast<int>(next));
      };
      if (towards_prerequisites)
        for (auto e : boost::make_iterator_range(boost::out_edges(queue[i], g)))
          visit(boost::target(e, g), g[e].type);
      else
        for (auto e : boost::make_iterator_range(boost::in_edges(queue[i], g)))
          visit(boost::source(e, g), g[e].type);
    }
    std::sort(found.begin(), found.end());
    return found;
  }
};

RuleGraph::RuleGraph() : impl_(std::make_unique<Impl>()) {}
RuleGraph::~RuleGraph() = default;
RuleGraph::RuleGraph(RuleGraph&&) noexcept = default;
RuleGraph& RuleGraph::operator=(RuleGraph&&) noexcept = default;

int RuleGraph::add_regulation(const std::string& id) {
  return static_cast<int>(boost::add_vertex({VertexType::regulation, id, id}, impl_->g));
}
int RuleGraph::add_area(const std::string& id, const std::string& name) {
  return static_cast<int>(boost::add_vertex({VertexType::area, id, name}, impl_->g));
}
int RuleGraph::add_requirement(int regulation, int area, const std::string& id,
                               const std::string& kind) {
  auto v = boost::add_vertex({VertexType::requirement, id, kind, regulation, area}, impl_->g);
  boost::add_edge(v, area, {EdgeType::belongs_to}, impl_->g);
  boost::add_edge(v, regulation, {EdgeType::part_of}, impl_->g);
  return static_cast<int>(v);
}
void RuleGraph::add_requires(int dependent, int prerequisite) {
  boost::add_edge(dependent, prerequisite, {EdgeType::prerequisite}, impl_->g);
}
void RuleGraph::add_based_on(int regulation, int base) {
  boost::add_edge(regulation, base, {EdgeType::based_on}, impl_->g);
}

std::vector<std::vector<int>> RuleGraph::requirement_cycles() const {
  return impl_->cycles(EdgeType::prerequisite);
}
std::vector<std::vector<int>> RuleGraph::regulation_cycles() const {
  return impl_->cycles(EdgeType::based_on);
}

std::vector<int> RuleGraph::evaluation_order(int regulation) const {
  auto fg = impl_->only(EdgeType::prerequisite);
  // Edges point from dependent to prerequisite, so topological_sort's reverse finishing order
  // already lists prerequisites first.
  std::vector<Vertex> order;
  boost::topological_sort(fg, std::back_inserter(order));
  std::vector<int> out;
  for (Vertex v : order) {
    const auto& p = impl_->g[v];
    if (p.type == VertexType::requirement && p.regulation == regulation)
      out.push_back(static_cast<int>(v));
  }
  return out;
}

std::vector<int> RuleGraph::prerequisites(int requirement) const {
  return impl_->reachable(requirement, true);
}
std::vector<int> RuleGraph::dependents(int requirement) const {
  return impl_->reachable(requirement, false);
}
std::vector<int> RuleGraph::direct_prerequisites(int requirement) const {
  std::vector<int> out;
  for (auto e : boost::make_iterator_range(boost::out_edges(requirement, impl_->g)))
    if (impl_->g[e].type == EdgeType::prerequisite)
      out.push_back(static_cast<int>(boost::target(e, impl_->g)));
  std::sort(out.begin(), out.end());
  return out;
}
int RuleGraph::area_of(int requirement) const {
  return impl_->g[requirement].area;
}
const std::string& RuleGraph::name(int vertex) const {
  return impl_->g[vertex].name;
}
RuleGraph::VertexType RuleGraph::type(int vertex) const {
  return impl_->g[vertex].type;
}
int RuleGraph::vertex_count() const {
  return static_cast<int>(boost::num_vertices(impl_->g));
}

namespace {
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}
std::string node_id(const Graph& g, Vertex v) {
  const auto& p = g[v];
  switch (p.type) {
    case RuleGraph::VertexType::regulation:
      return "reg:" + p.name;
    case RuleGraph::VertexType::area:
      return "area:" + p.name;
    default:
      return g[p.regulation].name + "/" + p.name;
  }
}
}  // namespace

std::string RuleGraph::to_dot() const {
  const Graph& g = impl_->g;
  std::ostringstream out;
  out << "digraph spur {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n";
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const auto& p = g[v];
    if (p.type == VertexType::regulation)
      out << "  " << quoted(node_id(g, v)) << " [shape=box3d, label=" << quoted(p.name) << "];\n";
    else if (p.type == VertexType::area)
      out << "  " << quoted(node_id(g, v))
          << " [shape=folder, label=" << quoted(p.name + ". " + p.label) << "];\n";
  }
  for (auto r : boost::make_iterator_range(boost::vertices(g))) {
    if (g[r].type != VertexType::regulation) continue;
    out << "  subgraph " << quoted("cluster_" + g[r].name) << " {\n    label=" << quoted(g[r].name)
        << ";\n";
    for (auto v : boost::make_iterator_range(boost::vertices(g))) {
      const auto& p = g[v];
      if (p.type != VertexType::requirement || p.regulation != static_cast<int>(r)) continue;
      const char* shape = p.label == "provision" ? "box" : p.label == "advice" ? "ellipse" : "note";
      out << "    " << quoted(node_id(g, v)) << " [shape=" << shape << ", label=" << quoted(p.name)
          << ", tooltip=" << quoted(p.label) << "];\n";
    }
    out << "  }\n";
  }
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    auto type = g[e].type;
    if (type == EdgeType::part_of) continue;  // drawn as clusters
    out << "  " << quoted(node_id(g, boost::source(e, g))) << " -> "
        << quoted(node_id(g, boost::target(e, g)));
    if (type == EdgeType::prerequisite)
      out << " [label=\"requires\"]";
    else if (type == EdgeType::based_on)
      out << " [label=\"based-on\", style=bold]";
    else
      out << " [style=dotted, arrowhead=none]";
    out << ";\n";
  }
  out << "}\n";
  return out.str();
}

std::string RuleGraph::to_json() const {
  const Graph& g = impl_->g;
  nlohmann::json nodes = nlohmann::json::array(), edges = nlohmann::json::array();
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const auto& p = g[v];
    nlohmann::json node{{"id", node_id(g, v)}, {"type", vertex_name(p.type)}, {"name", p.name}};
    if (p.type == VertexType::requirement) {
      node["kind"] = p.label;
      node["regulation"] = g[p.regulation].name;
      node["area"] = g[p.area].name;
    } else if (p.type == VertexType::area) {
      node["label"] = p.label;
    }
    nodes.push_back(node);
  }
  for (auto e : boost::make_iterator_range(boost::edges(g)))
    edges.push_back({{"source", node_id(g, boost::source(e, g))},
                     {"target", node_id(g, boost::target(e, g))},
                     {"type", edge_name(g[e].type)}});
  return nlohmann::json{{"nodes", nodes}, {"edges", edges}}.dump(2);
}

}  // namespace spur::detail
