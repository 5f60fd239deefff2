// Competitor benchmark: indicators and sentences on a constructed case, and on
// the real sample per-family counts for Indre-et-Loire against Loir-et-Cher
// checked against an independent point-in-polygon count with GDAL/OGR.
#include "geo/analysis/benchmark.hpp"
#include "geo/analysis/benchmark_text.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <regex>

#include <fmt/format.h>
#include <ogrsf_frmts.h>

#include "geo/crs/metric_crs.hpp"
#include "geo/io/audience_presets.hpp"
#include "geo/store/territory_spec.hpp"
#include "tests/support/sample_catalogue.hpp"
#include "tests/support/test_support.hpp"

namespace {

using geo::Family;

// A 10 km square (100 km² in Lambert-93) with its south-west corner at (x, y).
geo::Territory square_territory(const std::string& code, double x, double y) {
    auto proj = geo::Projector::create("EPSG:2154");
    EXPECT_TRUE(proj);
    geo::Territory t;
    t.name = "Carré " + code;
    t.code = code;
    t.level = geo::TerritoryLevel::competitor;
    geo::Ring ring;
    for (auto [dx, dy] : {std::pair{0.0, 0.0}, {10'000.0, 0.0}, {10'000.0, 10'000.0}, {0.0, 10'000.0}})
        ring.push_back(*proj->inverse(geo::Projected{x + dx, y + dy}));
    t.geometry.polygons.push_back({{ring}});
    return t;
}

// `n` items of `family` spread inside the square at (x, y), cycling `subtypes`,
// one in `labelled_every` with a label.
void add_items(std::vector<geo::OfferItem>& items, Family family, int n, double x, double y,
               std::vector<std::string> subtypes = {}, int labelled_every = 0) {
    auto proj = geo::Projector::create("EPSG:2154");
    for (int i = 0; i < n; ++i) {
        geo::OfferItem item;
        item.family = family;
        item.source_id = std::to_string(items.size());
        if (!subtypes.empty()) item.subtypes = {subtypes[static_cast<std::size_t>(i) % subtypes.size()]};
        if (labelled_every > 0 && i % labelled_every == 0) item.labels = {"monument_historique"};
        item.position = *proj->inverse(geo::Projected{x + 500.0 + 400.0 * (i % 20), y + 500.0 + 400.0 * (i / 20)});
        items.push_back(item);
    }
}

TEST(Benchmark, IndicatorsAndSentencesOnAConstructedCase) {
    const double ox = 500'000.0, oy = 6'700'000.0, cx = 540'000.0;
    const geo::Territory ours = square_territory("nous", ox, oy);
    const geo::Territory theirs = square_territory("eux", cx, oy);
    std::vector<geo::OfferItem> items;
    add_items(items, Family::heritage, 21, ox, oy, {"castle", "museum", "church"}, 3);
    add_items(items, Family::heritage, 10, cx, oy, {"castle"});
    add_items(items, Family::gastronomy, 4, ox, oy);
    add_items(items, Family::gastronomy, 20, cx, oy);
    add_items(items, Family::nature, 3, ox, oy);
    add_items(items, Family::accommodation, 10, ox, oy);
    add_items(items, Family::accommodation, 10, cx, oy);
    add_items(items, Family::services, 30, ox, oy);  // weight 0: no statement
    geo::Audience audience;
    audience.id = "test";
    audience.family_weights.fill(1.0);
    audience.family_weights[static_cast<std::size_t>(Family::services)] = 0.0;

    auto res = geo::compute_benchmark(ours, {theirs}, items, audience);
    ASSERT_TRUE(res) << res.error().message;
    EXPECT_EQ(res->metric_crs, "EPSG:2154");
    ASSERT_EQ(res->territories.size(), 2U);
    const geo::TerritoryIndicators& us = res->territories[0];
    EXPECT_TRUE(us.ours);
    EXPECT_NEAR(us.area_km2, 100.0, 1e-6);
    const auto& heritage = us.families[static_cast<std::size_t>(Family::heritage)];
    EXPECT_EQ(heritage.item_count, 21);
    EXPECT_NEAR(heritage.density_per_100km2, 21.0, 1e-6);
    EXPECT_NEAR(heritage.labelled_share, 7.0 / 21.0, 1e-12);
    EXPECT_NEAR(heritage.diversity_shannon, std::log(3.0), 1e-12);
    EXPECT_NEAR(heritage.audience_fit_per_km2, 0.21, 1e-9);
    EXPECT_EQ(res->territories[1].families[0].diversity_shannon, 0.0);  // one subtype
    EXPECT_EQ(us.item_count, 21 + 4 + 3 + 10 + 30);

    const auto& cmp = res->families[static_cast<std::size_t>(Family::heritage)];
    ASSERT_TRUE(cmp.ratio);
    EXPECT_NEAR(*cmp.ratio, 2.1, 1e-6);
    EXPECT_FALSE(res->families[static_cast<std::size_t>(Family::nature)].ratio);

    ASSERT_EQ(res->strengths.size(), 2U);
    EXPECT_EQ(res->strengths[0].text_fr, "Nature et écotourisme : offre absente chez les concurrents");
    EXPECT_EQ(res->strengths[0].text_en, "Nature & ecotourism: no such offer at the competitors");
    EXPECT_EQ(res->strengths[1].text_fr, "Patrimoine : 2,1 × la moyenne des concurrents");
    EXPECT_EQ(res->strengths[1].text_en, "Heritage: 2.1 × the competitors' average");
    ASSERT_EQ(res->weaknesses.size(), 1U);
    EXPECT_EQ(res->weaknesses[0].text_fr, "Gastronomie et vin : 0,2 × la moyenne des concurrents");
    EXPECT_EQ(res->weaknesses[0].text_en, "Gastronomy & wine: 0.2 × the competitors' average");
    ASSERT_EQ(res->competitive_gaps.size(), 1U);
    EXPECT_EQ(res->competitive_gaps[0].family, Family::gastronomy);
    EXPECT_EQ(res->competitive_gaps[0].text_fr,
              "Gastronomie et vin : 20,0 éléments pour 100 km² chez les concurrents contre 4,0 "
              "chez nous");
    EXPECT_EQ(res->competitive_gaps[0].text_en,
              "Gastronomy & wine: 20.0 items per 100 km² at the competitors against 4.0 here");
}

TEST(Benchmark, FormatsFrenchDecimals) {
    EXPECT_EQ(geo::format_decimal_fr(2.14, 1), "2,1");
    EXPECT_EQ(geo::format_decimal_fr(12.0, 1), "12,0");
    EXPECT_EQ(geo::format_decimal_fr(0.456, 2), "0,46");
}

TEST(Benchmark, FailsWithoutCompetitorOrPolygon) {
    const geo::Territory ours = square_territory("nous", 500'000.0, 6'700'000.0);
    auto r = geo::compute_benchmark(ours, {}, {}, geo::Audience{});
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("no competitor"), std::string::npos);
    geo::Territory empty;
    empty.name = "Vide";
    empty.code = "0";
    r = geo::compute_benchmark(ours, {empty}, {}, geo::Audience{});
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("Vide"), std::string::npos);
}

