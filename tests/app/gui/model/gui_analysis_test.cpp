// The benchmark and gaps views' logic, without GL: radar geometry and
// normalisation, gap cell colours and picking, ranked zone rows, the gaps
// controller over a real perimeter, and the benchmark job on the sample.
#include <gtest/gtest.h>

#include <cmath>

#include "app/gui/model/benchmark_controller.hpp"
#include "app/gui/model/gap_view.hpp"
#include "app/gui/model/gaps_controller.hpp"
#include "app/gui/model/radar.hpp"
#include "tests/support/sample_catalogue.hpp"
#include "tests/support/test_support.hpp"

namespace app::gui {
namespace {

using namespace std::chrono_literals;

geo::BenchmarkResult two_territories() {
    geo::BenchmarkResult r;
    r.territories.resize(3);
    r.territories[0].territory.name = "Ours";
    r.territories[0].ours = true;
    r.territories[1].territory.name = "Rival A";
    r.territories[2].territory.name = "Rival B";
    const auto set = [&](std::size_t t, geo::Family f, double d) {
        r.territories[t].families[static_cast<std::size_t>(f)].density_per_100km2 = d;
    };
    set(0, geo::Family::heritage, 4.0);
    set(1, geo::Family::heritage, 2.0);
    set(2, geo::Family::heritage, 8.0);
    set(0, geo::Family::nature, 3.0);
    set(1, geo::Family::nature, 1.0);
    set(0, geo::Family::gastronomy, 0.0);  // nobody: stays at the centre
    for (geo::Family f : {geo::Family::heritage, geo::Family::nature, geo::Family::gastronomy})
        r.families[static_cast<std::size_t>(f)].audience_weight = 1.0;
    return r;
}

TEST(Radar, AxesAreTheWeightedFamiliesAndTheLeaderTouchesTheRim) {
    const RadarChart chart = radar_chart(two_territories());
    ASSERT_EQ(chart.axes,
              (std::vector<geo::Family>{geo::Family::heritage, geo::Family::nature, geo::Family::gastronomy}));
    ASSERT_EQ(chart.series.size(), 3u);
    EXPECT_TRUE(chart.series[0].ours);
    EXPECT_EQ(chart.series[2].name, "Rival B");
    EXPECT_DOUBLE_EQ(chart.axis_max[0], 8.0);
    EXPECT_DOUBLE_EQ(chart.series[0].values[0], 0.5);
    EXPECT_DOUBLE_EQ(chart.series[2].values[0], 1.0);
    EXPECT_DOUBLE_EQ(chart.series[0].values[1], 1.0);
    EXPECT_DOUBLE_EQ(chart.series[1].values[1], 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(chart.series[0].values[2], 0.0);
}

TEST(Radar, NoWeightedFamilyShowsThemAll) {
    geo::BenchmarkResult r = two_territories();
    for (auto& f : r.families) f.audience_weight = 0.0;
    EXPECT_EQ(radar_chart(r).axes.size(), static_cast<std::size_t>(geo::kFamilyCount));
}

TEST(Radar, FirstAxisPointsUpOthersClockwise) {
    const RadarPoint c{100, 100};
    const RadarPoint up = radar_point(c, 50, 0, 4, 1.0);
    EXPECT_NEAR(up.x, 100, 1e-4);
    EXPECT_NEAR(up.y, 50, 1e-4);  // screen y grows downwards
    const RadarPoint right = radar_point(c, 50, 1, 4, 0.5);
    EXPECT_NEAR(right.x, 125, 1e-4);
    EXPECT_NEAR(right.y, 100, 1e-4);
    const RadarPoint clamped = radar_point(c, 50, 2, 4, 3.0);  // values beyond the rim stay on it
    EXPECT_NEAR(clamped.y, 150, 1e-4);
    const auto poly = radar_polygon(c, 50, {1.0, 1.0, 1.0, 0.0});
    ASSERT_EQ(poly.size(), 4u);
    EXPECT_NEAR(poly[3].x, 100, 1e-4);  // a zero collapses onto the centre
}

TEST(GapView, ColourIsTransparentWithoutGapAndDeepensWithTheScore) {
    EXPECT_EQ(gap_colour(0.0).a, 0);
    EXPECT_EQ(gap_colour(-1.0).a, 0);
    EXPECT_EQ(gap_colour(NAN).a, 0);
    Rgba8 previous = gap_colour(0.01);
    EXPECT_GT(previous.a, 0);
    for (double s = 0.1; s <= 1.0001; s += 0.1) {
        const Rgba8 c = gap_colour(s);
        EXPECT_GE(c.a, previous.a) << s;
        EXPECT_LE(c.g, previous.g) << s;  // towards dark red
        previous = c;
    }
    EXPECT_EQ(gap_colour(1.0), gap_colour(5.0));
}

// Three hexagon-ish squares in a row, two zones.
geo::GapResult small_result() {
    geo::GapResult r;
    for (int i = 0; i < 3; ++i) {
        geo::GapCell c;
        const double w = i * 0.1;
        c.hexagon = {{w, 47.0}, {w + 0.1, 47.0}, {w + 0.1, 47.1}, {w, 47.1}, {w, 47.0}};
        c.centre_lonlat = {w + 0.05, 47.05};
        c.gap_family = geo::Family::nature;
        c.gap_score = 0.3 * (i + 1);
        c.zone = i == 2 ? 1 : 0;
        r.cells.push_back(c);
    }
    geo::GapZone big;  // rank 1: larger area, lower score
    big.family = geo::Family::nature;
    big.area_km2 = 20.0;
    big.score = 0.45;
    big.mean_distance_m = 9000;
    big.commune_name = "Amboise";
    big.commune_count = 3;
    big.cells = {0, 1};
    big.geometry.polygons.push_back({{{{0.0, 47.0}, {0.2, 47.0}, {0.2, 47.1}, {0.0, 47.1}, {0.0, 47.0}}}});
    geo::GapZone small;
    small.family = geo::Family::accommodation;
    small.area_km2 = 10.0;
    small.score = 0.9;
    small.mean_distance_m = std::numeric_limits<double>::infinity();
    small.cells = {2};
    r.zones = {big, small};
    return r;
}

TEST(GapView, PickFindsTheCellUnderThePoint) {
    const geo::GapResult r = small_result();
    EXPECT_EQ(pick_gap_cell(r, {0.05, 47.05}), std::optional<std::size_t>(0));
    EXPECT_EQ(pick_gap_cell(r, {0.25, 47.02}), std::optional<std::size_t>(2));
    EXPECT_EQ(pick_gap_cell(r, {0.35, 47.05}), std::nullopt);
    EXPECT_EQ(pick_gap_cell(r, {0.15, 47.2}), std::nullopt);
}

TEST(GapView, RankedRowsKeepTheRankAndSortOnRequest) {
    const geo::GapResult r = small_result();
    auto rows = gap_zone_rows(r);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].rank, 1);
    EXPECT_EQ(rows[0].where, "Amboise (+2)");
    EXPECT_EQ(rows[1].where, "");
    rows = gap_zone_rows(r, GapSort::score);
    EXPECT_EQ(rows[0].zone, 1u);
    rows = gap_zone_rows(r, GapSort::area);
    EXPECT_EQ(rows[0].zone, 0u);
    rows = gap_zone_rows(r, GapSort::distance);  // no item within reach: the farthest
    EXPECT_EQ(rows[0].zone, 1u);
    const geo::LonLatBox box = gap_zone_box(r, 0);
    EXPECT_DOUBLE_EQ(box.east_deg, 0.2);
    EXPECT_TRUE(gap_zone_box(r, 7).empty());
}

TEST(BenchmarkJob, SpecsAreSplitAndTrimmed) {
    EXPECT_EQ(split_specs(" departement:41,  Sarthe ,,producer:ADT41 "),
              (std::vector<std::string>{"departement:41", "Sarthe", "producer:ADT41"}));
    EXPECT_TRUE(split_specs(" , ").empty());
    EXPECT_DOUBLE_EQ(whole_offer_audience().family_weight(geo::Family::services), 1.0);
}

class SampleAnalyses : public ::testing::Test {
protected:
    void SetUp() override {
        REQUIRE_SHARED_DATA();
        m_path = (test::temp_dir() / "sample.sqlite").string();
        auto catalogue = test::sample_catalogue(m_path, true);
        auto items = catalogue.items();
        ASSERT_TRUE(items);
        m_items = std::make_shared<const std::vector<geo::OfferItem>>(std::move(*items));
        auto territories = catalogue.territories();
        ASSERT_TRUE(territories);
        m_territories = std::make_shared<const std::vector<geo::Territory>>(std::move(*territories));
    }
    std::string m_path;
    std::shared_ptr<const std::vector<geo::OfferItem>> m_items;
    std::shared_ptr<const std::vector<geo::Territory>> m_territories;
};

TEST_F(SampleAnalyses, BenchmarkJobComparesIndreEtLoireWithLoirEtCher) {
    geo::Audience audience = whole_offer_audience();
    auto r = run_benchmark({m_path, "departement:37", {"departement:41"}, audience, 0.8, m_items});
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->territories.size(), 2u);
    EXPECT_TRUE(r->territories[0].ours);
    EXPECT_EQ(r->territories[0].territory.code, "37");
    EXPECT_EQ(r->territories[1].territory.code, "41");
    EXPECT_GT(r->territories[0].item_count, 600);
    const RadarChart chart = radar_chart(*r);
    EXPECT_EQ(chart.axes.size(), static_cast<std::size_t>(geo::kFamilyCount));
    for (std::size_t a = 0; a < chart.axes.size(); ++a)
        EXPECT_TRUE(chart.axis_max[a] == 0.0 || std::max(chart.series[0].values[a], chart.series[1].values[a]) == 1.0);

