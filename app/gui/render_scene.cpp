#include "app/gui/render_scene.hpp"

#include <algorithm>
#include <memory>

#include "app/gui/model/audience_controller.hpp"
#include "app/gui/model/basemap_loading.hpp"
#include "app/gui/model/catalogue_snapshot.hpp"
#include "app/gui/model/context_loading.hpp"
#include "app/gui/model/gaps_controller.hpp"
#include "geo/io/audience_presets.hpp"
#include "geo/io/gap_defaults.hpp"
#include "geo/io/places_file.hpp"

namespace app::gui {
namespace {

geo::Result<void> add_gaps(RenderScene& scene) {
    MapModel& model = scene.model;
    const auto& levels = model.perimeters();
    const auto main = std::find_if(levels.begin(), levels.end(), [](const PerimeterOverlay& l) { return l.main; });
    if (!scene.audience || main == levels.end())
        return geo::fail_fmt("--gaps needs an audience perimeter (--audience)");
    auto defaults = geo::load_gap_defaults();
    if (!defaults) return tl::unexpected(defaults.error());
    geo::GapParams params;
    params.cell_m = defaults->cell_m;
    params.acceptable_m = defaults->acceptable_m;
    const GapsOutcome outcome =
        compute_gaps_outcome({*scene.audience, main->geometry, main->level, model.shared_items(),
                              model.shared_territories(), params, model.perimeters_revision()});
    if (!outcome.gaps) return geo::fail_fmt("offer gaps: {}", outcome.error);
    model.set_gaps(outcome.gaps);
    model.layers().set_visible("gaps", true);
    return {};
}

}  // namespace

geo::Result<RenderScene> load_render_scene(const SceneOptions& options) {
    RenderScene scene;
    MapModel& model = scene.model;
    scene.attribution = attribution_for({});
    if (!options.catalogue.empty()) {
        auto snapshot = load_catalogue_snapshot(options.catalogue);
        if (!snapshot) return tl::unexpected(snapshot.error());
        scene.attribution = attribution_for(snapshot->sources);
        scene.sources = snapshot->sources;
        model.set_catalogue_path(snapshot->path);
        model.set_items(std::move(snapshot->items));
        model.set_territories(std::move(snapshot->territories));
    }
    std::string credits;
    for (const std::string& path : options.context) {
        auto credit = load_context_layer(model, path);
        if (!credit) return tl::unexpected(credit.error());
        if (credits.find(*credit) == std::string::npos) credits = join_credits(credits, *credit);
    }
    const std::string cache = options.basemap_cache.empty() ? geo::default_basemap_cache_dir() : options.basemap_cache;
    for (const std::string& path : options.basemaps) {
        auto credit = load_basemap(model, path, cache);
        if (!credit) return tl::unexpected(credit.error());
        if (credits.find(*credit) == std::string::npos) credits = join_credits(credits, *credit);
    }
    scene.attribution = join_credits(scene.attribution, credits);
    if (!options.places.empty()) {
        auto places = geo::read_places_file(options.places);
        if (!places) return tl::unexpected(places.error());
        model.set_places(std::move(*places));
    }
    if (!options.audience.empty()) {
        std::optional<geo::Catalogue> catalogue;
        if (!options.catalogue.empty()) {
            auto c = geo::Catalogue::open(options.catalogue, geo::Catalogue::Mode::read_only);
            if (!c) return tl::unexpected(c.error());
            catalogue.emplace(std::move(*c));
        }
        auto audience = geo::resolve_audience(options.audience, catalogue ? &*catalogue : nullptr);
        if (!audience) return tl::unexpected(audience.error());
        AudienceParams params;
        params.level = options.level;
        params.nested = options.nested;
        AudienceComputer compute;
        const AudienceResult result =
            compute({*audience, params, model.shared_items(), model.shared_territories(), model.items_revision()});
        if (!result.error.empty()) return geo::fail_fmt("{}: {}", options.audience, result.error);
        apply_audience_result(result, model);
        scene.audience = std::move(*audience);
    }
    if (options.gaps)
        if (auto ok = add_gaps(scene); !ok) return tl::unexpected(ok.error());
    return scene;
}

void frame_scene(MapModel& model, int width_px, int height_px, const std::optional<geo::LonLatBox>& bbox) {
    model.camera().set_viewport(width_px, height_px);
    if (bbox)
        model.camera().fit(*bbox, 0.0);
    else if (const geo::LonLatBox extent = model.focus_extent(); !extent.empty())
        model.camera().fit(extent, 40.0);
}

}  // namespace app::gui
