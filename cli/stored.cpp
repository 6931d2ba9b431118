#include "stored.hpp"

#include <string>
#include <utility>

namespace euiomkb::cli {

std::vector<std::vector<Value>> stored_rows(const KnowledgeBase& kb, std::string_view sql,
                                            std::vector<SqlValue> parameters) {
  SqlOptions options;
  options.parameters = std::move(parameters);
  std::vector<std::vector<Value>> rows;
  kb.run_sql(
      sql, options, [](const std::vector<std::string>&) {},
      [&](const std::vector<SqlValue>& values) { rows.push_back(values); });
  return rows;
}

Value stored_value(const KnowledgeBase& kb, std::string_view sql, std::int64_t id) {
  auto rows = stored_rows(kb, sql, {id});
  return rows.empty() || rows.front().empty() ? Value() : rows.front().front();
}

}  // namespace euiomkb::cli
