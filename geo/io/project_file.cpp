#include "geo/io/project_file.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "geo/core/json_text.hpp"
#include "geo/core/offer.hpp"
#include "geo/core/rounding.hpp"
#include "geo/io/atomic_file.hpp"
#include "geo/store/catalogue.hpp"

namespace geo {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kVersionKey = "territoire_project";
const std::set<std::string, std::less<>> kTopKeys = {kVersionKey, "catalogue", "demo",   "audience",    "layers",
                                                     "view",      "language",  "panels", "panel_widths"};
const std::set<std::string, std::less<>> kBuiltinLayers = {"territories", "density", "perimeters",
                                                           "gaps",        "items",   "places"};
const std::set<std::string, std::less<>> kPanels = {"left",     "right",  "catalogue", "benchmark",
                                                    "segments", "actors", "gaps"};

// Reads the fields of one JSON object, each message naming the file and the field.
class Fields {
public:
    Fields(const json& object, std::string path, std::string prefix)
        : m_object(object), m_path(std::move(path)), m_prefix(std::move(prefix)) {}

    [[nodiscard]] Error bad(const std::string& key, const std::string& expected) const {
        return error_fmt("{}: \"{}{}\": expected {}, got {}", m_path, m_prefix, key, expected,
                         json_excerpt(m_object.at(key)));
    }
    [[nodiscard]] const json* find(const std::string& key) const {
        const auto it = m_object.find(key);
        return it == m_object.end() ? nullptr : &*it;
    }
    Result<std::string> text(const std::string& key, const std::string& fallback = {}) const {
        const json* v = find(key);
        if (v == nullptr) return fallback;
        if (!v->is_string()) return tl::unexpected(bad(key, "a string"));
        return v->get<std::string>();
    }
    Result<bool> flag(const std::string& key, bool fallback) const {
        const json* v = find(key);
        if (v == nullptr) return fallback;
        if (!v->is_boolean()) return tl::unexpected(bad(key, "true or false"));
        return v->get<bool>();
    }
    Result<double> number(const std::string& key, double fallback, double lo, double hi) const {
        const json* v = find(key);
        if (v == nullptr) return fallback;
        const std::string range = fmt::format("a number in [{:g}, {:g}]", lo, hi);
        if (!v->is_number()) return tl::unexpected(bad(key, range));
        const double d = v->get<double>();
        if (!std::isfinite(d) || d < lo || d > hi) return tl::unexpected(bad(key, range));
        return d;
    }
    [[nodiscard]] const std::string& path() const { return m_path; }
    [[nodiscard]] const std::string& prefix() const { return m_prefix; }

private:
    const json& m_object;
    std::string m_path, m_prefix;
};

std::string absolute_from(const std::string& file, const std::string& project_path) {
    if (file.empty() || is_database_address(file)) return file;  // a PostGIS catalogue is no path
    const fs::path p(file);
    if (p.is_absolute()) return p.lexically_normal().string();
    std::error_code ec;
    const fs::path folder = fs::absolute(fs::path(project_path), ec).parent_path();
    return (folder / p).lexically_normal().string();
}

// Relative to the project's folder when under it, else absolute.
std::string relative_to(const std::string& file, const std::string& project_path) {
    if (file.empty() || is_database_address(file)) return file;
    std::error_code ec;
    const fs::path folder = fs::absolute(fs::path(project_path), ec).parent_path();
    const fs::path abs = fs::absolute(fs::path(file), ec).lexically_normal();
    const fs::path rel = abs.lexically_relative(folder);
    if (!rel.empty() && *rel.begin() != "..") return rel.string();
    return abs.string();
}

Result<std::map<std::string, double>> weights(const Fields& f, const std::string& key, bool families) {
    std::map<std::string, double> out;
    const json* v = f.find(key);
    if (v == nullptr) return out;
    if (!v->is_object()) return tl::unexpected(f.bad(key, "an object of weights"));
    for (const auto& [id, w] : v->items()) {
        const std::string where = fmt::format("{}: \"{}{}.{}\"", f.path(), f.prefix(), key, id);
        if (families && !family_from_id(id)) return fail_fmt("{}: unknown family", where);
        if (!w.is_number() || !std::isfinite(w.get<double>()) || w.get<double>() < 0.0 || w.get<double>() > 1.0)
            return fail_fmt("{}: expected a weight in [0, 1], got {}", where, json_excerpt(w));
        out[id] = w.get<double>();
    }
    return out;
}

Result<ProjectAudience> parse_audience(const json& j, const std::string& path) {
    if (!j.is_object()) return fail_fmt("{}: \"audience\": expected an object, got {}", path, json_excerpt(j));
    const Fields f(j, path, "audience.");
    ProjectAudience a;
    auto id = f.text("id");
    if (!id) return tl::unexpected(id.error());
    if (id->empty()) return fail_fmt("{}: \"audience.id\": missing (a preset id or an audience name)", path);
    a.id = *id;
    auto families = weights(f, "family_weights", true);
    if (!families) return tl::unexpected(families.error());
    a.family_weights = std::move(*families);
    auto subtypes = weights(f, "subtype_weights", false);
    if (!subtypes) return tl::unexpected(subtypes.error());
    a.subtype_weights = std::move(*subtypes);
    auto level = f.number("level", 0.8, 0.01, 0.99);
    if (!level) return tl::unexpected(level.error());
    a.level = *level;
    auto nested = f.flag("nested", false);
    if (!nested) return tl::unexpected(nested.error());
    a.nested = *nested;
    if (const json* b = f.find("bandwidth")) {
        const std::string text = b->is_number()   ? fmt::format("{:g}", b->get<double>())
                                 : b->is_string() ? b->get<std::string>()
                                                  : std::string();
        auto choice = bandwidth_choice_from_text(text);
        if (!choice) return tl::unexpected(f.bad("bandwidth", "plugin, scott, adaptive or a number of metres"));
        a.bandwidth = *choice;
    }
    return a;
}

Result<ProjectLayer> parse_layer(const json& j, const std::string& path, std::size_t index,
                                 const std::string& project_path) {
    const std::string prefix = fmt::format("layers[{}].", index);
    if (!j.is_object()) return fail_fmt("{}: \"layers[{}]\": expected an object", path, index);
    const Fields f(j, path, prefix);
    ProjectLayer layer;
    auto id = f.text("id");
    if (!id) return tl::unexpected(id.error());
    layer.id = *id;
    const bool file_layer = layer.id.starts_with("context:") || layer.id.starts_with("basemap:");
    if (!file_layer && !is_builtin_layer_id(layer.id))
        return fail_fmt("{}: \"{}id\": unknown layer \"{}\" (expected {}, context:N or basemap:N)", path, prefix,
                        text_excerpt(layer.id), fmt::join(kBuiltinLayers, ", "));
    auto file = f.text("path");
    if (!file) return tl::unexpected(file.error());
    if (file_layer && file->empty()) return fail_fmt("{}: \"{}path\": layer {} names no file", path, prefix, layer.id);
    layer.path = file_layer ? absolute_from(*file, project_path) : std::string();
    auto visible = f.flag("visible", true);
    if (!visible) return tl::unexpected(visible.error());
    layer.visible = *visible;
    auto opacity = f.number("opacity", 1.0, 0.0, 1.0);
    if (!opacity) return tl::unexpected(opacity.error());
    layer.opacity = *opacity;
    return layer;
}

Result<void> parse_rest(const json& j, const std::string& path, Project& p) {
    const Fields f(j, path, "");
    if (const json* v = f.find("layers")) {
        if (!v->is_array()) return tl::unexpected(f.bad("layers", "an array"));
        std::set<std::string> seen;
        for (std::size_t i = 0; i < v->size(); ++i) {
            auto layer = parse_layer((*v)[i], path, i, path);
            if (!layer) return tl::unexpected(layer.error());
            if (!seen.insert(layer->id).second)
                return fail_fmt("{}: \"layers[{}].id\": layer {} listed twice", path, i, layer->id);
            p.layers.push_back(std::move(*layer));
        }
    }
    if (const json* v = f.find("view")) {
        if (!v->is_object()) return tl::unexpected(f.bad("view", "an object"));
        const Fields view(*v, path, "view.");
        auto lon = view.number("lon_deg", 0.0, -180.0, 180.0);
        auto lat = view.number("lat_deg", 0.0, -85.06, 85.06);
        auto zoom = view.number("zoom", 6.0, 0.0, 22.0);
        for (const auto* r : {&lon, &lat, &zoom})
            if (!*r) return tl::unexpected(r->error());
        p.view = ProjectView{*lon, *lat, *zoom};
    }
    auto language = f.text("language");
    if (!language) return tl::unexpected(language.error());
    if (!language->empty() && *language != "fr" && *language != "en")
        return tl::unexpected(f.bad("language", "\"fr\" or \"en\""));
    p.language = *language;
    if (const json* v = f.find("panels")) {
        if (!v->is_array()) return tl::unexpected(f.bad("panels", "an array of panel names"));
        for (const json& panel : *v) {
            if (!panel.is_string() || !kPanels.contains(panel.get<std::string>()))
                return fail_fmt("{}: \"panels\": unknown panel {} (expected {})", path, json_excerpt(panel),
                                fmt::join(kPanels, ", "));
            p.panels.push_back(panel.get<std::string>());
        }
    }
    if (const json* v = f.find("panel_widths")) {
        if (!v->is_object()) return tl::unexpected(f.bad("panel_widths", "an object"));
        const Fields widths(*v, path, "panel_widths.");
        auto left = widths.number("left_px", 0.0, kMinProjectPanelPx, kMaxProjectPanelPx);
        auto right = widths.number("right_px", 0.0, kMinProjectPanelPx, kMaxProjectPanelPx);
        for (const auto* r : {&left, &right})
            if (!*r) return tl::unexpected(r->error());
        p.panel_widths = ProjectPanelWidths{*left, *right};
    }
    return {};
}

}  // namespace

