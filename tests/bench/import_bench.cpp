// Import throughput into a fresh catalogue: the real DATAtourisme sample, and a
// generated 500,000-point GeoJSON beside `ogr2ogr -f SQLite -dsco
// SPATIALITE=YES` on the same file in the same run (the yardstick),
// and the same into PostGIS beside `ogr2ogr -f PostgreSQL` when a server is
// configured (PGHOST: source the env file of scripts/pg-cluster.sh).
// Run in a release build: build/release/tests/bench/import_bench
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include "geo/core/taxonomy.hpp"
#include "geo/io/import.hpp"
#include "geo/store/catalogue.hpp"
#include "tests/bench/bench_support.hpp"

namespace fs = std::filesystem;

namespace {

constexpr int kGeneratedPoints = 500'000;

using bench::bench_dir;
using bench::taxonomy;

// 500k points over metropolitan France, eight families, seeded: written once.
std::string generated_geojson() {
    const auto path = bench_dir() / "points-500k.geojson";
    if (fs::exists(path)) return path.string();
    const char* families[] = {"heritage",       "nature",         "gastronomy",    "outdoor",
                              "family_leisure", "events_culture", "accommodation", "services"};
    std::mt19937_64 rng(20261126);
    std::uniform_real_distribution<double> lon(-4.5, 7.5);
    std::uniform_real_distribution<double> lat(43.0, 50.5);
    std::FILE* f = std::fopen((path.string() + ".tmp").c_str(), "w");
    std::fputs("{\"type\":\"FeatureCollection\",\"features\":[\n", f);
    for (int i = 0; i < kGeneratedPoints; ++i)
        std::fprintf(f,
                     "%s{\"type\":\"Feature\",\"properties\":{\"id\":\"p%d\",\"name\":\"Point %d\","
                     "\"family\":\"%s\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[%.6f,%.6f]}}",
                     i == 0 ? "" : ",\n", i, i, families[i % 8], lon(rng), lat(rng));
    std::fputs("\n]}\n", f);
    std::fclose(f);
    fs::rename(path.string() + ".tmp", path);
    return path.string();
}

double peak_rss_mib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// Times import_source of `source` into the catalogue `fresh()` makes before
// each iteration (untimed); fresh() returns "" (with `why`) when it cannot.
void import_into_fresh_catalogue(benchmark::State& state, const std::string& source,
                                 const std::function<std::string()>& fresh, const char* why) {
    std::int64_t imported = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const std::string target = fresh();
        if (target.empty()) {
            state.SkipWithError(why);
            return;
        }
        state.ResumeTiming();
        auto catalogue = geo::Catalogue::open(target);
        if (!catalogue) {
            state.SkipWithError(catalogue.error().message.c_str());
            return;
        }
        auto report = geo::import_source(*catalogue, source, {}, taxonomy());
        if (!report) {
            state.SkipWithError(report.error().message.c_str());
            return;
        }
        imported = report->imported;
    }
    state.counters["items"] = static_cast<double>(imported);
    state.counters["items_per_s"] =
        benchmark::Counter(static_cast<double>(imported), benchmark::Counter::kIsIterationInvariantRate);
    state.counters["peak_rss_MiB"] = peak_rss_mib();
}

// A new SpatiaLite file each time.
void import_into_fresh_catalogue(benchmark::State& state, const std::string& source) {
    const auto catalogue_path = (bench_dir() / "import-bench.sqlite").string();
    import_into_fresh_catalogue(
        state, source,
        [&] {
            fs::remove(catalogue_path);
            return catalogue_path;
        },
        "cannot make the catalogue");
}

void BM_ImportDatatourismeSample(benchmark::State& state) {
    const auto sample = fs::path(TERRITOIRE_SHARED_DATA_DIR) / "poi/datatourisme-touraine-2020";
    if (!fs::exists(sample)) {
        state.SkipWithError("../shared/data missing");
        return;
    }
    import_into_fresh_catalogue(state, sample.string());
}

void BM_ImportGeoJson500k(benchmark::State& state) {
    import_into_fresh_catalogue(state, generated_geojson());
}

void BM_Ogr2ogrSpatialite500k(benchmark::State& state) {
    const std::string source = generated_geojson();
    const auto out = (bench_dir() / "ogr2ogr-bench.sqlite").string();
    const std::string command = "ogr2ogr -f SQLite -dsco SPATIALITE=YES '" + out + "' '" + source + "' 2>/dev/null";
    for (auto _ : state) {
        state.PauseTiming();
        fs::remove(out);
        state.ResumeTiming();
        if (std::system(command.c_str()) != 0) {
            state.SkipWithError("ogr2ogr failed (package gdal-bin)");
            return;
        }
    }
    state.counters["items"] = kGeneratedPoints;
    state.counters["items_per_s"] = benchmark::Counter(kGeneratedPoints, benchmark::Counter::kIsIterationInvariantRate);
}

// A fresh database on the configured server (PGHOST, PGPORT… as libpq reads
// them), or "" when there is none.
std::string fresh_database(const std::string& name) {
    if (std::getenv("PGHOST") == nullptr) return {};
    const std::string sql = "psql -q -d postgres -c 'DROP DATABASE IF EXISTS " + name +
                            " WITH (FORCE)' -c 'CREATE DATABASE " + name + "' >/dev/null 2>&1";
    return std::system(sql.c_str()) == 0 ? name : std::string();
}

void BM_ImportGeoJson500kPostgis(benchmark::State& state) {
    import_into_fresh_catalogue(
        state, generated_geojson(),
        [] {
            const std::string db = fresh_database("territoire_import_bench");
            return db.empty() ? db : "postgresql:///" + db;
        },
        "no PostgreSQL server (PGHOST unset)");
}

// ogr2ogr into PostGIS as its users run it: COPY (PG_USE_COPY), one table
// with its GiST index.
void BM_Ogr2ogrPostgres500k(benchmark::State& state) {
    const std::string source = generated_geojson();
    for (auto _ : state) {
        state.PauseTiming();
        const std::string db = fresh_database("territoire_ogr2ogr_bench");
        if (db.empty() ||
            std::system(("psql -q -d " + db + " -c 'CREATE EXTENSION postgis' >/dev/null 2>&1").c_str()) != 0) {
            state.SkipWithError("no PostgreSQL server with PostGIS (PGHOST unset)");
            return;
        }
        state.ResumeTiming();
        const std::string command =
            "ogr2ogr -f PostgreSQL PG:dbname=" + db + " '" + source + "' -nln points 2>/dev/null";
        if (std::system(command.c_str()) != 0) {
            state.SkipWithError("ogr2ogr failed (package gdal-bin)");
            return;
        }
    }
    state.counters["items"] = kGeneratedPoints;
    state.counters["items_per_s"] = benchmark::Counter(kGeneratedPoints, benchmark::Counter::kIsIterationInvariantRate);
}

}  // namespace

BENCHMARK(BM_ImportGeoJson500kPostgis)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_Ogr2ogrPostgres500k)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_ImportDatatourismeSample)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_ImportGeoJson500k)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_Ogr2ogrSpatialite500k)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
