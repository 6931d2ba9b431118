#include "import/fact_file.hpp"

#include <cerrno>
#include <cstring>
#include <utility>

#include "euiomkb/error.hpp"
#include "text/text.hpp"

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

// A line at column 0 is a record header when it starts with a printable ASCII character (a
// kind, even a misspelt one). One that starts with a tab, a Unicode space, a byte-order mark,
// a control character or a bad byte is a field line damaged at its start: it belongs to the
// record above, which must not be taken as complete without it.
bool is_header(std::string_view line) {
  auto first = line.empty() ? 0 : static_cast<unsigned char>(line.front());
  return first > ' ' && first < 0x7F;
}

}  // namespace

const FactField* FactRecord::field(std::string_view name) const {
  for (const auto& f : fields)
    if (f.name == name) return &f;
  return nullptr;
}

FactReader::FactReader(std::string file_name, std::istream& stream)
    : file_name_(std::move(file_name)), stream_(&stream) {}

FactReader::FactReader(std::string file_name, std::string_view text)
    : file_name_(std::move(file_name)), text_(text) {}

FactReader FactReader::of_file(std::string file_name, std::filesystem::path path,
                               std::function<std::optional<std::string>()> opened) {
  FactReader reader(std::move(file_name), std::string_view());
  reader.path_ = std::move(path);
  reader.opened_ = std::move(opened);
  return reader;
}

std::string FactReader::field_of(std::string_view line) const {
  std::size_t indent = indent_of(line);
  if (indent >= 4) return continued_ ? continued_field_ : "";
  if (indent == 0 && is_header(line)) return "";
  if (indent == 0) {  // past what damages its start, when spaces follow
    std::size_t start = 0;
    while (start < line.size() && (static_cast<unsigned char>(line[start]) <= ' ' ||
                                   static_cast<unsigned char>(line[start]) >= 0x7F))
      ++start;
    indent = start;
  } else if (indent != 2) {
    return "";
  }
  std::string_view content = line.substr(indent);
  std::size_t colon = content.substr(0, kMaxNameBytes + 1).find(':');
  if (colon == std::string_view::npos) return "";
  std::string_view name = content.substr(0, colon);
  return is_name(name) ? std::string(name) : "";
}

void FactReader::fail(const std::string& field, const std::string& problem, int column) const {
  throw ImportError(file_name_, line_no_, field, problem, 0, column);
}

bool FactReader::read_line(std::string_view& line) {
  if (!path_.empty()) {  // the first read of a file given by path
    errno = 0;
    file_ = std::make_unique<std::ifstream>(path_, std::ios::binary);
    path_.clear();
    if (!file_->is_open()) {
      int error = errno;
      file_.reset();  // text_ is empty: the next read ends the file
      fail("", std::string("cannot open the file: ") +
                   (error != 0 ? std::strerror(error) : "unknown error"));
    }
    if (opened_) {
      std::optional<std::string> problem = std::exchange(opened_, nullptr)();
      if (problem) {
        file_.reset();
        fail("", *problem);
      }
    }
    stream_ = file_.get();
  }
  if (stream_) {
    if (!std::getline(*stream_, buffer_)) {
      bool bad = stream_->bad();
      if (bad || file_) {  // a file of ours is closed at its end
        stream_ = nullptr;
        file_.reset();
      }
      if (bad) fail("", "cannot read the file");  // text_ is empty: the next read ends the file
      return false;
    }
    line = buffer_;
  } else {
    if (text_.empty()) return false;
    std::size_t end = text_.find('\n');
    line = text_.substr(0, end);
    text_.remove_prefix(end == std::string_view::npos ? text_.size() : end + 1);
  }
  ++line_no_;
  if (at_start_) {
    at_start_ = false;
    if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);  // a UTF-8 byte order mark
  }
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return true;
}

std::optional<FactRecord> FactReader::next() {
  while (true) {
    try {
      return read_next();
    } catch (const ImportError& e) {
      if (!sink_) throw;
      sink_(e);
      continued_ = nullptr;
      if (header_line_) {  // the record before it is complete; this one is skipped
        skip_record_ = true;
        if (current_) return std::exchange(current_, std::nullopt);
      } else if (current_) {
        current_->damaged = true;
        skip_continuations_ = true;
      } else {
        skip_record_ = true;
      }
    }
  }
}

