#pragma once
// The cases of fault_sweep_test: `territoire` command lines run in the test
// folder (catalogue cat.sqlite, hostile files from make_hostile_inputs), in
// this order (the first two fill the catalogue). Header-only.
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace test {

struct SweepCase {
    std::string id;
    std::vector<std::string> args;
    bool ok = true;      // exit 0 expected; else non-zero, catalogue untouched
    std::string needle;  // must appear in stdout + stderr (names the file, record or parameter)
    std::function<void(const std::filesystem::path&)> setup = {};
};

inline std::string join_args(const std::vector<std::string>& args) {
    std::string out;
    for (const auto& a : args) {
        const bool plain = !a.empty() && a.find_first_of(" \"'*?$;&|<>()") == std::string::npos;
        out += (out.empty() ? "" : " ") + (plain ? a : "'" + a + "'");
    }
    return out;
}

// The subcommand names listed under "Subcommands:" in `territoire --help`.
inline std::vector<std::string> subcommands_in_help(const std::string& help) {
    std::vector<std::string> out;
    std::istringstream in(help);
    bool listing = false;
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with("Subcommands:")) {
            listing = true;
            continue;
        }
        if (!listing || line.size() < 3 || line[0] != ' ' || line[2] == ' ') continue;
        out.push_back(line.substr(2, line.find(' ', 2) - 2));
    }
    return out;
}

