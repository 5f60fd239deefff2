// Ranked segments on the real sample (issue 14, acceptance 1): Indre-et-Loire
// (37) against Loir-et-Cher (41), Sarthe (72) and Indre (36). For two
// audiences every figure of the segment table is recomputed here from its
// definition (geo/analysis/segments.hpp) with the test's own point-in-polygon
// and Lambert-93 shoelace areas (marketing_fixture), a grid sampling of the
// perimeter's share inside 37 and a brute-force nearest distance per gap cell.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <limits>
#include <map>
#include <memory>

#include "geo/analysis/benchmark.hpp"
#include "geo/analysis/segments.hpp"
#include "geo/crs/metric_crs.hpp"
#include "geo/io/audience_presets.hpp"
#include "geo/io/gap_defaults.hpp"
#include "tests/support/loire_fixture.hpp"
#include "tests/support/marketing_fixture.hpp"
#include "tests/support/test_support.hpp"

namespace {

struct Expected {
    double our_fit = 0.0, competitors_fit = 0.0, label_share = 0.0;
    int months_covered = 0, season_months = 0;
};

// Σ w inside / area for each département, label share and months inside 37.
Expected recompute_offer(const geo::Audience& audience) {
    const auto& items = test::loire_items();
    const auto& deps = test::marketing_departements();
    Expected e;
    double competitors = 0.0;
    for (std::size_t d = 0; d < deps.size(); ++d) {
        double sum_w = 0.0, labelled = 0.0, attractions = 0.0;
        std::array<double, 12> open{};
        for (const auto& item : items) {
            const double w = geo::item_weight(audience, item);
            if (!(w > 0.0) || !test::inside_even_odd(deps[d].geometry, item.position)) continue;
            sum_w += w;
            if (!item.labels.empty()) labelled += w;
            if (geo::item_role(audience, item) != geo::OfferRole::attraction) continue;
            attractions += w;
            for (int m = 0; m < 12; ++m)
                if (item.opening_months == 0 || (item.opening_months & (1 << m)) != 0) open[m] += w;
        }
        const double fit = sum_w / test::lambert93_area_km2(deps[d].geometry);
        if (d == 0) {
            e.our_fit = fit;
            e.label_share = labelled / sum_w;
            for (int m = 0; m < 12; ++m) {
                const bool in_season = audience.season == 0 || (audience.season & (1 << m)) != 0;
                e.season_months += in_season ? 1 : 0;
                if (in_season && open[m] / attractions >= 0.5) ++e.months_covered;
            }
        } else {
            competitors += fit;
        }
    }
    e.competitors_fit = competitors / static_cast<double>(deps.size() - 1);
    return e;
}

// Share of the perimeter's area inside 37, from a 250 m grid in Lambert-93.
double sampled_share_inside(const geo::MultiPolygon& perimeter) {
    auto projector = geo::Projector::create("EPSG:2154");
    EXPECT_TRUE(projector);
    const geo::LonLatBox box = perimeter.bounds();
    const auto sw = projector->forward(geo::LonLat{box.west_deg, box.south_deg}).value();
    const auto ne = projector->forward(geo::LonLat{box.east_deg, box.north_deg}).value();
    std::vector<geo::Projected> grid;
    for (double y = sw.y_m - 5'000.0; y < ne.y_m + 5'000.0; y += 250.0)
        for (double x = sw.x_m - 5'000.0; x < ne.x_m + 5'000.0; x += 250.0) grid.push_back({x, y});
    const auto lonlat = projector->inverse(grid).value();
    const geo::MultiPolygon& ours = test::marketing_departements()[0].geometry;
    std::int64_t in_perimeter = 0, in_both = 0;
    for (const auto& p : lonlat) {
        if (!test::inside_even_odd(perimeter, p)) continue;
        ++in_perimeter;
        if (test::inside_even_odd(ours, p)) ++in_both;
    }
    return static_cast<double>(in_both) / static_cast<double>(in_perimeter);
}

// Gap cells by brute force: the nearest weighted item of each family from
// every cell centre of the lattice compute_gaps laid over the perimeter.
double brute_force_gap_share(const geo::MultiPolygon& perimeter, const geo::Audience& audience,
                             const geo::GapParams& params) {
    auto gaps = geo::compute_gaps(perimeter, test::loire_items(), audience, params);
    EXPECT_TRUE(gaps) << gaps.error().message;
    auto projector = geo::Projector::create(gaps->metric_crs);
    std::vector<std::pair<geo::Family, geo::Projected>> offer;
    for (const auto& item : test::loire_items())
        if (geo::item_weight(audience, item) > 0.0)
            offer.push_back({item.family, projector->forward(item.position).value()});
    std::size_t gap_cells = 0;
    for (const auto& cell : gaps->cells) {
        double worst = 0.0;
        for (geo::Family f : geo::kAllFamilies) {
            const double w = audience.family_weight(f);
            if (!(w > 0.0)) continue;
            double d = std::numeric_limits<double>::infinity();
            for (const auto& [family, p] : offer)
                if (family == f) d = std::min(d, std::hypot(p.x_m - cell.centre.x_m, p.y_m - cell.centre.y_m));
            const double ok = params.acceptable_m[static_cast<std::size_t>(f)];
            if (d > ok) worst = std::max(worst, w * std::min(1.0, (d - ok) / ok));
        }
        if (worst > params.min_score) ++gap_cells;
    }
    return static_cast<double>(gap_cells) / static_cast<double>(gaps->cells.size());
}

TEST(SegmentsRealSample, TwoAudiencesRecomputedFromTheirDefinitions) {
    REQUIRE_SHARED_DATA();
    const auto& deps = test::marketing_departements();
    ASSERT_EQ(deps.size(), 4U);
    ASSERT_EQ(deps[0].code, "37");
    auto presets = geo::load_audience_presets();
    ASSERT_TRUE(presets) << presets.error().message;
    std::vector<geo::SegmentAudience> audiences;
    for (const auto& a : *presets) audiences.push_back({a, "preset"});
    auto defaults = geo::load_gap_defaults();
    ASSERT_TRUE(defaults) << defaults.error().message;
    geo::SegmentParams params;
    params.level = defaults->level;
    params.gaps.cell_m = defaults->cell_m;
    params.gaps.acceptable_m = defaults->acceptable_m;

    auto use_case = geo::AudiencePerimeter::create(
        std::make_shared<const std::vector<geo::OfferItem>>(test::loire_items()), nullptr);
    ASSERT_TRUE(use_case) << use_case.error().message;
    auto result = geo::compute_segments(*use_case, deps[0], {deps[1], deps[2], deps[3]}, audiences, params);
    ASSERT_TRUE(result) << result.error().message;
    ASSERT_EQ(result->segments.size(), presets->size());
    EXPECT_EQ(result->metric_crs, "EPSG:2154");
    for (std::size_t i = 0; i < result->segments.size(); ++i) {
        EXPECT_EQ(result->segments[i].rank, static_cast<int>(i) + 1);
        if (i > 0) {
            EXPECT_GE(result->segments[i - 1].score, result->segments[i].score);
        }
        EXPECT_NEAR(result->segments[i].score, geo::segment_score(result->segments[i]), 1e-12);
    }

    std::map<std::string, const geo::SegmentScore*> by_id;
    for (const auto& s : result->segments) by_id[s.audience_id] = &s;
    for (const std::string id : {"oenotourisme", "patrimoine"}) {
        SCOPED_TRACE(id);
        ASSERT_EQ(by_id.count(id), 1U);
        const geo::SegmentScore& s = *by_id[id];
        const geo::Audience audience =
            *std::find_if(presets->begin(), presets->end(), [&](const geo::Audience& a) { return a.id == id; });
        const Expected e = recompute_offer(audience);
        EXPECT_NEAR(s.our_fit_per_km2, e.our_fit, 1e-6 * e.our_fit);
        EXPECT_NEAR(s.competitors_fit_per_km2, e.competitors_fit, 1e-6 * e.competitors_fit);
        ASSERT_TRUE(s.fit_ratio);
        EXPECT_NEAR(*s.fit_ratio, e.our_fit / e.competitors_fit, 1e-6 * *s.fit_ratio);
        EXPECT_GT(*s.fit_ratio, 1.0);  // Touraine's offer is the densest of the four
        EXPECT_NEAR(s.label_share, e.label_share, 1e-9);
        EXPECT_EQ(s.months_covered, e.months_covered);
        EXPECT_EQ(s.season_months, e.season_months);

        const geo::MultiPolygon& perimeter = test::loire_perimeter(id).levels.front().geometry;
        EXPECT_NEAR(s.perimeter_area_km2, test::lambert93_area_km2(perimeter), 1e-6 * s.perimeter_area_km2);
        const double share = sampled_share_inside(perimeter);
        EXPECT_NEAR(s.perimeter_share_inside, share, 0.01);
        EXPECT_GT(share, 0.2);  // the Loire destinations straddle 37 and 41
        EXPECT_LT(share, 0.8);
        EXPECT_NEAR(s.gap_share, brute_force_gap_share(perimeter, audience, params.gaps), 1e-12);

        const std::string ratio_fr = geo::format_decimal_fr(*s.fit_ratio, 1);
        EXPECT_EQ(s.text_fr.rfind(audience.name_fr + " : " + ratio_fr + " × l'adéquation des concurrents, ", 0), 0U)
            << s.text_fr;
        EXPECT_NE(s.text_fr.find(std::to_string(std::lround(s.gap_share * 100)) + " % de manques"), std::string::npos);
        EXPECT_EQ(s.text_en.rfind(audience.name_en + ": ", 0), 0U) << s.text_en;
        EXPECT_GE(s.reasons_fr.size(), 2U);  // the summary and the first benchmark strength
        RecordProperty(id + "_score", std::to_string(s.score));
        std::cout << s.text_fr << "\n";
    }
}

TEST(SegmentsRealSample, RefusesWithoutAudienceOrCompetitor) {
    REQUIRE_SHARED_DATA();
    const auto& deps = test::marketing_departements();
    auto use_case = geo::AudiencePerimeter::create(
        std::make_shared<const std::vector<geo::OfferItem>>(test::loire_items()), nullptr);
    ASSERT_TRUE(use_case);
    auto none = geo::compute_segments(*use_case, deps[0], {deps[1]}, {}, {});
    ASSERT_FALSE(none);
    EXPECT_NE(none.error().message.find("no audience"), std::string::npos);
    auto presets = geo::load_audience_presets();
    ASSERT_TRUE(presets);
    auto alone = geo::compute_segments(*use_case, deps[0], {}, {{presets->front(), "preset"}}, {});
    ASSERT_FALSE(alone);
    EXPECT_NE(alone.error().message.find("no competitor"), std::string::npos);
}

}  // namespace
