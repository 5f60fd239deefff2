#pragma once
// What the map shows: the open catalogue, its offer items and territories,
// the computed perimeters, context layers, the selection, the active
// audience, the camera and the layer stack. Pure model: no GL, no ImGui.
//
// Every mutation bumps a revision counter; renderers remember the revision
// they drew and rebuild only what changed (items_revision() for item
// buffers, territories_revision() for territory meshes, …), and the frame
// loop redraws only when revision() moved.
// Positions are WGS 84 lon/lat (geo::LonLat). Owned and used by the main
// thread only; background tasks receive copies.
// Failures: none (setters take what they are given): an item index out of range selects or hovers
//   nothing, audience weights are resized to the item count, filter indices out of range are not counted.
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/gui/model/basemaps.hpp"
#include "app/gui/model/camera.hpp"
#include "app/gui/model/layers.hpp"
#include "geo/analysis/commune_names.hpp"
#include "geo/analysis/gaps.hpp"
#include "geo/core/geometry.hpp"
#include "geo/core/offer.hpp"
#include "geo/core/place.hpp"
#include "geo/core/theme_names.hpp"
#include "geo/io/context_layer.hpp"

namespace app::gui {

// A perimeter level as the map draws it (e.g. 0.5 / 0.8 / 0.95); the computed
// level, with its statistics, is geo::PerimeterLevel.
struct PerimeterOverlay {
    double level = 0.8;  // share of the audience-weighted offer mass
    geo::MultiPolygon geometry;
    bool main = true;  // the level the user chose (others: nested context)
};

// The audience-weighted offer density, for the density layer: grid values
// normalised to [0, 1] (row 0 south) and the lon/lat of a coarse mesh of
// grid nodes (every `step` cells), which follows the analysis CRS (e.g.
// Lambert-93) reprojected, so the surface lands where it was computed.
struct DensitySurface {
    int width = 0, height = 0;         // grid cells
    std::vector<float> values;         // width × height
    int step = 1;                      // cells between mesh nodes
    int mesh_cols = 0, mesh_rows = 0;  // mesh quads
    std::vector<geo::LonLat> nodes;    // (mesh_cols + 1) × (mesh_rows + 1), row-major from the south-west
    float min_value = 0.0f;            // below: transparent
    [[nodiscard]] bool empty() const { return values.empty() || nodes.empty(); }
};

// Geometry of a context layer (any vector file), ready to draw.
using ContextGeometry = geo::ContextGeometry;

class MapModel {
public:
    // --- what is open -----------------------------------------------------
    [[nodiscard]] const std::string& catalogue_path() const { return m_catalogue_path; }
    void set_catalogue_path(std::string path);

    [[nodiscard]] const std::vector<geo::OfferItem>& items() const { return *m_items; }
    // The same items, shareable with background tasks (immutable).
    [[nodiscard]] std::shared_ptr<const std::vector<geo::OfferItem>> shared_items() const { return m_items; }
    void set_items(std::vector<geo::OfferItem> items);  // clears selection and weights
    // The items shown per family (by Family index): all the items, or those the
    // catalogue's filters leave (item_filter()); counted on each change of either.
    [[nodiscard]] const std::array<std::size_t, geo::kFamilyCount>& family_counts() const { return m_family_counts; }

    [[nodiscard]] const std::vector<geo::Territory>& territories() const { return *m_territories; }
    [[nodiscard]] std::shared_ptr<const std::vector<geo::Territory>> shared_territories() const {
        return m_territories;
    }
    void set_territories(std::vector<geo::Territory> territories);

    // The place-name layer (towns and villages, data/demo/places.geojson).
    [[nodiscard]] const std::vector<geo::Place>& places() const { return m_places; }
    void set_places(std::vector<geo::Place> places);
    // Commune names by INSEE code, from the territories, else the places.
    [[nodiscard]] const geo::CommuneNames& commune_names() const { return m_commune_names; }
    // The catalogue's theme names (its sources'), for the details panel.
    [[nodiscard]] const geo::ThemeNames& theme_names() const { return m_theme_names; }
    void set_theme_names(const std::vector<geo::ThemeName>& names) { m_theme_names = geo::ThemeNames(names); }

    // The items the map draws when the catalogue's filters narrow them:
    // sorted indices into items(), or null for all of them.
    [[nodiscard]] const std::vector<std::uint32_t>* item_filter() const {
        return m_item_filter ? &*m_item_filter : nullptr;
    }
    void set_item_filter(std::optional<std::vector<std::uint32_t>> shown);  // nullopt: all

    [[nodiscard]] const std::vector<PerimeterOverlay>& perimeters() const { return m_perimeters; }
    void set_perimeters(std::vector<PerimeterOverlay> levels);  // sorted from the widest level

    [[nodiscard]] const DensitySurface& density() const { return m_density; }
    void set_density(DensitySurface density);

    // Offer gaps inside the perimeter (null: none computed), the cell and
    // zone the user clicked (reset when the gaps change).
    [[nodiscard]] const std::shared_ptr<const geo::GapResult>& gaps() const { return m_gaps; }
    void set_gaps(std::shared_ptr<const geo::GapResult> gaps);
    [[nodiscard]] std::optional<std::size_t> selected_gap_cell() const { return m_gap_cell; }
    [[nodiscard]] std::optional<std::size_t> selected_gap_zone() const { return m_gap_zone; }
    void select_gap(std::optional<std::size_t> cell, std::optional<std::size_t> zone);

