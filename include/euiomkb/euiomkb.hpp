// Umbrella header: everything an application needs to query the EU-IOM knowledge base.
#pragma once

#include "euiomkb/api.hpp"
#include "euiomkb/error.hpp"
#include "euiomkb/id.hpp"
#include "euiomkb/knowledge_base.hpp"
#include "euiomkb/partial_date.hpp"
#include "euiomkb/records.hpp"
#include "euiomkb/version.hpp"
