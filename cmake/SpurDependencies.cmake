# Every dependency is a Debian package (see README); all are found in CONFIG mode.
find_package(yaml-cpp REQUIRED CONFIG)
find_package(spdlog REQUIRED CONFIG)
find_package(nlohmann_json 3.10 REQUIRED CONFIG)
find_package(Boost 1.74 REQUIRED CONFIG)  # header-only Boost.Graph, private to lib/graph
# Reports: PDF drawn with cairo and pango, Excel written with libxlsxwriter (Debian packages
# libcairo2-dev, libpango1.0-dev, libxlsxwriter-dev), found through pkg-config.
find_package(PkgConfig REQUIRED)
pkg_check_modules(SPUR_PDF REQUIRED IMPORTED_TARGET cairo pangocairo)
pkg_check_modules(SPUR_XLSX REQUIRED IMPORTED_TARGET xlsxwriter)
