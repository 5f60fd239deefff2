#include "geo/io/geojson_points.hpp"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <unordered_map>
#include <vector>

#include <cpl_string.h>
#include <gdal.h>
#include <ogr_core.h>
#include <simdjson.h>

#include "geo/core/text_fold.hpp"
#include "geo/io/gdal_support.hpp"

namespace geo::gdal {
namespace {

namespace dom = simdjson::dom;
using Type = dom::element_type;

// The document held in memory takes about 2.5 times the file (a 78 MB file
// of 500,000 points: ~200 MB); larger files go to GDAL's streaming read.
constexpr std::uint64_t kMaxFileBytes = std::uint64_t{256} << 20;
// Deeper documents go to GDAL, whose parsers set their own limits.
constexpr std::size_t kMaxDepth = 24;

// What GDAL's driver makes of one property's values: the field type it picks
// over all features. `mixed`: a combination whose outcome is not kept here.
// GDAL keeps the type of a property's first non-null value and widens it
// with later ones, so order matters for arrays: [] first makes a JSON field
// (later arrays kept as JSON text), a list first keeps later [] as empty lists.
enum class Kind {
    none,
    string,
    integer,
    integer64,
    real,
    boolean,
    string_list,
    integer_list,
    real_list,
    empty_array,  // only [] so far, and first: a JSON field
    json_array,   // String (JSON) holding arrays
    json_object,  // String (JSON) holding objects
    mixed
};

bool is_list(Kind k) {
    return k == Kind::string_list || k == Kind::integer_list || k == Kind::real_list;
}
bool is_json(Kind k) {
    return k == Kind::empty_array || k == Kind::json_array || k == Kind::json_object;
}

// The object or array `e` is (its type checked before): a named value to
// iterate, not a temporary's member.
dom::object as_object(dom::element e) {
    dom::object o;
    if (e.get_object().get(o) != simdjson::SUCCESS) return {};
    return o;
}
dom::array as_array(dom::element e) {
    dom::array a;
    if (e.get_array().get(a) != simdjson::SUCCESS) return {};
    return a;
}

bool fits_int32(std::int64_t v) {
    return v >= std::numeric_limits<int>::min() && v <= std::numeric_limits<int>::max();
}

Kind array_kind(dom::array values) {
    if (values.size() == 0) return Kind::empty_array;
    bool strings = true, numbers = true, wide = false, reals = false;
    for (dom::element e : values) {
        const Type t = e.type();
        if (t == Type::BOOL || t == Type::NULL_VALUE || t == Type::UINT64) return Kind::mixed;
        strings = strings && t == Type::STRING;
        numbers = numbers && (t == Type::INT64 || t == Type::DOUBLE);
        reals = reals || t == Type::DOUBLE;
        wide = wide || (t == Type::INT64 && !fits_int32(e.get_int64().value_unsafe()));
    }
    if (strings) return Kind::string_list;
    if (numbers) return wide ? Kind::mixed : reals ? Kind::real_list : Kind::integer_list;
    return Kind::json_array;  // strings and numbers mixed, or arrays / objects inside
}

Kind value_kind(dom::element e) {
    switch (e.type()) {
        case Type::NULL_VALUE:
            return Kind::none;
        case Type::STRING: {
            // GDAL types a property Date, Time or DateTime when its strings parse as such.
            const std::string text(e.get_string().value_unsafe());
            OGRField parsed;
            return OGRParseDate(text.c_str(), &parsed, 0) ? Kind::mixed : Kind::string;
        }
        case Type::INT64:
            return fits_int32(e.get_int64().value_unsafe()) ? Kind::integer : Kind::integer64;
        case Type::UINT64:
            return Kind::mixed;  // GDAL clamps it to INT64_MAX, with a warning
        case Type::DOUBLE:
            return Kind::real;
        case Type::BOOL:
            return Kind::boolean;
        case Type::OBJECT:
            return Kind::json_object;
        case Type::ARRAY:
            return array_kind(as_array(e));
    }
    return Kind::mixed;
}

Kind merge(Kind a, Kind b) {
    if (a == Kind::none) return b;
    if (b == Kind::none) return a;
    const bool array = is_list(b) || b == Kind::empty_array || b == Kind::json_array;
    if (a == Kind::empty_array || a == Kind::json_array) {
        if (a == Kind::empty_array && b == Kind::empty_array) return a;
        return array ? Kind::json_array : Kind::mixed;
    }
    if (is_list(a) && b == Kind::empty_array) return a;
    if (a == b) return a;
    const auto either = [&](Kind x, Kind y) { return (a == x && b == y) || (a == y && b == x); };
    if (either(Kind::integer, Kind::integer64)) return Kind::integer64;
    if (either(Kind::integer, Kind::real) || either(Kind::integer64, Kind::real)) return Kind::real;
    if (either(Kind::integer_list, Kind::real_list)) return Kind::real_list;
    return Kind::mixed;
}

void add_field(OGRFeatureDefn& layer, const std::string& name, Kind kind) {
    OGRFieldType type = OFTString;
    OGRFieldSubType sub = OFSTNone;
    switch (kind) {
        case Kind::integer:
            type = OFTInteger;
            break;
        case Kind::integer64:
            type = OFTInteger64;
            break;
        case Kind::real:
            type = OFTReal;
            break;
        case Kind::boolean:
            type = OFTInteger;
            sub = OFSTBoolean;
            break;
        case Kind::string_list:
            type = OFTStringList;
            break;
        case Kind::integer_list:
            type = OFTIntegerList;
            break;
        case Kind::real_list:
            type = OFTRealList;
            break;
        case Kind::empty_array:
        case Kind::json_array:
        case Kind::json_object:
            sub = OFSTJSON;
            break;
        default:
            break;
    }
    OGRFieldDefn defn(name.c_str(), type);
    defn.SetSubType(sub);
    layer.AddFieldDefn(&defn);
}

bool is_number(dom::element e) {
    return e.type() == Type::INT64 || e.type() == Type::DOUBLE;
}

double number(dom::element e) {
    return e.type() == Type::INT64 ? static_cast<double>(e.get_int64().value_unsafe()) : e.get_double().value_unsafe();
}

// A Point geometry of two numbers, or null; anything else is GDAL's to read.
bool plain_point_or_null(dom::element geometry) {
    if (geometry.type() == Type::NULL_VALUE) return true;
    if (geometry.type() != Type::OBJECT) return false;
    bool point = false, coordinates = false;
    for (dom::key_value_pair kv : as_object(geometry)) {
        if (kv.key == "type") {
            point = kv.value.type() == Type::STRING && kv.value.get_string().value_unsafe() == "Point";
        } else if (kv.key == "coordinates") {
            if (kv.value.type() != Type::ARRAY) return false;
            const dom::array xy = as_array(kv.value);
            coordinates = xy.size() == 2 && is_number(xy.at(0).value_unsafe()) && is_number(xy.at(1).value_unsafe());
        } else if (kv.key != "bbox") {
            return false;
        }
    }
    return point && coordinates;
}

// The fields of a layer by name, in order of first appearance.
class Schema {
public:
    // False when the property cannot be kept as GDAL keeps it.
    bool add(std::string_view name, dom::element value) {
        auto it = m_index.find(name);
        if (it == m_index.end()) {
            const std::string lower = ascii_lower(name);
            if (!m_lower.emplace(lower, m_kinds.size()).second) return false;  // "Name" and "name"
            it = m_index.emplace(std::string(name), m_kinds.size()).first;
            m_names.emplace_back(name);
            m_kinds.push_back(Kind::none);
        }
        Kind& kind = m_kinds[it->second];
        kind = merge(kind, value_kind(value));
        return kind != Kind::mixed;
    }