bool is_builtin_layer_id(std::string_view id) {
    return kBuiltinLayers.contains(id);
}

Result<Project> parse_project(std::string_view text, const std::string& path) {
    auto parsed = parse_json(text, path);
    if (!parsed) return tl::unexpected(parsed.error());
    const json& j = *parsed;
    if (!j.is_object() || !j.contains(kVersionKey))
        return fail_fmt("{}: not a Territoire project (no \"territoire_project\" version field)", path);
    const json& version = j[kVersionKey];
    if (!version.is_number_integer())
        return fail_fmt("{}: \"territoire_project\": expected a version number, got {}", path, json_excerpt(version));
    const auto v = version.get<long long>();
    if (v > kProjectVersion)
        return fail_fmt(
            "{}: project format version {} is newer than this Territoire reads ({}); open it with "
            "a newer Territoire",
            path, v, kProjectVersion);
    if (v < 1) return fail_fmt("{}: project format version {} is unknown (expected 1)", path, v);
    Project p;
    const Fields f(j, path, "");
    auto catalogue = f.text("catalogue");
    if (!catalogue) return tl::unexpected(catalogue.error());
    auto demo = f.flag("demo", false);
    if (!demo) return tl::unexpected(demo.error());
    p.demo = *demo;
    p.catalogue = p.demo ? std::string() : absolute_from(*catalogue, path);
    if (!p.demo && p.catalogue.empty())
        return fail_fmt("{}: \"catalogue\": missing (the catalogue file, or \"demo\": true)", path);
    if (const json* a = f.find("audience"); a != nullptr && !a->is_null()) {
        auto audience = parse_audience(*a, path);
        if (!audience) return tl::unexpected(audience.error());
        p.audience = std::move(*audience);
    }
    if (auto rest = parse_rest(j, path, p); !rest) return tl::unexpected(rest.error());
    for (const auto& [key, value] : j.items())
        if (!kTopKeys.contains(key))
            p.warnings.push_back(
                error_fmt("{}: field \"{}\" is unknown to this version, ignored", path, text_excerpt(key)));
    return p;
}

