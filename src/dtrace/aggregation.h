// Aggregations: the in-memory equivalent of DTrace's per-CPU aggregation
// buffers, with the kernel's bucketing (dtrace.c) and libdtrace's sorting
// (dt_aggregate.c) and printing (dt_consume.c) as the reference quotes them.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "dtrace/d_value.h"
#include "dtrace/printf_format.h"
#include "dtrace/program.h"

namespace sct::dtrace {

struct AggEntry {
  std::vector<TypedValue> key;
  std::vector<int64_t> data;  // layout by function, see aggregation.cc
};

struct AggSortOptions {
  bool by_key = false;   // -x aggsortkey
  bool reverse = false;  // -x aggsortrev
};

class Aggregation {
 public:
  Aggregation(const AggInfo& info, size_t strsize) : info_(info), strsize_(strsize) {}

  // value: the function's first argument (unused by count); incr: the
  // optional increment of quantize/lquantize (1 by default).
  void apply(const std::vector<TypedValue>& key, int64_t value, int64_t incr);
  void clear();                 // clear(): zero every value, keep the keys
  void truncate(int64_t keep);  // trunc(@, n): keep the n largest (n < 0: the n smallest); trunc(@): none

  // Entries in printing order.
  std::vector<const AggEntry*> sorted(const AggSortOptions& opt) const;

  // The default rows (dt_print_aggs): keys, value, "\n" per entry.
  std::string print_default(const AggSortOptions& opt) const;
  // printa(fmt, @): the format applied once per entry.
  std::string print_formatted(const ParsedFormat& fmt, const AggSortOptions& opt) const;

  const AggInfo& info() const { return info_; }
  bool printed = false;  // printed by printa(): not printed again at exit
  bool empty() const { return entries_.empty(); }

 private:
  std::string value_output(const AggEntry& e) const;
  std::string histogram(const AggEntry& e) const;
  long double sort_value(const AggEntry& e) const;
  int64_t zero_bucket(const AggEntry& e) const;
  int compare(const AggEntry& a, const AggEntry& b, const AggSortOptions& opt) const;

  const AggInfo& info_;
  size_t strsize_;
  std::map<std::string, AggEntry> entries_;  // by serialized key
};

// Kernel bucket functions, exposed for tests.
size_t quantize_bucket(int64_t v);
int64_t quantize_bucket_value(size_t b);
size_t lquantize_bucket(int64_t v, int64_t base, int64_t step, int64_t levels);
size_t llquantize_bucket(int64_t factor, int64_t low, int64_t high, int64_t nsteps, int64_t v);
// The integer standard deviation libdtrace prints (dt_stddev).
uint64_t stddev_value(const std::vector<int64_t>& data);

// Compares key fields as dt_aggregate_keycmp: by record size, then unsigned
// integers, or bytes of the zero-padded string record.
int compare_keys(const std::vector<TypedValue>& a, const std::vector<TypedValue>& b, size_t strsize);

}  // namespace sct::dtrace
