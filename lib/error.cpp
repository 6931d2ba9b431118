#include "euiomkb/error.hpp"

#include <utility>

namespace euiomkb {
namespace {

std::string locate(const std::string& file, int line, const std::string& field,
                   const std::string& problem) {
  std::string out = file;
  if (line > 0) out.append(":").append(std::to_string(line));
  out.append(": ");
  if (!field.empty()) out.append("field '").append(field).append("': ");
  return out.append(problem);
}

}  // namespace

ImportError::ImportError(std::string file, int line, std::string field, const std::string& problem,
                         int sqlite_code)
    : Error(locate(file, line, field, problem), sqlite_code),
      file_(std::move(file)),
      line_(line),
      field_(std::move(field)) {}

}  // namespace euiomkb
