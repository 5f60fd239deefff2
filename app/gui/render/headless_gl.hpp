#pragma once
// An OpenGL 3.3 core context with no window and no display: EGL on Mesa's
// surfaceless platform (llvmpipe when there is no GPU). Used by
// `territoire render` and the renderer tests, which draw into an Offscreen
// target. Owns the EGL display connection and context (move-only); the
// context is current on the creating thread.
// Failure: no EGL, no surfaceless platform, or no 3.3 core context — the
// message says which; callers may then fall back to a hidden GLFW window.
#include <memory>

#include "geo/core/error.hpp"

namespace app::gui {

class HeadlessGl {
public:
    static geo::Result<HeadlessGl> create();
    HeadlessGl(HeadlessGl&&) noexcept;
    HeadlessGl& operator=(HeadlessGl&&) noexcept;
    ~HeadlessGl();

private:
    struct State;
    explicit HeadlessGl(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

}  // namespace app::gui
