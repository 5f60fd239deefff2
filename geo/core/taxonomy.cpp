// Taxonomy lookups: DATAtourisme classes and themes, OSM tags, free values
// and labels. Loading lives in taxonomy_load.cpp.
#include "geo/core/taxonomy.hpp"

#include <algorithm>
#include <climits>

#include "geo/core/taxonomy_keys.hpp"

namespace geo {

int Taxonomy::datatourisme_priority(std::string_view type) const {
    auto it = m_datatourisme_index.find(detail::datatourisme_class_key(type));
    return it == m_datatourisme_index.end() ? -1 : it->second;
}

bool Taxonomy::is_known_datatourisme_type(std::string_view type) const {
    if (datatourisme_priority(type) >= 0) return true;
    auto key = detail::datatourisme_class_key(type);
    return std::find(m_datatourisme_ignored.begin(), m_datatourisme_ignored.end(), key) != m_datatourisme_ignored.end();
}

std::optional<Classification> Taxonomy::classify_datatourisme(const std::vector<std::string>& types) const {
    int best = INT_MAX;
    for (const auto& t : types)
        if (int p = datatourisme_priority(t); p >= 0 && p < best) best = p;
    if (best == INT_MAX) return std::nullopt;
    return m_datatourisme[static_cast<size_t>(best)].second;
}

std::optional<Classification> Taxonomy::classify_datatourisme(const std::vector<std::string>& types,
                                                              const std::vector<std::string>& themes) const {
    auto cls = classify_datatourisme(types);
    if (!cls || themes.empty()) return cls;
    std::vector<std::string> keys;
    keys.reserve(themes.size());
    for (const auto& t : themes) keys.push_back(detail::datatourisme_theme_key(t));
    for (const auto& rule : m_themes) {
        if (std::find(rule.refines.begin(), rule.refines.end(), cls->subtype) == rule.refines.end()) continue;
        if (std::find(keys.begin(), keys.end(), rule.theme) != keys.end()) return rule.cls;
    }
    return cls;
}

std::vector<std::string> Taxonomy::datatourisme_subtypes(const std::vector<std::string>& types, Family family) const {
    std::vector<int> priorities;
    for (const auto& t : types)
        if (int p = datatourisme_priority(t); p >= 0) priorities.push_back(p);
    std::sort(priorities.begin(), priorities.end());
    std::vector<std::string> out;
    for (int p : priorities) {
        const Classification& cls = m_datatourisme[static_cast<size_t>(p)].second;
        if (cls.family != family) continue;
        const SubtypeInfo* info = subtype(cls.subtype);
        if (info == nullptr || info->generic) continue;
        if (std::find(out.begin(), out.end(), cls.subtype) == out.end()) out.push_back(cls.subtype);
    }
    return out;
}

namespace {
// "*" (empty `values`) matches any present value except "no".
bool value_matches(const char* value, const std::vector<std::string>& values) {
    if (value == nullptr || *value == '\0') return false;
    if (values.empty()) return std::string_view(value) != "no";
    return std::find(values.begin(), values.end(), std::string_view(value)) != values.end();
}
}  // namespace

std::vector<const Taxonomy::OsmRule*> Taxonomy::match_osm(const std::vector<OsmRule>& rules, const OsmTagLookup& tag,
                                                          bool first_only) const {
    std::vector<const OsmRule*> out;
    if (!tag) return out;
    // Each distinct key is looked up once: the lookup may scan all the tags.
    std::vector<const char*> values(m_osm_keys.size());
    bool any = false;
    for (size_t i = 0; i < m_osm_keys.size(); ++i) {
        values[i] = tag(m_osm_keys[i].c_str());
        any = any || values[i] != nullptr;
    }
    if (!any) return out;
    std::vector<bool> ignored(m_osm_keys.size(), false);
    for (const auto& rule : rules) {
        auto k = static_cast<size_t>(rule.key_index);
        if (ignored[k] || !value_matches(values[k], rule.values)) continue;
        bool ok = std::all_of(rule.conditions.begin(), rule.conditions.end(), [&](const OsmCondition& c) {
            return value_matches(values[static_cast<size_t>(c.key_index)], c.values);
        });
        if (!ok) continue;
        if (rule.ignore) {
            ignored[k] = true;
            continue;
        }
        out.push_back(&rule);
        if (first_only) break;
    }
    return out;
}

std::optional<Classification> Taxonomy::classify_osm(const OsmTagLookup& tag) const {
    auto matched = match_osm(m_osm, tag, true);
    if (matched.empty()) return std::nullopt;
    return matched.front()->cls;
}

std::vector<std::string> Taxonomy::labels_from_osm(const OsmTagLookup& tag) const {
    std::vector<std::string> out;
    for (const OsmRule* rule : match_osm(m_osm_labels, tag, false))
        if (std::find(out.begin(), out.end(), rule->cls.subtype) == out.end()) out.push_back(rule->cls.subtype);
    return out;
}

namespace {
// True when `folded` equals the folded name or one of its ", "-separated
// parts ("musée" matches "Musée, centre d'interprétation").
bool name_matches(const std::string& folded, const std::string& name) {
    std::string n = detail::fold_case(name);
    if (n == folded) return true;
    size_t start = 0;
    while (start <= n.size()) {
        size_t comma = n.find(',', start);
        std::string part =
            detail::fold_case(n.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
        if (part == folded) return true;
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return false;
}
}  // namespace

std::optional<Classification> Taxonomy::classify_value(std::string_view value) const {
    std::string folded = detail::fold_case(value);
    if (folded.empty()) return std::nullopt;
    for (Family f : kAllFamilies) {
        if (folded == family_id(f) || name_matches(folded, std::string(family_name_fr(f))) ||
            name_matches(folded, std::string(family_name_en(f))))
            return Classification{f, {}};  // a family alone: no subtype
    }
    for (const auto& s : m_subtype_list)
        if (folded == s.id || name_matches(folded, s.name_fr) || name_matches(folded, s.name_en))
            return Classification{s.family, s.id};
    // A DATAtourisme class name used as a value ("WineCellar").
    for (const auto& [name, cls] : m_datatourisme)
        if (detail::fold_case(name) == folded) return cls;
    return std::nullopt;
}

std::optional<std::string> Taxonomy::label_from_datatourisme(std::string_view review_id) const {
    auto it = m_datatourisme_labels.find(detail::datatourisme_label_key(review_id));
    if (it == m_datatourisme_labels.end()) return std::nullopt;
    return it->second;
}

const LabelInfo* Taxonomy::label(std::string_view id_or_name) const {
    for (const auto& l : m_labels)
        if (l.id == id_or_name) return &l;
    std::string folded = detail::fold_case(id_or_name);
    for (const auto& l : m_labels)
        if (l.id == folded || detail::fold_case(l.name_fr) == folded || detail::fold_case(l.name_en) == folded)
            return &l;
    if (auto id = label_from_datatourisme(id_or_name))
        for (const auto& l : m_labels)
            if (l.id == *id) return &l;
    return nullptr;
}

const SubtypeInfo* Taxonomy::subtype(std::string_view id) const {
    auto it = m_subtype_index.find(id);
    return it == m_subtype_index.end() ? nullptr : &m_subtype_list[it->second];
}

}  // namespace geo
