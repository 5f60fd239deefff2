// territoire import: offer items from DATAtourisme feeds, OpenStreetMap
// extracts and GDAL files, or territories from polygon files, into a
// catalogue (created when missing). Each source is one transaction; a source
// that cannot be used leaves the catalogue as it was and makes the exit code 1.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>

#include <fmt/core.h>

#include "app/cli/cli_error.hpp"
#include "app/cli/commands.hpp"
#include "app/cli/output_options.hpp"
#include "geo/io/import.hpp"
#include "geo/store/catalogue.hpp"

namespace app::cli {
namespace {
namespace fs = std::filesystem;

constexpr size_t kShownSkipped = 20;

struct ImportArgs {
    std::vector<std::string> sources;
    std::vector<std::string> territories;
    std::string level;
    std::string layer;
    std::string name_field;
    std::string code_field;
    std::string family_field;
    std::string id_field;
    std::string family;
    std::string lon_field;
    std::string lat_field;
};

// A percentage on stderr: rewritten in place on a terminal; otherwise (logs,
// scripts) one line per quarter, and only once an import has run 2 s.
struct ProgressLine {
    using Clock = std::chrono::steady_clock;
    std::string label;
    bool tty = isatty(STDERR_FILENO) == 1;
    int last = -1;
    bool shown = false;
    Clock::time_point start = Clock::now();

