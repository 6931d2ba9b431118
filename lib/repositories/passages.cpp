// A citation as a reader needs it: the quotation in its context, the source described, a stable
// anchor, a reference and a text fragment. The one presentation of a citation that the tool and
// the evidence site share.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "euiomkb/knowledge_base.hpp"
#include "repositories/rows.hpp"
#include "sqlite/impl.hpp"

namespace euiomkb {

namespace {

// How much of the source each side of the quotation is read (code points) and how much of it
// is kept at most once cut at sentences.
constexpr std::int64_t kWindow = 800;
constexpr std::size_t kKeep = 400;

// The citation, its subject's key, the source without its text, and the text around the
// quotation: [start - kWindow, start), [start, end) and [end, end + kWindow). SQLite's substr
// counts code points from 1, as the offsets count them from 0.
constexpr std::string_view kPassageColumns = R"sql(
SELECT c.citation_id, c.source_id, s.file_name, c.quote, c.start_offset, c.end_offset, c.note,
       c.subject_type, c.subject_id,
       (SELECT min(key) FROM record_key
         WHERE kind = c.subject_type AND row_id = c.subject_id),
       s.title, s.publisher, s.published, s.url, s.language, s.sha256, length(s.text),
       (SELECT min(key) FROM record_key WHERE kind = 'source' AND row_id = s.source_id),
       substr(s.text, max(c.start_offset - :window, 0) + 1,
              c.start_offset - max(c.start_offset - :window, 0)),
       substr(s.text, c.start_offset + 1, c.end_offset - c.start_offset),
       substr(s.text, c.end_offset + 1, :window)
  FROM citation c JOIN source s ON s.source_id = c.source_id
)sql";

const std::string kPassageById = std::string(kPassageColumns) + " WHERE c.citation_id = :id";
const std::string kPassagesOfSubject = std::string(kPassageColumns) +
                                       " WHERE c.subject_type = :type AND c.subject_id = :subject"
                                       " ORDER BY c.source_id, c.start_offset";

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
bool ends_sentence(char c) { return c == '.' || c == '!' || c == '?'; }
bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Byte positions where a sentence starts in `text`: after ". " (or ! ?, white space following)
// and after a blank line. Position 0 is not included.
std::vector<std::size_t> sentence_starts(std::string_view text) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    bool boundary = (ends_sentence(text[i]) && is_space(text[i + 1])) ||
                    (text[i] == '\n' && text[i + 1] == '\n');
    if (!boundary) continue;
    std::size_t j = i + 1;
    while (j < text.size() && is_space(text[j])) ++j;
    if (j < text.size() && (starts.empty() || starts.back() != j)) starts.push_back(j);
    i = j - 1;
  }
  return starts;
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !continuation_byte(c); }));
}

// The last `keep` code points of `text`, starting at a word.
std::string_view keep_tail(std::string_view text, std::size_t keep) {
  if (code_points(text) <= keep) return text;
  std::size_t at = text.size(), count = 0;
  while (at > 0 && count < keep) {
    --at;
    if (!continuation_byte(text[at])) ++count;
  }
  while (at < text.size() && !is_space(text[at])) ++at;
  while (at < text.size() && is_space(text[at])) ++at;
  return text.substr(at);
}

// The first `keep` code points of `text`, ending at a word.
std::string_view keep_head(std::string_view text, std::size_t keep) {
  if (code_points(text) <= keep) return text;
  std::size_t at = 0, count = 0;
  while (at < text.size() && count < keep) {
    if (!continuation_byte(text[at])) ++count;
    ++at;
  }
  while (at < text.size() && continuation_byte(text[at])) ++at;
  while (at > 0 && !is_space(text[at - 1])) --at;
  while (at > 0 && is_space(text[at - 1])) --at;
  return text.substr(0, at);
}

