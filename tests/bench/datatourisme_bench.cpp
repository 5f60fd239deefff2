// parse_datatourisme on the real Touraine sample (1,399 objects, 31 MB), as a
// folder and as a .zip (made once in the build tree with GDAL's zip writer).
#include <filesystem>
#include <fstream>
#include <vector>

#include <benchmark/benchmark.h>
#include <cpl_conv.h>

#include "geo/io/datatourisme_importer.hpp"

namespace fs = std::filesystem;

namespace {

fs::path sample() {
    return fs::path(TERRITOIRE_SHARED_DATA_DIR) / "poi/datatourisme-touraine-2020";
}

const geo::Taxonomy& taxonomy() {
    static const geo::Taxonomy tax = *geo::Taxonomy::load_default();
    return tax;
}

// The sample zipped into build/bench-tmp (once per build tree).
std::string sample_zip() {
    auto zip = fs::path(TERRITOIRE_BINARY_DIR) / "bench-tmp/datatourisme-touraine-2020.zip";
    if (fs::exists(zip)) return zip.string();
    fs::create_directories(zip.parent_path());
    void* handle = CPLCreateZip(zip.c_str(), nullptr);
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(sample()))
        if (e.is_regular_file()) files.push_back(e.path());
    for (const auto& f : files) {
        std::ifstream in(f, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        CPLCreateFileInZip(handle, fs::relative(f, sample()).generic_string().c_str(), nullptr);
        CPLWriteFileInZip(handle, bytes.data(), static_cast<int>(bytes.size()));
        CPLCloseFileInZip(handle);
    }
    CPLCloseZip(handle);
    return zip.string();
}

void run(benchmark::State& state, const std::string& path) {
    if (!fs::exists(sample())) {
        state.SkipWithError("shared data missing");
        return;
    }
    size_t items = 0;
    for (auto _ : state) {
        auto parsed = geo::parse_datatourisme(path, taxonomy());
        if (!parsed) {
            state.SkipWithError(parsed.error().message.c_str());
            return;
        }
        items = parsed->items.size();
        benchmark::DoNotOptimize(parsed->items.data());
    }
    state.counters["items"] = static_cast<double>(items);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * items));
}

void BM_DatatourismeFolder(benchmark::State& state) {
    run(state, sample().string());
}
void BM_DatatourismeZip(benchmark::State& state) {
    run(state, sample_zip());
}

}  // namespace

BENCHMARK(BM_DatatourismeFolder)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_DatatourismeZip)->Unit(benchmark::kMillisecond)->UseRealTime();