std::optional<FactRecord> FactReader::read_next() {
  std::string_view line;
  while (true) {
    header_line_ = false;
    if (!read_line(line)) break;
    if (line.size() > kMaxLineBytes) {  // checked before anything else reads the line
      header_line_ = is_header(line) && line.front() != '#';
      fail(field_of(line), "a line longer than " + std::to_string(kMaxLineBytes) + " bytes");
    }
    std::string_view content = trim(line);
    if (content.empty()) {
      continued_ = nullptr;
      continue;
    }
    if (content.front() == '#' && indent_of(line) < 4) continue;  // deeper '#' continues a value
    std::size_t indent = indent_of(line);
    header_line_ = is_header(line);
    if (header_line_) {
      skip_record_ = false;
      skip_continuations_ = false;
    } else if (skip_record_ || (indent >= 4 && skip_continuations_)) {
      continue;
    } else if (indent < 4) {
      skip_continuations_ = false;
    }
    if (auto fault = find_text_fault(line))
      fail(field_of(line), fault->problem, static_cast<int>(fault->column));
    if (line.front() == '\t') fail(field_of(line), "indent with spaces, not tabs", 1);
    if (indent == 0 && !header_line_) {
      fail(field_of(line),
           "a line that starts with neither a record kind nor spaces (indent field lines by "
           "two ASCII spaces)",
           1);
    }
    if (indent == 0) {  // a record header: kind [key]
      std::size_t space = content.find(' ');
      std::string_view kind = content.substr(0, space);
      std::string_view key = space == std::string_view::npos ? "" : trim(content.substr(space));
      if (!is_name(kind)) fail("", "expected a record kind (lower-case letters and '_')");
      if (!key.empty() && !is_key(key))
        fail("", "'" + std::string(key) + "' is not a key ([a-z0-9-], not starting with '-')");
      FactRecord record{file_name_, line_no_, std::string(kind), std::nullopt, {}, {}};
      if (!key.empty()) record.key = std::string(key);
      continued_ = nullptr;
      std::optional<FactRecord> done = std::move(current_);
      current_ = std::move(record);
      if (done) return done;
    } else if (indent == 2) {  // a field: name: value
      if (!current_) fail("", "a field line before any record");
      std::size_t colon = content.find(':');
      std::string_view name = content.substr(0, colon);
      if (colon == std::string_view::npos)
        fail("", "expected 'name: value' indented by two spaces");
      if (!is_name(name)) {
        std::string written(name.substr(0, kMaxNameBytes));
        fail(written, "'" + written +
                          "' is not a field name: a field name is lower-case letters and '_' "
                          "(a-z, _), followed by ':' and the value");
      }
      std::string_view value = trim(content.substr(colon + 1));
      if (value.empty())
        fail(std::string(name), "empty value (leave the field out when it is unknown)");
      FactRecord& record = *current_;
      if (name == "cite") {
        std::size_t bar = value.find('|');
        if (bar == std::string_view::npos)
          fail("cite", "expected 'cite: <source key> | <quotation>'");
        std::string_view source = trim(value.substr(0, bar));
        std::string_view quote = trim(value.substr(bar + 1));
        if (!is_key(source)) fail("cite", "'" + std::string(source) + "' is not a source key");
        if (quote.empty()) fail("cite", "empty quotation");
        record.cites.push_back({std::string(source), std::string(quote), line_no_, {}});
        continued_ = &record.cites.back().quote;
        continued_field_ = "cite";
        continued_limit_ = kMaxQuoteBytes;
        if (quote.size() > kMaxQuoteBytes)
          fail("cite", "a quotation longer than " + std::to_string(kMaxQuoteBytes) + " bytes");
      } else if (name == "cite_note") {  // explains the cite just above it
        if (record.cites.empty() || !record.cites.back().note.empty())
          fail("cite_note", "a cite_note follows the cite it explains, once");
        record.cites.back().note = std::string(value);
        continued_ = &record.cites.back().note;
        continued_field_ = "cite_note";
        continued_limit_ = kMaxValueBytes;
      } else {
        if (record.field(name)) fail(std::string(name), "given twice in one record");
        record.fields.push_back({std::string(name), std::string(value), line_no_});
        continued_ = &record.fields.back().value;
        continued_field_ = std::string(name);
        continued_limit_ = kMaxValueBytes;
        if (value.size() > kMaxValueBytes)
          fail(std::string(name),
               "a value longer than " + std::to_string(kMaxValueBytes) + " bytes");
      }
    } else if (indent >= 4) {  // continues the previous value
      if (!continued_) fail("", "a continuation line with no value to continue");
      continued_->append(" ").append(content);
      if (continued_->size() > continued_limit_) {
        continued_ = nullptr;
        fail(continued_field_, "the value continued here grows longer than " +
                                   std::to_string(continued_limit_) + " bytes");
      }
    } else {
      fail("", "indent field lines by exactly two spaces (continuations by four or more)");
    }
  }
  continued_ = nullptr;
  return std::exchange(current_, std::nullopt);
}

std::vector<FactRecord> parse_facts(const std::string& file_name, std::string_view text) {
  FactReader reader(file_name, text);
  std::vector<FactRecord> records;
  while (auto record = reader.next()) records.push_back(std::move(*record));
  return records;
}

}  // namespace euiomkb::detail
