# What a C++ user does with an installed spur, away from the source tree: installs the build tree
# into a scratch prefix and moves the prefix elsewhere (so nothing may depend on the prefix spur
# was configured with), copies this consumer project out of the source tree, builds it with
# find_package(spur) through CMAKE_PREFIX_PATH, and runs it: RuleBook::bundled() must load the
# rules of the moved prefix, not those of the source tree, and so must the installed command;
# and where a private mount namespace is allowed, it does so with the source rules hidden.
# Called by ctest with -DSPUR_BUILD_DIR, -DSPUR_SOURCE_DIR, -DWORK_DIR and -DGENERATOR.
file(REMOVE_RECURSE "${WORK_DIR}")

function(run what)
  cmake_parse_arguments(arg "" "OUTPUT" "COMMAND" ${ARGN})
  # SPUR_RULES would take precedence over everything the test is about.
  execute_process(COMMAND "${CMAKE_COMMAND}" -E env --unset=SPUR_RULES ${arg_COMMAND}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(rc)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}${err}")
  endif()
  if(arg_OUTPUT)
    set(${arg_OUTPUT} "${out}" PARENT_SCOPE)
  endif()
endfunction()

function(expect_rules_from prefix output what)
  set(expected "${prefix}/share/spur/rules")
  if(NOT output MATCHES "(^|[ \n])${expected}[:\n]")
    message(FATAL_ERROR "${what} did not load the rules of the installed spur (${expected}):\n"
                        "${output}")
  endif()
endfunction()

run("installing spur" COMMAND "${CMAKE_COMMAND}" --install "${SPUR_BUILD_DIR}"
                              --prefix "${WORK_DIR}/staging")
set(prefix "${WORK_DIR}/moved/spur prefix")  # a space, as in many users' paths
file(MAKE_DIRECTORY "${WORK_DIR}/moved")
file(RENAME "${WORK_DIR}/staging" "${prefix}")
foreach(installed bin/spur lib/cmake/spur/spurConfig.cmake share/spur/rules/spur-st/model.yaml)
  if(NOT EXISTS "${prefix}/${installed}")
    message(FATAL_ERROR "the install has no ${installed}")
  endif()
endforeach()

file(COPY "${SPUR_SOURCE_DIR}/tests/package/CMakeLists.txt" "${SPUR_SOURCE_DIR}/tests/package/main.cpp"
     DESTINATION "${WORK_DIR}/consumer-source")
run("configuring the consumer"
    COMMAND "${CMAKE_COMMAND}" -S "${WORK_DIR}/consumer-source" -B "${WORK_DIR}/consumer-build"
            -G "${GENERATOR}" "-DCMAKE_PREFIX_PATH=${prefix}")
run("building the consumer" COMMAND "${CMAKE_COMMAND}" --build "${WORK_DIR}/consumer-build")

# The consumer, run where it was built and from another folder, finds the installed rules itself.
run("the consumer" COMMAND "${WORK_DIR}/consumer-build/consumer" OUTPUT out)
expect_rules_from("${prefix}" "${out}" "RuleBook::bundled() in the consumer")
file(COPY "${WORK_DIR}/consumer-build/consumer" DESTINATION "${WORK_DIR}/elsewhere")
run("the consumer copied elsewhere" COMMAND "${WORK_DIR}/elsewhere/consumer" OUTPUT out)
expect_rules_from("${prefix}" "${out}" "RuleBook::bundled() in the copied consumer")
# Given a rules directory, it loads that one.
run("the consumer given the rules" COMMAND "${WORK_DIR}/consumer-build/consumer"
                                           "${prefix}/share/spur/rules")

# As after the source tree is removed: where the system allows a private mount namespace
# (unshare), run the consumer with the source tree's rules hidden under an empty folder; then
# with the installed rules hidden too, when it must fail and say where it looked.
# (The script has no semicolons: it is a CMake list element.)
set(hide sh -c [[
e=$1 && shift
while [ "$1" != -- ]
do mount --bind "$e" "$1" || exit 99
   shift
done
shift && exec "$@"]] hide)
file(MAKE_DIRECTORY "${WORK_DIR}/empty")
find_program(UNSHARE unshare)
if(UNSHARE)
  execute_process(COMMAND "${UNSHARE}" -rm ${hide} "${WORK_DIR}/empty" "${SPUR_SOURCE_DIR}/rules" -- true
                  RESULT_VARIABLE can_hide OUTPUT_QUIET ERROR_QUIET)
endif()
if(UNSHARE AND can_hide EQUAL 0)
  run("the consumer without the source rules" OUTPUT out
      COMMAND "${UNSHARE}" -rm ${hide} "${WORK_DIR}/empty" "${SPUR_SOURCE_DIR}/rules"
              -- "${WORK_DIR}/elsewhere/consumer")
  expect_rules_from("${prefix}" "${out}" "RuleBook::bundled() without the source rules")
  execute_process(COMMAND "${CMAKE_COMMAND}" -E env --unset=SPUR_RULES "${UNSHARE}" -rm ${hide}
                          "${WORK_DIR}/empty" "${SPUR_SOURCE_DIR}/rules" "${prefix}/share/spur/rules"
                          -- "${WORK_DIR}/elsewhere/consumer"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 1 OR NOT err MATCHES "cannot find the bundled rules; give --rules DIR or set SPUR_RULES")
    message(FATAL_ERROR "without any rules the consumer should fail saying so (${rc}):\n${out}${err}")
  endif()
else()
  message(STATUS "no private mount namespace here (unshare): the source rules were not hidden; "
                 "the checks above show which rules were loaded")
endif()

# The installed command finds the rules installed beside it.
run("the installed spur validate" COMMAND "${prefix}/bin/spur" validate OUTPUT out)
expect_rules_from("${prefix}" "${out}" "the installed spur command")
