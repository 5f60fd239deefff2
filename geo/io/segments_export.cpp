#include "geo/io/segments_export.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "geo/io/audience_presets.hpp"
#include "geo/io/gap_defaults.hpp"
#include "geo/store/catalogue.hpp"

namespace geo {

Result<std::vector<SegmentAudience>> all_audiences(const Catalogue& catalogue) {
    auto presets = load_audience_presets();
    if (!presets) return tl::unexpected(presets.error());
    std::vector<SegmentAudience> out;
    std::set<std::string> ids;
    for (Audience& a : *presets) {
        ids.insert(a.id);
        out.push_back({std::move(a), "preset"});
    }
    auto saved = catalogue.audience_ids();
    if (!saved) return tl::unexpected(saved.error());
    for (const std::string& id : *saved) {
        if (ids.count(id) != 0) continue;
        auto text = catalogue.audience_json(id);
        if (!text) return tl::unexpected(text.error());
        if (!text->has_value()) continue;
        auto a = audience_from_json(**text, catalogue.path() + ": audience " + id);
        if (!a) return tl::unexpected(a.error());
        out.push_back({std::move(*a), "catalogue"});
    }
    std::stable_sort(out.begin(), out.end(), [](const SegmentAudience& a, const SegmentAudience& b) {
        return a.audience.priority < b.audience.priority;
    });
    return out;
}

Result<SegmentParams> segment_defaults() {
    auto defaults = load_gap_defaults();
    if (!defaults) return tl::unexpected(defaults.error());
    SegmentParams params;
    params.level = defaults->level;
    params.gaps.cell_m = defaults->cell_m;
    params.gaps.acceptable_m = defaults->acceptable_m;
    return params;
}

TextTable segments_csv_table(const SegmentsResult& result) {
    TextTable table;
    table.header = {"rank",
                    "audience",
                    "name_fr",
                    "name_en",
                    "origin",
                    "priority",
                    "score",
                    "our_fit_per_km2",
                    "competitors_fit_per_km2",
                    "fit_ratio",
                    "perimeter_area_km2",
                    "perimeter_share_inside",
                    "label_share",
                    "gap_share",
                    "gap_zones",
                    "months_covered",
                    "season_months",
                    "text_fr",
                    "text_en"};
    for (const SegmentScore& s : result.segments)
        table.rows.push_back({std::to_string(s.rank), s.audience_id, s.name_fr, s.name_en, s.origin,
                              std::to_string(s.priority), csv_number(s.score, 4), csv_number(s.our_fit_per_km2, 4),
                              csv_number(s.competitors_fit_per_km2, 4), csv_number(s.fit_ratio, 4),
                              csv_number(s.perimeter_area_km2, 3), csv_number(s.perimeter_share_inside, 4),
                              csv_number(s.label_share, 4), csv_number(s.gap_share, 4), std::to_string(s.gap_zones),
                              std::to_string(s.months_covered), std::to_string(s.season_months), s.text_fr, s.text_en});
    return table;
}

nlohmann::json segments_to_json(const SegmentsResult& result) {
    nlohmann::json j;
    j["metric_crs"] = result.metric_crs;
    j["territory"] = result.territory;
    j["competitors"] = result.competitors;
    j["level"] = result.level;
    j["segments"] = nlohmann::json::array();
    for (const SegmentScore& s : result.segments) {
        nlohmann::json months = nlohmann::json::array();
        for (double m : s.month_open_share) months.push_back(json_number(m, 4));
        j["segments"].push_back({{"rank", s.rank},
                                 {"audience", s.audience_id},
                                 {"name_fr", s.name_fr},
                                 {"name_en", s.name_en},
                                 {"origin", s.origin},
                                 {"priority", s.priority},
                                 {"score", json_number(s.score, 4)},
                                 {"our_fit_per_km2", json_number(s.our_fit_per_km2, 4)},
                                 {"competitors_fit_per_km2", json_number(s.competitors_fit_per_km2, 4)},
                                 {"fit_ratio", json_number(s.fit_ratio, 4)},
                                 {"perimeter_area_km2", json_number(s.perimeter_area_km2, 3)},
                                 {"perimeter_share_inside", json_number(s.perimeter_share_inside, 4)},
                                 {"label_share", json_number(s.label_share, 4)},
                                 {"gap_share", json_number(s.gap_share, 4)},
                                 {"gap_cells", s.gap_cells},
                                 {"perimeter_cells", s.perimeter_cells},
                                 {"gap_zones", s.gap_zones},
                                 {"month_open_share", months},
                                 {"months_covered", s.months_covered},
                                 {"season_months", s.season_months},
                                 {"text_fr", s.text_fr},
                                 {"text_en", s.text_en},
                                 {"reasons_fr", s.reasons_fr},
                                 {"reasons_en", s.reasons_en}});
    }
    return j;
}

std::string segments_text_table(const SegmentsResult& result) {
    std::string out = fmt::format("{:>4}  {:<18} {:>7} {:>9} {:>8} {:>7} {:>6} {:>7}\n", "rank", "audience", "score",
                                  "fit_ratio", "inside", "labels", "gaps", "months");
    for (const SegmentScore& s : result.segments)
        out += fmt::format("{:>4}  {:<18} {:>7.3f} {:>9} {:>7.0f}% {:>6.0f}% {:>5.0f}% {:>4}/{}\n", s.rank,
                           s.audience_id, s.score, s.fit_ratio ? fmt::format("{:.2f}", *s.fit_ratio) : "—",
                           s.perimeter_share_inside * 100.0, s.label_share * 100.0, s.gap_share * 100.0,
                           s.months_covered, s.season_months);
    for (const SegmentScore& s : result.segments) {
        out += fmt::format("{}. {}\n   {}\n", s.rank, s.text_fr, s.text_en);
        for (std::size_t r = 1; r < s.reasons_fr.size(); ++r)
            out += fmt::format("   {}  |  {}\n", s.reasons_fr[r], s.reasons_en[r]);
    }
    return out;
}

Result<std::int64_t> write_segments(const std::string& path, const SegmentsResult& result,
                                    const nlohmann::json& provenance, const CsvOptions& csv) {
    const std::string ext = lower_extension(path);
    if (ext == ".csv") return write_csv_table(path, segments_csv_table(result), csv);
    if (ext == ".json") {
        nlohmann::json doc = segments_to_json(result);
        doc["provenance"] = provenance;
        if (auto ok = write_json_file(path, doc); !ok) return tl::unexpected(ok.error());
        return 1;
    }
    return fail_fmt("{}: unknown extension \"{}\", expected .csv or .json", path, ext);
}

}  // namespace geo
