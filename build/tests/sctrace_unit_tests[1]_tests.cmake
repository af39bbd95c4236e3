add_test([=[Value.Builders]=]  /work/main/build/tests/sctrace_unit_tests [==[--gtest_filter=Value.Builders]==] --gtest_also_run_disabled_tests)
set_tests_properties([=[Value.Builders]=]  PROPERTIES WORKING_DIRECTORY /work/main/build/tests SKIP_REGULAR_EXPRESSION [==[\[  SKIPPED \]]==])
set(  sctrace_unit_tests_TESTS Value.Builders)
