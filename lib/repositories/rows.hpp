// Row readers and helpers shared by more than one repository file.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "euiomkb/people.hpp"
#include "euiomkb/sources.hpp"
#include "sqlite/impl.hpp"

namespace euiomkb::detail {

// Pairs of (owner id, text) from `sql`, appended to the matching records' `member` lists.
template <class Record, class Member>
void attach(detail::Impl* impl, std::string_view sql, std::vector<Record>& records, Member member) {
  std::unordered_map<std::int64_t, Record*> by_id;
  for (Record& record : records) by_id.emplace(record.id.value(), &record);
  auto rows =
      collect(impl, sql, kNoBinding, [](auto& s) { return std::pair(integer(s, 0), text(s, 1)); });
  for (auto& [id, value] : rows) {
    auto found = by_id.find(id);
    if (found != by_id.end()) (found->second->*member).push_back(std::move(value));
  }
}

// An attendance from the columns of kAttendanceOfPerson and kAttendanceOfMeeting (people.cpp).
Attendance attendance_row(Statement& s);

// A citation from columns 0-6 of the current row: citation_id, source_id, file_name, quote,
// start_offset, end_offset, note (citations.cpp).
Citation citation_row(Statement& s);

}  // namespace euiomkb::detail
