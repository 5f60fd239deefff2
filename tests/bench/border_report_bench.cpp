// Border report speed: a destination-sized perimeter (a 256-gon of radius a
// third of the area's width) against a tiling of square "communes" of 2 × 2 km
// with a vertex every 100 m (80 per commune, like the simplified IGN
// communes), around Tours in Lambert-93. Sizes: 625 communes (about two
// départements), 2 500 and 10 000 (a region). Reported: median real time and
// the number of communes crossed.
#include <benchmark/benchmark.h>

#include <cmath>
#include <numbers>
#include <stdexcept>
#include <vector>

#include "geo/analysis/border_report.hpp"
#include "geo/crs/metric_crs.hpp"

namespace {

constexpr double kOriginX_m = 525'000.0, kOriginY_m = 6'700'000.0;

geo::Ring to_wgs84(const geo::Projector& p, const std::vector<geo::Projected>& ring) {
    auto back = p.inverse(ring);
    if (!back) throw std::runtime_error(back.error().message);
    back->push_back(back->front());
    return std::move(*back);
}

std::vector<geo::Territory> tiling(const geo::Projector& p, int side) {
    std::vector<geo::Territory> out;
    constexpr double kTile = 2000.0, kStep = 100.0;
    for (int i = 0; i < side; ++i)
        for (int j = 0; j < side; ++j) {
            const double x0 = kOriginX_m + i * kTile, y0 = kOriginY_m + j * kTile;
            std::vector<geo::Projected> ring;
            for (double t = 0; t < kTile; t += kStep) ring.push_back({x0 + t, y0});
            for (double t = 0; t < kTile; t += kStep) ring.push_back({x0 + kTile, y0 + t});
            for (double t = 0; t < kTile; t += kStep) ring.push_back({x0 + kTile - t, y0 + kTile});
            for (double t = 0; t < kTile; t += kStep) ring.push_back({x0, y0 + kTile - t});
            geo::Territory t;
            t.id = i * side + j + 1;
            t.name = "commune " + std::to_string(t.id);
            t.level = geo::TerritoryLevel::commune;
            t.geometry.polygons.push_back(geo::Polygon{{to_wgs84(p, ring)}});
            out.push_back(std::move(t));
        }
    return out;
}

geo::MultiPolygon disc(const geo::Projector& p, double cx, double cy, double r) {
    std::vector<geo::Projected> ring;
    for (int k = 0; k < 256; ++k) {
        const double a = 2 * std::numbers::pi * k / 256;
        ring.push_back({cx + r * std::cos(a), cy + r * std::sin(a)});
    }
    geo::MultiPolygon mp;
    mp.polygons.push_back(geo::Polygon{{to_wgs84(p, ring)}});
    return mp;
}

void BM_BorderReport(benchmark::State& state) {
    auto projector = geo::Projector::create("EPSG:2154");
    if (!projector) throw std::runtime_error(projector.error().message);
    const int side = static_cast<int>(state.range(0));
    const auto communes = tiling(*projector, side);
    const double half = side * 1000.0;
    const auto perimeter = disc(*projector, kOriginX_m + half, kOriginY_m + half, 2 * half / 3);
    std::size_t crossed = 0;
    for (auto _ : state) {
        auto r = geo::border_report(perimeter, communes);
        if (!r) throw std::runtime_error(r.error().message);
        crossed = r->units.size();
        benchmark::DoNotOptimize(crossed);
    }
    state.counters["communes"] = static_cast<double>(communes.size());
    state.counters["crossed"] = static_cast<double>(crossed);
}

}  // namespace

BENCHMARK(BM_BorderReport)
    ->Arg(25)
    ->Arg(50)
    ->Arg(100)
    ->Unit(benchmark::kMillisecond)
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);
