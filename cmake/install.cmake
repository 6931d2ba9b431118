# Install rules: the library and its public headers, the euiomkb tool (when built), the seeded
# database, the CMake package (find_package(euiomkb CONFIG), target euiomkb::euiomkb) and
# euiomkb.pc. Included from the top-level CMakeLists.txt when EUIOMKB_INSTALL is on.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(EUIOMKB_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/euiomkb)
# The seeded database, ready to open read-only: the build-time image, byte for byte.
set(EUIOMKB_DATABASE_DIR ${CMAKE_INSTALL_DATADIR}/euiomkb)

# Components (the Debian packages of cmake/package.cmake): runtime (the shared library and the
# database), development (headers, static library, the .so link, CMake package, .pc), tool.
install(TARGETS euiomkb EXPORT euiomkbTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime
                NAMELINK_COMPONENT development)
install(DIRECTORY include/euiomkb DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        COMPONENT development FILES_MATCHING PATTERN "*.hpp")
install(FILES ${PROJECT_BINARY_DIR}/generated/seed.db DESTINATION ${EUIOMKB_DATABASE_DIR}
        RENAME euiomkb.db COMPONENT runtime)
if(TARGET euiomkb_cli)
  # A shared libeuiomkb is found from the tool relative to it ($ORIGIN), so that an install
  # anywhere runs as it is; not under /usr, whose libraries the loader finds by itself (and
  # where Debian forbids a RUNPATH).
  if(EUIOMKB_SHARED AND NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    file(RELATIVE_PATH tool_to_lib /${CMAKE_INSTALL_BINDIR} /${CMAKE_INSTALL_LIBDIR})
    set_target_properties(euiomkb_cli PROPERTIES INSTALL_RPATH "$ORIGIN/${tool_to_lib}")
  endif()
  install(TARGETS euiomkb_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT tool)
endif()

# The copyright file: /usr/share/doc/PACKAGE/copyright in each Debian package (cmake/package.cmake)
# when installed under /usr, else once beside the database's documentation.
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  foreach(component_package runtime:libeuiomkb${PROJECT_VERSION_MAJOR}
                            development:libeuiomkb-dev tool:euiomkb)
    string(REPLACE ":" ";" pair ${component_package})
    list(GET pair 0 component)
    list(GET pair 1 package)
    if(component STREQUAL "tool" AND NOT TARGET euiomkb_cli)
      continue()
    endif()
    install(FILES packaging/copyright DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${package}
            COMPONENT ${component})
  endforeach()
else()
  install(FILES packaging/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT runtime)
endif()

# The CMake package. The library links SQLiteCpp, SQLite, spdlog and OpenSSL's libcrypto
# privately; a static euiomkb still needs them at link time, so the package finds them. A shared
# one carries them itself (its DT_NEEDED entries), so its package needs nothing else.
if(EUIOMKB_SHARED)
  set(EUIOMKB_PACKAGE_SHARED ON)
else()
  set(EUIOMKB_PACKAGE_SHARED OFF)
endif()
install(EXPORT euiomkbTargets NAMESPACE euiomkb:: DESTINATION ${EUIOMKB_CMAKE_DIR}
        COMPONENT development)
configure_package_config_file(cmake/euiomkbConfig.cmake.in
  ${PROJECT_BINARY_DIR}/euiomkbConfig.cmake
  INSTALL_DESTINATION ${EUIOMKB_CMAKE_DIR}
  PATH_VARS EUIOMKB_DATABASE_DIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/euiomkbConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/euiomkbConfig.cmake
              ${PROJECT_BINARY_DIR}/euiomkbConfigVersion.cmake
        DESTINATION ${EUIOMKB_CMAKE_DIR} COMPONENT development)

# euiomkb.pc. A static libeuiomkb.a needs its dependencies on every link line: Debian's SQLiteCpp
# is a static library without a .pc of its own, so -lSQLiteCpp is spelled out, and sqlite3,
# spdlog and libcrypto bring theirs. They are Requires and Libs, not the .private fields, because
# only the static library is installed: `pkg-config --libs` without --static must work. A shared
# libeuiomkb.so records its dependencies itself and only the static library would need them, so
# with no libeuiomkb.a installed the .pc names nothing else (and `--cflags` asks for no other .pc).
if(EUIOMKB_SHARED)
  set(EUIOMKB_PC_LIBS "-leuiomkb")
  set(EUIOMKB_PC_REQUIRES "")
else()
  set(EUIOMKB_PC_LIBS "-leuiomkb -lSQLiteCpp")
  set(EUIOMKB_PC_REQUIRES "sqlite3 spdlog libcrypto")
endif()
file(RELATIVE_PATH EUIOMKB_PC_TO_PREFIX /${CMAKE_INSTALL_LIBDIR}/pkgconfig /)
string(REGEX REPLACE "/$" "" EUIOMKB_PC_TO_PREFIX "${EUIOMKB_PC_TO_PREFIX}")
configure_file(cmake/euiomkb.pc.in ${PROJECT_BINARY_DIR}/euiomkb.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/euiomkb.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
        COMPONENT development)