// The text before a quotation from the start of the sentence before the quotation's own.
std::string context_before(std::string_view window) {
  std::vector<std::size_t> starts = sentence_starts(window);
  // The quotation starts a sentence when only white space separates it from a boundary (or
  // from the start of the source: then the window is empty).
  std::size_t tail = window.size();
  while (tail > 0 && is_space(window[tail - 1])) --tail;
  bool starts_sentence = tail == 0 || ends_sentence(window[tail - 1]) ||
                         window.substr(tail).find("\n\n") != std::string_view::npos;
  std::size_t own_start = starts_sentence ? window.size() : (starts.empty() ? 0 : starts.back());
  // The sentence before the quotation's own begins at the last start before own_start, or at
  // the window's start (the source's start, or a cut at a word below).
  std::size_t from = 0;
  for (std::size_t s : starts)
    if (s < own_start) from = s;
  return std::string(keep_tail(window.substr(from), kKeep));
}

// The text after a quotation to the end of the sentence after the one it ends in.
std::string context_after(std::string_view window, std::string_view passage) {
  std::size_t last = passage.size();
  while (last > 0 && is_space(passage[last - 1])) --last;
  bool ends_own =
      last > 0 && ends_sentence(passage[last - 1]) && (window.empty() || is_space(window.front()));
  // Sentence starts after the white space that may follow the quotation: the quotation's own
  // sentence ends at the first of them unless the quotation ended it, and the next sentence
  // ends at the start after that.
  std::size_t lead = 0;
  while (lead < window.size() && is_space(window[lead])) ++lead;
  std::vector<std::size_t> starts = sentence_starts(window.substr(lead));
  std::size_t wanted = ends_own ? 1 : 2;
  std::size_t cut = window.size();
  if (starts.size() >= wanted) cut = lead + starts[wanted - 1];
  std::string_view kept = window.substr(0, cut);
  while (!kept.empty() && is_space(kept.back())) kept.remove_suffix(1);
  return std::string(keep_head(kept, kKeep));
}

std::string reference_of(const SourceSummary& source, const Citation& citation) {
  std::string out = source.title;
  if (!out.empty() && !ends_sentence(out.back())) out += '.';
  if (source.publisher || source.published) {
    out += ' ';
    if (source.publisher) out += *source.publisher;
    if (source.publisher && source.published) out += ", ";
    if (source.published) out += source.published->to_string();
    out += '.';
  }
  if (source.url) out += ' ' + *source.url + '.';
  out += " Quoted at code points " + std::to_string(citation.start_offset) + "-" +
         std::to_string(citation.end_offset) + " of the stored copy (SHA-256 " +
         source.sha256.substr(0, 12) + ").";
  return out;
}

// `text` with no-break spaces (U+00A0, U+202F) as plain spaces, so that the sentence rules see
// them as the white space they are.
std::string plain_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 2, "\u00A0") == 0) {
      out += ' ';
      i += 2;
    } else if (text.compare(i, 3, "\u202F") == 0) {
      out += ' ';
      i += 3;
    } else {
      out += text[i++];
    }
  }
  return out;
}

// `text` with every run of white space turned into one space; the ends keep theirs (one space)
// so that before + passage + after still reads as the source does.
std::string fold_runs(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t run = 0;
    while (i + run < text.size()) {
      if (is_space(text[i + run])) {
        ++run;
      } else if (text.compare(i + run, 2, "\u00A0") == 0) {
        run += 2;
      } else if (text.compare(i + run, 3, "\u202F") == 0) {
        run += 3;
      } else {
        break;
      }
    }
    if (run > 0) {
      out += ' ';
      i += run;
    } else {
      out += text[i++];
    }
  }
  return out;
}

