#include "app/cli/perimeter_geojson.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>

namespace app::cli {
namespace {

double seven(double v) {
    return std::round(v * 1e7) / 1e7;
}

// Closed ring, rounded, oriented counter-clockwise (outer) or clockwise (hole).
nlohmann::json ring_json(const geo::Ring& ring, bool outer, geo::LonLatBox& box) {
    geo::Ring r;
    for (const geo::LonLat& p : ring) {
        const geo::LonLat q{seven(p.lon_deg), seven(p.lat_deg)};
        if (r.empty() || r.back() != q) r.push_back(q);
    }
    if (r.size() > 1 && r.front() == r.back()) r.pop_back();
    if (r.size() < 3) return nullptr;
    const double area = geo::signed_area(r);
    if (area == 0.0) return nullptr;
    if ((area > 0.0) != outer) std::reverse(r.begin(), r.end());
    r.push_back(r.front());
    nlohmann::json out = nlohmann::json::array();
    for (const geo::LonLat& p : r) {
        box.extend(p);
        out.push_back({p.lon_deg, p.lat_deg});
    }
    return out;
}

nlohmann::json geometry_json(const geo::MultiPolygon& mp, geo::LonLatBox& box) {
    nlohmann::json polys = nlohmann::json::array();
    for (const geo::Polygon& poly : mp.polygons) {
        nlohmann::json rings = nlohmann::json::array();
        for (std::size_t i = 0; i < poly.rings.size(); ++i) {
            auto r = ring_json(poly.rings[i], i == 0, box);
            if (r.is_null()) {
                if (i == 0) break;
                continue;
            }
            rings.push_back(std::move(r));
        }
        if (!rings.empty()) polys.push_back(std::move(rings));
    }
    if (polys.empty()) return nullptr;
    return {{"type", "MultiPolygon"}, {"coordinates", polys}};
}

}  // namespace

geo::Result<void> write_perimeter_geojson(const std::string& path,
                                          const std::vector<PerimeterFeature>& features,
                                          const std::string& layer_name,
                                          const nlohmann::json& metadata) {
    geo::LonLatBox box;
    nlohmann::json feats = nlohmann::json::array();
    for (const PerimeterFeature& f : features)
        feats.push_back({{"type", "Feature"},
                         {"geometry", geometry_json(f.geometry, box)},
                         {"properties", f.properties}});
    nlohmann::json doc = {{"type", "FeatureCollection"}, {"name", layer_name}};
    if (!box.empty()) doc["bbox"] = {box.west_deg, box.south_deg, box.east_deg, box.north_deg};
    if (!metadata.is_null()) doc["territoire"] = metadata;
    doc["features"] = std::move(feats);

    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return geo::fail(path + ": cannot write (" + tmp + " cannot be created)");
        out << doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        if (!out.flush()) return geo::fail(path + ": write failed");
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::filesystem::remove(tmp, ec);
        return geo::fail(path + ": cannot move the written file into place");
    }
    return {};
}

}  // namespace app::cli
