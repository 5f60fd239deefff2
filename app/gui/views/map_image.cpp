#include "app/gui/views/map_image.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "app/gui/views/map_overlay.hpp"

namespace app::gui {

geo::Result<Image> render_map_image(const MapModel& model, MapRenderer& renderer, const std::string& attribution) {
    const Camera& camera = model.camera();
    const int w = camera.width_px(), h = camera.height_px();
    auto target = Offscreen::create(w, h);
    if (!target) return tl::unexpected(target.error());
    target->bind();
    renderer.draw(model, 0, 0);

    ImDrawList list(ImGui::GetDrawListSharedData());
    list._ResetForNewFrame();
    list.PushTextureID(ImGui::GetIO().Fonts->TexID);
    list.PushClipRect(ImVec2(0, 0), ImVec2(static_cast<float>(w), static_cast<float>(h)));
    OverlayOptions overlay;
    overlay.legend = true;
    draw_map_overlay(&list, ImVec2(0, 0), model, renderer, attribution, overlay);
    list.PopClipRect();
    list.PopTextureID();

    ImDrawList* lists[] = {&list};
    ImDrawData data;
    data.Valid = true;
    data.CmdLists = lists;
    data.CmdListsCount = 1;
    data.TotalVtxCount = list.VtxBuffer.Size;
    data.TotalIdxCount = list.IdxBuffer.Size;
    data.DisplayPos = ImVec2(0, 0);
    data.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
    data.FramebufferScale = ImVec2(1, 1);
    ImGui_ImplOpenGL3_RenderDrawData(&data);
    glFinish();
    Image image = read_pixels(0, 0, w, h);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return image;
}

}  // namespace app::gui
