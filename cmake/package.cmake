# Debian packages: `cpack -G DEB` in a shared build installed under /usr (the `package` preset)
# makes three packages from the install components of cmake/install.cmake:
#   libeuiomkb<SOVERSION>  runtime: the shared library and the seeded database
#   libeuiomkb-dev         development: headers, the .so link, CMake package, euiomkb.pc
#   euiomkb                tool: the command-line tool
# Included from the top-level CMakeLists.txt after cmake/install.cmake.
set(CPACK_PACKAGE_NAME euiomkb)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "euiomkb maintainers")
set(CPACK_PACKAGE_CONTACT "euiomkb maintainers <maintainers@users.noreply.h-seed-5189e628.example>"
    CACHE STRING "The Maintainer of the Debian packages")
# Each package's Description is its component's (below; the first line is the synopsis). CPackDeb
# puts CPACK_PACKAGE_DESCRIPTION_SUMMARY before it unless the summary is CPack's default, which
# CPack would otherwise take from the project's DESCRIPTION: so the summary is set to that default.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/packaging/copyright)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/packages)
set(CPACK_COMPONENTS_ALL runtime development tool)
if(NOT TARGET euiomkb_cli)
  list(REMOVE_ITEM CPACK_COMPONENTS_ALL tool)
endif()

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # NAME_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends from the ELF files (dpkg-shlibdeps, in dpkg-dev), plus the packages of the components
# each one depends on at exactly this version (CPACK_COMPONENT_*_DEPENDS below).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON)
# The tool's libeuiomkb.so.0 is found in the build tree; its package comes from the component
# dependency, not from dpkg-shlibdeps.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${PROJECT_BINARY_DIR})

set(euiomkb_runtime_package libeuiomkb${PROJECT_VERSION_MAJOR})
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME ${euiomkb_runtime_package})
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION libs)
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION
   "EU-IOM Strategic Cooperation Framework knowledge base (library)
A C++20 library over an SQLite database of the EU-IOM Strategic Cooperation
Framework: meetings, attendance, organisations, people and posts, agreements,
funding and publications, each fact dated to the precision of its source and
cited with a quotation checked against the source text.

This package holds the shared library and the seeded database
(/usr/share/euiomkb/euiomkb.db).")
# The shlibs file says which package provides libeuiomkb.so.0. While the version is 0.x the ABI
# may change with any release, so a program built against this one needs exactly this one.
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)  # only the runtime package holds a library
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY "=")

set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME libeuiomkb-dev)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SHLIBDEPS OFF)
set(CPACK_COMPONENT_DEVELOPMENT_DEPENDS runtime)
if(NOT EUIOMKB_SHARED)
  # A static libeuiomkb.a links its dependencies into the application: its .pc and CMake package
  # ask for theirs (cmake/install.cmake).
  set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS
      "libsqlitecpp-dev, libsqlite3-dev, libspdlog-dev, libssl-dev")
endif()
set(CPACK_COMPONENT_DEVELOPMENT_DESCRIPTION
   "EU-IOM Strategic Cooperation Framework knowledge base (development files)
Headers, the CMake package (find_package(euiomkb CONFIG), target
euiomkb::euiomkb) and euiomkb.pc for linking applications against libeuiomkb.")

set(CPACK_DEBIAN_TOOL_PACKAGE_NAME euiomkb)
set(CPACK_DEBIAN_TOOL_PACKAGE_SECTION utils)
set(CPACK_COMPONENT_TOOL_DEPENDS runtime)
set(CPACK_COMPONENT_TOOL_DESCRIPTION
   "EU-IOM Strategic Cooperation Framework knowledge base (command-line tool)
The euiomkb tool: query the knowledge base (meetings, people, organisations,
timeline, full-text search, read-only SQL), export it (JSON, CSV, Popolo),
draw graphs, import cited facts of your own and verify every citation.")

include(CPack)
