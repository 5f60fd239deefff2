// The one search fold: case, French accents, ligatures, hyphens and apostrophes.
#include "geo/core/text_fold.hpp"

#include <gtest/gtest.h>

namespace geo {
namespace {

TEST(TextFold, FoldsCaseAccentsAndLigatures) {
    EXPECT_EQ(fold_text("Chinon"), "chinon");
    EXPECT_EQ(fold_text("VENDÔME"), "vendome");
    EXPECT_EQ(fold_text("Île-Bouchard"), "ile bouchard");
    EXPECT_EQ(fold_text("Œuvre Notre-Dame"), "oeuvre notre dame");
    EXPECT_EQ(fold_text("Ça, c'est Noël à Blois"), "ca, c est noel a blois");
    EXPECT_EQ(fold_text("Château d’Amboise"), "chateau d amboise");
    EXPECT_EQ(fold_text("ÆÇÉÈÊËÎÏÔÙÛÜŸ"), "aeceeeeiiouuuy");
}

TEST(TextFold, SeparatorsBecomeOneSpace) {
    EXPECT_EQ(fold_text("  Azay-le-Rideau "), "azay le rideau");
    EXPECT_EQ(fold_text("Azay le  Rideau"), fold_text("AZAY-LE-RIDEAU"));
    EXPECT_EQ(fold_text("Saint\u00A0Cyr"), "saint cyr");  // no-break space
    EXPECT_EQ(fold_text(""), "");
    EXPECT_EQ(fold_text(" - "), "");
}

TEST(TextFold, KeepsDigitsOtherScriptsAndInvalidBytes) {
    EXPECT_EQ(fold_text("37261"), "37261");
    EXPECT_EQ(fold_text("Αθήνα"), "Αθήνα");  // Greek is not folded, nor lost
    EXPECT_EQ(fold_text(std::string("a\xFF"
                                    "b")),
              std::string("a\xFF"
                          "b"));
    EXPECT_EQ(fold_text(std::string("caf\xC3")),
              std::string("caf\xC3"));  // truncated sequence kept
}

}  // namespace
}  // namespace geo
