#include "sinks/summary_sink.h"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "backend/engine.h"
#include "syscalls/syscall_table.h"

namespace sct {

namespace {

enum class Column { Percent, Total, Min, Max, Avg, Calls, Errors, Name };

struct ColumnInfo {
  Column id;
  const char* names[4];  // the -U spellings
  const char* header;
  int width;
};

constexpr ColumnInfo kColumns[] = {
    {Column::Percent, {"time-percent", "time_percent", nullptr, nullptr}, "% time", 6},
    {Column::Total, {"total-time", "total_time", "time", nullptr}, "seconds", 11},
    // strace 6.1 gives the extremes 8 columns (one call rarely takes 10 s).
    {Column::Min, {"min-time", "shortest", "min_time", "time_min"}, "shortest", 8},
    {Column::Max, {"max-time", "longest", "max_time", "time_max"}, "longest", 8},
    {Column::Avg, {"avg-time", "avg_time", "time_avg", nullptr}, "usecs/call", 11},
    {Column::Calls, {"calls", "count", nullptr, nullptr}, "calls", 9},
    {Column::Errors, {"errors", "error", nullptr, nullptr}, "errors", 9},
    {Column::Name, {"name", "syscall", "syscall_name", "syscall-name"}, "syscall", 16},
};

std::vector<const ColumnInfo*> parse_columns(const std::string& spec) {
  std::vector<const ColumnInfo*> cols;
  if (spec.empty()) {
    for (Column c : {Column::Percent, Column::Total, Column::Avg, Column::Calls, Column::Errors, Column::Name})
      for (const auto& info : kColumns)
        if (info.id == c) cols.push_back(&info);
    return cols;
  }
  size_t start = 0;
  while (start <= spec.size()) {
    size_t comma = spec.find(',', start);
    std::string_view tok(spec.data() + start, (comma == std::string::npos ? spec.size() : comma) - start);
    for (const auto& info : kColumns)
      for (const char* n : info.names)
        if (n && tok == n) cols.push_back(&info);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return cols;
}

std::string seconds(int64_t ns) { return fmt::format("{}.{:06}", ns / 1000000000, (ns % 1000000000) / 1000); }

}  // namespace

void SummarySink::syscall_exit(const SyscallCall& call, const EventContext& ctx, const EventTime& entry_time) {
  if (call.nr < 0 || call.nr >= kMaxSyscalls) return;
  if (totals_.size() <= static_cast<size_t>(call.nr)) totals_.resize(static_cast<size_t>(call.nr) + 1);
  SyscallTotals& t = totals_[static_cast<size_t>(call.nr)];
  t.nr = call.nr;
  ++t.calls;
  if (call.failed()) ++t.errors;
  int64_t ns = opt_.wall_clock || ctx.time.cpu_ns < 0 || entry_time.cpu_ns < 0
                   ? ctx.time.mono_ns - entry_time.mono_ns
                   : ctx.time.cpu_ns - entry_time.cpu_ns;
  if (opt_.overhead_ns >= 0) ns = std::max<int64_t>(0, ns - opt_.overhead_ns);
  if (ns < 0) ns = 0;
  t.total_ns += ns;
  if (t.min_ns < 0 || ns < t.min_ns) t.min_ns = ns;
  t.max_ns = std::max(t.max_ns, ns);
}

void SummarySink::add_totals(const SyscallTotals& in) {
  if (in.nr < 0 || in.nr >= kMaxSyscalls || in.calls == 0) return;
  if (totals_.size() <= static_cast<size_t>(in.nr)) totals_.resize(static_cast<size_t>(in.nr) + 1);
  SyscallTotals& t = totals_[static_cast<size_t>(in.nr)];
  t.nr = in.nr;
  t.calls += in.calls;
  t.errors += in.errors;
  t.total_ns += in.total_ns;
  if (in.min_ns >= 0 && (t.min_ns < 0 || in.min_ns < t.min_ns)) t.min_ns = in.min_ns;
  t.max_ns = std::max(t.max_ns, in.max_ns);
}

std::string SummarySink::render() const {
  std::vector<SyscallTotals> rows;
  for (const auto& t : totals_)
    if (t.calls) rows.push_back(t);
  const std::string& by = opt_.sort_by;
  auto key = [&](const SyscallTotals& a, const SyscallTotals& b) -> bool {
    if (by == "calls" || by == "count") return a.calls > b.calls;
    if (by == "errors" || by == "error") return a.errors > b.errors;
    if (by == "name" || by == "syscall" || by == "syscall_name") {
      const SyscallRow* ra = syscall_row(a.nr);
      const SyscallRow* rb = syscall_row(b.nr);
      return std::string_view(ra ? ra->name : "") < std::string_view(rb ? rb->name : "");
    }
    if (by == "min-time" || by == "min_time" || by == "shortest" || by == "time_min") return a.min_ns > b.min_ns;
    if (by == "max-time" || by == "max_time" || by == "longest" || by == "time_max") return a.max_ns > b.max_ns;
    if (by == "avg-time" || by == "avg_time" || by == "time_avg")
      return a.total_ns / static_cast<int64_t>(a.calls) > b.total_ns / static_cast<int64_t>(b.calls);
    if (by == "nothing" || by == "none") return false;
    return a.total_ns > b.total_ns;
  };
  // Stable: equal keys keep syscall-number order, as strace's output shows.
  std::stable_sort(rows.begin(), rows.end(), key);

  // No call counted: strace prints no table at all (-c -e trace=none).
  if (rows.empty()) return "";

  SyscallTotals total;
  for (const auto& r : rows) {
    total.calls += r.calls;
    total.errors += r.errors;
    total.total_ns += r.total_ns;
    if (total.min_ns < 0 || r.min_ns < total.min_ns) total.min_ns = r.min_ns;
    total.max_ns = std::max(total.max_ns, r.max_ns);
  }

  auto cols = parse_columns(opt_.columns);
  std::string out;
  auto cell = [&](const ColumnInfo* c, const SyscallTotals& r, const char* name) {
    switch (c->id) {
      case Column::Percent: {
        double pct = total.total_ns ? 100.0 * static_cast<double>(r.total_ns) / static_cast<double>(total.total_ns) : 0.0;
        return fmt::format("{:>6.2f}", pct);
      }
      case Column::Total: return fmt::format("{:>11}", seconds(r.total_ns));
      case Column::Min: return fmt::format("{:>8}", seconds(std::max<int64_t>(0, r.min_ns)));
      case Column::Max: return fmt::format("{:>8}", seconds(r.max_ns));
      case Column::Avg: return fmt::format("{:>11}", r.calls ? r.total_ns / 1000 / static_cast<int64_t>(r.calls) : 0);
      case Column::Calls: return fmt::format("{:>9}", r.calls);
      case Column::Errors: return r.errors ? fmt::format("{:>9}", r.errors) : std::string(9, ' ');
      case Column::Name: return std::string(name);
    }
    return std::string();
  };
  // strace pads every cell to its width (an empty errors cell too), the
  // name on the left, except a name in the last column.
  auto line = [&](auto&& make) {
    std::string l;
    for (size_t i = 0; i < cols.size(); ++i) {
      if (i) l += ' ';
      std::string c = make(cols[i]);
      if (cols[i]->id == Column::Name && i + 1 < cols.size() && c.size() < static_cast<size_t>(cols[i]->width))
        c.append(static_cast<size_t>(cols[i]->width) - c.size(), ' ');
      l += c;
    }
    out += l + "\n";
  };
  line([](const ColumnInfo* c) {
    return c->id == Column::Name ? std::string(c->header) : fmt::format("{:>{}}", c->header, c->width);
  });
  auto rule = [&] { line([](const ColumnInfo* c) { return std::string(static_cast<size_t>(c->width), '-'); }); };
  rule();
  for (const auto& r : rows) {
    const SyscallRow* row = syscall_row(r.nr);
    std::string name = row && row->name ? row->name : fmt::format("syscall_{:#x}", r.nr);
    line([&](const ColumnInfo* c) { return cell(c, r, name.c_str()); });
  }
  rule();
  line([&](const ColumnInfo* c) { return cell(c, total, "total"); });
  return out;
}

void SummarySink::finish() {
  std::string table = render();
  fwrite(table.data(), 1, table.size(), opt_.out);
  fflush(opt_.out);
}

}  // namespace sct
