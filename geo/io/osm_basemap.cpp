// Reading an OSM extract into basemap features (libosmium, two passes: the
// multipolygon relations first, then nodes, ways with their node locations
// and the areas the assembler builds), and the zoom bands.
#include "geo/io/osm_basemap.hpp"

#include <cmath>
#include <cstring>
#include <exception>
#include <filesystem>
#include <optional>

// GCC 12 sees a false strlen over-read in libosmium's builder (inlined from
// the area assembler): silenced for these system headers only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-overread"
#include <osmium/area/assembler.hpp>
#include <osmium/area/multipolygon_manager.hpp>
#include <osmium/handler.hpp>
#include <osmium/handler/node_locations_for_ways.hpp>
#include <osmium/index/map/flex_mem.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/relations/relations_manager.hpp>
#include <osmium/visitor.hpp>
#pragma GCC diagnostic pop

#include "geo/io/input_file.hpp"

namespace geo {
namespace {

bool is(const char* value, std::initializer_list<const char*> options) {
    if (!value) return false;
    for (const char* o : options)
        if (std::strcmp(value, o) == 0) return true;
    return false;
}

std::optional<BasemapClass> line_class(const osmium::TagList& tags) {
    const char* highway = tags.get_value_by_key("highway");
    if (is(highway, {"motorway", "motorway_link"})) return BasemapClass::motorway;
    if (is(highway, {"trunk", "trunk_link"})) return BasemapClass::trunk;
    if (is(highway, {"primary", "primary_link"})) return BasemapClass::primary;
    if (is(highway, {"secondary", "secondary_link"})) return BasemapClass::secondary;
    if (is(highway, {"tertiary", "tertiary_link"})) return BasemapClass::tertiary;
    if (is(highway, {"residential", "unclassified", "living_street", "pedestrian"})) return BasemapClass::minor;
    if (is(tags.get_value_by_key("railway"), {"rail", "light_rail", "narrow_gauge", "tram"}) &&
        !tags.has_key("service"))  // sidings and yards clutter the map
        return BasemapClass::railway;
    if (is(tags.get_value_by_key("waterway"), {"river", "canal"})) return BasemapClass::river;
    return std::nullopt;
}

std::optional<BasemapClass> area_class(const osmium::TagList& tags) {
    const char* landuse = tags.get_value_by_key("landuse");
    const char* natural = tags.get_value_by_key("natural");
    if (is(natural, {"water"}) || is(landuse, {"reservoir", "basin"}) ||
        is(tags.get_value_by_key("waterway"), {"riverbank"}))
        return BasemapClass::water;
    if (is(landuse, {"forest"}) || is(natural, {"wood"})) return BasemapClass::forest;
    if (is(tags.get_value_by_key("leisure"), {"park", "garden"}) ||
        is(landuse, {"grass", "recreation_ground", "cemetery", "village_green"}))
        return BasemapClass::park;
    if (is(landuse, {"residential", "commercial", "retail", "industrial", "railway"})) return BasemapClass::built_up;
    return std::nullopt;
}

int place_rank(const char* place) {
    if (is(place, {"city"})) return 1;
    if (is(place, {"town"})) return 2;
    if (is(place, {"suburb"})) return 3;
    if (is(place, {"village"})) return 4;
    if (is(place, {"quarter"})) return 5;
    if (is(place, {"hamlet"})) return 6;
    if (is(place, {"neighbourhood"})) return 7;
    return 0;
}

template <class Refs>
Ring ring_of(const Refs& refs) {
    Ring ring;
    ring.reserve(refs.size());
    for (const osmium::NodeRef& ref : refs)
        if (ref.location().valid()) ring.push_back({ref.location().lon(), ref.location().lat()});
    return ring;
}

class BasemapHandler : public osmium::handler::Handler {
public:
    explicit BasemapHandler(OsmBasemap& out) : m_out(out) {}

