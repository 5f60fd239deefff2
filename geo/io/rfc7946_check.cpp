#include "geo/io/rfc7946_check.hpp"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "geo/core/geometry.hpp"
#include "geo/core/json_text.hpp"

namespace geo {
namespace {

using nlohmann::json;

constexpr int kMaxDecimals = 7;
constexpr double kBboxTolerance_deg = 1e-7;

// Collects messages up to a limit and counts the rest.
class Report {
public:
    Report(std::string file, std::size_t max) : m_file(std::move(file)), m_max(max) {}
    void add(const std::string& where, const std::string& what) {
        ++m_total;
        if (m_messages.size() >= m_max) return;
        m_messages.push_back(where.empty() ? fmt::format("{}: {}", m_file, what)
                                           : fmt::format("{}: {}: {}", m_file, where, what));
    }
    std::vector<std::string> finish() && {
        if (m_total > m_messages.size())
            m_messages.push_back(
                fmt::format("{}: … and {} more violations not listed", m_file, m_total - m_messages.size()));
        return std::move(m_messages);
    }

private:
    std::string m_file;
    std::size_t m_max;
    std::size_t m_total = 0;
    std::vector<std::string> m_messages;
};

// Significant decimals of a JSON number's text: "0.1234500" → 5, "1e-9" → 9,
// "1200" → -2.
int significant_decimals(std::string_view text) {
    const std::size_t exp_pos = text.find_first_of("eE");
    int exponent = 0;
    if (exp_pos != std::string_view::npos) {
        std::string_view digits = text.substr(exp_pos + 1);
        if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
        std::from_chars(digits.data(), digits.data() + digits.size(), exponent);
    }
    const std::string_view mantissa = text.substr(0, exp_pos);
    const std::size_t dot = mantissa.find('.');
    std::string_view whole = mantissa.substr(0, dot);
    std::string_view frac = dot == std::string_view::npos ? std::string_view() : mantissa.substr(dot + 1);
    while (!frac.empty() && frac.back() == '0') frac.remove_suffix(1);
    int decimals = static_cast<int>(frac.size());
    if (frac.empty())
        while (whole.size() > 1 && whole.back() == '0') {
            whole.remove_suffix(1);
            --decimals;
        }
    return decimals - exponent;
}

// "where.name", or "name" at the top level.
std::string member(const std::string& where, std::string_view name) {
    return where.empty() ? std::string(name) : where + "." + std::string(name);
}

std::string position_text(const LonLat& p) {
    return fmt::format("({}, {})", p.lon_deg, p.lat_deg);
}

// The structural rules, applied to one parsed GeoJSON object at a time.
class Rules {
public:
    explicit Rules(Report& report) : m_report(report) {}

    LonLatBox feature(const json& f, const std::string& where) {
        LonLatBox box;
        if (!f.is_object()) {
            m_report.add(where, "a feature must be a JSON object");
            return box;
        }
        if (f.value("type", json()) != "Feature") m_report.add(where, "\"type\" must be \"Feature\"");
        crs(f, where);
        if (!f.contains("geometry"))
            m_report.add(where, "missing \"geometry\" member (null when there is none)");
        else if (!f["geometry"].is_null())
            box = geometry(f["geometry"], member(where, "geometry"));
        if (!f.contains("properties"))
            m_report.add(where, "missing \"properties\" member (an object or null)");
        else if (!f["properties"].is_object() && !f["properties"].is_null())
            m_report.add(member(where, "properties"), "must be an object or null");
        bbox(f, where, box);
        return box;
    }

