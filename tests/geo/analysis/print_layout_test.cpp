// Print layout: ISO page sizes and their pixels, refused resolutions, scale
// bars of round lengths that measure true on the ground (checked in
// Lambert-93 through PROJ), the clipped area behind the legend placement,
// the legend put in the corner that covers least of a perimeter, and a full
// layout whose boxes stay on the page.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "geo/analysis/print_layout.hpp"
#include "geo/crs/metric_crs.hpp"

namespace {

using geo::BoxMm;
using geo::Corner;
using geo::PagePoint;

const geo::LonLatBox kLoire{-0.30, 46.90, 1.90, 47.90};  // Saumur to Blois

double ground_distance_m(const geo::Projector& l93, geo::LonLat a, geo::LonLat b) {
    const auto pa = l93.forward(a), pb = l93.forward(b);
    EXPECT_TRUE(pa && pb);
    return std::hypot(pa->x_m - pb->x_m, pa->y_m - pb->y_m);
}

// A polygon covering page box `b` of `view`, in lon/lat.
geo::Ring ring_of(const geo::PrintMapView& view, const BoxMm& b) {
    return {view.to_lonlat({b.x_mm, b.y_mm}), view.to_lonlat({b.right_mm(), b.y_mm}),
            view.to_lonlat({b.right_mm(), b.bottom_mm()}), view.to_lonlat({b.x_mm, b.bottom_mm()}),
            view.to_lonlat({b.x_mm, b.y_mm})};
}

TEST(PrintPage, IsoSizesInBothOrientationsAndTheirPixels) {
    auto a4p = geo::print_page({geo::PaperSize::a4, geo::PageOrientation::portrait, 0, 0, 300.0});
    ASSERT_TRUE(a4p) << a4p.error().message;
    EXPECT_DOUBLE_EQ(a4p->width_mm, 210.0);
    EXPECT_DOUBLE_EQ(a4p->height_mm, 297.0);
    EXPECT_EQ(a4p->width_px, 2480);
    EXPECT_EQ(a4p->height_px, 3508);
    auto a4l = geo::print_page({geo::PaperSize::a4, geo::PageOrientation::landscape, 0, 0, 300.0});
    ASSERT_TRUE(a4l);
    EXPECT_EQ(a4l->width_px, 3508);
    EXPECT_EQ(a4l->height_px, 2480);
    auto a3l = geo::print_page({geo::PaperSize::a3, geo::PageOrientation::landscape, 0, 0, 150.0});
    ASSERT_TRUE(a3l);
    EXPECT_DOUBLE_EQ(a3l->width_mm, 420.0);
    EXPECT_DOUBLE_EQ(a3l->height_mm, 297.0);
    EXPECT_EQ(a3l->width_px, 2480);
    EXPECT_EQ(a3l->height_px, 1754);
    // A pixel size keeps its pixels; its millimetres follow from the dpi.
    auto px = geo::print_page({std::nullopt, geo::PageOrientation::landscape, 1600, 900, 96.0});
    ASSERT_TRUE(px);
    EXPECT_EQ(px->width_px, 1600);
    EXPECT_NEAR(px->width_mm, 1600 * 25.4 / 96.0, 1e-9);
}

TEST(PrintPage, RefusesUnknownPapersAndResolutionsSayingWhy) {
    EXPECT_TRUE(geo::parse_paper_size("a3"));
    auto a5 = geo::parse_paper_size("A5");
    ASSERT_FALSE(a5);
    EXPECT_NE(a5.error().message.find("\"A5\""), std::string::npos) << a5.error().message;
    EXPECT_NE(a5.error().message.find("A4 or A3"), std::string::npos);
    EXPECT_FALSE(geo::parse_orientation("sideways"));
    EXPECT_TRUE(geo::parse_orientation("Portrait"));
    for (const double dpi : {0.0, -72.0, 100000.0, std::nan("")}) {
        auto page = geo::print_page({geo::PaperSize::a4, geo::PageOrientation::portrait, 0, 0, dpi});
        ASSERT_FALSE(page) << dpi;
        EXPECT_NE(page.error().message.find("[36, 1200]"), std::string::npos) << page.error().message;
    }
    auto huge = geo::print_page({geo::PaperSize::a3, geo::PageOrientation::portrait, 0, 0, 1200.0});
    ASSERT_FALSE(huge);
    EXPECT_NE(huge.error().message.find("megapixels"), std::string::npos) << huge.error().message;
    // A PDF page is vector: its dpi only sets the pixels of a pixel-sized page.
    auto pdf = geo::print_page({geo::PaperSize::a3, geo::PageOrientation::portrait, 0, 0, 1200.0, false});
    ASSERT_TRUE(pdf) << pdf.error().message;
    EXPECT_EQ(pdf->height_px, 19843);
    EXPECT_FALSE(geo::print_page({std::nullopt, geo::PageOrientation::portrait, 10, 900, 96.0}));
}

TEST(PrintScaleBar, RoundLengths) {
    EXPECT_DOUBLE_EQ(geo::round_scale_length_m(7300.0), 5000.0);
    EXPECT_DOUBLE_EQ(geo::round_scale_length_m(4999.0), 2000.0);
    EXPECT_DOUBLE_EQ(geo::round_scale_length_m(2000.0), 2000.0);
    EXPECT_DOUBLE_EQ(geo::round_scale_length_m(1999.0), 1000.0);
    EXPECT_DOUBLE_EQ(geo::round_scale_length_m(0.7), 0.5);
    EXPECT_DOUBLE_EQ(geo::round_scale_length_m(0.0), 0.0);
    EXPECT_DOUBLE_EQ(geo::round_scale_length_m(std::nan("")), 0.0);
    EXPECT_EQ(geo::format_scale_length(20000.0), "20 km");
    EXPECT_EQ(geo::format_scale_length(500.0), "500 m");
    // Any view: a 1-2-5 length, at most the width allowed and more than 40 % of it.
    std::mt19937 rng(12);
    std::uniform_real_distribution<double> lat(-60.0, 70.0), span(0.01, 20.0), width(20.0, 80.0);
    for (int i = 0; i < 500; ++i) {
        const double s = span(rng), la = lat(rng);
        const auto view = geo::fit_print_view({10, 20, 277, 160}, {0.0, la, s, la + s / 2.0}, 4.0);
        const double max_mm = width(rng);
        const geo::PrintScaleBar bar = geo::print_scale_bar(view, max_mm);
        ASSERT_GT(bar.length_m, 0.0);
        const double mantissa = bar.length_m / std::pow(10.0, std::floor(std::log10(bar.length_m) + 1e-9));
        EXPECT_TRUE(std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 || std::abs(mantissa - 5) < 1e-9)
            << bar.length_m;
        EXPECT_LE(bar.width_mm, max_mm + 1e-9);
        EXPECT_GT(bar.width_mm, 0.4 * max_mm);
        EXPECT_GE(bar.segments, 1);
    }
}

TEST(PrintScaleBar, MeasuresTrueOnTheGroundAtTheMapsLatitude) {
    auto l93 = geo::Projector::create("EPSG:2154");
    ASSERT_TRUE(l93) << l93.error().message;
    const BoxMm frame{10, 24, 277, 150};  // A4 landscape
    const auto view = geo::fit_print_view(frame, kLoire, 4.0);
    const geo::PrintScaleBar bar = geo::print_scale_bar(view, 50.0);
    EXPECT_EQ(bar.label, "20 km");  // ~1:580,000 over the Loire Valley
    // The bar laid east-west and north-south at the frame centre spans its
    // length on the ground (Lambert-93's scale error there is below 0.1 %).
    const PagePoint c{frame.x_mm + frame.width_mm / 2, frame.y_mm + frame.height_mm / 2};
    const double east = ground_distance_m(*l93, view.to_lonlat(c), view.to_lonlat({c.x_mm + bar.width_mm, c.y_mm}));
    const double north = ground_distance_m(*l93, view.to_lonlat(c), view.to_lonlat({c.x_mm, c.y_mm - bar.width_mm}));
    EXPECT_NEAR(east, bar.length_m, 0.005 * bar.length_m);
    EXPECT_NEAR(north, bar.length_m, 0.005 * bar.length_m);
    // Without the latitude's cos (Mercator metres), the bar would be 47 % long.
    EXPECT_LT(view.ground_m_per_mm(), 0.7 * view.mercator_m_per_mm);
    EXPECT_NEAR(view.scale_denominator(), view.ground_m_per_mm() * 1000.0, 1e-6);
    // The extent fits in the frame, less its margin.
    const PagePoint sw = view.to_page({kLoire.west_deg, kLoire.south_deg});
    const PagePoint ne = view.to_page({kLoire.east_deg, kLoire.north_deg});
    EXPECT_GE(sw.x_mm, frame.x_mm + 4.0 - 1e-6);
    EXPECT_LE(ne.x_mm, frame.right_mm() - 4.0 + 1e-6);
    EXPECT_LE(sw.y_mm, frame.bottom_mm() - 4.0 + 1e-6);
    EXPECT_GE(ne.y_mm, frame.y_mm + 4.0 - 1e-6);
}

TEST(PrintLegend, CoveredAreaClipsConcaveRingsAndSubtractsHoles) {
    // An L: the square [0,20]² less its top-right quarter [10,20]×[0,10].
    const std::vector<PagePoint> l = {{0, 0}, {10, 0}, {10, 10}, {20, 10}, {20, 20}, {0, 20}};
    EXPECT_NEAR(geo::covered_area_mm2({l}, {}, {0, 0, 20, 20}), 300.0, 1e-9);
    EXPECT_NEAR(geo::covered_area_mm2({l}, {}, {10, 0, 10, 10}), 0.0, 1e-9);
    EXPECT_NEAR(geo::covered_area_mm2({l}, {}, {5, 5, 10, 10}), 75.0, 1e-9);
    const std::vector<PagePoint> hole = {{2, 12}, {6, 12}, {6, 16}, {2, 16}};
    EXPECT_NEAR(geo::covered_area_mm2({l}, {hole}, {0, 10, 10, 10}), 100.0 - 16.0, 1e-9);
    EXPECT_NEAR(geo::covered_area_mm2({l}, {}, {100, 100, 5, 5}), 0.0, 1e-12);
}

TEST(PrintLegend, GoesToTheCornerThatCoversLeastOfThePerimeter) {
    const BoxMm frame{10, 24, 277, 150};
    const auto view = geo::fit_print_view(frame, kLoire, 4.0);
    const double w = 60, h = 45, inset = 3;
    // The perimeter covers the frame but for its lower-left 80 × 60 mm.
    const double x0 = frame.x_mm, y0 = frame.y_mm, x1 = frame.right_mm(), y1 = frame.bottom_mm();
    geo::Ring ring;
    for (const PagePoint p : {PagePoint{x0, y0}, PagePoint{x1, y0}, PagePoint{x1, y1}, PagePoint{x0 + 80, y1},
                              PagePoint{x0 + 80, y1 - 60}, PagePoint{x0, y1 - 60}, PagePoint{x0, y0}})
        ring.push_back(view.to_lonlat(p));
    geo::MultiPolygon perimeter{{geo::Polygon{{ring}}}};
    auto choice = geo::least_covered_corner(view, w, h, inset, {perimeter}, {});
    EXPECT_EQ(choice.corner, Corner::bottom_left);
    EXPECT_NEAR(choice.covered_mm2[static_cast<int>(Corner::bottom_left)], 0.0, 0.01);
    EXPECT_NEAR(choice.covered_mm2[static_cast<int>(Corner::top_right)], w * h, 0.5);
    EXPECT_NEAR(choice.box.x_mm, frame.x_mm + inset, 1e-9);
    EXPECT_NEAR(choice.box.bottom_mm(), frame.bottom_mm() - inset, 1e-9);

    // Everywhere but a hole in the top-left corner: the hole wins.
    geo::MultiPolygon holed{{geo::Polygon{{ring_of(view, frame), ring_of(view, {x0, y0, 70, 55})}}}};
    EXPECT_EQ(geo::least_covered_corner(view, w, h, inset, {holed}, {}).corner, Corner::top_left);

    // A perimeter on the right half: the left corners tie; items decide.
    geo::MultiPolygon right{{geo::Polygon{{ring_of(view, {x0 + frame.width_mm / 2, y0, frame.width_mm / 2, 150})}}}};
    const geo::LonLat in_top_left = view.to_lonlat({x0 + 10, y0 + 10});
    choice = geo::least_covered_corner(view, w, h, inset, {right}, {in_top_left});
    EXPECT_EQ(choice.corner, Corner::bottom_left);
    EXPECT_EQ(choice.items_covered[static_cast<int>(Corner::top_left)], 1u);
    // Nothing to avoid: the first corner, top right.
    EXPECT_EQ(geo::least_covered_corner(view, w, h, inset, {}, {}).corner, Corner::top_right);
}

TEST(PrintLayout, KeepsEveryPartOnThePageAndTheLegendInTheFrame) {
    for (const auto orientation : {geo::PageOrientation::portrait, geo::PageOrientation::landscape}) {
        auto page = geo::print_page({geo::PaperSize::a4, orientation, 0, 0, 150.0});
        ASSERT_TRUE(page);
        geo::PrintContent content;
        content.title = "Loire Valley heritage";
        content.subtitle = "Audience: heritage lovers · level 80 % · 2026-12-03";
        content.extent = kLoire;
        content.attribution =
            "DATAtourisme / Licence Ouverte, Natural Earth — Sources: datatourisme "
            "(Licence Ouverte 2.0 (Etalab)), demo (CC0 1.0) — Territoire 0.1.0";
        content.legend = {{geo::LegendSwatch::heading, 0, "Offer families"},
                          {geo::LegendSwatch::family, 0, "Heritage (42)"},
                          {geo::LegendSwatch::family, 1, "Nature (12)"},
                          {geo::LegendSwatch::heading, 0, "Perimeter (nested levels)"},
                          {geo::LegendSwatch::perimeter_main, 0, "80 % of the weighted offer"},
                          {geo::LegendSwatch::heading, 0, "Offer gaps (score)"},
                          {geo::LegendSwatch::gap_ramp, 0, "low → high"}};
        auto layout = geo::layout_print(*page, content, geo::estimated_text_width_mm);
        ASSERT_TRUE(layout) << layout.error().message;
        const BoxMm& f = layout->map.frame;
        EXPECT_GT(f.y_mm, layout->subtitle.baseline.y_mm);
        EXPECT_LE(f.right_mm(), page->width_mm - 9.9);
        const BoxMm& l = layout->legend.box;
        EXPECT_GE(l.x_mm, f.x_mm);
        EXPECT_LE(l.right_mm(), f.right_mm());
        EXPECT_LE(l.bottom_mm(), f.bottom_mm());
        ASSERT_EQ(layout->legend_rows.size(), content.legend.size());
        for (const auto& row : layout->legend_rows) {
            EXPECT_GE(row.baseline.y_mm, l.y_mm);
            EXPECT_LE(row.baseline.y_mm, l.bottom_mm());
            EXPECT_LE(row.baseline.x_mm + geo::estimated_text_width_mm(row.row.text, 3.1, false), l.right_mm() + 0.01);
        }
        ASSERT_FALSE(layout->attribution.empty());
        for (const auto& line : layout->attribution) {
            EXPECT_GE(line.baseline.x_mm, 10.0 - 1e-9) << line.text;
            EXPECT_LE(line.baseline.y_mm, page->height_mm);
            EXPECT_GT(line.baseline.y_mm, f.bottom_mm());
        }
        EXPECT_GT(layout->scale_bar_at.y_mm, f.bottom_mm());
        EXPECT_LT(layout->north_arrow.bottom_mm(), page->height_mm);
        EXPECT_LT(layout->north_arrow.right_mm(), layout->attribution.back().baseline.x_mm);
        EXPECT_EQ(layout->scale_text.rfind("1 : ", 0), 0u) << layout->scale_text;
    }
}

}  // namespace

