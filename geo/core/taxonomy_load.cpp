// Taxonomy::load: reads and validates data/taxonomy.json. Every error names
// the file, the entry (e.g. "osm_rules[12]") and what was expected.
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "geo/core/data_dir.hpp"
#include "geo/core/json_text.hpp"
#include "geo/core/taxonomy.hpp"
#include "geo/core/taxonomy_keys.hpp"

namespace geo {

using nlohmann::json;

struct TaxonomyLoader {
    const std::string& path;
    Taxonomy tax;

    Error error(const std::string& where, const std::string& what) const {
        return error_fmt("{}: {}: {}", path, where, what);
    }

    Result<std::string> string_field(const json& obj, const char* key, const std::string& where,
                                     bool required = true) const {
        auto it = obj.find(key);
        if (it == obj.end()) {
            if (!required) return std::string{};
            return tl::unexpected(error(where, fmt::format("missing \"{}\"", key)));
        }
        if (!it->is_string() || it->get_ref<const std::string&>().empty())
            return tl::unexpected(
                error(where, fmt::format("\"{}\" is {}, expected a non-empty string", key, it->dump())));
        return it->get<std::string>();
    }

    // The "id", "name_fr" and "name_en" strings shared by subtypes and labels.
    Result<void> names(const json& obj, const std::string& where, std::string& id, std::string& fr,
                       std::string& en) const {
        for (auto [key, dest] : {std::pair{"id", &id}, std::pair{"name_fr", &fr}, std::pair{"name_en", &en}}) {
            auto v = string_field(obj, key, where);
            if (!v) return tl::unexpected(v.error());
            *dest = *v;
        }
        return {};
    }

    Result<const json*> array_field(const json& doc, const char* key) const {
        auto it = doc.find(key);
        if (it == doc.end() || !it->is_array()) return tl::unexpected(error(key, "missing or not an array"));
        return &*it;
    }

    Result<Classification> subtype_class(const json& entry, const std::string& where) const {
        auto id = string_field(entry, "subtype", where);
        if (!id) return tl::unexpected(id.error());
        auto it = tax.m_subtype_index.find(*id);
        if (it == tax.m_subtype_index.end())
            return tl::unexpected(error(where, fmt::format("unknown subtype \"{}\"", *id)));
        return Classification{tax.m_subtype_list[it->second].family, *id};
    }

    static std::vector<std::string> split_values(const std::string& value) {
        std::vector<std::string> out;
        if (value == "*") return out;
        std::stringstream ss(value);
        for (std::string part; std::getline(ss, part, '|');)
            if (!part.empty()) out.push_back(part);
        return out;
    }

    int key_index(const std::string& key) {
        for (size_t i = 0; i < tax.m_osm_keys.size(); ++i)
            if (tax.m_osm_keys[i] == key) return static_cast<int>(i);
        tax.m_osm_keys.push_back(key);
        return static_cast<int>(tax.m_osm_keys.size() - 1);
    }

    // One OSM tag rule; `label_rule` rules carry a label id, never null.
    Result<Taxonomy::OsmRule> osm_rule(const json& entry, const std::string& where, bool label_rule) {
        if (!entry.is_object()) return tl::unexpected(error(where, "expected an object"));
        Taxonomy::OsmRule rule;
        auto key = string_field(entry, "key", where);
        if (!key) return tl::unexpected(key.error());
        auto value = string_field(entry, "value", where);
        if (!value) return tl::unexpected(value.error());
        rule.key = *key;
        rule.value = *value;
        rule.key_index = key_index(rule.key);
        rule.values = split_values(rule.value);
        if (!label_rule) {
            auto sub = entry.find("subtype");
            if (sub != entry.end() && sub->is_null()) {
                rule.ignore = true;
            } else {
                auto cls = subtype_class(entry, where);
                if (!cls) return tl::unexpected(cls.error());
                rule.cls = *cls;
            }
        }
        if (auto cond = entry.find("if"); cond != entry.end()) {
            if (!cond->is_object()) return tl::unexpected(error(where, "\"if\" must be an object of tag: value"));
            for (const auto& [k, v] : cond->items()) {
                if (!v.is_string()) return tl::unexpected(error(where, fmt::format("\"if\".{} must be a string", k)));
                rule.conditions.push_back({key_index(k), split_values(v.get<std::string>())});
            }
        }
        return rule;
    }

