#include "text/text.hpp"

#include <openssl/evp.h>

#include <array>
#include <cstdio>
#include <stdexcept>

#include "euiomkb/error.hpp"

namespace euiomkb::detail {
namespace {

constexpr std::string_view kEllipsis = " \xE2\x80\xA6 ";  // U+2026 between spaces
constexpr std::size_t kMaxGapBytes = 600;                 // text an ellipsis may skip

// Decodes one UTF-8 code point at text[i]; returns it and advances i. Invalid bytes decode as
// themselves so that no input is rejected here.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  std::size_t length = lead < 0x80           ? 1
                       : (lead >> 5) == 0x6  ? 2
                       : (lead >> 4) == 0xE  ? 3
                       : (lead >> 3) == 0x1E ? 4
                                             : 1;
  if (i + length > text.size()) length = 1;
  char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) cp = (cp << 6) | (byte(i + k) & 0x3F);
  i += length;
  return cp;
}

bool is_space(char32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The white space of the ASCII range (is_space's, below U+0080).
bool is_ascii_space(unsigned char byte) { return byte == ' ' || (byte >= 0x09 && byte <= 0x0D); }

// fold_whitespace(text).text without the code point offsets (what quotations and spans need).
// ASCII bytes are their own code points (next_code_point), so they are tested without decoding.
// Each run of characters between spaces is copied in one piece.
std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  constexpr std::size_t kNoRun = std::string_view::npos;
  std::size_t run = kNoRun;  // where the characters not yet copied start
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    auto byte = static_cast<unsigned char>(text[i]);
    std::size_t begin = i;
    bool space = false;
    if (byte < 0x80) {
      space = is_ascii_space(byte);
      ++i;
    } else {
      space = is_space(next_code_point(text, i));
    }
    if (space) {
      if (run != kNoRun) out.append(text.data() + run, begin - run);
      run = kNoRun;
      pending_space = !out.empty();
      continue;
    }
    if (run == kNoRun) {
      if (pending_space) out += ' ';
      pending_space = false;
      run = begin;
    }
  }
  if (run != kNoRun) out.append(text.data() + run, text.size() - run);
  return out;
}

// Where part `k` of a quotation first starts at or after `at`, when that is at most
// kMaxGapBytes after `at` (the text an ellipsis may skip); std::nullopt otherwise. Only the
// window the gap allows is searched, never the rest of the text.
std::optional<std::size_t> find_part(std::string_view folded, std::string_view part,
                                     std::size_t at) {
  if (at > folded.size()) return std::nullopt;
  std::size_t found = folded.substr(at, kMaxGapBytes + part.size()).find(part);
  if (found == std::string_view::npos) return std::nullopt;
  return at + found;
}

// Finds every part after the first in order from `from`, each at its first occurrence (within
// the gap an ellipsis allows); returns the end of the last part in folded bytes.
std::optional<std::size_t> match_rest(std::string_view folded,
                                      const std::vector<std::string>& parts, std::size_t from) {
  std::size_t at = from;
  for (std::size_t k = 1; k < parts.size(); ++k) {
    std::optional<std::size_t> found = find_part(folded, parts[k], at);
    if (!found) return std::nullopt;
    at = *found + parts[k].size();
  }
  return at;
}

// A quotation's parts: the quotation with white space folded, split at " … ".
std::vector<std::string> quote_parts(std::string_view quote) {
  std::string folded = fold(quote);
  std::vector<std::string> parts;
  std::size_t at = 0;
  while (true) {
    std::size_t found = folded.find(kEllipsis, at);
    std::string part = fold(std::string_view(folded).substr(
        at, found == std::string::npos ? std::string::npos : found - at));
    if (!part.empty()) parts.push_back(part);
    if (found == std::string::npos) break;
    at = found + kEllipsis.size();
  }
  return parts;
}

}  // namespace

FoldedText fold_whitespace(std::string_view text) {
  FoldedText out;
  out.text.reserve(text.size());
  out.code_point.reserve(text.size());
  std::uint32_t index = 0;
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size(); ++index) {
    auto byte = static_cast<unsigned char>(text[i]);
    std::size_t begin = i;
    bool space = false;
    if (byte < 0x80) {  // its own code point (next_code_point): no decoding
      space = is_ascii_space(byte);
      ++i;
    } else {
      space = is_space(next_code_point(text, i));
    }
    if (space) {
      pending_space = !out.text.empty();
      continue;
    }
    if (pending_space) {
      out.text += ' ';
      out.code_point.push_back(index - 1);
      pending_space = false;
    }
    out.text.append(text.data() + begin, i - begin);
    for (std::size_t k = begin; k < i; ++k) out.code_point.push_back(index);
  }
  return out;
}