    LonLatBox geometry(const json& g, const std::string& where) {
        LonLatBox box;
        if (!g.is_object()) {
            m_report.add(where, "a geometry must be a JSON object or null");
            return box;
        }
        crs(g, where);
        const json type = g.value("type", json());
        if (!type.is_string()) {
            m_report.add(where, "missing \"type\"");
            return box;
        }
        if (type == "GeometryCollection") {
            const json& members = g.value("geometries", json());
            if (!members.is_array()) m_report.add(where, "a GeometryCollection needs a \"geometries\" array");
            for (std::size_t i = 0; members.is_array() && i < members.size(); ++i)
                box.extend(geometry(members[i], fmt::format("{}[{}]", member(where, "geometries"), i)));
            bbox(g, where, box);
            return box;
        }
        if (!g.contains("coordinates")) {
            m_report.add(where, fmt::format("{} without \"coordinates\"", type.get<std::string>()));
            return box;
        }
        const json& c = g["coordinates"];
        const std::string at = member(where, "coordinates");
        if (type == "Point") {
            position(c, at, box);
        } else if (type == "MultiPoint") {
            each(c, at, [&](const json& p, const std::string& w) { position(p, w, box); });
        } else if (type == "LineString") {
            line(c, at, box);
        } else if (type == "MultiLineString") {
            each(c, at, [&](const json& l, const std::string& w) { line(l, w, box); });
        } else if (type == "Polygon") {
            polygon(c, at, box);
        } else if (type == "MultiPolygon") {
            each(c, at, [&](const json& p, const std::string& w) { polygon(p, w, box); });
        } else {
            m_report.add(where, fmt::format("unknown geometry type {}", json_excerpt(type)));
        }
        bbox(g, where, box);
        return box;
    }

    void crs(const json& object, const std::string& where) {
        if (object.contains("crs"))
            m_report.add(where,
                         "\"crs\" member present: RFC 7946 §4 allows WGS 84 "
                         "lon/lat only, without \"crs\"");
    }

    void bbox(const json& object, const std::string& where, const LonLatBox& content) {
        if (!object.contains("bbox")) return;
        const json& b = object["bbox"];
        const std::string at = member(where, "bbox");
        bool numbers = b.is_array() && (b.size() == 4 || b.size() == 6);
        for (std::size_t i = 0; numbers && i < b.size(); ++i) numbers = b[i].is_number();
        if (!numbers) {
            m_report.add(at, fmt::format("{} is not an array of 4 (or 6) numbers", json_excerpt(b)));
            return;
        }
        const std::size_t dims = b.size() / 2;
        const double west = b[0], south = b[1], east = b[dims], north = b[dims + 1];
        if (south > north) m_report.add(at, fmt::format("south {} > north {}", south, north));
        if (!is_valid_lonlat({west, south}) || !is_valid_lonlat({east, north}))
            m_report.add(at, fmt::format("{} outside lon [-180, 180], lat [-90, 90]", json_excerpt(b)));
        if (content.empty()) return;
        const double tol = kBboxTolerance_deg;
        const bool lat_ok = content.south_deg >= south - tol && content.north_deg <= north + tol;
        // west > east is a box crossing the antimeridian (§5.2): longitudes not checked.
        const bool lon_ok = west > east || (content.west_deg >= west - tol && content.east_deg <= east + tol);
        if (!lat_ok || !lon_ok)
            m_report.add(at,
                         fmt::format("{} does not contain the coordinates (extent [{}, {}, {}, {}])", json_excerpt(b),
                                     content.west_deg, content.south_deg, content.east_deg, content.north_deg));
    }

private:
    template <class Fn>
    void each(const json& array, const std::string& where, Fn fn) {
        if (!array.is_array()) {
            m_report.add(where, "must be an array");
            return;
        }
        for (std::size_t i = 0; i < array.size(); ++i) fn(array[i], fmt::format("{}[{}]", where, i));
    }

    // Reports an invalid position; returns false when it is not usable.
    bool position(const json& p, const std::string& where, LonLatBox& box, LonLat* out = nullptr) {
        bool numbers = p.is_array() && p.size() >= 2 && p.size() <= 3;
        for (std::size_t i = 0; numbers && i < p.size(); ++i) numbers = p[i].is_number();
        if (!numbers) {
            m_report.add(where, fmt::format("position {} is not 2 or 3 numbers", json_excerpt(p)));
            return false;
        }
        const LonLat lonlat{p[0].get<double>(), p[1].get<double>()};
        if (!is_valid_lonlat(lonlat)) {
            m_report.add(where, fmt::format("position {} outside WGS 84 lon [-180, 180], "
                                            "lat [-90, 90]",
                                            position_text(lonlat)));
            return false;
        }
        box.extend(lonlat);
        if (out != nullptr) *out = lonlat;
        return true;
    }

