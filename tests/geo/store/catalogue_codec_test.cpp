// The list columns (subtypes, labels, themes): encode_string_list writes the
// JSON array nlohmann writes, whether through its fast path (printable ASCII)
// or not, and decode_string_list reads back what it wrote.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "geo/store/catalogue_codec.hpp"

namespace {

std::string nlohmann_dump(const std::vector<std::string>& values) {
    return nlohmann::json(values).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

TEST(CatalogueCodec, ListsEncodeAsNlohmannWritesThemAndReadBack) {
    const std::vector<std::vector<std::string>> lists = {
        {},
        {"castle"},
        {"castle", "garden", "wine_cellar"},
        {""},
        {"kb:Renaissance", "with space", "a/b", "~!@#$%^&*()_+{}|:<>?"},
        {"quote \" inside"},
        {"back\\slash"},
        {"tab\there", "new\nline", std::string("nul\0byte", 8)},
        {"Château", "Église", "🏰"},
        {"caf\xE9"},  // not UTF-8: replaced, as nlohmann does
        {"\x7F delete"},
    };
    for (const auto& values : lists) {
        const std::string encoded = geo::store::encode_string_list(values);
        EXPECT_EQ(encoded, nlohmann_dump(values));
        if (values.size() == 1 && values[0] == "caf\xE9") continue;
        EXPECT_EQ(geo::store::decode_string_list(encoded), values) << encoded;
    }
}
