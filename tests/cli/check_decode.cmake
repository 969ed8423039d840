# Runs `atbench-cli decode` on every capture in DATA and compares with the .jsonl next to it.
# Also checks that bad input fails clearly. Regenerate an expectation only on purpose:
#   atbench-cli decode [--dialect beken] X.bin > X.jsonl   (then review the diff)
file(GLOB captures ${DATA}/*.bin)
foreach(cap ${captures})
    get_filename_component(base ${cap} NAME_WE)
    set(dialect esp)
    if(base MATCHES "^beken")
        set(dialect beken)
    endif()
    execute_process(COMMAND ${CLI} decode --dialect ${dialect} ${cap}
        OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "decode ${base}: exit ${rc}: ${err}")
    endif()
    file(READ ${DATA}/${base}.jsonl expected)
    if(NOT out STREQUAL expected)
        file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/${base}.actual.jsonl "${out}")
        message(FATAL_ERROR "decode ${base}: output differs from ${base}.jsonl\n--- actual:\n${out}\n--- expected:\n${expected}")
    endif()
    message(STATUS "decode ${base}: ok")
endforeach()

# A recording (docs/recording.md; here the simulator's checked-in one): events with t_us, the
# host's writes as kind "host", the dialect from the header.
execute_process(COMMAND ${CLI} decode ${DATA}/../sim/esp_session.record.jsonl
    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
file(READ ${DATA}/recordings/esp_session.decoded.jsonl expected)
if(NOT rc EQUAL 0 OR NOT out STREQUAL expected)
    file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/esp_session.decoded.actual.jsonl "${out}")
    message(FATAL_ERROR "decode of a recording differs from recordings/esp_session.decoded.jsonl (${rc}: ${err})\n${out}")
endif()
if(NOT out MATCHES "\"kind\":\"host\",\"t_us\":[0-9]+,\"text\":\"ATE0\"")
    message(FATAL_ERROR "decode of a recording: no host line with t_us")
endif()
message(STATUS "decode recording: ok")

# stdin
execute_process(COMMAND ${CLI} decode - INPUT_FILE ${DATA}/esp_basics.bin OUTPUT_VARIABLE out RESULT_VARIABLE rc)
file(READ ${DATA}/esp_basics.jsonl expected)
if(NOT rc EQUAL 0 OR NOT out STREQUAL expected)
    message(FATAL_ERROR "decode from stdin differs")
endif()

# bad input: clear message, non-zero exit
execute_process(COMMAND ${CLI} decode /nonexistent/capture.bin ERROR_VARIABLE err RESULT_VARIABLE rc)
if(rc EQUAL 0 OR NOT err MATCHES "cannot open")
    message(FATAL_ERROR "missing file: expected failure with 'cannot open', got ${rc}: ${err}")
endif()
execute_process(COMMAND ${CLI} decode --dialect klingon ${DATA}/esp_basics.bin ERROR_VARIABLE err RESULT_VARIABLE rc)
if(rc EQUAL 0 OR NOT err MATCHES "unknown dialect")
    message(FATAL_ERROR "unknown dialect: expected failure, got ${rc}: ${err}")
endif()
execute_process(COMMAND ${CLI} frobnicate ERROR_VARIABLE err RESULT_VARIABLE rc)
if(rc EQUAL 0)
    message(FATAL_ERROR "unknown command must fail")
endif()
message(STATUS "decode: all checks passed")
