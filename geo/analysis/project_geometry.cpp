#include "geo/analysis/project_geometry.hpp"

#include <cstddef>
#include <type_traits>

namespace geo {
namespace {

// Flattens the rings, converts them in one call, and rebuilds the structure.
template <class Out, class In, class Convert>
Result<Out> convert_rings(const In& in, Convert convert, bool close_rings) {
    using InPoint = typename std::decay_t<decltype(in.polygons[0].rings[0])>::value_type;
    std::vector<InPoint> all;
    for (const auto& poly : in.polygons)
        for (const auto& ring : poly.rings) all.insert(all.end(), ring.begin(), ring.end());
    auto converted = convert(all);
    if (!converted) return tl::unexpected(converted.error());
    Out out;
    std::size_t k = 0;
    for (const auto& poly : in.polygons) {
        auto& p = out.polygons.emplace_back();
        for (const auto& ring : poly.rings) {
            auto& r = p.rings.emplace_back(converted->begin() + static_cast<std::ptrdiff_t>(k),
                                           converted->begin() + static_cast<std::ptrdiff_t>(k + ring.size()));
            k += ring.size();
            if (close_rings && !r.empty() && r.front() != r.back()) r.push_back(r.front());
        }
    }
    return out;
}

}  // namespace

Result<ProjectedMultiPolygon> project_multipolygon(const Projector& projector, const MultiPolygon& wgs84) {
    return convert_rings<ProjectedMultiPolygon>(
        wgs84, [&](const std::vector<LonLat>& pts) { return projector.forward(pts); }, false);
}

Result<MultiPolygon> unproject_multipolygon(const Projector& projector, const ProjectedMultiPolygon& metric) {
    return convert_rings<MultiPolygon>(
        metric, [&](const std::vector<Projected>& pts) { return projector.inverse(pts); }, true);
}

}  // namespace geo
