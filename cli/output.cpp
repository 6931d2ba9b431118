#include "output.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <ostream>
#include <stdexcept>
#include <variant>

namespace euiomkb::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string as_text(const Value& value) {
  struct Visitor {
    std::string operator()(std::monostate) const { return ""; }
    std::string operator()(std::int64_t v) const { return std::to_string(v); }
    std::string operator()(double v) const {
      std::string s = Json(v).dump();
      return s;
    }
    std::string operator()(const std::string& v) const { return v; }
  };
  return std::visit(Visitor{}, value);
}

// Separates the items of a key_list value (list_value).
constexpr char kListSeparator = '\x1f';

// A key_list value as text formats show it (list_value).
std::string list_text(std::string_view items) {
  bool spaced = items.find(' ') != std::string_view::npos;
  std::string out;
  for (char c : items) {
    if (c == kListSeparator)
      out += spaced ? "; " : " ";
    else
      out += c;
  }
  return out;
}

// A value as text formats show it in a column of `type`: NULL as empty text.
std::string as_text(const Value& value, ColumnType type) {
  std::string text = as_text(value);
  return type == ColumnType::key_list ? list_text(text) : text;
}

Json as_json(const Value& value, ColumnType type) {
  struct Visitor {
    ColumnType type;
    Json operator()(std::monostate) const { return nullptr; }
    Json operator()(std::int64_t v) const {
      if (type == ColumnType::boolean) return v != 0;
      return v;
    }
    Json operator()(double v) const { return v; }
    Json operator()(const std::string& v) const {
      if (type != ColumnType::id_list && type != ColumnType::key_list) return v;
      // "12 13" -> [12, 13]; "a\x1fb c" -> ["a", "b c"]
      Json items = Json::array();
      char separator = type == ColumnType::id_list ? ' ' : kListSeparator;
      std::size_t start = 0;
      while (start < v.size()) {
        std::size_t end = v.find(separator, start);
        if (end == std::string::npos) end = v.size();
        if (end > start) {
          std::string item = v.substr(start, end - start);
          if (type == ColumnType::id_list)
            items.push_back(std::stoll(item));
          else
            items.push_back(std::move(item));
        }
        start = end + 1;
      }
      return items;
    }
  };
  if ((type == ColumnType::id_list || type == ColumnType::key_list) &&
      std::holds_alternative<std::monostate>(value))
    return Json::array();
  return std::visit(Visitor{type}, value);
}

// The byte offset just past the first `count` code points of `text` that take a column (its
// size if shorter). An escape sequence (ESC [ ... final byte) takes none and is never split:
// one right after the last counted code point (a style's end) stays on the counted side.
std::size_t cut_at(std::string_view text, std::size_t count) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      for (i += 2; i < text.size() && !(text[i] >= 0x40 && text[i] <= 0x7E);) ++i;
      continue;
    }
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && seen++ == count) return i;
  }
  return text.size();
}

// `text` cut to `width` code points, its last one "…", when it is longer. A style the cut
// leaves open is ended ("\x1b[0m"), so that it does not run on past the cell.
std::string shortened(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return "";
  std::string kept(text.substr(0, cut_at(text, width - 1)));
  return kept + (kept.find('\x1b') != std::string::npos ? "…\x1b[0m" : "…");
}

