// Frame time of the interactive map (issue 4): `territoire gui --bench-frames`
// at 1600x900 on Mesa llvmpipe, for the demo, the DATAtourisme sample with the
// communes of Indre-et-Loire and Loir-et-Cher, and 500,000 generated items
// (20 town clusters over France plus 20 % scattered), at the default view
// (fit to the data) and zoomed in (on Tours; on the first generated town). Each case runs the real binary:
// 120 frames panned by one pixel, then 120 frames zoomed by ±2 % around the
// centre; each frame is ImGui + map + panels + glFinish. The benchmark time
// is the median pan frame; counters give both medians and p95 (ms).
// The *_basemaps cases add two basemaps under the sample (issue 12): a raster
// MBTiles of Touraine (2048 px, written with GDAL as the render tests do,
// with overviews) and the OpenStreetMap extract of Tours.
// The *_slider case opens the heritage audience and, after pan and zoom,
// drags its heritage weight back and forth for 120 frames while the worker
// recomputes the perimeter (issue 15: fluid at that size): counters
// slider_median_ms, slider_p95_ms, slider_max_ms.
// Target: median ≤ 33 ms in every case. Needs a display:
//   xvfb-run -a -s "-screen 0 1920x1080x24" build/release/tests/bench/frame_bench
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <regex>
#include <string>

#include <benchmark/benchmark.h>

#include "geo/core/taxonomy.hpp"
#include "geo/io/import.hpp"
#include "geo/store/catalogue.hpp"
#include "tests/bench/bench_support.hpp"
#include "tests/support/raster_fixture.hpp"

namespace fs = std::filesystem;

