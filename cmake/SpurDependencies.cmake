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
# poppler's C++ library reads PDF reports for `spur import`; it ships only a pkg-config file.
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
  pkg_check_modules(POPPLER_CPP QUIET IMPORTED_TARGET GLOBAL poppler-cpp)
endif()
if(NOT TARGET PkgConfig::POPPLER_CPP)
  message(FATAL_ERROR
    "spur needs poppler-cpp, from the Debian packages libpoppler-cpp-dev and pkg-config, which "
    "are not installed. Run scripts/install-deps (it installs every package spur needs), then "
    "build again; or install them yourself: sudo apt-get install libpoppler-cpp-dev pkg-config")
endif()
