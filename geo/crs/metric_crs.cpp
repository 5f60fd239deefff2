#include "geo/crs/metric_crs.hpp"

#include "geo/core/text_fold.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numbers>
#include <optional>

#include <fmt/format.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

namespace geo {
namespace {

constexpr const char* kLambert93 =
    "+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80";

// For the codes where it is known (Lambert-93 and WGS 84 / UTM): the map
// projection of the pipeline that proj_create_crs_to_crs("EPSG:4326", code) +
// proj_normalize_for_visualization yields, which is "+proj=unitconvert
// +xy_in=deg +xy_out=rad" followed by this projection. The Projector does the
// degree/radian step itself, which saves a third of PROJ's time per point.
std::optional<std::string> known_projection(std::string_view code) {
    if (code.size() < 5) return std::nullopt;
    const std::string upper = ascii_upper(code);
    if (upper.rfind("EPSG:", 0) != 0) return std::nullopt;
    int number = 0;
    const char* first = upper.data() + 5;
    const char* last = upper.data() + upper.size();
    auto [end, ec] = std::from_chars(first, last, number);
    if (ec != std::errc() || end != last) return std::nullopt;
    if (number == 2154) return std::string(kLambert93);
    const bool north = number >= 32601 && number <= 32660;
    const bool south = number >= 32701 && number <= 32760;
    if (!north && !south) return std::nullopt;
    return fmt::format("+proj=utm +zone={}{} +ellps=WGS84", number % 100, south ? " +south" : "");
}

constexpr double kRadPerDeg = std::numbers::pi / 180.0;
constexpr double kDegPerRad = 180.0 / std::numbers::pi;

void proj_log_handler(void* user, int /*level*/, const char* message) {
    if (user != nullptr && message != nullptr) *static_cast<std::string*>(user) = message;
}

std::string context_error(PJ_CONTEXT* ctx, const std::string& logged) {
    if (!logged.empty()) return logged;
    const int code = proj_context_errno(ctx);
    const char* text = code != 0 ? proj_context_errno_string(ctx, code) : nullptr;
    return text != nullptr ? std::string(text) : std::string("unknown PROJ error");
}

}  // namespace

int utm_zone(double lon_deg) {
    const int zone = static_cast<int>(std::floor((lon_deg + 180.0) / 6.0)) + 1;
    return std::clamp(zone, 1, 60);
}

Result<MetricCrs> choose_metric_crs(const LonLatBox& box) {
    if (box.empty()) return fail_fmt("choosing a metric CRS: the bounding box is empty");
    if (!is_valid_lonlat({box.west_deg, box.south_deg}) || !is_valid_lonlat({box.east_deg, box.north_deg}))
        return fail_fmt("choosing a metric CRS: bounding box [{}, {}, {}, {}] outside [-180, -90, 180, 90]",
                        box.west_deg, box.south_deg, box.east_deg, box.north_deg);
    const LonLatBox& env = kLambert93Envelope;
    if (box.west_deg >= env.west_deg && box.east_deg <= env.east_deg && box.south_deg >= env.south_deg &&
        box.north_deg <= env.north_deg)
        return MetricCrs{"EPSG:2154", "RGF93 v1 / Lambert-93"};
    const LonLat centre = box.center();
    const int zone = utm_zone(centre.lon_deg);
    const bool north = centre.lat_deg >= 0.0;
    return MetricCrs{fmt::format("EPSG:{}", (north ? 32600 : 32700) + zone),
                     fmt::format("WGS 84 / UTM zone {}{}", zone, north ? 'N' : 'S')};
}

Result<Projector> Projector::create(std::string_view crs) {
    Projector p;
    p.m_crs = std::string(crs);
    p.m_log = std::make_unique<std::string>();
    p.m_ctx.reset(proj_context_create());
    if (!p.m_ctx) return fail_fmt("PROJ: cannot create a context");
    proj_log_func(p.m_ctx.get(), p.m_log.get(), proj_log_handler);

    if (auto projection = known_projection(crs)) {
        p.m_radians = true;
        p.m_pj.reset(proj_create(p.m_ctx.get(), projection->c_str()));
        if (!p.m_pj)
            return fail_fmt("CRS \"{}\": PROJ rejected \"{}\": {}", crs, *projection,
                            context_error(p.m_ctx.get(), *p.m_log));
        return p;
    }

    detail::ProjPtr target(proj_create(p.m_ctx.get(), p.m_crs.c_str()));
    if (!target) return fail_fmt("CRS \"{}\": unknown to PROJ ({})", crs, context_error(p.m_ctx.get(), *p.m_log));
    if (proj_get_type(target.get()) != PJ_TYPE_PROJECTED_CRS)
        return fail_fmt("CRS \"{}\": expected a projected CRS in metres, got {}", crs,
                        proj_get_name(target.get()) ? proj_get_name(target.get()) : "?");
    detail::ProjPtr op(proj_create_crs_to_crs(p.m_ctx.get(), "EPSG:4326", p.m_crs.c_str(), nullptr));
    if (!op)
        return fail_fmt("CRS \"{}\": no transformation from WGS 84 ({})", crs, context_error(p.m_ctx.get(), *p.m_log));
    p.m_pj.reset(proj_normalize_for_visualization(p.m_ctx.get(), op.get()));
    if (!p.m_pj)
        return fail_fmt("CRS \"{}\": cannot normalise axis order ({})", crs, context_error(p.m_ctx.get(), *p.m_log));
    return p;
}

Result<Projector> Projector::clone() const {
    if (m_radians) return create(m_crs);
    Projector p;
    p.m_crs = m_crs;
    p.m_log = std::make_unique<std::string>();
    p.m_ctx.reset(proj_context_create());
    if (!p.m_ctx) return fail_fmt("PROJ: cannot create a context");
    proj_log_func(p.m_ctx.get(), p.m_log.get(), proj_log_handler);
    p.m_pj.reset(proj_clone(p.m_ctx.get(), m_pj.get()));
    if (!p.m_pj)
        return fail_fmt("CRS \"{}\": cannot clone the projection ({})", m_crs, context_error(p.m_ctx.get(), *p.m_log));
    return p;
}

Result<void> Projector::transform(double* xy, std::size_t n, Direction dir, std::size_t first_index) const {
    if (n == 0) return {};
    const PJ_DIRECTION d = dir == Direction::forward ? PJ_FWD : PJ_INV;
    proj_errno_reset(m_pj.get());
    m_log->clear();  // only this call's messages in an error
    if (m_radians && dir == Direction::forward)
        for (std::size_t i = 0; i < 2 * n; ++i) xy[i] *= kRadPerDeg;
    proj_trans_generic(m_pj.get(), d, xy, 2 * sizeof(double), n, xy + 1, 2 * sizeof(double), n, nullptr, 0, 0, nullptr,
                       0, 0);
    if (m_radians && dir == Direction::inverse)
        for (std::size_t i = 0; i < 2 * n; ++i) xy[i] *= kDegPerRad;
    for (std::size_t i = 0; i < n; ++i) {
        if (std::isfinite(xy[2 * i]) && std::isfinite(xy[2 * i + 1])) continue;
        return fail_fmt("{} projection to {}: point {} cannot be transformed ({})",
                        dir == Direction::forward ? "forward" : "inverse", m_crs, first_index + i,
                        m_log->empty() ? "outside the projection's domain" : *m_log);
    }
    return {};
}

Result<Projected> Projector::forward(LonLat p) const {
    double xy[2] = {p.lon_deg, p.lat_deg};
    if (auto r = transform(xy, 1, Direction::forward); !r)
        return tl::unexpected(r.error().with_context_fmt("lon {} lat {}", p.lon_deg, p.lat_deg));
    return Projected{xy[0], xy[1]};
}

Result<LonLat> Projector::inverse(Projected p) const {
    double xy[2] = {p.x_m, p.y_m};
    if (auto r = transform(xy, 1, Direction::inverse); !r)
        return tl::unexpected(r.error().with_context_fmt("x {} m y {} m", p.x_m, p.y_m));
    return LonLat{xy[0], xy[1]};
}

Result<void> Projector::forward_into(std::span<const LonLat> points, Projected* out, std::size_t first_index) const {
    std::vector<double> xy(2 * points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        xy[2 * i] = points[i].lon_deg;
        xy[2 * i + 1] = points[i].lat_deg;
    }
    if (auto r = transform(xy.data(), points.size(), Direction::forward, first_index); !r) return r;
    for (std::size_t i = 0; i < points.size(); ++i) out[i] = {xy[2 * i], xy[2 * i + 1]};
    return {};
}

Result<std::vector<Projected>> Projector::forward(std::span<const LonLat> points) const {
    std::vector<Projected> out(points.size());
    if (auto r = forward_into(points, out.data(), 0); !r) return tl::unexpected(r.error());
    return out;
}

Result<std::vector<LonLat>> Projector::inverse(std::span<const Projected> points) const {
    std::vector<double> xy(2 * points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        xy[2 * i] = points[i].x_m;
        xy[2 * i + 1] = points[i].y_m;
    }
    if (auto r = transform(xy.data(), points.size(), Direction::inverse); !r) return tl::unexpected(r.error());
    std::vector<LonLat> out(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) out[i] = {xy[2 * i], xy[2 * i + 1]};
    return out;
}

Result<std::vector<Projected>> project_all(const Projector& projector, std::span<const LonLat> points) {
    constexpr std::size_t kMinBlock = 16384;
    const auto workers = static_cast<std::size_t>(tbb::this_task_arena::max_concurrency());
    const std::size_t blocks = std::clamp<std::size_t>(points.size() / kMinBlock, 1, workers);
    if (blocks <= 1) return projector.forward(points);

    std::vector<Projector> clones;
    clones.reserve(blocks);
    for (std::size_t b = 0; b < blocks; ++b) {
        auto c = projector.clone();
        if (!c) return tl::unexpected(c.error());
        clones.push_back(std::move(*c));
    }
    std::vector<Projected> out(points.size());
    std::vector<std::optional<Error>> errors(blocks);
    const std::size_t per_block = (points.size() + blocks - 1) / blocks;
    tbb::parallel_for(std::size_t{0}, blocks, [&](std::size_t b) {
        const std::size_t first = b * per_block;
        const std::size_t last = std::min(points.size(), first + per_block);
        auto r = clones[b].forward_into(points.subspan(first, last - first), out.data() + first, first);
        if (!r) errors[b] = r.error();
    });
    for (const auto& e : errors)
        if (e) return tl::unexpected(*e);
    return out;
}

}  // namespace geo