namespace {

// The search behind locate_quote. Each occurrence of the first part, in text order, is tried
// as a start and the other parts follow it at their first occurrences (match_rest); the first
// start whose parts all follow is the match. Two facts keep this linear in the text whatever
// the ellipses, where trying each start afresh was quadratic (a part missing near a start was
// looked for in all the rest of the text, once per start):
// - A chain of parts depends only on where its previous part ended: a start that reaches
//   part k at the same place as an earlier, failed, start fails too, and stops there.
// - Those places only move forward from one start to the next (a later start finds each part
//   at the same or a later occurrence), so what was learnt about part k's occurrences at one
//   start holds for the next: each part is searched through each stretch of text once.
class QuoteSearch {
 public:
  QuoteSearch(std::string_view folded, const std::vector<std::string>& parts)
      : folded_(folded), parts_(parts), reached_(parts.size(), kNone), cursor_(parts.size()) {}

  // The first start at or after `begin` from which every part follows: [start, end) in bytes.
  std::optional<std::pair<std::size_t, std::size_t>> run(std::size_t begin) {
    const std::string& first = parts_[0];
    for (std::size_t start = folded_.find(first, begin); start != std::string_view::npos;
         start = folded_.find(first, start + 1)) {
      if (auto end = follow(start + first.size())) return std::pair{start, *end};
    }
    return std::nullopt;
  }

 private:
  static constexpr std::size_t kNone = std::string_view::npos;

  // What is known of part k's occurrences: none starts in [known_from, clear_to), and when
  // `next` is not kNone, it is the first occurrence at or after known_from.
  struct Cursor {
    std::size_t known_from = 0;
    std::size_t clear_to = 0;
    std::size_t next = kNone;
  };

  std::optional<std::size_t> follow(std::size_t at) {
    for (std::size_t k = 1; k < parts_.size(); ++k) {
      if (reached_[k] == at) return std::nullopt;  // as a failed start did before
      reached_[k] = at;
      std::optional<std::size_t> found = occurrence(k, at);
      if (!found) return std::nullopt;
      at = *found + parts_[k].size();
    }
    return at;
  }

  // Where part k first starts at or after `at`, when no more than kMaxGapBytes after it.
  std::optional<std::size_t> occurrence(std::size_t k, std::size_t at) {
    Cursor& c = cursor_[k];
    // What is known stops holding before `at`: start again there.
    if (at < c.known_from || (c.next == kNone ? at > c.clear_to : c.next < at)) c = {at, at};
    if (c.next == kNone && c.clear_to <= at + kMaxGapBytes) {
      // The first occurrence at or after clear_to, when it starts within a gap's length of it.
      if (std::optional<std::size_t> found = find_part(folded_, parts_[k], c.clear_to))
        c.next = *found;
      else
        c.clear_to += kMaxGapBytes + 1;
    }
    if (c.next == kNone || c.next - at > kMaxGapBytes) return std::nullopt;
    return c.next;
  }

  std::string_view folded_;
  const std::vector<std::string>& parts_;
  std::vector<std::size_t> reached_;  // per part: where the latest start looked for it
  std::vector<Cursor> cursor_;
};

}  // namespace

std::optional<Span> locate_quote(const FoldedText& source, std::string_view quote,
                                 std::size_t from) {
  std::vector<std::string> parts = quote_parts(quote);
  if (parts.empty()) return std::nullopt;
  auto search = [&](std::size_t begin) -> std::optional<Span> {
    auto found = QuoteSearch(source.text, parts).run(begin);
    if (!found) return std::nullopt;
    auto [start, end] = *found;
    return Span{source.code_point[start], std::int64_t{source.code_point[end - 1]} + 1, start};
  };
  if (from > source.text.size()) from = 0;
  if (auto span = search(from)) return span;
  return from == 0 ? std::nullopt : search(0);
}

CodePointIndex::CodePointIndex(std::string_view text) : text_(text) {
  checkpoints_.reserve(text.size() / kStride + 1);
  for (std::size_t i = 0; i < text.size(); ++count_) {
    if (count_ % kStride == 0) checkpoints_.push_back(i);
    next_code_point(text, i);
  }
}

std::size_t CodePointIndex::byte_offset(std::int64_t index) const {
  if (index < 0 || index > count_) return std::string_view::npos;
  if (index == count_) return text_.size();
  auto checkpoint = static_cast<std::size_t>(index / kStride);
  std::size_t i = checkpoints_[checkpoint];
  for (std::int64_t k = static_cast<std::int64_t>(checkpoint) * kStride; k < index; ++k)
    next_code_point(text_, i);
  return i;
}

bool span_matches_quote(const CodePointIndex& source, std::int64_t start, std::int64_t end,
                        std::string_view quote) {
  if (start < 0 || end <= start) return false;
  std::size_t begin = source.byte_offset(start), stop = source.byte_offset(end);
  if (begin == std::string_view::npos || stop == std::string_view::npos) return false;
  std::string span = fold(source.text().substr(begin, stop - begin));
  std::vector<std::string> parts = quote_parts(quote);
  if (parts.empty() || !span.starts_with(parts.front())) return false;
  auto last = match_rest(span, parts, parts[0].size());
  return last.has_value() && *last == span.size();
}

