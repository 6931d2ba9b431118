#include "fact_file.hpp"

#include "euiomkb/error.hpp"
#include "text.hpp"

namespace euiomkb::detail {
namespace {

bool is_name(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || c == '_')) return false;
  return true;
}

bool is_key(std::string_view s) {
  if (s.empty() || s.size() > 100 || s[0] == '-') return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::size_t indent_of(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

}  // namespace

const FactField* FactRecord::field(std::string_view name) const {
  for (const auto& f : fields)
    if (f.name == name) return &f;
  return nullptr;
}

std::vector<FactRecord> parse_facts(const std::string& file_name, std::string_view text) {
  std::vector<FactRecord> records;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a UTF-8 byte order mark
  std::string* continued = nullptr;  // the value a continuation line extends
  int line_no = 0;
  auto fail = [&](const std::string& field, const std::string& problem) {
    throw ImportError(file_name, line_no, field, problem);
  };
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view content = trim(line);
    if (content.empty()) {
      continued = nullptr;
      continue;
    }
    if (content.front() == '#' && indent_of(line) < 4) continue;  // deeper '#' continues a value
    if (!valid_utf8(line)) fail("", "not valid UTF-8");
    if (line.find('\t') != std::string_view::npos && line.front() == '\t')
      fail("", "indent with spaces, not tabs");
    std::size_t indent = indent_of(line);
    if (indent == 0) {  // a record header: kind [key]
      std::size_t space = content.find(' ');
      std::string_view kind = content.substr(0, space);
      std::string_view key = space == std::string_view::npos ? "" : trim(content.substr(space));
      if (!is_name(kind)) fail("", "expected a record kind (lower-case letters and '_')");
      if (!key.empty() && !is_key(key))
        fail("", "'" + std::string(key) + "' is not a key ([a-z0-9-], not starting with '-')");
      FactRecord record{file_name, line_no, std::string(kind), std::nullopt, {}, {}};
      if (!key.empty()) record.key = std::string(key);
      records.push_back(std::move(record));
      continued = nullptr;
    } else if (indent == 2) {  // a field: name: value
      if (records.empty()) fail("", "a field line before any record");
      std::size_t colon = content.find(':');
      std::string_view name = content.substr(0, colon);
      if (colon == std::string_view::npos || !is_name(name))
        fail("", "expected 'name: value' indented by two spaces");
      std::string_view value = trim(content.substr(colon + 1));
      if (value.empty())
        fail(std::string(name), "empty value (leave the field out when it is unknown)");
      FactRecord& record = records.back();
      if (name == "cite") {
        std::size_t bar = value.find('|');
        if (bar == std::string_view::npos)
          fail("cite", "expected 'cite: <source key> | <quotation>'");
        std::string_view source = trim(value.substr(0, bar));
        std::string_view quote = trim(value.substr(bar + 1));
        if (!is_key(source)) fail("cite", "'" + std::string(source) + "' is not a source key");
        if (quote.empty()) fail("cite", "empty quotation");
        record.cites.push_back({std::string(source), std::string(quote), line_no});
        continued = &record.cites.back().quote;
      } else {
        if (record.field(name)) fail(std::string(name), "given twice in one record");
        record.fields.push_back({std::string(name), std::string(value), line_no});
        continued = &record.fields.back().value;
      }
    } else if (indent >= 4) {  // continues the previous value
      if (!continued) fail("", "a continuation line with no value to continue");
      continued->append(" ").append(content);
    } else {
      fail("", "indent field lines by exactly two spaces (continuations by four or more)");
    }
  }
  return records;
}

}  // namespace euiomkb::detail
