#include "geo/io/gdal_importer.hpp"
#include "geo/io/field_candidates.hpp"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "geo/core/json_text.hpp"
#include "geo/core/text_fold.hpp"
#include "geo/io/gdal_fields.hpp"
#include "geo/io/gdal_support.hpp"
#include "geo/io/geojson_points.hpp"
#include "geo/io/months.hpp"

namespace geo {
namespace {

// Field indices of one layer, -1 when absent.
struct ItemFields {
    int name = -1, id = -1, source = -1, source_id = -1, family = -1, subtypes = -1;
    int labels = -1, themes = -1, months = -1, producer = -1, insee = -1, extra = -1;
    int lon = -1, lat = -1;
};

const std::initializer_list<std::string_view> kLonFields = {"lon", "lng",     "long",         "longitude",
                                                            "x",   "lon_deg", "longitude_deg"};
const std::initializer_list<std::string_view> kLatFields = {"lat", "latitude", "y", "lat_deg", "latitude_deg"};
const std::initializer_list<std::string_view> kSourceFields = {"source"};
const std::initializer_list<std::string_view> kSourceIdFields = {"source_id"};
const std::initializer_list<std::string_view> kSubtypeFields = {"subtypes", "subtype", "sous_type", "sous_types"};
const std::initializer_list<std::string_view> kLabelFields = {"labels"};
const std::initializer_list<std::string_view> kThemeFields = {"themes", "theme", "thèmes"};
const std::initializer_list<std::string_view> kMonthFields = {"opening_months", "months", "mois", "mois_ouverture"};
const std::initializer_list<std::string_view> kProducerFields = {"producer", "producteur"};
const std::initializer_list<std::string_view> kInseeFields = {"commune_insee", "insee", "code_insee", "insee_com",
                                                              "codgeo"};
const std::initializer_list<std::string_view> kExtraFields = {"extra_json", "extra"};

bool among(std::string_view name, std::initializer_list<std::initializer_list<std::string_view>> lists) {
    for (const auto& names : lists)
        for (const auto candidate : names)
            if (ascii_iequals(name, candidate)) return true;
    return false;
}

// How LayerReader reads a field (geojson_points.hpp): as text, or as a list.
gdal::FieldRoles field_roles(const GdalImportOptions& options) {
    gdal::FieldRoles roles;
    roles.text = [&options](std::string_view name) {
        for (const std::string* named : {&options.name_field, &options.id_field, &options.family_field})
            if (ascii_iequals(name, *named)) return true;
        return among(name, {gdal::kItemNameFields, gdal::kItemIdFields, gdal::kItemFamilyFields, kSourceFields,
                            kSourceIdFields, kProducerFields, kInseeFields});
    };
    roles.list = [](std::string_view name) {
        return among(name, {kSubtypeFields, kLabelFields, kThemeFields, kMonthFields});
    };
    return roles;
}

// Kept items go to the caller in runs of this many (a streamed import).
constexpr std::size_t kBatchItems = 4096;

// Position of one feature in the layer's CRS, or the reason there is none.
struct RawPosition {
    std::optional<gdal::RawXY> xy;
    Error problem;
};

RawPosition representative_point(const OGRGeometry& geom) {
    const auto type = wkbFlatten(geom.getGeometryType());
    if (type == wkbPoint) return {gdal::RawXY{geom.toPoint()->getX(), geom.toPoint()->getY()}, {}};
    OGRPoint point;
    if (type == wkbMultiPoint) {
        if (geom.Centroid(&point) == OGRERR_NONE && !point.IsEmpty())
            return {gdal::RawXY{point.getX(), point.getY()}, {}};
    }
    auto on_surface = [](const OGRGeometry& g) -> std::optional<gdal::RawXY> {
        OGRGeometryUniquePtr p(
            OGRGeometry::FromHandle(OGR_G_PointOnSurface(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(&g)))));
        if (!p || p->IsEmpty() || wkbFlatten(p->getGeometryType()) != wkbPoint) return std::nullopt;
        return gdal::RawXY{p->toPoint()->getX(), p->toPoint()->getY()};
    };
    if (auto p = on_surface(geom)) return {p, {}};
    if (auto valid = gdal::make_valid_bounded(geom); valid) {
        if (auto p = on_surface(**valid)) return {p, {}};
    } else {
        return {std::nullopt, valid.error()};
    }
    return {std::nullopt, error_fmt("invalid {} geometry: no point can be taken from it",
                                    OGRGeometryTypeToName(geom.getGeometryType()))};
}

// Takes a run of kept items (moved out of ParsedItems::items) and the number
// of records expected in all; false stops the read.
using ItemSink = std::function<bool(std::vector<OfferItem>&&, std::int64_t records)>;

class LayerReader {
public:
    LayerReader(std::string file, OGRLayer& layer, bool kml, const GdalImportOptions& options, const Taxonomy& taxonomy,
                ParsedItems& out, const ItemSink& sink)
        : m_file(std::move(file)),
          m_kml(kml),
          m_where(m_file + ":" + layer.GetName()),
          m_layer(layer),
          m_options(options),
          m_taxonomy(taxonomy),
          m_out(out),
          m_sink(sink) {}

