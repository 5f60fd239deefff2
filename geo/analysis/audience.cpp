#include "geo/analysis/audience.hpp"
#include "geo/core/json_text.hpp"
#include "geo/core/rounding.hpp"

#include <algorithm>
#include <bit>
#include <cctype>
#include <cmath>
#include <set>

#include <nlohmann/json.hpp>

namespace geo {

std::string normalise_theme(const std::string& theme) {
    std::string_view view = theme;
    if (const auto colon = view.find(':'); colon != std::string_view::npos) view.remove_prefix(colon + 1);
    std::string out;
    for (const char c : view) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80)
            out.push_back(c);  // UTF-8 letters are kept as they are
        else if (std::isalnum(byte) != 0)
            out.push_back(static_cast<char>(std::tolower(byte)));
    }
    return out;
}

double season_factor(MonthMask item_open, MonthMask audience_season) {
    const MonthMask open = item_open & kAllMonths;
    const MonthMask season = audience_season & kAllMonths;
    if (open == 0 || season == 0) return 1.0;
    return static_cast<double>(std::popcount(static_cast<unsigned>(open & season))) /
           static_cast<double>(std::popcount(static_cast<unsigned>(season)));
}

OfferRole default_role(Family f) {
    return f == Family::accommodation || f == Family::services ? OfferRole::support : OfferRole::attraction;
}

OfferRole item_role(const Audience& audience, const OfferItem& item) {
    auto listed = [](const std::vector<std::string>& ids, const std::string& id) {
        return std::find(ids.begin(), ids.end(), id) != ids.end();
    };
    for (const std::string& s : item.subtypes)
        if (listed(audience.attractions, s)) return OfferRole::attraction;
    for (const std::string& s : item.subtypes)
        if (listed(audience.support, s)) return OfferRole::support;
    const std::string family(family_id(item.family));
    if (listed(audience.attractions, family)) return OfferRole::attraction;
    if (listed(audience.support, family)) return OfferRole::support;
    return default_role(item.family);
}

double item_weight(const Audience& audience, const OfferItem& item) {
    double weight = -1.0;
    for (const std::string& s : item.subtypes)
        if (auto it = audience.subtype_weights.find(s); it != audience.subtype_weights.end())
            weight = std::max(weight, it->second);
    if (weight < 0.0) weight = audience.family_weight(item.family);
    if (weight <= 0.0) return 0.0;
    for (const std::string& label : item.labels)
        if (auto it = audience.label_multipliers.find(label); it != audience.label_multipliers.end())
            weight *= it->second;
    if (!audience.theme_multipliers.empty())
        for (const std::string& theme : item.themes)
            if (auto it = audience.theme_multipliers.find(normalise_theme(theme));
                it != audience.theme_multipliers.end())
                weight *= it->second;
    return weight * season_factor(item.opening_months, audience.season);
}

std::vector<double> item_weights(const Audience& audience, const std::vector<OfferItem>& items) {
    std::vector<double> out;
    out.reserve(items.size());
    for (const OfferItem& item : items) out.push_back(item_weight(audience, item));
    return out;
}

std::vector<double> perimeter_weights(const Audience& audience, const std::vector<OfferItem>& items) {
    std::vector<double> out;
    out.reserve(items.size());
    for (const OfferItem& item : items)
        out.push_back(audience.support_shapes_perimeter || item_role(audience, item) == OfferRole::attraction
                          ? item_weight(audience, item)
                          : 0.0);
    return out;
}

std::vector<std::string> modified_weights(const Audience& audience, const Audience& preset) {
    std::vector<std::string> out;
    for (Family f : kAllFamilies)
        if (std::abs(audience.family_weight(f) - preset.family_weight(f)) > 1e-9) out.emplace_back(family_id(f));
    std::set<std::string> subtypes;
    for (const auto& [k, v] : audience.subtype_weights) subtypes.insert(k);
    for (const auto& [k, v] : preset.subtype_weights) subtypes.insert(k);
    for (const std::string& k : subtypes) {
        auto a = audience.subtype_weights.find(k), p = preset.subtype_weights.find(k);
        const bool same = a != audience.subtype_weights.end() && p != preset.subtype_weights.end() &&
                          std::abs(a->second - p->second) <= 1e-9;
        if (!same) out.push_back(k);
    }
    return out;
}

namespace {

Result<std::vector<std::string>> read_ids(const nlohmann::json& j, const char* key, const std::string& origin) {
    std::vector<std::string> out;
    if (!j.contains(key)) return out;
    if (!j[key].is_array()) return fail_fmt("{}: \"{}\" must be an array of family or subtype ids", origin, key);
    for (const auto& v : j[key]) {
        if (!v.is_string() || v.get<std::string>().empty() || v.get<std::string>().size() > 64)
            return fail_fmt("{}: {} entry {}, expected a family or subtype id", origin, key, json_excerpt(v));
        out.push_back(v.get<std::string>());
    }
    return out;
}

Result<std::map<std::string, double>> read_multipliers(const nlohmann::json& j, const char* key,
                                                       const std::string& origin, bool themes) {
    std::map<std::string, double> out;
    if (!j.contains(key)) return out;
    if (!j[key].is_object()) return fail_fmt("{}: \"{}\" must be an object of factors", origin, key);
    for (const auto& [name, value] : j[key].items()) {
        if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() <= 0.0 ||
            value.get<double>() > 100.0)
            return fail_fmt("{}: {}.{} = {}, expected a number in (0, 100]", origin, key, name, json_excerpt(value));
        out[themes ? normalise_theme(name) : name] = value.get<double>();
    }
    return out;
}

