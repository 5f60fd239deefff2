#include "app/gui/views/territory_labels.hpp"

#include <fmt/format.h>

#include "app/gui/i18n.hpp"

namespace app::gui {

std::string territory_spec(const geo::Territory& t) {
    return fmt::format("{}:{}", geo::territory_level_id(t.level), t.code);
}

std::string territory_label(const geo::Territory& t) {
    return fmt::format("{} ({} {})", t.name, level_name(t.level), t.code);
}

std::string territory_label(const std::vector<geo::Territory>& territories, const std::string& spec) {
    for (const geo::Territory& t : territories)
        if (territory_spec(t) == spec) return territory_label(t);
    return spec;
}

}  // namespace app::gui
