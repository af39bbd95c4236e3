#include <gtest/gtest.h>
#include "core/value.h"
TEST(Value, Builders) { auto v = sct::Value::structure(); v.add("a", sct::Value::integer(1)); EXPECT_EQ(v.fields.size(), 1u); }
