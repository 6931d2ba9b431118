// Umbrella header: everything an application needs to query the EU-IOM knowledge base. Each
// concept also has a header of its own (docs/design.md, "Public API").
#pragma once

#include "euiomkb/agreements.hpp"
#include "euiomkb/api.hpp"
#include "euiomkb/claims.hpp"
#include "euiomkb/diff.hpp"
#include "euiomkb/error.hpp"
#include "euiomkb/funding.hpp"
#include "euiomkb/id.hpp"
#include "euiomkb/import.hpp"
#include "euiomkb/knowledge_base.hpp"
#include "euiomkb/log.hpp"
#include "euiomkb/meetings.hpp"
#include "euiomkb/organisations.hpp"
#include "euiomkb/partial_date.hpp"
#include "euiomkb/people.hpp"
#include "euiomkb/publications.hpp"
#include "euiomkb/search.hpp"
#include "euiomkb/sources.hpp"
#include "euiomkb/sql.hpp"
#include "euiomkb/verification.hpp"
#include "euiomkb/version.hpp"
