#include "geo/analysis/label_placement.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace geo {
namespace {

constexpr double kPi = 3.14159265358979323846;

double mercator_y(double lat_deg) {
    const double lat = std::clamp(lat_deg, -85.05112878, 85.05112878) * kPi / 180.0;
    return std::log(std::tan(kPi / 4.0 + lat / 2.0));
}

LabelBox text_box(const LabelRequest& r, LabelPosition p, const LabelViewPx& view) {
    const double w = r.width_px, h = r.height_px, off = view.gap_px + view.dot_px / 2.0;
    switch (p) {
        case LabelPosition::right:
            return {r.x_px + off, r.y_px - h / 2, r.x_px + off + w, r.y_px + h / 2};
        case LabelPosition::left:
            return {r.x_px - off - w, r.y_px - h / 2, r.x_px - off, r.y_px + h / 2};
        case LabelPosition::above:
            return {r.x_px - w / 2, r.y_px - off - h, r.x_px + w / 2, r.y_px - off};
        case LabelPosition::below:
            return {r.x_px - w / 2, r.y_px + off, r.x_px + w / 2, r.y_px + off + h};
        case LabelPosition::centred:
            break;
    }
    return {r.x_px - w / 2, r.y_px - h / 2, r.x_px + w / 2, r.y_px + h / 2};
}

LabelBox padded(const LabelBox& b, double pad) {
    return {b.x0_px - pad, b.y0_px - pad, b.x1_px + pad, b.y1_px + pad};
}

}  // namespace

std::vector<PlacedLabel> place_labels(const std::vector<LabelRequest>& requests, const LabelViewPx& view,
                                      const std::vector<LabelBox>& obstacles) {
    std::vector<std::size_t> order(requests.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (requests[a].priority != requests[b].priority) return requests[a].priority < requests[b].priority;
        return requests[a].weight > requests[b].weight;
    });
    std::vector<LabelBox> taken = obstacles;
    std::vector<PlacedLabel> placed;
    const auto free = [&](const LabelBox& b) {
        return std::none_of(taken.begin(), taken.end(), [&](const LabelBox& t) { return t.overlaps(b); });
    };
    const auto inside = [&](const LabelBox& b) {
        return b.x0_px >= 0 && b.y0_px >= 0 && b.x1_px <= view.width_px && b.y1_px <= view.height_px;
    };
    static constexpr LabelPosition kPointPositions[] = {LabelPosition::right, LabelPosition::left, LabelPosition::above,
                                                        LabelPosition::below};
    for (const std::size_t i : order) {
        const LabelRequest& r = requests[i];
        if (!(r.width_px > 0) || !(r.height_px > 0) || !std::isfinite(r.x_px) || !std::isfinite(r.y_px)) continue;
        const LabelBox dot{r.x_px - view.dot_px / 2, r.y_px - view.dot_px / 2, r.x_px + view.dot_px / 2,
                           r.y_px + view.dot_px / 2};
        if (!r.centred && (!inside(dot) || !free(dot))) continue;  // its dot hidden: no label
        const auto try_at = [&](LabelPosition p) {
            const LabelBox box = text_box(r, p, view);
            const LabelBox pad = padded(box, view.padding_px);
            if (!inside(box) || !free(pad)) return false;
            taken.push_back(pad);
            if (!r.centred) taken.push_back(dot);
            placed.push_back({i, p, box});
            return true;
        };
        if (r.centred) {
            try_at(LabelPosition::centred);
            continue;
        }
        for (const LabelPosition p : kPointPositions)
            if (try_at(p)) break;
    }
    return placed;
}

double LonLatView::x_px(LonLat p) const {
    const double span = box.east_deg - box.west_deg;
    return span > 0 ? (p.lon_deg - box.west_deg) / span * width_px : width_px / 2;
}

double LonLatView::y_px(LonLat p) const {
    const double top = mercator_y(box.north_deg), bottom = mercator_y(box.south_deg);
    return top > bottom ? (top - mercator_y(p.lat_deg)) / (top - bottom) * height_px : height_px / 2;
}

}  // namespace geo