Passage passage_row(detail::Statement& s) {
  Citation citation = detail::citation_row(s);
  SourceSummary source{citation.source_id,      citation.file_name,
                       detail::text(s, 10),     detail::opt_text(s, 11),
                       detail::opt_date(s, 12), detail::opt_text(s, 13),
                       detail::text(s, 14),     detail::text(s, 15),
                       detail::integer(s, 16),  detail::opt_text(s, 17).value_or("")};
  std::string before_window = plain_spaces(detail::text(s, 18));
  std::string passage = plain_spaces(detail::text(s, 19));
  std::string after_window = plain_spaces(detail::text(s, 20));
  std::string anchor = passage_anchor(source.sha256, citation.start_offset, citation.end_offset);
  std::string reference = reference_of(source, citation);
  std::optional<std::string> fragment_url;
  if (source.url) {
    std::string url = source.url->substr(0, source.url->find('#'));
    fragment_url = url + "#:~:text=" + text_directive(citation.quote);
  }
  std::string before = fold_runs(context_before(before_window));
  std::string after = fold_runs(context_after(after_window, passage));
  return Passage{std::move(citation),    detail::text(s, 7),
                 detail::integer(s, 8),  detail::opt_text(s, 9).value_or(""),
                 std::move(source),      std::move(before),
                 fold_runs(passage),     std::move(after),
                 std::move(anchor),      std::move(reference),
                 std::move(fragment_url)};
}

// A text directive term: every byte but ALPHA, DIGIT and ".", "_", "~" percent-encoded ("-",
// "&" and "," are syntax in a directive and must be).
std::string encode_term(std::string_view term) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : term) {
    auto c = static_cast<unsigned char>(ch);
    bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                 c == '.' || c == '_' || c == '~';
    if (plain) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    std::size_t j = i;
    while (j < text.size() && !is_space(text[j])) ++j;
    if (j > i) words.emplace_back(text.substr(i, j - i));
    i = j;
  }
  return words;
}

std::string join(const std::vector<std::string>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) out += (out.empty() ? "" : " ") + words[i];
  return out;
}

}  // namespace

std::string passage_anchor(std::string_view source_sha256, std::int64_t start, std::int64_t end) {
  return "p-" + std::string(source_sha256.substr(0, 12)) + "-" + std::to_string(start) + "-" +
         std::to_string(end);
}

std::string text_directive(std::string_view quote) {
  constexpr std::string_view kEllipsis = " \u2026 ";
  constexpr std::size_t kLong = 300;
  constexpr std::size_t kEdgeWords = 5;
  // The parts a " … " joins, each with its white space folded.
  std::vector<std::string> parts;
  std::size_t at = 0;
  while (true) {
    std::size_t next = quote.find(kEllipsis, at);
    std::vector<std::string> words = words_of(quote.substr(at, next - at));
    std::string part = join(words, 0, words.size());
    if (!part.empty()) parts.push_back(part);
    if (next == std::string_view::npos) break;
    at = next + kEllipsis.size();
  }
  if (parts.empty()) return "";
  if (parts.size() == 1 && code_points(parts.front()) <= kLong) return encode_term(parts.front());
  std::vector<std::string> first = words_of(parts.front());
  std::vector<std::string> last = words_of(parts.back());
  if (parts.size() > 1 && code_points(parts.front()) <= kLong && code_points(parts.back()) <= kLong)
    return encode_term(parts.front()) + "," + encode_term(parts.back());
  // Too long to quote whole: the first and last few words of the passage.
  std::string start = join(first, 0, std::min(kEdgeWords, first.size()));
  std::string end = join(last, last.size() - std::min(kEdgeWords, last.size()), last.size());
  return encode_term(start) + "," + encode_term(end);
}

std::optional<Passage> KnowledgeBase::passage(CitationId id) const {
  return detail::first_row(
      impl_.get(), kPassageById,
      [&](auto& s) {
        s.bind(":id", id.value());
        s.bind(":window", kWindow);
      },
      passage_row);
}

std::vector<Passage> KnowledgeBase::passages(std::string_view subject_type,
                                             std::int64_t subject_id) const {
  return detail::collect(
      impl_.get(), kPassagesOfSubject,
      [&](auto& s) {
        s.bind(":type", std::string(subject_type));
        s.bind(":subject", subject_id);
        s.bind(":window", kWindow);
      },
      passage_row);
}

}  // namespace euiomkb
