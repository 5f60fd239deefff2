#pragma once
// Key presses shorter than a frame. ImGui 1.86 reads keys as "down now"
// (io.KeysDown) when a frame starts, so a press and its release that arrive
// in the same batch of events — a quick tap on a busy machine, xdotool's
// `key` — never reach a frame and the key is lost (1.87's input queue fixes
// this upstream). The latch holds such a release back until one frame has
// seen the key down; so does any release after a press since the last
// frame, so that a modifier let go together with its key (Ctrl+F) is still
// down when the frame sees the key.
// Thread-safety: main thread only (GLFW key callbacks and ImGui; the held keys are file-level statics).
// Failures: none (no return codes; a key event only appends to a vector).
#include <GLFW/glfw3.h>

namespace app::gui {

// Wraps ImGui's GLFW key callback on `window`; call after
// ImGui_ImplGlfw_InitForOpenGL(window, true). ImGui_ImplGlfw_Shutdown
// restores the callback it found, so no uninstall is needed.
void install_key_latch(GLFWwindow* window);

// After ImGui::Render(): releases held back for the frame just built are
// passed on, and take effect at the next frame (which the key event already
// asked for). Not between NewFrame and Render: a modifier released there
// would disagree with io.KeyMods, which an active text field asserts on
// (typing a capital letter is a Shift chord).
void release_latched_keys();

}  // namespace app::gui
