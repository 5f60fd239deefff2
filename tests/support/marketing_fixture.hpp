#pragma once
// Fixture of the marketing tests (segments, actors, prices) on the real
// sample: Indre-et-Loire (37) as ours and Loir-et-Cher (41), Sarthe (72) and
// Indre (36) as competitors, their départements read with GDAL/OGR from
// ../shared/data (admin/departements/NN-*/departement-*.geojson), and the
// independent measures the tests recompute the figures with: an even-odd
// point-in-polygon test in lon/lat and a shoelace area in Lambert-93
// (EPSG:2154), written here without GEOS and without geo/analysis.
// Call after REQUIRE_SHARED_DATA(). Failures are test failures (ADD_FAILURE).
#include <filesystem>
#include <string>
#include <vector>

#include "geo/core/geometry.hpp"
#include "geo/core/offer.hpp"

namespace test {

// The sample catalogue (make_loire_catalogue) with the départements 72 and 36
// imported too, at `path`.
void make_marketing_catalogue(const std::filesystem::path& path);
// The départements 72 and 36 into the catalogue at `path`.
void import_competitor_departements(const std::filesystem::path& path);

// 37 first, then 41, 72, 36.
const std::vector<geo::Territory>& marketing_departements();
// The DATAtourisme feed folder and every object file in it.
std::filesystem::path datatourisme_feed();
std::vector<std::filesystem::path> datatourisme_object_files();

// Even-odd rule over every ring (outer and holes) of every polygon.
bool inside_even_odd(const geo::MultiPolygon& area, geo::LonLat p);
// Σ shoelace areas (outer rings positive, holes negative) in EPSG:2154, km².
double lambert93_area_km2(const geo::MultiPolygon& area);

}  // namespace test
