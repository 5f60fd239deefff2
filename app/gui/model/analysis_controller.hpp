#pragma once
// The shape of the on-demand analyses (Benchmark, Segments): a button starts
// the geo/ use case on a BackgroundJob thread with a request that holds
// everything it reads; each frame, poll() collects the outcome. The same
// surface as the reactive controllers (AudienceController, GapsController):
// poll(), busy(), error(), last_seconds(), and the result with the request
// that produced it.
// Threads: every member on the main thread; `run` on the job's thread, with
//   its own copy of the request. Starting again cancels the running task
//   (its result is dropped) and waits for it.
// Failures: the use case's error message, kept in error() (the previous
//   result stays); nothing thrown.
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "app/gui/model/background_job.hpp"
#include "geo/core/error.hpp"

namespace app::gui {

template <class Request, class Outcome>
class AnalysisController {
public:
    using Run = std::function<geo::Result<Outcome>(const Request&)>;

    explicit AnalysisController(Run run) : m_run(std::move(run)) {}

    void start(Request request) {
        m_error.clear();
        m_running = std::make_shared<const Request>(std::move(request));
        m_job.start([request = m_running, run = m_run](const geo::Progress&) {
            const auto t0 = std::chrono::steady_clock::now();
            Timed out{run(*request), 0.0};
            out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            return out;
        });
    }
    // Applies a finished task: true when an outcome or an error arrived.
    bool poll() {
        auto done = m_job.take();
        if (!done) return false;
        m_seconds = done->seconds;
        if (done->outcome) {
            m_result = std::move(*done->outcome);
            m_result_request = m_running;
            m_error.clear();
        } else {
            m_error = done->outcome.error().message;
        }
        return true;
    }
    // An error found before starting (e.g. nothing to analyse).
    void set_error(std::string message) { m_error = std::move(message); }

    [[nodiscard]] bool busy() const { return m_job.running(); }
    [[nodiscard]] const std::string& error() const { return m_error; }
    [[nodiscard]] double last_seconds() const { return m_seconds; }
    [[nodiscard]] const std::optional<Outcome>& result() const { return m_result; }
    // The request of result() (null before the first one).
    [[nodiscard]] const Request* result_request() const { return m_result_request.get(); }
    // Headless runs and tests: waits for the running task, then polls.
    bool wait_and_poll() {
        m_job.wait();
        return poll();
    }

private:
    struct Timed {
        geo::Result<Outcome> outcome;
        double seconds;
    };
    Run m_run;
    BackgroundJob<Timed> m_job;
    std::shared_ptr<const Request> m_running, m_result_request;
    std::optional<Outcome> m_result;
    std::string m_error;
    double m_seconds = 0.0;
};

}  // namespace app::gui
