# `atbench --version`, `--help` and a bad command line must work on a machine without a display,
# as atbench-cli's do: run with DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM unset (a
# QGuiApplication would abort there: "could not connect to display").
set(env ${CMAKE_COMMAND} -E env --unset=DISPLAY --unset=WAYLAND_DISPLAY --unset=QT_QPA_PLATFORM)

execute_process(COMMAND ${env} ${GUI} --version OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT out MATCHES "^atbench ${VERSION}")
    message(FATAL_ERROR "atbench --version without a display: exit ${rc}, out '${out}', err '${err}'")
endif()

execute_process(COMMAND ${env} ${GUI} --help OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT out MATCHES "Usage: .*atbench" OR NOT out MATCHES "--screenshot" OR NOT out MATCHES "--simulator")
    message(FATAL_ERROR "atbench --help without a display: exit ${rc}, out '${out}', err '${err}'")
endif()

execute_process(COMMAND ${env} ${GUI} --frobnicate OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(rc EQUAL 0 OR NOT err MATCHES "frobnicate")
    message(FATAL_ERROR "atbench --frobnicate without a display: expected a clear error, got ${rc}: '${err}'")
endif()

execute_process(COMMAND ${env} ${GUI} --baud fast OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(rc EQUAL 0 OR NOT err MATCHES "invalid --baud")
    message(FATAL_ERROR "atbench --baud fast without a display: expected a clear error, got ${rc}: '${err}'")
endif()
message(STATUS "atbench --version, --help and bad options work without a display")