// The widest word of `text` (words are separated by spaces).
std::size_t widest_word(std::string_view text) {
  std::size_t widest = 0;
  while (!text.empty()) {
    std::size_t end = text.find(' ');
    widest = std::max(widest, display_width(text.substr(0, end)));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return widest;
}

// `text` as lines of at most `width` code points, broken at spaces; a word longer than the
// width is cut short with "…".
std::vector<std::string> wrapped(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return {std::string(text)};
  std::vector<std::string> lines;
  std::string current;
  std::size_t current_width = 0;
  while (!text.empty()) {
    std::size_t end = text.find(' ');
    std::string word = shortened(text.substr(0, end), width);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (word.empty()) continue;
    std::size_t word_width = display_width(word);
    if (current_width > 0 && current_width + 1 + word_width <= width) {
      current += " " + word;
      current_width += 1 + word_width;
      continue;
    }
    if (current_width > 0) lines.push_back(std::move(current));
    current = std::move(word);
    current_width = word_width;
  }
  if (current_width > 0 || lines.empty()) lines.push_back(std::move(current));
  return lines;
}

// A column's name as lines of at most `width` code points, never cut short: broken at its
// spaces and after each "_" ("period_" "start"), and a piece wider than `width` broken where
// it reaches it.
std::vector<std::string> name_lines(std::string_view name, std::size_t width) {
  if (width == 0 || display_width(name) <= width) return {std::string(name)};
  std::vector<std::string> lines;
  std::string current;
  std::size_t current_width = 0;
  auto place = [&](std::string_view piece, bool after_space) {
    std::size_t gap = after_space && current_width > 0 ? 1 : 0;
    if (current_width > 0 && current_width + gap + display_width(piece) > width) {
      lines.push_back(std::move(current));
      current.clear();
      current_width = 0;
      gap = 0;
    }
    current += std::string(gap, ' ');
    current_width += gap;
    while (current_width + display_width(piece) > width) {
      std::size_t cut = cut_at(piece, width - current_width);
      lines.push_back(current + std::string(piece.substr(0, cut)));
      piece.remove_prefix(cut);
      current.clear();
      current_width = 0;
    }
    current += piece;
    current_width += display_width(piece);
  };
  bool after_space = false;
  while (!name.empty()) {
    std::size_t end = name.find_first_of("_ ");
    std::size_t size = end == std::string_view::npos ? name.size() : end + 1;
    std::string_view piece = name.substr(0, size);
    name.remove_prefix(size);
    bool space = piece.back() == ' ';
    if (space) piece.remove_suffix(1);
    if (!piece.empty()) place(piece, after_space);
    after_space = space;
  }
  if (current_width > 0 || lines.empty()) lines.push_back(std::move(current));
  return lines;
}

// The widest piece of a column's name that name_lines() keeps on one line when it can.
std::size_t widest_name_piece(std::string_view name) {
  std::size_t widest = 0;
  while (!name.empty()) {
    std::size_t end = name.find_first_of("_ ");
    std::size_t size = end == std::string_view::npos ? name.size() : end + 1;
    std::string_view piece = name.substr(0, size);
    if (piece.back() == ' ') piece.remove_suffix(1);
    widest = std::max(widest, display_width(piece));
    name.remove_prefix(size);
  }
  return widest;
}

bool ends_with(std::string_view text, std::string_view end) {
  return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

// Text for people: sections as headings, tables aligned, NULL as "-". A table section's first
// kAlignedRows rows are held to find each column's width (and, within a width, to fit the
// table: make_writer); once there are that many, they are printed and the rest of the section
// streams with the same columns and widths (without a width a longer cell pushes the rest of
// its line to the right; within one it wraps), so memory stays bounded however many rows come.
// Record sections stream from the start (their alignment depends on the column names only).
class TableWriter : public Writer {
 public:
  TableWriter(std::ostream& out, bool sectioned, std::size_t width)
      : out_(out), sectioned_(sectioned), width_(width) {}

  void section(std::string_view name, std::vector<Column> columns, Shape shape) override {
    end_section();
    if (sectioned_) {
      if (sections_++ > 0) out_ << "\n";
      out_ << name << "\n";
    }
    shape_ = shape == Shape::summary ? Shape::record : shape;
    shown_.clear();
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (!columns[i].for_programs) shown_.push_back(i);
    std::erase_if(columns, [](const Column& c) { return c.for_programs; });
    columns_ = std::move(columns);
    open_ = true;
    streaming_ = false;
    rows_seen_ = 0;
    widths_.clear();
    visible_.clear();
    if (shape_ == Shape::record)
      for (const Column& c : columns_) name_width_ = std::max(name_width_, display_width(c.name));
  }

  void row(const std::vector<Value>& values) override {
    std::vector<std::string> cells;
    cells.reserve(shown_.size());
    for (std::size_t k = 0; k < shown_.size(); ++k) {
      if (shown_[k] >= values.size()) break;
      const Value& v = values[shown_[k]];
      std::string cell =
          std::holds_alternative<std::monostate>(v) ? "-" : as_text(v, columns_[k].type);
      for (char& c : cell)  // one line per row
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      cells.push_back(std::move(cell));
    }
    cells.resize(columns_.size());
    ++rows_seen_;
    if (shape_ == Shape::record) {
      std::size_t value_column = indent().size() + name_width_ + 2;
      for (std::size_t i = 0; i < columns_.size(); ++i) {
        std::string text = indent() + columns_[i].name +
                           std::string(name_width_ - display_width(columns_[i].name) + 2, ' ');
        // Within a width, a long value wraps at spaces onto lines under its first.
        std::string_view rest = cells[i];
        std::size_t room = width_ > value_column + 20 ? width_ - value_column : 0;
        while (room > 0 && display_width(rest) > room) {
          std::size_t cut = cut_at(rest, room + 1);
          std::size_t space = rest.substr(0, cut).rfind(' ');
          std::size_t end =
              space != std::string_view::npos && space > 0 ? space : cut_at(rest, room);
          print_line(text + std::string(rest.substr(0, end)));
          text = std::string(value_column, ' ');
          rest.remove_prefix(end);
          while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        }
        print_line(text + std::string(rest));
      }
    } else if (streaming_) {
      line(cells);
    } else {
      held_.push_back(std::move(cells));
      if (held_.size() == kAlignedRows) print_held();
    }
  }

  void finish() override { end_section(); }

 private:
  std::string indent() const { return sectioned_ ? "  " : ""; }

  // The header, the rule and the rows held so far, aligned to the widest of them (fitted to
  // the width when there is one); later rows of the section stream with these columns.
  void print_held() {
    std::vector<std::size_t> natural;
    std::vector<std::size_t> words(columns_.size());  // the widest word of a cell
    for (const Column& c : columns_) natural.push_back(display_width(c.name));
    for (const auto& cells : held_)
      for (std::size_t i = 0; i < cells.size(); ++i) {
        natural[i] = std::max(natural[i], display_width(cells[i]));
        if (width_ > 0) words[i] = std::max(words[i], widest_word(cells[i]));
      }
    widths_ = natural;
    for (std::size_t i = 0; i < columns_.size(); ++i) visible_.push_back(i);
    if (width_ > 0) fit(natural, words);
    std::vector<std::vector<std::string>> header;
    std::vector<std::string> rule(columns_.size());
    for (std::size_t i : visible_) {
      header.push_back(width_ > 0 ? name_lines(columns_[i].name, widths_[i])
                                  : std::vector<std::string>{columns_[i].name});
      rule[i] = std::string(widths_[i], '-');
    }
    print_parts(header);
    line(rule);
    for (const auto& cells : held_) line(cells);
    held_.clear();
    held_.shrink_to_fit();
    streaming_ = true;
  }

  // The width a line of the visible columns takes.
  std::size_t total() const {
    std::size_t sum = indent().size() + 2 * (visible_.size() - 1);
    for (std::size_t i : visible_) sum += widths_[i];
    return sum;
  }

  // Fits the table to width_ (make_writer): hides columns, then wraps, then cuts.
  void fit(const std::vector<std::size_t>& natural, const std::vector<std::size_t>& words) {
    auto hideable = [&](auto&& is_candidate) {
      for (std::size_t i = columns_.size(); i-- > 0 && total() > width_ && visible_.size() > 1;)
        if (is_candidate(columns_[i])) {
          std::erase(visible_, i);
          hidden_.push_back(i);
        }
    };
    hideable([](const Column& c) { return ends_with(c.name, "_key") || ends_with(c.name, "_id"); });
    hideable([](const Column& c) { return c.secondary; });
    std::sort(hidden_.begin(), hidden_.end());
    // One column of a cell at a time, down to `floor` of each: the column widest for its
    // cells (its width over the square root of its natural width), so a column of long text
    // keeps more room than one of a few words, which wraps to its longest word sooner.
    auto narrow = [&](auto&& floor) {
      auto crowded = [&](std::size_t i) {
        return static_cast<double>(widths_[i]) / std::sqrt(static_cast<double>(natural[i]));
      };
      while (total() > width_) {
        std::optional<std::size_t> widest;
        for (std::size_t i : visible_)
          if (widths_[i] > floor(i) && (!widest || crowded(i) > crowded(*widest))) widest = i;
        if (!widest) return;
        --widths_[*widest];
      }
    };
    // Wrapping: no column below its widest word or its name; then the names wrap after their
    // "_" (name_lines), still no column below its widest word.
    narrow([&](std::size_t i) { return std::max(words[i], display_width(columns_[i].name)); });
    narrow([&](std::size_t i) { return std::max(words[i], widest_name_piece(columns_[i].name)); });
    // Cutting cells: a whole column down to its widest word, any other to 4, first keeping
    // the pieces of the names whole, then breaking them too. A name is never cut short.
    auto cut_floor = [&](std::size_t i) {
      const Column& c = columns_[i];
      return std::max<std::size_t>(
          1, c.whole || c.type != ColumnType::text ? words[i] : std::min<std::size_t>(4, words[i]));
    };
    narrow(
        [&](std::size_t i) { return std::max(cut_floor(i), widest_name_piece(columns_[i].name)); });
    narrow(cut_floor);
  }

  // One row, on as many lines as its tallest cell takes: each cell but the last padded to its
  // column's width plus two spaces.
  void line(const std::vector<std::string>& cells) {
    std::vector<std::vector<std::string>> parts;
    for (std::size_t i : visible_)
      parts.push_back(width_ > 0 ? wrapped(cells[i], widths_[i])
                                 : std::vector<std::string>{cells[i]});
    print_parts(parts);
  }

  // The lines of one row whose visible cells are already broken into `parts` (one list of
  // lines per visible column, each line within its column's width).
  void print_parts(const std::vector<std::vector<std::string>>& parts) {
    std::size_t height = 1;
    for (const auto& p : parts) height = std::max(height, p.size());
    for (std::size_t l = 0; l < height; ++l) {
      std::string text = indent();
      for (std::size_t v = 0; v < visible_.size(); ++v) {
        std::string_view part = l < parts[v].size() ? std::string_view(parts[v][l]) : "";
        text += part;
        std::size_t width = display_width(part);
        std::size_t column = widths_[visible_[v]];
        if (v + 1 < visible_.size())
          text += std::string((width < column ? column - width : 0) + 2, ' ');
      }
      print_line(std::move(text));
    }
  }

  // `text` without the spaces at its end, and a line break.
  void print_line(std::string text) {
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out_ << text << "\n";
  }

  void end_section() {
    if (!open_) return;
    open_ = false;
    if (shape_ == Shape::table) {
      if (rows_seen_ == 0)
        out_ << indent() << "(none)\n";
      else if (!streaming_)
        print_held();
      if (!hidden_.empty()) {
        std::string names;
        for (std::size_t i : hidden_) names += (names.empty() ? "" : ", ") + columns_[i].name;
        std::string note = "(" + std::to_string(hidden_.size()) +
                           (hidden_.size() == 1 ? " column" : " columns") + " hidden: " + names +
                           "; --wide shows all)";
        std::size_t room = width_ > indent().size() + 20 ? width_ - indent().size() : 0;
        for (const std::string& part : room > 0 ? wrapped(note, room) : std::vector{note})
          print_line(indent() + part);
      }
    }
    hidden_.clear();
    name_width_ = 0;
  }

  std::ostream& out_;
  bool sectioned_;
  std::size_t width_;  // of the terminal; 0: no limit
  int sections_ = 0;
  bool open_ = false;
  Shape shape_ = Shape::table;
  std::vector<Column> columns_;                 // those shown (not for programs only)
  std::vector<std::size_t> shown_;              // their indices in a row's values
  std::size_t name_width_ = 0;                  // record sections: the widest column name
  std::vector<std::vector<std::string>> held_;  // table rows not yet printed
  std::vector<std::size_t> widths_;             // of columns_, once streaming
  std::vector<std::size_t> visible_;            // indices in columns_ not hidden to fit
  std::vector<std::size_t> hidden_;             // indices in columns_ of those hidden, in order
  bool streaming_ = false;
  std::int64_t rows_seen_ = 0;
};

// JSON, streamed: one object per row, keys in column order, written as it comes. A sectioned
// document is one object with a member per section (a summary's fields are its own members);
// an unsectioned one is its only section's array or object.
class JsonWriter : public Writer {
 public:
  JsonWriter(std::ostream& out, bool sectioned) : out_(out), sectioned_(sectioned) {}

  void section(std::string_view name, std::vector<Column> columns, Shape shape) override {
    close_section();
    if (!sectioned_ && sections_ > 0)
      throw std::logic_error("a JSON document without parts has one section");
    if (!sectioned_ && shape == Shape::summary) shape = Shape::record;
    columns_ = std::move(columns);
    shape_ = shape;
    rows_ = 0;
    open_ = true;
    if (sectioned_ && shape_ == Shape::summary) return;  // members written with the row
    if (sectioned_)
      out_ << (sections_ == 0 ? "{\n" : ",\n") << "  " << Json(std::string(name)).dump() << ": ";
    ++sections_;
    if (shape_ == Shape::table) out_ << "[";
  }

  void row(const std::vector<Value>& values) override {
    Json object = Json::object();
    for (std::size_t i = 0; i < columns_.size() && i < values.size(); ++i)
      object[columns_[i].name] = as_json(values[i], columns_[i].type);
    if (shape_ == Shape::summary) {
      if (rows_++ > 0) return;
      for (const auto& [key, value] : object.items())
        out_ << (sections_++ == 0 ? "{\n" : ",\n") << "  " << Json(key).dump() << ": "
             << value.dump(-1, ' ', false, Json::error_handler_t::replace);
      return;
    }
    std::string text = object.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (shape_ == Shape::record) {
      if (rows_++ == 0) out_ << text;
      return;
    }
    out_ << (rows_++ == 0 ? "\n" : ",\n") << (sectioned_ ? "    " : "  ") << text;
  }

  void finish() override {
    close_section();
    if (sectioned_) out_ << (sections_ == 0 ? "{}" : "\n}") << "\n";
  }

 private:
  void close_section() {
    if (!open_) return;
    open_ = false;
    if (shape_ == Shape::summary) return;
    if (shape_ == Shape::table) {
      if (rows_ > 0) out_ << "\n" << (sectioned_ ? "  " : "");
      out_ << "]";
    } else if (rows_ == 0) {
      out_ << "null";
    }
    if (!sectioned_) out_ << "\n";
  }

  std::ostream& out_;
  bool sectioned_;
  int sections_ = 0;  // members of the document object written (sectioned), else sections
  bool open_ = false;
  Shape shape_ = Shape::table;
  std::int64_t rows_ = 0;
  std::vector<Column> columns_;
};

// CSV (RFC 4180: fields with a comma, quote or line break are quoted) or TSV (tab, line
// break and backslash escaped as \t, \n, \\). NULL is an empty field. One table: one header
// line, then the rows.
class DelimitedWriter : public Writer {
 public:
  DelimitedWriter(std::ostream& out, char delimiter) : out_(out), delimiter_(delimiter) {}

  void section(std::string_view, std::vector<Column> columns, Shape) override {
    if (sections_++ > 0) throw std::logic_error("a CSV or TSV document has one table");
    std::vector<Value> header;
    header.reserve(columns.size());
    for (const Column& c : columns) header.emplace_back(c.name);
    row(header);
    for (const Column& c : columns) types_.push_back(c.type);
  }

  void row(const std::vector<Value>& values) override {
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i > 0) out_ << delimiter_;
      out_ << field(as_text(values[i], i < types_.size() ? types_[i] : ColumnType::text));
    }
    out_ << "\n";
  }

  void finish() override { out_.flush(); }

 private:
  std::string field(const std::string& text) const {
    if (delimiter_ == '\t')
      return substitute(text, {{'\t', "\\t"}, {'\n', "\\n"}, {'\r', "\\r"}, {'\\', "\\\\"}});
    if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) {
      if (c == '"') quoted += '"';
      quoted += c;
    }
    return quoted + "\"";
  }

  std::ostream& out_;
  char delimiter_;
  int sections_ = 0;
  std::vector<ColumnType> types_;  // of the table's columns, once its header is written
};

