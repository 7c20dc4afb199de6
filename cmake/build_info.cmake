# Writes build_info.hpp with the version and the current git commit (script mode, run at every
# build so that outputs never carry a stale commit; the file is only touched when it changes):
# cmake -DSOURCE_DIR=... -DINPUT=build_info.hpp.in -DOUTPUT=... -DPROJECT_VERSION=... -P build_info.cmake
execute_process(COMMAND git rev-parse --short=12 HEAD WORKING_DIRECTORY ${SOURCE_DIR}
                OUTPUT_VARIABLE UNREST_GIT_COMMIT OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET
                RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR NOT UNREST_GIT_COMMIT)
  set(UNREST_GIT_COMMIT "unknown")
endif()
configure_file(${INPUT} ${OUTPUT}.new @ONLY)
file(COPY_FILE ${OUTPUT}.new ${OUTPUT} ONLY_IF_DIFFERENT)
file(REMOVE ${OUTPUT}.new)