    auto bad = run_benchmark({m_path, "departement:37", {"departement:99"}, audience, 0.8, m_items});
    ASSERT_FALSE(bad);
    EXPECT_NE(bad.error().message.find("departement:99"), std::string::npos) << bad.error().message;
    EXPECT_FALSE(run_benchmark({m_path, "departement:37", {}, audience, 0.8, m_items}));
}

TEST_F(SampleAnalyses, GapsControllerFillsTheModelFromThePerimeterAndClearsWhenDisabled) {
    MapModel model;
    model.set_items(std::vector<geo::OfferItem>(*m_items));
    model.set_territories(std::vector<geo::Territory>(*m_territories));
    // The perimeter: Indre-et-Loire's outline stands in for an audience perimeter.
    const auto dep = std::find_if(m_territories->begin(), m_territories->end(),
                                  [](const geo::Territory& t) { return t.code == "37"; });
    ASSERT_NE(dep, m_territories->end());
    model.set_perimeters({{0.8, dep->geometry, true}});
    geo::Audience audience;
    audience.id = "nature";
    audience.family_weights[static_cast<std::size_t>(geo::Family::nature)] = 1.0;
    audience.family_weights[static_cast<std::size_t>(geo::Family::accommodation)] = 0.6;

    GapsController gaps(1ms);
    gaps.set_cell_m(4000.0, model, audience);  // disabled: nothing filed
    EXPECT_FALSE(gaps.busy());
    gaps.set_enabled(true, model, audience);
    ASSERT_TRUE(gaps.wait_idle(60s));
    ASSERT_TRUE(gaps.poll(model));
    EXPECT_TRUE(gaps.error().empty()) << gaps.error();
    ASSERT_TRUE(model.gaps());
    EXPECT_DOUBLE_EQ(model.gaps()->cell_m, 4000.0);
    EXPECT_GT(model.gaps()->cells.size(), 300u);
    ASSERT_FALSE(model.gaps()->zones.empty());
    // Communes name the zones.
    EXPECT_FALSE(model.gaps()->zones.front().commune_name.empty());
    const auto rows = gap_zone_rows(*model.gaps());
    EXPECT_EQ(rows.front().rank, 1);

    // A click on a gap cell selects it and its zone.
    const auto& zone = model.gaps()->zones.front();
    const auto cell = pick_gap_cell(*model.gaps(), model.gaps()->cells[zone.cells.front()].centre_lonlat);
    ASSERT_TRUE(cell);
    EXPECT_EQ(model.gaps()->cells[*cell].zone, 0);

    gaps.set_enabled(false, model, audience);
    EXPECT_TRUE(gaps.poll(model));
    EXPECT_FALSE(model.gaps());
}

