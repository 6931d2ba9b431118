// Parsing of fact files (seed/FORMAT.md) into records that remember where they were written.
// Files are read as streams, one record at a time, so memory does not grow with their size.
#pragma once

#include <filesystem>
#include <fstream>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "euiomkb/error.hpp"

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
  std::string note;  // `cite_note:` after the cite: why the passage supports the row; may be empty
};

struct FactRecord {
  std::string file;
  int line;  // of the record's first line
  std::string kind;
  std::optional<std::string> key;
  std::vector<FactField> fields;
  std::vector<FactCite> cites;
  // A line of this record was malformed (and reported to the reader's error sink): the record
  // is incomplete, so the loader checks what it can but never inserts it.
  bool damaged = false;

  // The field named `name`, or nullptr when the record omits it.
  const FactField* field(std::string_view name) const;
};

// Reads the records of one fact file in order. The text comes from a stream (which must outlive
// the reader), from a string view (whose characters must outlive the reader), or from a file the
// reader opens at its first read and closes at its end, so that an import of many files holds
// one of them open at a time.
class FactReader {
 public:
  FactReader(std::string file_name, std::istream& stream);
  FactReader(std::string file_name, std::string_view text);
  // The file at `path`, opened at the first read (a failure to open it is that read's error).
  // `opened`, when set, runs just after the open: a message it returns is that read's error
  // (as when the file is no longer the one the caller checked earlier).
  static FactReader of_file(std::string file_name, std::filesystem::path path,
                            std::function<std::optional<std::string>()> opened = {});

  // The next complete record, or std::nullopt at the end of the file. Throws ImportError naming
  // the file, the line and the field of a syntax error, unless errors are collected.
  std::optional<FactRecord> next();

  // From now on, syntax errors go to `sink` and reading goes on: a malformed field line is
  // skipped and its record marked damaged; a malformed record header skips that record's lines.
  void collect_errors(std::function<void(const ImportError&)> sink) { sink_ = std::move(sink); }

  // Limits on what one file may hold (bytes).
  static constexpr std::size_t kMaxLineBytes = std::size_t{1} << 20;
  static constexpr std::size_t kMaxValueBytes = std::size_t{64} << 10;
  static constexpr std::size_t kMaxQuoteBytes = std::size_t{8} << 10;
  // The longest field name a problem quotes (longer ones are cut there).
  static constexpr std::size_t kMaxNameBytes = 100;

 private:
  bool read_line(std::string_view& line);
  // The field a line belongs to, for its problems: a field line's name when it can be read at
  // the line's start, the continued field for a continuation line, "" otherwise.
  std::string field_of(std::string_view line) const;
  [[noreturn]] void fail(const std::string& field, const std::string& problem,
                         int column = 0) const;
  std::optional<FactRecord> read_next();

  std::string file_name_;
  std::istream* stream_ = nullptr;
  std::filesystem::path path_;           // a file not yet opened (the path constructor)
  std::unique_ptr<std::ifstream> file_;  // the file opened from path_, until its end
  std::function<std::optional<std::string>()> opened_;  // of_file's check
  std::string_view text_;
  std::string buffer_;
  int line_no_ = 0;
  bool at_start_ = true;
  std::optional<FactRecord> current_;  // the record being read
  std::string* continued_ = nullptr;   // the value a continuation line extends
  std::string continued_field_;        // the name of that value's field
  std::size_t continued_limit_ = 0;    // how long that value may grow
  std::function<void(const ImportError&)> sink_;
  bool skip_record_ = false;         // after a malformed header: its lines are skipped
  bool skip_continuations_ = false;  // after a malformed field line: its continuations too
  bool header_line_ = false;         // the line being read is a record header
};

// Parses a whole fact file held in memory (a convenience over FactReader).
std::vector<FactRecord> parse_facts(const std::string& file_name, std::string_view text);

}  // namespace euiomkb::detail
