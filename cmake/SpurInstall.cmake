include(CMakePackageConfigHelpers)

install(TARGETS spur spur_cli EXPORT spurTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/spur DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY rules/ DESTINATION ${SPUR_INSTALL_RULESDIR}
        FILES_MATCHING PATTERN "*.yaml")
install(EXPORT spurTargets NAMESPACE spur:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/spur)

configure_package_config_file(cmake/spurConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/spurConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/spur
  PATH_VARS SPUR_INSTALL_RULESDIR)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/spurConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/spurConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/spurConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/spur)