// A result finished for an earlier perimeter is never shown over the new one.
TEST_F(SampleAnalyses, GapsControllerDropsResultsOfAnOlderPerimeter) {
    MapModel model;
    model.set_items(std::vector<geo::OfferItem>(*m_items));
    model.set_territories(std::vector<geo::Territory>(*m_territories));
    const auto find = [&](const char* code) {
        return std::find_if(m_territories->begin(), m_territories->end(),
                            [&](const geo::Territory& t) { return t.code == code; });
    };
    ASSERT_NE(find("37"), m_territories->end());
    ASSERT_NE(find("41"), m_territories->end());
    geo::Audience audience;
    audience.id = "nature";
    audience.family_weights[static_cast<std::size_t>(geo::Family::nature)] = 1.0;

    model.set_perimeters({{0.8, find("37")->geometry, true}});
    GapsController gaps(1ms);
    gaps.set_cell_m(4000.0, model, audience);
    gaps.set_enabled(true, model, audience);
    ASSERT_TRUE(gaps.wait_idle(60s));  // done for Indre-et-Loire, not collected yet
    model.set_perimeters({{0.8, find("41")->geometry, true}});
    EXPECT_FALSE(gaps.poll(model));
    EXPECT_FALSE(model.gaps());

    gaps.on_perimeter_changed(model, audience);
    ASSERT_TRUE(gaps.wait_idle(60s));
    ASSERT_TRUE(gaps.poll(model));
    ASSERT_TRUE(model.gaps());
    ASSERT_FALSE(model.gaps()->cells.empty());
    // Cells of the Loir-et-Cher perimeter: east of Indre-et-Loire's centre.
    double lon_sum = 0.0;
    for (const auto& c : model.gaps()->cells) lon_sum += c.centre_lonlat.lon_deg;
    EXPECT_GT(lon_sum / static_cast<double>(model.gaps()->cells.size()), 1.0);
}

}  // namespace
}  // namespace app::gui