// "a, b, c": the names of the parts.
std::string listed(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "(none)" : out;
}

[[noreturn]] void several_parts(Format format, const std::vector<std::string>& parts) {
  throw UsageError(std::string(format == Format::csv ? "--csv" : "--tsv") +
                   " prints one table and this answer has several parts: " + listed(parts) +
                   "; choose one with --part NAME (--json prints them all in one document)");
}

[[noreturn]] void no_such_part(const std::string& part, const std::vector<std::string>& parts) {
  throw UsageError("--part: '" + part +
                   "' is not a part of this answer; its parts: " + listed(parts));
}

// --part NAME: passes the section of that name (and its rows) to `inner`, an unsectioned
// writer, and drops the others; at the end, a UsageError when no section had that name.
// Without a name (CSV or TSV of a sectioned document) it writes nothing and always ends in a
// UsageError listing the parts: one table cannot hold them.
class PartWriter : public Writer {
 public:
  PartWriter(std::unique_ptr<Writer> inner, std::string part, Format format)
      : inner_(std::move(inner)), part_(std::move(part)), format_(format) {}

  void section(std::string_view name, std::vector<Column> columns, Shape shape) override {
    names_.emplace_back(name);
    passing_ = inner_ && !found_ && name == part_;
    if (!passing_) return;
    found_ = true;
    inner_->section(name, std::move(columns), shape);
  }

