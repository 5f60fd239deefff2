#include "app/print/print_map.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include <cairo-pdf.h>
#include <fmt/format.h>

#include "app/gui/i18n.hpp"
#include "app/print/cairo_handles.hpp"
#include "app/print/print_cairo.hpp"
#include "geo/core/clock.hpp"
#include "geo/core/text_fold.hpp"
#include "geo/io/buffered_output.hpp"

namespace app::print {
namespace {

using gui::Text;
using gui::tr;

std::string percent(double level) {
    return fmt::format("{:g} %", std::round(level * 1000.0) / 10.0);
}

std::string join(const std::vector<std::string>& parts, const char* separator) {
    std::string out;
    for (const auto& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += separator;
        out += p;
    }
    return out;
}

void add_legend(const gui::RenderScene& scene, std::vector<geo::LegendRow>& rows) {
    using geo::LegendSwatch;
    const gui::MapModel& model = scene.model;
    const auto visible = [&](gui::LayerKind kind) {
        const gui::Layer* layer = model.layers().find(kind);
        return layer && layer->visible && layer->opacity > 0.0f;
    };
    const auto& counts = model.family_counts();
    if (visible(gui::LayerKind::items) && std::any_of(counts.begin(), counts.end(), [](auto n) { return n > 0; })) {
        rows.push_back({LegendSwatch::heading, 0, tr(Text::legend_families)});
        for (const geo::Family f : geo::kAllFamilies)
            if (const auto n = counts[static_cast<std::size_t>(f)]; n > 0)
                rows.push_back(
                    {LegendSwatch::family, static_cast<int>(f), fmt::format("{} ({})", gui::family_name(f), n)});
        if (!model.item_weights().empty())
            rows.push_back({LegendSwatch::item_size, 0, tr(Text::legend_size_by_weight)});
    }
    if (visible(gui::LayerKind::perimeters) && !model.perimeters().empty()) {
        rows.push_back({LegendSwatch::heading, 0, gui::perimeter_legend_title(model.perimeters().size())});
        const bool nested = model.perimeters().size() > 1;
        for (const auto& level : model.perimeters()) {
            std::string text = percent(level.level) + " " + tr(Text::print_share_of_offer);
            if (nested && level.main) text += fmt::format(" ({})", tr(Text::print_main_level));
            rows.push_back({level.main ? LegendSwatch::perimeter_main : LegendSwatch::perimeter_nested, 0, text});
        }
    }
    if (visible(gui::LayerKind::density) && !model.density().empty()) {
        rows.push_back({LegendSwatch::heading, 0, tr(Text::layer_density)});
        rows.push_back({LegendSwatch::density_ramp, 0, tr(Text::print_gap_ramp)});
    }
    if (visible(gui::LayerKind::gaps) && model.gaps() && !model.gaps()->cells.empty()) {
        rows.push_back({LegendSwatch::heading, 0, tr(Text::print_gaps)});
        rows.push_back({LegendSwatch::gap_ramp, 0, tr(Text::print_gap_ramp)});
    }
    if (visible(gui::LayerKind::territories) && !model.territories().empty()) {
        std::set<geo::TerritoryLevel> levels;
        for (const auto& t : model.territories()) levels.insert(t.level);
        rows.push_back({LegendSwatch::heading, 0, tr(Text::legend_territories)});
        for (const auto level : levels)
            rows.push_back({LegendSwatch::territory, static_cast<int>(level), gui::level_name(level)});
    }
    std::vector<geo::LegendRow> context;
    for (const gui::Layer& layer : model.layers().layers()) {
        if (layer.kind != gui::LayerKind::context || !layer.visible) continue;
        const auto it = model.context().find(layer.id);
        if (it == model.context().end()) continue;
        const std::string name = std::filesystem::path(layer.path).stem().string();
        if (!it->second.polygons.empty()) context.push_back({LegendSwatch::context_area, 0, name});
        if (!it->second.lines.empty()) context.push_back({LegendSwatch::context_line, 0, name});
    }
    std::vector<geo::LegendRow> basemaps;  // top layer first, as in the layers panel
    for (auto it = model.layers().layers().rbegin(); it != model.layers().layers().rend(); ++it) {
        if (it->kind != gui::LayerKind::basemap || !it->visible) continue;
        const auto b = model.basemaps().find(it->id);
        if (b == model.basemaps().end()) continue;
        const std::string name = std::filesystem::path(it->path).filename().string();
        basemaps.push_back({b->second.osm ? LegendSwatch::basemap_road : LegendSwatch::basemap_raster, 0,
                            b->second.credit == name ? name : name + " (" + b->second.credit + ")"});
    }
    if (!basemaps.empty()) {
        rows.push_back({LegendSwatch::heading, 0, tr(Text::layer_basemap)});
        rows.insert(rows.end(), basemaps.begin(), basemaps.end());
    }
    if (!context.empty()) {
        rows.push_back({LegendSwatch::heading, 0, tr(Text::print_context)});
        std::reverse(context.begin(),
                     context.end());  // the top layer first, as in the layers panel
        rows.insert(rows.end(), context.begin(), context.end());
    }
}

// "DATAtourisme / Licence Ouverte, Natural Earth — Sources : datatourisme
// (Licence Ouverte 2.0 (Etalab)), … — Territoire 0.1.0": the sources of the
// items and territories drawn, as the export provenance lists them (a key the
// catalogue does not describe is named alone).
std::string attribution_text(const gui::RenderScene& scene) {
    std::set<std::string> used;
    for (const auto& item : scene.model.items()) used.insert(item.source);
    for (const auto& t : scene.model.territories()) used.insert(t.source);
    std::vector<std::string> sources;
    for (const auto& s : scene.sources)
        if (used.erase(s.key) > 0)
            sources.push_back(s.licence.empty() ? s.key : fmt::format("{} ({})", s.key, s.licence));
    for (const auto& key : used)
        if (!key.empty()) sources.push_back(key);
    std::string text = scene.attribution;
    if (!sources.empty()) text = join({text, tr(Text::print_sources) + join(sources, ", ")}, " — ");
    return join({text, std::string("Territoire ") + TERRITOIRE_VERSION}, " — ");
}

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

geo::Result<CairoSurface> create_surface(const geo::PrintPage& page, PrintFormat format, std::string& buffer) {
    cairo_surface_t* s = nullptr;
    if (format == PrintFormat::pdf) {
        const double pt_per_mm = 72.0 / geo::kMmPerInch;
        s = cairo_pdf_surface_create_for_stream(append_to_string, &buffer, page.width_mm * pt_per_mm,
                                                page.height_mm * pt_per_mm);
    } else {
        s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, page.width_px, page.height_px);
    }
    CairoSurface surface(s);
    if (const cairo_status_t status = cairo_surface_status(s); status != CAIRO_STATUS_SUCCESS)
        return geo::fail_fmt("cannot create the {}x{} px page: {}", page.width_px, page.height_px,
                             cairo_status_to_string(status));
    return surface;
}

}  // namespace