    // Calls f(entry, "key[i]") on each object of the array doc[key]; an
    // absent optional array is empty.
    template <class F>
    Result<void> each_entry(const json& doc, const char* key, F&& f, bool required = true) {
        if (!required && doc.find(key) == doc.end()) return {};
        auto arr = array_field(doc, key);
        if (!arr) return tl::unexpected(arr.error());
        for (size_t i = 0; i < (*arr)->size(); ++i) {
            const json& entry = (**arr)[i];
            std::string where = fmt::format("{}[{}]", key, i);
            if (!entry.is_object()) return tl::unexpected(error(where, "expected an object"));
            if (auto ok = f(entry, where); !ok) return ok;
        }
        return {};
    }

    Result<void> families(const json& doc) {
        std::set<Family> seen;
        auto ok = each_entry(doc, "families", [&](const json& f, const std::string& where) -> Result<void> {
            auto id = string_field(f, "id", where);
            if (!id) return tl::unexpected(id.error());
            auto fam = family_from_id(*id);
            if (!fam)
                return tl::unexpected(
                    error(where, fmt::format("unknown family \"{}\" (expected one of heritage, nature, "
                                             "gastronomy, outdoor, family_leisure, events_culture, "
                                             "accommodation, services)",
                                             *id)));
            seen.insert(*fam);
            return {};
        });
        if (!ok) return ok;
        if (seen.size() != kAllFamilies.size())
            return tl::unexpected(error(
                "families", fmt::format("{} families listed, expected all {}", seen.size(), kAllFamilies.size())));
        return {};
    }

    Result<void> subtypes(const json& doc) {
        return each_entry(doc, "subtypes", [&](const json& s, const std::string& where) -> Result<void> {
            SubtypeInfo info;
            if (auto ok = names(s, where, info.id, info.name_fr, info.name_en); !ok) return ok;
            auto fam_id = string_field(s, "family", where);
            if (!fam_id) return tl::unexpected(fam_id.error());
            auto fam = family_from_id(*fam_id);
            if (!fam) return tl::unexpected(error(where, fmt::format("unknown family \"{}\"", *fam_id)));
            info.family = *fam;
            if (auto g = s.find("generic"); g != s.end()) {
                if (!g->is_boolean()) return tl::unexpected(error(where, "\"generic\" must be true or false"));
                info.generic = g->get<bool>();
            }
            if (tax.m_subtype_index.count(info.id) != 0)
                return tl::unexpected(error(where, fmt::format("duplicate subtype \"{}\"", info.id)));
            tax.m_subtype_index.emplace(info.id, tax.m_subtype_list.size());
            tax.m_subtype_list.push_back(std::move(info));
            return {};
        });
    }

    Result<void> datatourisme_classes(const json& doc) {
        auto ok = each_entry(doc, "datatourisme_classes", [&](const json& c, const std::string& where) -> Result<void> {
            auto name = string_field(c, "class", where);
            if (!name) return tl::unexpected(name.error());
            auto cls = subtype_class(c, where);
            if (!cls) return tl::unexpected(cls.error());
            std::string key(detail::datatourisme_class_key(*name));
            if (tax.m_datatourisme_index.count(key) != 0)
                return tl::unexpected(error(where, fmt::format("class \"{}\" listed twice", key)));
            tax.m_datatourisme_index.emplace(key, static_cast<int>(tax.m_datatourisme.size()));
            tax.m_datatourisme.emplace_back(key, *cls);
            return {};
        });
        if (auto ign = doc.find("datatourisme_ignored"); ign != doc.end() && ign->is_array())
            for (const auto& v : *ign)
                if (v.is_string())
                    tax.m_datatourisme_ignored.emplace_back(detail::datatourisme_class_key(v.get<std::string>()));
        return ok;
    }