    // "45%, 12,300 records/s, 25 s left" (the rate and time once a second has passed).
    std::string rate_and_eta(std::int64_t done, std::int64_t total) const {
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        if (seconds < 1.0 || done <= 0) return {};
        const double rate = static_cast<double>(done) / seconds;
        const double left = static_cast<double>(total - done) / rate;
        return fmt::format(", {:.0f} records/s, {:.0f} s left", rate, std::max(0.0, left));
    }
    static bool report(std::int64_t done, std::int64_t total, void* user) {
        auto* self = static_cast<ProgressLine*>(user);
        if (total <= 0) return true;
        const int percent = static_cast<int>(std::min<std::int64_t>(100, done * 100 / total));
        if (self->tty && percent != self->last) {
            fmt::print(stderr, "\r\033[K{}: {:3d}%{}", self->label, percent, self->rate_and_eta(done, total));
            std::fflush(stderr);
            self->shown = true;
        } else if (!self->tty && percent / 25 != self->last / 25 &&
                   Clock::now() - self->start > std::chrono::seconds(2)) {
            fmt::print(stderr, "{}: {}%{}\n", self->label, percent, self->rate_and_eta(done, total));
        }
        self->last = percent;
        return true;
    }
    geo::Progress begin(const std::string& what) {
        label = "importing " + what;
        start = Clock::now();
        last = -1;
        return {&ProgressLine::report, this};
    }
    void finish() {
        if (shown) fmt::print(stderr, "\r\033[K");
        shown = false;
    }
};

void print_report(const std::string& path, const geo::ImportReport& report) {
    fmt::print("{}: source {}: {} read, {} imported, {} updated, {} skipped\n", path, report.source, report.read,
               report.imported, report.updated, report.skipped.size());
    const size_t shown = std::min(report.skipped.size(), kShownSkipped);
    for (size_t i = 0; i < shown; ++i)
        fmt::print("  skipped {}: {}\n", report.skipped[i].record, report.skipped[i].reason.message);
    if (report.skipped.size() > shown) fmt::print("  … and {} more skipped records\n", report.skipped.size() - shown);
    if (!report.unknown_types.empty()) {
        fmt::print("  unknown types ({}):", report.unknown_types.size());
        for (size_t i = 0; i < report.unknown_types.size(); ++i)
            fmt::print("{} {}", i == 0 ? "" : ",", report.unknown_types[i]);
        fmt::print("\n");
    }
    for (const auto& warning : report.warnings) fmt::print("  warning: {}\n", warning.message);
}

// Usage problems CLI11 cannot express; "" when the arguments are consistent.
std::string usage_problem(const ImportArgs& a) {
    if (a.sources.empty() && a.territories.empty())
        return "give SOURCE files to import, or --territories FILE --level LEVEL";
    if (!a.sources.empty() && !a.territories.empty())
        return "import offer SOURCE files and --territories in separate commands";
    if (!a.territories.empty() && a.level.empty()) return "--territories needs --level";
    if (a.territories.empty() && !a.level.empty()) return "--level goes with --territories";
    if (!a.territories.empty() && !(a.family_field.empty() && a.id_field.empty() && a.family.empty() &&
                                    a.lon_field.empty() && a.lat_field.empty()))
        return "--family, --family-field, --id-field, --lon-field and --lat-field are for offer "
               "SOURCE files, not --territories";
    if (a.territories.empty() && !a.code_field.empty()) return "--code-field goes with --territories";
    return {};
}

// A catalogue file the user marked read-only is refused, even for root.
bool read_only_file(const std::string& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return false;
    const auto perms = fs::status(path, ec).permissions();
    return (perms & (fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write)) == fs::perms::none;
}

int run_import(const CommonOptions& common, const ImportArgs& args) {
    if (const std::string problem = usage_problem(args); !problem.empty()) {
        return cli_fail("import", 2, fmt::format("{} (see territoire import --help)", problem));
    }
    const std::string& path = common.catalogue;
    std::vector<geo::NamedPath> inputs;
    for (const auto& source : args.sources) inputs.push_back({"SOURCE", source});
    for (const auto& file : args.territories) inputs.push_back({"--territories", file});
    if (!output_is_safe("import", {"--catalogue", path}, inputs)) return 2;
    if (read_only_file(path)) {
        return cli_fail("import", 1, fmt::format("{}: the catalogue file is read-only; nothing was imported", path));
    }
    std::error_code ec;
    const bool existed = fs::exists(path, ec);
    auto taxonomy = geo::Taxonomy::load_default();
    if (!taxonomy) return cli_fail("import", 1, taxonomy.error().message);
    int exit_code = 0;
    int succeeded = 0;
    {
        auto catalogue = geo::Catalogue::open(path, geo::Catalogue::Mode::create_or_open);
        if (!catalogue) return cli_fail("import", 1, catalogue.error().message);
        ProgressLine line;
        // Another office importing the same source into a shared database:
        // say so, then wait (the only message a concurrent import shows).
        catalogue->set_wait_notice([&line](const geo::Error& e) {
            line.finish();
            fmt::print(stderr, "territoire import: {}\n", e.message);
            std::fflush(stderr);
        });
        // Imports one file with `import`, then prints its report or its error.
        auto one = [&](const std::string& file, auto&& import) {
            auto report = import(line.begin(file));
            line.finish();
            if (!report) {
                exit_code = cli_fail("import", 1, report.error().message);
                return;
            }
            print_report(file, *report);
            ++succeeded;
        };
        geo::ImportOptions options;
        options.gdal = {args.layer,
                        args.name_field,
                        args.id_field,
                        args.family_field,
                        args.family,
                        args.lon_field,
                        args.lat_field,
                        {},
                        {},
                        {},
                        {}};
        for (const auto& source : args.sources)
            one(source, [&](geo::Progress progress) {
                return geo::import_source(*catalogue, source, options, *taxonomy, progress);
            });
        const geo::TerritoryImportOptions territory_options{args.layer, args.name_field, args.code_field, {}, {}, {}};
        const auto level = geo::territory_level_from_id(args.level);
        for (const auto& file : args.territories)
            one(file, [&](geo::Progress progress) {
                return geo::import_territories(*catalogue, file, *level, territory_options, progress);
            });
    }
    if (!existed && succeeded == 0) {
        // Nothing was imported into a catalogue this command created: leave no empty file.
        for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(path + suffix, ec);
    }
    return exit_code;
}

}  // namespace

void add_import_command(CLI::App& app, CommonOptions& common, int& exit_code) {
    auto* cmd =
        app.add_subcommand("import",
                           "Import offer items (DATAtourisme folder or .zip, OpenStreetMap .osm.pbf/.osm, any GDAL "
                           "vector file) or territories (--territories FILE --level LEVEL) into a catalogue");
    auto args = std::make_shared<ImportArgs>();
    cmd->add_option("--catalogue", common.catalogue, "Catalogue file (created when missing)")->capture_default_str();
    cmd->add_option("sources", args->sources, "Offer sources to import");
    cmd->add_option("--territories", args->territories, "Polygon files to import as territories");
    std::vector<std::string> levels;
    for (int i = 0; i <= static_cast<int>(geo::TerritoryLevel::reference); ++i)
        levels.emplace_back(geo::territory_level_id(static_cast<geo::TerritoryLevel>(i)));
    cmd->add_option("--level", args->level, "Territory level")->check(CLI::IsMember(levels));
    cmd->add_option("--layer", args->layer, "Layer to read (default: point layers / polygon layers)");
    cmd->add_option("--name-field", args->name_field, "Field holding the name (default: detected)");
    cmd->add_option("--code-field", args->code_field, "Territories: field holding the code (default: detected)");
    cmd->add_option("--family-field", args->family_field, "Field holding the family or subtype (default: detected)");
    cmd->add_option("--id-field", args->id_field, "Field holding the record id (default: detected, else FID)");
    cmd->add_option("--family", args->family, "One family (or subtype) for every record");
    cmd->add_option("--lon-field", args->lon_field, "Column holding the longitude (tables)");
    cmd->add_option("--lat-field", args->lat_field, "Column holding the latitude (tables)");
    cmd->callback([&common, &exit_code, args] { exit_code = run_import(common, *args); });
}

}  // namespace app::cli
