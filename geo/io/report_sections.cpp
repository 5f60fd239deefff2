#include "geo/io/report_sections.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace geo::report_detail {
namespace {

std::string level_name(TerritoryLevel level, ReportLanguage lang) {
    const bool fr = lang == ReportLanguage::fr;
    switch (level) {
        case TerritoryLevel::commune:
            return fr ? "Communes" : "Communes";
        case TerritoryLevel::epci:
            return fr ? "Intercommunalités (EPCI)" : "Intercommunalities (EPCI)";
        case TerritoryLevel::departement:
            return fr ? "Départements" : "Départements";
        case TerritoryLevel::region:
            return fr ? "Régions" : "Regions";
        case TerritoryLevel::destination:
            return fr ? "Destinations" : "Destinations";
        case TerritoryLevel::competitor:
            return fr ? "Territoires concurrents" : "Competing territories";
        case TerritoryLevel::reference:
            break;
    }
    return fr ? "Zones de référence" : "Reference areas";
}

std::string producer_name(const Doc& d, const std::string& name) {
    return name.empty() ? d.t("(producteur non nommé)", "(producer not named)") : name;
}

void perimeter_part(Doc& d, const DestinationReport& r, const ReportTarget& t) {
    d.add(ReportBlockKind::subheading, d.titles[4]);
    d.figure(perimeter_map_figure(r, t, d.lang, 170.0, 120.0));
    const bool quartic = r.perimeter_params.kernel == Kernel::quartic;
    const bool fr = d.lang == ReportLanguage::fr;
    const std::string kernel =
        fr ? (quartic ? "noyau quartique" : "noyau gaussien") : (quartic ? "quartic kernel" : "Gaussian kernel");
    const std::string radius =
        quartic ? fmt::format(", {} {} km", d.t("rayon", "radius"), d.num(t.bandwidth_m / 1000.0, 1)) : "";
    const int parts = t.perimeter.components;
    const std::string level =
        fr ? d.num(100.0 * t.perimeter.level, 0) + " %" : d.num(100.0 * t.perimeter.level, 0) + "%";
    d.add(ReportBlockKind::caption,
          fr ? fmt::format("À {} de l'offre pondérée : {} km², {} {} ; {}, σ = {} km{} ({}).", level,
                           d.num(t.perimeter.area_km2, 0), parts, parts > 1 ? "parties" : "partie", kernel,
                           d.num(t.sigma_m / 1000.0, 1), radius, t.bandwidth_selector)
             : fmt::format("At {} of the weighted offer: {} km², {} {}; {}, σ = {} km{} ({}).", level,
                           d.num(t.perimeter.area_km2, 0), parts, parts > 1 ? "parts" : "part", kernel,
                           d.num(t.sigma_m / 1000.0, 1), radius, t.bandwidth_selector));
}

void key_figures_part(Doc& d, const ReportTarget& t) {
    d.add(ReportBlockKind::subheading, d.titles[5]);
    const SegmentScore& s = t.segment;
    ReportTable table;
    table.header = {d.t("Indicateur", "Indicator"), d.t("Valeur", "Value")};
    table.numeric = {false, true};
    table.rows = {
        {d.t("Surface du périmètre", "Perimeter area"), d.num(t.perimeter.area_km2, 0) + " km²"},
        {d.t("Parties", "Parts"), std::to_string(t.perimeter.components)},
        {d.t("Éléments de l'offre à l'intérieur", "Offer items inside"), d.num(double(t.stats.items_inside), 0)},
        {d.t("dont pondérés pour la cible", "of which weighted for the target"),
         d.num(double(t.stats.weighted_items_inside), 0)},
        {d.t("Part de l'offre pondérée à l'intérieur", "Share of the weighted offer inside"),
         d.percent(t.stats.captured_offer_share)},
        {d.t("Part du périmètre chez nous", "Share of the perimeter in our territory"),
         d.percent(s.perimeter_share_inside)},
        {d.t("Adéquation chez nous (/km²)", "Our fit (/km²)"), d.num(s.our_fit_per_km2, 2)},
        {d.t("Adéquation des concurrents (/km²)", "Competitors' fit (/km²)"), d.num(s.competitors_fit_per_km2, 2)},
        {d.t("Offre labellisée", "Labelled offer"), d.percent(s.label_share)},
        {d.t("Mois de saison couverts", "Season months covered"),
         fmt::format("{}/{}", s.months_covered, s.season_months)},
        {d.t("Zones de manque", "Gap zones"), std::to_string(t.gap_zone_count)},
        {d.t("Score (rang)", "Score (rank)"), fmt::format("{} ({})", d.num(s.score, 2), s.rank)},
    };
    d.table(std::move(table));
    std::vector<std::string> partners;
    for (const BorderLevelSummary& level : t.actors.territory_levels) {
        if (level.units_crossed == 0) continue;
        std::vector<std::string> names;
        for (const BorderUnit& u : t.actors.territories)
            if (u.level == level.level && names.size() < 6) names.push_back(u.name);
        const bool listed = level.level != TerritoryLevel::commune;
        partners.push_back(fmt::format("{} : {}{}", level_name(level.level, d.lang), level.units_crossed,
                                       listed ? fmt::format(" ({})", fmt::join(names, ", ")) : ""));
    }
    std::vector<std::string> producers;
    for (std::size_t i = 0; i < t.actors.producers.size() && i < 3; ++i)
        producers.push_back(
            fmt::format("{} ({})", producer_name(d, t.actors.producers[i].name), t.actors.producers[i].item_count));
    if (!producers.empty())
        partners.push_back(fmt::format("{} {} — {}", t.producer_count,
                                       d.t("producteurs des données", "producers of the records"),
                                       fmt::join(producers, ", ")));
    d.bullets(std::move(partners));
}

void strengths_part(Doc& d, const ReportTarget& t) {
    d.add(ReportBlockKind::subheading, d.titles[6]);
    d.figure(radar_figure(t.benchmark, d.lang, 80.0));
    std::vector<std::string> statements;
    const auto add = [&](const std::vector<BenchmarkStatement>& list, std::string_view fr, std::string_view en) {
        for (const BenchmarkStatement& s : list)
            statements.push_back(
                fmt::format("{} {}", d.t(fr, en), d.lang == ReportLanguage::fr ? s.text_fr : s.text_en));
    };
    add(t.benchmark.strengths, "Force :", "Strength:");
    add(t.benchmark.weaknesses, "Faiblesse :", "Weakness:");
    add(t.benchmark.competitive_gaps, "Manque face aux concurrents :", "Gap against the competitors:");
    if (statements.empty())
        statements.push_back(d.t("Ni force ni faiblesse marquée face aux concurrents.",
                                 "No marked strength or weakness against the competitors."));
    d.bullets(std::move(statements));
    ReportTable table;
    table.header = {d.t("Famille", "Family"),
                    d.t("Poids de la cible", "Target's weight"),
                    d.t("Densité chez nous (/100 km²)", "Our density (/100 km²)"),
                    d.t("Concurrents (/100 km²)", "Competitors (/100 km²)"),
                    d.t("Rapport", "Ratio"),
                    d.t("Prix médian chez nous", "Our median price"),
                    d.t("Concurrents", "Competitors")};
    table.numeric = {false, true, true, true, true, true, true};
    const auto price = [&](std::optional<double> eur) { return eur ? d.num(*eur, 0) + " €" : std::string("—"); };
    for (const FamilyComparison& fc : t.benchmark.families) {
        const auto& ours =
            t.benchmark.territories.empty()
                ? std::optional<double>{}
                : t.benchmark.territories[0].families[static_cast<std::size_t>(fc.family)].median_price_eur;
        table.rows.push_back({d.family(fc.family), d.num(fc.audience_weight, 2), d.num(fc.our_density_per_100km2, 1),
                              d.num(fc.competitors_mean_density_per_100km2, 1), fc.ratio ? d.num(*fc.ratio, 2) : "—",
                              price(ours), price(fc.competitors_median_price_eur)});
    }
    d.table(std::move(table));
}

void gaps_part(Doc& d, const DestinationReport& r, const ReportTarget& t) {
    d.add(ReportBlockKind::subheading, d.titles[7]);
    if (t.gap_zones.empty()) {
        d.add(ReportBlockKind::paragraph,
              d.t("Aucune zone de manque dans le périmètre.", "No gap zone inside the perimeter."));
        return;
    }
    d.figure(gaps_map_figure(r, t, d.lang, 170.0, 110.0));
    ReportTable table;
    table.header = {d.t("N°", "No."),          d.t("Famille manquante", "Missing family"),
                    d.t("Commune", "Commune"), d.t("Surface (km²)", "Area (km²)"),
                    d.t("Score", "Score"),     d.t("Distance moyenne (km)", "Mean distance (km)")};
    table.numeric = {true, false, false, true, true, true};
    for (std::size_t z = 0; z < t.gap_zones.size(); ++z) {
        const GapZone& g = t.gap_zones[z];
        table.rows.push_back({std::to_string(z + 1), d.family(g.family), g.commune_name.empty() ? "—" : g.commune_name,
                              d.num(g.area_km2, 0), d.num(g.score, 2), d.num(g.mean_distance_m / 1000.0, 1)});
    }
    d.table(std::move(table));
    if (t.gap_zone_count > t.gap_zones.size())
        d.add(ReportBlockKind::caption, fmt::format("{} {} {}", t.gap_zones.size(),
                                                    d.t("premières zones sur", "first zones of"), t.gap_zone_count));
}

}  // namespace