TEST(BenchmarkRealSample, IndreEtLoireAgainstLoirEtCherCountsMatchOgr) {
    REQUIRE_SHARED_DATA();
    const auto dir = test::temp_dir();
    const geo::Catalogue cat = test::sample_catalogue((dir / "sample.sqlite").string(), false);
    auto audience = geo::resolve_audience("patrimoine", &cat);
    ASSERT_TRUE(audience) << audience.error().message;
    auto ours = geo::resolve_territory(cat, "departement:37", *audience);
    ASSERT_TRUE(ours) << ours.error().message;
    auto theirs = geo::resolve_territory(cat, "loir-et-cher", *audience);  // by name, any case
    ASSERT_TRUE(theirs) << theirs.error().message;
    EXPECT_EQ(ours->name, "Indre-et-Loire");
    EXPECT_EQ(theirs->code, "41");
    auto items = cat.items();
    ASSERT_TRUE(items) << items.error().message;
    ASSERT_EQ(items->size(), 1'399U);

    auto res = geo::compute_benchmark(*ours, {*theirs}, *items, *audience);
    ASSERT_TRUE(res) << res.error().message;

    // Independent count: OGR Contains on the départements as GDAL reads them.
    int index = 0;
    for (const char* folder : {"37-indre-et-loire", "41-loir-et-cher"}) {
        GDALDatasetUniquePtr ds(GDALDataset::Open(test::departement_path(folder, "departement").c_str(),
                                                  GDAL_OF_VECTOR | GDAL_OF_READONLY));
        ASSERT_TRUE(ds);
        OGRFeatureUniquePtr feature(ds->GetLayer(0)->GetNextFeature());
        const OGRGeometry* dep = feature->GetGeometryRef();
        std::array<std::int64_t, geo::kFamilyCount> expected{};
        for (const geo::OfferItem& item : *items) {
            const OGRPoint p(item.position.lon_deg, item.position.lat_deg);
            if (dep->Contains(&p)) ++expected[static_cast<std::size_t>(item.family)];
        }
        std::int64_t total = 0;
        for (Family f : geo::kAllFamilies) {
            const auto k = static_cast<std::size_t>(f);
            EXPECT_EQ(res->territories[static_cast<std::size_t>(index)].families[k].item_count, expected[k])
                << folder << " " << geo::family_id(f);
            total += expected[k];
        }
        EXPECT_EQ(res->territories[static_cast<std::size_t>(index)].item_count, total);
        EXPECT_GT(total, 300);  // SOURCES.md: 723 objects in 37, 515 in 41 (a few sit on borders)
        ++index;
    }
    // Areas: Indre-et-Loire about 6,127 km², Loir-et-Cher about 6,343 km² (INSEE).
    EXPECT_NEAR(res->territories[0].area_km2, 6'127.0, 0.02 * 6'127.0);
    EXPECT_NEAR(res->territories[1].area_km2, 6'343.0, 0.02 * 6'343.0);

    const std::regex fr(R"(^[^:]+ : (\d+,\d) × la moyenne des concurrents$)");
    const std::regex en(R"(^[^:]+: (\d+\.\d) × the competitors' average$)");
    for (const auto* list : {&res->strengths, &res->weaknesses}) {
        for (const geo::BenchmarkStatement& s : *list) {
            std::smatch m_fr, m_en;
            ASSERT_TRUE(std::regex_match(s.text_fr, m_fr, fr)) << s.text_fr;
            ASSERT_TRUE(std::regex_match(s.text_en, m_en, en)) << s.text_en;
            ASSERT_TRUE(s.ratio);
            EXPECT_EQ(m_fr[1].str(), geo::format_decimal_fr(*s.ratio, 1));
            EXPECT_EQ(m_en[1].str(), fmt::format("{:.1f}", *s.ratio));
            EXPECT_EQ(s.text_fr.substr(0, s.text_fr.find(" : ")), geo::family_name_fr(s.family));
            std::printf("  %s | %s\n", s.text_fr.c_str(), s.text_en.c_str());
        }
    }
    for (const geo::BenchmarkStatement& s : res->strengths) EXPECT_GE(*s.ratio, 1.1);
    for (const geo::BenchmarkStatement& s : res->weaknesses) EXPECT_LE(*s.ratio, 0.9);
    for (const geo::BenchmarkStatement& s : res->competitive_gaps) {
        const auto& c = res->families[static_cast<std::size_t>(s.family)];
        EXPECT_GT(c.competitors_mean_density_per_100km2, c.our_density_per_100km2);
        std::printf("  gap: %s\n", s.text_fr.c_str());
    }
}

TEST(BenchmarkRealSample, TerritorySpecsResolveOrExplain) {
    REQUIRE_SHARED_DATA();
    const auto dir = test::temp_dir();
    const geo::Catalogue cat = test::sample_catalogue((dir / "sample.sqlite").string(), false);
    auto audience = geo::resolve_audience("patrimoine", &cat);
    ASSERT_TRUE(audience);
    auto missing = geo::resolve_territory(cat, "departement:99", *audience);
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("departement:37 Indre-et-Loire"), std::string::npos)
        << missing.error().message;
    auto unknown = geo::resolve_territory(cat, "Atlantide", *audience);
    ASSERT_FALSE(unknown);
    EXPECT_NE(unknown.error().message.find("Atlantide"), std::string::npos);
    auto no_items = geo::resolve_territory(cat, "producer:Personne", *audience);
    ASSERT_FALSE(no_items);
    EXPECT_NE(no_items.error().message.find("producer:Personne"), std::string::npos);

    // A competitor's destination drawn from its own offer.
    auto adt41 = geo::resolve_territory(cat, "producer:ADT41", *audience);
    ASSERT_TRUE(adt41) << adt41.error().message;
    EXPECT_EQ(adt41->level, geo::TerritoryLevel::competitor);
    ASSERT_FALSE(adt41->geometry.empty());
    const geo::LonLat centre = adt41->geometry.bounds().center();
    EXPECT_GT(centre.lon_deg, 0.8);  // Loir-et-Cher lies east of Touraine
    auto offer41 = geo::resolve_territory(cat, "offer:departement:41", *audience);
    ASSERT_TRUE(offer41) << offer41.error().message;
    auto ours = geo::resolve_territory(cat, "departement:37", *audience);
    auto res = geo::compute_benchmark(*ours, {*adt41, *offer41}, *cat.items(), *audience);
    ASSERT_TRUE(res) << res.error().message;
    EXPECT_EQ(res->territories.size(), 3U);

    // The loaded-territory part alone (export --territory): by code, by
    // name at a level and by name; a destination spec is not a loaded
    // territory, and an unknown name lists the catalogue's territories.
    auto by_code = geo::find_loaded_territory(cat, "departement:41");
    ASSERT_TRUE(by_code) << by_code.error().message;
    EXPECT_EQ(by_code->name, "Loir-et-Cher");
    EXPECT_GT(by_code->id, 0);
    auto named = geo::find_loaded_territory(cat, "departement:Loir-et-Cher");
    ASSERT_TRUE(named) << named.error().message;
    EXPECT_EQ(named->code, "41");
    auto by_name = geo::find_loaded_territory(cat, "Indre-et-Loire");
    ASSERT_TRUE(by_name) << by_name.error().message;
    EXPECT_EQ(by_name->code, "37");
    auto producer = geo::find_loaded_territory(cat, "producer:ADT41");
    ASSERT_FALSE(producer);
    EXPECT_EQ(producer.error().message.find("producer:NAME"), std::string::npos) << producer.error().message;
    EXPECT_NE(producer.error().message.find("LEVEL:CODE, LEVEL:NAME or a name"), std::string::npos);
}

}  // namespace

