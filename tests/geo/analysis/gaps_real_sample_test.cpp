// Offer gaps on the real sample (../shared/data): the gap defaults file,
// "Familles nature" gaps inside that audience's perimeter, and the 37-vs-41
// benchmark, exported as RFC 7946 GeoJSON and CSV.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/analysis/benchmark.hpp"
#include "geo/analysis/gaps.hpp"
#include "geo/analysis/perimeter.hpp"
#include "geo/analysis/planar_geometry.hpp"
#include "geo/io/audience_presets.hpp"
#include "geo/io/benchmark_export.hpp"
#include "geo/io/gap_defaults.hpp"
#include "geo/io/gaps_export.hpp"
#include "geo/io/rfc7946_check.hpp"
#include "geo/store/territory_spec.hpp"
#include "tests/support/sample_catalogue.hpp"
#include "tests/support/test_support.hpp"

namespace {

using geo::Family;
using geo::Projected;

TEST(GapDefaults, LoadsAndRejectsBadFiles) {
    auto d = geo::load_gap_defaults();
    ASSERT_TRUE(d.has_value()) << d.error().message;
    EXPECT_EQ(d->acceptable_m[static_cast<std::size_t>(Family::accommodation)], 10'000.0);
    EXPECT_EQ(d->acceptable_m[static_cast<std::size_t>(Family::gastronomy)], 5'000.0);
    EXPECT_EQ(d->cell_m, 2'000.0);
    auto missing = geo::load_gap_defaults("/nonexistent/gap_defaults.json");
    ASSERT_FALSE(missing.has_value());
    EXPECT_NE(missing.error().message.find("/nonexistent/gap_defaults.json"), std::string::npos);
}

std::int64_t ogr_feature_count(const std::filesystem::path& path) {
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    return ds ? ds->GetLayer(0)->GetFeatureCount() : -1;
}

// Even-odd point in polygon in lon/lat over all rings of any territory.
bool in_any(const std::vector<geo::Territory>& territories, geo::LonLat p) {
    for (const geo::Territory& t : territories) {
        bool inside = false;
        for (const auto& poly : t.geometry.polygons)
            for (const auto& ring : poly.rings) {
                std::vector<Projected> r;
                for (const geo::LonLat& v : ring) r.push_back({v.lon_deg, v.lat_deg});
                if (geo::ring_contains(r, {p.lon_deg, p.lat_deg})) inside = !inside;
            }
        if (inside) return true;
    }
    return false;
}

// The real sample: "Familles nature" gaps inside that audience's perimeter,
// and the 37-vs-41 benchmark, exported as RFC 7946 GeoJSON and CSV.
TEST(GapsRealSample, FamillesNatureGapsAndBenchmarkExport) {
    REQUIRE_SHARED_DATA();
    const auto dir = test::temp_dir();
    const geo::Catalogue cat = test::sample_catalogue((dir / "sample.sqlite").string(), true);
    auto audience = geo::resolve_audience("familles-nature", &cat);
    ASSERT_TRUE(audience) << audience.error().message;
    auto items = cat.items();
    ASSERT_TRUE(items);
    std::vector<geo::LonLat> positions;
    for (const auto& item : *items) positions.push_back(item.position);
    geo::PerimeterParams pp;
    pp.levels = {0.8};
    auto perimeter = geo::compute_perimeter(positions, geo::item_weights(*audience, *items), pp);
    ASSERT_TRUE(perimeter) << perimeter.error().message;
    const geo::MultiPolygon& area = perimeter->levels.front().geometry;
    geo::TerritoryFilter communes_filter;
    communes_filter.level = geo::TerritoryLevel::commune;
    auto communes = cat.territories(communes_filter);
    ASSERT_TRUE(communes);
    ASSERT_EQ(communes->size(), 544U);  // 272 in 37 + 272 in 41

    auto defaults = geo::load_gap_defaults();
    ASSERT_TRUE(defaults) << defaults.error().message;
    geo::GapParams params;
    params.cell_m = 2'000.0;
    params.acceptable_m = defaults->acceptable_m;
    auto gaps = geo::compute_gaps(area, *items, *audience, params, *communes);
    ASSERT_TRUE(gaps) << gaps.error().message;
    ASSERT_FALSE(gaps->zones.empty());
    std::printf("  perimeter %.1f km², %zu cells, %zu zones\n", perimeter->levels.front().area_km2, gaps->cells.size(),
                gaps->zones.size());
    // Cells cover the perimeter: their total area is its area, give or take the edge cells.
    const double perimeter_km2 = perimeter->levels.front().area_km2;
    EXPECT_NEAR(static_cast<double>(gaps->cells.size()) * gaps->cell_area_km2, perimeter_km2, 0.1 * perimeter_km2);
    double zones_km2 = 0.0;
    for (const geo::GapZone& z : gaps->zones) {
        EXPECT_GT(audience->family_weight(z.family), 0.0);
        // A zone is unnamed only when it lies outside the communes loaded (37
        // and 41): the perimeter reaches into the Sarthe.
        if (z.commune_name.empty()) {
            for (std::size_t i : z.cells) EXPECT_FALSE(in_any(*communes, gaps->cells[i].centre_lonlat));
        } else {
            EXPECT_GE(z.commune_count, 1);
        }
        zones_km2 += z.area_km2;
    }
    EXPECT_LE(zones_km2, 1.05 * static_cast<double>(gaps->cells.size()) * gaps->cell_area_km2);
    for (std::size_t z = 0; z < gaps->zones.size() && z < 5; ++z) {
        const geo::GapZone& g = gaps->zones[z];
        std::printf("  %zu. %s (%s) — %s %s: %.1f km², score %.3f, rank %.1f, mean %.0f m\n", z + 1,
                    std::string(geo::family_name_fr(g.family)).c_str(),
                    std::string(geo::family_name_en(g.family)).c_str(), g.commune_name.c_str(), g.commune_code.c_str(),
                    g.area_km2, g.score, g.rank_value, g.mean_distance_m);
    }

    const nlohmann::json provenance = {{"audience", audience->id}, {"level", 0.8}, {"cell_m", 2000}};
    const auto gaps_geojson = dir / "gaps.geojson";
    auto written = geo::write_gaps_geojson(gaps_geojson.string(), *gaps, provenance);
    ASSERT_TRUE(written) << written.error().message;
    EXPECT_EQ(*written, static_cast<std::int64_t>(gaps->zones.size() + gaps->cells.size()));
    EXPECT_EQ(geo::check_rfc7946(gaps_geojson.string(), {.require_bbox = true}), std::vector<std::string>{});
    EXPECT_EQ(ogr_feature_count(gaps_geojson), *written);
    const auto zones_csv = dir / "zones.csv";
    ASSERT_TRUE(geo::write_gap_zones_csv(zones_csv.string(), *gaps));
    EXPECT_EQ(ogr_feature_count(zones_csv), static_cast<std::int64_t>(gaps->zones.size()));

    auto ours = geo::resolve_territory(cat, "departement:37", *audience);
    auto theirs = geo::resolve_territory(cat, "departement:41", *audience);
    ASSERT_TRUE(ours && theirs);
    auto bench = geo::compute_benchmark(*ours, {*theirs}, *items, *audience);
    ASSERT_TRUE(bench) << bench.error().message;
    for (const auto& s : bench->strengths) std::printf("  + %s\n", s.text_fr.c_str());
    for (const auto& s : bench->weaknesses) std::printf("  - %s\n", s.text_fr.c_str());
    const auto bench_geojson = dir / "benchmark.geojson";
    auto features = geo::write_benchmark(bench_geojson.string(), *bench, provenance);
    ASSERT_TRUE(features) << features.error().message;
    EXPECT_EQ(*features, 2);
    EXPECT_EQ(geo::check_rfc7946(bench_geojson.string(), {.require_bbox = true}), std::vector<std::string>{});
    EXPECT_EQ(ogr_feature_count(bench_geojson), 2);
    const auto bench_csv = dir / "benchmark.csv";
    auto rows = geo::write_benchmark(bench_csv.string(), *bench, provenance);
    ASSERT_TRUE(rows) << rows.error().message;
    EXPECT_EQ(*rows, 2 * geo::kFamilyCount);
    EXPECT_EQ(ogr_feature_count(bench_csv), 2 * geo::kFamilyCount);
    // The CSV's heritage count for 37 is the benchmark's.
    GDALDatasetUniquePtr ds(GDALDataset::Open(bench_csv.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(ds);
    OGRFeatureUniquePtr first(ds->GetLayer(0)->GetNextFeature());
    EXPECT_STREQ(first->GetFieldAsString("code"), "37");
    EXPECT_STREQ(first->GetFieldAsString("family"), "heritage");
    EXPECT_EQ(first->GetFieldAsInteger64("item_count"), bench->territories[0].families[0].item_count);
}

}  // namespace
