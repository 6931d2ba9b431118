// The seeded database built the slow way, by importing the embedded fact files. The build runs it
// once to make the seed image that KnowledgeBase::create_seeded copies; tests compare the two.
#pragma once

#include <string>

#include "euiomkb/knowledge_base.hpp"

namespace euiomkb::detail {

// What create_seeded did before the image existed, with the same contract: applies every migration
// to a new database at `path` (":memory:" allowed) and imports the embedded fact files with the
// embedded documents; a file appears at `path` only once complete. Throws DatabaseError if `path`
// exists and `existing` is refuse, or if it cannot be written.
KnowledgeBase create_seeded_by_import(
    const std::string& path, KnowledgeBase::Existing existing = KnowledgeBase::Existing::refuse);

}  // namespace euiomkb::detail
