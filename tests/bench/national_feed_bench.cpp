// The national DATAtourisme feed's size: a generated feed of 512,000 objects
// (TERRITOIRE_BENCH_FEED_OBJECTS to change it) shaped like the real sample —
// each object is one of the sample's 1,399 objects, byte for byte, with a new
// @id and a position drawn over metropolitan France — imported into a fresh
// SpatiaLite file and, when a server is configured (PGHOST), into a fresh
// PostGIS database. Reports items/s and the import's peak RSS (VmHWM, reset
// before each import through /proc/self/clear_refs).
// Run in a release build: build/release/tests/bench/national_feed_bench
// The feed is written once into build/…/bench-tmp (about 22 KB per object:
// 11 GB at 512,000).
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "geo/io/import.hpp"
#include "geo/store/catalogue.hpp"
#include "geo/store/pg_util.hpp"
#include "tests/bench/bench_support.hpp"

namespace fs = std::filesystem;

namespace {

using bench::bench_dir;
using bench::taxonomy;

int feed_objects() {
    const char* n = std::getenv("TERRITOIRE_BENCH_FEED_OBJECTS");
    return n != nullptr && std::atoi(n) > 0 ? std::atoi(n) : 512'000;
}

fs::path sample() {
    return fs::path(TERRITOIRE_SHARED_DATA_DIR) / "poi/datatourisme-touraine-2020";
}

// One sample object cut around its @id, latitude and longitude.
struct Template {
    std::vector<std::string> parts;  // text between the fields, in order
    std::vector<char> fields;        // 'i', 'y' (latitude), 'x' (longitude), one per gap
};

Template cut(const std::string& bytes) {
    auto doc = nlohmann::json::parse(bytes);
    doc["@id"] = "@@i@@";
    auto& geo = doc["isLocatedAt"][0]["schema:geo"];
    geo["schema:latitude"] = "@@y@@";
    geo["schema:longitude"] = "@@x@@";
    const std::string text = doc.dump(bytes.find("\n  ") != std::string::npos ? 2 : -1);
    Template t;
    std::size_t from = 0;
    for (std::size_t at = text.find("\"@@"); at != std::string::npos; at = text.find("\"@@", from)) {
        t.parts.push_back(text.substr(from, at - from));
        t.fields.push_back(text[at + 3]);
        from = at + 7;  // "@@i@@"
    }
    t.parts.push_back(text.substr(from));
    return t;
}

std::vector<Template> templates() {
    std::vector<Template> out;
    for (const auto& e : fs::recursive_directory_iterator(sample() / "objects")) {
        if (!e.is_regular_file() || e.path().extension() != ".json") continue;
        std::ifstream in(e.path(), std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        try {
            Template t = cut(bytes);
            if (t.fields.size() == 3) out.push_back(std::move(t));
        } catch (const std::exception&) {  // an object without a position: not a template
        }
    }
    return out;
}

// The generated feed (written once): objects/D/DD/gen-N.json and index.json.
std::string national_feed(int objects, std::int64_t& bytes_out) {
    const fs::path dir = bench_dir() / fmt::format("datatourisme-generated-{}", objects);
    const fs::path done = dir / "complete";
    if (fs::exists(done)) {
        std::ifstream(done) >> bytes_out;
        return dir.string();
    }
    fs::remove_all(dir);
    const std::vector<Template> shapes = templates();
    std::mt19937_64 rng(20261207);
    std::uniform_real_distribution<double> lon(-4.5, 7.5);
    std::uniform_real_distribution<double> lat(43.0, 50.5);
    fs::create_directories(dir);
    std::FILE* index = std::fopen((dir / "index.json").c_str(), "w");
    std::fputs("[\n", index);
    std::int64_t bytes = 0;
    for (int i = 0; i < objects; ++i) {
        const Template& t = shapes[static_cast<std::size_t>(i) % shapes.size()];
        const std::string rel = fmt::format("{}/{:02}/gen-{}.json", i % 10, (i / 10) % 100, i);
        const fs::path file = dir / "objects" / rel;
        if (i < 1000) fs::create_directories(file.parent_path());
        std::FILE* f = std::fopen(file.c_str(), "w");
        for (std::size_t k = 0; k < t.parts.size(); ++k) {
            std::fwrite(t.parts[k].data(), 1, t.parts[k].size(), f);
            bytes += static_cast<std::int64_t>(t.parts[k].size());
            if (k == t.fields.size()) break;
            const std::string value = t.fields[k] == 'i'
                                          ? fmt::format("\"https://data.datatourisme.fr/generated/{}\"", i)
                                      : t.fields[k] == 'y' ? fmt::format("\"{:.6f}\"", lat(rng))
                                                           : fmt::format("\"{:.6f}\"", lon(rng));
            std::fwrite(value.data(), 1, value.size(), f);
            bytes += static_cast<std::int64_t>(value.size());
        }
        std::fclose(f);
        std::fprintf(index, "%s  {\"label\": \"Objet %d\", \"file\": \"%s\"}", i == 0 ? "" : ",\n", i, rel.c_str());
    }
    std::fputs("\n]\n", index);
    std::fclose(index);
    std::ofstream(done) << bytes;
    bytes_out = bytes;
    return dir.string();
}

// Resets the peak RSS (VmHWM) of this process; then peak_rss_mib() reads it.
void reset_peak_rss() {
    std::ofstream("/proc/self/clear_refs") << "5";
}
double peak_rss_mib() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.starts_with("VmHWM:")) return std::stod(line.substr(6)) / 1024.0;
    return 0;
}

