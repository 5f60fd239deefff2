#pragma once
// One long task (loading a catalogue, an import, an export) on its own
// thread, with progress and cancel, whose result the main thread collects
// without blocking a frame.
// The task receives a geo::Progress to report (done, total) and to learn
// about cancellation (its callback returns false once cancel() was called).
// Thread-safety: all members are for the main thread; the task runs on the
// job's thread. Destroying a running job cancels it and waits for it.
// A finished task wakes the GUI frame loop (main_loop_wake.hpp).
// Failures: the task reports its own (e.g. a geo::Result as `Result`); an exception escaping the task
//   terminates the process (std::jthread); start() throws std::system_error when no thread can be started.
#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "app/gui/model/main_loop_wake.hpp"
#include "geo/core/offer.hpp"

namespace app::gui {

template <class Result>
class BackgroundJob {
public:
    using Task = std::function<Result(const geo::Progress&)>;

    BackgroundJob() = default;
    ~BackgroundJob() { cancel(); }
    BackgroundJob(const BackgroundJob&) = delete;
    BackgroundJob& operator=(const BackgroundJob&) = delete;

    // Starts `task`; a job still running is cancelled and awaited first.
    void start(Task task) {
        cancel();
        m_thread = std::jthread();  // joins
        m_done_count = 0;
        m_total = 0;
        m_cancelled = false;
        m_finished = false;
        m_result.reset();
        m_running = true;
        m_thread = std::jthread([this, task = std::move(task)] {
            const geo::Progress progress{&BackgroundJob::report, this};
            Result r = task(progress);
            {
                std::lock_guard lock(m_mutex);
                m_result.emplace(std::move(r));
                m_finished = true;
            }
            wake_main_loop();  // the view that takes the result draws only in a frame
        });
    }

    [[nodiscard]] bool running() const { return m_running && !m_finished; }
    // (done, total); total 0 when unknown.
    [[nodiscard]] std::pair<std::int64_t, std::int64_t> progress() const {
        return {m_done_count.load(), m_total.load()};
    }
    // The result once finished (once), else nullopt. Never blocks on the task.
    std::optional<Result> take() {
        if (!m_finished) return std::nullopt;
        std::optional<Result> out;
        {
            std::lock_guard lock(m_mutex);
            out = std::move(m_result);
            m_result.reset();
        }
        if (m_thread.joinable()) m_thread.join();  // already finished: returns at once
        m_running = false;
        return out;
    }
    void cancel() {
        m_cancelled = true;
        if (m_thread.joinable()) m_thread.join();
        m_running = false;
    }
    // For headless runs: waits for the task to finish.
    void wait() {
        if (m_thread.joinable()) m_thread.join();
    }

private:
    static bool report(std::int64_t done, std::int64_t total, void* self) {
        auto* job = static_cast<BackgroundJob*>(self);
        job->m_done_count = done;
        job->m_total = total;
        return !job->m_cancelled;
    }

    std::jthread m_thread;
    std::atomic<std::int64_t> m_done_count{0}, m_total{0};
    std::atomic<bool> m_cancelled{false}, m_finished{false};
    bool m_running = false;
    std::mutex m_mutex;
    std::optional<Result> m_result;
};

}  // namespace app::gui
