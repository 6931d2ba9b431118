// The exports in other tools' vocabularies, checked as their users would: the Popolo export
// against the rules of the Popolo schemas that matter (required fields, date patterns, every id
// it refers to present in it) and the knowledge base (every citation of its kinds, no date it
// does not hold); every Web Annotation re-anchored in the stored text by both of its selectors;
// the JSON-LD export self-contained, typed and keyed (tests/linked/ expands it with jsonld).
#include "export_linked.hpp"

#include <gtest/gtest.h>

#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "euiomkb/euiomkb.hpp"
#include "seeded_suite.hpp"

namespace euiomkb {
namespace {

using Json = nlohmann::json;

class ExportLinked : public test::SeededSuite {
 protected:
  static std::int64_t count(const std::string& sql) {
    std::int64_t n = -1;
    kb_->run_sql(
        sql, {}, [](const auto&) {},
        [&](const std::vector<SqlValue>& row) { n = std::get<std::int64_t>(row[0]); });
    return n;
  }
  static Json exported(void (*writer)(const KnowledgeBase&, std::ostream&)) {
    std::ostringstream out;
    writer(*kb_, out);
    return Json::parse(out.str());
  }
};

// Byte offset in `text` (UTF-8) of code point `n`.
std::size_t byte_of(const std::string& text, std::int64_t n) {
  std::size_t at = 0;
  for (std::int64_t seen = 0; at < text.size(); ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;
    if (seen++ == n) return at;
  }
  return at;
}
std::int64_t code_points(const std::string& text, std::size_t bytes) {
  std::int64_t n = 0;
  for (std::size_t i = 0; i < bytes && i < text.size(); ++i)
    n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return n;
}

TEST_F(ExportLinked, PopoloFollowsTheSchemaRulesAndEveryIdResolves) {
  Json popolo = exported(cli::export_popolo);
  const Counts counts = kb_->counts();
  ASSERT_EQ(popolo["persons"].size(), static_cast<std::size_t>(counts.people));
  ASSERT_EQ(popolo["organizations"].size(), static_cast<std::size_t>(counts.organisations));
  ASSERT_EQ(popolo["events"].size(), static_cast<std::size_t>(counts.meetings));
  ASSERT_EQ(popolo["posts"].size(), static_cast<std::size_t>(count("SELECT count(*) FROM post")));
  ASSERT_EQ(popolo["memberships"].size(),
            static_cast<std::size_t>(count("SELECT count(*) FROM tenure")));

  // Popolo's date pattern (a year, month or day: the precision the source gives).
  const std::regex date(R"(^[0-9]{4}(-[0-9]{2}){0,2}$)");
  auto date_ok = [&](const Json& value) {
    return value.is_null() ||
           (value.is_string() && std::regex_match(value.get<std::string>(), date));
  };
  std::map<std::string, std::set<std::string>> ids;
  for (const char* collection : {"persons", "organizations", "posts", "memberships", "events"})
    for (const Json& item : popolo[collection]) {
      ASSERT_TRUE(item["id"].is_string()) << item;
      const std::string id = item["id"];
      EXPECT_TRUE(ids[collection].insert(id).second) << "duplicate id " << id;
      // Keyed by the knowledge base's keys: every seed row has one.
      EXPECT_EQ(id.find("row-"), std::string::npos) << id;
    }

  std::size_t resolved = 0, dangling = 0, attendees = 0, links = 0;
  auto resolves = [&](const char* collection, const Json& value, bool nullable) {
    if (value.is_null() && nullable) return;
    if (value.is_string() && ids[collection].count(value.get<std::string>())) {
      ++resolved;
    } else {
      ++dangling;
      ADD_FAILURE() << value << " is no id of " << collection;
    }
  };
  std::set<std::string> source_keys;
  for (const SourceSummary& s : kb_->sources().list()) source_keys.insert("source/" + s.key);
  auto sources_ok = [&](const Json& item) {
    ASSERT_TRUE(item["sources"].is_array()) << item;
    for (const Json& link : item["sources"]) {
      ++links;
      // link.json: url is required and a URI.
      ASSERT_TRUE(link["url"].is_string()) << link;
      const std::string url = link["url"];
      EXPECT_TRUE(url.starts_with("ni:///sha-256;") || url.starts_with("http")) << url;
      EXPECT_FALSE(link["quotation"].get<std::string>().empty()) << link;
      EXPECT_TRUE(source_keys.count(link["source"].get<std::string>())) << link;
    }
  };
  for (const Json& p : popolo["persons"]) {
    EXPECT_FALSE(p["name"].get<std::string>().empty()) << p;  // person.json: name required
    for (const Json& n : p["other_names"]) sources_ok(n);
    sources_ok(p);
  }
  for (const Json& o : popolo["organizations"]) {
    EXPECT_FALSE(o["name"].get<std::string>().empty()) << o;  // organization.json: name required
    resolves("organizations", o["parent_id"], true);
    for (const Json& n : o["other_names"]) {
      EXPECT_TRUE(date_ok(n["start_date"]) && date_ok(n["end_date"])) << n;
      sources_ok(n);
    }
    sources_ok(o);
  }
  for (const Json& post : popolo["posts"]) {
    EXPECT_FALSE(post["label"].get<std::string>().empty()) << post;  // post.json: label
    resolves("organizations", post["organization_id"], true);
    sources_ok(post);
  }
  std::int64_t start_dates = 0, attested = 0;
  for (const Json& m : popolo["memberships"]) {
    resolves("persons", m["person_id"], false);
    resolves("organizations", m["organization_id"], false);  // membership.json: required
    resolves("posts", m["post_id"], false);
    for (const char* field : {"start_date", "end_date", "attested_from", "attested_to"})
      EXPECT_TRUE(date_ok(m[field])) << m;
    start_dates += !m["start_date"].is_null() + !m["end_date"].is_null();
    attested += !m["attested_from"].is_null();
    sources_ok(m);
  }
  // No date the knowledge base does not hold: start and end only where a document states them.
  EXPECT_EQ(start_dates, count("SELECT count(start_date) + count(end_date) FROM tenure"));
  EXPECT_EQ(attested, count("SELECT count(attested_from) FROM tenure"));
  EXPECT_GT(attested, 0);
  std::set<std::string> attested_as;
  for (const Json& e : popolo["events"]) {
    EXPECT_TRUE(date_ok(e["start_date"])) << e;
    resolves("organizations", e["organization_id"], true);
    for (const Json& a : e["attendees"]) {
      ++attendees;
      resolves("persons", a["id"], false);
      resolves("organizations", a["organization_id"], true);
      attested_as.insert(a.value("attested_as", ""));
      sources_ok(a);
    }
    sources_ok(e);
  }
  EXPECT_EQ(attendees, static_cast<std::size_t>(counts.attendances));
  // An attendee announced ahead is not one reported afterwards.
  EXPECT_EQ(attested_as, (std::set<std::string>{"announced", "reported"}));
  // Every citation of the kinds Popolo shows is a link.
  EXPECT_EQ(static_cast<std::int64_t>(links),
            count("SELECT count(*) FROM citation WHERE subject_type IN ('person', "
                  "'person_alias', 'organisation', 'organisation_name', 'post', 'tenure', "
                  "'meeting', 'attendance')"));
  EXPECT_EQ(dangling, 0u);
  std::cout << "popolo: " << ids["persons"].size() << " persons, " << ids["organizations"].size()
            << " organizations, " << ids["posts"].size() << " posts, " << ids["memberships"].size()
            << " memberships (" << start_dates << " stated start/end dates, " << attested
            << " attested_from), " << ids["events"].size() << " events, " << attendees
            << " attendees; " << resolved << " references resolved, " << dangling << " dangling; "
            << links << " sources\n";
}

TEST_F(ExportLinked, EveryAnnotationReanchorsInTheStoredText) {
  Json collection = exported(cli::export_annotations);
  const Json& items = collection["first"]["items"];
  const auto citations = static_cast<std::size_t>(count("SELECT count(*) FROM citation"));
  ASSERT_EQ(items.size(), citations);
  ASSERT_EQ(collection["total"], citations);
  std::map<std::string, std::string> texts;  // by ni: name
  for (const Source& s : kb_->sources().all()) texts[cli::stored_copy_name(s.sha256)] = s.text;

  std::size_t anchored = 0, past_non_ascii = 0;
  std::set<std::string> annotation_ids;
  for (const Json& a : items) {
    EXPECT_TRUE(annotation_ids.insert(a["id"].get<std::string>()).second) << a["id"];
    EXPECT_EQ(a["type"], "Annotation");
    const Json& body = a["body"];
    EXPECT_TRUE(body["id"].get<std::string>().starts_with("urn:euiomkb:")) << body;
    EXPECT_EQ(body["id"].get<std::string>().find("row-"), std::string::npos) << body;
    EXPECT_FALSE(body["kind"].get<std::string>().empty()) << body;
    EXPECT_FALSE(body["description"].get<std::string>().empty()) << body;
    const std::string source = a["target"]["source"]["id"];
    ASSERT_TRUE(texts.count(source)) << source;
    const std::string& text = texts[source];
    Json quote, position;
    for (const Json& selector : a["target"]["selector"])
      (selector["type"] == "TextQuoteSelector" ? quote : position) = selector;
    ASSERT_TRUE(quote.is_object() && position.is_object()) << a;
    const std::string exact = quote["exact"], prefix = quote["prefix"], suffix = quote["suffix"];
    const std::int64_t start = position["start"], end = position["end"];
    // TextPositionSelector: code points [start, end) of the text are `exact`.
    const std::size_t from = byte_of(text, start), to = byte_of(text, end);
    const bool position_ok = text.substr(from, to - from) == exact;
    // TextQuoteSelector: the first place prefix + exact + suffix occurs, as code points.
    const std::size_t found = text.find(prefix + exact + suffix);
    const bool quote_ok = found != std::string::npos &&
                          code_points(text, found + prefix.size()) == start &&
                          code_points(text, found + prefix.size() + exact.size()) == end;
    EXPECT_TRUE(position_ok) << a;
    EXPECT_TRUE(quote_ok) << a;
    anchored += position_ok && quote_ok;
    past_non_ascii += from != static_cast<std::size_t>(start);
  }
  // Offsets count code points: some passages follow text where a byte count would differ.
  EXPECT_GT(past_non_ascii, 0u);
  std::cout << anchored << "/" << items.size()
            << " annotations re-anchored (TextQuote and TextPosition on the same passage; "
            << past_non_ascii << " after non-ASCII text, where bytes and code points differ)\n";
}

// One name per fact in every export: the annotations' bodies name the facts Popolo lists with
// their sources, and the JSON-LD nodes, by the same ids.
TEST_F(ExportLinked, TheExportsNameEachFactAlike) {
  const std::string base = "urn:euiomkb:";
  std::map<std::string, std::set<std::string>> annotated;  // by kind: ids without the base
  Json annotations = exported(cli::export_annotations);
  for (const Json& a : annotations["first"]["items"])
    annotated[a["body"]["kind"]].insert(a["body"]["id"].get<std::string>().substr(base.size()));
  Json popolo = exported(cli::export_popolo);
  std::map<std::string, std::set<std::string>> cited;
  auto add = [&](const char* kind, const Json& item, const char* id = "id") {
    if (!item["sources"].empty()) cited[kind].insert(item[id].get<std::string>());
  };
  for (const Json& p : popolo["persons"]) add("person", p);
  for (const Json& o : popolo["organizations"]) add("organisation", o);
  for (const Json& p : popolo["posts"]) add("post", p);
  for (const Json& m : popolo["memberships"]) add("tenure", m);
  for (const Json& e : popolo["events"]) {
    add("meeting", e);
    for (const Json& a : e["attendees"]) add("attendance", a, "attendance_id");
  }
  std::size_t compared = 0;
  for (const auto& [kind, ids] : cited) {
    EXPECT_EQ(ids, annotated[kind]) << kind;
    compared += ids.size();
  }
  std::set<std::string> nodes;
  Json jsonld = exported(cli::export_jsonld);
  for (const Json& node : jsonld["@graph"]) {
    nodes.insert(node["id"]);
    for (const Json& attendance : node.value("attendance", Json::array()))
      nodes.insert(attendance["id"]);
  }
  for (const auto& [kind, ids] : cited)
    for (const std::string& id : ids) EXPECT_TRUE(nodes.count(base + id)) << id;
  EXPECT_GT(compared, 50u);
  std::cout << compared << " cited facts named alike in Popolo, JSON-LD and the annotations\n";
}

TEST_F(ExportLinked, JsonLdIsSelfContainedKeyedAndTyped) {
  Json doc = exported(cli::export_jsonld);
  ASSERT_TRUE(doc["@context"].is_object());  // inline: no network to read it
  std::size_t nodes = 0, typed_dates = 0;
  std::set<std::string> date_types;
  std::function<void(const Json&)> walk = [&](const Json& value) {
    if (value.is_object()) {
      if (value.contains("@value") && value.contains("@type")) {
        date_types.insert(value["@type"]);
        ++typed_dates;
      }
      for (const auto& [name, v] : value.items()) walk(v);
    } else if (value.is_array()) {
      for (const Json& v : value) walk(v);
    }
  };
  std::set<std::string> types;
  for (const Json& node : doc["@graph"]) {
    ++nodes;
    ASSERT_TRUE(node["id"].is_string()) << node;
    const std::string id = node["id"];
    EXPECT_TRUE(id.starts_with("urn:euiomkb:") || id.starts_with("ni:///sha-256;")) << id;
    EXPECT_EQ(id.find("row-"), std::string::npos) << id;
    types.insert(node["type"].get<std::string>());
    walk(node);
  }
  EXPECT_EQ(types, (std::set<std::string>{"Source", "Organization", "ChangeEvent", "Person", "Post",
                                          "Membership", "Event"}));
  EXPECT_EQ(date_types, (std::set<std::string>{"xsd:gYear", "xsd:gYearMonth", "xsd:date"}));
  std::cout << "jsonld: " << nodes << " nodes, " << typed_dates << " typed dates\n";
}

TEST(StoredCopyName, IsTheRfc6920NameOfTheDigest) {
  // RFC 6920 section 3's example: the SHA-256 of "Hello World!".
  EXPECT_EQ(
      cli::stored_copy_name("7f83b1657ff1fc53b92dc18148a1d65dfc2d4b1fa3d677284addd200126d9069"),
      "ni:///sha-256;f4OxZX_x_FO5LcGBSKHWXfwtSx-j1ncoSt3SABJtkGk");
}

}  // namespace
}  // namespace euiomkb