PrintFormat format_for(const std::string& output, bool pdf_flag) {
    const std::string ext = geo::lower_extension(output);
    return pdf_flag || ext == ".pdf" ? PrintFormat::pdf : PrintFormat::png;
}

geo::PrintContent print_content(const gui::RenderScene& scene, const PrintOptions& options, const std::string& date) {
    geo::PrintContent content;
    const gui::MapModel& model = scene.model;
    content.title = options.title.empty() ? tr(Text::print_title) : options.title;
    if (!options.subtitle.empty()) {
        content.subtitle = options.subtitle;
    } else {
        std::vector<std::string> parts;
        if (scene.audience) {
            const std::string& name =
                gui::language() == gui::Language::fr ? scene.audience->name_fr : scene.audience->name_en;
            parts.push_back(tr(Text::print_audience) + (name.empty() ? scene.audience->id : name));
        }
        for (const auto& level : model.perimeters())
            if (level.main) parts.push_back(std::string(tr(Text::print_level)) + " " + percent(level.level));
        parts.push_back(date);
        content.subtitle = join(parts, " · ");
    }
    add_legend(scene, content.legend);
    content.attribution = attribution_text(scene);
    content.extent = options.bbox ? *options.bbox : model.focus_extent();
    for (const auto& level : model.perimeters()) content.avoid.push_back(level.geometry);
    content.items.reserve(model.items().size());
    for (const auto& item : model.items()) content.items.push_back(item.position);
    return content;
}

geo::Result<geo::PrintLayout> write_print_map(const gui::RenderScene& scene, const PrintOptions& options) {
    if (options.output.empty()) return geo::fail_fmt("no output file given (-o map.pdf)");
    auto page = geo::print_page(options.page);
    if (!page) return tl::unexpected(page.error());
    auto file = geo::BufferedOutput::create(options.output);
    if (!file) return tl::unexpected(file.error());
    std::string pdf_bytes;
    auto surface = create_surface(*page, options.format, pdf_bytes);
    if (!surface) return tl::unexpected(surface.error());
    Cairo cr(cairo_create(surface->get()));
    const double units_per_mm = options.format == PrintFormat::pdf ? 72.0 / geo::kMmPerInch : page->px_per_mm();
    cairo_scale(cr.get(), units_per_mm, units_per_mm);

    const geo::PrintContent content = print_content(scene, options, geo::utc_now_iso8601().substr(0, 10));
    auto layout = geo::layout_print(*page, content, [&](std::string_view text, double size_mm, bool bold) {
        return text_width_mm(cr.get(), text, size_mm, bold);
    });
    if (!layout) return tl::unexpected(layout.error().with_context(options.output));
    if (options.format == PrintFormat::pdf) {
        cairo_pdf_surface_set_metadata(surface->get(), CAIRO_PDF_METADATA_TITLE, content.title.c_str());
        cairo_pdf_surface_set_metadata(surface->get(), CAIRO_PDF_METADATA_CREATOR,
                                       (std::string("Territoire ") + TERRITOIRE_VERSION).c_str());
    }
    draw_print_page(cr.get(), *layout, scene);
    if (const cairo_status_t status = cairo_status(cr.get()); status != CAIRO_STATUS_SUCCESS)
        return geo::fail_fmt("{}: drawing the page failed: {}", options.output, cairo_status_to_string(status));
    cr.reset();
    if (options.format == PrintFormat::pdf) {
        cairo_surface_finish(surface->get());
        file->buffer() = std::move(pdf_bytes);
    } else {
        cairo_surface_flush(surface->get());
        if (cairo_surface_write_to_png_stream(surface->get(), append_to_string, &file->buffer()) !=
            CAIRO_STATUS_SUCCESS)
            return geo::fail_fmt("{}: cannot encode the PNG", options.output);
    }
    if (const cairo_status_t status = cairo_surface_status(surface->get()); status != CAIRO_STATUS_SUCCESS)
        return geo::fail_fmt("{}: {}", options.output, cairo_status_to_string(status));
    if (auto ok = file->commit(); !ok) return tl::unexpected(ok.error());
    return layout;
}

}  // namespace app::print