namespace {

TEST(PrintLayout, ShrinksALegendTallerThanTheFrameToFitIt) {
    auto page = geo::print_page({std::nullopt, geo::PageOrientation::landscape, 640, 400, 96.0});
    ASSERT_TRUE(page);
    geo::PrintContent content;
    content.title = "Small";
    content.extent = kLoire;
    content.attribution = "Territoire 0.1.0";
    content.legend.push_back({geo::LegendSwatch::heading, 0, "Offer families"});
    for (int i = 0; i < 24; ++i)
        content.legend.push_back({geo::LegendSwatch::context_line, i, "context layer " + std::to_string(i)});
    auto layout = geo::layout_print(*page, content, geo::estimated_text_width_mm);
    ASSERT_TRUE(layout) << layout.error().message;
    const BoxMm& f = layout->map.frame;
    const BoxMm& l = layout->legend.box;
    EXPECT_LT(layout->style.legend_mm, geo::PrintStyle{}.legend_mm);
    EXPECT_GE(l.y_mm, f.y_mm);
    EXPECT_LE(l.bottom_mm(), f.bottom_mm() + 1e-9);
    EXPECT_LE(layout->legend_rows.back().baseline.y_mm, l.bottom_mm());
    EXPECT_GT(layout->legend_rows.back().baseline.y_mm, l.bottom_mm() - 2.0 * layout->style.legend_mm);
}

}  // namespace

namespace {

TEST(PrintLayout, SetsATitleWiderThanThePageSmaller) {
    auto page = geo::print_page({geo::PaperSize::a4, geo::PageOrientation::portrait, 0, 0, 150.0});
    ASSERT_TRUE(page);
    geo::PrintContent content;
    content.title = "Offre patrimoniale du Val de Loire entre Chinon, Tours et Blois";
    content.extent = kLoire;
    auto layout = geo::layout_print(*page, content, geo::estimated_text_width_mm);
    ASSERT_TRUE(layout) << layout.error().message;
    EXPECT_LT(layout->title.size_mm, geo::PrintStyle{}.title_mm);
    EXPECT_LE(layout->title.baseline.x_mm + geo::estimated_text_width_mm(content.title, layout->title.size_mm, true),
              page->width_mm - 10.0 + 1e-9);
    EXPECT_GT(layout->map.frame.y_mm, layout->title.baseline.y_mm);
}

}  // namespace
