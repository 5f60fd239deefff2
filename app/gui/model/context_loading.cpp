#include "app/gui/model/context_loading.hpp"

#include <filesystem>

#include "geo/io/context_layer.hpp"

namespace app::gui {

geo::Result<std::string> load_context_layer(MapModel& model, const std::string& path) {
    auto context = geo::read_context_layer(path);
    if (!context) return tl::unexpected(context.error());
    const std::string id = model.layers().add_context(path);
    model.set_context(id, std::move(*context));
    // Natural Earth files keep their "ne_" names: credit them (public domain).
    if (std::filesystem::path(path).filename().string().rfind("ne_", 0) == 0) return std::string("Natural Earth");
    return std::string();
}

}  // namespace app::gui