  void row(const std::vector<Value>& values) override {
    if (passing_) inner_->row(values);
  }

  void finish() override {
    if (!inner_) several_parts(format_, names_);
    if (!found_) no_such_part(part_, names_);
    inner_->finish();
  }

 private:
  std::unique_ptr<Writer> inner_;  // null: refuse (no part chosen)
  std::string part_;
  Format format_;
  std::vector<std::string> names_;
  bool passing_ = false;
  bool found_ = false;
};

std::unique_ptr<Writer> plain_writer(Format format, std::ostream& out, bool sectioned,
                                     std::size_t width) {
  switch (format) {
    case Format::json:
      return std::make_unique<JsonWriter>(out, sectioned);
    case Format::csv:
      return std::make_unique<DelimitedWriter>(out, ',');
    case Format::tsv:
      return std::make_unique<DelimitedWriter>(out, '\t');
    case Format::table:
      break;
  }
  return std::make_unique<TableWriter>(out, sectioned, width);
}

}  // namespace

std::unique_ptr<Writer> make_writer(Format format, std::ostream& out, bool sectioned,
                                    std::size_t width, std::string part) {
  if (!part.empty())
    return std::make_unique<PartWriter>(plain_writer(format, out, false, width), std::move(part),
                                        format);
  bool one_table = format == Format::csv || format == Format::tsv;
  if (sectioned && one_table) return std::make_unique<PartWriter>(nullptr, "", format);
  return plain_writer(format, out, sectioned, width);
}

