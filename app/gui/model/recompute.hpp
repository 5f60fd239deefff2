#pragma once
// A debounced background recompute: the main thread files requests (e.g. a
// perimeter for the current slider values) as often as it likes; one worker
// thread computes only the newest request once no newer one has arrived for
// `debounce`; finished results wait in a queue that the main thread polls
// without ever blocking a frame.
//
// Latest request wins: a request replaced before the worker picked it up is
// never computed. Results come out in request order (sequence numbers
// strictly increase); a result older than one already delivered is dropped.
// The task runs on the worker thread: it must only read what it is given.
// Thread-safety: request(), poll(), idle() and wait_idle() may be called from
// any thread; typically the main thread. The destructor waits for a running
// task to finish (tasks should be short or check `superseded`). A finished
// task wakes the GUI frame loop (main_loop_wake.hpp).
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "app/gui/model/main_loop_wake.hpp"

namespace app::gui {

template <class Request, class Result>
class Recompute {
public:
    // `superseded()` turns true once a newer request exists: a long task may
    // give up early (its result is then still delivered if it finishes).
    using Task = std::function<Result(const Request&, const std::function<bool()>& superseded)>;

    struct Delivery {
        std::uint64_t seq = 0;
        Request request;
        Result result;
    };

    Recompute(Task task, std::chrono::milliseconds debounce)
        : m_task(std::move(task)), m_debounce(debounce), m_worker([this](std::stop_token stop) { run(stop); }) {}

    ~Recompute() {
        m_worker.request_stop();
        m_cv.notify_all();
    }

    Recompute(const Recompute&) = delete;
    Recompute& operator=(const Recompute&) = delete;

    // Files a request, replacing any request not yet started. Returns its
    // sequence number.
    std::uint64_t request(Request request) {
        std::uint64_t seq;
        {
            std::lock_guard lock(m_mutex);
            seq = ++m_last_seq;
            m_pending = Pending{seq, std::move(request), Clock::now()};
        }
        m_cv.notify_all();
        return seq;
    }

    // The results finished since the last poll, oldest first. Never blocks
    // beyond a short lock.
    std::vector<Delivery> poll() {
        std::lock_guard lock(m_mutex);
        std::vector<Delivery> out(std::make_move_iterator(m_done.begin()), std::make_move_iterator(m_done.end()));
        m_done.clear();
        return out;
    }

    // True when nothing is pending or running (finished results may still
    // wait in the queue).
    [[nodiscard]] bool idle() const {
        std::lock_guard lock(m_mutex);
        return !m_pending && !m_running;
    }

    // For headless runs and tests: waits until idle or the timeout passes.
    bool wait_idle(std::chrono::milliseconds timeout) {
        std::unique_lock lock(m_mutex);
        return m_idle_cv.wait_for(lock, timeout, [&] { return !m_pending && !m_running; });
    }

    // How many requests were actually computed.
    [[nodiscard]] std::uint64_t computed_count() const {
        std::lock_guard lock(m_mutex);
        return m_computed;
    }

    // The message of the last task that threw, if any.
    [[nodiscard]] std::string last_error() const {
        std::lock_guard lock(m_mutex);
        return m_last_error;
    }

private:
    using Clock = std::chrono::steady_clock;
    struct Pending {
        std::uint64_t seq;
        Request request;
        Clock::time_point filed;
    };

    void run(std::stop_token stop) {
        std::unique_lock lock(m_mutex);
        while (!stop.stop_requested()) {
            if (!m_cv.wait(lock, stop, [&] { return m_pending.has_value(); })) return;
            // Debounce: wait until the newest request has been quiet long enough.
            while (m_pending && Clock::now() < m_pending->filed + m_debounce) {
                const auto until = m_pending->filed + m_debounce;
                m_cv.wait_until(lock, stop, until, [&] { return false; });
                if (stop.stop_requested()) return;
            }
            if (!m_pending) continue;
            Pending job = std::move(*m_pending);
            m_pending.reset();
            m_running = true;
            lock.unlock();

            std::optional<Result> result;
            std::string error;
            const std::function<bool()> superseded = [this, seq = job.seq] {
                std::lock_guard guard(m_mutex);
                return m_last_seq > seq;
            };
            try {
                result.emplace(m_task(job.request, superseded));
            } catch (const std::exception& e) {
                error = e.what();
            } catch (...) {
                error = "unknown exception";
            }

            lock.lock();
            m_running = false;
            ++m_computed;
            if (result && job.seq > m_last_delivered) {
                m_last_delivered = job.seq;
                m_done.push_back(Delivery{job.seq, std::move(job.request), std::move(*result)});
            }
            if (!error.empty()) m_last_error = std::move(error);
            if (!m_pending) m_idle_cv.notify_all();
            wake_main_loop();  // the loop polls the result at once, not on its next timeout
        }
    }

    Task m_task;
    std::chrono::milliseconds m_debounce;
    mutable std::mutex m_mutex;
    std::condition_variable_any m_cv;
    std::condition_variable m_idle_cv;
    std::optional<Pending> m_pending;
    std::deque<Delivery> m_done;
    std::uint64_t m_last_seq = 0;
    std::uint64_t m_last_delivered = 0;
    std::uint64_t m_computed = 0;
    bool m_running = false;
    std::string m_last_error;
    std::jthread m_worker;  // last: starts after the members above exist
};

}  // namespace app::gui
