#pragma once
// File › Open a PostGIS database: one address field (postgresql://…,
// postgres://… or PG:…), what the address may hold and where the
// credentials come from, Open and Cancel (Enter and Escape). The shell
// opens the catalogue it returns, as File › Open catalogue does a file.
// Main thread, inside an ImGui frame.
// Failures: an address that is not a PostgreSQL one is said so in the
//   dialog, which stays open; connection failures reach the status line
//   when the catalogue loads (geo::Catalogue::open).
#include <optional>
#include <string>

namespace app::gui {

class DatabaseDialog {
public:
    // `address`: the field's first text (the open catalogue's, when it is a database).
    void open(const std::string& address);
    // Draws the dialog; the address once, when the user confirmed one.
    std::optional<std::string> draw();

private:
    bool m_open_requested = false;
    bool m_focus = false;
    std::string m_address;
    bool m_refused = false;
};

}  // namespace app::gui
