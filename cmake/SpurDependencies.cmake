# Every dependency is a Debian package (see README); all but poppler are found in CONFIG mode.
find_package(yaml-cpp REQUIRED CONFIG)
find_package(spdlog REQUIRED CONFIG)
find_package(nlohmann_json 3.10 REQUIRED CONFIG)
find_package(Boost 1.74 REQUIRED CONFIG)  # header-only Boost.Graph, private to lib/graph
# poppler's C++ library (libpoppler-cpp-dev) reads PDF reports for `spur import`; it ships
# only a pkg-config file.
find_package(PkgConfig REQUIRED)
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET GLOBAL poppler-cpp)
