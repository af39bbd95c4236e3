// Data layouts (int64 words), as the kernel keeps them:
//   count: [n]   sum: [s]   min/max: [v]   avg: [n, s]
//   stddev: [n, s, sum of squares as 128 bits: low, high]
//   quantize: 127 buckets (zero bucket 63); lquantize: levels + 2 buckets
//   (underflow first, overflow last); llquantize: nbuckets.
#include "dtrace/aggregation.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "dtrace/record_format.h"

namespace sct::dtrace {

namespace {

constexpr size_t kQuantizeBuckets = 127;
constexpr size_t kQuantizeZero = 63;

unsigned __int128 sumsq(const std::vector<int64_t>& d) { return (unsigned __int128)uint64_t(d[3]) << 64 | uint64_t(d[2]); }

// dt_print_quantline for counts that are all >= 0 (or all <= 0).
std::string quantline(int64_t val, long double total, bool positives, bool negatives) {
  static const std::string ats(40, '@'), spaces(40, ' ');
  unsigned depth = 0;
  if (!negatives) {
    if (positives) depth = unsigned((std::fabs((long double)val) * 40) / total + 0.5L);
    return fmt::format("|{}{} {:<9}\n", ats.substr(40 - depth), spaces.substr(depth), val);
  }
  if (!positives) {
    depth = unsigned((std::fabs((long double)val) * 40) / total + 0.5L);
    return fmt::format("{}{}| {:<9}\n", spaces.substr(depth), ats.substr(40 - depth), val);
  }
  // Mixed signs: half-width bars either side of a centre line.
  unsigned len = 20;
  depth = unsigned((std::fabs((long double)val) * len) / total + 0.5L);
  std::string half_sp(len, ' '), half_at(len, '@');
  if (val <= 0)
    return fmt::format("{}{}|{} {:<9}\n", half_sp.substr(depth), half_at.substr(len - depth), half_sp, val);
  return fmt::format("{}|{}{} {:<9}\n", half_sp, half_at.substr(len - depth), half_sp.substr(depth), val);
}

const char* kHistHeader = "\n           value  ------------- Distribution ------------- count    \n";

}  // namespace

size_t quantize_bucket(int64_t v) {
  if (v == 0) return kQuantizeZero;
  if (v > 0) {
    size_t b = kQuantizeZero + 1;
    for (int bit = 62; bit >= 0; --bit)
      if (uint64_t(v) >> bit) return b + size_t(bit);
    return b;
  }
  // v < 0: the first bucket i with v <= BUCKETVAL(i).
  for (size_t i = 0; i < kQuantizeZero; ++i)
    if (v <= quantize_bucket_value(i)) return i;
  return kQuantizeZero - 1;
}

int64_t quantize_bucket_value(size_t b) {
  if (b < kQuantizeZero) return -(int64_t(1) << (62 - b));
  if (b == kQuantizeZero) return 0;
  return int64_t(1) << (b - 64);
}

size_t lquantize_bucket(int64_t v, int64_t base, int64_t step, int64_t levels) {
  int32_t val = int32_t(v);
  if (val < base) return 0;
  int64_t level = (int64_t(val) - base) / step;
  if (level < levels) return size_t(level + 1);
  return size_t(levels + 1);
}

size_t llquantize_bucket(int64_t factor, int64_t low, int64_t high, int64_t nsteps, int64_t value) {
  int64_t cur = 1, last, next;
  int64_t base = 1;
  int64_t order;
  for (order = 0; order < low; ++order) cur *= factor;
  if (value < (last = cur)) return 0;
  for (cur *= factor; order <= high; ++order) {
    int64_t nbuckets = cur > nsteps ? nsteps : cur;
    if ((next = cur * factor) < cur) value = cur - 1;  // 64-bit overflow: clamp
    if (value < cur) return size_t(base + (value - last) / (cur / nbuckets));
    base += nbuckets - (nbuckets / factor);
    last = cur;
    cur = next;
  }
  return size_t(base);
}

uint64_t stddev_value(const std::vector<int64_t>& d) {
  if (d[0] == 0) return 0;
  unsigned __int128 avg_sq = sumsq(d) / uint64_t(d[0]);
  int64_t avg = d[1] / d[0];
  if (avg < 0) avg = -avg;
  unsigned __int128 sq_avg = (unsigned __int128)uint64_t(avg) * uint64_t(avg);
  unsigned __int128 diff = avg_sq - sq_avg;
  // Integer square root.
  unsigned __int128 lo = 0, hi = (unsigned __int128)1 << 64;
  while (lo < hi) {
    unsigned __int128 mid = (lo + hi + 1) / 2;
    if (mid * mid <= diff) lo = mid;
    else hi = mid - 1;
  }
  return uint64_t(lo);
}

void Aggregation::apply(const std::vector<TypedValue>& key, int64_t value, int64_t incr) {
  std::string k = serialize_key(key);
  auto it = entries_.find(k);
  if (it == entries_.end()) {
    AggEntry e;
    e.key = key;
    switch (info_.func) {
      case AggFunc::Min: e.data = {INT64_MAX}; break;
      case AggFunc::Max: e.data = {INT64_MIN}; break;
      case AggFunc::Avg: e.data = {0, 0}; break;
      case AggFunc::Stddev: e.data = {0, 0, 0, 0}; break;
      case AggFunc::Quantize: case AggFunc::Lquantize: case AggFunc::Llquantize: e.data.assign(info_.nbuckets, 0); break;
      default: e.data = {0}; break;
    }
    it = entries_.emplace(k, std::move(e)).first;
  }
  std::vector<int64_t>& d = it->second.data;
  switch (info_.func) {
    case AggFunc::Count: d[0] += 1; break;
    case AggFunc::Sum: d[0] += value; break;
    case AggFunc::Min: d[0] = std::min(d[0], value); break;
    case AggFunc::Max: d[0] = std::max(d[0], value); break;
    case AggFunc::Avg: d[0] += 1, d[1] += value; break;
    case AggFunc::Stddev: {
      d[0] += 1;
      d[1] += value;
      uint64_t mag = value < 0 ? uint64_t(0) - uint64_t(value) : uint64_t(value);
      unsigned __int128 s = sumsq(d) + (unsigned __int128)mag * mag;
      d[2] = int64_t(uint64_t(s));
      d[3] = int64_t(uint64_t(s >> 64));
      break;
    }
    case AggFunc::Quantize: d[quantize_bucket(value)] += incr; break;
    case AggFunc::Lquantize: {
      int64_t levels = int64_t(info_.nbuckets) - 2;
      d[lquantize_bucket(value, info_.params[0], info_.params[2], levels)] += incr;
      break;
    }
    case AggFunc::Llquantize:
      d[std::min(info_.nbuckets - 1, llquantize_bucket(info_.params[0], info_.params[1], info_.params[2], info_.params[3], value))] += incr;
      break;
  }
}

void Aggregation::clear() {
  for (auto& [k, e] : entries_) {
    std::fill(e.data.begin(), e.data.end(), 0);
    if (info_.func == AggFunc::Min) e.data[0] = INT64_MAX;
    if (info_.func == AggFunc::Max) e.data[0] = INT64_MIN;
  }
}

void Aggregation::truncate(int64_t keep) {
  std::vector<const AggEntry*> order = sorted(AggSortOptions{});
  // sorted() is ascending: the largest are last.
  std::vector<std::string> drop;
  size_t n = order.size();
  size_t k = size_t(keep < 0 ? -keep : keep);
  for (size_t i = 0; i < n; ++i) {
    bool kept = keep >= 0 ? (i + k >= n) : (i < k);
    if (!kept) drop.push_back(serialize_key(order[i]->key));
  }
  for (const std::string& s : drop) entries_.erase(s);
}

int compare_keys(const std::vector<TypedValue>& a, const std::vector<TypedValue>& b, size_t strsize) {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    const TypedValue &x = a[i], &y = b[i];
    size_t sx = x.type.kind == DType::Int ? x.type.size : strsize;
    size_t sy = y.type.kind == DType::Int ? y.type.size : strsize;
    if (sx != sy) return sx < sy ? -1 : 1;
    if (x.type.kind == DType::Int && y.type.kind == DType::Int) {
      uint64_t ux = normalize_int(x.v.i, DType::integer(x.type.size, false));
      uint64_t uy = normalize_int(y.v.i, DType::integer(y.type.size, false));
      if (ux != uy) return ux < uy ? -1 : 1;
      continue;
    }
    std::string rx = string_record(x.v.s, strsize), ry = string_record(y.v.s, strsize);
    int c = std::memcmp(rx.data(), ry.data(), std::min(rx.size(), ry.size()));
    if (c != 0) return c < 0 ? -1 : 1;
  }
  return 0;
}

