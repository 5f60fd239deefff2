#pragma once
// Shared by the importer tests: the default taxonomy (loaded once) and
// look-ups of parsed items.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "geo/core/taxonomy.hpp"
#include "geo/io/import_types.hpp"

namespace test {

inline const geo::Taxonomy& taxonomy() {
    static const geo::Taxonomy t = [] {
        auto loaded = geo::Taxonomy::load_default();
        EXPECT_TRUE(loaded) << loaded.error().message;
        return loaded ? std::move(*loaded) : geo::Taxonomy{};
    }();
    return t;
}

// The first item named `name` (or with source id `id`), nullptr when none.
inline const geo::OfferItem* item_named(const geo::ParsedItems& parsed, const std::string& name) {
    const auto it =
        std::find_if(parsed.items.begin(), parsed.items.end(), [&](const geo::OfferItem& i) { return i.name == name; });
    return it == parsed.items.end() ? nullptr : &*it;
}
inline const geo::OfferItem* item_with_id(const geo::ParsedItems& parsed, const std::string& id) {
    const auto it = std::find_if(parsed.items.begin(), parsed.items.end(),
                                 [&](const geo::OfferItem& i) { return i.source_id == id; });
    return it == parsed.items.end() ? nullptr : &*it;
}

}  // namespace test
