#pragma once
// geo::Error in the interface's language. An Error keeps its parts (see
// geo/core/error.hpp): data (paths, ids) is shown as it is; a part written
// from an English template is shown from that template's French, with the
// same arguments (decimal points of plain numbers become commas), and
// parts are joined with French spacing (" : ", " ; "). English shows the
// message as geo/ wrote it.
// The French templates live in app/gui/errors/error_fr_*.cpp, one table per
// area of the code; a test checks that every template written in geo/ and
// app/gui/ has its French, with the same fields.
// Threads: the tables are constant and built once (thread-safe); the
// functions are pure apart from reading language(). No failure mode: a
// template without French, or a French template that fmt refuses, shows
// that part in English.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/gui/i18n.hpp"
#include "geo/core/error.hpp"

namespace app::gui {

struct ErrorTranslation {
    const char* en;  // exactly the template given to fail_fmt / error_fmt / with_*_fmt
    const char* fr;  // fields {} in the same order, or {0} {1}… for all; no format specs
};

std::string error_text(const geo::Error& error);  // in language()
std::string error_text(const geo::Error& error, Language language);

// The French of an English template, or null when there is none.
const char* french_template(std::string_view msgid);

// Every translation, all tables together.
std::vector<ErrorTranslation> error_translations();

// The tables, one per area (error_fr_*.cpp).
std::span<const ErrorTranslation> error_fr_io();
std::span<const ErrorTranslation> error_fr_analysis();
std::span<const ErrorTranslation> error_fr_store();
std::span<const ErrorTranslation> error_fr_gui();

}  // namespace app::gui
