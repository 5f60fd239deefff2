// Price positioning on the real sample (issue 14, acceptance 3): the
// DATAtourisme minPrice of the offers, imported, and the median price per
// family and subtype of Indre-et-Loire (37) against Loir-et-Cher (41), Sarthe
// (72) and Indre (36) in the benchmark. The prices and positions are read
// here straight from the feed's JSON files; only the family and subtypes come
// from the importer (its classification is tested elsewhere).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>

#include <nlohmann/json.hpp>

#include "geo/analysis/benchmark.hpp"
#include "geo/io/audience_presets.hpp"
#include "tests/support/loire_fixture.hpp"
#include "tests/support/marketing_fixture.hpp"
#include "tests/support/test_support.hpp"

namespace {

using nlohmann::json;

struct FeedPrice {
    double min_price_eur = 0.0;
    geo::LonLat position;
};

const json& first(const json& v) {
    return v.is_array() ? v.at(0) : v;
}

// @id → the lowest minPrice (EUR) of the object's offers, for the objects that have one.
std::map<std::string, FeedPrice> prices_from_feed() {
    std::map<std::string, FeedPrice> out;
    for (const auto& file : test::datatourisme_object_files()) {
        std::ifstream in(file);
        const json o = json::parse(in);
        std::optional<double> best;
        for (const json& offer : o.value("offers", json::array()))
            for (const json& spec : offer.value("schema:priceSpecification", json::array())) {
                if (spec.value("schema:priceCurrency", "EUR") != "EUR") continue;
                for (const json& v : spec.value("schema:minPrice", json::array())) {
                    const double x = std::stod(v.get<std::string>());
                    best = best ? std::min(*best, x) : x;
                }
            }
        if (!best) continue;
        const json* geo = nullptr;
        for (const json& place : o.at("isLocatedAt"))
            if (geo == nullptr && place.contains("schema:geo")) geo = &first(place["schema:geo"]);
        EXPECT_NE(geo, nullptr) << file;
        out[o.at("@id").get<std::string>()] = {*best,
                                               {std::stod(geo->at("schema:longitude").get<std::string>()),
                                                std::stod(geo->at("schema:latitude").get<std::string>())}};
    }
    return out;
}

std::optional<double> median_of(std::vector<double> v) {
    if (v.empty()) return std::nullopt;
    std::sort(v.begin(), v.end());
    return v.size() % 2 == 1 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

TEST(BenchmarkPricesRealSample, MediansPerFamilyAndSubtypeEqualTheFeedsPrices) {
    REQUIRE_SHARED_DATA();
    const auto feed = prices_from_feed();
    EXPECT_EQ(feed.size(), 645U);  // SOURCES.md: 645 of the 1,399 objects carry a minPrice

    const auto& items = test::loire_items();
    ASSERT_EQ(items.size(), 1399U);
    std::size_t priced = 0;
    for (const auto& item : items) {
        const auto it = feed.find(item.source_id);
        ASSERT_EQ(item.min_price_eur.has_value(), it != feed.end()) << item.source_id;
        if (it == feed.end()) continue;
        ++priced;
        EXPECT_EQ(*item.min_price_eur, it->second.min_price_eur) << item.source_id;
    }
    EXPECT_EQ(priced, 645U);

    const auto& deps = test::marketing_departements();
    ASSERT_EQ(deps.size(), 4U);
    auto audience = geo::resolve_audience("patrimoine", nullptr);
    ASSERT_TRUE(audience);
    auto bench = geo::compute_benchmark(deps[0], {deps[1], deps[2], deps[3]}, items, *audience);
    ASSERT_TRUE(bench) << bench.error().message;

    int families_with_prices = 0;
    for (std::size_t d = 0; d < deps.size(); ++d) {
        std::map<geo::Family, std::vector<double>> by_family;
        std::map<std::string, std::vector<double>> by_subtype;
        for (const auto& item : items) {
            const auto it = feed.find(item.source_id);
            if (it == feed.end() || !test::inside_even_odd(deps[d].geometry, it->second.position)) continue;
            by_family[item.family].push_back(it->second.min_price_eur);
            for (const auto& s : item.subtypes) by_subtype[s].push_back(it->second.min_price_eur);
        }
        const geo::TerritoryIndicators& t = bench->territories[d];
        EXPECT_EQ(t.territory.code, deps[d].code);
        for (geo::Family f : geo::kAllFamilies) {
            SCOPED_TRACE(deps[d].code + " " + std::string(geo::family_id(f)));
            const auto& fi = t.families[static_cast<std::size_t>(f)];
            EXPECT_EQ(fi.priced_count, static_cast<std::int64_t>(by_family[f].size()));
            EXPECT_EQ(fi.median_price_eur, median_of(by_family[f]));
            if (d == 0 && fi.median_price_eur) ++families_with_prices;
        }
        EXPECT_EQ(t.subtype_prices.size(), by_subtype.size());
        for (const auto& [subtype, prices] : by_subtype) {
            ASSERT_EQ(t.subtype_prices.count(subtype), 1U) << subtype;
            EXPECT_EQ(t.subtype_prices.at(subtype).median_price_eur, *median_of(prices)) << subtype;
        }
    }
    EXPECT_GE(families_with_prices, 4);  // heritage, gastronomy, outdoor, accommodation… are priced in 37

    // Against the competitors: the mean of their medians, and our ratio.
    for (const auto& c : bench->families) {
        std::vector<double> theirs;
        for (std::size_t d = 1; d < deps.size(); ++d)
            if (const auto& m = bench->territories[d].families[static_cast<std::size_t>(c.family)].median_price_eur)
                theirs.push_back(*m);
        const auto& ours = bench->territories[0].families[static_cast<std::size_t>(c.family)].median_price_eur;
        if (theirs.empty()) {
            EXPECT_FALSE(c.competitors_median_price_eur);
            continue;
        }
        double mean = 0.0;
        for (double m : theirs) mean += m / static_cast<double>(theirs.size());
        ASSERT_TRUE(c.competitors_median_price_eur);
        EXPECT_NEAR(*c.competitors_median_price_eur, mean, 1e-9);
        EXPECT_EQ(c.price_ratio.has_value(), ours.has_value() && mean > 0.0);
        if (c.price_ratio) {
            EXPECT_NEAR(*c.price_ratio, *ours / mean, 1e-12);
        }
        std::cout << geo::family_id(c.family) << ": 37 " << (ours ? std::to_string(*ours) : "-") << " EUR, competitors "
                  << mean << " EUR\n";
    }
    EXPECT_FALSE(bench->subtype_prices.empty());
}

}  // namespace