Result<Project> read_project(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return fail_fmt("{}: no such project file", path);
    if (!fs::is_regular_file(path, ec)) return fail_fmt("{}: not a regular file", path);
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail_fmt("{}: cannot read the file", path);
    std::ostringstream os;
    os << in.rdbuf();
    return parse_project(os.str(), path);
}

std::string project_to_json(const Project& p, const std::string& path) {
    json j = {{kVersionKey, kProjectVersion}};
    if (p.demo)
        j["demo"] = true;
    else
        j["catalogue"] = relative_to(p.catalogue, path);
    if (p.audience) {
        const ProjectAudience& a = *p.audience;
        j["audience"] = {{"id", a.id},
                         {"family_weights", rounded_json_object(a.family_weights, kWrittenWeightDecimals)},
                         {"subtype_weights", rounded_json_object(a.subtype_weights, kWrittenWeightDecimals)},
                         {"level", round_to_decimals(a.level, kWrittenWeightDecimals)},
                         {"nested", a.nested},
                         {"bandwidth", bandwidth_choice_text(a.bandwidth)}};
    }
    json layers = json::array();
    for (const ProjectLayer& l : p.layers) {
        json layer = {
            {"id", l.id}, {"visible", l.visible}, {"opacity", round_to_decimals(l.opacity, kWrittenWeightDecimals)}};
        if (!l.path.empty()) layer["path"] = relative_to(l.path, path);
        layers.push_back(std::move(layer));
    }
    j["layers"] = std::move(layers);
    if (p.view) j["view"] = {{"lon_deg", p.view->lon_deg}, {"lat_deg", p.view->lat_deg}, {"zoom", p.view->zoom}};
    if (!p.language.empty()) j["language"] = p.language;
    j["panels"] = p.panels;
    if (p.panel_widths) {
        json widths = json::object();
        if (p.panel_widths->left_px > 0.0) widths["left_px"] = round_to_decimals(p.panel_widths->left_px, 0);
        if (p.panel_widths->right_px > 0.0) widths["right_px"] = round_to_decimals(p.panel_widths->right_px, 0);
        j["panel_widths"] = std::move(widths);
    }
    return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

Result<void> write_project(const std::string& path, const Project& project) {
    auto file = AtomicFile::prepare(path);
    if (!file) return tl::unexpected(file.error());
    {
        std::ofstream out(file->temp_path(), std::ios::binary | std::ios::trunc);
        out << project_to_json(project, path);
        out.flush();
        if (!out) return fail_fmt("{}: cannot write the project file", path);
    }
    return file->commit();
}

}  // namespace geo
