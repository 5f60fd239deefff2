#include "geo/io/osm_importer.hpp"

#include <algorithm>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <osmium/handler.hpp>
#include <osmium/handler/node_locations_for_ways.hpp>
#include <osmium/index/map/flex_mem.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/osm/entity_bits.hpp>
#include <osmium/visitor.hpp>

#include "geo/core/text_fold.hpp"
#include "geo/io/months.hpp"

namespace geo {
namespace {

// Tags copied into extra_json (plus every addr:* tag).
constexpr const char* kExtraTags[] = {
    "website",     "contact:website", "url",     "phone",         "contact:phone", "email",   "wikidata",
    "wikipedia",   "stars",           "cuisine", "opening_hours", "operator",      "brand",   "heritage",
    "ref:mhs",     "wheelchair",      "fee",     "capacity",      "rooms",         "beds",    "tourism",
    "historic",    "amenity",         "leisure", "shop",          "craft",         "natural", "information",
    "description", "start_date"};

// The name shown for an object: name, name:fr, official_name, brand, else the
// title of its Wikipedia article ("fr:Gare de Tours" gives "Gare de Tours"),
// so that a listed building mapped without a name tag is still found.
std::string display_name(const osmium::TagList& tags) {
    for (const char* key : {"name", "name:fr", "official_name", "brand"})
        if (const char* v = tags.get_value_by_key(key); v != nullptr && *v != '\0') return v;
    if (const char* wiki = tags.get_value_by_key("wikipedia"); wiki != nullptr) {
        std::string_view title(wiki);
        if (const auto colon = title.find(':'); colon != std::string_view::npos && colon <= 3)
            title.remove_prefix(colon + 1);
        return std::string(title);
    }
    return {};
}

struct Accumulator {
    double lon_sum = 0.0;
    double lat_sum = 0.0;
    std::int64_t count = 0;
    std::size_t first_member = SIZE_MAX;  // routes: the earliest member way seen
    void add(const osmium::Location& loc) {
        lon_sum += loc.lon();
        lat_sum += loc.lat();
        ++count;
    }
    // Keeps only the start of the earliest member way (route relations).
    void start_at(const osmium::Location& loc, std::size_t member) {
        if (member >= first_member) return;
        first_member = member;
        lon_sum = loc.lon();
        lat_sum = loc.lat();
        count = 1;
    }
};

// Adds `item` at the mean of `at`, or records it as skipped with `why_missing`
// when no location was accumulated.
void keep_at_mean(OfferItem&& item, const Accumulator& at, Error why_missing, ParsedItems& out) {
    if (at.count == 0) {
        out.report.skipped.push_back({item.source_id, std::move(why_missing)});
        return;
    }
    item.position = {at.lon_sum / static_cast<double>(at.count), at.lat_sum / static_cast<double>(at.count)};
    out.items.push_back(std::move(item));
}

struct Membership {
    std::size_t relation;  // index into RelationPass::items
    std::size_t member;    // position of the way among the relation's members
};

struct Counts {
    std::int64_t nodes = 0, ways = 0, relations = 0;
};

// Turns tagged OSM objects into offer items, through the taxonomy.
class ItemBuilder {
public:
    ItemBuilder(const Taxonomy& taxonomy, ParsedItems& out) : m_taxonomy(taxonomy), m_out(out) {}

    // Fills `item` from the tags; false when the object has no tourism
    // meaning (not a candidate). A candidate without a name is recorded as
    // skipped and also returns false.
    bool build(const osmium::OSMObject& object, OfferItem& item) {
        const osmium::TagList& tags = object.tags();
        if (tags.empty()) return false;
        const OsmTagLookup lookup = [&tags](const char* key) { return tags.get_value_by_key(key); };
        const auto cls = m_taxonomy.classify_osm(lookup);
        if (!cls) return false;
        ++m_out.report.read;
        item.source = m_out.source.key;
        item.source_id = fmt::format("{}{}", osmium::item_type_to_char(object.type()), object.id());
        const std::string name = display_name(tags);
        if (name.empty()) {
            m_out.report.skipped.push_back(
                {item.source_id, error_fmt("no name tag ({} without name, name:fr, official_name, brand or wikipedia)",
                                           cls->subtype.empty() ? family_id(cls->family) : cls->subtype)});
            return false;
        }
        item.name = name;
        item.family = cls->family;
        if (!cls->subtype.empty()) item.subtypes.push_back(cls->subtype);
        item.labels = m_taxonomy.labels_from_osm(lookup);
        if (const char* hours = tags.get_value_by_key("opening_hours"))
            item.opening_months = months_from_opening_hours(hours);
        nlohmann::json extra = nlohmann::json::object();
        for (const char* key : kExtraTags)
            if (const char* value = tags.get_value_by_key(key)) extra[key] = value;
        for (const osmium::Tag& tag : tags)
            if (std::string_view(tag.key()).starts_with("addr:")) extra[tag.key()] = tag.value();
        item.extra_json = extra.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return true;
    }

private:
    const Taxonomy& m_taxonomy;
    ParsedItems& m_out;
};

// Pass 1: relations with a tourism meaning and the ways they are made of.
class RelationPass : public osmium::handler::Handler {
public:
    explicit RelationPass(ItemBuilder& builder, Counts& counts) : m_builder(builder), m_counts(counts) {}

