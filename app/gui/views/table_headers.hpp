#pragma once
#include <initializer_list>
#include <utility>

#include "app/gui/i18n.hpp"

// A table's header row, as ImGui::TableHeadersRow, with a tooltip on every
// abbreviated or technical header ("% périm.", "Adéq. /km²", "Divers.",
// "/100 km²", …) that says in the interface's language what the column
// holds. Sorting and hidden labels ("##family") work as in TableHeadersRow.
// Main thread, between BeginTable and the first row.
namespace app::gui {

// `column_tips`: tooltips for given columns (index, text), where a header's
// meaning depends on the table (a gap's score, a segment's score).
void table_headers_row(std::initializer_list<std::pair<int, Text>> column_tips = {});

// The tooltip of a column header, in the current language (nullptr: none).
// Exposed for the string-table test.
const char* header_tip(const char* header);

}  // namespace app::gui
