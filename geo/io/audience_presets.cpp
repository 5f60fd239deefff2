#include "geo/io/audience_presets.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "geo/core/data_dir.hpp"
#include "geo/core/json_text.hpp"
#include "geo/core/text_fold.hpp"
#include "geo/store/catalogue.hpp"

namespace geo {
namespace {

Result<std::string> read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail_fmt("{}: cannot read the file", path);
    std::ostringstream os;
    os << in.rdbuf();
    return os.str();
}

}  // namespace

Result<std::vector<Audience>> load_audiences(const std::string& path) {
    auto text = read_text(path);
    if (!text) return tl::unexpected(text.error());
    auto parsed = parse_json(*text, path);
    if (!parsed) return tl::unexpected(parsed.error());
    const nlohmann::json& j = *parsed;
    std::vector<Audience> out;
    if (j.is_object() && j.contains("audiences")) {
        if (!j["audiences"].is_array()) return fail_fmt("{}: \"audiences\" must be an array", path);
        for (size_t i = 0; i < j["audiences"].size(); ++i) {
            auto a = audience_from_json(j["audiences"][i].dump(), path + ": audiences[" + std::to_string(i) + "]");
            if (!a) return tl::unexpected(a.error());
            out.push_back(std::move(*a));
        }
    } else {
        auto a = audience_from_json(*text, path);
        if (!a) return tl::unexpected(a.error());
        out.push_back(std::move(*a));
    }
    if (out.empty()) return fail_fmt("{}: no audience in the file", path);
    return out;
}

Result<std::vector<Audience>> load_audience_presets() {
    return load_audiences(data_dir() + "/audiences.json");
}

Result<Audience> resolve_audience(const std::string& name_or_path, const Catalogue* catalogue) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(name_or_path, ec)) {
        auto list = load_audiences(name_or_path);
        if (!list) return tl::unexpected(list.error());
        if (list->size() != 1)
            return fail_fmt("{}: {} audiences in the file, expected exactly one", name_or_path,
                            std::to_string(list->size()));
        return list->front();
    }
    auto presets = load_audience_presets();
    if (!presets) return tl::unexpected(presets.error());
    for (const Audience& a : *presets)
        if (a.id == name_or_path || ascii_iequals(a.name_fr, name_or_path) || ascii_iequals(a.name_en, name_or_path))
            return a;
    if (catalogue != nullptr) {
        auto stored = catalogue->audience_json(name_or_path);
        if (!stored) return tl::unexpected(stored.error());
        if (stored->has_value()) return audience_from_json(**stored, catalogue->path() + ": audience " + name_or_path);
    }
    std::string known;
    for (const Audience& a : *presets) known += (known.empty() ? "" : ", ") + a.id;
    return fail_fmt("unknown audience \"{}\": not a file, a preset ({}) nor an audience saved in the catalogue",
                    name_or_path, known);
}

}  // namespace geo
