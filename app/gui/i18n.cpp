#include "app/gui/i18n.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "geo/core/taxonomy.hpp"

namespace app::gui {
namespace {

struct Entry {
    Text key;
    const char* fr;
    const char* en;
};

// In the order of the Text enum (checked by i18n_test).
constexpr Entry kTable[] = {
    {Text::app_title, "Territoire — carte de l'offre", "Territoire — offer map"},
    {Text::menu_file, "Fichier", "File"},
    {Text::menu_open_catalogue, "Ouvrir un catalogue…", "Open catalogue…"},
    {Text::menu_import, "Importer…", "Import…"},
    {Text::menu_export, "Exporter…", "Export…"},
    {Text::menu_snapshot, "Enregistrer la carte en PNG…", "Save map as PNG…"},
    {Text::menu_quit, "Quitter", "Quit"},
    {Text::menu_view, "Affichage", "View"},
    {Text::menu_fit_data, "Tout afficher", "Fit to data"},
    {Text::menu_fit_selection, "Centrer sur la sélection", "Fit to selection"},
    {Text::menu_panels_left, "Panneau couches et cible", "Layers and audience panel"},
    {Text::menu_panels_right, "Panneau catalogue et détails", "Catalogue and details panel"},
    {Text::menu_language, "Langue", "Language"},
    {Text::menu_help, "Aide", "Help"},
    {Text::shortcuts_title, "Raccourcis clavier et souris", "Keyboard and mouse shortcuts"},
    {Text::shortcut_help, "Cette liste", "This list"},
    {Text::shortcut_open_project, "Ouvrir un projet", "Open a project"},
    {Text::shortcut_save_project, "Enregistrer le projet", "Save the project"},
    {Text::shortcut_search, "Chercher une commune, un lieu, un élément", "Search a commune, place or item"},
    {Text::shortcut_zoom_keys, "Zoomer, dézoomer", "Zoom in, zoom out"},
    {Text::shortcut_pan_keys, "Déplacer la carte", "Pan the map"},
    {Text::shortcut_wheel, "Zoomer autour du pointeur", "Zoom around the pointer"},
    {Text::shortcut_drag, "Déplacer la carte", "Pan the map"},
    {Text::shortcut_double_click, "Zoomer sur le point cliqué", "Zoom in on the point clicked"},
    {Text::shortcut_click, "Sélectionner un élément ou une zone de manque", "Select an item or a gap zone"},
    {Text::shortcut_escape, "Fermer le menu ou la fenêtre", "Close the menu or dialog"},
    {Text::shortcut_enter, "Valider la fenêtre", "Confirm the dialog"},
    {Text::close, "Fermer", "Close"},
    {Text::panel_layers, "Couches", "Layers"},
    {Text::layer_items, "Éléments d'offre", "Offer items"},
    {Text::layer_perimeters, "Périmètre de destination", "Destination perimeter"},
    {Text::layer_territories, "Territoires", "Territories"},
    {Text::layer_density, "Densité de l'offre", "Offer density"},
    {Text::layer_gaps, "Manques d'offre", "Offer gaps"},
    {Text::layer_places, "Noms de lieux", "Place names"},
    {Text::layer_context, "Fond", "Context"},
    {Text::layer_basemap, "Fond de carte", "Basemap"},
    {Text::move_up, "Monter", "Move up"},
    {Text::move_down, "Descendre", "Move down"},
    {Text::opacity, "Opacité", "Opacity"},
    {Text::visible, "Visible", "Visible"},
    {Text::remove, "Retirer", "Remove"},
    {Text::add_context_layer, "Ajouter un fond (fichier vectoriel)…", "Add a context layer (vector file)…"},
    {Text::legend, "Légende", "Legend"},
    {Text::legend_families, "Familles d'offre", "Offer families"},
    {Text::legend_perimeter, "Périmètre (niveaux emboîtés)", "Perimeter (nested levels)"},
    {Text::legend_perimeter_one, "Périmètre de destination", "Destination perimeter"},
    {Text::legend_territories, "Territoires", "Territories"},
    {Text::legend_size_by_weight, "Taille : poids pour la cible", "Size: weight for the audience"},
    {Text::level_commune, "Commune", "Commune"},
    {Text::level_epci, "EPCI", "EPCI"},
    {Text::level_departement, "Département", "Département"},
    {Text::level_region, "Région", "Region"},
    {Text::level_destination, "Destination", "Destination"},
    {Text::level_competitor, "Concurrent", "Competitor"},
    {Text::level_reference, "Zone de référence", "Reference area"},
    {Text::panel_catalogue, "Catalogue", "Catalogue"},
    {Text::search, "Rechercher", "Search"},
    {Text::all_families, "Toutes les familles", "All families"},
    {Text::all_labels, "Tous les labels", "All labels"},
    {Text::col_name, "Nom", "Name"},
    {Text::col_family, "Famille", "Family"},
    {Text::col_labels, "Labels", "Labels"},
    {Text::col_commune, "Commune", "Commune"},
    {Text::col_producer, "Producteur", "Producer"},
    {Text::items_shown, "{0} {2} sur {1}", "{0} of {1} {2}"},
    {Text::item_one, "élément", "item"},
    {Text::item_many, "éléments", "items"},
    {Text::panel_details, "Détails", "Details"},
    {Text::no_selection, "Cliquez sur un élément de la carte ou du catalogue.",
     "Click an item on the map or in the catalogue."},
    {Text::field_family, "Famille", "Family"},
    {Text::field_subtypes, "Types", "Types"},
    {Text::field_labels, "Labels", "Labels"},
    {Text::field_themes, "Thèmes", "Themes"},
    {Text::field_months, "Ouverture", "Open"},
    {Text::field_producer, "Producteur", "Producer"},
    {Text::field_commune, "Commune (INSEE)", "Commune (INSEE)"},
    {Text::field_source, "Source", "Source"},
    {Text::field_position, "Position", "Position"},
    {Text::field_weight, "Poids pour la cible", "Weight for the audience"},
    {Text::zoom_to, "Zoomer sur l'élément", "Zoom to item"},
    {Text::panel_audience, "Cible et périmètre", "Audience and perimeter"},
    {Text::audience_none, "Aucune cible", "No audience"},
    {Text::audience_preset, "Cible", "Audience"},
    {Text::family_weights, "Poids par famille", "Weight per family"},
    {Text::perimeter_level, "Densité englobée", "Density enclosed"},
    {Text::perimeter_level_tip,
     "Le périmètre englobe cette part de la densité lissée de l'offre, pondérée par la cible (les éléments proches du "
     "bord comptent en partie)",
     "The perimeter encloses this share of the smoothed density of the offer, weighted for the audience (items near "
     "the edge count in part)"},
    {Text::nested_levels, "Niveaux emboîtés (50 % et 95 %)", "Nested levels (50% and 95%)"},
    {Text::bandwidth, "Rayon de lissage", "Smoothing radius"},
    {Text::bandwidth_auto, "Rayon de lissage automatique", "Automatic smoothing radius"},
    {Text::bandwidth_plugin, "Automatique (plug-in)", "Automatic (plug-in)"},
    {Text::bandwidth_diagonal, "Automatique, suit les vallées (plug-in diagonal)",
     "Automatic, follows valleys (diagonal plug-in)"},
    {Text::bandwidth_adaptive, "Adaptatif (villes nettes, campagne lissée)",
     "Adaptive (sharp towns, smooth countryside)"},
    {Text::bandwidth_scott, "Règle de Scott (plus lisse)", "Scott's rule (smoother)"},
    {Text::bandwidth_manual, "Manuel", "Manual"},
    {Text::bandwidth_fallback, "Repli", "Fallback"},
    {Text::modified_mark, "modifiée", "modified"},
    {Text::reset_to_preset, "Revenir à la cible", "Reset to preset"},
    {Text::subtype_weights, "Sous-types", "Subtypes"},
    {Text::computing, "Calcul en cours…", "Computing…"},
    {Text::perimeter_stats, "Statistiques du périmètre", "Perimeter statistics"},
    {Text::area, "Surface", "Area"},
    {Text::components, "Parties", "Parts"},
    {Text::captured, "Éléments pondérés à l'intérieur", "Weighted items inside"},
    {Text::items_inside, "Éléments à l'intérieur", "Items inside"},
    {Text::weighted_items, "Éléments comptés pour la cible", "Items counted for the audience"},
    {Text::border_table, "Territoires traversés", "Territories crossed"},
    {Text::unit, "Territoire", "Territory"},
    {Text::share_of_perimeter, "% périm.", "% perim."},
    {Text::share_of_unit, "% territ.", "% territ."},
    {Text::no_perimeter, "Choisissez une cible pour dessiner le périmètre.",
     "Choose an audience to draw the perimeter."},
    {Text::import_title, "Importer des données", "Import data"},
    {Text::export_title, "Exporter", "Export"},
    {Text::path, "Chemin", "Path"},
    {Text::browse, "Parcourir…", "Browse…"},
    {Text::parent_folder, "Dossier parent", "Parent folder"},
    {Text::choose, "Choisir", "Choose"},
    {Text::cancel, "Annuler", "Cancel"},
    {Text::run_import, "Importer", "Import"},
    {Text::run_export, "Exporter", "Export"},
    {Text::field_detected, "détecté : {}", "detected: {}"},
    {Text::field_none_detected, "aucun détecté", "none detected"},
    {Text::field_all_layers, "toutes les couches utiles", "every usable layer"},
    {Text::field_layer, "Couche", "Layer"},
    {Text::field_name, "Champ du nom", "Name field"},
    {Text::field_id, "Champ de l'identifiant (sinon le n° d'entité)", "Identifier field (else the feature number)"},
    {Text::field_family_field, "Champ de la famille ou du type", "Family or type field"},
    {Text::field_code, "Champ du code (INSEE, SIREN…)", "Code field (INSEE, SIREN…)"},
    {Text::field_fixed_family, "Famille de tous les éléments", "Family of every item"},
    {Text::family_from_field, "lue dans le champ", "read from the field"},
    {Text::csv_dialect, "CSV pour", "CSV for"},
    {Text::csv_dialect_excel_fr, "un tableur en français (; et virgule décimale)",
     "a French spreadsheet (; and decimal comma)"},
    {Text::csv_dialect_rfc4180, "les outils et tableurs anglais (, et point décimal)",
     "tools and English spreadsheets (, and decimal point)"},
    {Text::csv_dialect_tip,
     "Un tableur réglé en français (Excel, LibreOffice) ouvre directement le premier ; QGIS, R, pandas et les bases "
     "de données lisent le second (RFC 4180). Même choix que --csv-dialect excel-fr | rfc4180.",
     "A spreadsheet set to French (Excel, LibreOffice) opens the first directly; QGIS, R, pandas and databases read "
     "the second (RFC 4180). The same choice as --csv-dialect excel-fr | rfc4180."},
    {Text::importing, "Import en cours…", "Importing…"},
    {Text::import_done, "Import terminé", "Import finished"},
    {Text::import_failed, "Échec de l'import", "Import failed"},
    {Text::read, "lus", "read"},
    {Text::imported, "importés", "imported"},
    {Text::updated, "mis à jour", "updated"},
    {Text::skipped, "écartés", "skipped"},
    {Text::context_lines, "lignes", "lines"},
    {Text::context_polygons, "polygones", "polygons"},
    {Text::export_items, "Éléments d'offre", "Offer items"},
    {Text::export_perimeters, "Périmètres", "Perimeters"},
    {Text::export_territories, "Territoires", "Territories"},
    {Text::format, "Format", "Format"},
    {Text::exported_to, "Exporté vers {}", "Exported to {}"},
    {Text::snapshot_saved, "Carte enregistrée : {}", "Map saved: {}"},
    {Text::drop_hint, "Déposez un fichier sur la fenêtre pour l'importer.", "Drop a file on the window to import it."},
    {Text::territory_level, "Niveau des territoires", "Territory level"},
    {Text::no_catalogue, "Aucun catalogue ouvert.", "No catalogue open."},
    {Text::panel_benchmark, "Comparaison", "Benchmark"},
    {Text::our_territory, "Notre territoire", "Our territory"},
    {Text::competitors, "Concurrents", "Competitors"},
    {Text::other_competitors, "Autres (niveau:code, nom, producer:NOM…)", "Others (level:code, name, producer:NAME…)"},
    {Text::run_benchmark, "Comparer", "Compare"},
    {Text::benchmark_audience, "Cible", "Audience"},
    {Text::strengths, "Forces", "Strengths"},
    {Text::weaknesses, "Faiblesses", "Weaknesses"},
    {Text::competitive_gaps, "Écarts concurrentiels", "Competitive gaps"},
    {Text::col_territory, "Territoire", "Territory"},
    {Text::col_items, "Nb", "N"},
    {Text::col_density, "/100 km²", "/100 km²"},
    {Text::col_competitors, "Concurrents /100 km²", "Competitors /100 km²"},
    {Text::col_ratio, "Rapport", "Ratio"},
    {Text::col_labelled, "Label", "Label"},
    {Text::col_diversity, "Divers.", "Divers."},
    {Text::col_fit, "Adéq. /km²", "Fit /km²"},
    {Text::radar_title, "Densité relative par famille (bord = le mieux doté)",
     "Relative density per family (rim = the best endowed)"},
    {Text::no_territories, "Importez des territoires (départements, communes…) pour comparer.",
     "Import territories (départements, communes…) to compare."},
    {Text::no_offer_items, "Le catalogue ne contient aucun élément d'offre à comparer.",
     "The catalogue holds no offer item to compare."},
    {Text::col_area, "km²", "km²"},
    {Text::panel_segments, "Cibles", "Segments"},
    {Text::run_segments, "Classer les cibles", "Rank the segments"},
    {Text::segments_hint, "Territoires choisis dans l'onglet Comparaison. Cliquez une cible pour la choisir.",
     "Territories as chosen in the Benchmark tab. Click a segment to select its audience."},
    {Text::col_segment, "Cible", "Segment"},
    {Text::col_inside, "Chez nous", "Inside"},
    {Text::col_gaps, "Manques", "Gaps"},
    {Text::col_months, "Mois", "Months"},
    {Text::segments_chart, "Score par cible (adéquation × manques × périmètre × labels × saison)",
     "Score per segment (fit × gaps × perimeter × labels × season)"},
    {Text::show_gaps, "Afficher les manques sur la carte", "Show the gaps on the map"},
    {Text::cell_size, "Maille", "Cell size"},
    {Text::gap_zones, "Zones de manque (score × surface)", "Gap zones (score × area)"},
    {Text::col_rank, "Rang", "Rank"},
    {Text::col_where, "Où", "Where"},
    {Text::col_score, "Score", "Score"},
    {Text::col_distance, "Distance", "Distance"},
    {Text::tip_share_of_perimeter, "Part de la surface du périmètre située dans ce territoire",
     "Share of the perimeter's area lying in this territory"},
    {Text::tip_share_of_unit, "Part de la surface de ce territoire couverte par le périmètre",
     "Share of this territory's area covered by the perimeter"},
    {Text::tip_fit, "Adéquation par km² : offre pondérée par l'audience (somme des poids des éléments) par km²",
     "Fit per km²: the audience-weighted offer (sum of the items' weights) per km²"},
    {Text::tip_diversity, "Diversité : indice de Shannon des sous-types de la famille (0 = un seul sous-type)",
     "Diversity: Shannon index of the family's subtypes (0 = a single subtype)"},
    {Text::tip_items, "Nombre d'éléments d'offre", "Number of offer items"},
    {Text::tip_density, "Éléments pour 100 km² du territoire (au survol d'une valeur : la moyenne des concurrents)",
     "Items per 100 km² of the territory (hover a value: the competitors' mean)"},
    {Text::tip_ratio, "Notre valeur rapportée à la moyenne des concurrents (1,0 = autant qu'eux)",
     "Our figure over the competitors' mean (1.0 = as much as them)"},
    {Text::tip_labelled, "Part des éléments qui portent au moins un label",
     "Share of the items with at least one label"},
    {Text::tip_area, "Surface en kilomètres carrés", "Area in square kilometres"},
    {Text::tip_gap_score,
     "Manque, de 0 à 1 : 0 quand l'élément le plus proche est à la distance acceptable, 1 au double, multiplié "
     "par le poids de la famille",
     "Gap, from 0 to 1: 0 when the nearest item is at the acceptable distance, 1 at twice that, times the "
     "family's weight"},
    {Text::tip_segment_score,
     "Score de la cible : adéquation rapportée aux concurrents × (1 − manques), modulé par la part du périmètre "
     "chez nous, les labels et la saison",
     "Segment score: fit over the competitors' × (1 − gaps), tempered by the share of the perimeter in our "
     "territory, the labels and the season"},
    {Text::tip_inside, "Part du périmètre de la cible située dans notre territoire",
     "Share of the segment's perimeter lying in our territory"},
    {Text::tip_gaps, "Part des mailles du périmètre qui sont des manques d'offre",
     "Share of the perimeter's cells that are offer gaps"},
    {Text::tip_months, "Mois de la saison de la cible où notre offre est ouverte",
     "Months of the segment's season when our offer is open"},
    {Text::tip_distance, "Distance à l'élément le plus proche de la famille", "Distance to the family's nearest item"},
    {Text::gap_cell, "Maille sélectionnée", "Selected cell"},
    {Text::gaps_need_perimeter, "Choisissez une cible : les manques se calculent dans son périmètre.",
     "Choose an audience: gaps are computed inside its perimeter."},
    {Text::gaps_summary, "{} mailles de {} km, {} zones ({} s)", "{} cells of {} km, {} zones ({} s)"},
    {Text::no_gap, "aucun manque", "no gap"},
    {Text::gap_family, "Famille manquante", "Missing family"},
    {Text::export_gaps_geojson, "GeoJSON (zones et mailles)", "GeoJSON (zones and cells)"},
    {Text::export_gaps_csv, "CSV (zones classées)", "CSV (ranked zones)"},
    {Text::export_benchmark, "Exporter la comparaison", "Export the benchmark"},
    {Text::cursor, "Curseur", "Cursor"},
    {Text::zoom_level, "Zoom", "Zoom"},
    {Text::fit, "Tout afficher", "Fit"},
    {Text::attribution, "© contributeurs OpenStreetMap, DATAtourisme / Licence Ouverte",
     "© OpenStreetMap contributors, DATAtourisme / Licence Ouverte"},
    {Text::loading, "Chargement du catalogue…", "Loading the catalogue…"},
    {Text::aggregated_note, "Éléments regroupés à cette échelle", "Items grouped at this scale"},
    {Text::status_items, "%zu éléments", "%zu items"},
    {Text::status_visible, "%zu visibles", "%zu visible"},
    {Text::search_hint, "Commune, lieu, élément… (Ctrl+F)", "Commune, place, item… (Ctrl+F)"},
    {Text::search_no_match, "Aucun résultat", "No match"},
    {Text::kind_commune, "commune", "commune"},
    {Text::kind_place, "lieu", "place"},
    {Text::kind_territory, "territoire", "territory"},
    {Text::kind_item, "élément", "item"},
    {Text::print_title, "Carte de l'offre touristique", "Tourism offer map"},
    {Text::print_audience, "Cible : ", "Audience: "},
    {Text::print_level, "niveau", "level"},
    {Text::print_share_of_offer, "de l'offre pondérée", "of the weighted offer"},
    {Text::print_main_level, "niveau choisi", "chosen level"},
    {Text::print_gaps, "Manques d'offre (score)", "Offer gaps (score)"},
    {Text::print_gap_ramp, "faible → fort", "low → high"},
    {Text::print_context, "Couches de contexte", "Context layers"},
    {Text::print_sources, "Sources : ", "Sources: "},
    {Text::menu_export_map, "Exporter la carte (PDF, PNG)…", "Export map (PDF, PNG)…"},
    {Text::print_dialog_title, "Exporter la carte : page imprimable", "Export map: a printable page"},
    {Text::print_paper, "Papier", "Paper"},
    {Text::print_portrait, "Portrait", "Portrait"},
    {Text::print_landscape, "Paysage", "Landscape"},
    {Text::print_dpi, "Résolution (dpi)", "Resolution (dpi)"},
    {Text::print_current_view, "Vue actuelle", "Current view"},
    {Text::print_all_data, "Toutes les données", "All the data"},
    {Text::print_title_field, "Titre", "Title"},
    {Text::print_subtitle_field, "Sous-titre", "Subtitle"},
    {Text::print_subtitle_hint, "cible · niveau · date", "audience · level · date"},
    {Text::menu_new_project, "Nouveau projet", "New project"},
    {Text::menu_open_project, "Ouvrir un projet…", "Open project…"},
    {Text::menu_save_project, "Enregistrer le projet", "Save project"},
    {Text::menu_save_project_as, "Enregistrer le projet sous…", "Save project as…"},
    {Text::menu_recent_projects, "Projets récents", "Recent projects"},
    {Text::menu_no_recent, "(aucun)", "(none)"},
    {Text::menu_new_catalogue, "Nouveau catalogue…", "New catalogue…"},
    {Text::menu_edit, "Édition", "Edit"},
    {Text::menu_undo, "Annuler", "Undo"},
    {Text::menu_redo, "Rétablir", "Redo"},
    {Text::project_saved, "Projet enregistré : {}", "Project saved: {}"},
    {Text::untitled_project, "Sans titre", "Untitled"},
    {Text::demo_label, "Démo", "Demo"},
    {Text::demo_read_only, "Démo : catalogue d'exemple en lecture seule", "Demo: sample catalogue, read-only"},
    {Text::demo_import_notice, "La démo est en lecture seule : l'import créera un nouveau catalogue pour vos données :",
     "The demo is read-only: the import will create a new catalogue for your data:"},
    {Text::demo_write_refused, "la démo est en lecture seule : importez dans un nouveau catalogue",
     "the demo is read-only: import into a new catalogue"},
    {Text::new_catalogue, "Nouveau catalogue", "New catalogue"},
    {Text::empty_title, "Ce catalogue est encore vide", "This catalogue is still empty"},
    {Text::empty_body,
     "Importez l'offre de votre territoire (Fichier › Importer, ou déposez un fichier sur la fenêtre) :\n"
     "• un flux DATAtourisme (dossier ou .zip) : diffuseur.datatourisme.fr, data.gouv.fr\n"
     "• un extrait OpenStreetMap (.osm.pbf) : download.geofabrik.de\n"
     "• tout fichier SIG : GeoJSON, GeoPackage, Shapefile, CSV avec colonnes lon/lat, KML\n"
     "puis les communes (ADMIN EXPRESS de l'IGN) comme territoires.",
     "Import your territory's offer (File › Import, or drop a file on the window):\n"
     "• a DATAtourisme feed (folder or .zip): diffuseur.datatourisme.fr, data.gouv.fr\n"
     "• an OpenStreetMap extract (.osm.pbf): download.geofabrik.de\n"
     "• any GIS file: GeoJSON, GeoPackage, Shapefile, CSV with lon/lat columns, KML\n"
     "then the communes (IGN ADMIN EXPRESS) as territories."},
    {Text::empty_created_at, "Le catalogue sera créé au premier import : {}",
     "The catalogue will be created on the first import: {}"},
    {Text::catalogue_not_found_import, "Pas un catalogue Territoire : {} (ouvert dans l'import)",
     "Not a Territoire catalogue: {} (opened in the import dialog)"},
    {Text::menu_export_report, "Exporter le rapport de destination (HTML, PDF)…",
     "Export destination report (HTML, PDF)…"},
    {Text::report_dialog_title, "Rapport de destination (contrat de destination)",
     "Destination report (destination contract)"},
    {Text::report_targets, "Cibles détaillées", "Targets in detail"},
    {Text::report_territories, "Notre territoire : {} — concurrents : {} (panneau Benchmark)",
     "Our territory: {} — competitors: {} (Benchmark panel)"},
    {Text::report_no_territory, "Choisissez notre territoire et ses concurrents dans le panneau Benchmark.",
     "Choose our territory and its competitors in the Benchmark panel."},
    {Text::report_destination_hint, "Destination (défaut : notre territoire)", "Destination (default: our territory)"},
    {Text::report_slogan, "Slogan", "Slogan"},
    {Text::report_promise, "Promesse de la marque", "The brand's promise"},
    {Text::report_language, "Langue du rapport", "Report language"},
    {Text::panel_actors, "Acteurs", "Actors"},
    {Text::actors_run, "Lister les acteurs à fédérer", "List the actors to federate"},
    {Text::actors_summary, "{} éléments dans le périmètre à {} ({} km²)", "{} items inside the {} perimeter ({} km²)"},
    {Text::actors_territories, "Territoires traversés", "Territories crossed"},
    {Text::actors_producers, "Producteurs des données", "Producers of the records"},
    {Text::actors_labelled, "Opérateurs labellisés", "Labelled operators"},
    {Text::actors_export, "Exporter en CSV (publipostage)", "Export CSV (mailing merge)"},
    {Text::actors_unnamed, "(producteur non nommé)", "(producer not named)"},
};
static_assert(std::size(kTable) == static_cast<std::size_t>(Text::actors_unnamed) + 1, "one entry per Text");

std::atomic<Language> g_language{Language::fr};
std::shared_ptr<const geo::Taxonomy> g_taxonomy;  // set once before the first frame

}  // namespace

Language language_from_environment() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value == nullptr || *value == '\0') continue;
        return std::string(value).rfind("fr", 0) == 0 ? Language::fr : Language::en;
    }
    return Language::en;
}

