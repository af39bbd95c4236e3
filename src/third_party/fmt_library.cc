// {fmt}'s compiled part, built into sctrace instead of linked from libfmt.so.
//
// Why: Debian ships {fmt} 9 as headers plus libfmt.so, and libfmt.so pulls in
// libstdc++.so and libm.so. Mapping and relocating those shared libraries
// costs ~1.7 MB of peak RSS on every run (see docs/memory.md), which alone put
// sctrace at 1.5x strace's RSS. The headers hold the whole implementation
// (format-inl.h); this one translation unit instantiates what the header
// declares as compiled-library functions, as libfmt's own format.cc does.
#include <fmt/format-inl.h>

FMT_BEGIN_NAMESPACE
namespace detail {

template FMT_API auto thousands_sep_impl(locale_ref) -> thousands_sep_result<char>;
template FMT_API auto decimal_point_impl(locale_ref) -> char;
template FMT_API void buffer<char>::append(const char*, const char*);
template FMT_API void vformat_to(buffer<char>&, string_view, basic_format_args<FMT_BUFFER_CONTEXT(char)>,
                                 locale_ref);

}  // namespace detail
FMT_END_NAMESPACE