std::vector<std::string> section_titles(ReportLanguage lang) {
    if (lang == ReportLanguage::fr)
        return {"Contrat de destination",
                "1. Cibles classées",
                "3. Acteurs à fédérer",
                "4. Sources, licences et paramètres",
                "Périmètre de destination",
                "Chiffres clés et partenaires",
                "Forces et faiblesses face aux concurrents",
                "Principaux manques de l'offre"};
    return {"Destination contract",
            "1. Ranked targets",
            "3. Actors to federate",
            "4. Sources, licences and parameters",
            "Destination perimeter",
            "Key figures and partners",
            "Strengths and weaknesses against competitors",
            "Top offer gaps"};
}

std::string Doc::label(const std::string& id) const {
    if (taxonomy != nullptr)
        if (const LabelInfo* info = taxonomy->label(id))
            return lang == ReportLanguage::fr ? info->name_fr : info->name_en;
    return id;
}

void target_section(Doc& d, const DestinationReport& r, std::size_t index) {
    const ReportTarget& t = r.targets[index];
    d.add(ReportBlockKind::heading,
          fmt::format("2.{} {} — {} {} {} {}", index + 1, d.audience_name(t.audience), d.t("rang", "rank"),
                      t.segment.rank, d.t("sur", "of"), r.segments.segments.size()));
    const std::string& description =
        d.lang == ReportLanguage::fr ? t.audience.description_fr : t.audience.description_en;
    if (!description.empty()) d.add(ReportBlockKind::paragraph, description);
    perimeter_part(d, r, t);
    key_figures_part(d, t);
    strengths_part(d, t);
    gaps_part(d, r, t);
    d.add(ReportBlockKind::page_break);
}