    void line(const json& c, const std::string& where, LonLatBox& box) {
        each(c, where, [&](const json& p, const std::string& w) { position(p, w, box); });
        if (c.is_array() && c.size() < 2)
            m_report.add(where, fmt::format("a LineString has {} positions, at least 2 required", c.size()));
    }

    void polygon(const json& c, const std::string& where, LonLatBox& box) {
        if (!c.is_array()) {
            m_report.add(where, "must be an array of linear rings");
            return;
        }
        for (std::size_t r = 0; r < c.size(); ++r) ring(c[r], fmt::format("{}[{}]", where, r), r == 0, box);
    }

    void ring(const json& c, const std::string& where, bool outer, LonLatBox& box) {
        if (!c.is_array()) {
            m_report.add(where, "a linear ring must be an array of positions");
            return;
        }
        Ring points;
        points.reserve(c.size());
        bool usable = true;
        for (std::size_t i = 0; i < c.size(); ++i) {
            LonLat p;
            if (position(c[i], fmt::format("{}[{}]", where, i), box, &p))
                points.push_back(p);
            else
                usable = false;
        }
        const std::string_view kind = outer ? "outer ring" : "hole";
        if (c.size() < 4)
            m_report.add(where, fmt::format("{} has {} positions, at least 4 required (§3.1.6)", kind, c.size()));
        if (!usable || points.empty()) return;
        if (!(points.front() == points.back()))
            m_report.add(where, fmt::format("{} not closed: first {} differs from last {}", kind,
                                            position_text(points.front()), position_text(points.back())));
        const double area = signed_area(points);
        if (area == 0.0)
            m_report.add(where, fmt::format("{} has zero area", kind));
        else if (outer && area < 0.0)
            m_report.add(where,
                         "outer ring is clockwise; RFC 7946 §3.1.6 requires "
                         "counter-clockwise (right-hand rule)");
        else if (!outer && area > 0.0)
            m_report.add(where, "hole is counter-clockwise; RFC 7946 §3.1.6 requires clockwise");
    }

    Report& m_report;
};

// Streams the file through nlohmann's SAX interface, building a DOM for
// everything except the root's "features" array, whose elements are checked
// and dropped one by one. Coordinates' decimals are checked on the number
// text, which the DOM would lose.
class StreamingChecker : public nlohmann::json_sax<json> {
public:
    StreamingChecker(Report& report, Rules& rules) : m_report(report), m_rules(rules) {}