    [[nodiscard]] std::size_t size() const { return m_kinds.size(); }
    [[nodiscard]] const std::string& name(std::size_t i) const { return m_names[i]; }
    [[nodiscard]] Kind kind(std::size_t i) const { return m_kinds[i]; }
    [[nodiscard]] int index(std::string_view name) const {
        const auto it = m_index.find(name);
        return it == m_index.end() ? -1 : static_cast<int>(it->second);
    }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> m_index;
    std::unordered_map<std::string, std::size_t> m_lower;
    std::vector<std::string> m_names;
    std::vector<Kind> m_kinds;
};

// Checks one feature and adds its properties to the schema.
bool scan_feature(dom::element feature, Schema& schema) {
    if (feature.type() != Type::OBJECT) return false;
    bool is_feature = false;
    for (dom::key_value_pair kv : as_object(feature)) {
        if (kv.key == "type") {
            is_feature = kv.value.type() == Type::STRING && kv.value.get_string().value_unsafe() == "Feature";
        } else if (kv.key == "geometry") {
            if (!plain_point_or_null(kv.value)) return false;
        } else if (kv.key == "properties") {
            if (kv.value.type() == Type::NULL_VALUE) continue;
            if (kv.value.type() != Type::OBJECT) return false;
            const dom::object properties = as_object(kv.value);
            std::vector<std::string_view> keys;
            for (dom::key_value_pair p : properties) {
                if (!schema.add(p.key, p.value)) return false;
                keys.push_back(p.key);
            }
            std::sort(keys.begin(), keys.end());
            if (std::adjacent_find(keys.begin(), keys.end()) != keys.end()) return false;  // a key given twice
        } else if (kv.key != "bbox") {
            return false;  // "id" (GDAL's FID or an "id" field) and foreign members
        }
    }
    return is_feature;
}

class GeoJsonPointLayer final : public OGRLayer {
public:
    GeoJsonPointLayer(std::string name, std::unique_ptr<dom::parser> parser, dom::array features, Schema schema)
        : m_name(std::move(name)),
          m_parser(std::move(parser)),
          m_features(features),
          m_count(features.size()),
          m_schema(std::move(schema)) {
        m_defn = new OGRFeatureDefn(m_name.c_str());
        m_defn->Reference();
        m_defn->SetGeomType(wkbPoint);
        m_srs = new OGRSpatialReference();
        m_srs->importFromEPSG(4326);
        m_srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        m_defn->GetGeomFieldDefn(0)->SetSpatialRef(m_srs);
        for (std::size_t i = 0; i < m_schema.size(); ++i) add_field(*m_defn, m_schema.name(i), m_schema.kind(i));
        // GDAL's driver: an integer "id" property is the FID of the features
        // that have one; the others are numbered from 0.
        const int id = m_schema.index("id");
        m_id_as_fid = id >= 0 && (m_schema.kind(static_cast<std::size_t>(id)) == Kind::integer ||
                                  m_schema.kind(static_cast<std::size_t>(id)) == Kind::integer64);
        GeoJsonPointLayer::ResetReading();
    }
    ~GeoJsonPointLayer() override {
        m_defn->Release();
        m_srs->Release();
    }
    GeoJsonPointLayer(const GeoJsonPointLayer&) = delete;
    GeoJsonPointLayer& operator=(const GeoJsonPointLayer&) = delete;

