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
// of the original text, of the character that produced byte i of `text`.
struct FoldedText {
  std::string text;
  std::vector<std::int64_t> code_point;
};
FoldedText fold_whitespace(std::string_view text);

// Where a quotation first appears in a folded source: [start, end) in code points of the
// original text, spanning all of its parts; std::nullopt when it does not appear.
struct Span {
  std::int64_t start;
  std::int64_t end;
};
std::optional<Span> locate_quote(const FoldedText& source, std::string_view quote);

// True when the code points [start, end) of `source` are the quotation: once folded, the span
// begins with the first part, ends with the last, and holds every part in order.
bool span_matches_quote(std::string_view source, std::int64_t start, std::int64_t end,
                        std::string_view quote);

// A name folded for lookup: lower case, Latin accents removed (Sørensen -> sorensen),
// apostrophes and dots dropped, hyphens and white space runs turned into one space.
std::string fold_name(std::string_view name);

// True when `text` is well-formed UTF-8 without NUL characters: the only text whose code point
// offsets agree between this library and SQLite's substr().
bool valid_utf8(std::string_view text);

// Lower-case hexadecimal SHA-256 of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace euiomkb::detail