void set_language(Language language) {
    g_language = language;
}
Language language() {
    return g_language;
}

const char* tr(Text text) {
    const Entry& e = kTable[static_cast<std::size_t>(text)];
    return g_language == Language::fr ? e.fr : e.en;
}

const char* perimeter_legend_title(std::size_t levels) {
    return tr(levels > 1 ? Text::legend_perimeter : Text::legend_perimeter_one);
}

bool i18n_table_is_consistent() {
    for (std::size_t i = 0; i < std::size(kTable); ++i)
        if (static_cast<std::size_t>(kTable[i].key) != i || *kTable[i].fr == '\0' || *kTable[i].en == '\0')
            return false;
    return true;
}

void load_label_names() {
    if (auto taxonomy = geo::Taxonomy::load_default())
        g_taxonomy = std::make_shared<const geo::Taxonomy>(std::move(*taxonomy));
}

std::string label_name(const std::string& id) {
    if (g_taxonomy)
        if (const geo::LabelInfo* info = g_taxonomy->label(id))
            return g_language == Language::fr || info->name_en.empty() ? info->name_fr : info->name_en;
    return id;
}

std::string subtype_names(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) {
        const geo::SubtypeInfo* info = g_taxonomy ? g_taxonomy->subtype(id) : nullptr;
        const std::string& name =
            info == nullptr ? id
                            : (g_language == Language::fr || info->name_en.empty() ? info->name_fr : info->name_en);
        out += (out.empty() ? "" : ", ") + name;
    }
    return out;
}