    void node(const osmium::Node& node) {
        const int rank = place_rank(node.tags().get_value_by_key("place"));
        const char* name = node.tags().get_value_by_key("name");
        if (rank == 0 || !name || !*name || !node.location().valid()) return;
        Place place;
        place.name = name;
        place.rank = rank;
        place.position = {node.location().lon(), node.location().lat()};
        if (const char* pop = node.tags().get_value_by_key("population")) place.population = std::atoll(pop);
        if (const char* insee = node.tags().get_value_by_key("ref:INSEE")) place.insee = insee;
        m_out.places.push_back(std::move(place));
    }

    void way(const osmium::Way& way) {
        const auto cls = line_class(way.tags());
        if (!cls) return;
        Ring ring = ring_of(way.nodes());
        if (ring.size() < 2) return;
        m_out.bands[0].lines.push_back({*cls, std::move(ring)});
    }

    void area(const osmium::Area& area) {
        const auto cls = area_class(area.tags());
        if (!cls) return;
        BasemapArea out{*cls, {}};
        for (const osmium::OuterRing& outer : area.outer_rings()) {
            Polygon polygon;
            polygon.rings.push_back(ring_of(outer));
            if (polygon.rings[0].size() < 4) continue;
            for (const osmium::InnerRing& inner : area.inner_rings(outer)) {
                Ring hole = ring_of(inner);
                if (hole.size() >= 4) polygon.rings.push_back(std::move(hole));
            }
            out.polygons.polygons.push_back(std::move(polygon));
        }
        if (!out.polygons.empty()) m_out.bands[0].areas.push_back(std::move(out));
    }

private:
    OsmBasemap& m_out;
};

}  // namespace

const char* basemap_class_name(BasemapClass c) {
    static constexpr const char* kNames[kBasemapClassCount] = {"motorway", "trunk",  "primary", "secondary",
                                                               "tertiary", "minor",  "railway", "river",
                                                               "water",    "forest", "park",    "built-up"};
    return kNames[static_cast<int>(c)];
}

bool is_area_class(BasemapClass c) {
    return c == BasemapClass::water || c == BasemapClass::forest || c == BasemapClass::park ||
           c == BasemapClass::built_up;
}

bool is_osm_extract(const std::string& path) {
    for (const char* ext : {".osm.pbf", ".osm", ".osm.bz2", ".osm.gz", ".pbf"})
        if (path.ends_with(ext)) return true;
    return false;
}

const BasemapBand* OsmBasemap::band_at(double zoom) const {
    for (const BasemapBand& band : bands)
        if (zoom >= band.min_zoom && zoom < band.max_zoom) return &band;
    return bands.empty() ? nullptr : &bands.back();
}

Result<OsmBasemap> read_osm_basemap(const std::string& path) {
    auto usable = check_input_file(path);  // libosmium would block forever on a pipe
    if (!usable) return tl::unexpected(usable.error());
    OsmBasemap out;
    out.source = std::filesystem::path(path).filename().string();
    out.bands.push_back({0.0, 99.0, {}, {}});
    try {
        const osmium::io::File file{path};
        osmium::area::Assembler::config_type config;
        osmium::area::MultipolygonManager<osmium::area::Assembler> multipolygons{config};
        osmium::relations::read_relations(file, multipolygons);
        using Index = osmium::index::map::FlexMem<osmium::unsigned_object_id_type, osmium::Location>;
        Index index;
        osmium::handler::NodeLocationsForWays<Index> locations{index};
        locations.ignore_errors();  // extracts cut ways at their edge
        BasemapHandler handler(out);
        osmium::io::Reader reader{file};
        osmium::apply(reader, locations, handler, multipolygons.handler([&handler](osmium::memory::Buffer&& buffer) {
            osmium::apply(buffer, handler);
        }));
        reader.close();
    } catch (const std::exception& e) {
        return fail_fmt("{}: cannot read the OpenStreetMap extract: {}", path, e.what());
    }
    const BasemapBand& band = out.bands[0];
    if (band.lines.empty() && band.areas.empty() && out.places.empty())
        return fail_fmt("{}: no road, railway, river, water, forest, park, built-up area or place name to draw", path);
    for (const BasemapLine& line : band.lines)
        for (const LonLat& p : line.points) out.bounds.extend(p);
    for (const BasemapArea& area : band.areas) out.bounds.extend(area.polygons.bounds());
    return out;
}

}  // namespace geo
