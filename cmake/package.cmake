# The installed package: headers, the CMake package and pkg-config file, the umbrella targets,
# documents and the manual page, and the Debian package (cpack -G DEB). Included after every
# library is defined; the libraries themselves are installed next to their definitions
# (dlmath_export in cmake/targets.cmake).
include(CMakePackageConfigHelpers)

# dlmath::visual: the Graphviz drawings and, when built, the PLplot figures.
add_library(dlmath_visual INTERFACE)
target_link_libraries(dlmath_visual INTERFACE dlmath_graphviz)
if(TARGET dlmath_figures)
  target_link_libraries(dlmath_visual INTERFACE dlmath_figures)
endif()
dlmath_export(dlmath_visual visual)
# dlmath::dlmath: everything, for #include <dlmath/dlmath.hpp>.
add_library(dlmath_all INTERFACE)
target_link_libraries(dlmath_all INTERFACE dlmath_engine dlmath_ops dlmath_network dlmath_symbolic dlmath_visual)
dlmath_export(dlmath_all dlmath)
# The warnings are for our own sources only. The static libraries name this target as a private
# dependency, so CMake needs it in the export; there it appears as $<LINK_ONLY:...>, so its
# options never reach a consumer's code.
set_target_properties(dlmath_warnings PROPERTIES EXPORT_NAME warnings)
install(TARGETS dlmath_warnings EXPORT dlmathTargets)

# Configured headers: the version from project() and the umbrella header.
if(TARGET dlmath_figures)
  set(DLMATH_FIGURES_INCLUDE "#include \"visual/figures.hpp\"")
endif()
configure_file(cmake/version.hpp.in ${PROJECT_BINARY_DIR}/include/dlmath/version.hpp @ONLY)
configure_file(cmake/dlmath.hpp.in ${PROJECT_BINARY_DIR}/include/dlmath/dlmath.hpp @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/include/dlmath/version.hpp
              ${PROJECT_BINARY_DIR}/include/dlmath/dlmath.hpp
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/dlmath)
# Every library's headers keep their place in the source tree, under <prefix>/include/dlmath.
foreach(dir engine ops network symbolic visual)
  install(DIRECTORY ${dir} DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/dlmath
          FILES_MATCHING PATTERN "*.hpp" PATTERN "fuzz" EXCLUDE)
endforeach()
if(NOT TARGET dlmath_figures)
  install(CODE "file(REMOVE_RECURSE \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_INCLUDEDIR}/dlmath/visual/plot\" \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_INCLUDEDIR}/dlmath/visual/figures.hpp\")")
endif()

# The CMake package.
set(DLMATH_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/dlmath)
get_property(DLMATH_PKG_MODULES GLOBAL PROPERTY DLMATH_PKG_MODULES)
install(EXPORT dlmathTargets NAMESPACE dlmath:: DESTINATION ${DLMATH_CMAKE_DIR})
configure_package_config_file(cmake/dlmathConfig.cmake.in ${PROJECT_BINARY_DIR}/dlmathConfig.cmake
                              INSTALL_DESTINATION ${DLMATH_CMAKE_DIR})
# 0.x releases may change the interface from one minor version to the next.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/dlmathConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/dlmathConfig.cmake ${PROJECT_BINARY_DIR}/dlmathConfigVersion.cmake
        DESTINATION ${DLMATH_CMAKE_DIR})

# pkg-config: the static libraries from the top of the layers down, then what they use.
get_property(libraries GLOBAL PROPERTY DLMATH_STATIC_LIBRARIES)
list(REVERSE libraries)
list(TRANSFORM libraries PREPEND "-l")
list(JOIN libraries " " DLMATH_PC_LIBS)
set(DLMATH_PC_REQUIRES "")
foreach(entry IN LISTS DLMATH_PKG_MODULES)
  string(REGEX REPLACE "^[^:]*:" "" modules "${entry}")
  string(REPLACE "," " " modules "${modules}")
  string(APPEND DLMATH_PC_REQUIRES " ${modules}")
endforeach()
string(APPEND DLMATH_PC_REQUIRES " nlohmann_json")
string(STRIP "${DLMATH_PC_REQUIRES}" DLMATH_PC_REQUIRES)
# The .pc file finds the prefix from its own place, so the installed tree can move.
file(RELATIVE_PATH DLMATH_PC_PREFIX /${CMAKE_INSTALL_LIBDIR}/pkgconfig /)
string(REGEX REPLACE "/$" "" DLMATH_PC_PREFIX "${DLMATH_PC_PREFIX}")
configure_file(cmake/dlmath.pc.in ${PROJECT_BINARY_DIR}/dlmath.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/dlmath.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

# Documents, the licence, the library examples and the manual page.
install(FILES README.md LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright)
install(DIRECTORY docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR} FILES_MATCHING PATTERN "*.md" PATTERN "*.png")
install(DIRECTORY examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples FILES_MATCHING PATTERN "*.cpp")
if(TARGET dlmath)
  # The manual page gets the version from project(); Debian keeps manual pages compressed.
  configure_file(docs/dlmath.1 ${PROJECT_BINARY_DIR}/man/dlmath.1 @ONLY)
  add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/man/dlmath.1.gz
                     COMMAND gzip -9 -n -k -f dlmath.1
                     WORKING_DIRECTORY ${PROJECT_BINARY_DIR}/man
                     DEPENDS ${PROJECT_BINARY_DIR}/man/dlmath.1 VERBATIM)
  add_custom_target(dlmath_manual ALL DEPENDS ${PROJECT_BINARY_DIR}/man/dlmath.1.gz)
  install(FILES ${PROJECT_BINARY_DIR}/man/dlmath.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  install(TARGETS dlmath RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  # The rest of the commands, which dlmath runs in its place (cli/dlmath.cpp).
  install(TARGETS dlmath-full RUNTIME DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/dlmath)
endif()

# cpack -G DEB (from the build directory): one package with the command, the libraries, the
# headers, the documents and the manual page.
set(CPACK_PACKAGE_NAME dlmath)
set(CPACK_PACKAGE_VENDOR "the dlmath authors")
set(CPACK_PACKAGE_CONTACT "the dlmath authors <dlmath@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "the mathematics behind deep learning, number by number")
set(CPACK_PACKAGE_DESCRIPTION "dlmath records expressions as a graph of scalar nodes and \
differentiates them by one reverse sweep, in double or at 50, 100 or any number of digits. \
It follows Higham & Higham's introduction to deep learning: the sigmoid, layers, the 2-2-3-2 \
network, its cost and its training by stochastic gradient descent, in a nine-chapter tutorial, \
a command, and a C++ library with its CMake package.")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
# The shared libraries the command loads, with versions, from dpkg-shlibdeps (Graphviz's layout
# and render plugins come with libgvc6). PLplot's cairo driver is loaded at run time from a
# package of its own, which dpkg-shlibdeps cannot see: it is named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "")
if(TARGET dlmath_figures)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "plplot-driver-cairo")
endif()
# What a program built on the headers and libraries compiles and links against.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "g++, cmake, pkg-config, libboost-dev, libmpfr-dev, libgmp-dev, nlohmann-json3-dev, libgraphviz-dev")
if(TARGET dlmath_figures)
  string(APPEND CPACK_DEBIAN_PACKAGE_RECOMMENDS ", libplplot-dev")
endif()
include(CPack)
