#include "app/gui/model/main_loop_wake.hpp"

#include <atomic>

namespace app::gui {
namespace {

std::atomic<Waker> g_waker{nullptr};
std::atomic<bool> g_woken{false};

}  // namespace

void set_main_loop_waker(Waker waker) {
    g_waker = waker;
}

void wake_main_loop() {
    g_woken = true;  // before the waker: the woken loop must see it
    if (const Waker waker = g_waker.load()) waker();
}

bool take_main_loop_wake() {
    return g_woken.exchange(false);
}

}  // namespace app::gui
