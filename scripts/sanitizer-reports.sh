# Sourced by scripts/test-asan.sh and scripts/test-tsan.sh (not run on its own).
# run_ctest_with_reports DIR LABEL [ctest arguments...]: runs ctest in the build directory (the
# current one) with an empty DIR for the sanitizer's reports (the tests' environment sends every
# report there, a child process's too); prints the reports and fails when there are any, and fails
# when ctest does.
run_ctest_with_reports() {
  local dir=$1 label=$2
  shift 2
  rm -rf "$dir" && mkdir "$dir"
  local status=0
  QTEST_DISABLE_STACK_DUMP=1 QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j 2 "$@" || status=$?
  local reports=("$dir"/report.*)
  if [ -e "${reports[0]}" ]; then
    cat "${reports[@]}"
    echo "$label: ${#reports[@]} process(es) reported, in $PWD/$dir/" >&2
    status=1
  fi
  return "$status"
}
