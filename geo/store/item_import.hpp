#pragma once
// One import of offer items written batch by batch inside one transaction,
// for sources too large to hold in memory (the national DATAtourisme feed):
// Catalogue::begin_items opens it, write() adds a batch, finish() commits.
// Destroyed unfinished, or after a failed write, it rolls back: all the
// batches land, or none.
// Ownership: holds its catalogue's connection until it is destroyed; the
//   Catalogue must outlive it and not be used meanwhile.
// Threads: the Catalogue's thread only.
// Failures: as Catalogue::upsert_items: a record repeated within the import
//   is skipped with a reason (in the report), invalid coordinates and
//   database errors fail the whole import.
#include <memory>
#include <string>
#include <vector>

#include "geo/core/error.hpp"
#include "geo/core/offer.hpp"
#include "geo/core/theme_names.hpp"

namespace geo {

class ItemImport {
public:
    ItemImport(const ItemImport&) = delete;
    ItemImport& operator=(const ItemImport&) = delete;
    virtual ~ItemImport() = default;

    // Writes one batch (any size). After a failure, only destruction is left.
    Result<void> write(const std::vector<OfferItem>& batch);
    // Writes the source's theme names and commits; the report's imported and
    // updated counts are then final. Once only.
    Result<void> finish(const std::vector<ThemeName>& theme_names);

protected:
    // `name`: the catalogue's, for messages.
    explicit ItemImport(std::string name) : m_name(std::move(name)) {}
    virtual Result<void> write_batch(const std::vector<OfferItem>& batch) = 0;
    virtual Result<void> commit_import(const std::vector<ThemeName>& theme_names) = 0;

private:
    std::string m_name;
    bool m_closed = false;  // failed or finished
};

}  // namespace geo
