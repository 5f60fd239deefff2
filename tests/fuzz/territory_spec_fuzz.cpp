// Fuzz target: what a user types after --territory / --against
// (geo::resolve_territory: LEVEL:CODE, producer:NAME, source:KEY,
// offer:LEVEL:CODE, NAME) against a small catalogue built once: the demo's
// offer items and three territories (two départements, one commune). It must
// never crash or throw; a resolved territory has a polygon.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "geo/io/audience_presets.hpp"
#include "geo/io/import.hpp"
#include "geo/store/catalogue.hpp"
#include "geo/store/territory_spec.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace {

constexpr const char* kTerritories = R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"code":"37","nom":"Indre-et-Loire"},"geometry":{"type":"Polygon",
 "coordinates":[[[0.05,46.74],[1.37,46.74],[1.37,47.71],[0.05,47.71],[0.05,46.74]]]}},
{"type":"Feature","properties":{"code":"41","nom":"Loir-et-Cher"},"geometry":{"type":"Polygon",
 "coordinates":[[[0.58,47.19],[2.25,47.19],[2.25,48.13],[0.58,48.13],[0.58,47.19]]]}},
{"type":"Feature","properties":{"code":"37261","nom":"Tours"},"geometry":{"type":"Polygon",
 "coordinates":[[[0.64,47.36],[0.73,47.36],[0.73,47.44],[0.64,47.44],[0.64,47.36]]]}}]})";

struct Setup {
    geo::Catalogue catalogue;
    geo::Audience audience;
};

Setup& setup() {
    static Setup s = [] {
        fuzz::use_source_data_dir();
        const std::string path = (fuzz::scratch_dir() / "spec.sqlite").string();
        auto catalogue = geo::Catalogue::open(path);
        if (!catalogue) std::abort();
        const std::string demo = std::string(TERRITOIRE_SOURCE_DATA_DIR) + "/demo/items.geojson";
        if (!geo::import_source(*catalogue, demo, {}, fuzz::taxonomy())) std::abort();
        const std::string zones = fuzz::scratch_file("zones.geojson", kTerritories);
        if (!geo::import_territories(*catalogue, zones, geo::TerritoryLevel::departement, {})) std::abort();
        auto audience = geo::resolve_audience("patrimoine", nullptr);
        if (!audience) std::abort();
        return Setup{std::move(*catalogue), std::move(*audience)};
    }();
    return s;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    setup();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string spec(reinterpret_cast<const char*>(data), size);
    auto& s = setup();
    auto t = geo::resolve_territory(s.catalogue, spec, s.audience);
    if (t && t->geometry.empty()) std::abort();
    if (!t && t.error().message.empty()) std::abort();
    return 0;
}
