#include "geo/io/report_document.hpp"

#include <fmt/format.h>

#include "geo/io/provenance.hpp"
#include "geo/io/report_sections.hpp"

namespace geo {
namespace {

using report_detail::Doc;

void cover(Doc& d, const DestinationReport& r) {
    d.add(ReportBlockKind::kicker, d.t("Contrat de destination", "Destination contract"));
    d.add(ReportBlockKind::title, r.cover.destination);
    if (!r.cover.slogan.empty()) d.add(ReportBlockKind::slogan, r.cover.slogan);
    if (!r.cover.promise.empty())
        d.add(ReportBlockKind::paragraph,
              fmt::format("{} {}", d.t("Notre promesse :", "Our promise:"), r.cover.promise));
    std::vector<std::string> competitors;
    for (const Territory& t : r.competitors) competitors.push_back(t.name);
    std::vector<std::string> targets;
    for (const ReportTarget& t : r.targets) targets.push_back(d.audience_name(t.audience));
    d.bullets({
        fmt::format("{} {}", d.t("Notre territoire :", "Our territory:"), r.ours.name),
        fmt::format("{} {}", d.t("Territoires concurrents :", "Competing territories:"), fmt::join(competitors, ", ")),
        fmt::format("{} {}", d.t("Cibles détaillées :", "Targets in detail:"), fmt::join(targets, ", ")),
        fmt::format("{} {} · {} {}", d.t("Catalogue :", "Catalogue:"), r.catalogue_name, d.t("édité le", "issued on"),
                    r.date),
    });
    d.add(ReportBlockKind::page_break);
}

void ranked_targets(Doc& d, const DestinationReport& r) {
    d.add(ReportBlockKind::heading, d.titles[1]);
    d.add(ReportBlockKind::paragraph,
          d.t("Chaque cible est notée sur la même offre : l'adéquation de notre offre (offre pondérée par km²) "
              "rapportée à la moyenne des concurrents, réduite par les manques dans son périmètre, et pondérée par la "
              "part de son périmètre chez nous, la part labellisée et les mois de sa saison couverts.",
              "Every target is scored on the same offer: our offer's fit (audience-weighted offer per km²) over the "
              "competitors' mean, cut by the gaps inside its perimeter, and weighted by the share of its perimeter "
              "inside our territory, the labelled share and the months of its season covered."));
    ReportTable table;
    table.header = {d.t("Rang", "Rank"),
                    d.t("Cible", "Target"),
                    d.t("Score", "Score"),
                    d.t("Adéquation chez nous (/km²)", "Our fit (/km²)"),
                    d.t("Concurrents (/km²)", "Competitors (/km²)"),
                    d.t("Rapport", "Ratio"),
                    d.t("Périmètre chez nous", "Perimeter inside"),
                    d.t("Labellisé", "Labelled"),
                    d.t("Manques", "Gaps"),
                    d.t("Mois de saison", "Season months")};
    table.numeric = {true, false, true, true, true, true, true, true, true, true};
    for (const SegmentScore& s : r.segments.segments)
        table.rows.push_back({std::to_string(s.rank), d.lang == ReportLanguage::fr ? s.name_fr : s.name_en,
                              d.num(s.score, 2), d.num(s.our_fit_per_km2, 2), d.num(s.competitors_fit_per_km2, 2),
                              s.fit_ratio ? d.num(*s.fit_ratio, 2) : "—", d.percent(s.perimeter_share_inside),
                              d.percent(s.label_share), d.percent(s.gap_share),
                              fmt::format("{}/{}", s.months_covered, s.season_months)});
    d.table(std::move(table));
    d.figure(segment_bars_figure(r.segments, d.lang, 170.0));
    std::vector<std::string> reasons;
    for (const SegmentScore& s : r.segments.segments) {
        const auto& list = d.lang == ReportLanguage::fr ? s.reasons_fr : s.reasons_en;
        reasons.push_back(fmt::format("{}. {}", s.rank, fmt::join(list, ". ")));
    }
    d.bullets(std::move(reasons));
    d.add(ReportBlockKind::page_break);
}

void sources(Doc& d, const DestinationReport& r, const std::vector<SourceInfo>& all_sources) {
    d.add(ReportBlockKind::heading, d.titles[3]);
    ReportTable table;
    table.header = {d.t("Source", "Source"), d.t("Type", "Kind"), d.t("Licence", "Licence"),
                    d.t("Attribution", "Attribution"), d.t("Importée le", "Imported on")};
    table.numeric = {false, false, false, false, false};
    std::set<std::string> listed;
    for (const SourceInfo& s : all_sources)
        if (r.used_sources.count(s.key) != 0) {
            table.rows.push_back({s.key, s.kind, s.licence, s.attribution, s.imported_at.substr(0, 10)});
            listed.insert(s.key);
        }
    for (const std::string& key : r.used_sources)
        if (listed.count(key) == 0) table.rows.push_back({key, "—", "—", "—", "—"});
    d.table(std::move(table));
    std::vector<std::string> params = {
        fmt::format(
            "{} {} %",
            d.t("Niveau des périmètres (part de l'offre pondérée) :", "Perimeter level (share of the weighted offer):"),
            d.num(100.0 * r.segments.level, 0)),
        fmt::format("{} {}", d.t("Noyau :", "Kernel:"), kernel_id(r.perimeter_params.kernel)),
    };
    for (const ReportTarget& t : r.targets)
        params.push_back(fmt::format("{} {} : σ = {} km ({})", d.t("Largeur de bande,", "Bandwidth,"),
                                     d.audience_name(t.audience), d.num(t.sigma_m / 1000.0, 2), t.bandwidth_selector));
    params.push_back(
        fmt::format("{} {} km", d.t("Maille des manques :", "Gap cell:"), d.num(r.gap_params.cell_m / 1000.0, 1)));
    params.push_back(
        fmt::format("{} {}", d.t("CRS métrique des surfaces :", "Metric CRS of the areas:"), r.segments.metric_crs));
    params.push_back(fmt::format("{} {}", d.t("Score :", "Score:"),
                                 "fit_index × (1 − gap_share) × (0.5 + 0.5 share_inside) × (0.5 + 0.5 label_share) × "
                                 "(0.5 + 0.5 months_covered / season_months)"));
    params.push_back(fmt::format("{} {} · {}", d.t("Produit par", "Made by"), provenance_generator("report"), r.date));
    d.add(ReportBlockKind::subheading, d.t("Paramètres", "Parameters"));
    d.bullets(std::move(params));
}

}  // namespace

std::vector<std::string> report_section_titles(ReportLanguage lang) {
    return report_detail::section_titles(lang);
}

std::optional<ReportLanguage> report_language_from_text(std::string_view text) {
    if (text == "fr") return ReportLanguage::fr;
    if (text == "en") return ReportLanguage::en;
    return std::nullopt;
}

ReportDocument build_report_document(const DestinationReport& report, const std::vector<SourceInfo>& all_sources,
                                     const Taxonomy* taxonomy, ReportLanguage lang) {
    Doc d(lang, taxonomy);
    d.doc.title =
        fmt::format("{} — {}", d.t("Contrat de destination", "Destination contract"), report.cover.destination);
    d.doc.footer = fmt::format("{} · {}", report.cover.destination, report.date);
    cover(d, report);
    ranked_targets(d, report);
    for (std::size_t i = 0; i < report.targets.size(); ++i) report_detail::target_section(d, report, i);
    report_detail::actors_section(d, report);
    sources(d, report, all_sources);
    return std::move(d.doc);
}

}  // namespace geo
