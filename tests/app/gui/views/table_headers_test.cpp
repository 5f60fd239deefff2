// Every abbreviated table header has a tooltip in both languages (issue
// 11.5: "% périm.", "% territ.", "Adéq. /km²", "Divers." had none).
#include "app/gui/views/table_headers.hpp"

#include <string>

#include <gtest/gtest.h>

namespace app::gui {
namespace {

TEST(TableHeaders, AbbreviatedHeadersHaveATooltipInEachLanguage) {
    const Text headers[] = {Text::share_of_perimeter, Text::share_of_unit, Text::col_fit,    Text::col_diversity,
                            Text::col_items,          Text::col_density,   Text::col_ratio,  Text::col_labelled,
                            Text::col_area,           Text::col_distance,  Text::col_inside, Text::col_gaps,
                            Text::col_months};
    for (Language l : {Language::fr, Language::en}) {
        set_language(l);
        for (Text h : headers) {
            const char* tip = header_tip(tr(h));
            ASSERT_NE(tip, nullptr) << tr(h);
            EXPECT_GT(std::string(tip).size(), std::string(tr(h)).size() + 8) << tr(h) << ": " << tip;
        }
    }
    set_language(Language::fr);
    EXPECT_STREQ(header_tip("% territ."), "Part de la surface de ce territoire couverte par le périmètre");
    EXPECT_EQ(header_tip("Nom"), nullptr) << "a plain header needs none";
}

}  // namespace
}  // namespace app::gui
