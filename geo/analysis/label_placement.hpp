#pragma once
// Collision-free label placement for a map view, greedy by priority (the
// classic point-feature approach: Imhof's preferred positions, tried in
// order; Christensen, Marks & Shieber 1995 call it greedy placement).
//
//   screen pixels: origin top-left of the view, x right, y down
//
//        NW  .  NE          a point label is tried at 4 positions around its
//          [name]             anchor (the place's dot), in this order:
//   [name] o [name]           right, left, above, below (each `gap_px` from
//          [name]             the dot); a centred label (a territory's name
//                              over its area) at its anchor only.
//
// Labels are taken from the lowest `priority` (then the highest `weight`,
// then input order); each is placed at the first position whose box lies
// inside the view and overlaps neither a box already placed nor an
// obstacle, else dropped. A placed point label also reserves its dot, so
// that no later label covers it. Zooming in spreads the anchors apart, so
// more labels find room: "more names as you zoom" follows from geometry.
// Text extents come from the caller (the GUI's font, or fixed widths in
// tests). Pure; thread-safe.
// Failures: none; a label that fits nowhere is left out of the result.
#include <cstddef>
#include <vector>

#include "geo/core/coords.hpp"

namespace geo {

struct LabelBox {
    double x0_px = 0, y0_px = 0, x1_px = 0, y1_px = 0;  // x0 ≤ x1, y0 ≤ y1
    [[nodiscard]] bool overlaps(const LabelBox& o) const {
        return x0_px < o.x1_px && o.x0_px < x1_px && y0_px < o.y1_px && o.y0_px < y1_px;
    }
};

enum class LabelPosition { right, left, above, below, centred };

struct LabelRequest {
    double x_px = 0, y_px = 0;           // anchor, view pixels
    double width_px = 0, height_px = 0;  // text extent
    int priority = 0;                    // lower first
    double weight = 0;                   // higher first among equal priorities (e.g. population)
    bool centred = false;                // a centred label (areas) instead of 4 positions (points)
};

struct LabelViewPx {
    double width_px = 0, height_px = 0;
    double gap_px = 4.0;      // between a dot and its label
    double dot_px = 6.0;      // the dot's reserved square
    double padding_px = 2.0;  // around every box, so that labels never touch
};

struct PlacedLabel {
    std::size_t request = 0;  // index into the requests
    LabelPosition position = LabelPosition::right;
    LabelBox box;  // the text box (without padding), view pixels
};

// Placed labels in placement order. `obstacles`: boxes nothing may cover
// (e.g. a legend), view pixels.
std::vector<PlacedLabel> place_labels(const std::vector<LabelRequest>& requests, const LabelViewPx& view,
                                      const std::vector<LabelBox>& obstacles = {});

// A lon/lat view: what a map of `width_px` × `height_px` pixels shows of
// `box` (in Web Mercator, the display projection, the box's aspect matching
// the pixels' is the caller's business). Maps positions to view pixels.
struct LonLatView {
    LonLatBox box;
    double width_px = 0, height_px = 0;
    [[nodiscard]] double x_px(LonLat p) const;
    [[nodiscard]] double y_px(LonLat p) const;
};

}  // namespace geo
