# Sanitizer and fuzzing builds, chosen by cache options rather than global flags:
#   -DSPUR_SANITIZE=address,undefined   ASan + UBSan, every report fatal
#   -DSPUR_SANITIZE=thread              ThreadSanitizer
#   -DSPUR_FUZZ=ON                      coverage for libFuzzer (clang), harnesses in tests/fuzz
# Each applies to everything built in this directory tree (library, command, tests).
if(SPUR_SANITIZE)
  if(SPUR_SANITIZE MATCHES "thread" AND SPUR_SANITIZE MATCHES "address")
    message(FATAL_ERROR "SPUR_SANITIZE: thread cannot be combined with address")
  endif()
  add_compile_options(-fsanitize=${SPUR_SANITIZE} -fno-sanitize-recover=all
                      -fno-omit-frame-pointer -g)
  add_link_options(-fsanitize=${SPUR_SANITIZE})
  message(STATUS "spur: building with -fsanitize=${SPUR_SANITIZE}")
endif()
if(SPUR_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "SPUR_FUZZ needs clang (libFuzzer): configure with CMAKE_CXX_COMPILER=clang++-14")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