inline std::vector<SweepCase> fault_sweep_cases(const std::filesystem::path& shared, bool has_gui, bool display) {
    namespace fs = std::filesystem;
    const std::string feed = (shared / "poi/datatourisme-touraine-2020").string();
    const auto communes = [&](const std::string& d) {
        return (shared / "admin/departements" / d / ("communes-" + d + ".geojson")).string();
    };
    const std::vector<std::string> cat = {"--catalogue", "cat.sqlite"};
    const auto with = [&](std::vector<std::string> head, const std::vector<std::string>& tail) {
        head.insert(head.begin() + 1, cat.begin(), cat.end());
        head.insert(head.end(), tail.begin(), tail.end());
        return head;
    };
    const auto scratch = [](const fs::path& dir) {
        fs::copy_file(dir / "cat.sqlite", dir / "scratch.sqlite", fs::copy_options::overwrite_existing);
    };
    const auto write_projects = [](const fs::path& dir) {
        const auto write = [&](const char* name, const char* text) { std::ofstream(dir / name) << text; };
        write("p.territoire.json",
              R"({"territoire_project": 1, "catalogue": "cat.sqlite", "audience": {"id": "patrimoine", )"
              R"("family_weights": {"gastronomy": 0.9}, "level": 0.7}, "view": {"lon_deg": 0.7, "lat_deg": 47.4, )"
              R"("zoom": 9}, "language": "fr", "panels": ["left", "right"]})");
        write("bad.territoire.json", R"({"territoire_project": 1, "catalogue": )");
        write("next.territoire.json", R"({"territoire_project": 9, "catalogue": "cat.sqlite"})");
        write("gone.territoire.json",
              R"({"territoire_project": 1, "catalogue": "gone.sqlite", "audience": {"id": "patrimoine"}})");
    };
    const auto links = [](const fs::path& dir) {
        for (const char* name : {"cat.gpkg", "cat.csv", "cat.json", "cat.html"})
            fs::create_symlink("cat.sqlite", dir / name);
    };
    const std::vector<std::string> perimeter = {"perimeter",  "--catalogue", "cat.sqlite", "--audience",
                                                "patrimoine", "-o",          "p.geojson"};
    const std::vector<std::string> pcompare = {"perimeter-compare", "--catalogue", "cat.sqlite", "--audience",
                                               "patrimoine",        "--audience",  "velo"};
    const std::vector<std::string> gaps = {"gaps",       "--catalogue", "cat.sqlite", "--audience",
                                           "patrimoine", "-o",          "g.geojson"};
    const std::vector<std::string> compare = {"compare",       "--catalogue", "cat.sqlite",    "--audience",
                                              "patrimoine",    "--territory", "commune:37261", "--against",
                                              "commune:41018", "-o",          "c.json"};
    const std::vector<std::string> segments = {"segments",      "--catalogue", "cat.sqlite",   "--territory",
                                               "commune:37261", "--against",   "commune:41018"};
    const std::vector<std::string> actors = {"actors", "--catalogue", "cat.sqlite", "--audience", "oenotourisme"};
    const std::vector<std::string> report = {"report",        "--catalogue",     "cat.sqlite",
                                             "--audience",    "patrimoine,velo", "--territory",
                                             "commune:37261", "--against",       "commune:41018"};
    const auto plus = [](std::vector<std::string> a, const std::vector<std::string>& b) {
        a.insert(a.end(), b.begin(), b.end());
        return a;
    };
    std::vector<SweepCase> c = {
        // The real sample: every command does its job.
        {"import-feed", with({"import"}, {feed}), true, "1399 read"},
        {"import-communes",
         with({"import"},
              {"--territories", communes("37-indre-et-loire"), communes("41-loir-et-cher"), "--level", "commune"}),
         true, "communes-41-loir-et-cher.geojson"},
        {"info", with({"info"}, {}), true, "Offer items: 1399"},
        {"check", with({"check"}, {}), true, "sound"},
        {"audiences-list", {"audiences", "list"}, true, "patrimoine"},
        {"audiences-show", {"audiences", "show", "patrimoine"}, true, "family_weights"},
        {"export-geojson", with({"export"}, {"--items", "-o", "items.geojson"}), true, "Exported 1399 items"},
        {"export-kml", with({"export"}, {"--items", "-o", "items.kml"}), true, "Exported 1399 items"},
        {"export-csv", with({"export"}, {"--items", "-o", "items.csv"}), true, "Exported 1399 items"},
        {"export-gpkg", with({"export"}, {"--territories", "-o", "communes.gpkg"}), true, "Exported"},
        {"validate", {"validate", "items.geojson"}, true, "conforms to RFC 7946"},
        {"fields", {"fields", "communes.gpkg"}, true, "as territories: name name, code code"},
        {"perimeter", plus(perimeter, {"--report"}), true, "Written p.geojson"},
        {"perimeter-compare", pcompare, true, "Jaccard"},
        {"compare", compare, true, "Tours (commune:37261)"},
        {"gaps", plus(gaps, {"--zones-csv", "z.csv"}), true, "gap zones"},
        {"segments", plus(segments, {"-o", "seg.json"}), true, "Wrote the segments to seg.json"},
        {"actors", plus(actors, {"-o", "actors.csv"}), true, "Producteurs / Producers"},
        {"report", plus(report, {"-o", "report.html"}), true, "Wrote the destination report (2 targets)"},
        {"catalogue-copy", {"catalogue", "copy", "cat.sqlite", "copy.sqlite"}, true, "1399 items, 544 territories"},
        {"catalogue-copy-not-empty",
         {"catalogue", "copy", "cat.sqlite", "copy.sqlite"},
         false,
         "copy.sqlite: the destination catalogue is not empty"},
        {"catalogue-copy-onto-itself",
         {"catalogue", "copy", "cat.sqlite", "./cat.sqlite"},
         false,
         "cannot be copied onto itself"},
        {"catalogue-copy-missing",
         {"catalogue", "copy", "gone.sqlite", "copy2.sqlite"},
         false,
         "gone.sqlite: no such catalogue file"},
        {"catalogue-copy-no-folder",
         {"catalogue", "copy", "cat.sqlite", "no-such-dir/c.sqlite"},
         false,
         "no-such-dir/c.sqlite: the destination's folder does not exist"},
        {"search", with({"search"}, {"Chenonceau"}), true, "Château de Chenonceau"},
        {"basemap-osm",
         {"basemap", "--cache", "basemap-cache", (shared / "poi/osm/tours.osm.pbf").string()},
         true,
         "tours.osm.pbf"},
        // Runaway parameters: refused before allocating, naming the parameter.
        {"perimeter-cell-tiny", plus(perimeter, {"--cell-m", "1e-150"}), false, "cell_m 1e-150"},
        {"perimeter-cell-mm", plus(perimeter, {"--cell-m", "0.001"}), false, "cell_m 0.001"},
        {"perimeter-cell-huge", plus(perimeter, {"--cell-m", "1e300"}), false, "cell_m 1e+300"},
        {"perimeter-bandwidth-tiny", plus(perimeter, {"--bandwidth-m", "1e-300"}), false, "bandwidth_m 1e-300"},
        {"perimeter-bandwidth-huge", plus(perimeter, {"--bandwidth-m", "1e9"}), false, "bandwidth_m 1000000000"},
        {"perimeter-bandwidth-nan", plus(perimeter, {"--bandwidth-m", "nan"}), false, "bandwidth_m nan"},
        {"perimeter-bandwidth-inf", plus(perimeter, {"--bandwidth", "inf"}), false, "--bandwidth"},
        {"perimeter-level-tiny", plus(perimeter, {"--level", "1e-12"}), false, "--level"},
        {"perimeter-levels-tiny", plus(perimeter, {"--levels", "0.5,0.8,1e-12"}), false, "--levels"},
        {"perimeter-min-area-huge", plus(perimeter, {"--min-area-km2", "1e308"}), false, "--min-area-km2"},
        {"perimeter-compare-cell-tiny", plus(pcompare, {"--cell-m", "1e-150"}), false, "cell_m 1e-150"},
        {"perimeter-compare-bandwidth-tiny", plus(pcompare, {"--bandwidth-m", "1e-300"}), false, "bandwidth_m 1e-300"},
        {"perimeter-compare-level-tiny", plus(pcompare, {"--level", "1e-12"}), false, "--level"},
        {"gaps-hex-tiny", plus(gaps, {"--cell-m", "1e-150"}), false, "--cell-m"},
        {"gaps-hex-mm", plus(gaps, {"--cell-m", "0.001"}), false, "--cell-m"},
        {"gaps-hex-huge", plus(gaps, {"--cell-m", "1e12"}), false, "--cell-m"},
        {"gaps-hex-inf", plus(gaps, {"--cell-m", "inf"}), false, "--cell-m"},
        {"gaps-min-score-nan", plus(gaps, {"--min-score", "nan"}), false, "--min-score"},
        {"gaps-level-tiny", plus(gaps, {"--level", "1e-12"}), false, "--level"},
        {"compare-level-tiny", plus(compare, {"--level", "1e-12"}), false, "--level"},
        {"compare-statements-huge", plus(compare, {"--statements", "1e15"}), false, "--statements"},
        {"export-bbox-west-east", with({"export"}, {"--items", "--bbox", "2,47,1,48", "-o", "x.geojson"}), false,
         "--bbox"},
        {"search-limit-huge", with({"search"}, {"--limit", "1e12", "Tours"}), false, "--limit"},
        // Deep JSON: a clear per-record error, the rest of the feed imported.
        {"import-hostile-feed",
         {"import", "--catalogue", "scratch.sqlite", "feed"},
         true,
         "objects/deep_type.json: nesting deeper than 64 levels",
         scratch},
        {"audiences-show-deep",
         {"audiences", "show", "audience_deep.json"},
         false,
         "audience_deep.json: nesting deeper than 64 levels"},
        {"audiences-show-huge-weight",
         {"audiences", "show", "audience_huge_weight.json"},
         false,
         "family_weights.heritage"},
        {"perimeter-audience-deep", with({"perimeter"}, {"--audience", "audience_deep.json", "-o", "p2.geojson"}),
         false, "audience_deep.json: nesting deeper than 64 levels"},
        {"validate-deep-coordinates", {"validate", "deep_coordinates.geojson"}, false, "nesting deeper than 64"},
        {"import-deep-properties",
         {"import", "--catalogue", "scratch.sqlite", "deep_properties.geojson"},
         false,
         "deep_properties.geojson"},
        // A 1,001-vertex self-crossing star: skipped within its budget.
        {"import-star-territory",
         {"import", "--catalogue", "scratch.sqlite", "--territories", "star.geojson", "--level", "reference"},
         false,
         "star.geojson:star:FID 0"},
        // Special files: refused, never read.
        {"import-fifo",
         {"import", "--catalogue", "scratch.sqlite", "fifo.geojson"},
         false,
         "fifo.geojson: not a regular file"},
        {"import-territories-fifo",
         {"import", "--catalogue", "scratch.sqlite", "--territories", "fifo.geojson", "--level", "commune"},
         false,
         "fifo.geojson: not a regular file"},
        {"import-dev-zero-link",
         {"import", "--catalogue", "scratch.sqlite", "zero.geojson"},
         false,
         "zero.geojson: not a regular file"},
        {"validate-fifo", {"validate", "fifo.geojson"}, false, "fifo.geojson: not a regular file"},
        {"fields-fifo", {"fields", "fifo.geojson"}, false, "fifo.geojson: not a regular file"},
        {"fields-not-vector", {"fields", "cat.sqlite-missing.gpkg"}, false, "cat.sqlite-missing.gpkg: no such file"},
        {"basemap-not-raster", {"basemap", "items.geojson"}, false, "items.geojson: not a raster GDAL can read"},
        {"basemap-fifo-raster", {"basemap", "fifo.mbtiles"}, false, "fifo.mbtiles: not a regular file"},
        {"basemap-fifo-osm", {"basemap", "fifo.osm.pbf"}, false, "fifo.osm.pbf: not a regular file"},
        {"info-fifo-catalogue", {"info", "--catalogue", "fifo.json"}, false, "fifo.json: not a regular file"},
        {"check-fifo-catalogue", {"check", "--catalogue", "fifo.json"}, false, "fifo.json: not a regular file"},
        {"import-into-fifo-catalogue",
         {"import", "--catalogue", "fifo.json", feed},
         false,
         "fifo.json: not a regular file"},
        {"audiences-show-fifo", {"audiences", "show", "fifo.json"}, false, "fifo.json"},
        {"search-places-fifo", with({"search"}, {"--places", "fifo.geojson", "Tours"}), false,
         "fifo.geojson: not a regular file"},
        {"export-over-fifo", with({"export"}, {"--items", "-o", "out_fifo.geojson"}), false,
         "out_fifo.geojson: not a regular file"},
        // Zip bombs: the 3.9 GiB object refused from its listed size.
        {"import-zip-bomb-feed",
         {"import", "--catalogue", "scratch.sqlite", "feed_bomb.zip"},
         true,
         "objects/bomb.json: 4089446401 bytes, over the limit of 64 MiB"},
        {"import-zip-bomb-geojson",
         {"import", "--catalogue", "scratch.sqlite", "geojson_bomb.zip"},
         false,
         "geojson_bomb.zip"},
        // Outputs over the catalogue or an input: refused, nothing written.
        {"perimeter-over-catalogue", with({"perimeter"}, {"--audience", "patrimoine", "-o", "cat.sqlite"}), false,
         "-o cat.sqlite is the catalogue"},
        // (links named like outputs: the check resolves them to the catalogue)
        {"export-over-catalogue-link", with({"export"}, {"--items", "-o", "./cat.gpkg"}), false,
         "-o ./cat.gpkg is the catalogue", links},
        {"gaps-zones-over-catalogue-link", plus(gaps, {"--zones-csv", "cat.csv"}), false,
         "--zones-csv cat.csv is the catalogue"},
        {"compare-over-catalogue-link",
         with({"compare"}, {"--audience", "patrimoine", "--territory", "commune:37261", "--against", "commune:41018",
                            "-o", "cat.json"}),
         false, "-o cat.json is the catalogue"},
        // Marketing commands: bad catalogue, unknown territory or audience, unwritable output.
        {"segments-missing-catalogue",
         {"segments", "--catalogue", "absent.sqlite", "--territory", "commune:37261", "--against", "commune:41018"},
         false,
         "absent.sqlite: no such catalogue file"},
        {"segments-not-a-catalogue",
         {"segments", "--catalogue", "items.geojson", "--territory", "commune:37261", "--against", "commune:41018"},
         false,
         "items.geojson: not a Territoire catalogue"},
        {"segments-unknown-territory",
         with({"segments"}, {"--territory", "commune:99999", "--against", "commune:41018"}), false,
         "territory \"commune:99999\" not found"},
        {"segments-unknown-competitor", with({"segments"}, {"--territory", "commune:37261", "--against", "Atlantis"}),
         false, "\"Atlantis\""},
        {"segments-level-tiny", plus(segments, {"--level", "1e-12"}), false, "--level"},
        {"segments-unwritable-output", plus(segments, {"-o", "no-such-folder/s.csv"}), false, "no-such-folder/s.csv"},
        {"segments-over-catalogue-link", plus(segments, {"-o", "cat.csv"}), false, "-o cat.csv is the catalogue"},
        {"actors-fifo-catalogue",
         {"actors", "--catalogue", "fifo.json", "--audience", "velo"},
         false,
         "fifo.json: not a regular file"},
        {"actors-unknown-audience", with({"actors"}, {"--audience", "nobody"}), false, "unknown audience \"nobody\""},
        {"actors-audience-deep", with({"actors"}, {"--audience", "audience_deep.json"}), false,
         "audience_deep.json: nesting deeper than 64 levels"},
        {"actors-unwritable-output", plus(actors, {"-o", "no-such-folder/a.csv"}), false, "no-such-folder/a.csv"},
        {"actors-over-catalogue-link", plus(actors, {"-o", "cat.csv"}), false, "-o cat.csv is the catalogue"},
        {"report-unknown-audience",
         with({"report"},
              {"--audience", "nobody", "--territory", "commune:37261", "--against", "commune:41018", "-o", "r.html"}),
         false, "unknown audience \"nobody\""},
        {"report-audience-deep",
         with({"report"}, {"--audience", "audience_deep.json", "--territory", "commune:37261", "--against",
                           "commune:41018", "-o", "r.html"}),
         false, "audience_deep.json: nesting deeper than 64 levels"},
        {"report-unknown-territory",
         with({"report"},
              {"--audience", "velo", "--territory", "commune:99999", "--against", "commune:41018", "-o", "r.html"}),
         false, "territory \"commune:99999\" not found"},
        {"report-level-tiny", plus(report, {"--level", "1e-12", "-o", "r.html"}), false, "--level"},
        {"report-unwritable-output", plus(report, {"-o", "no-such-folder/r.html"}), false, "no-such-folder/r.html"},
        {"report-over-catalogue-link", plus(report, {"-o", "cat.html"}), false, "-o cat.html is the catalogue"},
        {"import-catalogue-into-itself", with({"import"}, {"cat.sqlite"}), false, "--catalogue cat.sqlite is an input"},
        // Project files: shown, checked and used; broken, newer or pointing nowhere: refused, named.
        {"project-show", {"project", "show", "p.territoire.json"}, true, "format version 1", write_projects},
        {"project-check", {"project", "check", "p.territoire.json"}, true, "p.territoire.json: ok", write_projects},
        {"perimeter-project",
         {"perimeter", "--project", "p.territoire.json", "-o", "pp.geojson"},
         true,
         "Written pp.geojson",
         write_projects},
        {"project-bad-json",
         {"project", "check", "bad.territoire.json"},
         false,
         "bad.territoire.json: not valid JSON",
         write_projects},
        {"project-newer",
         {"project", "show", "next.territoire.json"},
         false,
         "next.territoire.json: project format version 9 is newer",
         write_projects},
        {"project-missing-catalogue",
         {"project", "check", "gone.territoire.json"},
         false,
         "gone.sqlite: no such file",
         write_projects},
        {"perimeter-project-missing-catalogue",
         {"perimeter", "--project", "gone.territoire.json", "-o", "pg.geojson"},
         false,
         "gone.sqlite: no such catalogue file",
         write_projects},
        {"project-fifo", {"project", "show", "fifo.json"}, false, "fifo.json: not a regular file"},
    };
    if (has_gui) {
        const std::vector<std::string> base = {"render", "--catalogue", "cat.sqlite"};
        const std::vector<std::string> render = plus(base, {"--size", "640x480"});
        std::vector<SweepCase> r = {
            {"render-png", plus(render, {"--audience", "patrimoine", "-o", "map.png"}), true, ""},
            {"render-pdf",
             {"render", "--catalogue", "cat.sqlite", "--audience", "patrimoine", "-o", "map.pdf"},
             true,
             ""},
            {"render-size-huge", plus(base, {"--size", "100000x100000", "-o", "m.png"}), false, "--size"},
            {"render-size-zero", plus(base, {"--size", "0x0", "-o", "m.png"}), false, "--size"},
            {"render-dpi-huge",
             {"render", "--catalogue", "cat.sqlite", "--dpi", "1e9", "--paper", "A3", "-o", "m.pdf"},
             false,
             "dpi"},
            {"render-bbox-west-east", plus(render, {"--bbox", "2,47,1,48", "-o", "m.png"}), false, "--bbox"},
            {"render-audience-deep", plus(render, {"--audience", "audience_deep.json", "-o", "m.png"}), false,
             "audience_deep.json: nesting deeper than 64 levels"},
            {"render-context-fifo", plus(render, {"--context", "fifo.geojson", "-o", "m.png"}), false,
             "fifo.geojson: not a regular file"},
            {"render-places-fifo", plus(render, {"--places", "fifo.geojson", "-o", "m.png"}), false,
             "fifo.geojson: not a regular file"},
            {"render-basemap-fifo", plus(render, {"--basemap", "fifo.osm.pbf", "-o", "m.png"}), false,
             "fifo.osm.pbf: not a regular file"},
            {"render-over-catalogue", plus(render, {"-o", "cat.sqlite"}), false, "-o cat.sqlite is the catalogue"},
        };
        c.insert(c.end(), r.begin(), r.end());
        // Without a display the window says so (exit 1); under xvfb-run it draws.
        c.push_back(
            {"gui",
             {"gui", "--catalogue", "cat.sqlite", "--size", "1280x800", "--frames", "3", "--screenshot", "gui.png"},
             display,
             display ? "" : "DISPLAY"});
    } else {
        c.push_back({"render", {"render", "-o", "m.png"}, false, "no map window"});
        c.push_back({"gui", {"gui"}, false, "no map window"});
    }
    return c;
}