std::string text_or_empty(const nlohmann::json& j, const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

}  // namespace

Result<Audience> audience_from_json(const std::string& json_text, const std::string& origin) {
    auto parsed = parse_json(json_text, origin);
    if (!parsed) return tl::unexpected(parsed.error());
    const nlohmann::json& j = *parsed;
    if (!j.is_object()) return fail_fmt("{}: expected an audience object", origin);
    Audience a;
    a.id = text_or_empty(j, "id");
    if (a.id.empty()) return fail_fmt("{}: audience without an \"id\"", origin);
    const std::string where = origin + ": audience " + a.id;
    a.name_fr = text_or_empty(j, "name_fr");
    a.name_en = text_or_empty(j, "name_en");
    if (a.name_fr.empty()) a.name_fr = a.name_en.empty() ? a.id : a.name_en;
    if (a.name_en.empty()) a.name_en = a.name_fr;
    a.description_fr = text_or_empty(j, "description_fr");
    a.description_en = text_or_empty(j, "description_en");
    if (j.contains("priority") && j["priority"].is_number_integer()) a.priority = j["priority"].get<int>();
    if (!j.contains("family_weights") || !j["family_weights"].is_object())
        return fail_fmt("{}: \"family_weights\" must be an object {{family: weight}}", where);
    for (const auto& [name, value] : j["family_weights"].items()) {
        const auto family = family_from_id(name);
        if (!family) return fail_fmt("{}: unknown family \"{}\"", where, name);
        if (!value.is_number() || !(value.get<double>() >= 0.0 && value.get<double>() <= 1.0))
            return fail_fmt("{}: family_weights.{} = {}, expected a number in [0, 1]", where, name,
                            json_excerpt(value));
        a.family_weights[static_cast<size_t>(*family)] = value.get<double>();
    }
    auto labels = read_multipliers(j, "label_multipliers", where, false);
    if (!labels) return tl::unexpected(labels.error());
    a.label_multipliers = std::move(*labels);
    auto themes = read_multipliers(j, "theme_multipliers", where, true);
    if (!themes) return tl::unexpected(themes.error());
    a.theme_multipliers = std::move(*themes);
    if (j.contains("subtype_weights")) {
        if (!j["subtype_weights"].is_object())
            return fail_fmt("{}: \"subtype_weights\" must be an object {{subtype: weight}}", where);
        for (const auto& [name, value] : j["subtype_weights"].items()) {
            if (!value.is_number() || !(value.get<double>() >= 0.0 && value.get<double>() <= 1.0))
                return fail_fmt("{}: subtype_weights.{} = {}, expected a number in [0, 1]", where, name,
                                json_excerpt(value));
            a.subtype_weights[name] = value.get<double>();
        }
    }
    auto attractions = read_ids(j, "attractions", where);
    if (!attractions) return tl::unexpected(attractions.error());
    a.attractions = std::move(*attractions);
    auto support = read_ids(j, "support", where);
    if (!support) return tl::unexpected(support.error());
    a.support = std::move(*support);
    if (j.contains("support_shapes_perimeter")) {
        if (!j["support_shapes_perimeter"].is_boolean())
            return fail_fmt("{}: \"support_shapes_perimeter\" must be true or false", where);
        a.support_shapes_perimeter = j["support_shapes_perimeter"].get<bool>();
    }
    if (j.contains("season_months")) {
        if (!j["season_months"].is_array())
            return fail_fmt("{}: \"season_months\" must be an array of months 1–12", where);
        for (const auto& m : j["season_months"]) {
            if (!m.is_number_integer() || m.get<int>() < 1 || m.get<int>() > 12)
                return fail_fmt("{}: season month {} outside 1–12", where, json_excerpt(m));
            a.season |= static_cast<MonthMask>(1u << (m.get<int>() - 1));
        }
    }
    return a;
}

std::string audience_to_json(const Audience& a) {
    nlohmann::json j;
    j["id"] = a.id;
    j["name_fr"] = a.name_fr;
    j["name_en"] = a.name_en;
    j["description_fr"] = a.description_fr;
    j["description_en"] = a.description_en;
    j["priority"] = a.priority;
    j["family_weights"] = nlohmann::json::object();
    for (Family f : kAllFamilies)
        j["family_weights"][std::string(family_id(f))] = round_to_decimals(a.family_weight(f), kWrittenWeightDecimals);
    j["label_multipliers"] = rounded_json_object(a.label_multipliers, kWrittenWeightDecimals);
    j["theme_multipliers"] = rounded_json_object(a.theme_multipliers, kWrittenWeightDecimals);
    j["subtype_weights"] = rounded_json_object(a.subtype_weights, kWrittenWeightDecimals);
    j["attractions"] = a.attractions;
    j["support"] = a.support;
    j["support_shapes_perimeter"] = a.support_shapes_perimeter;
    j["season_months"] = nlohmann::json::array();
    for (int m = 0; m < 12; ++m)
        if ((a.season & (1u << m)) != 0) j["season_months"].push_back(m + 1);
    return j.dump();
}

}  // namespace geo
