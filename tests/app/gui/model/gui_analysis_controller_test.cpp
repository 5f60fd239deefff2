// The on-demand analysis controllers (app/gui/model/analysis_controller.hpp):
// a started task's outcome arrives through poll() with the request that
// produced it; an error keeps the previous result; starting again drops the
// running task's outcome.
#include "app/gui/model/analysis_controller.hpp"

#include <atomic>
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

namespace app::gui {
namespace {

struct Request {
    int value = 0;
    int sleep_ms = 0;
};

geo::Result<int> square(const Request& r) {
    std::this_thread::sleep_for(std::chrono::milliseconds(r.sleep_ms));
    if (r.value < 0) return geo::fail("negative value " + std::to_string(r.value));
    return r.value * r.value;
}

// Polls until something arrives (5 s at most).
bool poll_until_done(AnalysisController<Request, int>& c) {
    for (int i = 0; i < 500; ++i) {
        if (c.poll()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

}  // namespace

TEST(GuiAnalysisController, OutcomeArrivesWithItsRequestAndAnErrorKeepsIt) {
    AnalysisController<Request, int> c(square);
    EXPECT_FALSE(c.poll());
    EXPECT_FALSE(c.result());
    EXPECT_EQ(c.result_request(), nullptr);

    c.start({7, 20});
    EXPECT_TRUE(c.busy());
    ASSERT_TRUE(poll_until_done(c));
    EXPECT_FALSE(c.busy());
    ASSERT_TRUE(c.result());
    EXPECT_EQ(*c.result(), 49);
    ASSERT_NE(c.result_request(), nullptr);
    EXPECT_EQ(c.result_request()->value, 7);
    EXPECT_TRUE(c.error().empty());
    EXPECT_GE(c.last_seconds(), 0.015);

    c.start({-2, 0});
    ASSERT_TRUE(poll_until_done(c));
    EXPECT_EQ(c.error(), "negative value -2");
    EXPECT_EQ(*c.result(), 49) << "the previous result stays beside the error";
    EXPECT_EQ(c.result_request()->value, 7);

    c.start({3, 0});
    EXPECT_TRUE(c.error().empty()) << "a new start clears the error";
    ASSERT_TRUE(c.wait_and_poll());
    EXPECT_EQ(*c.result(), 9);
}

TEST(GuiAnalysisController, StartingAgainDropsTheRunningTask) {
    AnalysisController<Request, int> c(square);
    c.start({5, 200});
    c.start({6, 0});
    ASSERT_TRUE(poll_until_done(c));
    EXPECT_EQ(*c.result(), 36);
    EXPECT_EQ(c.result_request()->value, 6);
    EXPECT_FALSE(c.poll()) << "the first task's outcome never arrives";
}

}  // namespace app::gui
