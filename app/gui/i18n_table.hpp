#pragma once
// The string table behind tr() (app/gui/i18n.hpp): one entry per Text, in
// the order of the enum (i18n_table_is_consistent() checks it).
// Constant data; thread-safe. No failure mode.
#include <span>

#include "app/gui/i18n.hpp"

namespace app::gui {

struct I18nEntry {
    Text key;
    const char* fr;
    const char* en;
};

std::span<const I18nEntry> i18n_table();

}  // namespace app::gui