    Result<void> datatourisme_themes(const json& doc) {
        auto rule = [&](const json& t, const std::string& where) -> Result<void> {
            auto theme = string_field(t, "theme", where);
            if (!theme) return tl::unexpected(theme.error());
            auto cls = subtype_class(t, where);
            if (!cls) return tl::unexpected(cls.error());
            Taxonomy::ThemeRule out{detail::datatourisme_theme_key(*theme), {}, *cls};
            auto refines = t.find("refines");
            if (refines == t.end() || !refines->is_array())
                return tl::unexpected(error(where, "\"refines\" must be an array of subtype ids"));
            for (const auto& r : *refines) {
                if (!r.is_string() || tax.m_subtype_index.count(r.get<std::string>()) == 0)
                    return tl::unexpected(
                        error(where, fmt::format("\"refines\" names unknown subtype {}", json_excerpt(r))));
                out.refines.push_back(r.get<std::string>());
            }
            tax.m_themes.push_back(std::move(out));
            return {};
        };
        return each_entry(doc, "datatourisme_themes", rule, false);
    }

    Result<void> osm(const json& doc) {
        return each_entry(doc, "osm_rules", [&](const json& r, const std::string& where) -> Result<void> {
            auto rule = osm_rule(r, where, false);
            if (!rule) return tl::unexpected(rule.error());
            tax.m_osm.push_back(std::move(*rule));
            return {};
        });
    }

    Result<void> labels(const json& doc) {
        return each_entry(doc, "labels", [&](const json& l, const std::string& where) -> Result<void> {
            LabelInfo info;
            if (auto ok = names(l, where, info.id, info.name_fr, info.name_en); !ok) return ok;
            for (const auto& other : tax.m_labels)
                if (other.id == info.id)
                    return tl::unexpected(error(where, fmt::format("duplicate label \"{}\"", info.id)));
            if (auto dts = l.find("datatourisme"); dts != l.end()) {
                if (!dts->is_array()) return tl::unexpected(error(where, "\"datatourisme\" must be an array"));
                for (const auto& d : *dts) {
                    if (!d.is_string()) return tl::unexpected(error(where, "\"datatourisme\" must hold strings"));
                    auto key = detail::datatourisme_label_key(d.get<std::string>());
                    auto [it, fresh] = tax.m_datatourisme_labels.emplace(key, info.id);
                    if (!fresh && it->second != info.id)
                        return tl::unexpected(error(
                            where, fmt::format("review id {} already maps to \"{}\"", json_excerpt(d), it->second)));
                }
            }
            if (auto osm = l.find("osm"); osm != l.end()) {
                if (!osm->is_array()) return tl::unexpected(error(where, "\"osm\" must be an array"));
                for (size_t j = 0; j < osm->size(); ++j) {
                    auto rule = osm_rule((*osm)[j], fmt::format("{}.osm[{}]", where, j), true);
                    if (!rule) return tl::unexpected(rule.error());
                    rule->cls = Classification{Family::services, info.id};
                    tax.m_osm_labels.push_back(std::move(*rule));
                }
            }
            tax.m_labels.push_back(std::move(info));
            return {};
        });
    }
};

Result<Taxonomy> Taxonomy::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail_fmt("{}: cannot open the taxonomy file", path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto parsed = parse_json(buffer.str(), path);
    if (!parsed) return tl::unexpected(parsed.error());
    json doc = std::move(*parsed);
    if (!doc.is_object()) return fail_fmt("{}: expected a JSON object at the top level", path);

    TaxonomyLoader loader{path, {}};
    for (auto step : {&TaxonomyLoader::families, &TaxonomyLoader::subtypes, &TaxonomyLoader::datatourisme_classes,
                      &TaxonomyLoader::datatourisme_themes, &TaxonomyLoader::osm, &TaxonomyLoader::labels}) {
        if (auto ok = (loader.*step)(doc); !ok) return tl::unexpected(ok.error());
    }
    return std::move(loader.tax);
}

Result<Taxonomy> Taxonomy::load_default() {
    return load(data_dir() + "/taxonomy.json");
}

}  // namespace geo