// The audience decides which leads and lags are worth saying first: a 1.3 ×
// lead on the family it weighs 1 outranks a 3 × lead on one it weighs 0.05.
TEST(BenchmarkText, StatementsAreRankedByWhatTheyMeanToTheAudience) {
    std::array<geo::FamilyComparison, geo::kFamilyCount> families{};
    for (geo::Family f : geo::kAllFamilies) {
        auto& c = families[static_cast<std::size_t>(f)];
        c.family = f;
        c.audience_weight = 0.05;
        c.ratio = 1.0;
    }
    auto& heritage = families[static_cast<std::size_t>(geo::Family::heritage)];
    heritage.audience_weight = 1.0;
    heritage.ratio = 1.3;
    families[static_cast<std::size_t>(geo::Family::services)].ratio = 3.0;
    auto& gastronomy = families[static_cast<std::size_t>(geo::Family::gastronomy)];
    gastronomy.audience_weight = 0.8;
    gastronomy.ratio = 0.7;
    families[static_cast<std::size_t>(geo::Family::outdoor)].ratio = 0.2;
    families[static_cast<std::size_t>(geo::Family::nature)].audience_weight = 0.0;  // not counted at all
    families[static_cast<std::size_t>(geo::Family::nature)].ratio = 5.0;

    const geo::BenchmarkParams params;
    const auto strengths = geo::strength_statements(families, params);
    ASSERT_EQ(strengths.size(), 2U);
    EXPECT_EQ(strengths[0].family, geo::Family::heritage);
    EXPECT_EQ(strengths[1].family, geo::Family::services);
    const auto weaknesses = geo::weakness_statements(families, params);
    ASSERT_EQ(weaknesses.size(), 2U);
    EXPECT_EQ(weaknesses[0].family, geo::Family::gastronomy);  // 0.8 × ln 0.7 < 0.05 × ln 0.2
    EXPECT_EQ(weaknesses[1].family, geo::Family::outdoor);
}
