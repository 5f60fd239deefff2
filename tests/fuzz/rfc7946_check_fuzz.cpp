// Fuzz target: the RFC 7946 checker (geo::check_rfc7946, `territoire
// validate FILE`) on any bytes. It must never crash, throw or recurse over
// the input's depth, and it reports at most max_messages + 1 messages.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "geo/io/rfc7946_check.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path =
        fuzz::scratch_file("input.geojson", std::string_view(reinterpret_cast<const char*>(data), size));
    geo::Rfc7946CheckOptions options;
    options.max_messages = 50;
    options.require_bbox = size % 2 == 1;
    const auto messages = geo::check_rfc7946(path, options);
    if (messages.size() > options.max_messages + 1) std::abort();
    for (const auto& m : messages)
        if (m.empty() || m.size() > 8192) std::abort();
    return 0;
}
