// Fuzz target: an audience file's JSON (geo::audience_from_json, as
// `--audience FILE.json`, `audiences show` and the catalogue's saved
// audiences read it). It must never crash or throw; an accepted audience has
// weights in [0, 1] and survives a round trip through audience_to_json.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "geo/analysis/audience.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::use_source_data_dir();
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto audience = geo::audience_from_json(text, "fuzz.json");
    if (!audience) {
        if (audience.error().message.size() > 4096) std::abort();  // messages quote bounded excerpts
        return 0;
    }
    auto again = geo::audience_from_json(geo::audience_to_json(*audience), "round trip");
    if (!again) std::abort();
    if (geo::audience_to_json(*again) != geo::audience_to_json(*audience)) std::abort();
    return 0;
}
