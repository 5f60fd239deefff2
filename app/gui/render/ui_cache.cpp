#include "app/gui/render/ui_cache.hpp"

#include <cmath>
#include <cstring>

#include <backends/imgui_impl_opengl3.h>

namespace app::gui {
namespace {

void fnv(std::uint64_t& h, const void* data, std::size_t bytes) {
    const auto* p = static_cast<const unsigned char*>(data);
    // 8 bytes at a time: fast enough for a few hundred kB per frame.
    std::size_t i = 0;
    for (; i + 8 <= bytes; i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, p + i, 8);
        h = (h ^ word) * 1099511628211ULL;
    }
    for (; i < bytes; ++i) h = (h ^ p[i]) * 1099511628211ULL;
}

ImDrawData subset(const ImDrawData& data, std::vector<ImDrawList*>& lists) {
    ImDrawData out = data;
    out.CmdLists = lists.data();
    out.CmdListsCount = static_cast<int>(lists.size());
    out.TotalVtxCount = out.TotalIdxCount = 0;
    for (const ImDrawList* l : lists) {
        out.TotalVtxCount += l->VtxBuffer.Size;
        out.TotalIdxCount += l->IdxBuffer.Size;
    }
    return out;
}

}  // namespace

std::uint64_t hash_draw_lists(const std::vector<const ImDrawList*>& lists) {
    std::uint64_t h = 1469598103934665603ULL;
    for (const ImDrawList* l : lists) {
        fnv(h, l->VtxBuffer.Data, static_cast<std::size_t>(l->VtxBuffer.Size) * sizeof(ImDrawVert));
        fnv(h, l->IdxBuffer.Data, static_cast<std::size_t>(l->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& c : l->CmdBuffer) {
            fnv(h, &c.ClipRect, sizeof(c.ClipRect));
            fnv(h, &c.TextureId, sizeof(c.TextureId));
            fnv(h, &c.VtxOffset, sizeof(c.VtxOffset));
            fnv(h, &c.IdxOffset, sizeof(c.IdxOffset));
            fnv(h, &c.ElemCount, sizeof(c.ElemCount));
            const bool callback = c.UserCallback != nullptr;
            fnv(h, &callback, sizeof(callback));
        }
    }
    return h;
}

bool UiCache::is_panel(const ImDrawList* list) const {
    const char* name = list->_OwnerName;
    if (name == nullptr) return false;
    for (const auto& p : m_prefixes)
        if (std::strncmp(name, p.c_str(), p.size()) == 0) return true;
    return false;
}

bool UiCache::render(ImDrawData* data, const std::vector<UiRect>& rects, ImVec4 clear, int fb_w, int fb_h) {
    std::vector<ImDrawList*> panels, rest;
    for (int i = 0; i < data->CmdListsCount; ++i)
        (is_panel(data->CmdLists[i]) ? panels : rest).push_back(data->CmdLists[i]);
    const float sx = data->FramebufferScale.x, sy = data->FramebufferScale.y;
    if (panels.empty() || fb_w <= 0 || fb_h <= 0 || sx != 1.0f || sy != 1.0f) {
        ImGui_ImplOpenGL3_RenderDrawData(data);
        return false;
    }
    GLint target = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target);
    if (!m_target || m_w != fb_w || m_h != fb_h) {
        m_target = make_texture_target(fb_w, fb_h);
        if (!m_target) {
            ImGui_ImplOpenGL3_RenderDrawData(data);
            return false;
        }
        m_w = fb_w;
        m_h = fb_h;
        m_valid = false;
    }
    const std::uint64_t hash = hash_draw_lists({panels.begin(), panels.end()});
    const bool reused = m_valid && hash == m_hash;
    if (!reused) {
        glBindFramebuffer(GL_FRAMEBUFFER, m_target.fbo.get());
        glViewport(0, 0, fb_w, fb_h);
        glDisable(GL_SCISSOR_TEST);
        glClearColor(clear.x, clear.y, clear.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImDrawData sub = subset(*data, panels);
        ImGui_ImplOpenGL3_RenderDrawData(&sub);
        m_hash = hash;
        m_valid = true;
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_target.fbo.get());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(target));
    glDisable(GL_SCISSOR_TEST);
    for (const UiRect& r : rects) {
        if (r.w <= 0 || r.h <= 0) continue;
        const int x0 = static_cast<int>(std::floor(r.x)), x1 = static_cast<int>(std::ceil(r.x + r.w));
        const int y0 = fb_h - static_cast<int>(std::ceil(r.y + r.h)), y1 = fb_h - static_cast<int>(std::floor(r.y));
        glBlitFramebuffer(x0, y0, x1, y1, x0, y0, x1, y1, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(target));
    ImDrawData others = subset(*data, rest);
    if (!rest.empty()) ImGui_ImplOpenGL3_RenderDrawData(&others);
    return reused;
}

}  // namespace app::gui