    bool null() override { return scalar(json()); }
    bool boolean(bool v) override { return scalar(json(v)); }
    bool number_integer(number_integer_t v) override { return scalar(json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return scalar(json(v)); }
    bool number_float(number_float_t v, const string_t& text) override {
        if (member_is_coordinates()) {
            if (const int decimals = significant_decimals(text); decimals > kMaxDecimals)
                m_report.add(path(),
                             fmt::format("{} has {} decimals (at most {}, about 1 cm)", text, decimals, kMaxDecimals));
        }
        return scalar(json(v));
    }
    bool string(string_t& v) override { return scalar(json(std::move(v))); }
    bool binary(binary_t& v) override { return scalar(json::binary(v)); }
    bool start_object(std::size_t) override { return open(json::object()); }
    bool key(string_t& k) override {
        m_stack.back().key = k;
        return true;
    }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(json::array()); }
    bool end_array() override { return close(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
        m_parse_error = e.what();
        return false;
    }

    [[nodiscard]] const std::string& parse_error_message() const { return m_parse_error; }
    [[nodiscard]] json& root() { return m_root; }
    [[nodiscard]] const LonLatBox& features_extent() const { return m_features_extent; }

private:
    struct Frame {
        json* value = nullptr;
        std::string key;           // current member, for objects
        std::size_t index = 0;     // current element, for arrays
        bool coordinates = false;  // inside "coordinates" or "bbox"
    };

    [[nodiscard]] bool member_is_coordinates() const {
        if (m_stack.empty()) return false;
        const Frame& top = m_stack.back();
        return top.coordinates || (top.value->is_object() && (top.key == "coordinates" || top.key == "bbox"));
    }

    [[nodiscard]] bool in_root_features() const {
        return m_stack.size() == 2 && m_stack[0].value->is_object() && m_stack[0].key == "features" &&
               m_stack[1].value->is_array();
    }

    std::string path() const {
        std::string out;
        for (const Frame& f : m_stack) {
            if (f.value->is_array())
                out += fmt::format("[{}]", f.index);
            else
                out += (out.empty() ? "" : ".") + f.key;
        }
        return out;
    }

    json* insert(json&& v) {
        if (m_stack.empty()) {
            m_root = std::move(v);
            return &m_root;
        }
        Frame& top = m_stack.back();
        if (top.value->is_array()) {
            top.value->push_back(std::move(v));
            return &top.value->back();
        }
        json& slot = (*top.value)[top.key];
        slot = std::move(v);
        return &slot;
    }

    // A value of the top container is complete.
    void value_done() {
        if (m_stack.empty()) return;
        Frame& top = m_stack.back();
        if (!top.value->is_array()) return;
        if (in_root_features()) {
            auto& features = top.value->get_ref<json::array_t&>();
            m_features_extent.extend(m_rules.feature(features.back(), fmt::format("features[{}]", top.index)));
            features.pop_back();  // keeps memory bounded
        }
        ++top.index;
    }

    bool scalar(json&& v) {
        insert(std::move(v));
        value_done();
        return true;
    }
    bool open(json&& v) {
        if (m_stack.size() >= static_cast<std::size_t>(kMaxJsonDepth)) {
            m_parse_error = fmt::format("nesting deeper than {} levels at {}", kMaxJsonDepth, text_excerpt(path()));
            return false;
        }
        const bool coordinates = member_is_coordinates();
        json* slot = insert(std::move(v));
        m_stack.push_back(Frame{slot, {}, 0, coordinates});
        return true;
    }
    bool close() {
        m_stack.pop_back();
        value_done();
        return true;
    }

    Report& m_report;
    Rules& m_rules;
    json m_root;
    std::vector<Frame> m_stack;
    LonLatBox m_features_extent;
    std::string m_parse_error;
};

void check_root(const json& root, Rules& rules, Report& report, const LonLatBox& features_extent,
                const Rfc7946CheckOptions& options) {
    if (!root.is_object()) {
        report.add("", "the top level must be a GeoJSON object");
        return;
    }
    const json type = root.value("type", json());
    if (type == "FeatureCollection") {
        rules.crs(root, "");
        if (!root.contains("features") || !root["features"].is_array())
            report.add("", "a FeatureCollection needs a \"features\" array");
        rules.bbox(root, "", features_extent);
        if (options.require_bbox && !root.contains("bbox"))
            report.add("", "no \"bbox\" member on the FeatureCollection");
    } else if (type == "Feature") {
        rules.feature(root, "");
    } else if (type.is_string()) {
        rules.geometry(root, "");
    } else {
        report.add("", "missing \"type\" member");
    }
}

}  // namespace

std::vector<std::string> check_rfc7946(const std::string& geojson_path, const Rfc7946CheckOptions& options) {
    Report report(geojson_path, options.max_messages);
    std::error_code ec;
    if (std::filesystem::exists(geojson_path, ec) && !std::filesystem::is_regular_file(geojson_path, ec)) {
        report.add("", "not a regular file (a pipe, a device or a folder)");  // a pipe would block the read
        return std::move(report).finish();
    }
    std::ifstream in(geojson_path, std::ios::binary);
    if (!in) {
        report.add("", "cannot open the file");
        return std::move(report).finish();
    }
    Rules rules(report);
    StreamingChecker checker(report, rules);
    const bool parsed = json::sax_parse(in, &checker);
    if (!parsed) {
        report.add("", checker.parse_error_message().starts_with("nesting")
                           ? checker.parse_error_message()
                           : fmt::format("not valid JSON (or not UTF-8): {}", checker.parse_error_message()));
        return std::move(report).finish();
    }
    check_root(checker.root(), rules, report, checker.features_extent(), options);
    return std::move(report).finish();
}

}  // namespace geo