void import_feed(benchmark::State& state, const std::string& (*address)()) {
    if (!fs::exists(sample())) {
        state.SkipWithError("../shared/data missing");
        return;
    }
    std::int64_t bytes = 0;
    const std::string feed = national_feed(feed_objects(), bytes);
    std::int64_t imported = 0;
    double peak = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const std::string target = address();
        if (target.empty()) {
            state.SkipWithError("no catalogue to import into (PGHOST unset?)");
            return;
        }
        reset_peak_rss();
        state.ResumeTiming();
        auto catalogue = geo::Catalogue::open(target);
        if (!catalogue) {
            state.SkipWithError(catalogue.error().message.c_str());
            return;
        }
        auto report = geo::import_source(*catalogue, feed, {}, taxonomy());
        if (!report) {
            state.SkipWithError(report.error().message.c_str());
            return;
        }
        imported = report->imported;
        peak = peak_rss_mib();
    }
    state.counters["items"] = static_cast<double>(imported);
    state.counters["feed_MB"] = static_cast<double>(bytes) / 1e6;
    state.counters["items_per_s"] =
        benchmark::Counter(static_cast<double>(imported), benchmark::Counter::kIsIterationInvariantRate);
    state.counters["peak_rss_MiB"] = peak;
}

const std::string& spatialite_target() {
    static std::string path;
    path = (bench_dir() / "national-bench.sqlite").string();
    fs::remove(path);
    return path;
}

const std::string& postgis_target() {
    static std::string address;
    address.clear();
    if (std::getenv("PGHOST") == nullptr) return address;
    auto admin = geo::store::pg_connect("postgresql:///postgres");
    if (!admin) return address;
    for (const char* sql : {"DROP DATABASE IF EXISTS territoire_national_bench WITH (FORCE)",
                            "CREATE DATABASE territoire_national_bench"})
        if (!geo::store::pg_exec_script(admin->get(), sql)) return address;
    address = "postgresql:///territoire_national_bench";
    return address;
}

void BM_NationalFeedIntoSpatialite(benchmark::State& state) {
    import_feed(state, spatialite_target);
}
void BM_NationalFeedIntoPostgis(benchmark::State& state) {
    import_feed(state, postgis_target);
}

}  // namespace

BENCHMARK(BM_NationalFeedIntoSpatialite)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_NationalFeedIntoPostgis)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
