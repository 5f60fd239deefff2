// Writing offer items to GeoJSON (streamed, 7 decimals) and, for comparison,
// to CSV and GeoPackage, at several sizes. Items are synthetic but shaped
// like DATAtourisme ones (accented names, subtypes, labels, months).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <random>

#include "geo/io/exporters.hpp"
#include "geo/io/geojson_writer.hpp"

namespace {

std::vector<geo::OfferItem> make_items(std::size_t n) {
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> lon(-5.0, 9.5), lat(41.3, 51.1);
    std::vector<geo::OfferItem> items(n);
    for (std::size_t i = 0; i < n; ++i) {
        auto& item = items[i];
        item.id = static_cast<std::int64_t>(i) + 1;
        item.source = "datatourisme";
        item.source_id = "PCU37AASOR" + std::to_string(100000 + i);
        item.name = "Château de la Vallée n°" + std::to_string(i) + " – « Été »";
        item.family = geo::kAllFamilies[i % geo::kFamilyCount];
        item.subtypes = {"castle", "park_garden"};
        item.labels = i % 3 == 0 ? std::vector<std::string>{"monument_historique"} : std::vector<std::string>{};
        item.themes = {"kb:Renaissance"};
        item.opening_months = 0x03F0;
        item.producer = "Office de Tourisme Amboise Val de Loire";
        item.commune_insee = "37070";
        item.position = {lon(rng), lat(rng)};
    }
    return items;
}

std::string out_path(const char* name) {
    const auto dir = std::filesystem::path(TERRITOIRE_BINARY_DIR) / "bench-tmp";
    std::filesystem::create_directories(dir);
    return (dir / name).string();
}

void run_export(benchmark::State& state, const char* name) {
    const auto items = make_items(static_cast<std::size_t>(state.range(0)));
    const auto path = out_path(name);
    for (auto _ : state) {
        auto written = geo::export_items(items, path);
        if (!written) state.SkipWithError(written.error().message.c_str());
        benchmark::DoNotOptimize(written);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.counters["MB"] = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
    std::filesystem::remove(path);
}

void BM_GeoJsonItems(benchmark::State& state) {
    run_export(state, "items.geojson");
}
void BM_CsvItems(benchmark::State& state) {
    run_export(state, "items.csv");
}
void BM_GpkgItems(benchmark::State& state) {
    run_export(state, "items.gpkg");
}

}  // namespace

BENCHMARK(BM_GeoJsonItems)->Arg(10'000)->Arg(100'000)->Arg(500'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CsvItems)->Arg(10'000)->Arg(500'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GpkgItems)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
