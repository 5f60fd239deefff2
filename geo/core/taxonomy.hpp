#pragma once
// The taxonomy of offer: families, subtypes and labels, loaded from
// data/taxonomy.json. Maps DATAtourisme classes and OpenStreetMap tags to a
// family + subtype, and DATAtourisme review ids / OSM tags to label ids.
// Unknown types are reported by the importers, never silently mapped.
// Every list of the file is in priority order: the first match wins (see the
// "comment" lines of data/taxonomy.json for the rule syntax).
// Immutable after load: safe to share between threads. load() fails (never
// throws) on unreadable JSON or on an entry naming an unknown family/subtype.
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"

namespace geo {

struct Classification {
    Family family = Family::services;
    std::string subtype;  // taxonomy subtype id, e.g. "castle", "wine_cellar"
};

struct LabelInfo {
    std::string id;       // e.g. "unesco", "vignobles_decouvertes"
    std::string name_fr;  // "Patrimoine mondial de l'UNESCO"
    std::string name_en;  // "UNESCO World Heritage"
};

struct SubtypeInfo {
    std::string id;  // "castle"
    Family family = Family::services;
    std::string name_fr;   // "Château"
    std::string name_en;   // "Castle"
    bool generic = false;  // a fallback ("heritage_site"), never a secondary subtype
};

// Looks up an OSM tag value by key; returns nullptr when the tag is absent.
using OsmTagLookup = std::function<const char*(const char* key)>;

class Taxonomy {
public:
    // Reads a taxonomy JSON file. Fails with the file name and the bad entry.
    static Result<Taxonomy> load(const std::string& path);
    // Reads <data_dir()>/taxonomy.json.
    static Result<Taxonomy> load_default();

    // DATAtourisme @type list (with or without "schema:" prefixes) → the most
    // specific known class, by the taxonomy's priority order; nullopt when
    // none of the types is known.
    [[nodiscard]] std::optional<Classification> classify_datatourisme(const std::vector<std::string>& types) const;
    // Same, then refined by the object's themes (hasTheme @id, e.g.
    // "kb:HotAirBalloon") when the classes only gave a generic subtype.
    [[nodiscard]] std::optional<Classification> classify_datatourisme(const std::vector<std::string>& types,
                                                                      const std::vector<std::string>& themes) const;
    // The non-generic subtypes of `family` that the types imply, in priority
    // order, without duplicates (Chambord: castle, garden, remarkable_building).
    [[nodiscard]] std::vector<std::string> datatourisme_subtypes(const std::vector<std::string>& types,
                                                                 Family family) const;
    // True when the class is mapped or explicitly ignored ("olo:OrderedList").
    [[nodiscard]] bool is_known_datatourisme_type(std::string_view type) const;
    // OSM tags → classification; nullopt for objects with no tourism meaning.
    [[nodiscard]] std::optional<Classification> classify_osm(const OsmTagLookup& tag) const;
    // A free value from a GIS attribute: a family id ("heritage"), a French or
    // English family name (subtype left empty), or a subtype id or name, or a
    // DATAtourisme class name; case-insensitive; nullopt when unknown.
    [[nodiscard]] std::optional<Classification> classify_value(std::string_view value) const;

    // "kb:LabelRating_VignoblesDecouvertes" → "vignobles_decouvertes".
    [[nodiscard]] std::optional<std::string> label_from_datatourisme(std::string_view review_id) const;
    // Label ids implied by OSM tags (heritage=*, award:michelin, …).
    [[nodiscard]] std::vector<std::string> labels_from_osm(const OsmTagLookup& tag) const;
    // A label id, or a French / English label name → the label.
    [[nodiscard]] const LabelInfo* label(std::string_view id_or_name) const;
    [[nodiscard]] const std::vector<LabelInfo>& labels() const { return m_labels; }

    // A subtype by id; nullptr when unknown.
    [[nodiscard]] const SubtypeInfo* subtype(std::string_view id) const;
    [[nodiscard]] const std::vector<SubtypeInfo>& subtypes() const { return m_subtype_list; }

private:
    struct OsmCondition {
        int key_index = 0;                // into m_osm_keys
        std::vector<std::string> values;  // empty: any value except "no"
    };
    struct OsmRule {
        std::string key;
        std::string value;  // "*" matches any value, "a|b" alternatives
        Classification cls;
        int key_index = 0;
        std::vector<std::string> values;  // `value` split; empty for "*"
        std::vector<OsmCondition> conditions;
        bool ignore = false;  // the tag has no tourism meaning: skip later rules on its key
    };
    struct ThemeRule {
        std::string theme;                 // normalised: "hotairballoon"
        std::vector<std::string> refines;  // generic subtype ids
        Classification cls;
    };
    friend struct TaxonomyLoader;

    [[nodiscard]] int datatourisme_priority(std::string_view type) const;
    [[nodiscard]] std::vector<const OsmRule*> match_osm(const std::vector<OsmRule>& rules, const OsmTagLookup& tag,
                                                        bool first_only) const;

    std::vector<std::pair<std::string, Classification>> m_datatourisme;  // in priority order
    std::map<std::string, int, std::less<>> m_datatourisme_index;        // class → priority
    std::vector<std::string> m_datatourisme_ignored;
    std::vector<ThemeRule> m_themes;                                        // in priority order
    std::vector<OsmRule> m_osm;                                             // in priority order
    std::vector<std::string> m_osm_keys;                                    // distinct keys of rules and conditions
    std::map<std::string, std::string, std::less<>> m_datatourisme_labels;  // normalised review id → label id
    std::vector<OsmRule> m_osm_labels;                                      // cls.subtype = label id
    std::map<std::string, std::size_t, std::less<>> m_subtype_index;        // subtype id → m_subtype_list index
    std::vector<SubtypeInfo> m_subtype_list;
    std::vector<LabelInfo> m_labels;
};

}  // namespace geo
