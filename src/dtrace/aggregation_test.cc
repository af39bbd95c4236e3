// Aggregation output byte for byte against the reference's quoted outputs
// (section 2.6-2.8 and the DU expected-output files it cites).
#include "dtrace/aggregation.h"

#include <gtest/gtest.h>

#include "dtrace/test_harness.h"

namespace sct::dtrace {
namespace {

using testing::DRun;
using testing::testing_options;

TEST(DAggFormat, ScalarCountPrintedByPrintaInQuiet) {
  // DU printa/tst.def.r: "$" "                1$" "$"
  DRun r("BEGIN { @a = count(); printa(@a); exit(0); }", testing_options(true));
  r.begin();
  EXPECT_EQ(r.finish(), "\n                1\n\n");
}

TEST(DAggFormat, StringKeysSortedByValueAtExit) {
  DRun r("syscall:::entry { @[probefunc] = count(); }", testing_options(true));
  for (int i = 0; i < 12; ++i) r.entry(0, {});
  r.entry(3, {});
  EXPECT_EQ(r.finish(),
            "\n"
            "  close                                                             1\n"
            "  read                                                             12\n");
}

TEST(DAggFormat, KeyWidthsBySize) {
  DRun r("BEGIN { @a[(char)-2] = sum(-2); @b[(short)-2] = sum(-2); @c[(int)-2] = sum(-2); @d[(long long)-2] = sum(-2); @e = sum(42); @f[1234] = count(); }",
         testing_options(true));
  r.begin();
  EXPECT_EQ(r.finish(),
            "\n"
            " 254               -2\n"
            " 65534               -2\n"
            "       -2               -2\n"
            "               -2               -2\n"
            "               42\n"
            "     1234                1\n");
}

TEST(DAggFormat, Quantize) {
  DRun r("BEGIN { @[\"read\"] = quantize(1500); @[\"read\"] = quantize(1024); @[\"read\"] = quantize(1100); @[\"read\"] = quantize(1800); "
         "@[\"read\"] = quantize(2048); @[\"read\"] = quantize(3000); @[\"read\"] = quantize(4000); @[\"read\"] = quantize(2000); }",
         testing_options(true));
  r.begin();
  EXPECT_EQ(r.finish(),
            "\n"
            "  read                                              \n"
            "           value  ------------- Distribution ------------- count    \n"
            "             512 |                                         0        \n"
            "            1024 |@@@@@@@@@@@@@@@@@@@@@@@@@                5        \n"
            "            2048 |@@@@@@@@@@@@@@@                          3        \n"
            "            4096 |                                         0        \n"
            "\n");
}

TEST(DAggFormat, MultiAggsScalarsThenHistograms) {
  // After DU aggs/tst.multiaggs2.r (quiet; avg/sum/min/max, quantize, lquantize).
  std::string prog = "BEGIN { ";
  for (int v : {0, 100, 200, 300, 400, 500, 600, 700, 800, 900}) {
    std::string s = std::to_string(v);
    prog += "@a = avg(" + s + "); @b = sum(" + s + "); @c = min(" + s + "); @d = max(" + s + "); ";
  }
  prog += "@e = quantize(0); @f = lquantize(0, 0, 1000, 100); exit(0); }";
  DRun r(prog, testing_options(true));
  r.begin();
  EXPECT_EQ(r.finish(),
            "\n"
            "              450\n"
            "             4500\n"
            "                0\n"
            "              900\n"
            "\n"
            "           value  ------------- Distribution ------------- count    \n"
            "              -1 |                                         0        \n"
            "               0 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@ 1        \n"
            "               1 |                                         0        \n"
            "\n"
            "\n"
            "           value  ------------- Distribution ------------- count    \n"
            "             < 0 |                                         0        \n"
            "               0 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@ 1        \n"
            "             100 |                                         0        \n"
            "\n");
}

TEST(DAggFormat, LquantizeOverflowLabel) {
  DRun r("BEGIN { @ = lquantize(5000, 0, 1000, 100); }", testing_options(true));
  r.begin();
  EXPECT_EQ(r.finish(),
            "\n"
            "\n"
            "           value  ------------- Distribution ------------- count    \n"
            "             900 |                                         0        \n"
            "         >= 1000 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@ 1        \n"
            "\n");
}

TEST(DAggFormat, LlquantizeKeyed) {
  // DU aggs/tst.llquantsortkey.r shape: key line, then the block.
  DRun r("BEGIN { @[\"Alfalfa\"] = llquantize(2, 10, 0, 1, 10); }", testing_options(true));
  for (int i = 0; i < 99; ++i) r.interp->fire(r.base(1));
  r.begin();
  EXPECT_EQ(r.finish(),
            "\n"
            "  Alfalfa                                           \n"
            "           value  ------------- Distribution ------------- count    \n"
            "               1 |                                         0        \n"
            "               2 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@ 100      \n"
            "               3 |                                         0        \n"
            "\n");
}

TEST(DAggFormat, PrintaFormattedAndNotPrintedAgain) {
  DRun r("syscall:::entry { @c[probefunc] = count(); } END { printf(\"\\n%-32s %16s\\n\", \"CALL\", \"COUNT\"); printa(\"%-32s %@16d\\n\", @c); }",
         testing_options(true));
  r.entry(0, {});
  r.entry(0, {});
  r.entry(0, {});
  r.entry(3, {});
  EXPECT_EQ(r.finish(),
            "\n"
            "CALL                                        COUNT\n"
            "close                                           1\n"
            "read                                            3\n"
            "\n");
}

TEST(DAggFormat, EndPrintaNonQuiet) {
  // Reference 2.10: the :END prefix line, printa's "\n", rows, end-of-record
  // "\n", then the exit "\n".
  DRun r("syscall:::entry { @[probefunc] = sum(2); } END { printa(@); }");
  r.entry(0, {});
  EXPECT_EQ(r.finish(),
            "                   FUNCTION:NAME\n"
            "                            :END \n"
            "  read                                                              2\n"
            "\n"
            "\n");
}

TEST(DAggFormat, StddevAndClear) {
  DRun r("BEGIN { @s = stddev(2); @s = stddev(4); @s = stddev(4); @s = stddev(4); @s = stddev(5); @s = stddev(5); @s = stddev(7);"
         " @s = stddev(9); @c[\"a\"] = count(); printa(@s); clear(@c); printa(@c); }",
         testing_options(true));
  r.begin();
  EXPECT_EQ(r.output.stdout_text, "\n                2\n\n  a                                                                 0\n");
}

TEST(DAggFormat, BucketFunctions) {
  EXPECT_EQ(quantize_bucket(0), 63u);
  EXPECT_EQ(quantize_bucket(1), 64u);
  EXPECT_EQ(quantize_bucket(3), 65u);
  EXPECT_EQ(quantize_bucket(-1), 62u);
  EXPECT_EQ(quantize_bucket(-3), 61u);
  EXPECT_EQ(quantize_bucket_value(61), -2);
  EXPECT_EQ(lquantize_bucket(-1, 0, 10, 10), 0u);
  EXPECT_EQ(lquantize_bucket(15, 0, 10, 10), 2u);
  EXPECT_EQ(lquantize_bucket(1000, 0, 10, 10), 11u);
  EXPECT_EQ(stddev_value({8, 40, 232, 0}), 2u);
}

TEST(DAggFormat, TruncKeepsLargest) {
  DRun r("BEGIN { @[1] = sum(5); @[2] = sum(1); @[3] = sum(9); trunc(@, 2); }", testing_options(true));
  r.begin();
  EXPECT_EQ(r.finish(),
            "\n"
            "        1                5\n"
            "        3                9\n");
}

}  // namespace
}  // namespace sct::dtrace
