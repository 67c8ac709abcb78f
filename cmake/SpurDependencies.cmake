# Every dependency is a Debian package (see README); all are found in CONFIG mode.
find_package(yaml-cpp REQUIRED CONFIG)
find_package(spdlog REQUIRED CONFIG)
find_package(nlohmann_json 3.10 REQUIRED CONFIG)
find_package(Boost 1.74 REQUIRED CONFIG)  # header-only Boost.Graph, private to lib/graph
