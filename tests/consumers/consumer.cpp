// A program outside the project: opens the installed database and prints one fact, so that a
// test proves an application can compile, link and run against an installed euiomkb.
// Usage: consumer DATABASE
#include <euiomkb/euiomkb.hpp>
#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: consumer DATABASE\n";
    return 2;
  }
  try {
    auto kb = euiomkb::KnowledgeBase::open(argv[1]);
    auto first = kb.meetings().by_sequence("SOM", 1);
    if (!first || !first->held_on) {
      std::cerr << "consumer: no dated first Senior Officials Meeting in " << argv[1] << "\n";
      return 1;
    }
    std::cout << "euiomkb " << euiomkb::version() << ": " << first->title << ", "
              << first->held_on->to_string() << "\n";
  } catch (const euiomkb::Error& e) {
    std::cerr << "consumer: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
