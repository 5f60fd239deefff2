#include "tests/support/marketing_fixture.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "geo/crs/metric_crs.hpp"
#include "geo/io/import.hpp"
#include "geo/store/catalogue.hpp"
#include "tests/support/loire_fixture.hpp"
#include "tests/support/sample_catalogue.hpp"
#include "tests/support/test_support.hpp"

namespace test {

namespace fs = std::filesystem;

void make_marketing_catalogue(const fs::path& path) {
    make_loire_catalogue(path);
    import_competitor_departements(path);
}

void import_competitor_departements(const fs::path& path) {
    auto catalogue = geo::Catalogue::open(path.string());
    ASSERT_TRUE(catalogue) << catalogue.error().message;
    for (const char* folder : {"72-sarthe", "36-indre"}) {
        auto r = geo::import_territories(*catalogue, departement_path(folder, "departement"),
                                         geo::TerritoryLevel::departement, {});
        ASSERT_TRUE(r) << r.error().message;
    }
}

const std::vector<geo::Territory>& marketing_departements() {
    static const std::vector<geo::Territory> out = [] {
        std::vector<geo::Territory> list;
        for (const char* folder : {"37-indre-et-loire", "41-loir-et-cher", "72-sarthe", "36-indre"}) {
            auto read = read_territories(departement_path(folder, "departement"), "code", "nom",
                                         geo::TerritoryLevel::departement);
            if (read.size() != 1) ADD_FAILURE() << folder << ": " << read.size() << " polygons, expected 1";
            for (auto& t : read) list.push_back(std::move(t));
        }
        return list;
    }();
    return out;
}

fs::path datatourisme_feed() {
    return shared_data() / "poi" / "datatourisme-touraine-2020";
}

std::vector<fs::path> datatourisme_object_files() {
    std::vector<fs::path> out;
    for (const auto& e : fs::recursive_directory_iterator(datatourisme_feed() / "objects"))
        if (e.is_regular_file() && e.path().extension() == ".json") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

bool inside_even_odd(const geo::MultiPolygon& area, geo::LonLat p) {
    bool in = false;
    for (const auto& polygon : area.polygons)
        for (const auto& ring : polygon.rings)
            for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
                const geo::LonLat a = ring[i], b = ring[j];
                if ((a.lat_deg > p.lat_deg) != (b.lat_deg > p.lat_deg) &&
                    p.lon_deg < (b.lon_deg - a.lon_deg) * (p.lat_deg - a.lat_deg) / (b.lat_deg - a.lat_deg) + a.lon_deg)
                    in = !in;
            }
    return in;
}

double lambert93_area_km2(const geo::MultiPolygon& area) {
    auto projector = geo::Projector::create("EPSG:2154");
    if (!projector) {
        ADD_FAILURE() << projector.error().message;
        return 0.0;
    }
    double total_m2 = 0.0;
    for (const auto& polygon : area.polygons)
        for (std::size_t r = 0; r < polygon.rings.size(); ++r) {
            auto xy = projector->forward(polygon.rings[r]);
            if (!xy) {
                ADD_FAILURE() << xy.error().message;
                return 0.0;
            }
            double twice = 0.0;
            for (std::size_t i = 0, j = xy->size() - 1; i < xy->size(); j = i++)
                twice += (*xy)[j].x_m * (*xy)[i].y_m - (*xy)[i].x_m * (*xy)[j].y_m;
            total_m2 += (r == 0 ? 1.0 : -1.0) * std::abs(twice) / 2.0;
        }
    return total_m2 * 1e-6;
}

}  // namespace test