void check_part(Format format, const std::string& part, const std::vector<std::string>& parts) {
  if (!part.empty()) {
    if (std::find(parts.begin(), parts.end(), part) == parts.end()) no_such_part(part, parts);
    return;
  }
  if ((format == Format::csv || format == Format::tsv) && parts.size() > 1)
    several_parts(format, parts);
}

Value text(std::string value) { return Value(std::move(value)); }
Value text(const std::optional<std::string>& value) {
  return value ? Value(*value) : Value(std::monostate{});
}
std::string amount_text(std::int64_t amount, const std::optional<std::string>& currency,
                        const std::optional<std::string>& bound) {
  // The magnitude in unsigned arithmetic, where negating the lowest int64 is defined.
  std::uint64_t magnitude = static_cast<std::uint64_t>(amount);
  if (amount < 0) magnitude = 0 - magnitude;
  std::string digits = std::to_string(magnitude);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  std::string words;
  if (bound && *bound != "exact") words = substitute(*bound, {{'_', " "}}) + " ";
  return words + (currency ? *currency + " " : "") + (amount < 0 ? "-" : "") + grouped;
}

Value date(const std::optional<PartialDate>& value) {
  return value ? Value(value->to_string()) : Value(std::monostate{});
}
Value integer(std::int64_t value) { return Value(value); }
Value integer(const std::optional<std::int64_t>& value) {
  return value ? Value(*value) : Value(std::monostate{});
}
Value boolean(bool value) { return Value(static_cast<std::int64_t>(value ? 1 : 0)); }
Value list_value(const std::vector<std::string>& items) {
  if (items.empty()) return Value(std::monostate{});
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += kListSeparator;
    out += item;
  }
  return Value(std::move(out));
}

std::string substitute(std::string_view text, std::initializer_list<Replacement> replacements) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const Replacement* r = std::find_if(replacements.begin(), replacements.end(),
                                        [c](const Replacement& x) { return x.from == c; });
    if (r != replacements.end())
      out += r->to;
    else
      out += c;
  }
  return out;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      for (i += 2; i < text.size() && !(text[i] >= 0x40 && text[i] <= 0x7E);) ++i;
      continue;
    }
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++width;
  }
  return width;
}

}  // namespace euiomkb::cli
