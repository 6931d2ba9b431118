// Keys: the stable names records carry (record_key). The one place a key becomes a row and a
// row its key: the repositories, the loader and the replacement of an import all call these.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sqlite/connection.hpp"
#include "sqlite/impl.hpp"

namespace euiomkb::detail {

// The row of `kind` that carries `key`, or nullopt when none does. Throws SQLite::Exception
// when the statement fails.
std::optional<std::int64_t> row_of_key(Connection& connection, std::string_view kind,
                                       std::string_view key);
// The same on a knowledge base's connection, failures as the file's DatabaseError.
std::optional<std::int64_t> row_of_key(Impl* impl, std::string_view kind, std::string_view key);

// The key of row `row_id` of `kind` (the first by key, should it have several), or nullopt for
// a row without one. Throws SQLite::Exception when the statement fails.
std::optional<std::string> key_of_row(Connection& connection, std::string_view kind,
                                      std::int64_t row_id);

// Gives row `row_id` of `kind` the key `key`. Throws SQLite::Exception, with SQLITE_CONSTRAINT
// when `kind` has that key already.
void add_key(Connection& connection, std::string_view kind, std::string_view key,
             std::int64_t row_id);

}  // namespace euiomkb::detail
