// Debounced background recompute: latest request wins, results in order,
// poll never blocks.
#include "app/gui/model/recompute.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <vector>

namespace app::gui {
namespace {

using namespace std::chrono_literals;

TEST(Recompute, RapidRequestsComputeOnlyTheLatest) {
    std::mutex m;
    std::vector<int> computed;
    Recompute<int, int> rc(
        [&](const int& x, const std::function<bool()>&) {
            std::lock_guard lock(m);
            computed.push_back(x);
            return x * x;
        },
        200ms);
    for (int i = 1; i <= 10; ++i) rc.request(i);
    ASSERT_TRUE(rc.wait_idle(5s));
    EXPECT_EQ(computed, std::vector<int>{10});
    EXPECT_EQ(rc.computed_count(), 1u);
    const auto out = rc.poll();
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].request, 10);
    EXPECT_EQ(out[0].result, 100);
    EXPECT_EQ(out[0].seq, 10u);
    EXPECT_TRUE(rc.poll().empty());  // delivered once
}

TEST(Recompute, SpacedRequestsAreAllComputedInOrder) {
    Recompute<int, int> rc([](const int& x, const std::function<bool()>&) { return x + 1; }, 1ms);
    std::vector<int> results;
    for (int i = 0; i < 5; ++i) {
        rc.request(i);
        ASSERT_TRUE(rc.wait_idle(5s));
        for (auto& d : rc.poll()) results.push_back(d.result);
    }
    EXPECT_EQ(results, (std::vector<int>{1, 2, 3, 4, 5}));
}

TEST(Recompute, ASupersededRunningTaskSeesItAndNewerResultsFollow) {
    std::atomic<bool> started{false};
    std::atomic<bool> saw_superseded{false};
    Recompute<int, int> rc(
        [&](const int& x, const std::function<bool()>& superseded) {
            if (x == 1) {
                started = true;
                const auto deadline = std::chrono::steady_clock::now() + 5s;
                while (!superseded() && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(1ms);
                saw_superseded = superseded();
            }
            return x;
        },
        1ms);
    rc.request(1);
    while (!started) std::this_thread::sleep_for(1ms);
    rc.request(2);
    ASSERT_TRUE(rc.wait_idle(10s));
    EXPECT_TRUE(saw_superseded);
    const auto out = rc.poll();
    ASSERT_EQ(out.size(), 2u);  // the stale one still gives live feedback, in order
    EXPECT_LT(out[0].seq, out[1].seq);
    EXPECT_EQ(out[1].result, 2);
}

TEST(Recompute, PollDoesNotWaitForARunningTask) {
    std::atomic<bool> release{false};
    std::atomic<bool> started{false};
    Recompute<int, int> rc(
        [&](const int& x, const std::function<bool()>&) {
            started = true;
            while (!release) std::this_thread::sleep_for(1ms);
            return x;
        },
        1ms);
    rc.request(3);
    while (!started) std::this_thread::sleep_for(1ms);
    EXPECT_FALSE(rc.idle());
    EXPECT_TRUE(rc.poll().empty());  // returns at once while the task runs
    release = true;
    ASSERT_TRUE(rc.wait_idle(5s));
    EXPECT_EQ(rc.poll().size(), 1u);
}

TEST(Recompute, AThrowingTaskIsReportedNotDelivered) {
    Recompute<int, int> rc(
        [](const int& x, const std::function<bool()>&) -> int {
            if (x < 0) throw std::runtime_error("negative input -1");
            return x;
        },
        1ms);
    rc.request(-1);
    ASSERT_TRUE(rc.wait_idle(5s));
    EXPECT_TRUE(rc.poll().empty());
    EXPECT_EQ(rc.last_error(), "negative input -1");
}

}  // namespace
}  // namespace app::gui