    void ResetReading() override {
        m_next = m_features.begin();
        m_fid = 0;
    }
    OGRFeature* GetNextFeature() override {
        if (m_next == m_features.end()) return nullptr;
        const dom::element element = *m_next;
        ++m_next;
        auto* feature = new OGRFeature(m_defn);
        bool has_fid = false;
        for (dom::key_value_pair kv : as_object(element)) {
            if (kv.key == "properties" && kv.value.type() == Type::OBJECT) {
                for (dom::key_value_pair p : as_object(kv.value)) {
                    set_field(*feature, p);
                    if (m_id_as_fid && p.key == "id" && p.value.type() == Type::INT64) {
                        feature->SetFID(p.value.get_int64().value_unsafe());
                        has_fid = true;
                    }
                }
            } else if (kv.key == "geometry" && kv.value.type() == Type::OBJECT) {
                const dom::array xy = as_array(kv.value["coordinates"].value_unsafe());
                auto* point = new OGRPoint(number(xy.at(0).value_unsafe()), number(xy.at(1).value_unsafe()));
                point->assignSpatialReference(m_srs);
                feature->SetGeometryDirectly(point);
            }
        }
        if (!has_fid) feature->SetFID(m_fid++);
        return feature;
    }
    OGRFeatureDefn* GetLayerDefn() override { return m_defn; }
    int TestCapability(const char*) override { return FALSE; }
    const char* GetName() override { return m_name.c_str(); }
    OGRwkbGeometryType GetGeomType() override { return wkbPoint; }
    OGRSpatialReference* GetSpatialRef() override { return m_srs; }
    GIntBig GetFeatureCount(int) override { return static_cast<GIntBig>(m_count); }

private:
    void set_field(OGRFeature& feature, dom::key_value_pair p) {
        if (p.value.type() == Type::NULL_VALUE) return;
        const int i = m_schema.index(p.key);
        switch (m_schema.kind(static_cast<std::size_t>(i))) {
            case Kind::string:
                feature.SetField(i, std::string(p.value.get_string().value_unsafe()).c_str());
                return;
            case Kind::integer:
                feature.SetField(i, static_cast<int>(p.value.get_int64().value_unsafe()));
                return;
            case Kind::integer64:
                feature.SetField(i, static_cast<GIntBig>(p.value.get_int64().value_unsafe()));
                return;
            case Kind::real:
                feature.SetField(i, number(p.value));
                return;
            case Kind::boolean:
                feature.SetField(i, p.value.get_bool().value_unsafe() ? 1 : 0);
                return;
            case Kind::string_list: {
                std::vector<std::string> values;
                for (dom::element e : as_array(p.value)) values.emplace_back(e.get_string().value_unsafe());
                std::vector<const char*> list;
                for (const auto& v : values) list.push_back(v.c_str());
                list.push_back(nullptr);
                feature.SetField(i, list.data());
                return;
            }
            case Kind::integer_list: {
                std::vector<int> values;
                for (dom::element e : as_array(p.value))
                    values.push_back(static_cast<int>(e.get_int64().value_unsafe()));
                feature.SetField(i, static_cast<int>(values.size()), values.data());
                return;
            }
            case Kind::real_list: {
                std::vector<double> values;
                for (dom::element e : as_array(p.value)) values.push_back(number(e));
                feature.SetField(i, static_cast<int>(values.size()), values.data());
                return;
            }
            case Kind::empty_array:
            case Kind::json_array:
            case Kind::json_object:
                feature.SetField(i, simdjson::minify(p.value).c_str());
                return;
            case Kind::none:
            case Kind::mixed:
                return;
        }
    }

