#include "geo/io/text_encoding.hpp"

#include <gtest/gtest.h>

TEST(TextEncoding, ValidUtf8) {
    EXPECT_TRUE(geo::is_valid_utf8(""));
    EXPECT_TRUE(geo::is_valid_utf8("Château d’Amboise €"));
    EXPECT_FALSE(geo::is_valid_utf8("Ch\xe2teau"));        // Latin-1 â
    EXPECT_FALSE(geo::is_valid_utf8("\xc0\xaf"));          // overlong '/'
    EXPECT_FALSE(geo::is_valid_utf8("\xed\xa0\x80"));      // surrogate
    EXPECT_FALSE(geo::is_valid_utf8("\xe2\x82"));          // truncated €
    EXPECT_FALSE(geo::is_valid_utf8("\xf4\x90\x80\x80"));  // > U+10FFFF
}

TEST(TextEncoding, Windows1252) {
    EXPECT_EQ(geo::cp1252_to_utf8("Ch\xe2teau"), "Château");
    EXPECT_EQ(geo::cp1252_to_utf8("l\x92\xe9glise \x80 \x9c"), "l’église € œ");
    EXPECT_EQ(geo::cp1252_to_utf8("\x81"), "\xef\xbf\xbd");  // undefined → U+FFFD
    bool recoded = true;
    EXPECT_EQ(geo::to_utf8("Château", recoded), "Château");
    EXPECT_FALSE(recoded);
    EXPECT_EQ(geo::to_utf8("Ch\xe2teau", recoded), "Château");
    EXPECT_TRUE(recoded);
}
