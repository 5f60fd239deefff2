// Offer gaps: a catalogue of N items (clustered like a real offer: 60 % in 40
// towns, 40 % scattered without nature, outdoor or family leisure) over a ~5,000 km² star-shaped
// perimeter in Touraine (Lambert-93), audience "familles-nature", hexagonal cells of 1 or 2 km.
// Counters: cells, zones, peak RSS (MiB, whole process).
// Run: build/release/tests/bench/gaps_bench --benchmark_repetitions=7
#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <random>

#include "geo/analysis/gaps.hpp"
#include "geo/crs/metric_crs.hpp"
#include "geo/io/audience_presets.hpp"
#include "geo/io/gap_defaults.hpp"

namespace {

constexpr double kCentreX = 525'000.0, kCentreY = 6'700'000.0;

struct Scene {
    geo::MultiPolygon perimeter;
    std::vector<geo::OfferItem> items;
    double perimeter_km2 = 0.0;
};

Scene make_scene(std::size_t n_items) {
    auto proj = geo::Projector::create("EPSG:2154");
    if (!proj) std::abort();
    std::mt19937 rng(12345);
    Scene s;
    // Star-shaped perimeter scaled to 5,000 km².
    std::uniform_real_distribution<double> wobble(0.8, 1.2);
    std::vector<double> radii(72);
    for (double& r : radii) r = wobble(rng);
    geo::ProjectedRing ring;
    double twice = 0.0;
    for (std::size_t k = 0; k < radii.size(); ++k) {
        const double a = 2.0 * M_PI * static_cast<double>(k) / static_cast<double>(radii.size());
        ring.push_back({radii[k] * std::cos(a), radii[k] * std::sin(a)});
    }
    for (std::size_t k = 0; k < ring.size(); ++k) {
        const auto& p = ring[k];
        const auto& q = ring[(k + 1) % ring.size()];
        twice += p.x_m * q.y_m - q.x_m * p.y_m;
    }
    const double scale = std::sqrt(5'000e6 / (twice / 2.0));
    for (auto& p : ring) p = {kCentreX + p.x_m * scale, kCentreY + p.y_m * scale};
    s.perimeter_km2 = 5'000.0;
    auto ll = proj->inverse(ring);
    if (!ll) std::abort();
    s.perimeter.polygons.push_back(geo::Polygon{{*ll}});

    // Items over the perimeter's box plus 10 km.
    const double half = 1.25 * scale + 10'000.0;
    std::uniform_real_distribution<double> u(-half, half);
    std::normal_distribution<double> town(0.0, 3'000.0);
    // Towns hold every family; the scattered offer has no nature, outdoor or
    // family leisure, so that those leave gaps between towns (zones to build).
    std::discrete_distribution<int> town_family({12, 6, 14, 8, 6, 10, 34, 10});
    std::discrete_distribution<int> scattered_family({20, 0, 20, 0, 0, 10, 40, 10});
    std::vector<geo::Projected> towns(40);
    for (auto& t : towns) t = {kCentreX + u(rng), kCentreY + u(rng)};
    std::uniform_int_distribution<std::size_t> pick(0, towns.size() - 1);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<geo::Projected> pts(n_items);
    std::vector<int> families(n_items);
    for (std::size_t i = 0; i < n_items; ++i) {
        if (unit(rng) < 0.6) {
            const auto& t = towns[pick(rng)];
            pts[i] = {t.x_m + town(rng), t.y_m + town(rng)};
            families[i] = town_family(rng);
        } else {
            pts[i] = {kCentreX + u(rng), kCentreY + u(rng)};
            families[i] = scattered_family(rng);
        }
    }
    auto pos = proj->inverse(pts);
    if (!pos) std::abort();
    s.items.resize(n_items);
    for (std::size_t i = 0; i < n_items; ++i) {
        s.items[i].family = static_cast<geo::Family>(families[i]);
        s.items[i].position = (*pos)[i];
        s.items[i].source_id = std::to_string(i);
    }
    return s;
}

double peak_rss_mib() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

void BM_Gaps(benchmark::State& state) {
    const auto n_items = static_cast<std::size_t>(state.range(0));
    const auto cell_m = static_cast<double>(state.range(1));
    static std::map<std::size_t, Scene> scenes;
    if (!scenes.count(n_items)) scenes.emplace(n_items, make_scene(n_items));
    const Scene& scene = scenes.at(n_items);
    auto audience = geo::resolve_audience("familles-nature", nullptr);
    auto defaults = geo::load_gap_defaults();
    if (!audience || !defaults) {
        state.SkipWithError("cannot load the audience or data/gap_defaults.json");
        return;
    }
    geo::GapParams params;
    params.cell_m = cell_m;
    params.acceptable_m = defaults->acceptable_m;
    std::size_t cells = 0, zones = 0;
    for (auto _ : state) {
        auto res = geo::compute_gaps(scene.perimeter, scene.items, *audience, params);
        if (!res) {
            state.SkipWithError(res.error().message.c_str());
            return;
        }
        cells = res->cells.size();
        zones = res->zones.size();
        benchmark::DoNotOptimize(res);
    }
    state.counters["cells"] = static_cast<double>(cells);
    state.counters["zones"] = static_cast<double>(zones);
    state.counters["peak_rss_MiB"] = peak_rss_mib();
}

BENCHMARK(BM_Gaps)
    ->Args({10'000, 1'000})
    ->Args({100'000, 2'000})
    ->Args({100'000, 1'000})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
