// Meetings of the framework (Senior Officials Meetings, Heads of Unit meetings, one-off
// events): who attended them for whom, the organisations taking part, the topics discussed and
// the themes grouping them. Repository contracts: sources.hpp.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "euiomkb/api.hpp"
#include "euiomkb/id.hpp"
#include "euiomkb/partial_date.hpp"

namespace euiomkb {

namespace detail {
struct Impl;
}
class KnowledgeBase;

struct Meeting {
  static constexpr const char* kSubjectType = "meeting";
  MeetingId id;
  std::optional<std::string> series;  // "SOM", "HOU", or nullopt for one-off events
  std::optional<int> sequence_no;
  std::string title;
  std::optional<PartialDate> held_on;
  std::optional<std::string> location;
  std::optional<std::string> host;  // short name of the host organisation (several: ", ")
  // The host's id; with several hosts, the first by id (organisations() lists each).
  std::optional<OrganisationId> host_id;
  std::string key;  // the key fact files use ("som-11"); empty for a row without one
};

struct Attendance {
  static constexpr const char* kSubjectType = "attendance";
  AttendanceId id;
  MeetingId meeting_id;
  std::string meeting;
  std::optional<PartialDate> held_on;
  PersonId person_id;
  std::string person;
  std::string role;  // 'co-chair', 'representative', ...
  std::optional<std::string> post;
  std::optional<std::string> organisation;
  std::string attested_as;                        // 'announced' beforehand or 'reported' afterwards
  bool acting;                                    // the post was held in an acting capacity
  std::optional<OrganisationId> organisation_id;  // of `organisation`
  std::optional<PostId> post_id;                  // of `post`
};

struct MeetingOrganisation {
  static constexpr const char* kSubjectType = "meeting_organisation";
  MeetingOrganisationId id;
  MeetingId meeting_id;
  std::string organisation;
  std::string role;  // 'host', 'participant', 'joined', 'joining announced'
  std::optional<OrganisationId> organisation_id;  // of `organisation`
  std::string attested_as;  // 'announced' beforehand or 'reported' afterwards (migration 0013)
};

struct Topic {
  static constexpr const char* kSubjectType = "topic";
  TopicId id;
  MeetingId meeting_id;
  std::string meeting;
  std::optional<PartialDate> held_on;
  std::string label;
  std::optional<std::string> theme;
  std::optional<ThemeId> theme_id;  // of `theme`
  // 'announced': on an agenda a document gave before the meeting; 'reported': a document says
  // it was discussed (migration 0013).
  std::string attested_as;
};

// An editorial grouping of topics worded differently at different meetings (not cited).
struct Theme {
  ThemeId id;
  std::string name;
  std::optional<std::string> description;
  std::string key;  // the key fact files use ("return-reintegration"); empty for a row without one
};

class EUIOMKB_API Meetings {
 public:
  // The timeline: every meeting, by date (undated last).
  std::vector<Meeting> all() const;
  // The timeline one meeting at a time, in the order of all(): memory does not grow with it.
  // `visit` may use the knowledge base; an exception it throws propagates.
  void each(const std::function<void(const Meeting&)>& visit) const;
  // A page of the timeline by key: up to `limit` meetings after the one with id `after` (from
  // the start when std::nullopt), in the order of all(). Pass the last id of a page to get
  // the next; an empty page is the end (also when `after` is no meeting).
  std::vector<Meeting> page(std::optional<MeetingId> after, int limit) const;
  std::optional<Meeting> find(MeetingId id) const;
  // By series code ("SOM", "HOU", ignoring case) and ordinal.
  std::optional<Meeting> by_sequence(std::string_view series, int sequence_no) const;
  // By the key fact files use ("som-11").
  std::optional<Meeting> by_key(std::string_view key) const;
  // Who attended and for whom, in the order recorded.
  std::vector<Attendance> attendance(MeetingId id) const;
  // The organisations taking part, by role then short name.
  std::vector<MeetingOrganisation> organisations(MeetingId id) const;
  // Every part the organisation with id `id` took in meetings (host, participant, ...), in the
  // order of all(); empty for an unknown id. Costs what it returns, however many meetings the
  // knowledge base holds.
  std::vector<MeetingOrganisation> of_organisation(OrganisationId id) const;
  // The same, one part at a time: memory does not grow with them. `visit` may use the
  // knowledge base; an exception it throws propagates.
  void each_of_organisation(OrganisationId id,
                            const std::function<void(const MeetingOrganisation&)>& visit) const;
  // The topics discussed, in the order recorded.
  std::vector<Topic> topics(MeetingId id) const;
  // Every theme, by name.
  std::vector<Theme> themes() const;
  // Topics grouped under the theme named `theme` (its name ignoring case, or its key), across
  // meetings in date order.
  std::vector<Topic> topics_by_theme(std::string_view theme) const;
  // The same, one topic at a time: memory does not grow with them. `visit` may use the
  // knowledge base; an exception it throws propagates.
  void each_topic_by_theme(std::string_view theme,
                           const std::function<void(const Topic&)>& visit) const;

 private:
  friend class KnowledgeBase;
  explicit Meetings(detail::Impl* impl) : impl_(impl) {}
  detail::Impl* impl_;
};

}  // namespace euiomkb
