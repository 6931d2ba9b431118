// Parsing of fact files (seed/FORMAT.md) into records that remember where they were written.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace euiomkb::detail {

struct FactField {
  std::string name;
  std::string value;
  int line;
};

struct FactCite {
  std::string source_key;
  std::string quote;
  int line;
};

struct FactRecord {
  std::string file;
  int line;  // of the record's first line
  std::string kind;
  std::optional<std::string> key;
  std::vector<FactField> fields;
  std::vector<FactCite> cites;

  // The field named `name`, or nullptr when the record omits it.
  const FactField* field(std::string_view name) const;
};

// Parses one fact file. Throws ImportError naming `file_name`, the line and the field of the
// first syntax error.
std::vector<FactRecord> parse_facts(const std::string& file_name, std::string_view text);

}  // namespace euiomkb::detail
