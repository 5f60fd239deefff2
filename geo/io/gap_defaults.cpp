#include "geo/io/gap_defaults.hpp"

#include <cmath>
#include <fstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "geo/core/data_dir.hpp"
#include "geo/core/json_text.hpp"

namespace geo {
namespace {

Result<double> positive(const nlohmann::json& j, const std::string& where, double max) {
    if (!j.is_number() || !std::isfinite(j.get<double>()) || j.get<double>() <= 0.0 || j.get<double>() > max)
        return fail_fmt("{}: {} is not a number in (0, {}]", where, json_excerpt(j), max);
    return j.get<double>();
}

}  // namespace

Result<GapDefaults> load_gap_defaults(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail_fmt("{}: cannot read the file", path);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto parsed = parse_json(text, path);
    if (!parsed) return tl::unexpected(parsed.error());
    nlohmann::json& j = *parsed;
    if (!j.is_object()) return fail_fmt("{}: expected a JSON object", path);
    for (const char* key : {"cell_m", "level", "acceptable_distance_m"})
        if (!j.contains(key)) return fail_fmt("{}: missing \"{}\"", path, key);
    GapDefaults out;
    auto cell = positive(j["cell_m"], path + ": cell_m", 1e6);
    if (!cell) return tl::unexpected(cell.error());
    out.cell_m = *cell;
    auto level = positive(j["level"], path + ": level", 1.0);
    if (!level) return tl::unexpected(level.error());
    out.level = *level;
    const auto& dist = j["acceptable_distance_m"];
    if (!dist.is_object()) return fail_fmt("{}: acceptable_distance_m must be an object", path);
    for (const auto& [key, value] : dist.items())
        if (!family_from_id(key)) return fail_fmt("{}: acceptable_distance_m: unknown family \"{}\"", path, key);
    for (Family f : kAllFamilies) {
        const std::string key(family_id(f));
        if (!dist.contains(key)) return fail_fmt("{}: acceptable_distance_m: family \"{}\" missing", path, key);
        auto d = positive(dist[key], path + ": acceptable_distance_m." + key, 1e6);
        if (!d) return tl::unexpected(d.error());
        out.acceptable_m[static_cast<std::size_t>(f)] = *d;
    }
    return out;
}

Result<GapDefaults> load_gap_defaults() {
    return load_gap_defaults(data_dir() + "/gap_defaults.json");
}

}  // namespace geo