    Result<void> prepare();
    // Reads every feature; ids are prefixed by "<layer>/" when `prefix_ids`.
    Result<void> read(bool prefix_ids, const Progress& progress, std::int64_t& done, std::int64_t total);

private:
    Result<void> find_fields();
    std::optional<Error> read_feature(const OGRFeature& feature, OfferItem& item);
    std::optional<Error> read_position(const OGRFeature& feature, LonLat& position);
    std::optional<Error> read_family(const OGRFeature& feature, OfferItem& item);
    void read_details(const OGRFeature& feature, OfferItem& item);
    std::string read_id(const OGRFeature& feature);
    const std::optional<Classification>& classify(const std::string& value);

    std::string m_file;
    bool m_kml;  // the KML drivers add display fields that are not data
    std::string m_where;
    OGRLayer& m_layer;
    const GdalImportOptions& m_options;
    const Taxonomy& m_taxonomy;
    ParsedItems& m_out;
    const ItemSink& m_sink;  // empty: items stay in m_out
    ItemFields m_fields;
    std::vector<bool> m_consumed;  // per field: read into a named item member
    std::optional<Classification> m_fixed;
    std::optional<gdal::ToWgs84> m_to_wgs84;
    gdal::FieldReader m_reader;
    std::size_t m_decimal_commas = 0;   // coordinates written "47,39", read as 47.39
    std::string m_first_decimal_comma;  // its record and text, for the warning
    std::set<std::string> m_unknown;
    // classify_value results by value: a layer repeats a handful of values.
    std::unordered_map<std::string, std::optional<Classification>> m_classified;
    std::string m_record;  // name of the record being read, for messages
};

Result<void> LayerReader::find_fields() {
    const OGRFeatureDefn& defn = *m_layer.GetLayerDefn();
    auto find = [&](const std::string& explicit_name, std::initializer_list<std::string_view> names) -> Result<int> {
        return gdal::find_field(defn, explicit_name, names, m_where);
    };
    auto& f = m_fields;
    auto assign = [](int& slot, Result<int> r) -> Result<void> {
        if (!r) return tl::unexpected(r.error());
        slot = *r;
        return {};
    };
    for (auto r : {assign(f.name, find(m_options.name_field, gdal::kItemNameFields)),
                   assign(f.family, find(m_options.family_field, gdal::kItemFamilyFields)),
                   assign(f.id, find(m_options.id_field, gdal::kItemIdFields))})
        if (!r) return r;
    f.source = *find({}, kSourceFields);
    f.source_id = *find({}, kSourceIdFields);
    f.subtypes = *find({}, kSubtypeFields);
    f.labels = *find({}, kLabelFields);
    f.themes = *find({}, kThemeFields);
    f.months = *find({}, kMonthFields);
    f.producer = *find({}, kProducerFields);
    f.insee = *find({}, kInseeFields);
    f.extra = *find({}, kExtraFields);
    if (m_options.id_field.empty() && f.source_id >= 0 && f.source >= 0) {
        m_consumed.assign(static_cast<size_t>(defn.GetFieldCount()), false);
        if (f.id >= 0) m_consumed[static_cast<size_t>(f.id)] = true;  // a catalogue row id
        f.id = -1;
    }
    const bool no_geometry = m_layer.GetGeomType() == wkbNone;
    if (no_geometry || !m_options.lon_field.empty() || !m_options.lat_field.empty()) {
        for (auto r : {assign(f.lon, find(m_options.lon_field, kLonFields)),
                       assign(f.lat, find(m_options.lat_field, kLatFields))})
            if (!r) return r;
        if (f.lon < 0 || f.lat < 0)
            return fail_fmt(
                "{}: no geometry and no longitude/latitude columns (tried lon, lng, longitude, "
                "x / lat, latitude, y; fields: {}); name them with --lon-field / --lat-field",
                m_where, gdal::field_list(defn));
    }
    if (f.name < 0)
        return fail_fmt(
            "{}: no name field (tried name, nom, title, label, libelle…; "
            "fields: {}); choose one with --name-field",
            m_where, gdal::field_list(defn));
    if (m_options.family.empty() && f.family < 0 && f.subtypes < 0)
        return fail_fmt(
            "{}: no family field (tried family, famille, category, "
            "categorie, type; fields: {}); choose one with --family-field "
            "or give every record one family with --family",
            m_where, gdal::field_list(defn));
    m_consumed.resize(static_cast<size_t>(defn.GetFieldCount()), false);
    for (int index : {f.name, f.id, f.source, f.source_id, f.family, f.subtypes, f.labels, f.themes, f.months,
                      f.producer, f.insee, f.extra, f.lon, f.lat})
        if (index >= 0) m_consumed[static_cast<size_t>(index)] = true;
    // Derived from the family in our own exports.
    if (const int index = *find({}, {"family_fr"}); index >= 0) m_consumed[static_cast<size_t>(index)] = true;
    if (m_kml)
        for (const char* display :
             {"tessellate", "extrude", "visibility", "drawOrder", "icon", "altitudeMode", "snippet"})
            if (const int index = defn.GetFieldIndex(display); index >= 0)
                m_consumed[static_cast<size_t>(index)] = true;
    return {};
}

Result<void> LayerReader::prepare() {
    if (auto r = find_fields(); !r) return r;
    if (!m_options.family.empty()) {
        m_fixed = m_taxonomy.classify_value(m_options.family);
        if (!m_fixed)
            return fail_fmt(
                "family \"{}\" is not a family, a family name or a subtype "
                "of the taxonomy",
                m_options.family);
    }
    std::vector<gdal::RawXY> sample;
    const OGRSpatialReference* srs = nullptr;
    if (m_fields.lon >= 0) {
        m_layer.ResetReading();
        for (int i = 0; i < 1000 && sample.size() < 100; ++i) {
            OGRFeatureUniquePtr feature(m_layer.GetNextFeature());
            if (!feature) break;
            const auto x = gdal::parse_number(m_reader.text(*feature, m_fields.lon));
            const auto y = gdal::parse_number(m_reader.text(*feature, m_fields.lat));
            if (x && y && std::isfinite(*x) && std::isfinite(*y)) sample.push_back({*x, *y});
        }
        m_layer.ResetReading();
        m_reader = {};
    } else {
        srs = m_layer.GetSpatialRef();
        if (srs == nullptr) sample = gdal::sample_geometry_coordinates(m_layer);
    }
    bool assumed = false;
    auto transform = gdal::ToWgs84::for_layer(srs, sample, m_where, assumed);
    if (!transform) return tl::unexpected(transform.error());
    m_to_wgs84 = std::move(*transform);
    if (assumed && m_fields.lon < 0)
        m_out.report.warnings.push_back(
            error_fmt("{}: the layer declares no CRS; coordinates read as WGS 84 longitude/latitude", m_where));
    return {};
}

std::optional<Error> LayerReader::read_position(const OGRFeature& feature, LonLat& position) {
    gdal::RawXY xy;
    if (m_fields.lon >= 0) {
        const std::string lon = m_reader.text(feature, m_fields.lon);
        const std::string lat = m_reader.text(feature, m_fields.lat);
        if (lon.empty() || lat.empty()) return error_fmt("no coordinates (longitude or latitude empty)");
        const auto x = gdal::parse_number(lon);
        if (!x) return error_fmt("longitude \"{}\" is not a number", lon);
        const auto y = gdal::parse_number(lat);
        if (!y) return error_fmt("latitude \"{}\" is not a number", lat);
        if (lon.find(',') != std::string::npos || lat.find(',') != std::string::npos) {
            if (m_decimal_commas++ == 0)
                m_first_decimal_comma = fmt::format("{} (\"{}\", \"{}\" read as {}, {})", m_record,
                                                    text_excerpt(lon, 24), text_excerpt(lat, 24), *x, *y);
        }
        xy = {*x, *y};
    } else {
        const OGRGeometry* geom = feature.GetGeometryRef();
        if (geom == nullptr) return error_fmt("no geometry (null)");
        if (geom->IsEmpty()) return error_fmt("empty geometry (no coordinates, or coordinates that are not numbers)");
        const RawPosition raw = representative_point(*geom);
        if (!raw.xy) return raw.problem;
        xy = *raw.xy;
    }
    if (auto problem = gdal::lonlat_problem(xy.x, xy.y); problem && m_to_wgs84->identity()) return problem;
    const gdal::RawXY before = xy;
    if (!m_to_wgs84->point(xy.x, xy.y))
        return error_fmt("coordinates ({}, {}) cannot be transformed to WGS 84", before.x, before.y);
    if (auto problem = gdal::lonlat_problem(xy.x, xy.y)) return problem;
    position = {xy.x, xy.y};
    return std::nullopt;
}

std::optional<Error> LayerReader::read_family(const OGRFeature& feature, OfferItem& item) {
    std::optional<Classification> cls = m_fixed;
    if (!cls && m_fields.family >= 0) {
        const std::string value = m_reader.text(feature, m_fields.family);
        if (!value.empty()) {
            cls = classify(value);
            if (!cls) {
                m_unknown.insert(value);
                return error_fmt("unknown family \"{}\"", value);
            }
        }
    }
    for (const auto& value : m_reader.list(feature, m_fields.subtypes)) {
        const auto& sub = classify(value);
        if (!sub || sub->subtype.empty()) {
            m_unknown.insert("subtype " + value);
            continue;
        }
        if (!cls) cls = sub;
        if (std::find(item.subtypes.begin(), item.subtypes.end(), sub->subtype) == item.subtypes.end())
            item.subtypes.push_back(sub->subtype);
    }
    if (!cls) {
        if (m_fields.family < 0) return error_fmt("no family (no known subtype)");
        return error_fmt("no family (field \"{}\" is empty)",
                         m_layer.GetLayerDefn()->GetFieldDefn(m_fields.family)->GetNameRef());
    }
    item.family = cls->family;
    if (!cls->subtype.empty() &&
        std::find(item.subtypes.begin(), item.subtypes.end(), cls->subtype) == item.subtypes.end())
        item.subtypes.insert(item.subtypes.begin(), cls->subtype);
    return std::nullopt;
}

const std::optional<Classification>& LayerReader::classify(const std::string& value) {
    auto it = m_classified.find(value);
    if (it == m_classified.end()) it = m_classified.emplace(value, m_taxonomy.classify_value(value)).first;
    return it->second;
}

void LayerReader::read_details(const OGRFeature& feature, OfferItem& item) {
    for (const auto& value : m_reader.list(feature, m_fields.labels)) {
        if (const LabelInfo* label = m_taxonomy.label(value)) {
            if (std::find(item.labels.begin(), item.labels.end(), label->id) == item.labels.end())
                item.labels.push_back(label->id);
        } else {
            m_unknown.insert("label " + value);
        }
    }
    item.themes = m_reader.list(feature, m_fields.themes);
    if (m_fields.months >= 0 && feature.IsFieldSetAndNotNull(m_fields.months)) {
        const OGRFieldDefn& defn = *feature.GetFieldDefnRef(m_fields.months);
        const bool mask_field = (defn.GetType() == OFTInteger || defn.GetType() == OFTInteger64) &&
                                std::string_view(defn.GetNameRef()) == "opening_months";
        if (mask_field) {
            item.opening_months = static_cast<MonthMask>(feature.GetFieldAsInteger64(m_fields.months) & kAllMonths);
        } else if (auto mask = parse_month_list(m_reader.list(feature, m_fields.months))) {
            item.opening_months = *mask;
        } else {
            m_out.report.warnings.push_back(
                error_fmt("{}: {}; opening months left unknown", m_record, mask.error().message));
        }
    }
    item.producer = m_reader.text(feature, m_fields.producer);
    item.commune_insee = m_reader.text(feature, m_fields.insee);

    nlohmann::json extra = nlohmann::json::object();
    if (m_fields.extra >= 0) {
        auto parsed = m_reader.json(feature, m_fields.extra);
        if (parsed.is_string())
            parsed = json_depth(parsed.get_ref<const std::string&>()) > kMaxJsonDepth
                         ? nlohmann::json()
                         : nlohmann::json::parse(parsed.get<std::string>(), nullptr, false);
        if (parsed.is_object()) extra = std::move(parsed);
    }
    const OGRFeatureDefn& defn = *m_layer.GetLayerDefn();
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        if (m_consumed[static_cast<size_t>(i)]) continue;
        auto value = m_reader.json(feature, i);
        if (!value.is_null() && !(value.is_string() && value.get<std::string>().empty()))
            extra[defn.GetFieldDefn(i)->GetNameRef()] = std::move(value);
    }
    item.extra_json = extra.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string LayerReader::read_id(const OGRFeature& feature) {
    if (m_fields.source_id >= 0 && m_fields.id < 0) {
        const std::string sid = m_reader.text(feature, m_fields.source_id);
        if (!sid.empty()) {
            const std::string source = m_reader.text(feature, m_fields.source);
            return source.empty() ? sid : source + ":" + sid;
        }
    }
    std::string id = m_reader.text(feature, m_fields.id);
    return id.empty() ? fmt::format("fid:{}", feature.GetFID()) : id;
}

std::optional<Error> LayerReader::read_feature(const OGRFeature& feature, OfferItem& item) {
    if (auto problem = read_position(feature, item.position)) return problem;
    item.name = m_reader.text(feature, m_fields.name);
    if (item.name.empty())
        return error_fmt("no name (field \"{}\" is empty)",
                         m_layer.GetLayerDefn()->GetFieldDefn(m_fields.name)->GetNameRef());
    if (auto problem = read_family(feature, item)) return problem;
    read_details(feature, item);
    item.source_id = read_id(feature);
    return std::nullopt;
}

Result<void> LayerReader::read(bool prefix_ids, const Progress& progress, std::int64_t& done, std::int64_t total) {
    m_layer.ResetReading();
    while (OGRFeatureUniquePtr feature{m_layer.GetNextFeature()}) {
        ++m_out.report.read;
        m_record = gdal::record_name(m_file, m_layer, feature->GetFID());
        OfferItem item;
        item.source = m_out.source.key;
        if (auto problem = read_feature(*feature, item)) {
            m_out.report.skipped.push_back({m_record, *problem});
        } else {
            if (prefix_ids) item.source_id = std::string(m_layer.GetName()) + "/" + item.source_id;
            m_out.items.push_back(std::move(item));
            if (m_sink && m_out.items.size() >= kBatchItems) {
                if (!m_sink(std::move(m_out.items), total)) return fail_fmt("{}: import cancelled", m_where);
                m_out.items.clear();
            }
        }
        if ((++done & 0xFF) == 0 && !progress(done, total)) return fail_fmt("{}: import cancelled", m_where);
    }
    if (m_decimal_commas > 0)
        m_out.report.warnings.push_back(
            error_fmt("{}: {} positions have a decimal comma and were read as decimals, first {}", m_where,
                      m_decimal_commas, m_first_decimal_comma));
    if (m_reader.recoded_count() > 0)
        m_out.report.warnings.push_back(
            error_fmt("{}:FID {}: {} text values are not UTF-8 and were read as Windows-1252", m_where,
                      m_reader.first_recoded_fid(), m_reader.recoded_count()));
    auto& unknown = m_out.report.unknown_types;
    for (const auto& u : m_unknown)
        if (std::find(unknown.begin(), unknown.end(), u) == unknown.end()) unknown.push_back(u);
    return {};
}

// The layers to read: the named one, else the point layers (and tables with
// lon/lat columns), else every layer with a geometry.
Result<std::vector<OGRLayer*>> choose_layers(GDALDataset& ds, const std::string& path,
                                             const GdalImportOptions& options) {
    std::vector<OGRLayer*> points;
    std::vector<OGRLayer*> any;
    std::string names;
    for (OGRLayer* layer : ds.GetLayers()) {
        names += (names.empty() ? "" : ", ") + std::string(layer->GetName());
        if (!options.layer.empty()) {
            if (options.layer == layer->GetName()) return std::vector<OGRLayer*>{layer};
            continue;
        }
        const auto type = layer->GetGeomType();
        const auto& defn = *layer->GetLayerDefn();
        const bool lonlat = type == wkbNone && *gdal::find_field(defn, options.lon_field, kLonFields, "") >= 0 &&
                            *gdal::find_field(defn, options.lat_field, kLatFields, "") >= 0;
        if (gdal::is_pointlike(type) || lonlat) points.push_back(layer);
        if (type != wkbNone) any.push_back(layer);
    }
    if (!options.layer.empty())
        return fail_fmt("{}: no layer \"{}\" (layers: {})", path, options.layer, names.empty() ? "none" : names);
    if (!points.empty()) return points;
    if (!any.empty()) return any;
    return fail_fmt("{}: no layer with geometries or longitude/latitude columns (layers: {})", path,
                    (names.empty() ? std::string("none") : names));
}

}  // namespace