    std::string m_name;
    std::unique_ptr<dom::parser> m_parser;  // owns the document m_features points into
    dom::array m_features;
    std::size_t m_count = 0;
    OGRFeatureDefn* m_defn = nullptr;  // reference counted, as GDAL's
    OGRSpatialReference* m_srs = nullptr;
    Schema m_schema;  // field i of m_defn is the schema's name i
    dom::array::iterator m_next;
    bool m_id_as_fid = false;  // an integer "id" property gives the FID
    GIntBig m_fid = 0;         // the next FID of a feature without one
};

}  // namespace

std::unique_ptr<OGRLayer> open_geojson_points(const std::string& path, const FieldRoles& roles) {
    namespace fs = std::filesystem;
    if (path.starts_with("/vsi") || !(ascii_iends_with(path, ".geojson") || ascii_iends_with(path, ".json")))
        return nullptr;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return nullptr;
    const auto bytes = fs::file_size(path, ec);
    if (ec || bytes > kMaxFileBytes) return nullptr;
    // GDAL picks a driver from the first bytes: a file it would not read as
    // GeoJSON ("<kml" inside a key, a TopoJSON…) is left to it.
    register_drivers();
    GDALDriverH driver = GDALIdentifyDriverEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr);
    if (driver == nullptr || std::string_view(GDALGetDriverShortName(driver)) != "GeoJSON") return nullptr;

    auto parser = std::make_unique<dom::parser>();
    if (parser->allocate(static_cast<std::size_t>(bytes) + 1, kMaxDepth) != simdjson::SUCCESS) return nullptr;
    dom::element root;
    if (parser->load(path).get(root) != simdjson::SUCCESS || root.type() != Type::OBJECT) return nullptr;

    std::string name = fs::path(path).stem().string();
    bool collection = false;
    dom::array features;
    bool has_features = false;
    for (dom::key_value_pair kv : as_object(root)) {
        if (kv.key == "type") {
            collection = kv.value.type() == Type::STRING && kv.value.get_string().value_unsafe() == "FeatureCollection";
        } else if (kv.key == "features") {
            if (kv.value.type() != Type::ARRAY) return nullptr;
            features = as_array(kv.value);
            has_features = true;
        } else if (kv.key == "name") {
            if (kv.value.type() != Type::STRING) return nullptr;
            name = std::string(kv.value.get_string().value_unsafe());
        } else if (kv.key == "crs") {
            return nullptr;
        }
    }
    if (!collection || !has_features || features.size() == 0) return nullptr;

    Schema schema;
    for (dom::element feature : features)
        if (!scan_feature(feature, schema)) return nullptr;
    for (std::size_t i = 0; i < schema.size(); ++i) {
        const Kind kind = schema.kind(i);
        const bool text = roles.text(schema.name(i));
        if ((is_json(kind) && text) || (kind == Kind::json_object && roles.list(schema.name(i)))) return nullptr;
    }
    return std::make_unique<GeoJsonPointLayer>(std::move(name), std::move(parser), features, std::move(schema));
}

}  // namespace geo::gdal
