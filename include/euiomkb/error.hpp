// Failures the library reports. "Not found" is never an error: lookups return std::nullopt.
// Each call's comment names the classes it throws; every one derives from Error, so
// `catch (const euiomkb::Error&)` catches whatever the library throws of its own (std::bad_alloc
// aside). Exceptions are values: copy them and read them from any thread.
#pragma once

#include <stdexcept>
#include <string>

#include "euiomkb/api.hpp"

namespace euiomkb {

// Base of every exception the library throws. sqlite_code() is the SQLite extended result
// code behind the failure, or 0 when SQLite was not involved.
class EUIOMKB_API Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message, int sqlite_code = 0)
      : std::runtime_error(message), sqlite_code_(sqlite_code) {}
  int sqlite_code() const noexcept { return sqlite_code_; }

 private:
  int sqlite_code_;
};

// The database file cannot be opened, read or written.
class EUIOMKB_API DatabaseError : public Error {
 public:
  using Error::Error;
};

// The database's schema version is newer than this library, or a migration failed.
class EUIOMKB_API SchemaError : public Error {
 public:
  using Error::Error;
};

// A query a user wrote is malformed or refused: a full-text search query FTS5 cannot parse,
// SQL that does not compile, or SQL that would write through KnowledgeBase::run_sql without
// permission. what() says what is wrong in words a user can act on.
class EUIOMKB_API QueryError : public Error {
 public:
  using Error::Error;
};

// A fact file or document is malformed or contradicts the database. file(), line(), column()
// and field() locate the problem (0/empty: not applicable); problem() is the message alone.
// what() is "file:line[:column]: field 'name': problem" less what is unknown, at least "problem".
class EUIOMKB_API ImportError : public Error {
 public:
  ImportError(std::string file, int line, std::string field, const std::string& problem,
              int sqlite_code = 0, int column = 0);
  const std::string& file() const noexcept { return file_; }
  int line() const noexcept { return line_; }
  int column() const noexcept { return column_; }
  const std::string& field() const noexcept { return field_; }
  const std::string& problem() const noexcept { return problem_; }

 private:
  std::string file_;
  int line_;
  int column_;
  std::string field_;
  std::string problem_;
};

}  // namespace euiomkb
