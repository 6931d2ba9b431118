#include "euiomkb/error.hpp"

#include <utility>

namespace euiomkb {
namespace {

// "file:line[:column]: field 'name': problem", leaving out what is not known; a problem with
// no place at all (an import refused as a whole) is its message alone, without a leading ": ".
// A line without a file reads "line N[:column]: ...".
std::string locate(const std::string& file, int line, int column, const std::string& field,
                   const std::string& problem) {
  std::string out = file;
  if (line > 0) out.append(out.empty() ? "line " : ":").append(std::to_string(line));
  if (line > 0 && column > 0) out.append(":").append(std::to_string(column));
  if (!out.empty()) out.append(": ");
  if (!field.empty()) out.append("field '").append(field).append("': ");
  return out.append(problem);
}

}  // namespace

ImportError::ImportError(std::string file, int line, std::string field, const std::string& problem,
                         int sqlite_code, int column)
    : Error(locate(file, line, column, field, problem), sqlite_code),
      file_(std::move(file)),
      line_(line),
      column_(column),
      field_(std::move(field)),
      problem_(problem) {}

}  // namespace euiomkb
