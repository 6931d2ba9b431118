// Text helpers shared by the importer, the verifier and name lookup. UTF-8 throughout.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace euiomkb::detail {

// `text` with every run of white space (ASCII and Unicode spaces such as U+00A0 and U+202F)
// replaced by one ASCII space and the ends trimmed. code_point[i] is the index, in code points
// of the original text, of the character that produced byte i of `text` (32 bits: documents
// are far below 4 G characters; 5 bytes per byte of document in all).
struct FoldedText {
  std::string text;
  std::vector<std::uint32_t> code_point;
};
FoldedText fold_whitespace(std::string_view text);

// Where a quotation appears in a folded source: [start, end) in code points of the original
// text, spanning all of its parts; std::nullopt when it does not appear. The search starts at
// byte `from` of the folded text and, when nothing is found there, falls back once to the
// whole text: citations written in document order cost time linear in the document.
// `folded_start` is where the match starts in the folded text, the next search's natural
// `from` (records citing the same passage one after another are common).
struct Span {
  std::int64_t start;
  std::int64_t end;
  std::size_t folded_start = 0;
};
std::optional<Span> locate_quote(const FoldedText& source, std::string_view quote,
                                 std::size_t from = 0);

// Where each code point of a text starts, for finding many spans in one text: built in one
// pass, it keeps the byte offset of every kStride-th code point (an eighth of the text's size
// in memory at most), so each lookup walks fewer than kStride code points. It views `text`,
// which must outlive it.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text);
  std::string_view text() const noexcept { return text_; }
  // The byte offset at which code point `index` starts (the text's size for the number of code
  // points); std::string_view::npos when `index` is negative or beyond that.
  std::size_t byte_offset(std::int64_t index) const;

 private:
  static constexpr std::int64_t kStride = 64;
  std::string_view text_;
  std::vector<std::size_t> checkpoints_;  // byte offset of code point k * kStride
  std::int64_t count_ = 0;
};

// True when the code points [start, end) of `source` are the quotation: once folded, the span
// begins with the first part, ends with the last, and holds every part in order. The index
// form costs the span, not the text before it: for checking every citation of a source.
bool span_matches_quote(const CodePointIndex& source, std::int64_t start, std::int64_t end,
                        std::string_view quote);
bool span_matches_quote(std::string_view source, std::int64_t start, std::int64_t end,
                        std::string_view quote);

// A name folded for lookup: lower case, Latin accents removed (Sørensen -> sorensen),
// apostrophes and dots dropped, hyphens and white space runs turned into one space.
std::string fold_name(std::string_view name);

// True when `text` is well-formed UTF-8 without NUL characters: the only text whose code point
// offsets agree between this library and SQLite's substr().
bool valid_utf8(std::string_view text);

// The first character of a fact file's line that no value may hold: malformed UTF-8 (overlong,
// surrogate, truncated), NUL or another control character (C0 other than tab, DEL, C1), or a
// byte-order mark (U+FEFF) after the start of the file. `column` counts code points from 1.
struct TextFault {
  std::size_t column;
  std::string problem;
};
std::optional<TextFault> find_text_fault(std::string_view line);

// Lower-case hexadecimal SHA-256 of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace euiomkb::detail