    [[nodiscard]] const std::map<std::string, ContextGeometry>& context() const { return m_context; }
    void set_context(const std::string& layer_id, ContextGeometry geometry);
    // Removes a context layer: its place in layers() and its geometry, both
    // kept aside (the last kMaxRemovedContext) for restore_layers().
    void remove_context(const std::string& layer_id);
    static constexpr std::size_t kMaxRemovedContext = 16;
    // The layers as `looks` lists them (undo / redo): context layers it no
    // longer names are removed (their geometry kept aside), removed ones it
    // names come back, then order, visibility and opacity follow
    // (LayerStack::arrange). A layer removed longer ago than the last
    // kMaxRemovedContext stays away.
    void restore_layers(const std::vector<LayerLook>& looks);

    // Basemaps by layer id ("basemap:1"…), drawn under the other layers.
    [[nodiscard]] const std::map<std::string, Basemap>& basemaps() const { return m_basemaps; }
    void set_basemap(const std::string& layer_id, Basemap basemap);

    // --- audience ---------------------------------------------------------
    // The active audience id ("" when none) and one weight per item (same
    // order as items(); empty when no audience is active).
    [[nodiscard]] const std::string& audience_id() const { return m_audience_id; }
    [[nodiscard]] const std::vector<float>& item_weights() const { return m_item_weights; }
    void set_audience(std::string audience_id, std::vector<float> item_weights);

    // --- selection --------------------------------------------------------
    // Index into items(); nullopt when nothing is selected.
    [[nodiscard]] std::optional<std::size_t> selected() const { return m_selected; }
    void select(std::optional<std::size_t> item_index);
    [[nodiscard]] std::optional<std::size_t> hovered() const { return m_hovered; }
    void hover(std::optional<std::size_t> item_index);

    // --- view -------------------------------------------------------------
    Camera& camera() { return m_camera; }
    [[nodiscard]] const Camera& camera() const { return m_camera; }
    LayerStack& layers() { return m_layers; }
    [[nodiscard]] const LayerStack& layers() const { return m_layers; }

    // Extent of the items, territories and perimeters (empty when nothing).
    [[nodiscard]] geo::LonLatBox data_extent() const;
    // What to show first: the items and perimeters, or the territories when
    // there are none (a territory layer can span overseas départements).
    [[nodiscard]] geo::LonLatBox focus_extent() const;

    // --- revisions --------------------------------------------------------
    [[nodiscard]] unsigned items_revision() const { return m_items_revision; }
    [[nodiscard]] unsigned style_revision() const { return m_style_revision; }  // weights, selection
    [[nodiscard]] unsigned territories_revision() const { return m_territories_revision; }
    [[nodiscard]] unsigned perimeters_revision() const { return m_perimeters_revision; }
    [[nodiscard]] unsigned context_revision() const { return m_context_revision; }
    [[nodiscard]] unsigned basemaps_revision() const { return m_basemaps_revision; }
    [[nodiscard]] unsigned density_revision() const { return m_density_revision; }
    [[nodiscard]] unsigned gaps_revision() const { return m_gaps_revision; }
    [[nodiscard]] unsigned places_revision() const { return m_places_revision; }
    [[nodiscard]] unsigned filter_revision() const { return m_filter_revision; }
    // Moves with the audience weights only (not with hover or selection).
    [[nodiscard]] unsigned weights_revision() const { return m_weights_revision; }
    // Moves whenever anything drawn may have changed.
    [[nodiscard]] unsigned revision() const {
        return m_items_revision + m_style_revision + m_territories_revision + m_perimeters_revision +
               m_context_revision + m_basemaps_revision + m_density_revision + m_gaps_revision + m_places_revision +
               m_filter_revision + m_camera.revision() + m_layers.revision();
    }

private:
    std::string m_catalogue_path;
    std::shared_ptr<const std::vector<geo::OfferItem>> m_items = std::make_shared<const std::vector<geo::OfferItem>>();
    std::array<std::size_t, geo::kFamilyCount> m_family_counts{};
    void count_families();
    std::shared_ptr<const std::vector<geo::Territory>> m_territories =
        std::make_shared<const std::vector<geo::Territory>>();
    std::vector<geo::Place> m_places;
    geo::CommuneNames m_commune_names;
    geo::ThemeNames m_theme_names;
    std::optional<std::vector<std::uint32_t>> m_item_filter;
    std::vector<PerimeterOverlay> m_perimeters;
    DensitySurface m_density;
    std::shared_ptr<const geo::GapResult> m_gaps;
    std::optional<std::size_t> m_gap_cell, m_gap_zone;
    std::map<std::string, ContextGeometry> m_context;
    struct RemovedContext {
        Layer layer;
        ContextGeometry geometry;
    };
    std::vector<RemovedContext> m_removed_context;  // oldest first, for undo
    std::map<std::string, Basemap> m_basemaps;
    std::string m_audience_id;
    std::vector<float> m_item_weights;
    std::optional<std::size_t> m_selected;
    std::optional<std::size_t> m_hovered;
    Camera m_camera;
    LayerStack m_layers;
    unsigned m_items_revision = 0;
    unsigned m_style_revision = 0;
    unsigned m_territories_revision = 0;
    unsigned m_perimeters_revision = 0;
    unsigned m_context_revision = 0;
    unsigned m_basemaps_revision = 0;
    unsigned m_density_revision = 0;
    unsigned m_gaps_revision = 0;
    unsigned m_places_revision = 0;
    unsigned m_filter_revision = 0;
    unsigned m_weights_revision = 0;  // also moves with the gap selection
};

}  // namespace app::gui
