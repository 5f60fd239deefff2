#pragma once
// Wakes the GUI frame loop when background work finishes, so that its
// result is drawn at once: the loop sleeps until an input event
// (glfwWaitEvents…) and draws only when something changed, and a result
// taken by a view during a frame (an import, an export, a benchmark) would
// otherwise wait on screen behind a progress bar until the mouse moves.
// The loop installs the waker (glfwPostEmptyEvent, which any thread may
// call); without one (tests, `territoire render`) a wake only raises the flag.
// Thread-safety: wake_main_loop() from any thread; the rest on the main thread.
// Failures: none (an atomic flag and an atomic waker pointer).
namespace app::gui {

using Waker = void (*)();

// nullptr uninstalls it (before the window goes away).
void set_main_loop_waker(Waker waker);
// A task finished: ask for a frame.
void wake_main_loop();
// True once after one or more wakes.
bool take_main_loop_wake();

}  // namespace app::gui
