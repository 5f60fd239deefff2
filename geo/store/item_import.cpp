// ItemImport: the state every backend's streamed import shares.
#include "geo/store/item_import.hpp"

namespace geo {

Result<void> ItemImport::write(const std::vector<OfferItem>& batch) {
    if (m_closed) return fail_fmt("{}: the import already failed; nothing was imported", m_name);
    auto ok = write_batch(batch);
    if (!ok) m_closed = true;
    return ok;
}

Result<void> ItemImport::finish(const std::vector<ThemeName>& theme_names) {
    if (m_closed) return fail_fmt("{}: the import already failed; nothing was imported", m_name);
    m_closed = true;
    return commit_import(theme_names);
}

}  // namespace geo
