#pragma once
// The taxonomy of offer: families, subtypes and labels, loaded from
// data/taxonomy.json. Maps DATAtourisme classes and OpenStreetMap tags to a
// family + subtype, and DATAtourisme review ids / OSM tags to label ids.
// Unknown types are reported by the importers, never silently mapped.
// Immutable after load: safe to share between threads.
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
    [[nodiscard]] std::optional<Classification> classify_datatourisme(
        const std::vector<std::string>& types) const;
    // OSM tags → classification; nullopt for objects with no tourism meaning.
    [[nodiscard]] std::optional<Classification> classify_osm(const OsmTagLookup& tag) const;
    // A free value from a GIS attribute: a family id ("heritage"), a French or
    // English family name, or a subtype id; nullopt when unknown.
    [[nodiscard]] std::optional<Classification> classify_value(std::string_view value) const;

    // "kb:LabelRating_VignoblesDecouvertes" → "vignobles_decouvertes".
    [[nodiscard]] std::optional<std::string> label_from_datatourisme(std::string_view review_id) const;
    // Label ids implied by OSM tags (heritage=*, award:michelin, …).
    [[nodiscard]] std::vector<std::string> labels_from_osm(const OsmTagLookup& tag) const;
    // A label id, or a French / English label name → the label.
    [[nodiscard]] const LabelInfo* label(std::string_view id_or_name) const;
    [[nodiscard]] const std::vector<LabelInfo>& labels() const { return m_labels; }

private:
    struct OsmRule {
        std::string key;
        std::string value;  // "*" matches any value
        Classification cls;
    };
    std::vector<std::pair<std::string, Classification>> m_datatourisme;  // in priority order
    std::vector<OsmRule> m_osm;                                          // in priority order
    std::map<std::string, std::string> m_datatourisme_labels;            // review id → label id
    std::vector<OsmRule> m_osm_labels;                                   // cls.subtype = label id
    std::map<std::string, Classification, std::less<>> m_subtypes;      // subtype id → class
    std::vector<LabelInfo> m_labels;
};

}  // namespace geo
