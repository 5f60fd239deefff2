#pragma once
// Keeps the OpenGL driver modules that EGL or GLX loaded (Mesa's
// *_dri.so: llvmpipe, …) in memory until the process exits, instead of
// unloading them at eglTerminate / glfwTerminate. Unloaded, the memory they
// keep for the life of the process is no longer reachable from their
// globals, and LeakSanitizer reports it as leaks in an "<unknown module>"
// that no suppression can name; kept, it is reachable, as it is in fact.
// Call once a context is current. Main thread; no failure modes (a module
// that cannot be pinned is left as it is).
namespace app::gui {

void pin_gl_driver_modules();

}  // namespace app::gui
