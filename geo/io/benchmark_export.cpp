#include "geo/io/benchmark_export.hpp"

#include <fmt/format.h>

namespace geo {
namespace {

const char* role(const TerritoryIndicators& t) {
    return t.ours ? "ours" : "competitor";
}

nlohmann::json territory_header(const TerritoryIndicators& t) {
    return {{"name", t.territory.name},
            {"code", t.territory.code},
            {"level", territory_level_id(t.territory.level)},
            {"role", role(t)},
            {"area_km2", json_number(t.area_km2, 3)},
            {"item_count", t.item_count},
            {"audience_fit_per_km2", json_number(t.audience_fit_per_km2, 4)}};
}

nlohmann::json family_json(const FamilyIndicators& f) {
    return {{"count", f.item_count},
            {"density_per_100km2", json_number(f.density_per_100km2, 4)},
            {"labelled_share", json_number(f.labelled_share, 4)},
            {"diversity", json_number(f.diversity_shannon, 4)},
            {"audience_fit_per_km2", json_number(f.audience_fit_per_km2, 4)},
            {"density_ratio", json_number(f.density_ratio, 4)},
            {"priced_count", f.priced_count},
            {"median_price_eur", json_number(f.median_price_eur, 2)}};
}

nlohmann::json statements_json(const std::vector<BenchmarkStatement>& list) {
    nlohmann::json out = nlohmann::json::array();
    for (const BenchmarkStatement& s : list)
        out.push_back({{"family", family_id(s.family)},
                       {"ratio", json_number(s.ratio, 4)},
                       {"fr", s.text_fr},
                       {"en", s.text_en}});
    return out;
}

nlohmann::json sentences_json(const BenchmarkResult& r) {
    return {{"strengths", statements_json(r.strengths)},
            {"weaknesses", statements_json(r.weaknesses)},
            {"competitive_gaps", statements_json(r.competitive_gaps)}};
}

}  // namespace

std::vector<GeoJsonFeature> benchmark_features(const BenchmarkResult& result) {
    std::vector<GeoJsonFeature> out;
    for (const TerritoryIndicators& t : result.territories) {
        GeoJsonFeature feature;
        feature.geometry = t.territory.geometry;
        feature.properties = territory_header(t);
        for (Family f : kAllFamilies) {
            const std::string id(family_id(f));
            const nlohmann::json values = family_json(t.families[static_cast<std::size_t>(f)]);
            for (const auto& [key, value] : values.items()) feature.properties[id + "_" + key] = value;
        }
        out.push_back(std::move(feature));
    }
    return out;
}

TextTable benchmark_csv_table(const BenchmarkResult& result) {
    TextTable table;
    table.header = {"territory",
                    "code",
                    "level",
                    "role",
                    "area_km2",
                    "family",
                    "family_fr",
                    "family_en",
                    "audience_weight",
                    "item_count",
                    "density_per_100km2",
                    "labelled_share",
                    "diversity_shannon",
                    "audience_fit_per_km2",
                    "density_ratio",
                    "competitors_mean_density_per_100km2",
                    "competitive_gap",
                    "priced_count",
                    "median_price_eur",
                    "competitors_median_price_eur",
                    "price_ratio"};
    for (const TerritoryIndicators& t : result.territories)
        for (Family f : kAllFamilies) {
            const auto k = static_cast<std::size_t>(f);
            const FamilyIndicators& fi = t.families[k];
            const FamilyComparison& c = result.families[k];
            table.rows.push_back({t.territory.name,
                                  t.territory.code,
                                  std::string(territory_level_id(t.territory.level)),
                                  role(t),
                                  csv_number(t.area_km2, 3),
                                  std::string(family_id(f)),
                                  std::string(family_name_fr(f)),
                                  std::string(family_name_en(f)),
                                  csv_number(c.audience_weight, 3),
                                  std::to_string(fi.item_count),
                                  csv_number(fi.density_per_100km2, 4),
                                  csv_number(fi.labelled_share, 4),
                                  csv_number(fi.diversity_shannon, 4),
                                  csv_number(fi.audience_fit_per_km2, 4),
                                  fi.density_ratio ? csv_number(*fi.density_ratio, 4) : "",
                                  csv_number(c.competitors_mean_density_per_100km2, 4),
                                  t.ours ? (c.competitive_gap ? "true" : "false") : "",
                                  std::to_string(fi.priced_count),
                                  csv_number(fi.median_price_eur, 2),
                                  csv_number(c.competitors_median_price_eur, 2),
                                  t.ours ? csv_number(c.price_ratio, 4) : ""});
        }
    return table;
}

nlohmann::json benchmark_to_json(const BenchmarkResult& result) {
    nlohmann::json j;
    j["metric_crs"] = result.metric_crs;
    j["audience"] = result.audience_id;
    j["territories"] = nlohmann::json::array();
    for (const TerritoryIndicators& t : result.territories) {
        nlohmann::json tj = territory_header(t);
        for (Family f : kAllFamilies)
            tj["families"][family_id(f)] = family_json(t.families[static_cast<std::size_t>(f)]);
        tj["subtype_prices"] = nlohmann::json::object();
        for (const auto& [id, p] : t.subtype_prices)
            tj["subtype_prices"][id] = {{"family", family_id(p.family)},
                                        {"priced_count", p.priced_count},
                                        {"median_price_eur", json_number(p.median_price_eur, 2)}};
        j["territories"].push_back(std::move(tj));
    }
    for (const FamilyComparison& c : result.families)
        j["comparison"][family_id(c.family)] = {
            {"audience_weight", json_number(c.audience_weight, 3)},
            {"our_density_per_100km2", json_number(c.our_density_per_100km2, 4)},
            {"competitors_mean_density_per_100km2", json_number(c.competitors_mean_density_per_100km2, 4)},
            {"ratio", json_number(c.ratio, 4)},
            {"fit_ratio", json_number(c.fit_ratio, 4)},
            {"competitors_ahead", c.competitors_ahead},
            {"competitive_gap", c.competitive_gap},
            {"competitors_median_price_eur", json_number(c.competitors_median_price_eur, 2)},
            {"price_ratio", json_number(c.price_ratio, 4)}};
    j["subtype_prices"] = nlohmann::json::array();
    for (const SubtypePriceComparison& c : result.subtype_prices)
        j["subtype_prices"].push_back({{"subtype", c.subtype},
                                       {"family", family_id(c.family)},
                                       {"our_median_price_eur", json_number(c.our_median_price_eur, 2)},
                                       {"competitors_median_price_eur", json_number(c.competitors_median_price_eur, 2)},
                                       {"price_ratio", json_number(c.price_ratio, 4)}});
    j.update(sentences_json(result));
    return j;
}

Result<std::int64_t> write_benchmark(const std::string& path, const BenchmarkResult& result,
                                     const nlohmann::json& provenance, const CsvOptions& csv) {
    const std::string ext = lower_extension(path);
    if (ext == ".csv") return write_csv_table(path, benchmark_csv_table(result), csv);
    if (ext == ".json") {
        nlohmann::json doc = benchmark_to_json(result);
        doc["provenance"] = provenance;
        if (auto ok = write_json_file(path, doc); !ok) return tl::unexpected(ok.error());
        return 1;
    }
    if (ext == ".geojson") {
        GeoJsonOptions options;
        options.layer_name = "benchmark";
        options.metadata = provenance;
        options.metadata["sentences"] = sentences_json(result);
        return write_geojson(path, benchmark_features(result), options);
    }
    return fail_fmt("{}: unknown extension \"{}\", expected .geojson, .csv or .json", path, ext);
}

}  // namespace geo
