// euiomkb graph --kind timeline|lineage|framework --format dot|mermaid|svg: pictures of the
// meeting timeline, the organisations' lineage and hierarchy, and framework membership over
// time. svg runs Graphviz `dot` on the DOT text.
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <set>
#include <sstream>

#include "standing.hpp"
#include "tool.hpp"

extern char** environ;

namespace euiomkb::cli {
namespace {

struct Node {
  std::string id;
  std::string label;    // lines separated by '\n'
  std::string shape;    // box, ellipse, plaintext
  std::string kind;     // of the record it shows ("meeting", "organisation", ...), else empty
  std::string key;      // that record's key, else empty
  bool dashed = false;  // what is known only indirectly (meetings known by number only)
};

struct Edge {
  std::string from;
  std::string to;
  std::string label;
  bool dashed = false;
};

// A picture independent of its notation: nodes, edges, and groups drawn at the same rank.
struct Graph {
  std::string name;
  bool left_to_right = true;
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  std::vector<std::vector<std::string>> same_rank;
};

std::string date_text(const std::optional<PartialDate>& date) {
  return date ? date->to_string() : "date not stated";
}

std::string node_id(const std::string& prefix, std::int64_t id) {
  return prefix + std::to_string(id);
}

// The meetings in order of date. Where a series skips numbers between two recorded meetings
// (SOM 3, then SOM 11), a dashed box says those meetings are known by number only: the
// picture does not draw them as if nothing happened, nor invent dates for them.
Graph timeline_graph(const KnowledgeBase& kb) {
  Graph g{"timeline", true, {}, {}, {}};
  std::string previous;
  std::map<std::string, std::int64_t> last_number;  // series -> highest number drawn
  kb.meetings().each([&](const Meeting& m) {
    std::string id = node_id("m", m.id.value());
    if (m.series && m.sequence_no) {
      auto seen = last_number.find(*m.series);
      if (seen != last_number.end() && *m.sequence_no > seen->second + 1) {
        std::int64_t from = seen->second + 1, to = *m.sequence_no - 1;
        std::string numbers =
            *m.series + " " + std::to_string(from) + (from == to ? "" : "–" + std::to_string(to));
        std::string gap = "gap_" + id;
        g.nodes.push_back(
            {gap, numbers + "\nknown by number only:\nno date recorded", "box", "", "", true});
        if (!previous.empty()) g.edges.push_back({previous, gap, "", true});
        previous = gap;
      }
      std::int64_t& highest = last_number[*m.series];
      highest = std::max(highest, static_cast<std::int64_t>(*m.sequence_no));
    }
    std::string label =
        m.series && m.sequence_no ? *m.series + " " + std::to_string(*m.sequence_no) : m.title;
    label += "\n" + date_text(m.held_on);
    if (m.location) label += "\n" + *m.location;
    if (m.host) label += "\nhost: " + *m.host;
    g.nodes.push_back(
        {id, label, "box", "meeting", kb.key_of("meeting", m.id.value()).value_or(""), false});
    if (!previous.empty()) g.edges.push_back({previous, id, "", false});
    previous = id;
  });
  return g;
}

// How many units of one parent are drawn side by side before they are listed in one box, and
// how many names such a box lists before "and N more".
constexpr std::size_t kUnitsDrawnApart = 6;
constexpr std::size_t kNamesListed = 12;

std::string listed(const std::string& heading, const std::vector<std::string>& names) {
  std::string label = heading;
  for (std::size_t i = 0; i < names.size() && i < kNamesListed; ++i) label += "\n" + names[i];
  if (names.size() > kNamesListed)
    label += "\nand " + std::to_string(names.size() - kNamesListed) + " more";
  return label;
}

// Organisations under their parents, with renamings, splits and mergers as dashed arrows. To
// stay legible at a laptop's width: units of one parent that take no part in an event and
// have no units of their own are listed in one box when there are more than kUnitsDrawnApart
// of them, and so are the organisations recorded with neither parent, units nor events.
Graph lineage_graph(const KnowledgeBase& kb) {
  Graph g{"lineage", false, {}, {}, {}};
  std::map<std::string, std::string> ids;  // short name -> node id
  std::vector<Organisation> organisations;
  kb.organisations().each([&](const Organisation& o) {
    ids[o.short_name] = node_id("o", o.id.value());
    organisations.push_back(o);
  });
  std::set<OrganisationEventId> events;
  std::set<std::string> in_events, parents;
  std::vector<Edge> event_edges;
  for (const Organisation& o : organisations) {
    if (o.parent_short_name && ids.count(*o.parent_short_name))
      parents.insert(*o.parent_short_name);
    for (const OrganisationEvent& e : kb.organisations().lineage(o.id)) {
      if (!events.insert(e.id).second || !e.from_short_name || !e.to_short_name) continue;
      if (!ids.count(*e.from_short_name) || !ids.count(*e.to_short_name)) continue;
      in_events.insert(*e.from_short_name);
      in_events.insert(*e.to_short_name);
      event_edges.push_back({ids[*e.from_short_name], ids[*e.to_short_name],
                             e.event + (e.occurred_on ? " " + e.occurred_on->to_string() : ""),
                             true});
    }
  }
  // Leaves: no units of their own and no event. Grouped by parent ("" for none).
  std::map<std::string, std::vector<std::string>> leaves;
  for (const Organisation& o : organisations) {
    if (parents.count(o.short_name) || in_events.count(o.short_name)) continue;
    bool has_parent = o.parent_short_name && ids.count(*o.parent_short_name);
    leaves[has_parent ? *o.parent_short_name : std::string()].push_back(o.short_name);
  }
  std::set<std::string> grouped;
  for (const auto& [parent, names] : leaves) {
    bool group = parent.empty() ? names.size() > 3 : names.size() > kUnitsDrawnApart;
    if (!group) continue;
    grouped.insert(names.begin(), names.end());
    std::string id = parent.empty() ? "others" : "units_" + ids[parent];
    g.nodes.push_back(
        {id,
         listed(parent.empty() ? "Also recorded (no parent, units or events):"
                               : std::to_string(names.size()) + " units of " + parent + ":",
                names),
         "box", "", "", false});
    if (!parent.empty()) g.edges.push_back({ids[parent], id, "", false});
  }
  for (const Organisation& o : organisations) {
    if (grouped.count(o.short_name)) continue;
    g.nodes.push_back({ids[o.short_name], o.short_name, "box", "organisation",
                       kb.key_of("organisation", o.id.value()).value_or("")});
    if (o.parent_short_name && ids.count(*o.parent_short_name))
      g.edges.push_back({ids[*o.parent_short_name], ids[o.short_name], "", false});
  }
  g.edges.insert(g.edges.end(), event_edges.begin(), event_edges.end());
  return g;
}

// Membership over time, following the lineage: each party joins in the column of its date; a
// renamed party's successor appears in the column of the renaming, continuing the part (the old
// box says until when); a split party's box says its part ended, with arrows to what it split
// into. Dashed: joined later than the founding, or a change no document states.
Graph framework_graph(const KnowledgeBase& kb) {
  Graph g{"framework", true, {}, {}, {}};
  auto framework = kb.agreements().strategic_cooperation_framework();
  if (!framework) throw std::runtime_error("the database holds no strategic cooperation framework");
  g.nodes.push_back({"framework", framework->name, "ellipse", "agreement",
                     kb.key_of("agreement", framework->id.value()).value_or("")});
  std::map<std::string, std::vector<std::string>> by_date;  // column of each date
  std::map<std::int64_t, std::size_t> node_of;              // organisation id -> node index
  int n = 0;
  for (const AgreementParty& p : kb.agreements().parties(framework->id)) {
    std::string id = "p" + std::to_string(++n);
    std::string when = date_text(p.since);
    node_of[p.organisation_id.value()] = g.nodes.size();
    g.nodes.push_back({id, p.organisation, "box", "organisation",
                       kb.key_of("organisation", p.organisation_id.value()).value_or("")});
    g.edges.push_back({id, "framework", when + " (" + p.how + ")", p.how != "founding party"});
    by_date[when].push_back(id);
  }
  for (const MembershipStep& step : membership_steps(kb, framework->id)) {
    auto before = node_of.find(step.before.value());
    if (before == node_of.end()) continue;
    std::string when = date_text(step.events.front().occurred_on);
    std::string basis = step.basis == "general_knowledge" ? ", general knowledge" : "";
    Node& old = g.nodes[before->second];
    old.label += "\n" + std::string(step.ends ? "part ended " : "until ") + when;
    std::string old_id = old.id;
    if (step.ends) {
      for (const OrganisationEvent& e : step.events) {
        if (!e.to_id) continue;
        auto to = node_of.find(e.to_id->value());
        if (to == node_of.end()) continue;
        g.edges.push_back({old_id, g.nodes[to->second].id, e.event + " " + when + basis, true});
      }
      continue;
    }
    std::string id = "p" + std::to_string(++n);
    node_of[step.successor->value()] = g.nodes.size();
    g.nodes.push_back({id, step.successor_name, "box", "organisation",
                       kb.key_of("organisation", step.successor->value()).value_or("")});
    g.edges.push_back({old_id, id, step.events.front().event + " " + when + basis, true});
    g.edges.push_back({id, "framework", when + " (continues " + step.before_name + ")", true});
    by_date[when].push_back(id);
  }
  std::string previous;
  for (auto& [when, members] : by_date) {
    std::string id = "d" + std::to_string(++n);
    g.nodes.push_back({id, when, "plaintext", "", ""});
    if (!previous.empty()) g.edges.push_back({previous, id, "", false});
    previous = id;
    members.insert(members.begin(), id);
    g.same_rank.push_back(members);
  }
  return g;
}

std::string dot_quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

void write_dot(const Graph& g, std::ostream& out) {
  out << "digraph " << g.name << " {\n  rankdir=" << (g.left_to_right ? "LR" : "TB")
      << ";\n  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", "
         "fontsize=9];\n";
  for (const Node& n : g.nodes)
    out << "  " << n.id << " [label=" << dot_quoted(n.label) << ", shape=" << n.shape
        << (n.dashed ? ", style=dashed" : "") << "];\n";
  for (const Edge& e : g.edges) {
    out << "  " << e.from << " -> " << e.to;
    std::vector<std::string> attributes;
    if (!e.label.empty()) attributes.push_back("label=" + dot_quoted(e.label));
    if (e.dashed) attributes.emplace_back("style=dashed");
    for (std::size_t i = 0; i < attributes.size(); ++i)
      out << (i == 0 ? " [" : ", ") << attributes[i] << (i + 1 == attributes.size() ? "]" : "");
    out << ";\n";
  }
  for (const auto& group : g.same_rank) {
    out << "  { rank=same;";
    for (const std::string& id : group) out << " " << id << ";";
    out << " }\n";
  }
  out << "}\n";
}

std::string mermaid_text(const std::string& text) {
  return substitute(text, {{'"', "#quot;"}, {'\n', "<br/>"}});
}

void write_mermaid(const Graph& g, std::ostream& out) {
  out << "flowchart " << (g.left_to_right ? "LR" : "TB") << "\n";
  for (const Node& n : g.nodes) {
    std::string label = "\"" + mermaid_text(n.label) + "\"";
    if (n.shape == "ellipse")
      out << "  " << n.id << "([" << label << "])\n";
    else
      out << "  " << n.id << "[" << label << "]\n";
    if (n.dashed) out << "  style " << n.id << " stroke-dasharray: 5 5\n";
  }
  for (const Edge& e : g.edges) {
    out << "  " << e.from << (e.dashed ? " -.->" : " -->");
    if (!e.label.empty()) out << "|\"" << mermaid_text(e.label) << "\"|";
    out << " " << e.to << "\n";
  }
}

// Runs `dot -Tsvg DOT_FILE [-o OUT]` (no shell: the arguments go as they are).
void render_svg(const Graph& g, const std::string& out_path, std::ostream& out) {
  std::filesystem::path dot_file = std::filesystem::temp_directory_path() /
                                   ("euiomkb-graph-" + std::to_string(::getpid()) + ".dot");
  {
    std::ofstream file(dot_file);
    write_dot(g, file);
  }
  out.flush();
  std::fflush(stdout);
  std::vector<std::string> words = {"dot", "-Tsvg", dot_file.string()};
  if (!out_path.empty() && out_path != "-") words.insert(words.end(), {"-o", out_path});
  std::vector<char*> argv;
  argv.reserve(words.size() + 1);
  for (std::string& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, "dot", nullptr, nullptr, argv.data(), environ);
  int status = 0;
  if (spawned == 0) waitpid(pid, &status, 0);
  std::filesystem::remove(dot_file);
  if (spawned != 0)
    throw std::runtime_error("cannot run Graphviz 'dot' (apt-get install graphviz)");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("Graphviz 'dot' failed to render the picture");
}

// The graph as one document of two parts: "nodes" (id, label with its lines separated by
// "\n", shape, and the kind and key of the record a node shows) and "edges" (from, to, label,
// dashed). Node ids are those of the DOT and Mermaid text.
void write_parts(const Graph& g, Writer& out) {
  out.section("nodes", {{"id"}, {"label"}, {"shape"}, {"kind"}, {"key"}});
  auto or_null = [](const std::string& v) { return v.empty() ? Value{} : text(v); };
  for (const Node& n : g.nodes)
    out.row({text(n.id), text(n.label), text(n.shape), or_null(n.kind), or_null(n.key)});
  out.section("edges", {{"from"}, {"to"}, {"label"}, {"dashed", ColumnType::boolean}});
  for (const Edge& e : g.edges)
    out.row({text(e.from), text(e.to), or_null(e.label), boolean(e.dashed)});
  out.finish();
}

struct Arguments {
  std::string kind;
  std::string format = "dot";
  bool format_given = false;
  std::string out;
};

int run_graph(const Tool& tool, const Arguments& args) {
  bool parts = tool.format() != Format::table || !tool.part.empty();
  if (parts && (args.format_given || !args.out.empty()))
    throw UsageError(
        "--json, --csv, --tsv and --part print the graph's nodes and edges on standard output; "
        "--format and --out are for the picture (dot, mermaid, svg)");
  if (parts) check_part(tool.format(), tool.part, {"nodes", "edges"});
  KnowledgeBase kb = tool.open();
  const std::map<std::string, Graph (*)(const KnowledgeBase&)> kinds = {
      {"timeline", timeline_graph}, {"lineage", lineage_graph}, {"framework", framework_graph}};
  Graph g = kinds.at(args.kind)(kb);
  if (parts) {
    write_parts(g, *tool.writer(true));
    return 0;
  }
  if (args.format == "svg") {
    render_svg(g, args.out, tool.out);
    return 0;
  }
  const std::map<std::string, void (*)(const Graph&, std::ostream&)> writers = {
      {"dot", write_dot}, {"mermaid", write_mermaid}};
  if (args.out.empty() || args.out == "-") {
    writers.at(args.format)(g, tool.out);
    return 0;
  }
  std::ofstream file(args.out);
  writers.at(args.format)(g, file);
  file.close();
  if (!file) throw std::runtime_error("cannot write '" + args.out + "'");
  return 0;
}

}  // namespace

void add_graph_command(CLI::App& app, Tool& tool) {
  auto args = std::make_shared<Arguments>();
  auto* command = tool.command(
      app, "graph",
      "Pictures: the meeting timeline, organisations' lineage and hierarchy, framework "
      "membership over time",
      [&tool, args] { return run_graph(tool, *args); });
  command->add_option("--kind", args->kind, "timeline, lineage or framework")
      ->required()
      ->check(CLI::IsMember({"timeline", "lineage", "framework"}));
  command
      ->add_option("--format", args->format,
                   "dot, mermaid or svg (runs Graphviz dot); --json, --csv or --tsv instead give "
                   "the nodes and edges")
      ->each([args](const std::string&) { args->format_given = true; })
      ->capture_default_str()
      ->check(CLI::IsMember({"dot", "mermaid", "svg"}));
  command->add_option("--out", args->out, "File to write (default: stdout)");
}

}  // namespace euiomkb::cli
