// euiomkb_bench_callgrind CASE K [--db PATH]
// euiomkb_bench_callgrind --create PATH
//
// For bench/callgrind: asks question CASE (e.g. MeetingById/lib, PersonByAlias/raw; see
// questions.hpp) once to warm up, then K more times, on the database at PATH (a seeded one in
// a temporary file by default). Running it under callgrind with K = 0 and K = 1000 and
// subtracting gives the instructions of one call. --create PATH writes a seeded database.
#include <charconv>
#include <iostream>
#include <string>

#include "euiomkb/knowledge_base.hpp"
#include "questions.hpp"
#include "scratch.hpp"

int main(int argc, char** argv) {
  using euiomkb::KnowledgeBase;
  std::string db_path = euiomkb::bench::take_flag(argc, argv, "--db");
  try {
    if (argc == 3 && std::string_view(argv[1]) == "--create") {
      KnowledgeBase::create_seeded(argv[2], KnowledgeBase::Existing::replace);
      return 0;
    }
    long k = -1;
    if (argc == 3) {
      std::string_view text = argv[2];
      auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), k);
      if (error != std::errc() || end != text.data() + text.size()) k = -1;
    }
    if (k < 0) {
      std::cerr << "usage: euiomkb_bench_callgrind CASE K [--db=PATH] | --create PATH\n";
      return 2;
    }
    std::string name = argv[1];
    std::size_t slash = name.rfind('/');
    std::string stem = name.substr(0, slash),
                side = slash == std::string::npos ? "" : name.substr(slash + 1);

    euiomkb::bench::Scratch scratch;
    if (db_path.empty()) {
      db_path = scratch.path("seeded.db");
      KnowledgeBase::create_seeded(db_path);
    }
    KnowledgeBase kb = KnowledgeBase::open(db_path, KnowledgeBase::Mode::read_only);
    euiomkb::bench::RawDatabase raw_db(db_path);
    euiomkb::bench::RawQueries raw(raw_db.get());
    auto subjects = euiomkb::bench::choose_subjects(raw_db.get());
    for (const auto& c : euiomkb::bench::question_cases(kb, raw, subjects)) {
      if (c.name != stem || (side != "lib" && side != "raw")) continue;
      const auto& call = side == "lib" ? c.lib : c.raw;
      std::size_t found = call();
      for (long n = 0; n < k; ++n) found += call();
      std::cout << name << ": " << k << " calls after one warm-up, " << found << " records\n";
      return 0;
    }
    std::cerr << "unknown case '" << name << "'\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "euiomkb_bench_callgrind: " << e.what() << "\n";
    return 1;
  }
}
