// Perimeter speed on generated catalogues spread over metropolitan France.
//
// Catalogue generator (seeded, deterministic): 55 % of items in towns (major
// cities plus 2 500 towns with power-law sizes, Gaussian spread growing with
// size), 20 % along river valleys (Loire, Rhône, Seine, Garonne, Dordogne,
// Rhine, Isère, Durance), 15 % along the coasts, 10 % scattered over the
// country. Each item has a family drawn from a realistic mix and a weight from
// an audience ("patrimoine"-like: heritage 1, events 0.6, nature 0.5, …,
// services 0) times a label bonus (×2 for 5 % of items); zero-weight items are
// ignored by the perimeter, as in the product.
//
// Reported: real time (median of repetitions), CPU time of all threads per
// perimeter, peak resident memory of the process during the benchmark (VmHWM,
// reset before each run through /proc/self/clear_refs; it includes the
// generated catalogue) and the parameters chosen.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "geo/analysis/bandwidth.hpp"
#include "geo/analysis/perimeter.hpp"

namespace {

struct Catalogue {
    std::vector<geo::LonLat> positions;
    std::vector<double> weights;
};

using Line = std::vector<geo::LonLat>;

// Rough outline of metropolitan France (lon, lat), counter-clockwise.
const Line kFrance = {{-1.8, 43.4}, {-0.5, 42.8}, {1.7, 42.5},  {3.1, 42.5},  {3.1, 43.1},  {4.5, 43.4},  {6.0, 43.1},
                      {7.5, 43.8},  {6.9, 44.6},  {6.6, 45.1},  {7.0, 45.9},  {6.0, 46.2},  {6.3, 46.6},  {7.6, 47.6},
                      {8.2, 48.9},  {5.8, 49.5},  {4.2, 49.9},  {2.5, 51.1},  {1.6, 50.3},  {0.1, 49.5},  {-1.9, 49.7},
                      {-1.6, 48.7}, {-3.0, 48.8}, {-4.7, 48.4}, {-4.3, 47.8}, {-2.2, 47.1}, {-1.2, 46.2}, {-1.2, 44.6}};
const std::vector<Line> kCoasts = {
    {{-1.8, 43.4},
     {-1.2, 44.6},
     {-1.2, 46.2},
     {-2.2, 47.1},
     {-4.3, 47.8},
     {-4.7, 48.4},
     {-3.0, 48.8},
     {-1.6, 48.7},
     {-1.9, 49.7},
     {0.1, 49.5},
     {1.6, 50.3},
     {2.5, 51.1}},
    {{3.1, 42.5}, {3.1, 43.1}, {4.5, 43.4}, {6.0, 43.1}, {7.5, 43.8}},
    {{8.6, 41.4}, {9.4, 42.0}, {9.5, 43.0}, {8.6, 42.4}, {8.6, 41.4}},  // Corsica
};
const std::vector<Line> kValleys = {
    {{4.07, 46.04}, {3.16, 46.99}, {1.9, 47.9}, {1.33, 47.59}, {0.69, 47.39}, {-0.55, 47.47}, {-1.55, 47.22}},
    {{6.1, 46.2}, {4.83, 45.76}, {4.89, 44.93}, {4.81, 43.95}, {4.63, 43.68}},
    {{4.07, 48.3}, {2.35, 48.85}, {1.1, 49.44}, {0.1, 49.5}},
    {{1.44, 43.6}, {0.62, 44.2}, {-0.58, 44.84}},
    {{2.5, 45.5}, {0.5, 44.85}, {-0.3, 44.9}},
    {{7.6, 47.6}, {7.75, 48.58}, {8.2, 48.9}},
    {{6.9, 45.6}, {5.72, 45.19}, {4.89, 44.93}},
    {{6.6, 44.9}, {5.9, 44.1}, {4.81, 43.95}},
};
struct City {
    geo::LonLat at;
    double size;
};
const std::vector<City> kCities = {
    {{2.35, 48.85}, 10},  {{4.83, 45.76}, 4},   {{5.37, 43.3}, 4},     {{1.44, 43.6}, 3},
    {{7.26, 43.7}, 3},    {{-1.55, 47.22}, 2},  {{-0.58, 44.84}, 2.5}, {{3.06, 50.63}, 2},
    {{7.75, 48.58}, 2},   {{0.69, 47.39}, 1.5}, {{4.81, 43.95}, 1.5},  {{-1.68, 48.11}, 1.5},
    {{3.88, 43.61}, 1.5}, {{5.72, 45.19}, 1.5}, {{2.35, 42.7}, 1},     {{6.18, 48.69}, 1}};

bool inside(const Line& poly, geo::LonLat p) {
    bool in = false;
    for (std::size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
        const auto& a = poly[i];
        const auto& b = poly[j];
        if ((a.lat_deg > p.lat_deg) != (b.lat_deg > p.lat_deg) &&
            p.lon_deg < (b.lon_deg - a.lon_deg) * (p.lat_deg - a.lat_deg) / (b.lat_deg - a.lat_deg) + a.lon_deg)
            in = !in;
    }
    return in;
}

geo::LonLat offset_km(geo::LonLat c, double dx_km, double dy_km) {
    return {c.lon_deg + dx_km / (111.2 * std::cos(c.lat_deg * M_PI / 180.0)), c.lat_deg + dy_km / 111.2};
}

class Generator {
public:
    explicit Generator(std::uint64_t seed) : m_rng(seed) {}