namespace {

ParsedItems new_parse(const std::string& path, const GdalImportOptions& options) {
    ParsedItems out;
    out.source.key = options.source_key.empty() ? "file:" + gdal::file_name(path) : options.source_key;
    out.source.kind = options.source_kind.empty() ? "gdal" : options.source_kind;
    out.source.path = path;
    out.source.licence = options.licence;
    out.source.attribution = options.attribution;
    out.report.source = out.source.key;
    return out;
}

// Reads `layers` into `out`; `sink` (when set) takes the kept items in runs.
// `reading` turns true once the fields of the first layer are found.
Result<void> read_layers(const std::vector<OGRLayer*>& layers, bool kml, const std::string& path,
                         const GdalImportOptions& options, const Taxonomy& taxonomy, const Progress& progress,
                         const ItemSink& sink, ParsedItems& out, bool& reading) {
    std::int64_t total = 0;
    for (OGRLayer* layer : layers) total += std::max<GIntBig>(0, layer->GetFeatureCount(FALSE));
    std::int64_t done = 0;
    for (OGRLayer* layer : layers) {
        layer->ResetReading();
        if (OGRFeatureUniquePtr first{layer->GetNextFeature()}; !first) continue;  // empty layer
        LayerReader reader(gdal::file_name(path), *layer, kml, options, taxonomy, out, sink);
        if (auto r = reader.prepare(); !r) return r;
        reading = true;
        if (auto r = reader.read(layers.size() > 1, progress, done, total); !r) return r;
    }
    if (out.report.read == 0) return fail_fmt("{}: no features to import (the file is empty)", path);
    if (!progress(done, total)) return fail_fmt("{}: import cancelled", path);
    return {};
}

// The common GeoJSON file through the fast reader (geojson_points.hpp), when
// it takes the file and its fields are found: nullopt leaves it to GDAL.
std::optional<Result<ParsedItems>> read_fast_geojson(const std::string& path, const GdalImportOptions& options,
                                                     const Taxonomy& taxonomy, const Progress& progress,
                                                     const ItemSink& sink) {
    if (!options.fast_geojson || !options.layer.empty() || !options.lon_field.empty() || !options.lat_field.empty())
        return std::nullopt;
    auto layer = gdal::open_geojson_points(path, field_roles(options));
    if (!layer) return std::nullopt;
    ParsedItems out = new_parse(path, options);
    bool reading = false;
    auto r = read_layers({layer.get()}, false, path, options, taxonomy, progress, sink, out, reading);
    if (r) return out;
    if (reading) return tl::unexpected(r.error());  // cancelled, or the stream failed
    return std::nullopt;  // no name or family field…: GDAL's read gives the message, fields in its order
}

Result<ParsedItems> read_gdal_items(const std::string& path, const GdalImportOptions& options, const Taxonomy& taxonomy,
                                    const Progress& progress, const ItemSink& sink) {
    gdal::ErrorCapture capture;
    if (auto fast = read_fast_geojson(path, options, taxonomy, progress, sink)) return std::move(*fast);
    capture.clear();
    auto ds = gdal::open_vector(path, capture);
    if (!ds) return tl::unexpected(ds.error());
    auto layers = choose_layers(**ds, path, options);
    if (!layers) return tl::unexpected(layers.error());
    ParsedItems out = new_parse(path, options);
    const std::string driver = (*ds)->GetDriver() != nullptr ? (*ds)->GetDriver()->GetDescription() : "";
    const bool kml = driver == "KML" || driver == "LIBKML";
    bool reading = false;
    if (auto r = read_layers(*layers, kml, path, options, taxonomy, progress, sink, out, reading); !r)
        return tl::unexpected(r.error());
    if (const auto failure = capture.first_failure())
        out.report.warnings.push_back(error_fmt("{}: GDAL: {}", gdal::file_name(path), *failure));
    return out;
}

}  // namespace