namespace {

const std::string kBinary = std::string(TERRITOIRE_BINARY_DIR) + "/app/territoire";
const fs::path kShared = TERRITOIRE_SHARED_DATA_DIR;
constexpr const char* kTours = "0.62,47.36,0.78,47.43";

using bench::bench_dir;
using bench::taxonomy;

// A catalogue built once per run; empty string (and a message) on failure.
std::string demo_catalogue(std::string& error) {
    const auto path = bench_dir() / "frame-demo.sqlite";
    fs::remove(path);
    auto c = geo::Catalogue::open(path.string());
    if (!c) return error = c.error().message, "";
    auto r = geo::import_source(*c, std::string(TERRITOIRE_SOURCE_DIR) + "/data/demo/items.geojson", {}, taxonomy());
    if (!r) return error = r.error().message, "";
    return path.string();
}

std::string sample_catalogue(std::string& error) {
    const auto path = bench_dir() / "frame-sample.sqlite";
    fs::remove(path);
    auto c = geo::Catalogue::open(path.string());
    if (!c) return error = c.error().message, "";
    auto r = geo::import_source(*c, (kShared / "poi/datatourisme-touraine-2020").string(), {}, taxonomy());
    if (!r) return error = r.error().message, "";
    for (const char* dep : {"37-indre-et-loire", "41-loir-et-cher"}) {
        const auto communes = kShared / "admin/departements" / dep / (std::string("communes-") + dep + ".geojson");
        auto t = geo::import_territories(*c, communes.string(), geo::TerritoryLevel::commune, {});
        if (!t) return error = t.error().message, "";
    }
    return path.string();
}

constexpr std::uint64_t kSeed = 20261126;

// Zoomed views: Tours (demo and sample), the first generated town (500k).
std::string fit_view() {
    return "";
}
std::string tours_view() {
    return kTours;
}
std::string generated_town_view() {
    std::mt19937_64 rng(kSeed);
    std::uniform_real_distribution<double> lon(-4.5, 7.5), lat(43.0, 50.5);
    const double x = lon(rng), y = lat(rng);  // towns[0], drawn first below
    char text[96];
    std::snprintf(text, sizeof text, "%.4f,%.4f,%.4f,%.4f", x - 0.08, y - 0.035, x + 0.08, y + 0.035);
    return text;
}

std::string generated_catalogue(std::string& error) {
    const auto path = bench_dir() / "frame-500k.sqlite";
    if (fs::exists(path)) return path.string();
    auto c = geo::Catalogue::open((path.string() + ".tmp"));
    if (!c) return error = c.error().message, "";
    std::mt19937_64 rng(kSeed);
    std::uniform_real_distribution<double> lon(-4.5, 7.5), lat(43.0, 50.5), unit(0.0, 1.0);
    std::array<geo::LonLat, 20> towns{};
    for (auto& t : towns) t = {lon(rng), lat(rng)};
    std::normal_distribution<double> spread(0.0, 0.15);
    std::vector<geo::OfferItem> items(500'000);
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto& it = items[i];
        it.source_id = "f" + std::to_string(i);
        it.name = "Lieu " + std::to_string(i);
        it.family = static_cast<geo::Family>(i % geo::kFamilyCount);
        if (unit(rng) < 0.2) {
            it.position = {lon(rng), lat(rng)};
        } else {
            const geo::LonLat t = towns[i % towns.size()];
            it.position = {t.lon_deg + spread(rng), t.lat_deg + spread(rng)};
        }
    }
    geo::ImportReport report;
    if (auto ok = c->upsert_items({"generated", "gdal", "frame_bench", "", "", ""}, items, report); !ok)
        return error = ok.error().message, "";
    fs::rename(path.string() + ".tmp", path);
    return path.string();
}

struct FrameTimes {
    double pan_median = 0, pan_p95 = 0, zoom_median = 0, zoom_p95 = 0;
    double slider_median = 0, slider_p95 = 0, slider_max = 0;  // with an audience
};

// Runs the binary and reads its "pan"/"zoom" lines.
bool run_gui(const std::string& args, FrameTimes& out, std::string& error) {
    const std::string cmd = kBinary + " gui --size 1600x900 --bench-frames 120 " + args + " 2>&1";
    std::FILE* pipe = popen(cmd.c_str(), "r");
    if (pipe == nullptr) return error = "cannot run " + kBinary, false;
    std::string text;
    std::array<char, 4096> buf{};
    while (std::fgets(buf.data(), static_cast<int>(buf.size()), pipe) != nullptr) text += buf.data();
    const int status = pclose(pipe);
    const std::regex line(
        R"((pan|zoom|slider)\s+frames \d+\s+median ([0-9.]+) ms\s+p95 ([0-9.]+) ms\s+max ([0-9.]+) ms)");
    int found = 0;
    for (std::sregex_iterator m(text.begin(), text.end(), line), end; m != end; ++m, ++found) {
        const std::string what = (*m)[1];
        const double median = std::stod((*m)[2]), p95 = std::stod((*m)[3]);
        if (what == "pan") out.pan_median = median, out.pan_p95 = p95;
        if (what == "zoom") out.zoom_median = median, out.zoom_p95 = p95;
        if (what == "slider") out.slider_median = median, out.slider_p95 = p95, out.slider_max = std::stod((*m)[4]);
    }
    const int expected = args.find("--audience") != std::string::npos ? 3 : 2;
    if (status != 0 || found != expected) return error = "territoire gui failed: " + text, false;
    return true;
}

// The basemap arguments: an MBTiles made once per run, the OSM extract.
std::string basemap_args() {
    static const std::string mbtiles = test::write_quadrant_mbtiles(bench_dir()).string();
    return "--basemap " + mbtiles + " --basemap " + (kShared / "poi/osm/tours.osm.pbf").string();
}
std::string no_basemap() {
    return "";
}

using MakeCatalogue = std::string (*)(std::string&);
using Extra = std::string (*)();

using ViewOf = std::string (*)();

void BM_Frame(benchmark::State& state, MakeCatalogue make, ViewOf view, Extra extra = &no_basemap) {
    if (std::getenv("DISPLAY") == nullptr) {
        state.SkipWithError("no display: run under xvfb-run -a -s \"-screen 0 1920x1080x24\"");
        return;
    }
    std::string error;
    static std::map<MakeCatalogue, std::string> made;  // each catalogue built once per run
    if (!made.count(make)) made[make] = make(error);
    const std::string& catalogue = made[make];
    if (catalogue.empty()) {
        state.SkipWithError(("catalogue: " + error).c_str());
        return;
    }
    FrameTimes t;
    for (auto _ : state) {
        const std::string bbox = view();
        const std::string args = "--catalogue " + catalogue + (bbox.empty() ? "" : " --bbox " + bbox) + " " + extra();
        if (!run_gui(args, t, error)) {
            state.SkipWithError(error.c_str());
            return;
        }
        state.SetIterationTime(t.pan_median / 1000.0);
    }
    state.counters["pan_median_ms"] = t.pan_median;
    state.counters["pan_p95_ms"] = t.pan_p95;
    state.counters["zoom_median_ms"] = t.zoom_median;
    state.counters["zoom_p95_ms"] = t.zoom_p95;
    if (t.slider_median > 0) {
        state.counters["slider_median_ms"] = t.slider_median;
        state.counters["slider_p95_ms"] = t.slider_p95;
        state.counters["slider_max_ms"] = t.slider_max;
    }
}
std::string heritage_audience() {
    return "--audience patrimoine";
}

}  // namespace

BENCHMARK_CAPTURE(BM_Frame, demo_default, &demo_catalogue, &fit_view)
    ->UseManualTime()
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Frame, demo_tours, &demo_catalogue, &tours_view)
    ->UseManualTime()
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Frame, sample_communes_default, &sample_catalogue, &fit_view)
    ->UseManualTime()
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Frame, sample_communes_tours, &sample_catalogue, &tours_view)
    ->UseManualTime()
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Frame, sample_communes_default_basemaps, &sample_catalogue, &fit_view, &basemap_args)
    ->UseManualTime()
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Frame, sample_communes_tours_basemaps, &sample_catalogue, &tours_view, &basemap_args)
    ->UseManualTime()
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Frame, generated_500k_default, &generated_catalogue, &fit_view)
    ->UseManualTime()
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Frame, generated_500k_town, &generated_catalogue, &generated_town_view)
    ->UseManualTime()
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Frame, generated_500k_slider, &generated_catalogue, &fit_view, &heritage_audience)
    ->UseManualTime()
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);
