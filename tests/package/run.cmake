# Installs the build tree into a scratch prefix, then configures, builds and runs the consumer
# against it. Called by ctest with -DSPUR_BUILD_DIR, -DSPUR_SOURCE_DIR and -DWORK_DIR.
file(REMOVE_RECURSE "${WORK_DIR}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${SPUR_BUILD_DIR}" --prefix "${WORK_DIR}/prefix"
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(rc)
  message(FATAL_ERROR "install failed: ${rc}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" -S "${SPUR_SOURCE_DIR}/tests/package" -B "${WORK_DIR}/build"
                        -G "${GENERATOR}" "-DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix"
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "configuring the consumer failed: ${rc}")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${WORK_DIR}/build" RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "building the consumer failed: ${rc}")
endif()
execute_process(COMMAND "${WORK_DIR}/build/consumer" "${WORK_DIR}/prefix/share/spur/rules"
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "the consumer failed: ${rc}")
endif()
# The installed command finds the rules installed beside it.
execute_process(COMMAND "${WORK_DIR}/prefix/bin/spur" validate RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "the installed spur could not validate its bundled rules: ${rc}")
endif()
