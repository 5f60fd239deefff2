#pragma once
// Widths of the side panels for a window width.
//   A panel the user has not resized (preferred width 0) takes its automatic
//   width: a share of the window within [kMinPanelPx, its default] (left 25 %
//   up to 340 px, right 33 % up to 480 px), so the map keeps ~40 % of a
//   1024-1280 px window and all the rest on a wide screen.
//   A width dragged with the splitter (kept in the project) is shown as is
//   while the map keeps kMinMapPx; past that both panels shrink in
//   proportion, each down to kMinPanelPx, and on a window too small for two
//   such panels and the map (< 640 px) the three share what there is, a
//   panel never under window / 6.
// Pure; no ImGui. Units: window pixels.
namespace app::gui {

inline constexpr float kDefaultLeftPanelPx = 340.0f;
inline constexpr float kDefaultRightPanelPx = 480.0f;
inline constexpr float kLeftPanelShare = 0.25f;
inline constexpr float kRightPanelShare = 0.33f;
inline constexpr float kMinPanelPx = 200.0f;
inline constexpr float kMaxPanelPx = 1200.0f;
inline constexpr float kMinMapPx = 240.0f;

struct PanelWidths {
    float left_px = 0.0f;   // 0 when hidden
    float right_px = 0.0f;  // 0 when hidden
};

// The widths to draw; a preferred width of 0 means automatic.
PanelWidths layout_panels(float window_px, float left_pref_px, float right_pref_px, bool show_left, bool show_right);

// A preferred width after a splitter drag, within [kMinPanelPx, kMaxPanelPx].
float clamp_panel_px(float px);

}  // namespace app::gui