    void relation(const osmium::Relation& relation) {
        ++m_counts.relations;
        const char* type_tag = relation.tags().get_value_by_key("type");
        const std::string_view type = type_tag != nullptr ? type_tag : "";
        const bool area = type == "multipolygon" || type == "boundary";
        if (!area && type != "route") return;
        OfferItem item;
        if (!m_builder.build(relation, item)) return;
        const size_t index = items.size();
        items.push_back(std::move(item));
        centroids.emplace_back();
        route_start.push_back(!area);
        std::size_t position = 0;
        for (const osmium::RelationMember& member : relation.members())
            if (member.type() == osmium::item_type::way) member_ways[member.ref()].push_back({index, position++});
    }

    std::vector<OfferItem> items;
    std::vector<Accumulator> centroids;
    // Routes are placed at their start (the first node of their first way in
    // the extract), areas at the centroid of their member ways' nodes.
    std::vector<bool> route_start;
    std::unordered_map<osmium::object_id_type, std::vector<Membership>> member_ways;

private:
    ItemBuilder& m_builder;
    Counts& m_counts;
};

// Pass 2: tagged nodes, ways (with node locations), member ways of relations.
class NodeWayPass : public osmium::handler::Handler {
public:
    NodeWayPass(ItemBuilder& builder, RelationPass& relations, ParsedItems& out, Counts& counts)
        : m_builder(builder), m_relations(relations), m_out(out), m_counts(counts) {}

    void node(const osmium::Node& node) {
        ++m_counts.nodes;
        OfferItem item;
        if (!m_builder.build(node, item)) return;
        if (!node.location().valid()) {
            m_out.report.skipped.push_back({item.source_id, error_fmt("node without a valid location")});
            return;
        }
        item.position = {node.location().lon(), node.location().lat()};
        m_out.items.push_back(std::move(item));
    }

    void way(const osmium::Way& way) {
        ++m_counts.ways;
        if (const auto it = m_relations.member_ways.find(way.id()); it != m_relations.member_ways.end()) {
            for (const Membership& m : it->second) {
                Accumulator& acc = m_relations.centroids[m.relation];
                const bool start = m_relations.route_start[m.relation];
                for (const osmium::NodeRef& ref : way.nodes()) {
                    if (!ref.location().valid()) continue;
                    if (!start) {
                        acc.add(ref.location());
                    } else {
                        acc.start_at(ref.location(), m.member);
                        break;
                    }
                }
            }
        }
        OfferItem item;
        if (!m_builder.build(way, item)) return;
        Accumulator centroid;
        const auto& nodes = way.nodes();
        const size_t n = nodes.size() > 1 && way.is_closed() ? nodes.size() - 1 : nodes.size();
        for (size_t i = 0; i < n; ++i)
            if (nodes[i].location().valid()) centroid.add(nodes[i].location());
        keep_at_mean(std::move(item), centroid, error_fmt("way whose nodes are missing from the extract"), m_out);
    }

private:
    ItemBuilder& m_builder;
    RelationPass& m_relations;
    ParsedItems& m_out;
    Counts& m_counts;
};

// Reads `path` once with `handlers`, reporting progress as bytes read, the
// pass being `pass` of 2. False when cancelled.
template <class... Handlers>
bool read_pass(const std::string& path, osmium::osm_entity_bits::type entities, int pass, const Progress& progress,
               Handlers&... handlers) {
    osmium::io::Reader reader{osmium::io::File{path}, entities};
    const auto size = static_cast<std::int64_t>(reader.file_size());
    while (osmium::memory::Buffer buffer = reader.read()) {
        osmium::apply(buffer, handlers...);
        const auto offset = static_cast<std::int64_t>(reader.offset());
        if (!progress((pass - 1) * size + offset, 2 * size)) {
            reader.close();
            return false;
        }
    }
    reader.close();
    return true;
}

}  // namespace

bool is_osm_file(const std::string& path) {
    const std::string lower = ascii_lower(std::filesystem::path(path).filename().string());
    for (const char* suffix : {".osm.pbf", ".pbf", ".osm", ".osm.bz2", ".osm.gz", ".o5m", ".opl"})
        if (lower.ends_with(suffix)) return true;
    return false;
}

Result<ParsedItems> parse_osm(const std::string& path, const Taxonomy& taxonomy, Progress progress) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return fail_fmt("{}: no such file", path);
    if (std::filesystem::file_size(path, ec) == 0) return fail_fmt("{}: the file is empty", path);

    ParsedItems out;
    out.source = {"osm", "osm", path, "ODbL 1.0", "© OpenStreetMap contributors", {}};
    out.report.source = out.source.key;
    ItemBuilder builder(taxonomy, out);
    Counts counts;
    RelationPass relations(builder, counts);
    try {
        if (!read_pass(path, osmium::osm_entity_bits::relation, 1, progress, relations))
            return fail_fmt("{}: import cancelled", path);
        using Index = osmium::index::map::FlexMem<osmium::unsigned_object_id_type, osmium::Location>;
        Index index;
        osmium::handler::NodeLocationsForWays<Index> locations{index};
        locations.ignore_errors();  // ways cut by the extract border keep their other nodes
        NodeWayPass nodes_and_ways(builder, relations, out, counts);
        if (!read_pass(path, osmium::osm_entity_bits::node | osmium::osm_entity_bits::way, 2, progress, locations,
                       nodes_and_ways))
            return fail_fmt("{}: import cancelled", path);
    } catch (const std::exception& e) {
        return fail_fmt("{}: not a readable OpenStreetMap file: {}", path, e.what());
    }
    for (size_t i = 0; i < relations.items.size(); ++i)
        keep_at_mean(std::move(relations.items[i]), relations.centroids[i],
                     error_fmt("relation whose member ways are missing from the extract"), out);
    if (counts.nodes + counts.ways + counts.relations == 0)
        return fail_fmt("{}: no OpenStreetMap objects in the file", path);
    return out;
}

}  // namespace geo