long double Aggregation::sort_value(const AggEntry& e) const {
  const std::vector<int64_t>& d = e.data;
  switch (info_.func) {
    case AggFunc::Avg: return d[0] ? (long double)(d[1] / d[0]) : 0;
    case AggFunc::Stddev: return (long double)stddev_value(d);
    case AggFunc::Quantize: {
      long double sum = 0;
      for (size_t i = 0; i < d.size(); ++i) sum += (long double)quantize_bucket_value(i) * d[i];
      return sum;
    }
    case AggFunc::Lquantize: {
      int64_t base = info_.params[0], step = info_.params[2], levels = int64_t(d.size()) - 2;
      long double sum = (long double)(base - 1) * d[0];
      for (int64_t i = 1; i <= levels; ++i) sum += (long double)(base + (i - 1) * step) * d[size_t(i)];
      sum += (long double)(base + levels * step) * d[size_t(levels + 1)];
      return sum;
    }
    case AggFunc::Llquantize: {
      // Weight each bucket by its lower bound, walking the buckets as the printer does.
      int64_t factor = info_.params[0], value = 1, order = 0;
      for (; order < info_.params[1]; ++order) value *= factor;
      long double sum = (long double)(value - 1) * d[0];
      int64_t next = value * factor, step = next > info_.params[3] ? next / info_.params[3] : 1;
      size_t bin = 1;
      while (order <= info_.params[2] && bin < d.size()) {
        sum += (long double)value * d[bin++];
        if ((value += step) != next) continue;
        next = value * factor;
        step = next > info_.params[3] ? next / info_.params[3] : 1;
        ++order;
      }
      if (bin < d.size()) sum += (long double)value * d[bin];
      return sum;
    }
    default: return (long double)d[0];
  }
}

