#include "text.hpp"

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

std::string fold(std::string_view text) { return fold_whitespace(text).text; }

// Finds every part in order from `from`; returns the end of the last part in folded bytes.
std::optional<std::size_t> match_rest(const std::string& folded,
                                      const std::vector<std::string>& parts, std::size_t from) {
  std::size_t at = from;
  for (std::size_t k = 1; k < parts.size(); ++k) {
    std::size_t found = folded.find(parts[k], at);
    if (found == std::string::npos || found - at > kMaxGapBytes) return std::nullopt;
    at = found + parts[k].size();
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
    std::size_t begin = i;
    char32_t cp = next_code_point(text, i);
    if (is_space(cp)) {
      pending_space = !out.text.empty();
      continue;
    }
    if (pending_space) {
      out.text += ' ';
      out.code_point.push_back(index - 1);
      pending_space = false;
    }
    out.text.append(text.substr(begin, i - begin));
    out.code_point.insert(out.code_point.end(), i - begin, index);
  }
  return out;
}

std::optional<Span> locate_quote(const FoldedText& source, std::string_view quote,
                                 std::size_t from) {
  std::vector<std::string> parts = quote_parts(quote);
  if (parts.empty()) return std::nullopt;
  auto search = [&](std::size_t begin) -> std::optional<Span> {
    for (std::size_t found = source.text.find(parts[0], begin); found != std::string::npos;
         found = source.text.find(parts[0], found + 1)) {
      if (auto end = match_rest(source.text, parts, found + parts[0].size())) {
        return Span{source.code_point[found], std::int64_t{source.code_point[*end - 1]} + 1, found};
      }
    }
    return std::nullopt;
  };
  if (from > source.text.size()) from = 0;
  if (auto span = search(from)) return span;
  return from == 0 ? std::nullopt : search(0);
}

bool span_matches_quote(std::string_view source, std::int64_t start, std::int64_t end,
                        std::string_view quote) {
  if (start < 0 || end <= start) return false;
  std::size_t i = 0, begin = std::string::npos;
  std::int64_t index = 0;
  for (; i < source.size() && index < end; ++index) {
    if (index == start) begin = i;
    next_code_point(source, i);
  }
  if (begin == std::string::npos || index != end) return false;
  std::string span = fold(source.substr(begin, i - begin));
  std::vector<std::string> parts = quote_parts(quote);
  if (parts.empty() || !span.starts_with(parts.front())) return false;
  auto last = match_rest(span, parts, parts[0].size());
  return last.has_value() && *last == span.size();
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
  bool pending_space = false;
  for (std::size_t i = 0; i < name.size();) {
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
