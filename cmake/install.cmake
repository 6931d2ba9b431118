# Install rules: the library and its public headers, the euiomkb tool (when built), the seeded
# database, the CMake package (find_package(euiomkb CONFIG), target euiomkb::euiomkb) and
# euiomkb.pc. Included from the top-level CMakeLists.txt when EUIOMKB_INSTALL is on.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(EUIOMKB_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/euiomkb)
# The seeded database, ready to open read-only: the build-time image, byte for byte.
set(EUIOMKB_DATABASE_DIR ${CMAKE_INSTALL_DATADIR}/euiomkb)

install(TARGETS euiomkb EXPORT euiomkbTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT development
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/euiomkb DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        COMPONENT development FILES_MATCHING PATTERN "*.hpp")
install(FILES ${PROJECT_BINARY_DIR}/generated/seed.db DESTINATION ${EUIOMKB_DATABASE_DIR}
        RENAME euiomkb.db COMPONENT runtime)
if(TARGET euiomkb_cli)
  install(TARGETS euiomkb_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT tool)
endif()

# The CMake package. The library links SQLiteCpp, SQLite, spdlog and OpenSSL's libcrypto
# privately; a static euiomkb still needs them at link time, so the package finds them.
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

# euiomkb.pc. Debian's SQLiteCpp is a static library without a .pc of its own, so -lSQLiteCpp
# is spelled out; sqlite3, spdlog and libcrypto bring theirs.
get_target_property(euiomkb_type euiomkb TYPE)
if(euiomkb_type STREQUAL "STATIC_LIBRARY")
  set(EUIOMKB_PC_LIBS "-leuiomkb -lSQLiteCpp")
  set(EUIOMKB_PC_REQUIRES "sqlite3 spdlog libcrypto")
  set(EUIOMKB_PC_REQUIRES_PRIVATE "")
else()
  set(EUIOMKB_PC_LIBS "-leuiomkb")
  set(EUIOMKB_PC_REQUIRES "")
  set(EUIOMKB_PC_REQUIRES_PRIVATE "sqlite3 spdlog libcrypto")
endif()
file(RELATIVE_PATH EUIOMKB_PC_TO_PREFIX /${CMAKE_INSTALL_LIBDIR}/pkgconfig /)
string(REGEX REPLACE "/$" "" EUIOMKB_PC_TO_PREFIX "${EUIOMKB_PC_TO_PREFIX}")
configure_file(cmake/euiomkb.pc.in ${PROJECT_BINARY_DIR}/euiomkb.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/euiomkb.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
        COMPONENT development)