int64_t Aggregation::zero_bucket(const AggEntry& e) const {
  if (info_.func == AggFunc::Quantize) return e.data[kQuantizeZero];
  if (info_.func == AggFunc::Lquantize) {
    int64_t base = info_.params[0], step = info_.params[2], levels = int64_t(e.data.size()) - 2;
    if (base <= 0 && base + levels * step > 0) return e.data[size_t(-base / step + 1)];
  }
  return 0;
}

int Aggregation::compare(const AggEntry& a, const AggEntry& b, const AggSortOptions& opt) const {
  int c = 0;
  auto by_value = [&]() {
    long double va = sort_value(a), vb = sort_value(b);
    if (va != vb) return va < vb ? -1 : 1;
    int64_t za = zero_bucket(a), zb = zero_bucket(b);
    if (za != zb) return za < zb ? -1 : 1;
    return 0;
  };
  if (opt.by_key) {
    c = compare_keys(a.key, b.key, strsize_);
    if (c == 0) c = by_value();
  } else {
    c = by_value();
    if (c == 0) c = compare_keys(a.key, b.key, strsize_);
  }
  return opt.reverse ? -c : c;
}

std::vector<const AggEntry*> Aggregation::sorted(const AggSortOptions& opt) const {
  std::vector<const AggEntry*> out;
  for (const auto& [k, e] : entries_) out.push_back(&e);
  std::stable_sort(out.begin(), out.end(), [&](const AggEntry* a, const AggEntry* b) { return compare(*a, *b, opt) < 0; });
  return out;
}