Result<ParsedItems> parse_gdal_items(const std::string& path, const GdalImportOptions& options,
                                     const Taxonomy& taxonomy, Progress progress) {
    return read_gdal_items(path, options, taxonomy, progress, {});
}

Result<ParsedItems> stream_gdal_items(const std::string& path, const GdalImportOptions& options,
                                      const Taxonomy& taxonomy, const ItemStream& stream, Progress progress) {
    // Runs of items from the reading thread, two at most in flight.
    struct Channel {
        std::mutex mutex;
        std::condition_variable changed;
        std::deque<std::vector<OfferItem>> runs;
        std::int64_t records = 0;
        bool done = false;  // the reader has returned
        bool stop = false;  // the writer failed: the reader stops
    } channel;
    const ItemSink sink = [&](std::vector<OfferItem>&& run, std::int64_t records) {
        std::unique_lock lock(channel.mutex);
        channel.changed.wait(lock, [&] { return channel.runs.size() < 2 || channel.stop; });
        if (channel.stop) return false;
        channel.runs.push_back(std::move(run));
        channel.records = records;
        channel.changed.notify_all();
        return true;
    };
    Result<ParsedItems> parsed = fail_fmt("{}: not read", path);
    std::thread reader([&] {
        try {
            parsed = read_gdal_items(path, options, taxonomy, progress, sink);
        } catch (const std::exception& e) {
            parsed = fail_fmt("{}: reading stopped: {}", path, e.what());
        } catch (...) {
            parsed = fail_fmt("{}: reading stopped: {}", path, "unknown exception");
        }
        const std::lock_guard lock(channel.mutex);
        channel.done = true;
        channel.changed.notify_all();
    });

    const SourceInfo source = new_parse(path, options).source;
    bool opened = false;
    const auto write = [&](const std::vector<OfferItem>& run, std::int64_t records) -> Result<void> {
        if (!opened) {
            opened = true;
            if (auto ok = stream.open(source, records); !ok) return ok;
        }
        return stream.batch(run);
    };
    Result<void> written;
    for (;;) {
        std::unique_lock lock(channel.mutex);
        channel.changed.wait(lock, [&] { return !channel.runs.empty() || channel.done; });
        if (channel.runs.empty()) break;
        std::vector<OfferItem> run = std::move(channel.runs.front());
        channel.runs.pop_front();
        const std::int64_t records = channel.records;
        channel.changed.notify_all();
        lock.unlock();
        if (written) written = write(run, records);
        if (!written) {
            const std::lock_guard stop(channel.mutex);
            channel.stop = true;
            channel.changed.notify_all();
        }
    }
    reader.join();
    if (!written) return tl::unexpected(written.error());
    if (!parsed) return parsed;
    if (!parsed->items.empty()) {
        if (auto ok = write(parsed->items, parsed->report.read); !ok) return tl::unexpected(ok.error());
        parsed->items.clear();
    }
    return parsed;
}

}  // namespace geo
