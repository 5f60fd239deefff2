#include "app/gui/ui_style.hpp"

#include <filesystem>

#include <imgui.h>

namespace app::gui {

namespace {
ImFont* g_bold_font = nullptr;
}  // namespace

ImFont* bold_font() {
    return g_bold_font != nullptr ? g_bold_font : ImGui::GetFont();
}

bool load_fonts(const std::string& path, float size_px) {
    g_bold_font = nullptr;  // a font of an earlier ImGui context is gone
    ImGuiIO& io = ImGui::GetIO();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        io.Fonts->AddFontDefault();
        return false;
    }
    static const ImWchar kRanges[] = {
        0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement (é, à, ç, ², ×, «»)
        0x0100, 0x017F,  // Latin Extended-A (œ, Œ, ŷ…)
        0x0391, 0x03C9,  // Greek (σ of the bandwidth notes)
        0x2010, 0x202F,  // dashes, quotes, bullet, ellipsis, narrow no-break space (1 399)
        0x2030, 0x203A,  // per mille, single guillemets
        0x20AC, 0x20AC,  // euro
        0x2190, 0x2193,  // arrows
        0x2212, 0x2212,  // minus
        0x2264, 0x2265,  // ≤ ≥
        0x25B2, 0x25BC,  // ▲ ▼
        0,
    };
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    ImFont* font = io.Fonts->AddFontFromFileTTF(path.c_str(), size_px, &config, kRanges);
    if (font == nullptr) {
        io.Fonts->AddFontDefault();
        return false;
    }
    // The bold face of the map's main place names, beside the regular one.
    const std::filesystem::path bold = std::filesystem::path(path).parent_path() / "DejaVuSans-Bold.ttf";
    if (std::filesystem::is_regular_file(bold, ec))
        g_bold_font = io.Fonts->AddFontFromFileTTF(bold.c_str(), size_px + 1.0f, &config, kRanges);
    return true;
}

void apply_light_theme() {
    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 0.0f;
    style.FrameRounding = 4.0f;
    style.GrabRounding = 4.0f;
    style.ScrollbarRounding = 6.0f;
    style.TabRounding = 4.0f;
    style.WindowBorderSize = 1.0f;
    style.FrameBorderSize = 0.0f;
    style.WindowPadding = ImVec2(10, 10);
    style.FramePadding = ImVec2(7, 4);
    style.ItemSpacing = ImVec2(8, 6);
    style.CellPadding = ImVec2(5, 3);
    style.ScrollbarSize = 12.0f;

    ImVec4* c = style.Colors;
    const ImVec4 ink(0.16f, 0.19f, 0.23f, 1.0f);
    const ImVec4 accent(0.27f, 0.42f, 0.56f, 1.0f);  // muted slate blue
    c[ImGuiCol_Text] = ink;
    c[ImGuiCol_TextDisabled] = ImVec4(0.50f, 0.54f, 0.58f, 1.0f);
    c[ImGuiCol_WindowBg] = ImVec4(0.972f, 0.976f, 0.980f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = ImVec4(0.99f, 0.99f, 0.99f, 0.98f);
    c[ImGuiCol_Border] = ImVec4(0.80f, 0.83f, 0.86f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(0.91f, 0.93f, 0.95f, 1.0f);
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.86f, 0.90f, 0.94f, 1.0f);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.81f, 0.87f, 0.92f, 1.0f);
    c[ImGuiCol_TitleBg] = ImVec4(0.93f, 0.94f, 0.95f, 1.0f);
    c[ImGuiCol_TitleBgActive] = ImVec4(0.88f, 0.91f, 0.94f, 1.0f);
    c[ImGuiCol_MenuBarBg] = ImVec4(0.94f, 0.95f, 0.96f, 1.0f);
    c[ImGuiCol_CheckMark] = accent;
    c[ImGuiCol_SliderGrab] = ImVec4(accent.x, accent.y, accent.z, 0.78f);
    c[ImGuiCol_SliderGrabActive] = accent;
    c[ImGuiCol_Button] = ImVec4(0.88f, 0.91f, 0.94f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.80f, 0.86f, 0.92f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.72f, 0.81f, 0.89f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.85f, 0.89f, 0.93f, 1.0f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.80f, 0.86f, 0.92f, 1.0f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.74f, 0.82f, 0.90f, 1.0f);
    c[ImGuiCol_Separator] = c[ImGuiCol_Border];
    c[ImGuiCol_Tab] = ImVec4(0.90f, 0.92f, 0.94f, 1.0f);
    c[ImGuiCol_TabHovered] = ImVec4(0.80f, 0.86f, 0.92f, 1.0f);
    c[ImGuiCol_TabActive] = ImVec4(0.84f, 0.89f, 0.93f, 1.0f);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.90f, 0.92f, 0.94f, 1.0f);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(0.0f, 0.0f, 0.0f, 0.025f);
    c[ImGuiCol_PlotHistogram] = accent;
    c[ImGuiCol_TextSelectedBg] = ImVec4(accent.x, accent.y, accent.z, 0.25f);
}

}  // namespace app::gui
