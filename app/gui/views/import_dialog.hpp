#pragma once
// The import dialog: a path field with the in-app file browser (also filled
// by a file dropped on the window), what to import — offer items (a
// DATAtourisme feed, an OpenStreetMap extract, any GDAL file), territories
// at a level, or a context layer — a progress bar while the import runs in
// the background, then its report (read / imported / updated / skipped with
// each skipped record and why). Items and territories go into the open
// catalogue in one transaction; the caller reloads the map from it. The demo
// catalogue is never written: on the demo, the dialog proposes a new
// catalogue file instead (and run_import refuses the demo's file).
// Main thread, inside an ImGui frame.
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "app/gui/model/background_job.hpp"
#include "app/gui/model/ui_state.hpp"
#include "app/gui/views/file_browser.hpp"
#include "geo/core/offer.hpp"
#include "geo/io/context_layer.hpp"
#include "geo/io/source_fields.hpp"

namespace app::gui {

struct ImportOutcome {
    ImportKind kind = ImportKind::items;
    std::string path;
    std::string catalogue;
    geo::ImportReport report;                     // items and territories
    std::optional<geo::ContextGeometry> context;  // context layers
    std::string error;                            // empty on success
};

// The fields chosen in the dialog for a GDAL file ("" everywhere: what the
// importer detects, as `territoire import` without options).
struct ImportFieldChoice {
    std::string layer;
    std::string name_field;
    std::string id_field;      // items
    std::string family_field;  // items
    std::string family;        // items: one family for every record
    std::string code_field;    // territories
};

// What an import on a shared database says while it waits for another
// office's import of the same source: written by the import's worker,
// read by the dialog each frame.
class WaitNote {
public:
    void set(std::string text) {
        std::lock_guard lock(m_mutex);
        m_text = std::move(text);
    }
    [[nodiscard]] std::string get() const {
        std::lock_guard lock(m_mutex);
        return m_text;
    }

private:
    mutable std::mutex m_mutex;
    std::string m_text;
};

// Runs one import (on the calling thread): items or territories into the
// catalogue file (created when missing) or database, or a context layer
// read. `wait`, when given, receives the wait message in the interface's
// language.
ImportOutcome run_import(ImportKind kind, const std::string& path, const std::string& catalogue,
                         geo::TerritoryLevel level, const geo::Progress& progress, const ImportFieldChoice& fields = {},
                         const std::shared_ptr<WaitNote>& wait = {});

class ImportDialog {
public:
    void open(ImportKind kind, const std::string& path = "");
    // Draws the dialog; returns an outcome once, when an import succeeded.
    // `demo`: `catalogue` is the demo's, read-only.
    std::optional<ImportOutcome> draw(const std::string& catalogue, bool demo = false);
    [[nodiscard]] bool busy() const { return m_job.running(); }
    // The layers and fields read from the path's file (empty until read), and the choices made.
    [[nodiscard]] const std::vector<geo::SourceLayerFields>& fields() const { return m_fields; }
    [[nodiscard]] const ImportFieldChoice& choice() const { return m_choice; }
    // The last import's refusal as shown in the dialog ("" when none).
    [[nodiscard]] std::string last_error() const { return m_last ? m_last->error : std::string(); }

private:
    // The file's layers and fields, read on a worker once the path names an
    // existing GDAL file; the field menus under the path.
    void update_fields();
    void draw_fields();

    bool m_open_requested = false;
    ImportKind m_kind = ImportKind::items;
    geo::TerritoryLevel m_level = geo::TerritoryLevel::commune;
    std::string m_path;
    std::string m_new_catalogue;  // on the demo: the catalogue the import creates
    FileBrowser m_browser;
    BackgroundJob<ImportOutcome> m_job;
    std::shared_ptr<WaitNote> m_wait = std::make_shared<WaitNote>();
    std::chrono::steady_clock::time_point m_started;  // of the running import, for its rate
    std::optional<ImportOutcome> m_last;
    BackgroundJob<geo::Result<std::vector<geo::SourceLayerFields>>> m_fields_job;
    std::string m_checked_path;  // the path (and purpose) m_fields_wanted was decided for
    ImportKind m_checked_kind = ImportKind::items;
    std::string m_fields_wanted;  // the GDAL file to describe, "" when the path names none
    std::string m_fields_path;    // the file m_fields (or the running read) describes
    std::vector<geo::SourceLayerFields> m_fields;
    ImportFieldChoice m_choice;
};

}  // namespace app::gui
