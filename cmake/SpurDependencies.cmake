# Every dependency is a Debian package (scripts/install-deps installs them all); all are found
# in CONFIG mode. A missing one stops the configure step with a message naming the package.

# spur_require(<cmake package> <Debian package> [version] [TARGETS target...]): find_package in
# CONFIG mode; when it (or one of the targets it should define) is missing, say which Debian
# package to install and that scripts/install-deps installs every one.
macro(spur_require _spur_pkg _spur_deb)
  cmake_parse_arguments(_spur_req "" "" "TARGETS" ${ARGN})
  find_package(${_spur_pkg} ${_spur_req_UNPARSED_ARGUMENTS} QUIET CONFIG)
  set(_spur_missing "")
  if(NOT ${_spur_pkg}_FOUND)
    set(_spur_missing "${_spur_pkg} ${_spur_req_UNPARSED_ARGUMENTS}")
  endif()
  foreach(_spur_target IN LISTS _spur_req_TARGETS)
    if(NOT _spur_missing AND NOT TARGET ${_spur_target})
      set(_spur_missing "${_spur_target}")
    endif()
  endforeach()
  if(_spur_missing)
    string(STRIP "${_spur_missing}" _spur_missing)
    message(FATAL_ERROR
      "spur needs ${_spur_missing}, from the Debian package ${_spur_deb}, which is not "
      "installed. Run scripts/install-deps (it installs every package spur needs), then build "
      "again; or install it yourself: sudo apt-get install ${_spur_deb}")
  endif()
endmacro()

spur_require(yaml-cpp libyaml-cpp-dev)
spur_require(spdlog libspdlog-dev)
spur_require(nlohmann_json nlohmann-json3-dev 3.10)
spur_require(Boost libboost-graph-dev 1.74)  # header-only Boost.Graph, private to lib/graph
if(NOT SPUR_BUILD_PYTHON OR PROJECT_IS_TOP_LEVEL)
  spur_require(CLI11 libcli11-dev)  # the command
endif()
if(SPUR_BUILD_TESTS)
  spur_require(GTest libgtest-dev TARGETS GTest::gtest_main)
  spur_require(GTest libgmock-dev TARGETS GTest::gmock)  # Debian ships gmock apart
  spur_require(benchmark libbenchmark-dev)
endif()
# Libraries that ship only a pkg-config file: poppler's C++ library reads PDF reports for
# `spur import`; cairo + pango draw PDF reports and libxlsxwriter writes Excel for
# `spur report` and `spur evaluate --format xlsx`.
# spur_require_pkg(<prefix> <Debian packages> <pkg-config modules...>)
macro(spur_require_pkg _spur_prefix _spur_debs)
  find_package(PkgConfig QUIET)
  if(PkgConfig_FOUND)
    pkg_check_modules(${_spur_prefix} QUIET IMPORTED_TARGET GLOBAL ${ARGN})
  endif()
  if(NOT TARGET PkgConfig::${_spur_prefix})
    message(FATAL_ERROR
      "spur needs ${ARGN}, from the Debian packages ${_spur_debs} pkg-config, which are not "
      "installed. Run scripts/install-deps (it installs every package spur needs), then build "
      "again; or install them yourself: sudo apt-get install ${_spur_debs} pkg-config")
  endif()
endmacro()
spur_require_pkg(POPPLER_CPP "libpoppler-cpp-dev" poppler-cpp)
spur_require_pkg(SPUR_PDF "libcairo2-dev libpango1.0-dev" cairo pangocairo)
spur_require_pkg(SPUR_XLSX "libxlsxwriter-dev" xlsxwriter)
