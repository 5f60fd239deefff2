#include "geo/io/temp_registry.hpp"

#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <mutex>

namespace geo::detail {
namespace {

constexpr const char* kSideSuffixes[] = {"", "-journal", "-wal", "-shm"};
constexpr std::size_t kLongestSuffix = 8;  // "-journal"
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

enum SlotState : int { kFree = 0, kFilling = 1, kActive = 2 };

struct Slot {
    std::atomic<int> state{kFree};
    char path[kMaxTempPathBytes + kLongestSuffix + 1] = {};
    std::size_t length = 0;
};

std::array<Slot, kMaxTempFiles> g_slots;

void unlink_all() {
    for (Slot& slot : g_slots) {
        if (slot.state.load(std::memory_order_acquire) != kActive) continue;
        for (const char* suffix : kSideSuffixes) {
            const std::size_t n = std::strlen(suffix);
            std::memcpy(slot.path + slot.length, suffix, n + 1);
            ::unlink(slot.path);
        }
        slot.path[slot.length] = '\0';
    }
}

void on_signal(int sig) {
    const int saved = errno;
    unlink_all();
    // SA_RESETHAND restored the default action; the signal, blocked while
    // this handler runs, ends the process once it returns.
    ::raise(sig);
    errno = saved;
}

void install_handlers() {
    for (int sig : kSignals) {
        struct sigaction current {};
        if (::sigaction(sig, nullptr, &current) != 0 || current.sa_handler != SIG_DFL) continue;
        struct sigaction action {};
        action.sa_handler = on_signal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESETHAND;
        ::sigaction(sig, &action, nullptr);
    }
}

}  // namespace

int register_temp_file(const std::string& path) {
    static std::once_flag installed;
    std::call_once(installed, install_handlers);
    if (path.size() > kMaxTempPathBytes) return -1;
    for (std::size_t i = 0; i < g_slots.size(); ++i) {
        int expected = kFree;
        if (!g_slots[i].state.compare_exchange_strong(expected, kFilling, std::memory_order_acq_rel)) continue;
        std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
        g_slots[i].length = path.size();
        g_slots[i].state.store(kActive, std::memory_order_release);
        return static_cast<int>(i);
    }
    return -1;
}

void unregister_temp_file(int slot) {
    if (slot < 0 || static_cast<std::size_t>(slot) >= g_slots.size()) return;
    g_slots[static_cast<std::size_t>(slot)].state.store(kFree, std::memory_order_release);
}

}  // namespace geo::detail