std::string Aggregation::histogram(const AggEntry& e) const {
  const std::vector<int64_t>& d = e.data;
  size_t n = d.size();
  size_t first = 0, last = n - 1;
  std::string out = kHistHeader;
  long double total = 0;
  bool positives = false, negatives = false;
  auto scan = [&](size_t lo, size_t hi) {
    for (size_t i = lo; i <= hi; ++i) {
      positives |= d[i] > 0;
      negatives |= d[i] < 0;
      total += std::fabs((long double)d[i]);
    }
  };
  if (info_.func == AggFunc::Quantize) {
    while (first < n - 1 && d[first] == 0) ++first;
    if (first == n - 1) {
      first = kQuantizeZero - 1, last = kQuantizeZero + 1;
    } else {
      if (first > 0) --first;
      while (last > 0 && d[last] == 0) --last;
      if (last < n - 1) ++last;
    }
    scan(first, last);
    for (size_t i = first; i <= last; ++i) out += fmt::format("{:16} ", quantize_bucket_value(i)) + quantline(d[i], total, positives, negatives);
    return out;
  }
  if (info_.func == AggFunc::Lquantize) {
    int64_t base = info_.params[0], step = info_.params[2];
    size_t levels = n - 2;
    while (first <= levels + 1 && d[first] == 0) ++first;
    if (first > levels + 1) {
      first = 0, last = 2;
    } else {
      if (first > 0) --first;
      while (last > 0 && d[last] == 0) --last;
      if (last < levels + 1) ++last;
    }
    scan(first, last);
    for (size_t i = first; i <= last; ++i) {
      if (i == 0) out += fmt::format("{:>16} ", fmt::format("< {}", int32_t(base)));
      else if (i == levels + 1) out += fmt::format("{:>16} ", fmt::format(">= {}", int32_t(base + int64_t(levels) * step)));
      else out += fmt::format("{:16} ", int32_t(base + int64_t(i - 1) * step));
      out += quantline(d[i], total, positives, negatives);
    }
    return out;
  }
  // llquantize
  int64_t factor = info_.params[0], low = info_.params[1], high = info_.params[2], nsteps = info_.params[3];
  while (first < n && d[first] == 0) ++first;
  if (first == n) {
    first = 0, last = 1;
  } else {
    if (first > 0) --first;
    while (last > 0 && d[last] == 0) --last;
    if (last < n - 1) ++last;
  }
  scan(first, last);
  int64_t value = 1, order = 0;
  for (; order < low; ++order) value *= factor;
  int64_t next = value * factor, step = next > nsteps ? next / nsteps : 1;
  if (first == 0) out += fmt::format("{:>16} ", fmt::format("< {}", value)) + quantline(d[0], total, positives, negatives);
  size_t bin = 1;
  while (order <= high) {
    if (bin >= first && bin <= last) out += fmt::format("{:16} ", value) + quantline(d[bin], total, positives, negatives);
    ++bin;
    if ((value += step) != next) continue;
    next = value * factor;
    step = next > nsteps ? next / nsteps : 1;
    ++order;
  }
  if (last < bin || bin >= n) return out;
  out += fmt::format("{:>16} ", fmt::format(">= {}", value)) + quantline(d[bin], total, positives, negatives);
  return out;
}

std::string Aggregation::value_output(const AggEntry& e) const {
  const std::vector<int64_t>& d = e.data;
  switch (info_.func) {
    case AggFunc::Avg: return fmt::format(" {:16}", d[0] ? d[1] / d[0] : 0);
    case AggFunc::Stddev: return fmt::format(" {:16}", stddev_value(d));
    case AggFunc::Quantize: case AggFunc::Lquantize: case AggFunc::Llquantize: return histogram(e);
    default: return fmt::format(" {:16}", d[0]);
  }
}

std::string Aggregation::print_default(const AggSortOptions& opt) const {
  std::string out;
  for (const AggEntry* e : sorted(opt)) {
    for (const TypedValue& k : e->key) out += datum_output(k, strsize_);
    out += value_output(*e);
    out += "\n";
  }
  return out;
}

std::string Aggregation::print_formatted(const ParsedFormat& f, const AggSortOptions& opt) const {
  std::string out;
  for (const AggEntry* e : sorted(opt)) {
    size_t key_index = 0;
    for (const Conversion& c : f.convs) {
      out += c.prefix;
      if (c.conv == 0) continue;
      if (c.agg_value) {
        const std::vector<int64_t>& d = e->data;
        TypedValue v;
        switch (info_.func) {
          case AggFunc::Quantize: case AggFunc::Lquantize: case AggFunc::Llquantize: out += histogram(*e); continue;
          case AggFunc::Count: v = {DType::uint64(), DValue::of_int(uint64_t(d[0]))}; break;
          case AggFunc::Avg: v = {DType::int64(), DValue::of_int(uint64_t(d[0] ? d[1] / d[0] : 0))}; break;
          case AggFunc::Stddev: v = {DType::uint64(), DValue::of_int(stddev_value(d))}; break;
          default: v = {DType::int64(), DValue::of_int(uint64_t(d[0]))}; break;
        }
        out += format_conversion(c, v, c.width, c.precision, strsize_);
        continue;
      }
      if (key_index >= e->key.size()) continue;
      out += format_conversion(c, e->key[key_index++], c.width, c.precision, strsize_);
    }
  }
  return out;
}

}  // namespace sct::dtrace