    Catalogue make(std::size_t n) {
        Catalogue c;
        c.positions.reserve(n);
        c.weights.reserve(n);
        std::vector<City> towns = kCities;
        std::uniform_real_distribution<double> u(0.0, 1.0);
        while (towns.size() < kCities.size() + 2500) {
            const geo::LonLat p{-4.8 + 13.0 * u(m_rng), 42.3 + 8.8 * u(m_rng)};
            if (!inside(kFrance, p)) continue;
            towns.push_back({p, 0.02 * std::pow(1.0 - u(m_rng), -1.0 / 1.1)});  // Pareto α 1.1
        }
        std::normal_distribution<double> gauss(0.0, 1.0);
        std::discrete_distribution<int> kind({55, 20, 15, 10});
        std::vector<double> sizes;
        for (const auto& t : towns) sizes.push_back(t.size);
        std::discrete_distribution<std::size_t> pick_town(sizes.begin(), sizes.end());
        while (c.positions.size() < n) {
            geo::LonLat p;
            switch (kind(m_rng)) {
                case 0: {
                    const City& t = towns[pick_town(m_rng)];
                    const double sigma_km = 0.8 + 2.5 * std::pow(t.size, 0.4);
                    p = offset_km(t.at, sigma_km * gauss(m_rng), sigma_km * gauss(m_rng));
                    break;
                }
                case 1:
                    p = along(kValleys, 1.5 * gauss(m_rng));
                    break;
                case 2:
                    p = along(kCoasts, 1.0 * gauss(m_rng));
                    break;
                default:
                    p = {-4.8 + 13.0 * u(m_rng), 42.3 + 8.8 * u(m_rng)};
                    if (!inside(kFrance, p)) continue;
            }
            c.positions.push_back(p);
            c.weights.push_back(weight());
        }
        return c;
    }

private:
    // A point on a random segment of one of the lines, pushed sideways.
    geo::LonLat along(const std::vector<Line>& lines, double side_km) {
        std::uniform_int_distribution<std::size_t> line(0, lines.size() - 1);
        const Line& l = lines[line(m_rng)];
        std::uniform_int_distribution<std::size_t> seg(0, l.size() - 2);
        const std::size_t s = seg(m_rng);
        const double f = std::uniform_real_distribution<double>(0.0, 1.0)(m_rng);
        const geo::LonLat a = l[s], b = l[s + 1];
        const geo::LonLat on{a.lon_deg + f * (b.lon_deg - a.lon_deg), a.lat_deg + f * (b.lat_deg - a.lat_deg)};
        const double dx = (b.lon_deg - a.lon_deg) * std::cos(a.lat_deg * M_PI / 180.0);
        const double dy = b.lat_deg - a.lat_deg;
        const double len = std::hypot(dx, dy);
        return offset_km(on, -dy / len * side_km, dx / len * side_km);
    }
    // Family mix of a DATAtourisme-like feed and a heritage audience.
    double weight() {
        static constexpr double kShare[] = {18, 12, 20, 8, 7, 10, 20, 5};
        static constexpr double kAudience[] = {1.0, 0.5, 0.4, 0.2, 0.3, 0.6, 0.1, 0.0};
        std::discrete_distribution<int> family(std::begin(kShare), std::end(kShare));
        const double label = std::uniform_real_distribution<double>(0, 1)(m_rng) < 0.05 ? 2.0 : 1.0;
        return kAudience[family(m_rng)] * label;
    }
    std::mt19937_64 m_rng;
};

const Catalogue& catalogue(std::size_t n) {
    static std::map<std::size_t, Catalogue> cache;
    auto it = cache.find(n);
    if (it == cache.end()) it = cache.emplace(n, Generator(20240611 + n).make(n)).first;
    return it->second;
}

double process_cpu_ms() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

void reset_peak_rss() {
    std::ofstream("/proc/self/clear_refs") << "5";
}
double peak_rss_mb() {
    std::ifstream status("/proc/self/status");
    std::string key;
    while (status >> key) {
        if (key == "VmHWM:") {
            double kb = 0;
            status >> kb;
            return kb / 1024.0;
        }
        std::getline(status, key);
    }
    return 0.0;
}

// Times `compute` (which returns a Result<PerimeterResult>) and reports the
// peak memory and the parameters chosen.
template <class Compute>
void run(benchmark::State& state, Compute compute) {
    reset_peak_rss();
    geo::Result<geo::PerimeterResult> r;
    const double cpu0 = process_cpu_ms();
    for (auto _ : state) {
        r = compute();
        benchmark::DoNotOptimize(r);
    }
    // CPU time of all threads per perimeter: the work done, whatever else
    // the machine is running (the "CPU" column counts the main thread only).
    state.counters["cpu_all_threads_ms"] = (process_cpu_ms() - cpu0) / static_cast<double>(state.iterations());
    if (!r) {
        state.SkipWithError(r.error().message.c_str());
        return;
    }
    state.counters["peak_rss_MB"] = peak_rss_mb();
    state.counters["bandwidth_m"] = r->bandwidth_m;
    state.counters["cell_m"] = r->cell_m;
    state.counters["grid_cells"] = static_cast<double>(r->grid.width) * r->grid.height;
    state.counters["items_used"] = static_cast<double>(r->items_used);
    state.counters["area_km2"] = r->levels.front().area_km2;
    state.counters["captured"] = r->levels.front().captured_mass_share;
}

// The whole computation from WGS 84 positions, default parameters.
void BM_Perimeter(benchmark::State& state) {
    const Catalogue& c = catalogue(static_cast<std::size_t>(state.range(0)));
    const geo::PerimeterParams params;
    run(state, [&] { return geo::compute_perimeter(c.positions, c.weights, params); });
}

// The audience-slider path: positions projected once, weights change.
void BM_PerimeterPreprojected(benchmark::State& state) {
    const Catalogue& c = catalogue(static_cast<std::size_t>(state.range(0)));
    auto projector = geo::Projector::create("EPSG:2154");
    std::vector<geo::LonLat> kept;
    std::vector<double> w;
    for (std::size_t i = 0; i < c.positions.size(); ++i)
        if (c.weights[i] > 0) kept.push_back(c.positions[i]), w.push_back(c.weights[i]);
    auto pts = geo::project_all(*projector, kept);
    const geo::PerimeterParams params;
    run(state, [&] { return geo::compute_perimeter(*projector, *pts, w, params); });
}

// Bandwidth selection alone (the default plug-in), positions projected.
void BM_BandwidthPlugin(benchmark::State& state) {
    const Catalogue& c = catalogue(static_cast<std::size_t>(state.range(0)));
    auto projector = geo::Projector::create("EPSG:2154");
    auto pts = geo::project_all(*projector, c.positions);
    geo::Result<geo::BandwidthSelection> s;
    for (auto _ : state) {
        s = geo::select_bandwidth(*pts, c.weights, geo::Kernel::quartic, {});
        benchmark::DoNotOptimize(s);
    }
    if (s) state.counters["sigma_m"] = s->sigma_m;
}

// Three nested levels at once.
void BM_PerimeterThreeLevels(benchmark::State& state) {
    const Catalogue& c = catalogue(static_cast<std::size_t>(state.range(0)));
    geo::PerimeterParams params;
    params.levels = {0.5, 0.8, 0.95};
    run(state, [&] { return geo::compute_perimeter(c.positions, c.weights, params); });
}

#define PERIMETER_SIZES ->Arg(10'000)->Arg(100'000)->Arg(1'000'000)
#define PERIMETER_RUNS ->Unit(benchmark::kMillisecond)->UseRealTime()->Repetitions(7)->ReportAggregatesOnly(true)

BENCHMARK(BM_Perimeter) PERIMETER_SIZES PERIMETER_RUNS;
BENCHMARK(BM_PerimeterPreprojected) PERIMETER_SIZES PERIMETER_RUNS;
BENCHMARK(BM_PerimeterThreeLevels) PERIMETER_SIZES PERIMETER_RUNS;
BENCHMARK(BM_BandwidthPlugin) PERIMETER_SIZES PERIMETER_RUNS;

}  // namespace
