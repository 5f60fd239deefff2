// Side panel widths for a window width (issue 11.4: resizable side panels;
// "at 1024×700 the map is ~200 px wide").
#include "app/gui/model/panel_layout.hpp"

#include <gtest/gtest.h>

namespace {

using app::gui::layout_panels;

TEST(PanelLayout, AWideWindowShowsTheDefaultWidths) {
    const auto w = layout_panels(1920, 0, 0, true, true);
    EXPECT_FLOAT_EQ(w.left_px, app::gui::kDefaultLeftPanelPx);
    EXPECT_FLOAT_EQ(w.right_px, app::gui::kDefaultRightPanelPx);
    const auto hidden = layout_panels(1920, 0, 0, false, true);
    EXPECT_FLOAT_EQ(hidden.left_px, 0);
    EXPECT_FLOAT_EQ(hidden.right_px, app::gui::kDefaultRightPanelPx);
}

TEST(PanelLayout, AutomaticWidthsLeaveTheMapAboutFortyPercentOfASmallWindow) {
    for (float window : {640.0f, 800.0f, 1024.0f, 1280.0f, 1440.0f}) {
        const auto w = layout_panels(window, 0, 0, true, true);
        const float map = window - w.left_px - w.right_px;
        EXPECT_GE(map, app::gui::kMinMapPx) << window;
        EXPECT_GE(w.left_px, app::gui::kMinPanelPx) << window;
        EXPECT_GE(w.right_px, app::gui::kMinPanelPx) << window;
        if (window >= 1024) {
            EXPECT_GE(map, 0.4f * window) << window;
        }
    }
}

TEST(PanelLayout, ADraggedWidthIsShownAsIsWhileTheMapKeepsItsMinimum) {
    const auto w = layout_panels(1280, 440, 500, true, true);
    EXPECT_FLOAT_EQ(w.left_px, 440);
    EXPECT_FLOAT_EQ(w.right_px, 500);
    const auto squeezed = layout_panels(1024, 600, 600, true, true);
    EXPECT_FLOAT_EQ(1024 - squeezed.left_px - squeezed.right_px, app::gui::kMinMapPx);
    EXPECT_FLOAT_EQ(squeezed.left_px, squeezed.right_px) << "shrunk in proportion";
}

TEST(PanelLayout, ATinyWindowSharesWhatThereIs) {
    const auto w = layout_panels(300, 340, 480, true, true);
    EXPECT_GE(w.left_px, 50);
    EXPECT_GE(w.right_px, 50);
    EXPECT_GT(300 - w.left_px - w.right_px, 0);
    const auto none = layout_panels(0, 340, 480, true, true);
    EXPECT_GE(none.left_px, 0);
}

TEST(PanelLayout, DraggedWidthsStayInTheirRange) {
    EXPECT_FLOAT_EQ(app::gui::clamp_panel_px(10), app::gui::kMinPanelPx);
    EXPECT_FLOAT_EQ(app::gui::clamp_panel_px(5000), app::gui::kMaxPanelPx);
    EXPECT_FLOAT_EQ(app::gui::clamp_panel_px(412), 412);
}

}  // namespace
