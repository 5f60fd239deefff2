// Fuzz target: one DATAtourisme JSON-LD object (objects/**/*.json) through
// the importer's parser. It must never crash or throw; a kept object has a
// position in lon/lat range and a name, a skipped one says why.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "geo/io/datatourisme_object.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const geo::detail::ParsedObject parsed = geo::detail::parse_datatourisme_object(bytes, fuzz::taxonomy());
    if (parsed.item) {
        if (!fuzz::in_lonlat_range(parsed.item->position)) std::abort();
        if (parsed.skip_reason) std::abort();
    } else if (!parsed.skip_reason || parsed.skip_reason->message.empty()) {
        std::abort();  // skipped without a reason
    }
    // Reasons quote bounded excerpts, never the whole input.
    if (parsed.skip_reason && parsed.skip_reason->message.size() > 4096) std::abort();
    return 0;
}