void actors_section(Doc& d, const DestinationReport& r) {
    d.add(ReportBlockKind::heading, d.titles[2]);
    d.add(ReportBlockKind::paragraph,
          d.t("Dans le périmètre de chaque cible : les territoires à associer, les producteurs des données et les "
              "opérateurs labellisés, à réunir autour de la marque.",
              "Inside each target's perimeter: the territories to involve, the producers of the records and the "
              "labelled operators, to bring together around the brand."));
    for (const ReportTarget& t : r.targets) {
        d.add(ReportBlockKind::subheading, d.audience_name(t.audience));
        ReportTable territories;
        territories.header = {d.t("Niveau", "Level"), d.t("Territoire", "Territory"),
                              d.t("Surface dans le périmètre (km²)", "Area inside the perimeter (km²)"),
                              d.t("Part du périmètre", "Share of the perimeter")};
        territories.numeric = {false, false, true, true};
        std::size_t communes = 0;
        for (bool commune_level : {false, true})  // the larger territories first
            for (const BorderUnit& u : t.actors.territories) {
                if ((u.level == TerritoryLevel::commune) != commune_level) continue;
                if (commune_level && ++communes > 10) continue;
                territories.rows.push_back({level_name(u.level, d.lang), u.name, d.num(u.intersection_km2, 0),
                                            d.percent(u.share_of_perimeter)});
            }
        d.table(std::move(territories));
        if (communes > 10)
            d.add(ReportBlockKind::caption,
                  fmt::format("{} {} {}", d.t("Les 10 premières communes sur", "The first 10 communes of"), communes,
                              d.t("(liste complète : territoire actors)", "(full list: territoire actors)")));
        ReportTable producers;
        producers.header = {d.t("Producteur des données", "Producer of the records"),
                            d.t("Fiches à l'intérieur", "Records inside"),
                            d.t("dont pour la cible", "of which for the target")};
        producers.numeric = {false, true, true};
        for (const ProducerActor& p : t.actors.producers)
            producers.rows.push_back(
                {producer_name(d, p.name), std::to_string(p.item_count), std::to_string(p.weighted_item_count)});
        if (!producers.rows.empty()) d.table(std::move(producers));
        ReportTable labelled;
        labelled.header = {d.t("Famille", "Family"), d.t("Label", "Label"),
                           d.t("Opérateurs labellisés (fiches)", "Labelled operators (records)"),
                           d.t("dont pour la cible", "of which for the target")};
        labelled.numeric = {false, false, true, true};
        for (const LabelledOperators& l : t.actors.labelled)
            labelled.rows.push_back({d.family(l.family), d.label(l.label), std::to_string(l.items.size()),
                                     std::to_string(l.weighted_item_count)});
        if (!labelled.rows.empty()) d.table(std::move(labelled));
    }
    d.add(ReportBlockKind::page_break);
}

}  // namespace geo::report_detail
