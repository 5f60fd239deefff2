#include "app/gui/views/audience_panel.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include "app/gui/i18n.hpp"
#include "app/gui/render/palette.hpp"

namespace app::gui {
namespace {

const std::string& audience_name(const geo::Audience& a) {
    return language() == Language::fr || a.name_en.empty() ? a.name_fr : a.name_en;
}

}  // namespace

void AudiencePanel::draw(MapModel& model, AudienceController& controller) {
    const auto& active = controller.audience();
    const std::string preview = active ? audience_name(*active) : tr(Text::audience_none);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##audience", preview.c_str())) {
        if (ImGui::Selectable(tr(Text::audience_none), !active)) controller.set_audience(std::nullopt, model);
        for (const auto& preset : m_presets) {
            const bool selected = active && active->id == preset.id;
            if (ImGui::Selectable(audience_name(preset).c_str(), selected))
                controller.set_audience(preset, model);
            if (ImGui::IsItemHovered() && !preset.description_fr.empty())
                ImGui::SetTooltip("%s", language() == Language::fr ? preset.description_fr.c_str()
                                                                   : preset.description_en.c_str());
        }
        ImGui::EndCombo();
    }
    if (!active) {
        ImGui::TextDisabled("%s", tr(Text::no_perimeter));
        return;
    }

    ImGui::TextDisabled("%s", tr(Text::family_weights));
    for (const geo::Family f : geo::kAllFamilies) {
        ImGui::PushID(static_cast<int>(f));
        const Rgba8 c = family_colour(f);
        const float h = ImGui::GetTextLineHeight();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + h / 2, p.y + ImGui::GetFrameHeight() / 2),
                                                    h * 0.33f, packed(c));
        ImGui::Dummy(ImVec2(h, ImGui::GetFrameHeight()));
        ImGui::SameLine(0, 4);
        float w = static_cast<float>(active->family_weight(f));
        const std::string name(family_name(f));
        ImGui::SetNextItemWidth(-1);
        if (ImGui::SliderFloat("##w", &w, 0.0f, 1.0f, (name + " %.2f").c_str()))
            controller.set_family_weight(f, w, model);
        ImGui::PopID();
    }

    AudienceParams params = controller.params();
    float level = static_cast<float>(params.levels.empty() ? 0.8 : params.levels.back()) * 100.0f;
    ImGui::SetNextItemWidth(-1);
    if (ImGui::SliderFloat("##level", &level, 30.0f, 99.0f,
                           fmt::format("{} %.0f %%", tr(Text::perimeter_level)).c_str())) {
        params.levels = {level / 100.0};
        controller.set_params(params, model);
    }
    bool automatic = !params.bandwidth_m.has_value();
    if (ImGui::Checkbox(tr(Text::bandwidth_auto), &automatic)) {
        params.bandwidth_m = automatic ? std::nullopt : std::optional<double>(8000.0);
        controller.set_params(params, model);
    }
    if (params.bandwidth_m) {
        float km = static_cast<float>(*params.bandwidth_m / 1000.0);
        ImGui::SetNextItemWidth(-1);
        if (ImGui::SliderFloat("##bandwidth", &km, 1.0f, 30.0f,
                               fmt::format("{} %.1f km", tr(Text::bandwidth)).c_str())) {
            params.bandwidth_m = km * 1000.0;
            controller.set_params(params, model);
        }
    }
    if (controller.busy()) ImGui::TextDisabled("%s", tr(Text::computing));
    if (const auto& r = controller.last_result()) {
        ImGui::TextDisabled("%s : %zu / %zu", tr(Text::weighted_items), r->weighted_items,
                            model.items().size());
        if (!r->error.empty()) ImGui::TextWrapped("%s", r->error.c_str());
    }
}

}  // namespace app::gui
