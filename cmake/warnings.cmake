# euiomkb_warnings(target): the project's warning set, PRIVATE to the target, as errors when
# EUIOMKB_WERROR is on (CI turns it on).
function(euiomkb_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                             -Wsign-conversion)
    if(EUIOMKB_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
endfunction()
