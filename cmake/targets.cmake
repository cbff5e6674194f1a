# How a library of dlmath becomes part of the installed CMake package. Included before the
# libraries are defined; each library's CMakeLists.txt calls these next to its add_library.
include(GNUInstallDirs)

# The headers include each other by their place in the source tree ("engine/tape.hpp"). Installed,
# that tree sits under <prefix>/include/dlmath, so both it and <prefix>/include are on the path:
# "engine/tape.hpp" and <dlmath/engine/tape.hpp> then both work. The build tree adds the
# configured headers (<dlmath/version.hpp>, <dlmath/dlmath.hpp>).
function(dlmath_public_includes target)
  target_include_directories(${target} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}>
    $<BUILD_INTERFACE:${PROJECT_BINARY_DIR}/include>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}/dlmath>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
endfunction()

# Installs `target` and exports it as dlmath::<name>; the same name works inside this build.
function(dlmath_export target name)
  set_target_properties(${target} PROPERTIES EXPORT_NAME ${name})
  # The headers need C++20 in the consumer's code too.
  target_compile_features(${target} INTERFACE cxx_std_20)
  add_library(dlmath::${name} ALIAS ${target})
  install(TARGETS ${target} EXPORT dlmathTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "STATIC_LIBRARY")
    set_property(GLOBAL APPEND PROPERTY DLMATH_STATIC_LIBRARIES ${target})
  endif()
endfunction()

# pkg_check_modules(<prefix> REQUIRED IMPORTED_TARGET <modules>), remembered so that the installed
# package (dlmathConfig.cmake, dlmath.pc) finds the same modules for a consumer. A macro, so that
# <prefix>_FOUND and the other results land in the caller's scope as before.
macro(dlmath_pkg_check_modules prefix)
  pkg_check_modules(${prefix} REQUIRED IMPORTED_TARGET ${ARGN})
  set(_dlmath_modules ${ARGN})
  list(JOIN _dlmath_modules "," _dlmath_modules)
  set_property(GLOBAL APPEND PROPERTY DLMATH_PKG_MODULES "${prefix}:${_dlmath_modules}")
endmacro()
