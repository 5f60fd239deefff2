#include "app/gui/model/panel_layout.hpp"

#include <algorithm>

namespace app::gui {

float clamp_panel_px(float px) {
    return std::clamp(px, kMinPanelPx, kMaxPanelPx);
}

PanelWidths layout_panels(float window_px, float left_pref_px, float right_pref_px, bool show_left, bool show_right) {
    const float window = std::max(window_px, 0.0f);
    const auto preferred = [window](float pref, float share, float fallback) {
        return pref > 0.0f ? clamp_panel_px(pref) : std::clamp(share * window, kMinPanelPx, fallback);
    };
    float left = show_left ? preferred(left_pref_px, kLeftPanelShare, kDefaultLeftPanelPx) : 0.0f;
    float right = show_right ? preferred(right_pref_px, kRightPanelShare, kDefaultRightPanelPx) : 0.0f;
    const int shown = (show_left ? 1 : 0) + (show_right ? 1 : 0);
    if (shown == 0) return {0.0f, 0.0f};
    // Readable panels first: each keeps kMinPanelPx while the map keeps
    // kMinMapPx; on a smaller window the three share what there is.
    const float floor = std::clamp((window - kMinMapPx) / static_cast<float>(shown), window / 6.0f, kMinPanelPx);
    const float room = std::max(window - kMinMapPx, 0.0f);  // what the panels may take
    const float wanted = left + right;
    if (wanted > room) {
        const float scale = room / wanted;
        left = show_left ? std::max(left * scale, floor) : 0.0f;
        right = show_right ? std::max(right * scale, floor) : 0.0f;
        // What a panel raised to the floor took comes out of the other one,
        // down to its own floor.
        const float excess = left + right - room;
        if (excess > 0.0f) {
            if (left > right)
                left = std::max(left - excess, floor);
            else
                right = std::max(right - excess, floor);
        }
    }
    return {left, right};
}

}  // namespace app::gui
