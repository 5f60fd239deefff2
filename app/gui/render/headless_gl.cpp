#include "app/gui/render/headless_gl.hpp"

#include <EGL/egl.h>
#include <EGL/eglext.h>

#include <fmt/format.h>

#include "app/gui/render/gl_driver_pin.hpp"

namespace app::gui {

struct HeadlessGl::State {
    EGLDisplay display = EGL_NO_DISPLAY;
    EGLContext context = EGL_NO_CONTEXT;
    ~State() {
        if (display == EGL_NO_DISPLAY) return;
        eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        if (context != EGL_NO_CONTEXT) eglDestroyContext(display, context);
        eglTerminate(display);
    }
};

HeadlessGl::HeadlessGl(std::unique_ptr<State> state) : m_state(std::move(state)) {}
HeadlessGl::HeadlessGl(HeadlessGl&&) noexcept = default;
HeadlessGl& HeadlessGl::operator=(HeadlessGl&&) noexcept = default;
HeadlessGl::~HeadlessGl() = default;

geo::Result<HeadlessGl> HeadlessGl::create() {
    auto get_platform_display =
        reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
    if (get_platform_display == nullptr)
        return geo::fail_fmt("EGL: eglGetPlatformDisplayEXT is missing (no EGL_EXT_platform_base)");
    auto state = std::make_unique<State>();
    state->display = get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (state->display == EGL_NO_DISPLAY)
        return geo::fail_fmt("EGL: no surfaceless platform (EGL_MESA_platform_surfaceless)");
    EGLint major = 0, minor = 0;
    if (eglInitialize(state->display, &major, &minor) != EGL_TRUE) {
        state->display = EGL_NO_DISPLAY;
        return geo::fail_fmt("EGL: eglInitialize failed (error 0x{:x})", eglGetError());
    }
    if (eglBindAPI(EGL_OPENGL_API) != EGL_TRUE) return geo::fail_fmt("EGL: desktop OpenGL is not available");
    const EGLint context_attributes[] = {
        EGL_CONTEXT_MAJOR_VERSION,           3,       EGL_CONTEXT_MINOR_VERSION, 3, EGL_CONTEXT_OPENGL_PROFILE_MASK,
        EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
    // Configless (EGL_KHR_no_config_context): we only draw into framebuffer objects.
    state->context = eglCreateContext(state->display, EGL_NO_CONFIG_KHR, EGL_NO_CONTEXT, context_attributes);
    if (state->context == EGL_NO_CONTEXT)
        return geo::fail_fmt("EGL: no OpenGL 3.3 core context (error 0x{:x})", eglGetError());
    if (eglMakeCurrent(state->display, EGL_NO_SURFACE, EGL_NO_SURFACE, state->context) != EGL_TRUE)
        return geo::fail_fmt("EGL: eglMakeCurrent failed (error 0x{:x})", eglGetError());
    pin_gl_driver_modules();
    return HeadlessGl(std::move(state));
}

}  // namespace app::gui
