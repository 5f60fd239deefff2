#pragma once
// The interface's one string table, French and English. French is chosen
// when LANG (or LC_ALL / LC_MESSAGES) starts with "fr", English otherwise.
// Strings are UTF-8 and static (valid for the whole run). The language is a
// process-wide setting made once at start-up, before any frame; reading it
// is then thread-safe.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "geo/core/offer.hpp"

namespace app::gui {

enum class Language { fr, en };

// From the environment: LC_ALL, then LC_MESSAGES, then LANG.
Language language_from_environment();
void set_language(Language language);
Language language();

enum class Text {
    app_title,
    // menus
    menu_file,
    menu_open_catalogue,
    menu_import,
    menu_export,
    menu_snapshot,
    menu_quit,
    menu_view,
    menu_fit_data,
    menu_fit_selection,
    menu_panels_left,
    menu_panels_right,
    menu_language,
    menu_help,
    shortcuts_title,
    shortcut_help,
    shortcut_open_project,
    shortcut_save_project,
    shortcut_search,
    shortcut_zoom_keys,
    shortcut_pan_keys,
    shortcut_wheel,
    shortcut_drag,
    shortcut_double_click,
    shortcut_click,
    shortcut_escape,
    shortcut_enter,
    close,
    // layers and legend
    panel_layers,
    layer_items,
    layer_perimeters,
    layer_territories,
    layer_density,
    layer_gaps,
    layer_places,
    layer_context,
    layer_basemap,
    move_up,
    move_down,
    opacity,
    visible,
    remove,
    add_context_layer,
    legend,
    legend_families,
    legend_perimeter,
    legend_perimeter_one,
    legend_territories,
    legend_size_by_weight,
    level_commune,
    level_epci,
    level_departement,
    level_region,
    level_destination,
    level_competitor,
    level_reference,
    // catalogue
    panel_catalogue,
    search,
    all_families,
    all_labels,
    col_name,
    col_family,
    col_labels,
    col_commune,
    col_producer,
    items_shown,
    item_one,
    item_many,
    // details
    panel_details,
    no_selection,
    field_family,
    field_subtypes,
    field_labels,
    field_themes,
    field_months,
    field_producer,
    field_commune,
    field_source,
    field_position,
    field_weight,
    zoom_to,
    // audience
    panel_audience,
    audience_none,
    audience_preset,
    family_weights,
    perimeter_level,
    perimeter_level_tip,
    nested_levels,
    bandwidth,
    bandwidth_auto,
    bandwidth_plugin,
    bandwidth_diagonal,
    bandwidth_adaptive,
    bandwidth_scott,
    bandwidth_manual,
    bandwidth_fallback,
    modified_mark,
    reset_to_preset,
    subtype_weights,
    computing,
    perimeter_stats,
    area,
    components,
    captured,
    items_inside,
    weighted_items,
    border_table,
    unit,
    share_of_perimeter,
    share_of_unit,
    no_perimeter,
    // import / export
    import_title,
    export_title,
    path,
    browse,
    parent_folder,
    choose,
    cancel,
    run_import,
    run_export,
    field_detected,
    field_none_detected,
    field_all_layers,
    field_layer,
    field_name,
    field_id,
    field_family_field,
    field_code,
    field_fixed_family,
    family_from_field,
    csv_dialect,
    csv_dialect_excel_fr,
    csv_dialect_rfc4180,
    csv_dialect_tip,
    importing,
    import_done,
    import_failed,
    read,
    imported,
    updated,
    skipped,
    context_lines,
    context_polygons,
    export_items,
    export_perimeters,
    export_territories,
    format,
    exported_to,
    snapshot_saved,
    drop_hint,
    territory_level,
    no_catalogue,
    // benchmark
    panel_benchmark,
    our_territory,
    competitors,
    other_competitors,
    run_benchmark,
    benchmark_audience,
    strengths,
    weaknesses,
    competitive_gaps,
    col_territory,
    col_items,
    col_density,
    col_competitors,
    col_ratio,
    col_labelled,
    col_diversity,
    col_fit,
    radar_title,
    no_territories,
    no_offer_items,
    col_area,
    // segments
    panel_segments,
    run_segments,
    segments_hint,
    col_segment,
    col_inside,
    col_gaps,
    col_months,
    segments_chart,
    // gaps
    show_gaps,
    cell_size,
    gap_zones,
    col_rank,
    col_where,
    col_score,
    col_distance,
    tip_share_of_perimeter,
    tip_share_of_unit,
    tip_fit,
    tip_diversity,
    tip_items,
    tip_density,
    tip_ratio,
    tip_labelled,
    tip_area,
    tip_gap_score,
    tip_segment_score,
    tip_inside,
    tip_gaps,
    tip_months,
    tip_distance,
    gap_cell,
    gaps_need_perimeter,
    gaps_summary,
    no_gap,
    gap_family,
    export_gaps_geojson,
    export_gaps_csv,
    export_benchmark,
    // map canvas
    cursor,
    zoom_level,
    fit,
    attribution,
    loading,
    aggregated_note,
    // status
    status_items,
    status_visible,
    // search
    search_hint,
    search_no_match,
    kind_commune,
    kind_place,
    kind_territory,
    kind_item,
    // print layout
    print_title,
    print_audience,
    print_level,
    print_share_of_offer,
    print_main_level,
    print_gaps,
    print_gap_ramp,
    print_context,
    print_sources,
    menu_export_map,
    print_dialog_title,
    print_paper,
    print_portrait,
    print_landscape,
    print_dpi,
    print_current_view,
    print_all_data,
    print_title_field,
    print_subtitle_field,
    print_subtitle_hint,
    // projects, undo, catalogues
    menu_new_project,
    menu_open_project,
    menu_save_project,
    menu_save_project_as,
    menu_recent_projects,
    menu_no_recent,
    menu_new_catalogue,
    menu_edit,
    menu_undo,
    menu_redo,
    project_saved,
    untitled_project,
    demo_label,
    demo_read_only,
    demo_import_notice,
    demo_write_refused,
    new_catalogue,
    empty_title,
    empty_body,
    empty_created_at,
    catalogue_not_found_import,
    menu_export_report,
    report_dialog_title,
    report_targets,
    report_territories,
    report_no_territory,
    report_destination_hint,
    report_slogan,
    report_promise,
    report_language,
    panel_actors,
    actors_run,
    actors_summary,
    actors_territories,
    actors_producers,
    actors_labelled,
    actors_export,
    actors_unnamed,
    menu_open_database,
    database_address,
    database_hint,
    database_not_address,
    database_open,
    import_rate,
};

// The string for `text` in the current language.
const char* tr(Text text);
// The legend's perimeter heading: "nested levels" only when there are several.
const char* perimeter_legend_title(std::size_t levels);
// Every Text has its entry, in order, with both languages (for the tests).
bool i18n_table_is_consistent();

// The taxonomy whose label names label_name() uses; loaded once at start-up
// (data/taxonomy.json), before any frame. Without it, label ids show as is.
void load_label_names();
// "unesco" → "Patrimoine mondial de l'UNESCO" (or the English name).
std::string label_name(const std::string& id);
std::string label_names(const std::vector<std::string>& ids);  // ", "-joined
// Subtype ids → their taxonomy names in the current language ("Abbaye, Site
// religieux"), ", "-joined; an unknown id as it is.
std::string subtype_names(const std::vector<std::string>& ids);

// A whole number with the language's digit grouping ("1 399", "1,399").
std::string format_count(std::int64_t n);
// "1 élément sur 1 399" / "1 of 1,399 items".
std::string items_shown_text(std::int64_t shown, std::int64_t total);
// A number with `decimals` decimals, with a decimal comma in French.
std::string format_number(double x, int decimals);
// A share in [0, 1] as a percentage in the language's typography: "80 %"
// (French: a space before the sign), "80%" (English).
std::string format_percent(double share, int decimals);
// The printf format of a percentage slider showing its value in 0-100:
// "%.0f %%" / "%.0f%%".
const char* percent_slider_format();
// A distance in metres as "850 m" or "12,4 km" ("∞" when infinite).
std::string format_distance(double metres);

// Family and territory-level names in the current language.
std::string_view family_name(geo::Family family);
const char* level_name(geo::TerritoryLevel level);

}  // namespace app::gui