// The page docs/fault_sweep.md around the table of outcomes.
inline std::string fault_sweep_doc(const std::string& table) {
    return "# Fault sweep: every command under 2 GiB and 60 s\n\n"
           "Generated by `tests/app/cli/fault_sweep_test.cpp` (issue 16 acceptance 2, issue 13\n"
           "acceptance 3): each `territoire` command line below ran in a child with `RLIMIT_AS`\n"
           "2 GiB, `RLIMIT_CPU` 60 s and a 90 s wall deadline, in a folder holding `cat.sqlite`\n"
           "(the DATAtourisme Touraine sample and the communes of 37 and 41, imported by the first\n"
           "two cases) and the hostile files of issue 16: `feed/` (Chambord, four objects nested\n"
           "40,000 levels deep in `@type`, `rdfs:label`, `@id` and `schema:geo`, a FIFO, a link to\n"
           "/dev/zero, a 64 MiB + 1 byte file), `feed_bomb.zip` (4 MB: Chambord and a 3.9 GiB\n"
           "object), `geojson_bomb.zip` (4 MB: a 1 GiB GeoJSON file), audience and GeoJSON files\n"
           "nested 40,000 levels deep, a 10 MB weight, a 1,001-vertex self-crossing star\n"
           "territory, FIFOs (`fifo.geojson`, `fifo.json`, `out_fifo.geojson`) and `zero.geojson`\n"
           "(a link to /dev/zero). `scratch.sqlite` is a copy of `cat.sqlite` for the hostile imports.\n\n"
           "The test fails when a command is killed or hangs, when a good case does not exit 0,\n"
           "when a refused case exits 0, changes `cat.sqlite`, prints more than 16 KiB or does not\n"
           "name the file, record or parameter, and when the first five columns here differ from\n"
           "its run (`TERRITOIRE_UPDATE_DOCS=1 ctest -R FaultSweep` rewrites this page). Peak\n"
           "memory (resident) and CPU time are those of the run that wrote the page.\n\n" +
           table;
}

}  // namespace test
