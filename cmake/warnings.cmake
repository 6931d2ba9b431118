# euiomkb_warnings(target): the project's warning set, PRIVATE to the target, as errors when
# EUIOMKB_WERROR is on (CI turns it on).
function(euiomkb_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                             -Wsign-conversion)
    if(EUIOMKB_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
    # GCC 12 at -O3 (Release) reports -Wrestrict on ordinary std::string concatenation inlined
    # from libstdc++ (GCC bug 105329: "void* __builtin_memcpy ... may overlap up to
    # 9223372036854775813 bytes"); it is fixed in GCC 13. Off for GCC 12 only, so that the
    # Release presets build with warnings as errors.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
       AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
      target_compile_options(${target} PRIVATE -Wno-restrict)
    endif()
  endif()
endfunction()
