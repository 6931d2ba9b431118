// EUIOMKB_API marks the declarations that make up the library's binary interface.
//
// The shared library is compiled with hidden visibility (-fvisibility=hidden), so a class or
// function is callable from an application only when its declaration carries this mark; internal
// symbols stay private and the exported set is the public headers, nothing more. Exception
// classes carry it too, so that `catch (const euiomkb::Error&)` in an application matches what
// the library throws. In a static build the mark changes nothing.
#pragma once

#if defined(__GNUC__) || defined(__clang__)
#define EUIOMKB_API __attribute__((visibility("default")))
#else
#define EUIOMKB_API
#endif