std::string label_names(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ", ") + label_name(id);
    return out;
}

std::string format_count(std::int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    // French groups with a narrow no-break space (U+202F), English with a comma.
    const std::string sep = g_language == Language::fr ? "\u202F" : ",";
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += sep;
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string items_shown_text(std::int64_t shown, std::int64_t total) {
    // French agrees with the count shown ("1 élément sur 5"), English with
    // the total ("1 of 5 items").
    const bool one = g_language == Language::fr ? shown <= 1 : total == 1;
    return fmt::format(fmt::runtime(tr(Text::items_shown)), format_count(shown), format_count(total),
                       tr(one ? Text::item_one : Text::item_many));
}

std::string format_number(double x, int decimals) {
    std::string s = fmt::format("{:.{}f}", x, decimals);
    if (g_language == Language::fr) std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string format_percent(double share, int decimals) {
    return format_number(share * 100.0, decimals) + (g_language == Language::fr ? " %" : "%");
}

const char* percent_slider_format() {
    return g_language == Language::fr ? "%.0f %%" : "%.0f%%";
}

std::string format_distance(double metres) {
    if (!std::isfinite(metres)) return "∞";
    return metres >= 1000.0 ? format_number(metres / 1000.0, 1) + " km" : format_number(metres, 0) + " m";
}

std::string_view family_name(geo::Family family) {
    return g_language == Language::fr ? geo::family_name_fr(family) : geo::family_name_en(family);
}

const char* level_name(geo::TerritoryLevel level) {
    static constexpr Text kLevels[] = {Text::level_commune,  Text::level_epci,        Text::level_departement,
                                       Text::level_region,   Text::level_destination, Text::level_competitor,
                                       Text::level_reference};
    return tr(kLevels[static_cast<std::size_t>(level)]);
}

}  // namespace app::gui
