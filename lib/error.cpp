#include "euiomkb/error.hpp"

#include <utility>

namespace euiomkb {
namespace {

std::string locate(const std::string& file, int line, const std::string& field,
                   const std::string& problem) {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  out += ": ";
  if (!field.empty()) out += "field '" + field + "': ";
  return out + problem;
}

}  // namespace

ImportError::ImportError(std::string file, int line, std::string field, const std::string& problem,
                         int sqlite_code)
    : Error(locate(file, line, field, problem), sqlite_code),
      file_(std::move(file)),
      line_(line),
      field_(std::move(field)) {}

}  // namespace euiomkb