bool span_matches_quote(std::string_view source, std::int64_t start, std::int64_t end,
                        std::string_view quote) {
  return span_matches_quote(CodePointIndex(source), start, end, quote);
}

std::string fold_name(std::string_view name) {
  // Base letters for U+00C0..U+017F ('.' marks characters dropped; the two-letter folds such as
  // æ and ß are handled before these tables).
  static constexpr std::string_view kLatin1 =
      "aaaaaaaceeeeiiiidnooooo.ouuuuyts"   // U+00C0..U+00DF
      "aaaaaaaceeeeiiiidnooooo.ouuuuyty";  // U+00E0..U+00FF
  static constexpr std::string_view kExtendedA =
      "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiijjjkkklllllll"
      "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";  // U+0100..U+017F
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < name.size();) {
    if (auto byte = static_cast<unsigned char>(name[i]); byte < 0x80) {
      // An ASCII character, as the general case below treats it, without decoding.
      ++i;
      if (byte == '\'' || byte == '.') continue;
      if (is_ascii_space(byte) || byte == '-') {
        pending_space = !out.empty();
        continue;
      }
      if (pending_space) out += ' ';
      pending_space = false;
      out += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte - 'A' + 'a' : byte);
      continue;
    }
    char32_t cp = next_code_point(name, i);
    if (cp == '\'' || cp == '.' || cp == 0x2018 || cp == 0x2019 || cp == 0x02BC) continue;
    if (cp >= 0x0300 && cp <= 0x036F) continue;  // combining accents of decomposed text
    if (is_space(cp) || cp == '-' || cp == 0x2010 || cp == 0x2011) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    switch (cp) {  // letters that fold to two
      case 0xC6:
      case 0xE6:
        out += "ae";
        continue;
      case 0xDE:
      case 0xFE:
        out += "th";
        continue;
      case 0xDF:
        out += "ss";
        continue;
      case 0x132:
      case 0x133:
        out += "ij";
        continue;
      case 0x152:
      case 0x153:
        out += "oe";
        continue;
      default:
        break;
    }
    if (cp >= 'A' && cp <= 'Z') {
      cp = cp - 'A' + 'a';
    } else if (cp >= 0xC0 && cp <= 0xFF) {
      char base = kLatin1[cp - 0xC0];
      if (base == '.') continue;  // × and ÷
      cp = static_cast<unsigned char>(base);
    } else if (cp >= 0x100 && cp <= 0x17F) {
      cp = static_cast<unsigned char>(kExtendedA[cp - 0x100]);
    }
    append_utf8(out, cp);
  }
  return out;
}

bool valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0x80           ? 1
                         : (lead >> 5) == 0x6  ? 2
                         : (lead >> 4) == 0xE  ? 3
                         : (lead >> 3) == 0x1E ? 4
                                               : 0;
    if (length == 0 || lead == 0 || i + length > text.size()) return false;
    char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (next & 0x3F);
    }
    static constexpr char32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMinimum[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

std::optional<TextFault> find_text_fault(std::string_view line) {
  std::size_t column = 1;
  for (std::size_t i = 0; i < line.size(); ++column) {
    auto lead = static_cast<unsigned char>(line[i]);
    if (lead >= 0x20 && lead < 0x7F) {  // printable ASCII: no fault, nothing to decode
      ++i;
      continue;
    }
    std::size_t length = lead < 0x80           ? 1
                         : (lead >> 5) == 0x6  ? 2
                         : (lead >> 4) == 0xE  ? 3
                         : (lead >> 3) == 0x1E ? 4
                                               : 0;
    auto bad_utf8 = [&](const char* what) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", lead);
      return TextFault{column, std::string("not valid UTF-8: ") + what + " (byte " + hex + ")"};
    };
    if (length == 0) return bad_utf8("a byte that cannot start a character");
    if (i + length > line.size()) return bad_utf8("a character cut short");
    char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(line[i + k]);
      if ((next & 0xC0) != 0x80) return bad_utf8("a character cut short");
      cp = (cp << 6) | (next & 0x3F);
    }
    static constexpr char32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMinimum[length]) return bad_utf8("an overlong encoding");
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return bad_utf8("a surrogate or a code point beyond U+10FFFF");
    if (cp == 0) return TextFault{column, "a NUL character (byte 0x00)"};
    if ((cp < 0x20 && cp != '\t') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
      return TextFault{
          column, std::string("a control character (") + code + "); only tab is allowed in values"};
    }
    if (cp == 0xFEFF)
      return TextFault{
          column, "a byte-order mark (U+FEFF) inside the file; only its very start may hold one"};
    i += length;
  }
  return std::nullopt;
}

std::string sha256_hex(std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1)
    throw Error("SHA-256 failed");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int k = 0; k < length; ++k) {
    out += kHex[digest[k] >> 4];
    out += kHex[digest[k] & 0xF];
  }
  return out;
}

}  // namespace euiomkb::detail
